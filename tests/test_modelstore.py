"""Model files: manifest checks, integrity, clear errors (no stanza needed)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from diplo_events import InputError, ModelIntegrityError, ModelNotFoundError
from diplo_events._nlp.store import (
    ONEDNN_CACHE_CAPACITY,
    _bound_onednn_cache,
    build_pipeline,
    bundled_model_dir,
    check_device,
    verify_model,
)


def _fake_model(tmp_path: Path) -> Path:
    d = tmp_path / "model"
    d.mkdir()
    files = {}
    for proc in ("tokenize", "mwt", "pos", "lemma", "depparse"):
        path = d / f"{proc}.pt"
        path.write_bytes(proc.encode() * 100)
        files[path.name] = {
            "processor": proc,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        }
    (d / "manifest.json").write_text(json.dumps({"name": "fake", "files": files}))
    return d


def test_verify_accepts_matching_files(tmp_path: Path) -> None:
    info = verify_model(_fake_model(tmp_path))
    assert info.name == "fake"


def test_flipped_byte_is_an_integrity_error(tmp_path: Path) -> None:
    d = _fake_model(tmp_path)
    data = bytearray((d / "pos.pt").read_bytes())
    data[10] ^= 0xFF
    (d / "pos.pt").write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match=r"pos\.pt"):
        verify_model(d)


def test_missing_file_names_the_fix(tmp_path: Path) -> None:
    d = _fake_model(tmp_path)
    (d / "depparse.pt").unlink()
    with pytest.raises(ModelNotFoundError, match="download"):
        verify_model(d)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="manifest"):
        verify_model(tmp_path)


def test_not_a_model_directory(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"resources\.json"):
        build_pipeline(tmp_path)


@pytest.mark.model
def test_corrupted_copy_of_the_bundled_model(tmp_path: Path) -> None:
    copy = tmp_path / "en_ewt"
    shutil.copytree(bundled_model_dir(), copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    name = next(iter(manifest["files"]))
    data = bytearray((copy / name).read_bytes())
    data[len(data) // 2] ^= 0x01
    (copy / name).write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError):
        build_pipeline(copy)


@pytest.mark.parametrize("device", ["gpu", "CUDA", "cuda:", "cuda:x", "cpu:0", "", None, 0])
def test_device_names_are_checked_before_loading(device: object, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="device must be"):
        build_pipeline(tmp_path, device=device)  # type: ignore[arg-type]


@pytest.mark.parametrize("device", ["cuda", "cuda:0", "cuda:3"])
def test_a_gpu_torch_cannot_see_is_an_error_not_a_silent_cpu_run(
    device: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(InputError, match="sees no CUDA GPU"):
        build_pipeline(tmp_path, device=device)


def test_a_gpu_index_past_the_last_one_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    check_device("cuda:0")  # the first is there
    with pytest.raises(InputError, match="sees 1 CUDA GPU"):
        build_pipeline(tmp_path, device="cuda:1")


def test_onednn_cache_is_bounded_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", raising=False)
    _bound_onednn_cache()
    assert os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] == ONEDNN_CACHE_CAPACITY
    monkeypatch.setenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "2048")
    _bound_onednn_cache()
    assert os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] == "2048"

