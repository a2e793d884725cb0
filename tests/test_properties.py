"""Property tests: no generated input crashes extraction, and every span is exact."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplo_events import Event, Extractor

pytestmark = pytest.mark.model

WORDS = st.sampled_from(
    [
        "Blinken",
        "met",
        "Xi",
        "Wang",
        "Yi",
        "Beijing",
        "the",
        "United",
        "States",
        "warned",
        "China",
        "signed",
        "a",
        "bill",
        "on",
        "Friday",
        "in",
        "2022",
        "visit",
        "talks",
        "said",
        "and",
        ",",
        ".",
        ";",
        "'",
        '"',
        "(",
        ")",
        "-",
        "$61",
        "billion",
        "last",
        "year",
        "his",
        "her",
        "who",
        "which",
        "Russia",
        "sanctions",
        "urged",
        "rejected",
        "could",
        "not",
        "if",
    ]
)
HTML = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<br/>",
        "&amp;",
        "&nbsp;",
        "<script>x<met></script>",
        "<!-- c -->",
        "<a href='x'>",
        "</a>",
    ]
)
# Every Unicode category the web throws at us: controls (Cc), format
# characters (Cf), separators (Zs, Zl, Zp), marks, symbols, other letters.
ANY_CATEGORY = st.text(
    alphabet=st.characters(
        categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "So", "Sm", "Lo", "Lu", "Ll", "Nd"]
    ),
    max_size=200,
)
MIXED_SCRIPTS = st.lists(
    st.one_of(WORDS, st.sampled_from(["Путин", "встретил", "习近平", "会见", "بايدن", "Ερντογάν"])),
    max_size=60,
).map(" ".join)
LONG_TOKENS = st.builds(
    lambda before, blob, n, after: f"{before} {blob * n} {after}",
    st.lists(WORDS, max_size=10).map(" ".join),
    st.sampled_from(["x", "é", "中", "a1-", "<", "&amp;"]),
    st.integers(90, 3000),
    st.lists(WORDS, max_size=10).map(" ".join),
)
# Sentences past the parser's limit, with and without any punctuation.
LONG_SENTENCES = st.lists(
    st.sampled_from(["Blinken", "met", "the", "minister", "and", "warned", "Xi", ",", "who"]),
    min_size=90,
    max_size=400,
).map(" ".join)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(WORDS, HTML, st.text(max_size=3)), max_size=60).map(" ".join),
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(["a", ".", " ", "\n", "é", "\u200b", "x ", "( ", "\" "]),
        st.integers(0, 800),
    ),
    ANY_CATEGORY,
    MIXED_SCRIPTS,
    LONG_TOKENS,
)


def _check_spans(text: str, events: list[Event]) -> None:
    for e in events:
        spans = [e.trigger, e.sentence, *(a.span for a in (e.agent, *e.targets) if a)]
        if e.date is not None and e.date.span is not None:
            spans.append(e.date.span)
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text


def _extracts_with_exact_spans(extractor: Extractor, text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = extractor.extract(text, published="2024-04-26")
    _check_spans(text, events)


_FUZZ = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}


@settings(max_examples=2000, **_FUZZ)  # type: ignore[arg-type]
@given(text=TEXTS)
def test_any_text_extracts_without_crash_and_spans_are_exact(
    extractor: Extractor, text: str
) -> None:
    _extracts_with_exact_spans(extractor, text)


@settings(max_examples=50, **_FUZZ)  # type: ignore[arg-type]
@given(text=LONG_SENTENCES)
def test_sentences_past_the_limit_extract_without_crash(extractor: Extractor, text: str) -> None:
    _extracts_with_exact_spans(extractor, text)


@pytest.mark.slow
@settings(max_examples=10_000, **_FUZZ)  # type: ignore[arg-type]
@given(text=st.one_of(TEXTS, LONG_SENTENCES))
def test_ten_thousand_texts_extract_without_crash(extractor: Extractor, text: str) -> None:
    _extracts_with_exact_spans(extractor, text)


def _in_quotation_by_scanning(text: str, offset: int) -> bool:
    """The plain definition: rescan the paragraph up to ``offset``."""
    para = text.rfind("\n\n", 0, offset) + 1
    before = text[para:offset]
    if before.rfind("\u201c") > before.rfind("\u201d"):
        return True
    return before.count('"') % 2 == 1


@given(st.text(alphabet='ab "\n\u201c\u201d', max_size=60), st.data())
def test_quotation_index_agrees_with_scanning(text: str, data: st.DataObject) -> None:
    from diplo_events._actors.mentions import _Quotes

    quotes = _Quotes.of(text)
    offset = data.draw(st.integers(0, len(text)))
    assert quotes.around(offset) == _in_quotation_by_scanning(text, offset)
