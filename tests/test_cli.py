"""The command line, with a fake extractor: formats, inputs and every exit status."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from diplo_events import (
    Event,
    LexiconError,
    ModelIntegrityError,
    ModelNotFoundError,
    NotEnglishWarning,
    UndatedWarning,
    _cli,
)
from diplo_events._cli import EXIT_INPUT, EXIT_MODEL, EXIT_OK, EXIT_USAGE, main
from diplo_events._nlp import store as _modelstore
from diplo_events._outputs import COLUMNS, read_jsonl

from .test_outputs import sample_events


class FakeExtractor:
    """Returns the hand-built events for any text; records what it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dt.date | None]] = []
        self.made: list[argparse.Namespace] = []  # the args it was made from

    def extract(self, text: str, published: dt.date | None = None, *,
                on_section: Any = None) -> list[Event]:
        self.calls.append((text, published))
        if on_section is not None:  # two sections, as the real one reads a long text
            on_section(len(text) // 2, len(text))
            on_section(len(text), len(text))
        return [] if "nothing" in text else sample_events()

    def extract_many(self, items: Any, *, batch_size: int = 64) -> Any:
        """Lazily, like the real one: one result per item as it comes."""
        from diplo_events import Result

        for index, (text, context) in enumerate(items):
            self.calls.append((text, context["published"]))
            if "fail" in text:
                yield Result(index=index, id=context["id"], error="InputError: bad")
                continue
            yield Result(index=index, id=context["id"], events=tuple(self.extract(text)))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    extractor = FakeExtractor()

    def make(args: argparse.Namespace) -> FakeExtractor:
        extractor.made.append(args)
        return extractor

    monkeypatch.setattr(_cli, "_make_extractor", make)
    return extractor


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in [("a.txt", "Blinken met Wang Yi."), ("b.txt", "nothing happened")]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def err_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert err, "expected a message on stderr"
    return err[-1]


# -- extract: formats ------------------------------------------------------------


def test_extract_jsonl_to_stdout(fake: FakeExtractor, articles: list[Path],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", *map(str, articles)]) == EXIT_OK
    out = capsys.readouterr().out
    lines = [json.loads(line) for line in out.splitlines()]
    assert [obj["doc_id"] for obj in lines] == [str(articles[0])] * 3
    assert read_jsonl(io.StringIO(out)) == sample_events()
    assert [text for text, _ in fake.calls] == ["Blinken met Wang Yi.", "nothing happened"]


def test_extract_csv_to_a_file(fake: FakeExtractor, articles: list[Path], tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.csv"
    assert main(["extract", *map(str, articles), "--format", "csv", "-o", str(out)]) == EXIT_OK
    assert capsys.readouterr().out == ""
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["doc_id", *COLUMNS]
    assert len(rows) == 3
    assert rows[0]["targets"] == "Wang Yi; Xi Jinping"


def test_extract_tsv(fake: FakeExtractor, articles: list[Path],
                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(articles[0]), "-f", "tsv"]) == EXIT_OK
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == ["20240426", "USAGOV", "CHNGOV", "040", str(articles[0]), "8-11",
                       "meeting", "CONSULT"]
    assert len(rows) == 4


def test_extract_table(fake: FakeExtractor, articles: list[Path],
                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", *map(str, articles), "--format", "table"]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"== {articles[0]}: 3 events" in out
    assert f"== {articles[1]}: 0 events" in out
    assert "Antony Blinken -> Wang Yi, Xi Jinping  [2024-04-26 (relative)] CAMEO 040" in out
    assert "NEGATED" in out
    assert "HYPOTHETICAL" in out


def test_extract_reads_stdin_as_utf8(fake: FakeExtractor, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    data = "Лавров met Blinken — in Paris.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))
    assert main(["extract", "-", "--format", "csv"]) == EXIT_OK
    assert fake.calls[0][0] == data.decode("utf-8")
    assert "<stdin>,meeting" in capsys.readouterr().out


def test_published_is_passed_as_a_date(fake: FakeExtractor, articles: list[Path],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(articles[0]), "--published", "2024-04-26"]) == EXIT_OK
    assert fake.calls[0][1] == dt.date(2024, 4, 26)
    assert main(["extract", str(articles[0])]) == EXIT_OK
    assert fake.calls[1][1] is None


def test_options_reach_the_extractor_factory(fake: FakeExtractor, articles: list[Path],
                                             tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["extract", str(articles[0]), "--lexicon", "my.json", "--model-dir", str(tmp_path)]
    assert main(argv) == EXIT_OK
    args = fake.made[0]
    assert (args.lexicon, args.model_dir, args.device) == ("my.json", str(tmp_path), "cpu")


def test_make_extractor_loads_with_the_options(monkeypatch: pytest.MonkeyPatch) -> None:
    from diplo_events import _extractor

    seen: dict[str, Any] = {}

    def load(model_dir: Any = None, **kwargs: Any) -> str:
        seen.update(kwargs, model_dir=model_dir)
        return "extractor"

    monkeypatch.setattr(_extractor.Extractor, "load", staticmethod(load))
    args = argparse.Namespace(model_dir="m", lexicon="l.json", device="cuda", all_events=False)
    assert _cli._make_extractor(args) == "extractor"  # type: ignore[comparison-overlap]
    assert seen == {"model_dir": "m", "lexicon": "l.json", "device": "cuda",
                    "political_only": True}
    args.all_events = True
    _cli._make_extractor(args)
    assert seen["political_only"] is False


def test_progress_bar_with_many_files(fake: FakeExtractor, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    files = []
    for i in range(_cli.PROGRESS_MIN_FILES):
        path = tmp_path / f"{i}.txt"
        path.write_text("nothing", encoding="utf-8")
        files.append(str(path))
    assert main(["extract", *files, "--progress"]) == EXIT_OK
    assert "file" in capsys.readouterr().err  # tqdm's "4/4 [...] file/s"
    assert main(["extract", *files, "--no-progress"]) == EXIT_OK
    assert capsys.readouterr().err == ""


def test_progress_bar_by_section_for_one_large_file(fake: FakeExtractor, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    from diplo_events._bounds import SECTION_CHARS

    path = tmp_path / "large.txt"
    path.write_text("nothing happened. " * (SECTION_CHARS // 18 + 10), encoding="utf-8")
    assert main(["extract", str(path), "--progress"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "large.txt" in err and "char" in err  # tqdm's "large.txt: 100%|...| 200k/200k char"
    assert main(["extract", str(path), "--no-progress"]) == EXIT_OK
    assert capsys.readouterr().err == ""
    small = tmp_path / "small.txt"
    small.write_text("nothing happened.", encoding="utf-8")
    assert main(["extract", str(small), "--progress"]) == EXIT_OK
    assert "char" not in capsys.readouterr().err  # one section: no bar


# -- exit status 2: usage -------------------------------------------------------------


def test_help_and_version_are_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    assert "extract" in capsys.readouterr().out
    assert main(["extract", "--help"]) == EXIT_OK
    assert "--published" in capsys.readouterr().out
    assert main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("diplo-events ")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["extract"],
        ["extract", "a.txt", "--format", "xml"],
        ["extract", "a.txt", "--no-such-option"],
        ["download"],
    ],
)
def test_usage_errors(argv: list[str], fake: FakeExtractor,
                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == EXIT_USAGE
    assert "error" in capsys.readouterr().err
    assert fake.calls == []


def test_bad_published_date(fake: FakeExtractor, articles: list[Path],
                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(articles[0]), "--published", "last Tuesday"]) == EXIT_USAGE
    line = err_line(capsys)
    assert line.startswith("diplo-events: error: --published must be an ISO date")
    assert fake.made == []  # failed before loading the model


def test_stdin_only_once(fake: FakeExtractor, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "-", "-"]) == EXIT_USAGE
    assert "only once" in err_line(capsys)


def test_cuda_without_a_gpu_is_a_usage_error(monkeypatch: pytest.MonkeyPatch,
                                            articles: list[Path],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The real extractor factory: the model store refuses the device before any model loads."""
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert main(["extract", str(articles[0]), "--device", "cuda"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1  # no traceback
    assert err[0].startswith("diplo-events: error: device 'cuda': torch ")
    assert err[0].endswith("sees no CUDA GPU (a CPU-only build, or no driver); use device='cpu'")


# -- exit status 3: files ----------------------------------------------------------------


def test_missing_file_is_named_before_the_model_loads(
    fake: FakeExtractor, articles: list[Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(articles[0]), str(missing)]) == EXIT_INPUT
    assert err_line(capsys) == f"diplo-events: error: {missing}: no such file"
    assert fake.made == []


def test_directory_is_not_a_file(fake: FakeExtractor, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path)]) == EXIT_INPUT
    assert "is a directory" in err_line(capsys)


def test_undecodable_file_is_named_and_the_others_still_run(
    fake: FakeExtractor, articles: list[Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Lavrov a rencontré Wang Yi.".encode("latin-1"))
    assert main(["extract", str(bad), str(articles[0])]) == EXIT_INPUT
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert err[0].startswith(f"diplo-events: error: {bad}: not UTF-8 text (byte 0xe9")
    assert err[-1] == f"diplo-events: error: 1 of 2 input files could not be read: {bad}"
    assert len(captured.out.splitlines()) == 3  # the good file's events were written
    assert [text for text, _ in fake.calls] == ["Blinken met Wang Yi."]


def test_undecodable_stdin(fake: FakeExtractor, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe oops")))
    assert main(["extract", "-"]) == EXIT_INPUT
    assert "<stdin>: not UTF-8 text" in capsys.readouterr().err


def test_unwritable_output(fake: FakeExtractor, articles: list[Path], tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no" / "such" / "dir" / "out.jsonl"
    assert main(["extract", str(articles[0]), "-o", str(out)]) == EXIT_INPUT
    assert f"{out}: cannot write" in err_line(capsys)


def test_bad_lexicon_file(monkeypatch: pytest.MonkeyPatch, articles: list[Path],
                          capsys: pytest.CaptureFixture[str]) -> None:
    def make(args: argparse.Namespace) -> FakeExtractor:
        raise LexiconError("lexicon file my.json does not exist")

    monkeypatch.setattr(_cli, "_make_extractor", make)
    assert main(["extract", str(articles[0]), "--lexicon", "my.json"]) == EXIT_INPUT
    assert err_line(capsys) == "diplo-events: error: lexicon file my.json does not exist"


def test_a_bad_trigger_is_counted_in_the_users_own_file(
    monkeypatch: pytest.MonkeyPatch, articles: list[Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The real factory reads the lexicon before the model: a one-trigger file's #1."""
    lexicon = tmp_path / "mine.json"
    lexicon.write_text(json.dumps({"triggers": [{"lemma": "parley", "pos": "VERB",
                                                 "kind": "parley"}]}), encoding="utf-8")
    assert main(["extract", str(articles[0]), "--lexicon", str(lexicon)]) == EXIT_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"diplo-events: error: {lexicon}: trigger #1 ('parley'): "
                   "unknown kind 'parley'"]


# -- warnings: a file with no text, not English, undated (exit status 0) -----------------


@pytest.mark.parametrize(
    ("data", "why"),
    [(b"", "no text (empty)"),
     (b"\x00" * 64, "no text (only blanks and control characters (NUL))")],
)
def test_a_file_with_no_text_says_why(fake: FakeExtractor, tmp_path: Path, data: bytes,
                                      why: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    fake_events: list[Event] = []
    fake.extract = lambda text, published=None: fake_events  # type: ignore[method-assign]
    assert main(["extract", str(path), "-f", "table"]) == EXIT_OK
    captured = capsys.readouterr()
    assert f"== {path}: 0 events" in captured.out
    assert captured.err == f"diplo-events: warning: {path}: {why}; nothing to extract\n"


class WarningExtractor(FakeExtractor):
    """Warns as the real extractor does: not English, or no publication date."""

    def extract(self, text: str, published: dt.date | None = None) -> list[Event]:
        if "nicht" in text:
            warnings.warn("text does not look like English", NotEnglishWarning, stacklevel=2)
            return []
        if published is None:
            warnings.warn("no dateline and no published date", UndatedWarning, stacklevel=2)
        return super().extract(text, published)

    def extract_many(self, items: Any, *, batch_size: int = 64) -> Any:
        from diplo_events import Result

        for index, (text, context) in enumerate(items):
            events = self.extract(text, context["published"])
            yield Result(index=index, id=context["id"], events=tuple(events))


@pytest.fixture
def warning_fake(monkeypatch: pytest.MonkeyPatch) -> WarningExtractor:
    extractor = WarningExtractor()
    monkeypatch.setattr(_cli, "_make_extractor", lambda args: extractor)
    return extractor


def test_a_text_not_in_english_says_why(warning_fake: WarningExtractor, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Das ist nicht Englisch.", encoding="utf-8")
    assert main(["extract", str(path), "--published", "2024-04-26"]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"diplo-events: warning: {path}: text does not look like "
                            "English\n")


def test_undated_files_are_named_once_each(warning_fake: WarningExtractor,
                                          articles: list[Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", *map(str, articles)]) == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert err == [f"diplo-events: warning: {path}: {_cli.UNDATED_HINT}" for path in articles]
    assert main(["extract", *map(str, articles), "--published", "2024-04-26"]) == EXIT_OK
    assert capsys.readouterr().err == ""


def test_undated_jsonl_documents_are_counted_per_file(
    warning_fake: WarningExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path, [
        json.dumps({"text": "Blinken met Wang Yi."}),
        json.dumps({"text": "Blinken met Wang Yi.", "published": "2024-04-26"}),
        json.dumps({"text": "Blinken met Wang Yi."}),
    ])
    assert main(["extract", "--input-format", "jsonl", str(path), "--no-progress"]) == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert err == [f"diplo-events: warning: {path}: 2 documents with {_cli.UNDATED_HINT} "
                   "(or give each line a \"published\" field)"]


def test_other_warnings_pass_through(fake: FakeExtractor, articles: list[Path],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    def extract(text: str, published: dt.date | None = None) -> list[Event]:
        warnings.warn("something else", RuntimeWarning, stacklevel=2)
        return []

    fake.extract = extract  # type: ignore[method-assign]
    with pytest.warns(RuntimeWarning, match="something else"):
        assert main(["extract", str(articles[0])]) == EXIT_OK


# -- exit status 4: the model ---------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        ModelNotFoundError("no model manifest at /x/manifest.json.\nRun 'diplo-events download'"),
        ModelIntegrityError("model file /x/pos.pt does not match its manifest"),
    ],
)
def test_model_errors(error: Exception, monkeypatch: pytest.MonkeyPatch, articles: list[Path],
                      capsys: pytest.CaptureFixture[str]) -> None:
    def make(args: argparse.Namespace) -> FakeExtractor:
        raise error

    monkeypatch.setattr(_cli, "_make_extractor", make)
    assert main(["extract", str(articles[0])]) == EXIT_MODEL
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1  # one line, even for a message with a newline
    assert err[0].startswith("diplo-events: error: ")
    assert str(error).split()[0] in err[0]


def _fake_model(root: Path) -> Path:
    d = root / "en_ewt"
    d.mkdir()
    files = {}
    for proc in ("tokenize", "mwt", "pos", "lemma", "depparse"):
        path = d / f"{proc}.pt"
        path.write_bytes(proc.encode() * 50)
        files[path.name] = {"processor": proc,
                            "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    manifest = {"name": "en_ewt", "stanza_version": "1.15.0", "torch_version": "2.13.0",
                "scores": {"test": {"UPOS": 95.5, "LAS": 84.25}}, "files": files}
    (d / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return d


def test_models_ok(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                   capsys: pytest.CaptureFixture[str]) -> None:
    model = _fake_model(tmp_path)
    monkeypatch.setattr(_modelstore, "bundled_model_dir", lambda: model)
    assert main(["models"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("en_ewt\n")
    assert f"path: {model}" in out
    assert "trained with: stanza 1.15.0, torch 2.13.0" in out
    assert "installed: stanza " in out
    assert "scores (test): UPOS 95.5, LAS 84.25" in out
    assert out.rstrip().endswith("files: ok")


def test_models_corrupted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    model = _fake_model(tmp_path)
    (model / "pos.pt").write_bytes(b"flipped")
    assert main(["models", "--model-dir", str(model)]) == EXIT_MODEL
    captured = capsys.readouterr()
    assert "files: CORRUPTED" in captured.out
    assert "pos.pt" in captured.err


def test_models_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(_modelstore, "bundled_model_dir", lambda: tmp_path / "nowhere")
    assert main(["models"]) == EXIT_MODEL
    captured = capsys.readouterr()
    assert "files: MISSING" in captured.out
    assert "manifest" in captured.err.strip().splitlines()[-1]


def test_a_model_dir_that_does_not_exist(fake: FakeExtractor, articles: list[Path],
                                         tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-models"
    assert main(["extract", str(articles[0]), "--model-dir", str(missing)]) == EXIT_MODEL
    line = err_line(capsys)
    assert line.startswith(f"diplo-events: error: model directory {missing} does not exist.")
    assert f"diplo-events download --dir {missing}" in line
    assert fake.made == []  # refused before loading anything
    assert main(["models", "--model-dir", str(missing)]) == EXIT_MODEL
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"model directory {missing} does not exist" in captured.err


def test_extract_model_error_during_extraction(monkeypatch: pytest.MonkeyPatch,
                                               articles: list[Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    class Broken:
        def extract(self, text: str, published: dt.date | None = None) -> list[Event]:
            raise ModelIntegrityError("model file pos.pt does not match its manifest")

    monkeypatch.setattr(_cli, "_make_extractor", lambda args: Broken())
    assert main(["extract", str(articles[0])]) == EXIT_MODEL
    assert "pos.pt" in err_line(capsys)


# -- download: the only networked command ----------------------------------------------


def test_download_calls_the_model_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[tuple[str, str]] = []

    def download(model_dir: str, *, package: str = "default") -> Path:
        calls.append((model_dir, package))
        return Path(model_dir)

    monkeypatch.setattr(_modelstore, "download", download)
    assert main(["download", "--dir", str(tmp_path)]) == EXIT_OK
    assert calls == [(str(tmp_path), "default")]
    assert f"--model-dir {tmp_path}" in capsys.readouterr().out


def test_download_failure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    def download(model_dir: str, *, package: str = "default") -> Path:
        raise ConnectionError("Could not resolve host")

    monkeypatch.setattr(_modelstore, "download", download)
    assert main(["download", "--dir", str(tmp_path)]) == EXIT_MODEL
    assert "download failed: ConnectionError: Could not resolve host" in err_line(capsys)


# -- python -m diplo_events ---------------------------------------------------------------


def test_python_dash_m() -> None:
    out = subprocess.run([sys.executable, "-m", "diplo_events", "extract", "--help"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert "--published" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "diplo_events", "extract", "/no/such/file"],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == EXIT_INPUT
    assert bad.stderr.strip() == "diplo-events: error: /no/such/file: no such file"


# -- JSON Lines input ---------------------------------------------------------


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_input_gives_each_line_its_id_and_date(
    fake: FakeExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path, [
        json.dumps({"id": "a", "text": "Blinken met Wang Yi.", "published": "2024-04-26"}),
        "",
        json.dumps({"text": "nothing happened"}),
    ])
    assert main(["extract", "--input-format", "jsonl", str(path)]) == EXIT_OK
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["doc_id"] for r in rows} == {"a"}
    assert fake.calls == [
        ("Blinken met Wang Yi.", "2024-04-26"),
        ("Blinken met Wang Yi.", None),  # the fake's own extract call
        ("nothing happened", None),
        ("nothing happened", None),
    ]


def test_jsonl_bad_lines_are_named_and_the_others_go_on(
    fake: FakeExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path, [
        "{not json",
        json.dumps({"id": 7}),
        json.dumps(["text"]),
        json.dumps({"id": "x", "text": "please fail"}),
        json.dumps({"id": "ok", "text": "Blinken met Wang Yi."}),
    ])
    assert main(["extract", "--input-format", "jsonl", str(path)]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert {json.loads(line)["doc_id"] for line in captured.out.splitlines()} == {"ok"}
    assert "docs.jsonl:1: not a JSON line" in captured.err
    assert "docs.jsonl:2: no string 'text' field" in captured.err
    assert "docs.jsonl:3: no string 'text' field" in captured.err
    assert "x: InputError: bad" in captured.err
    assert "3 lines could not be read and 1 documents failed" in captured.err


def test_jsonl_is_read_as_a_stream(
    fake: FakeExtractor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer has the first document's events before the last line is read."""
    path = _jsonl(tmp_path, [json.dumps({"id": str(i), "text": "Blinken met Wang Yi."})
                             for i in range(50)])
    seen_when_first_written: list[int] = []
    real = _cli._WRITERS["jsonl"]

    def spy(results: Any, out: Any) -> int:
        def watched() -> Any:
            for item in results:
                seen_when_first_written.append(len(fake.calls))
                yield item
        return real(watched(), out)

    monkeypatch.setitem(_cli._WRITERS, "jsonl", spy)
    assert main(["extract", "--input-format", "jsonl", str(path), "-o",
                 str(tmp_path / "out.jsonl")]) == EXIT_OK
    assert seen_when_first_written[0] < 5 < len(fake.calls)
