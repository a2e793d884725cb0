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
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(WORDS, HTML, st.text(max_size=3)), max_size=60).map(" ".join),
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(["a", ".", " ", "\n", "é", "\u200b", "x "]),
        st.integers(0, 800),
    ),
)


def _check_spans(text: str, events: list[Event]) -> None:
    for e in events:
        spans = [e.trigger, e.sentence, *(a.span for a in (e.agent, *e.targets) if a)]
        if e.date is not None and e.date.span is not None:
            spans.append(e.date.span)
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text


@settings(
    max_examples=2000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=TEXTS)
def test_any_text_extracts_without_crash_and_spans_are_exact(
    extractor: Extractor, text: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = extractor.extract(text, published="2024-04-26")
    _check_spans(text, events)


def _in_quotation_by_scanning(text: str, offset: int) -> bool:
    """The plain definition: rescan the paragraph up to ``offset``."""
    para = text.rfind("\n\n", 0, offset) + 1
    before = text[para:offset]
    if before.rfind("\u201c") > before.rfind("\u201d"):
        return True
    return before.count('"') % 2 == 1


@given(st.text(alphabet='ab "\n\u201c\u201d', max_size=60), st.data())
def test_quotation_index_agrees_with_scanning(text: str, data: st.DataObject) -> None:
    from diplo_events._actors import _Quotes

    quotes = _Quotes.of(text)
    offset = data.draw(st.integers(0, len(text)))
    assert quotes.around(offset) == _in_quotation_by_scanning(text, offset)
