"""Evaluate ``resolve_date`` on TimeML gold (TimeBank, AQUAINT) against plain dateparser.

Usage::

    python tools/eval_dates.py --timeml ../shared/data/timebank-aquaint/TimeBank \
        ../shared/data/timebank-aquaint/AQUAINT [--errors [--context]]

Every gold ``<TIMEX3 type="DATE">`` except the document creation time (DCT) is
resolved from its gold extent and the DCT, and scored by exact match of the
TIMEX3 value.  Two cheap signals come from the surrounding text, never from
the gold values:

* ``tense=``: a crude guess from the nearest tense marker in the clause (no
  tagger; see :func:`guess_tense`), standing in for the parser's tense;
* ``anchor=``: our own resolution of the latest earlier time expression of
  the document that does not itself depend on an anchor (so "a year earlier"
  after "the third quarter" is that quarter a year before, and a chain of
  "a year earlier" does not walk back year after year).

The baseline is ``dateparser.parse(text, settings={"RELATIVE_BASE": dct,
"PREFER_DATES_FROM": "past"})`` formatted at the gold value's granularity.

Scores: *exact* compares values after zero-padding week numbers ("2000-W7" ==
"2000-W07") and nothing else.  *compatible* (reported beside it, never instead
of it) also accepts a value that agrees with every digit the gold value
specifies: gold "1989-WXX" (some week of 1989) accepts "1989-W43", gold
"1948-XX" accepts "1948", gold "2000-01-05TEV" (that evening) accepts
"2000-01-05", TIMEX2-style "199X" / "19XX" accept TIMEX3-style "199" / "19".

The data is not redistributed: this script only reads it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dateparser

sys.path.append(str(Path(__file__).resolve().parent.parent / "src"))

from diplo_events._dates import resolve_date
from diplo_events._model import EventDate, Precision

warnings.filterwarnings("ignore", category=DeprecationWarning)

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    """One gold TIMEX3 with its position in the tag-free text."""

    type: str
    value: str
    text: str
    start: int
    end: int
    is_dct: bool


def read_timeml(path: Path) -> tuple[str, list[Timex]]:
    """The tag-free text of a TimeML file and its TIMEX3s, in document order."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.find("<TimeML") :] if "<TimeML" in raw else raw
    out: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[dict[str, str], int] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            if name in ("TEXT", "DCT", "s", "P", "HEADLINE") and not closing:
                out.append("\n\n")  # block boundaries end sentences
                length += 2
            continue
        if not closing and not m.group(4):
            open_timex = (dict(_ATTR.findall(m.group(3))), length)
        elif closing and open_timex is not None:
            attrs, start = open_timex
            text = "".join(out)[start:length]
            timexes.append(
                Timex(
                    type=attrs.get("type", ""),
                    value=attrs.get("value", ""),
                    text=" ".join(text.split()),
                    start=start,
                    end=length,
                    is_dct=attrs.get("functionInDocument") == "CREATION_TIME",
                )
            )
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return "".join(out), timexes


# --- cheap context signals --------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]*[A-Z0-9])|\n\s*\n")
# Tense markers.  Deliberately crude (no tagger): past forms of common verbs,
# "-ed" words not after an auxiliary or a determiner (participles used as
# adjectives), modals and "plans to"-like phrases for the future, and present
# auxiliaries.  The marker nearest the expression in its clause wins.
_IRREGULAR_PAST = (
    "said told was were had did made met went came took gave got saw began rose fell left held"
    " sold bought paid won lost ran sent spent led fled brought thought found kept struck hit"
    " became grew knew flew drew chose spoke wrote broke stood sat shot fought caught taught"
    " sought meant heard felt"
)
_PAST = re.compile(r"\b(?:" + "|".join(_IRREGULAR_PAST.split()) + r")\b", re.IGNORECASE)
_ED = re.compile(r"\b[a-z]{3,}ed\b", re.IGNORECASE)
_NOT_FINITE_BEFORE = re.compile(
    r"\b(?:is|are|be|been|being|was|were|has|have|had|get|gets|got|the|a|an|its|their|his"
    r"|her|our|newly|recently)\s+$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|would|going to|plans? to|planning to|scheduled|is to|are to"
    r"|expects? to|expected to|set to|intends? to|hopes? to|wants? to|aims? to|seeks? to"
    r"|prepares? to|preparing to)\b",
    re.IGNORECASE,
)
_PRESENT = re.compile(r"\b(?:is|are|am|does|do)\b", re.IGNORECASE)
# The present perfect ("has decided", "have been searching") tells of the past.
_PERFECT = re.compile(r"\b(?:has|have|'ve)\b", re.IGNORECASE)
# Words right before a date that make it a deadline or a schedule: "payable
# Dec. 15", "effective Feb. 1", "extended to Nov. 20"; weaker ones ("by",
# "until") only when the clause is not in the past.
_STRONG_FUTURE_CUE = re.compile(
    r"\b(?:payable|record|effective|extended to|extended until|extended through|postponed to"
    r"|postponed until|delayed to|delayed until|deadline of|set for|scheduled for|planned for"
    r"|due|expires?|expiring|as soon as|ahead of)\s+(?:the\s+|early\s+|mid-|late\s+)?$",
    re.IGNORECASE,
)
_WEAK_FUTURE_CUE = re.compile(
    r"\b(?:by|until|till|through|before|starting|beginning)\s+(?:the\s+|early\s+|mid-|late\s+)?$",
    re.IGNORECASE,
)
_FUTURE_NOUN_AFTER = re.compile(
    r"^\s*(?:deadline|return date|meeting|summit|vote|election|date)\b", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"[;:,]|``|''|\"")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]``."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    after = _SENTENCE_END.search(text, end)
    return left, (after.start() if after else len(text))


def _markers(text: str, left: int, right: int) -> Iterator[tuple[int, int, str]]:
    for m in _FUTURE.finditer(text, left, right):
        yield m.start(), m.end(), "future"
    for m in _PRESENT.finditer(text, left, right):
        yield m.start(), m.end(), "present"
    for m in _PERFECT.finditer(text, left, right):
        yield m.start(), m.end(), "past"
    for pattern in (_PAST, _ED):
        for m in pattern.finditer(text, left, right):
            if not _NOT_FINITE_BEFORE.search(text[max(left, m.start() - 12) : m.start()]):
                yield m.start(), m.end(), "past"


def _nearest_marker(text: str, left: int, right: int, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for m_start, m_end, tense in _markers(text, left, right):
        if start <= m_start < end:
            continue
        distance = start - m_end if m_end <= start else m_start - end
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


def guess_tense(text: str, start: int, end: int) -> str | None:
    """A cheap guess at the tense governing the expression at ``text[start:end]``."""
    before = text[max(0, start - 40) : start]
    if text.startswith("'s", end):
        return None  # "Wednesday's ruling": a modifier, no governing verb
    if _STRONG_FUTURE_CUE.search(before):
        return "future"
    left, right = sentence_bounds(text, start, end)
    clause_left = left
    for m in _CLAUSE_BREAK.finditer(text, left, start):
        clause_left = m.end()
    after = _CLAUSE_BREAK.search(text, end, right)
    clause_right = after.start() if after else right
    tense = _nearest_marker(text, clause_left, clause_right, start, end)
    if tense is None:
        tense = _nearest_marker(text, left, right, start, end)
    if tense != "past" and (
        _WEAK_FUTURE_CUE.search(before) or _FUTURE_NOUN_AFTER.search(text[end : end + 20])
    ):
        return "future"
    return tense


# --- the dateparser baseline ---------------------------------------------------


def baseline(text: str, dct: dt.datetime, gold: str) -> str | None:
    try:
        parsed = dateparser.parse(
            text, settings={"RELATIVE_BASE": dct, "PREFER_DATES_FROM": "past"}
        )
    except Exception:  # dateparser raises on odd input
        return None
    if parsed is None:
        return None
    d = parsed.date()
    year, week, _ = d.isocalendar()
    shapes = [
        (r"\d{4}-\d{2}-\d{2}", d.isoformat()),
        (r"\d{4}-\d{2}", f"{d.year:04d}-{d.month:02d}"),
        (r"\d{4}", f"{d.year:04d}"),
        (r"\d{4}-W\d+", f"{year:04d}-W{week:02d}"),
        (r"\d{4}-Q\d", f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"),
        (r"\d{4}-H\d", f"{d.year:04d}-H{1 if d.month <= 6 else 2}"),
        (r"\d{3}", f"{d.year // 10:03d}"),
        (r"\d{2}", f"{d.year // 100:02d}"),
    ]
    for shape, value in shapes:
        if re.fullmatch(shape, gold):
            return value
    return d.isoformat()


_PAD_WEEK = re.compile(r"-W(\d)(?!\d)")


def same_value(predicted: str | None, gold: str) -> bool:
    """Exact match, week numbers compared zero-padded."""
    if predicted is None:
        return False
    return _PAD_WEEK.sub(r"-W0\1", predicted) == _PAD_WEEK.sub(r"-W0\1", gold)


def compatible_value(predicted: str | None, gold: str) -> bool:
    """``predicted`` agrees with every digit ``gold`` specifies (see the module doc)."""
    if predicted is None:
        return False
    if same_value(predicted, gold):
        return True
    predicted, gold = _PAD_WEEK.sub(r"-W0\1", predicted), _PAD_WEEK.sub(r"-W0\1", gold)
    gold = re.sub(r"T(?:MO|AF|EV|NI|DT|\d\d:\d\d(?::\d\d)?)$", "", gold)  # time of day
    decade_or_century = re.fullmatch(r"(\d{2,3})X+", gold)
    if decade_or_century:  # "199X", "19XX"
        return predicted == decade_or_century.group(1)
    known = re.sub(r"(?:-[WQHX]*X+)+$", "", gold)  # "1989-WXX" -> "1989", "1948-XX" -> "1948"
    if predicted == known:
        return True
    return len(predicted) == len(gold) and all(
        g in ("X", p) for p, g in zip(predicted, gold, strict=True)
    )


# --- evaluation -----------------------------------------------------------------


@dataclass
class Item:
    file: str
    dct: str
    text: str
    gold: str
    ours: str | None
    base: str | None
    tense: str | None
    anchor: str | None
    context: str


def evaluate(directory: Path) -> Iterator[Item]:
    for path in sorted(directory.glob("*.tml")):
        text, timexes = read_timeml(path)
        dcts = [t for t in timexes if t.is_dct]
        if not dcts:
            continue
        dct_value = dcts[0].value
        dct = dt.datetime.fromisoformat(dct_value[:19])
        anchor: EventDate | None = None  # the reference time the text is at
        for timex in timexes:
            if timex.is_dct or timex.type not in ("DATE", "TIME"):
                continue
            tense = guess_tense(text, timex.start, timex.end)
            resolved = resolve_date(timex.text, dct.date(), tense=tense, anchor=anchor)
            item_anchor = anchor
            # A new reference time is one that does not hang on the current
            # one: "a year earlier" does not move it, "last week" does.
            if (
                resolved is not None
                and resolved.precision is not Precision.REFERENCE
                and (
                    anchor is None or resolve_date(timex.text, dct.date(), tense=tense) == resolved
                )
            ):
                anchor = resolved
            if timex.type != "DATE":
                continue
            left, right = sentence_bounds(text, timex.start, timex.end)
            yield Item(
                file=path.name,
                dct=dct_value,
                text=timex.text,
                gold=timex.value,
                ours=resolved.timex if resolved else None,
                base=baseline(timex.text, dct, timex.value),
                tense=tense,
                anchor=item_anchor.timex if item_anchor else None,
                context=" ".join(text[left:right].split()),
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeml", nargs="+", required=True, type=Path, help="TimeML directories")
    parser.add_argument("--errors", action="store_true", help="list our misses")
    parser.add_argument(
        "--context", action="store_true", help="with --errors: also print each miss's sentence"
    )
    args = parser.parse_args(argv)
    rows = []
    for directory in args.timeml:
        items = list(evaluate(directory))
        rows.append(
            (
                directory.name,
                len(items),
                sum(same_value(i.ours, i.gold) for i in items),
                sum(same_value(i.base, i.gold) for i in items),
                sum(compatible_value(i.ours, i.gold) for i in items),
                sum(compatible_value(i.base, i.gold) for i in items),
            )
        )
        if args.errors:
            for i in items:
                if same_value(i.ours, i.gold):
                    continue
                print(
                    f"MISS {directory.name} {i.file} dct={i.dct[:10]} tense={i.tense}"
                    f" anchor={i.anchor} {i.text!r}: gold={i.gold} ours={i.ours}"
                    + (" (compatible)" if compatible_value(i.ours, i.gold) else "")
                )
                if args.context:
                    print(f"    | {i.context}")
    print(
        f"{'set':<10} {'count':>5}  {'ours exact':>16}  {'dateparser exact':>16}"
        f"  {'ours compatible':>16}  {'dp compatible':>16}"
    )

    def cell(n: int, count: int) -> str:
        return f"{n:>5}/{count:<5} {100 * n / max(count, 1):5.1f}%"

    for name, count, ours, base, ours_c, base_c in rows:
        print(
            f"{name:<10} {count:>5}  {cell(ours, count)}  {cell(base, count)}"
            f"  {cell(ours_c, count)}  {cell(base_c, count)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
