"""Evaluate ``resolve_date`` on TimeML gold (TimeBank, AQUAINT) against plain dateparser.

Usage::

    python tools/eval_dates.py --timeml ../shared/data/timebank-aquaint/TimeBank \
        ../shared/data/timebank-aquaint/AQUAINT [--errors [--context]]

Every gold ``<TIMEX3 type="DATE">`` except the document creation time (DCT) is
resolved from its gold extent and the DCT, and scored by exact match of the
TIMEX3 value.  Two cheap signals come from the surrounding text, never from
the gold values:

* ``tense=``: a guess at the governing verb's tense (no tagger; see
  :func:`guess_tense`), standing in for the parser's tense: the nearest
  tense marker before the expression in its clause (the verb a time adverbial
  follows), else after it, else in the sentence.  Markers: modals ("will",
  "would", "is to") for the future; verbs and nouns of intention before the
  expression ("planned to leave on Thursday", "an agreement to acquire it in
  January"); past forms ("said", "-ed" verbs that are not participles after
  an auxiliary, a modal or a determiner); present auxiliaries ("is", "it's");
  the present perfect counts as past, except that a deadline after it
  ("has extended the loans through January") is still ahead.  Sentences do
  not end at "Mr.", "vs.", initials or "Sept." before a day.
* ``anchor=``: our own resolution of the latest earlier time expression of
  the document that does not itself depend on an anchor (so "a year earlier"
  after "the third quarter" is that quarter a year before, and a chain of
  "a year earlier" does not walk back year after year).  Comparisons ("a
  year ago", "year-earlier") never become the anchor, and a stretch of months
  or years (the gold DURATION "the nine months") clears it: "for the nine
  months, ... a year earlier" is the year before, not the quarter.

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

from diplo_events._dates.resolver import resolve_date
from diplo_events._events import EventDate, Precision

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
    " sought meant heard felt tore wore swore threw blew drove rode ate forgot froze hid dug hung"
    " slid spun stuck swung wept woke shook sank sang rang swam sprang drank shrank fed bled"
    " dealt slept swept crept lent bent built laid arose withdrew overthrew undertook overtook"
    " forgave withheld upheld understood withstood overcame stole"
)
_PAST = re.compile(r"\b(?:" + "|".join(_IRREGULAR_PAST.split()) + r")\b", re.IGNORECASE)
_ED = re.compile(
    r"\b(?!(?:indeed|proceed|succeed|exceed|speed|need|hundred|sacred|naked|wicked)\b)"
    r"[a-z]{3,}ed\b",
    re.IGNORECASE,
)
_NOT_FINITE_BEFORE = re.compile(
    r"\b(?:is|are|be|been|being|was|were|has|have|had|get|gets|got|the|a|an|its|their|his"
    r"|her|our|newly|recently|will|would|could|should|can|may|might|must|to)\s+$",
    re.IGNORECASE,
)
# "a still unspecified date", "the widely expected cut": a participle used as
# an adjective.
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our)\s+(?:[a-z]+ly|still|yet|not|once|long|well)\s+$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|would|going to|is to|are to|was to|were to)\b", re.IGNORECASE
)
# Verbs of intention or schedule: a date after them is the date of what is
# intended ("planned to leave on Thursday", "agreed to buy it in February"),
# so they count as future only before the expression; after it ("On Friday,
# the government planned to pay") the verb is an ordinary past.
_INTENT = re.compile(
    r"\b(?:plans? to|planned|planning|scheduled|slated|expects? to|expected to|set to"
    r"|intends? to|intended to|hopes? to|hoped to|wants? to|wanted to|aims? to|seeks? to"
    r"|sought to|prepares? to|preparing to|agreed to|agrees? to|decided to|decides? to"
    r"|promised to|vowed to|pledged to|threatened to|offered to|proposed to|likely to|ready to"
    r"|poised to|about to)\b",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|hastily|newly)\s+$", re.IGNORECASE
)
_PRESENT = re.compile(
    r"\b(?:is|are|am|does|do|(?:it|that|there|here|he|she|what|who|this)'s|\w+'re|i'm)\b",
    re.IGNORECASE,
)
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


# A period after these ends no sentence: titles ("Mr. Smith", "Roe vs. Wade"),
# initials ("George W. Bush"), and month abbreviations before a day ("Sept.
# 30").
_NO_END_AFTER = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Rev|St|Mt|Ft|Gens|Sens"
    r"|Reps|vs|Vs|[A-Z])\.|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=\s+\d))$"
)


def _sentence_ends(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group(0).startswith("\n") or not _NO_END_AFTER.search(text, 0, m.start()):
            yield m


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]``."""
    left = 0
    for m in _sentence_ends(text, 0, start):
        left = m.end()
    after = next(_sentence_ends(text, end, len(text)), None)
    return left, (after.start() if after else len(text))


# Nouns of intention with an infinitive ("an agreement to acquire the company
# in January"): a date after them is the date of what is agreed or planned.
_INTENT_NOUN = re.compile(
    r"\b(?:agreements?|deals?|plans?|offers?|bids?|proposals?|decisions?|pacts?|accords?"
    r"|contracts?|commitments?|promises?|pledges?|intentions?)\s+to\s+[a-z]+\b",
    re.IGNORECASE,
)


def _markers(text: str, left: int, right: int, start: int) -> Iterator[tuple[int, int, str]]:
    for m in _INTENT_NOUN.finditer(text, left, min(right, start)):
        yield m.start(), m.end(), "future"
    for m in _FUTURE.finditer(text, left, right):
        yield m.start(), m.end(), "future"
    for m in _INTENT.finditer(text, left, right):
        if _DETERMINER_BEFORE.search(text[max(left, m.start() - 12) : m.start()]):
            continue
        # After the expression only a present form ("On Tuesday, the league
        # plans to hold a news conference") speaks of what is to come.
        if m.start() < start or m.group(0).split()[0].lower().endswith(("s", "ing")):
            yield m.start(), m.end(), "future"
    for m in _PRESENT.finditer(text, left, right):
        yield m.start(), m.end(), "present"
    for m in _PERFECT.finditer(text, left, right):
        yield m.start(), m.end(), "perfect"
    for pattern in (_PAST, _ED):
        for m in pattern.finditer(text, left, right):
            before = text[max(left, m.start() - 24) : m.start()]
            if not (_NOT_FINITE_BEFORE.search(before) or _ADJECTIVE_BEFORE.search(before)):
                yield m.start(), m.end(), "past"


def _nearest_marker(
    text: str, left: int, right: int, start: int, end: int, *, side: str = "both"
) -> str | None:
    best: tuple[int, str] | None = None
    for m_start, m_end, tense in _markers(text, left, right, start):
        if start <= m_start < end:
            continue
        if (side == "left" and m_end > start) or (side == "right" and m_start < end):
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
    tense = _nearest_marker(text, clause_left, clause_right, start, end, side="left")
    if tense is None:
        tense = _nearest_marker(text, clause_left, clause_right, start, end)
    if tense is None:
        tense = _nearest_marker(text, left, right, start, end)
    # "Has extended the loans through January": a deadline after a present
    # perfect is still ahead; after a simple past it has passed.
    if tense != "past" and (
        _WEAK_FUTURE_CUE.search(before) or _FUTURE_NOUN_AFTER.search(text[end : end + 20])
    ):
        return "future"
    return "past" if tense == "perfect" else tense


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


# "A year ago", "a year earlier", "year-earlier": in company reports a
# comparison with the period under discussion, never a new reference time.
_COMPARISON = re.compile(r"\byear[\s-]+(?:ago|earlier)\b", re.IGNORECASE)


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
            if timex.type == "DURATION" and re.search(r"\b(?:months|years)\b", timex.text):
                # "For the nine months, ... a year earlier": a stretch of
                # months ends the talk about the anchored period.
                anchor = None
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
                and not _COMPARISON.search(timex.text)
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
