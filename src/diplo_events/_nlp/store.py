"""The model: locating, verifying and loading stanza pipelines.

This is the only module besides the parse view that touches stanza, and it
imports stanza (and so torch) only when a pipeline is built.  Nothing here
opens a network connection unless :func:`download` is called explicitly.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from ..exceptions import InputError, ModelIntegrityError, ModelNotFoundError

__all__ = [
    "BUNDLED_MODEL",
    "ModelInfo",
    "build_pipeline",
    "bundled_model_dir",
    "check_model_dir",
    "download",
    "verify_model",
]

log = logging.getLogger(__name__)

BUNDLED_MODEL = "en_ewt"
PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
# The longest token accepted whole; longer ones (URLs) would otherwise become <UNK>.
MAX_TOKEN_CHARS = 1000
DEPPARSE_BATCH_WORDS = 500
LEMMA_BATCH_WORDS = 200
# The tokenizer's groups of paragraphs: the cost model counts a time step of
# its LSTMs as this many rows of work on top of its rows, and a batch as at
# most 64 rows (both chosen by benchmarks/bench.py; docs/accuracy.md).
TOKENIZE_STEP_ROWS = 6.0
TOKENIZE_BATCH_ROWS = 64
# Text parsed in one round of stanza calls, whose Documents are alive at
# once: a batch of 64 news articles (~60,000 characters) fits in one; a
# longer document takes several, so its memory stays bounded.
PARSE_ROUND_CHARS = 100_000
_FIX = (
    "Reinstall diplo-events (the wheel ships the model), retrain it with "
    "'python tools/train_model.py --ud-dir DIR all', or use stanza's official English "
    "models: run 'diplo-events download --dir DIR' once, then Extractor.load(model_dir=DIR)."
)


@attrs.frozen
class ModelInfo:
    """What was loaded: the model's name, directory and manifest."""

    name: str
    path: Path
    manifest: dict[str, Any] = attrs.field(eq=False, repr=False)

    @property
    def scores(self) -> dict[str, Any]:
        scores: dict[str, Any] = self.manifest.get("scores", {})
        return scores


def bundled_model_dir() -> Path:
    return Path(str(resources.files("diplo_events").joinpath("models", BUNDLED_MODEL)))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_model_dir(model_dir: str | Path) -> Path:
    """``model_dir`` as a path, or :class:`ModelNotFoundError` when it is no directory."""
    path = Path(model_dir).expanduser()
    if not path.exists():
        raise ModelNotFoundError(
            f"model directory {path} does not exist. Fetch stanza's official English "
            f"models into it with 'diplo-events download --dir {path}', or leave out "
            "model_dir (--model-dir) for the bundled model."
        )
    if not path.is_dir():
        raise ModelNotFoundError(f"model directory {path} is a file, not a directory")
    return path


def verify_model(model_dir: Path) -> ModelInfo:
    """Check every file of a bundled-style model against its manifest's sha256."""
    manifest_path = model_dir / "manifest.json"
    if not manifest_path.is_file():
        raise ModelNotFoundError(f"no model manifest at {manifest_path}. {_FIX}")
    try:
        manifest = json.loads(manifest_path.read_text("utf-8"))
        files = manifest["files"]
    except (ValueError, KeyError) as exc:
        raise ModelIntegrityError(f"{manifest_path} is not a valid model manifest: {exc}") from exc
    for name, meta in files.items():
        path = model_dir / name
        if not path.is_file():
            raise ModelNotFoundError(f"model file {path} is missing. {_FIX}")
        actual = _sha256(path)
        if actual != meta["sha256"]:
            raise ModelIntegrityError(
                f"model file {path} does not match its manifest (sha256 {actual[:12]}..., "
                f"expected {meta['sha256'][:12]}...): it is corrupted or was replaced. {_FIX}"
            )
    return ModelInfo(
        name=str(manifest.get("name", model_dir.name)), path=model_dir, manifest=manifest
    )


def _processor_paths(info: ModelInfo) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for name, meta in info.manifest["files"].items():
        processor = meta.get("processor")
        if processor:
            paths[f"{processor}_model_path"] = str(info.path / name)
        if meta.get("variant") == "perceptron":
            from .tagger import register_with_stanza

            register_with_stanza()
            paths[f"{processor}_with_perceptron"] = True
        elif meta.get("variant"):
            raise ModelIntegrityError(f"unknown model variant {meta['variant']!r} in {info.path}")
    missing = {f"{p}_model_path" for p in PROCESSORS.split(",")} - set(paths)
    if missing:
        raise ModelIntegrityError(f"manifest of {info.path} lacks {sorted(missing)}")
    return paths


# oneDNN, torch's CPU kernels, keeps a compiled primitive for each input
# shape it saw (1024 by default), each with its scratch memory.  The LSTMs
# here see a new shape at nearly every call (paragraph and sentence
# lengths), so a small cache bounds memory at no cost in speed
# (docs/howto.md, docs/accuracy.md).
ONEDNN_CACHE_CAPACITY = "64"


def _bound_onednn_cache() -> None:
    # Read by oneDNN when it first builds a primitive; a user's setting wins.
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", ONEDNN_CACHE_CAPACITY)


def _torch_threads() -> None:
    # Respect OMP_NUM_THREADS when the user set it; stanza itself does not.
    threads = os.environ.get("DIPLO_EVENTS_THREADS")
    if threads:
        import torch

        torch.set_num_threads(int(threads))


def check_device(device: object) -> None:
    """Raise :class:`InputError` unless ``device`` names a device torch can use.

    stanza itself falls back to the CPU without a word when no GPU is seen;
    a user who asked for one should hear that instead.
    """
    if not isinstance(device, str) or not re.fullmatch(r"cpu|cuda(:\d+)?", device):
        raise InputError(f"device must be 'cpu', 'cuda' or 'cuda:N', not {device!r}")
    if device == "cpu":
        return
    import torch

    if not torch.cuda.is_available():
        raise InputError(
            f"device {device!r}: torch {torch.__version__} sees no CUDA GPU "
            "(a CPU-only build, or no driver); use device='cpu'"
        )
    index = int(device.partition(":")[2] or 0)
    if index >= torch.cuda.device_count():
        raise InputError(
            f"device {device!r}: torch sees {torch.cuda.device_count()} CUDA GPU(s)"
        )


def build_pipeline(
    model_dir: str | Path | None = None, *, device: str = "cpu", verify: bool = True
) -> tuple[Any, ModelInfo]:
    """A stanza Pipeline and its :class:`ModelInfo`.

    ``model_dir=None`` loads the bundled model (verified against its manifest
    unless ``verify=False``).  A directory holding a ``manifest.json`` is
    loaded the same way; any other directory is taken as a stanza resources
    directory with the official English models (see :func:`download`).
    """
    check_device(device)
    _bound_onednn_cache()
    import stanza  # lazy: brings in torch

    _torch_threads()
    use_gpu = device != "cpu"
    common: dict[str, Any] = {
        "lang": "en",
        "processors": PROCESSORS,
        "download_method": None,
        "use_gpu": use_gpu,
        "logging_level": "ERROR",
        "tokenize_max_seqlen": MAX_TOKEN_CHARS,
        # The parser's batch (in words) bounds its biaffine score tensors,
        # whose size grows with the batch's padded words times its longest
        # sentence (docs/accuracy.md has the measurements behind 500).
        "depparse_batch_size": DEPPARSE_BATCH_WORDS,
        # The lemmatizer decodes a batch of words step by step: larger
        # batches give the same lemmas in fewer steps, up to a point where
        # memory grows for no gain.
        "lemma_batch_size": LEMMA_BATCH_WORDS,
    }
    if use_gpu and device.startswith("cuda:"):
        common["device"] = device
    path = bundled_model_dir() if model_dir is None else check_model_dir(model_dir)
    if (path / "manifest.json").is_file() or model_dir is None:
        info = (
            verify_model(path)
            if verify
            else ModelInfo(
                BUNDLED_MODEL, path, json.loads((path / "manifest.json").read_text("utf-8"))
            )
        )
        # stanza wants a resources.json even offline; an empty one makes it
        # load nothing but the paths we give.
        resources_dir = path if os.access(path, os.W_OK) else _scratch_dir()
        if not (resources_dir / "resources.json").exists():
            (resources_dir / "resources.json").write_text("{}")
        # stanza warns "Unsupported language" for the empty resources.json;
        # it is expected here, so keep it off the user's console.
        with _quiet_stanza():
            pipeline = stanza.Pipeline(
                dir=str(resources_dir),
                **common,
                **_processor_paths(info),
            )
        return pipeline, info
    if not (path / "resources.json").is_file():
        raise ModelNotFoundError(
            f"{path} holds neither a diplo_events manifest nor stanza "
            f"models (no resources.json). {_FIX}"
        )
    if not (path / "en").is_dir():
        raise ModelNotFoundError(f"{path} has no English stanza models (no 'en' folder). {_FIX}")
    with _quiet_stanza():
        pipeline = stanza.Pipeline(dir=str(path), **common)
    return pipeline, ModelInfo(
        name="stanza-official-en", path=path, manifest={"source": "stanza official models"}
    )


@contextlib.contextmanager
def _quiet_stanza() -> Iterator[None]:
    stanza_log = logging.getLogger("stanza")
    level = stanza_log.level
    stanza_log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        stanza_log.setLevel(level)


def _scratch_dir() -> Path:
    import tempfile

    d = Path(tempfile.gettempdir()) / "diplo_events_resources"
    d.mkdir(exist_ok=True)
    return d


def download(model_dir: str | Path, *, package: str = "default") -> Path:
    """Fetch stanza's official English models into ``model_dir`` (network!).

    The only function of diplo_events that opens a connection; it is never
    called implicitly.
    """
    import stanza

    target = Path(model_dir)
    target.mkdir(parents=True, exist_ok=True)
    stanza.download("en", model_dir=str(target), package=package, processors=PROCESSORS)
    return target
