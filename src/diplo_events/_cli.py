"""The ``diplo-events`` command line: ``extract``, ``models`` and ``download``.

``main(argv)`` returns the exit status instead of exiting, so tests call it
directly.  Nothing here opens a network connection except ``download``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TextIO

from ._bounds import SECTION_CHARS
from ._events import Actor, Event, EventDate
from ._incidents import INCIDENT_KEYS, Incident, group_incidents, incidents_of
from ._nlp import store as _modelstore
from ._outputs import (
    write_csv,
    write_incidents_csv,
    write_incidents_jsonl,
    write_jsonl,
    write_tsv,
)
from ._text import clean, to_date
from .exceptions import (
    InputError,
    LexiconError,
    ModelError,
    ModelIntegrityError,
    NotEnglishWarning,
    UndatedWarning,
)

__all__ = ["EXIT_INPUT", "EXIT_MODEL", "EXIT_OK", "EXIT_USAGE", "UNDATED_HINT", "main"]

PROG = "diplo-events"
#: Success.
EXIT_OK = 0
#: A usage error: unknown option, missing argument, a bad ``--published`` date or ``--device``.
EXIT_USAGE = 2
#: An input or output file is missing, unreadable or not UTF-8 text (or a bad lexicon file).
EXIT_INPUT = 3
#: The model is missing or corrupted, or downloading it failed.
EXIT_MODEL = 4
#: Show a progress bar from this many input files on.
PROGRESS_MIN_FILES = 4
STDIN = "-"

_EPILOG = f"""\
exit status: {EXIT_OK} ok, {EXIT_USAGE} usage error (or a bad --published date),
{EXIT_INPUT} missing, unreadable or non-UTF-8 file (or a bad --lexicon file),
{EXIT_MODEL} model missing or corrupted. An unusable --device is a usage error.
"""


class _Extracts(Protocol):
    """What ``extract`` needs of an extractor (tests pass a fake)."""

    def extract(
        self,
        text: str,
        published: dt.date | None = None,
        *,
        on_section: Callable[[int, int], object] | None = None,
    ) -> list[Event]: ...

    def extract_many(self, items: Iterable[Any], *, batch_size: int = ...) -> Iterator[Any]: ...


class _Failure(Exception):
    """A one-line error message and the exit status it ends the command with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


# --------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplo-events")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Typed, dated diplomatic events from English news text, offline.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract", help="extract events from text files",
        description="Extract events from UTF-8 text files ('-' reads standard input), "
                    "or from JSON Lines of documents (--input-format jsonl).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("files", nargs="+", metavar="FILE", help="text files; '-' is standard input")
    ex.add_argument("--input-format", choices=("text", "jsonl"), default="text",
                    help="text (default): each file is one document; jsonl: one JSON object "
                         "a line with 'text' and optional 'id' and 'published', read as a "
                         "stream in bounded memory")
    ex.add_argument("--published", metavar="DATE",
                    help="publication date (YYYY-MM-DD) for every file; default: each "
                         "file's dateline, if any")
    ex.add_argument("--format", "-f", choices=sorted(_WRITERS), default="jsonl",
                    help="output format (default: jsonl)")
    ex.add_argument("-o", "--output", metavar="OUT",
                    help="write here instead of standard output")
    ex.add_argument("--lexicon", metavar="FILE",
                    help="a lexicon file merged over the bundled one")
    ex.add_argument("--model-dir", metavar="DIR",
                    help="stanza's official models fetched by 'download' (default: the "
                         "bundled model)")
    ex.add_argument("--device", default="cpu", help="'cpu' (default), 'cuda' or 'cuda:N'")
    ex.add_argument("--all-events", action="store_true",
                    help="keep events without a political participant too, each with the "
                         "reason in not_political (default: only events with one)")
    ex.add_argument("--incidents", nargs="?", const="story", choices=INCIDENT_KEYS,
                    metavar="KEY",
                    help="write incidents (the real-world events behind the mentions) "
                         "instead of events: 'story' (default) groups the mentions of each "
                         "document, 'corpus' also merges documents' incidents dated to the "
                         "same day, 'dataset' keeps one record per agent country, target "
                         "country, CAMEO code and day; formats jsonl, csv or table")
    ex.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help=f"a progress bar on standard error (default: with "
                         f"{PROGRESS_MIN_FILES} or more files, or by section for a file "
                         f"too long to read at once, tqdm installed and a terminal)")
    ex.set_defaults(run=_cmd_extract)

    mo = sub.add_parser("models", help="show the bundled model and verify its files",
                        description="Show the bundled model (or the one in --model-dir) and "
                                    "check its files against the manifest's sha256.")
    mo.add_argument("--model-dir", metavar="DIR", help="a model directory with a manifest.json")
    mo.set_defaults(run=_cmd_models)

    dl = sub.add_parser("download", help="fetch stanza's official English models (network)",
                        description="Fetch stanza's official English models into DIR. The "
                                    "only command that uses the network.")
    dl.add_argument("--dir", required=True, metavar="DIR", help="where to put the models")
    dl.add_argument("--package", default="default", help="stanza package (default: default)")
    dl.set_defaults(run=_cmd_download)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_usage(sys.stderr)
        return _error(EXIT_USAGE, "a command is required: extract, models or download")
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except _Failure as exc:
        return _error(exc.status, str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (``| head``) went away: stop quietly, as cat does.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _error(status: int, message: str) -> int:
    one_line = " ".join(message.split())
    print(f"{PROG}: error: {one_line}", file=sys.stderr)
    return status


def _warning(message: str) -> None:
    print(f"{PROG}: warning: {' '.join(message.split())}", file=sys.stderr)


#: What the command line says, on one line, for a file whose texts are undated.
UNDATED_HINT = (
    "no dateline and no publication date, so relative dates (\"on Friday\", \"last year\") "
    "stay unresolved; pass --published YYYY-MM-DD"
)


@contextlib.contextmanager
def _warnings_about(label: str, jsonl: bool = False) -> Iterator[None]:
    """Say the extractor's warnings about one input file once each, on one line.

    Other warnings pass through as Python would show them.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UndatedWarning)
        warnings.simplefilter("always", NotEnglishWarning)
        yield
    undated = sum(issubclass(w.category, UndatedWarning) for w in caught)
    if undated and jsonl:
        _warning(f"{label}: {undated} document{'s' if undated != 1 else ''} with "
                 f"{UNDATED_HINT} (or give each line a \"published\" field)")
    elif undated:
        _warning(f"{label}: {UNDATED_HINT}")
    said: set[str] = set()
    for w in caught:
        if issubclass(w.category, UndatedWarning):
            continue
        if issubclass(w.category, NotEnglishWarning):
            if str(w.message) not in said:
                said.add(str(w.message))
                _warning(f"{label}: {w.message}")
            continue
        warnings.showwarning(w.message, w.category, w.filename, w.lineno, w.file, w.line)


# --------------------------------------------------------------------------
# extract
# --------------------------------------------------------------------------


def _make_extractor(args: argparse.Namespace) -> _Extracts:
    """The extractor for ``extract``; tests replace this function with a fake."""
    from ._extractor import Extractor

    return Extractor.load(
        args.model_dir,
        lexicon=args.lexicon,
        device=args.device,
        political_only=not args.all_events,
    )


def _check_inputs(files: Sequence[str]) -> None:
    if files.count(STDIN) > 1:
        raise _Failure(EXIT_USAGE, "standard input ('-') can be read only once")
    for name in files:
        if name == STDIN:
            continue
        path = Path(name)
        if path.is_dir():
            raise _Failure(EXIT_INPUT, f"{name}: is a directory, not a text file")
        if not path.is_file():
            raise _Failure(EXIT_INPUT, f"{name}: no such file")


def _read(name: str) -> str:
    """The text of a file or standard input, decoded as UTF-8."""
    try:
        if name == STDIN:
            buffer = getattr(sys.stdin, "buffer", None)
            data: bytes | str = buffer.read() if buffer is not None else sys.stdin.read()
        else:
            data = Path(name).read_bytes()
    except OSError as exc:
        raise _Failure(EXIT_INPUT, f"{_label(name)}: cannot read: {exc.strerror or exc}") from None
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Failure(
            EXIT_INPUT,
            f"{_label(name)}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); convert it first, e.g. with iconv -t utf-8",
        ) from None


def _label(name: str) -> str:
    return "<stdin>" if name == STDIN else name


def _with_progress(files: Sequence[str], wanted: bool | None) -> Iterable[str]:
    if wanted is False or (wanted is None and len(files) < PROGRESS_MIN_FILES):
        return files
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:  # a nicety, not a requirement: pip install diplo-events[progress]
        return files
    # disable=None: only on a terminal, unless --progress asked for it.
    bar: Iterable[str] = tqdm(files, unit="file", file=sys.stderr,
                              disable=None if wanted is None else False)
    return bar


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.incidents is not None and args.format not in _INCIDENT_WRITERS:
        raise _Failure(EXIT_USAGE, f"--incidents writes {', '.join(sorted(_INCIDENT_WRITERS))}, "
                                   f"not {args.format}")
    try:
        published = to_date(args.published, "--published")
    except InputError as exc:
        raise _Failure(EXIT_USAGE, str(exc)) from None
    _check_inputs(args.files)
    try:
        if args.model_dir is not None:  # before loading anything: a typo fails at once
            _modelstore.check_model_dir(args.model_dir)
        extractor = _make_extractor(args)
    except ModelError as exc:
        raise _Failure(EXIT_MODEL, str(exc)) from None
    except LexiconError as exc:
        raise _Failure(EXIT_INPUT, str(exc)) from None
    except InputError as exc:  # a device torch cannot use ("cuda" without a GPU)
        raise _Failure(EXIT_USAGE, str(exc)) from None

    if args.input_format == "jsonl":
        return _extract_jsonl(args, extractor, published)
    failed: list[str] = []

    def results() -> Iterator[tuple[str, list[Event]]]:
        for name in _with_progress(args.files, args.progress):
            try:
                text = _read(name)
            except _Failure as exc:  # report it, go on with the other files
                _error(exc.status, str(exc))
                failed.append(name)
                continue
            if not clean(text).strip():
                what = "empty" if not text else "only blanks and control characters (NUL)"
                _warning(f"{_label(name)}: no text ({what}); nothing to extract")
            try:
                with _warnings_about(_label(name)):
                    events = _extract_one(extractor, text, published, _label(name), args.progress)
            except ModelError as exc:
                raise _Failure(EXIT_MODEL, str(exc)) from None
            yield _label(name), events

    with _opened_output(args.output) as out:
        _write(args, results(), out)
    if failed:
        return _error(EXIT_INPUT, f"{len(failed)} of {len(args.files)} input files could not "
                                  f"be read: {', '.join(map(_label, failed))}")
    return EXIT_OK


#: Documents parsed together when reading JSON Lines.
JSONL_BATCH = 64


def _jsonl_documents(
    name: str, published: dt.date | None, bad: list[str], progress: bool | None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(text, context)`` for each line of a JSON Lines file, read lazily.

    A line that is not a JSON object with a string ``text`` is reported on
    standard error and skipped; the others go on.
    """
    label = _label(name)
    try:
        raw = sys.stdin.buffer if name == STDIN else open(name, "rb")  # noqa: SIM115
    except OSError as exc:
        raise _Failure(EXIT_INPUT, f"{label}: cannot read: {exc.strerror or exc}") from None
    total = None if name == STDIN else Path(name).stat().st_size
    bar = _byte_progress(total, label, progress)
    try:
        for lineno, line in enumerate(raw, 1):
            if bar is not None:
                bar.update(len(line))
            if not line.strip():
                continue
            where = f"{label}:{lineno}"
            try:
                obj = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                bad.append(where)
                _error(EXIT_INPUT, f"{where}: not a JSON line ({exc}); skipped")
                continue
            text = obj.get("text") if isinstance(obj, dict) else None
            if not isinstance(text, str):
                bad.append(where)
                _error(EXIT_INPUT, f"{where}: no string 'text' field; skipped")
                continue
            doc_id = obj.get("id")
            context = {
                "id": where if doc_id is None else str(doc_id),
                "published": obj.get("published") or published,
            }
            yield text, context
    finally:
        if bar is not None:
            bar.close()
        if raw is not sys.stdin.buffer:
            raw.close()


def _extract_one(
    extractor: _Extracts, text: str, published: dt.date | None, label: str, wanted: bool | None
) -> list[Event]:
    """One file's events; a file long enough to be read in sections shows a bar of them."""
    if len(text) <= SECTION_CHARS:
        return extractor.extract(text, published)
    bar = _byte_progress(len(text), label, wanted, unit="char")
    if bar is None:
        return extractor.extract(text, published)

    def advance(done: int, total: int) -> None:
        bar.update(done * len(text) // max(total, 1) - bar.n)

    with bar:
        return extractor.extract(text, published, on_section=advance)


def _byte_progress(
    total: int | None, label: str, wanted: bool | None, unit: str = "B"
) -> Any:
    """A tqdm bar over bytes (or ``unit``) read (on a terminal, or when asked for), or None."""
    if wanted is False:
        return None
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:  # a nicety: pip install diplo-events[progress]
        return None
    return tqdm(total=total, unit=unit, unit_scale=True, desc=label, file=sys.stderr,
                disable=None if wanted is None else False)


def _extract_jsonl(args: argparse.Namespace, extractor: _Extracts,
                   published: dt.date | None) -> int:
    """Stream JSON Lines documents through the extractor in batches; memory stays bounded."""
    bad: list[str] = []
    failed: list[str] = []

    def results() -> Iterator[tuple[str, list[Event]]]:
        for name in args.files:
            docs = _jsonl_documents(name, published, bad, args.progress)
            with _warnings_about(_label(name), jsonl=True):
                for result in extractor.extract_many(docs, batch_size=JSONL_BATCH):
                    if result.error is not None:
                        failed.append(result.id)
                        _error(EXIT_INPUT, f"{result.id}: {result.error}")
                        continue
                    yield result.id, list(result.events)

    with _opened_output(args.output) as out:
        _write(args, results(), out)
    if bad or failed:
        return _error(EXIT_INPUT, f"{len(bad)} lines could not be read and {len(failed)} "
                                  f"documents failed")
    return EXIT_OK


@contextlib.contextmanager
def _opened_output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == STDIN:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _Failure(EXIT_INPUT, f"{path}: cannot write: {exc.strerror or exc}") from None
    with fh:
        yield fh


def _write(args: argparse.Namespace, results: Iterable[tuple[str, list[Event]]],
           out: TextIO) -> int:
    """Write events, or with ``--incidents`` the incidents they make, as ``--format`` says."""
    if args.incidents is None:
        return _WRITERS[args.format](results, out)
    incidents: Iterable[Incident]
    if args.incidents == "story":  # streams: each document is grouped on its own
        incidents = (inc for doc_id, events in results for inc in incidents_of(events, doc_id))
    else:
        incidents = group_incidents(results, key=args.incidents)
    return _INCIDENT_WRITERS[args.format](incidents, out)


def _write_incident_table(incidents: Iterable[Incident], out: TextIO) -> int:
    """A human-readable listing: one line per incident, its mentions beneath."""
    n = 0
    for inc in incidents:
        sources = ", ".join(dict.fromkeys(s for s in inc.sources if s is not None))
        out.write(f"{inc.kind.value:<12} {_who_when(inc.agent, inc.targets, inc.date)} CAMEO "
                  f"{inc.cameo or '-'}  {len(inc.mentions)} mention"
                  f"{'s' if len(inc.mentions) != 1 else ''} in {sources or '-'}\n")
        for e in inc.mentions:
            out.write(f"    {e.trigger.text!r} at {e.trigger.start}: {e.sentence.text[:70]}\n")
        n += 1
    return n


def _who_when(agent: Actor | None, targets: Sequence[Actor], date: EventDate | None) -> str:
    """ "Antony Blinken -> Wang Yi  [2024-04-26 (relative)]", as the tables write it."""
    when = f"{date.timex} ({date.basis.value})" if date else "undated"
    names = ", ".join(t.name for t in targets) or "-"
    return f"{agent.name if agent else '?'} -> {names}  [{when}]"


def _write_table(results: Iterable[tuple[str, list[Event]]], out: TextIO) -> int:
    """A human-readable listing: one line per event under a line per document."""
    n = 0
    for doc_id, events in results:
        out.write(f"== {doc_id}: {len(events)} event{'s' if len(events) != 1 else ''}\n")
        for e in events:
            flags = "".join([" NEGATED" if e.negated else "",
                             " HYPOTHETICAL" if e.hypothetical else ""])
            out.write(f"{e.kind.value:<12} {e.trigger.text!r:<14} "
                      f"{_who_when(e.agent, e.targets, e.date)} CAMEO {e.cameo or '-'}{flags}\n")
            n += 1
    return n


_WRITERS: dict[str, Callable[[Iterable[tuple[str, list[Event]]], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "tsv": write_tsv,
    "table": _write_table,
}
_INCIDENT_WRITERS: dict[str, Callable[[Iterable[Incident], TextIO], int]] = {
    "jsonl": write_incidents_jsonl,
    "csv": write_incidents_csv,
    "table": _write_incident_table,
}


# --------------------------------------------------------------------------
# models and download
# --------------------------------------------------------------------------


def _installed(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


def _scores(scores: Any) -> Iterator[str]:
    if not isinstance(scores, dict):
        return
    for split, values in scores.items():
        if isinstance(values, dict):
            text = ", ".join(f"{k} {v}" for k, v in values.items())
        else:
            text = str(values)
        yield f"  scores ({split}): {text}"


def _cmd_models(args: argparse.Namespace) -> int:
    try:
        path = (_modelstore.check_model_dir(args.model_dir) if args.model_dir
                else _modelstore.bundled_model_dir())
    except ModelError as exc:
        raise _Failure(EXIT_MODEL, str(exc)) from None
    manifest: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError):
        loaded = json.loads((path / "manifest.json").read_text("utf-8"))
        if isinstance(loaded, dict):
            manifest = loaded
    print(f"{manifest.get('name', path.name)}")
    print(f"  path: {path}")
    if manifest:
        print(f"  trained with: stanza {manifest.get('stanza_version', '?')}, "
              f"torch {manifest.get('torch_version', '?')}")
    print(f"  installed: stanza {_installed('stanza')}, torch {_installed('torch')}")
    for line in _scores(manifest.get("scores")):
        print(line)
    try:
        _modelstore.verify_model(path)
    except ModelIntegrityError as exc:
        print("  files: CORRUPTED")
        raise _Failure(EXIT_MODEL, str(exc)) from None
    except ModelError as exc:
        print("  files: MISSING")
        raise _Failure(EXIT_MODEL, str(exc)) from None
    print("  files: ok")
    return EXIT_OK


def _cmd_download(args: argparse.Namespace) -> int:
    print(f"downloading stanza's English models ({args.package}) into {args.dir} ...",
          file=sys.stderr)
    try:
        target = _modelstore.download(args.dir, package=args.package)
    except (OSError, ValueError, RuntimeError, ModelError) as exc:
        raise _Failure(EXIT_MODEL, f"download failed: {type(exc).__name__}: {exc}") from None
    print(f"downloaded into {target}; use it with: {PROG} extract --model-dir {target} FILE, "
          f"or Extractor.load(model_dir={str(target)!r})")
    return EXIT_OK
