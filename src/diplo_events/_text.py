"""Input: type checks, offset-preserving clean-up, datelines and chunking.

Every transformation here keeps the text's length, so offsets computed on
the cleaned text point into the caller's text unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

import attrs

from ._dates.published import DateLike, to_date
from ._dates.vocabulary import MONTH_NAMES

__all__ = [
    "DateLike",
    "Dateline",
    "check_text",
    "chunks",
    "clean",
    "find_dateline",
    "paragraphs",
    "to_date",
]

_TAG = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][^<>]{0,2000}>",
    re.DOTALL | re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});")
_MONTHS = "|".join(
    [*MONTH_NAMES, *(name[:3] for name in MONTH_NAMES if name != "may"), "sept"]
)
_HEADER_DATE = re.compile(
    r"\A\s*(?:date\s*[:=]?\s*)?(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?\s*(?:\n|\Z)", re.IGNORECASE
)
_WRITTEN_DATE = re.compile(
    rf"\A\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?((?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})"
    r"\s*(?:[-—–:|]+|\n)",
    re.IGNORECASE,
)
# "WASHINGTON, April 26 (Reuters) -", "BEIJING, April 26, 2024 (AP) —"
_CITY_DATELINE = re.compile(
    r"\A\s*([A-Z][A-Z .'\-]{1,40}?)\s*(?:,\s*[A-Z][A-Za-z.]+)?,\s*"
    rf"((?i:{_MONTHS})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
    r"\s*(?:\([^)]{1,40}\))?\s*[-—–]+",
)
# An upper-case city, perhaps with its region: "KYIV, Ukraine", "NEW DELHI".
_CITY = (
    r"([A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3})"
    r"\s*(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
)
# Without a date: "WASHINGTON (Reuters) -", "KYIV, Ukraine (AP) —", and
# "LONDON —" (a long dash and a city of four letters or more: "US - China
# talks" is no dateline).
_AGENCY_DATELINE = re.compile(rf"\A\s*{_CITY}\s*\([A-Z][\w .&'\-]{{0,30}}\)\s*[-—–]+\s*")
_DASH_DATELINE = re.compile(rf"\A\s*{_CITY}\s*(?:--|[—–])\s*")
CHUNK_CHARS = 20_000
# Where stanza's tokenizer starts a new paragraph (its own pattern): each
# paragraph is tokenized on its own, so cutting here changes nothing.
_PARAGRAPH_BREAK = re.compile(r"\n[\s\u0080-\u009f]*\n")


@attrs.frozen
class Dateline:
    """What a text's first line says about it."""

    published: dt.date | None
    city: str | None
    body_start: int  # where the article body starts (after a header line)


def check_text(text: object) -> str:
    if isinstance(text, bytes | bytearray):
        raise TypeError(
            f"text must be str, not {type(text).__name__}: decode it first, "
            "e.g. data.decode('utf-8')"
        )
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__} ({text!r:.60})")
    return text


def clean(text: str) -> str:
    """Blank out markup and control characters, keeping every offset.

    HTML tags and entities become spaces of the same length, so the parser
    sees plain prose while offsets still point into what was passed.
    """
    if "<" in text:
        text = _TAG.sub(lambda m: " " * len(m.group(0)), text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: " " * len(m.group(0)), text)
    out = []
    changed = False
    for ch in text:
        if ch in "\n\t " or ch.isprintable():
            cat = unicodedata.category(ch) if ord(ch) > 127 else ""
            if cat == "Cf":  # zero-width and bidi controls
                out.append(" ")
                changed = True
            else:
                out.append(ch)
        else:
            out.append("\n" if ch in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else " ")
            changed = True
    return "".join(out) if changed else text


def find_dateline(text: str) -> Dateline:
    """Publication date and dateline city from the start of ``text``, if any.

    The body starts after them: a dateline ("BEIJING, April 26 (Xinhua) --")
    is no part of the first sentence, whose subject the parser would
    otherwise take it for.
    """
    head = text[:400]
    m = _HEADER_DATE.match(head)
    published = None
    if m:
        with contextlib.suppress(ValueError):
            published = dt.date.fromisoformat(m.group(1))
    else:
        m = _WRITTEN_DATE.match(head)
        if m:
            published = _parse_written(m.group(1))
    start = m.end() if m and published is not None else 0
    rest = head[start:]
    m = _CITY_DATELINE.match(rest)
    if m:
        city = m.group(1).strip().title()
        return Dateline(published or _parse_written(m.group(2)), city, start + m.end())
    m = _AGENCY_DATELINE.match(rest)
    if m is None:
        m = _DASH_DATELINE.match(rest)
        if m is not None and sum(c.isalpha() for c in m.group(1)) < 4:
            m = None  # "US — China talks" is no dateline
    if m:
        return Dateline(published, m.group(1).strip().title(), start + m.end())
    return Dateline(published, None, start)


def _parse_written(expr: str) -> dt.date | None:
    """A date from "April 26, 2024"; None without a year (it cannot be known)."""
    cleaned = expr.replace(",", " ").replace(".", " ").split()
    if len(cleaned) != 3:
        return None
    month_name, day, year = cleaned
    for fmt in ("%B", "%b"):
        try:
            month = dt.datetime.strptime(month_name[:3] if fmt == "%b" else month_name, fmt).month  # noqa: DTZ007
            return dt.date(int(year), month, int(day))
        except ValueError:
            continue
    if month_name.lower().startswith("sept"):
        try:
            return dt.date(int(year), 9, int(day))
        except ValueError:
            return None
    return None


def chunks(text: str, start: int = 0, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """Bounded ``(start, end)`` pieces of ``text``, cut at paragraph boundaries.

    Long paragraphs are cut at a sentence end, else at whitespace, so cost
    grows linearly with length and memory stays bounded.
    """
    n = len(text)
    pos = start
    while pos < n:
        end = min(pos + size, n)
        if end < n:
            window = text[pos:end]
            cut = window.rfind("\n\n")
            if cut < size // 4:
                cut = max(
                    window.rfind(". "), window.rfind(".\n"), window.rfind("? "), window.rfind("! ")
                )
                cut = cut + 1 if cut >= size // 4 else -1
            if cut < size // 4:
                cut = window.rfind(" ")
            if cut > 0:
                end = pos + cut
        if text[pos:end].strip():
            yield pos, end
        pos = end


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph of ``text[start:end]``, whitespace trimmed."""
    stop = len(text) if end is None else end
    pos = start
    for brk in _PARAGRAPH_BREAK.finditer(text, start, stop):
        yield from _trimmed(text, pos, brk.start())
        pos = brk.end()
    yield from _trimmed(text, pos, stop)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    body = piece.strip()
    if body:
        first = start + (len(piece) - len(piece.lstrip()))
        yield first, first + len(body)


# The most frequent English function words: real English prose of any
# length has plenty of them, other languages almost none.
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "he",
        "said",
        "at",
        "from",
        "his",
        "an",
        "be",
        "has",
        "have",
        "are",
        "were",
        "which",
        "this",
        "not",
        "but",
        "its",
        "their",
        "they",
        "will",
        "who",
        "been",
        "had",
        "would",
        "or",
        "after",
        "also",
        "than",
        "more",
        "two",
        "one",
        "new",
        "over",
        "into",
        "about",
        "against",
        "her",
        "she",
        "we",
        "our",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def looks_english(text: str, sample: int = 5_000) -> bool:
    """A cheap language check on the first ``sample`` characters.

    Short snippets (under 8 words) pass: too little evidence to refuse them.
    """
    head = text[:sample]
    letters = [c for c in head if c.isalpha()]
    if len(letters) >= 20 and sum(c.isascii() for c in letters) < len(letters) * 0.5:
        return False  # mostly another script (CJK, Arabic, Cyrillic, ...)
    words = _WORD.findall(head)
    if len(words) < 8:
        return True
    if len(words) < 25:
        # A headline-length English sentence can be all names and content
        # words; only longer Latin-script text is judged by function words.
        return True
    hits = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS)
    return hits >= max(2, len(words) * 0.08)
