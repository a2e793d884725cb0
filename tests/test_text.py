"""Input handling: datelines, offset-preserving clean-up, chunking."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_events._text import chunks, clean, find_dateline, paragraphs, to_date
from diplo_events.exceptions import InputError

from .conftest import SEED_TEXT


@pytest.mark.parametrize(
    ("text", "published", "city"),
    [
        (SEED_TEXT, dt.date(2024, 4, 26), None),
        ("2024-04-26\nBlinken met Xi.", dt.date(2024, 4, 26), None),
        ("date: 2024-04-26T10:00:00Z\n\nBlinken met Xi.", dt.date(2024, 4, 26), None),
        ("April 26, 2024 — Blinken met Xi.", dt.date(2024, 4, 26), None),
        ("Friday, Apr. 26, 2024 - Blinken met Xi.", dt.date(2024, 4, 26), None),
        (
            "WASHINGTON, April 26, 2024 (Reuters) - Blinken met Xi.",
            dt.date(2024, 4, 26),
            "Washington",
        ),
        ("WASHINGTON, April 26 (Reuters) - Blinken met Xi.", None, "Washington"),
        ("BEIJING (AP) Blinken met Xi.", None, None),
        ("Blinken met Xi on April 26, 2024.", None, None),
    ],
)
def test_datelines(text: str, published: dt.date | None, city: str | None) -> None:
    line = find_dateline(text)
    assert line.published == published
    assert line.city == city


def test_header_line_is_skipped_as_body() -> None:
    line = find_dateline(SEED_TEXT)
    assert SEED_TEXT[line.body_start :].lstrip().startswith("China says")


def test_to_date() -> None:
    assert to_date("2024-04-26") == dt.date(2024, 4, 26)
    assert to_date(dt.datetime(2024, 4, 26, 9, 30, tzinfo=dt.UTC)) == dt.date(2024, 4, 26)
    assert to_date(None) is None
    with pytest.raises(InputError):
        to_date("26/04/2024")


def test_clean_blanks_html_keeping_offsets() -> None:
    html = '<p class="x">Blinken &amp; Xi <b>met</b>.</p><script>var a = "<met>";</script>'
    out = clean(html)
    assert len(out) == len(html)
    assert "<" not in out and "&amp;" not in out and "var" not in out
    assert out[out.index("met") :].startswith("met")
    assert html[out.index("met") : out.index("met") + 3] == "met"


def test_clean_control_and_bidi_characters() -> None:
    text = "Xi\u200bmet\u202eBlinken\x00\r\n."
    out = clean(text)
    assert len(out) == len(text)
    assert "\u200b" not in out and "\x00" not in out and "\u202e" not in out


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_clean_keeps_length(text: str) -> None:
    assert len(clean(text)) == len(text)


def test_chunks_cover_the_text_at_paragraphs() -> None:
    paragraph = ("Blinken met Xi in Beijing on Friday. " * 20).strip()
    text = "\n\n".join([paragraph] * 50)
    pieces = list(chunks(text, size=2_000))
    assert all(b - a <= 2_000 for a, b in pieces)
    assert "".join(text[a:b] for a, b in pieces).replace("\n", "") == text.replace("\n", "")
    assert all(text[b - 1] in ".\n " or b == len(text) for a, b in pieces)


def test_paragraphs_are_stanzas_paragraphs_trimmed() -> None:
    text = "  One. Two.\n\nThree \n \n\n \t\nFour\nstill four.  \n\n   \n\n"
    spans = list(paragraphs(text))
    assert [text[a:b] for a, b in spans] == ["One. Two.", "Three", "Four\nstill four."]
    # within a piece only, offsets into the whole text
    assert [text[a:b] for a, b in paragraphs(text, 13, 30)] == ["Three", "Four"]
    assert list(paragraphs(" \n\n ")) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t\x85"), max_size=80))
def test_paragraphs_split_where_stanza_does(text: str) -> None:
    from stanza.models.tokenization.data import NEWLINE_WHITESPACE_RE

    theirs = [p.strip() for p in NEWLINE_WHITESPACE_RE.split(text) if p.strip()]
    assert [text[a:b] for a, b in paragraphs(text)] == theirs


def test_chunks_cut_unbroken_text() -> None:
    text = "x" * 10_000
    pieces = list(chunks(text, size=3_000))
    assert sum(b - a for a, b in pieces) == 10_000


@pytest.mark.parametrize(
    ("text", "city", "body"),
    [
        ("WASHINGTON (Reuters) - Blinken met Xi.", "Washington", "Blinken met Xi."),
        ("BEIJING, April 26 (Xinhua) -- Xi met Blinken.", "Beijing", "Xi met Blinken."),
        ("KYIV, Ukraine (AP) — Russia launched drones.", "Kyiv", "Russia launched drones."),
        ("NEW DELHI -- India said.", "New Delhi", "India said."),
        ("LONDON — Britain said.", "London", "Britain said."),
        ("2024-04-26\nBEIJING (Reuters) - Xi met Blinken.", "Beijing", "Xi met Blinken."),
        # not datelines: a short all-caps word before a dash, a plain start
        ("US — China talks resumed.", None, "US — China talks resumed."),
        ("US - China talks resumed.", None, "US - China talks resumed."),
        ("Blinken met Xi.", None, "Blinken met Xi."),
    ],
)
def test_a_dateline_is_no_part_of_the_body(text: str, city: str | None, body: str) -> None:
    line = find_dateline(text)
    assert line.city == city
    assert text[line.body_start :].strip() == body
