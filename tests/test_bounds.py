"""Bounded memory and time: long sentences, tokens, documents; dying workers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events import Extractor
from diplo_events._batch import WORKER_DIED, WorkerSettings
from diplo_events._bounds import (
    MAX_SENTENCE_WORDS,
    MAX_TOKEN_CHARS,
    blank_overlong_tokens,
    bounded_runs,
    sentence_pieces,
)
from diplo_events._extractor import Prepared

from .worst_shapes import LONG_SENTENCE, SHAPES

ROOT = Path(__file__).resolve().parent.parent


def _tokens(text: str, tags: dict[str, str] | None = None) -> list[tuple[str, str | None]]:
    tags = tags or {}
    return [(t, tags.get(t)) for t in text.split()]


# -- where a long sentence is cut ------------------------------------------


def test_a_sentence_within_the_limit_is_one_piece() -> None:
    toks = _tokens("the minister met the president")
    assert sentence_pieces(toks, [1] * 5, limit=5) == [(0, 5)]


def test_clause_punctuation_beats_a_comma_and_a_comma_beats_a_conjunction() -> None:
    toks = _tokens("a b ; c d , e and f g h i", {"and": "CCONJ"})
    assert sentence_pieces(toks, [1] * len(toks), limit=9)[0] == (0, 3)  # after ";"
    toks = _tokens("a b c d , e and f g h i", {"and": "CCONJ"})
    assert sentence_pieces(toks, [1] * len(toks), limit=9)[0] == (0, 5)  # after ","
    toks = _tokens("a b c d e f and g h i j", {"and": "CCONJ"})
    assert sentence_pieces(toks, [1] * len(toks), limit=9)[0] == (0, 6)  # before "and"


def test_without_boundaries_the_pieces_are_fixed_windows() -> None:
    toks = _tokens(" ".join("w" * 25))
    assert sentence_pieces(toks, [1] * 25, limit=10) == [(0, 10), (10, 20), (20, 25)]


def test_a_boundary_too_near_the_start_is_passed_over() -> None:
    # A comma after the first word would leave a one-word piece.
    toks = _tokens("a , b c d e f g h i j k l m n")
    assert sentence_pieces(toks, [1] * len(toks), limit=12) == [(0, 12), (12, 15)]


def test_a_multiword_token_is_never_cut() -> None:
    toks = _tokens("a b c won't d e")
    pieces = sentence_pieces(toks, [1, 1, 1, 2, 1, 1], limit=4)
    assert pieces == [(0, 3), (3, 6)]


@given(
    st.lists(
        st.tuples(st.sampled_from(["w", ",", ";", "and", "."]), st.integers(1, 3)), max_size=300
    ),
    st.integers(3, 40),
)
def test_pieces_cover_the_sentence_in_order_within_the_limit(
    entries: list[tuple[str, int]], limit: int
) -> None:
    toks = [(t, "CCONJ" if t == "and" else None) for t, _ in entries]
    widths = [w for _, w in entries]
    pieces = sentence_pieces(toks, widths, limit)
    assert [i for a, b in pieces for i in range(a, b)] == list(range(len(toks)))
    for a, b in pieces:
        assert a < b
        assert sum(widths[a:b]) <= limit


def test_the_limit_is_chosen_from_the_treebank() -> None:
    # Documented in the how-to: the parser's training sentences are almost all shorter.
    assert 80 <= MAX_SENTENCE_WORDS <= 150


# -- overlong tokens, sections ------------------------------------------------


def test_overlong_tokens_are_blanked_in_place() -> None:
    blob = "x" * (MAX_TOKEN_CHARS + 1)
    text = f"Putin warned Biden. {blob} Xi met Blinken. https://example.org/a"
    out = blank_overlong_tokens(text)
    assert len(out) == len(text)
    assert "xx" not in out
    assert out.replace(" ", "") == "PutinwarnedBiden.XimetBlinken.https://example.org/a"
    keep = "y" * MAX_TOKEN_CHARS
    assert blank_overlong_tokens(keep) == keep


def test_bounded_runs_keep_order_and_budget() -> None:
    assert bounded_runs([3, 3, 3, 9, 1], 6) == [(0, 2), (2, 3), (3, 4), (4, 5)]
    assert bounded_runs([], 6) == []


def test_a_long_document_is_read_in_sections() -> None:
    pieces = tuple((i * 100, i * 100 + 90) for i in range(25))
    doc = Prepared("x" * 2500, "x" * 2500, None, None, pieces)
    sections = doc.sections(limit=450)
    assert [len(s.pieces) for s in sections] == [5, 5, 5, 5, 5]
    assert tuple(p for s in sections for p in s.pieces) == pieces
    assert all(s.size <= 450 for s in sections)


# -- with the bundled model ------------------------------------------------------


@pytest.mark.model
def test_the_reporters_long_sentence_returns_its_events(extractor: Extractor) -> None:
    events = extractor.extract(LONG_SENTENCE)
    pairs = {(e.kind.value, e.agent.text if e.agent else None) for e in events}
    assert ("meeting", "minister") in pairs
    assert ("warning", "minister") in pairs
    assert any(t.text == "president" for e in events for t in e.targets)
    for e in events:
        assert LONG_SENTENCE[e.trigger.start : e.trigger.end] == e.trigger.text
        assert len(e.sentence.text.split()) <= MAX_SENTENCE_WORDS


@pytest.mark.model
def test_every_parsed_sentence_is_within_the_limit(extractor: Extractor) -> None:
    sentences = extractor.parse(LONG_SENTENCE)
    assert sentences and all(len(s.words) <= MAX_SENTENCE_WORDS for s in sentences)
    assert sum(len(s.words) for s in sentences) == len(LONG_SENTENCE.split())


def _run_shape(shape: str, *, give_up_after: float = 900) -> dict[str, object]:
    # Not a speed assertion: a bound so that a hang cannot stall the suite.
    proc = subprocess.run(
        [sys.executable, "-m", "tests.worst_shapes", shape, "--limit-gib", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=give_up_after,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


CI_SHAPES = ["long sentence", "long token", "one-word lines", "nested brackets", "500 kB document"]


@pytest.mark.model
@pytest.mark.parametrize("shape", CI_SHAPES)
def test_worst_shapes_finish_under_an_address_space_limit(shape: str) -> None:
    result = _run_shape(shape)
    assert result["exact_spans"] is True
    assert isinstance(result["peak_rss_mb"], float) and result["peak_rss_mb"] < 1536
    assert result["events"]


@pytest.mark.model
@pytest.mark.slow
def test_a_ten_megabyte_document_stays_under_the_limit() -> None:
    assert "10 MB document" in SHAPES
    result = _run_shape("10 MB document", give_up_after=7200)
    assert result["exact_spans"] is True
    assert isinstance(result["peak_rss_mb"], float) and result["peak_rss_mb"] < 1536


# -- batches: failing documents and dying workers ---------------------------


@pytest.mark.model
def test_a_dying_worker_loses_only_its_document() -> None:
    from .dying import MARK, DyingExtractor

    ex = DyingExtractor.load()
    docs = [
        "Blinken met Wang Yi in Beijing on Friday.",
        MARK,
        "Putin warned Biden.",
        "The minister visited Paris.",
        "Xi met Biden.",
    ]
    results = list(ex.extract_many(docs, batch_size=2, n_process=2))
    assert [r.index for r in results] == list(range(len(docs)))
    assert results[1].error == WORKER_DIED
    kinds = [[e.kind.value for e in r.events] for r in results]
    assert kinds == [["meeting"], [], ["warning"], ["visit"], ["meeting"]]


@pytest.mark.model
def test_workers_get_the_parents_settings(extractor: Extractor) -> None:
    from diplo_events import _batch

    extractor.skip_untriggered = False
    try:
        settings = WorkerSettings.of(extractor, n_process=2)
    finally:
        extractor.skip_untriggered = True
    assert settings.skip_untriggered is False
    assert settings.verify is extractor.verify
    assert settings.cls is Extractor
    _batch._worker_init(settings)
    try:
        worker = _batch._WORKER[-1]
        assert worker.skip_untriggered is False
        assert worker.lexicon is extractor.lexicon or worker.lexicon == extractor.lexicon
    finally:
        _batch._WORKER.clear()


@pytest.mark.model
def test_a_long_document_reports_each_section_read(  # type: ignore[no-untyped-def]
    extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplo_events import _extractor, _text
    from diplo_events._extractor import Prepared

    # chunks of 40 and sections of 60 characters: a short text read as a long one is
    monkeypatch.setattr(_extractor, "chunks", lambda text, start=0: _text.chunks(text, start, 40))
    cut = Prepared.sections
    monkeypatch.setattr(Prepared, "sections", lambda self, limit=60: cut(self, limit))
    text = (
        "Blinken met Wang Yi in Beijing on Friday.\n\n"
        "Putin warned Biden on Monday.\n\nXi met Lula."
    )
    seen: list[tuple[int, int]] = []
    with_bar = extractor.extract(text, "2024-04-26", on_section=lambda d, t: seen.append((d, t)))
    assert with_bar == extractor.extract(text, "2024-04-26")
    total = extractor.prepare(text, "2024-04-26").size
    assert len(seen) >= 2 and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted({d for d, _ in seen})  # strictly growing
    assert {t for _, t in seen} == {total}
