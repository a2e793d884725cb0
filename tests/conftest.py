"""Shared test helpers: parse views from compact CoNLL-U, and the bundled model."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXT = (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")


def load_script(path: Path) -> types.ModuleType:
    """A script of the repo (``tools/``, ``examples/``) imported by path, as its own module.

    Registered in ``sys.modules`` under its file name before it runs, since
    dataclasses look their module up there.
    """
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow", action="store_true", help="also run the tests marked slow (long jobs)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="a long job: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def pipeline_with(**models: object) -> types.SimpleNamespace:
    """A stand-in pipeline whose processors' trainers hold these models."""
    processors = {
        name: types.SimpleNamespace(trainer=types.SimpleNamespace(model=model))
        for name, model in models.items()
    }
    return types.SimpleNamespace(processors=processors)


def conllu(rows: str) -> str:
    """Full CoNLL-U from compact rows ``form lemma upos head deprel [feats [xpos]]``.

    Blank lines separate sentences; ids are assigned in order.
    """
    out: list[str] = []
    for block in rows.strip().split("\n\n"):
        for i, line in enumerate(block.strip().splitlines(), start=1):
            parts = line.split()
            form, lemma, upos, head, deprel = parts[:5]
            feats = parts[5] if len(parts) > 5 else "_"
            xpos = parts[6] if len(parts) > 6 else "_"
            out.append("\t".join([str(i), form, lemma, upos, xpos, feats, head, deprel, "_", "_"]))
        out.append("")
    return "\n".join(out) + "\n"


def story_mention(key: str, start: int, date, *, past: bool = True):  # type: ignore[no-untyped-def]
    """What the discourse conventions read of one mention: ``key``, a
    ten-character sentence at ``start``, its ``date``, past tense or not."""
    from diplo_events._dates.anchoring import Mention
    from diplo_events._events import Span

    return Mention(key, Span(start, start + 10, "x" * 10), date, past, False)


def day_date(day: dt.date, basis, text: str | None):  # type: ignore[no-untyped-def]
    """An ``EventDate`` of one day with its ``basis`` and expression ``text``."""
    from diplo_events import EventDate, Precision

    return EventDate(day, Precision.DAY, day.isoformat(), basis, text)


def sentences_from_rows(text: str, rows: str):  # type: ignore[no-untyped-def]
    """Parse views for ``text`` from hand-written rows, through stanza's conll2doc."""
    from stanza.utils.conll import CoNLL

    from diplo_events._nlp.convert import sentences_from_document

    doc = CoNLL.conll2doc(input_str=conllu(rows))
    return sentences_from_document(doc, text)


@pytest.fixture
def rules() -> Callable[..., list]:  # type: ignore[type-arg]
    """Run the rule engine on a text and its hand-written parse."""
    from diplo_events._rules.engine import events_from_sentences
    from diplo_events._rules.lexicon import Lexicon

    def run(text: str, rows: str, published: str | None = "2024-04-26") -> list:  # type: ignore[type-arg]
        pub = dt.date.fromisoformat(published) if published else None
        return events_from_sentences(sentences_from_rows(text, rows), text, pub, Lexicon.bundled())

    return run


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from diplo_events import Extractor

    return Extractor.load()
