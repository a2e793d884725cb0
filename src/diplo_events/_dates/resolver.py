"""Resolve English time expressions ("Friday", "last year", "April 24, 2024") to dates.

Pure functions, no parse trees: :func:`resolve_date` turns one time expression
into an :class:`~diplo_events.EventDate` relative to the article's publication
date, and :func:`find_time_expressions` finds candidate time expressions in a
sentence.  Nothing here reads the clock or the network.

Conventions (those of news writing and of TIMEX3 / TimeBank):

* A bare weekday is the publication day itself when the weekdays agree
  ("Friday" in a Friday article), else the nearest past one, or the nearest
  future one when the governing verb is in the future tense or the phrase says
  "next" / "coming".
* A month or month-day without a year is the occurrence nearest the
  publication date; the tense may send it the other way, within ten months.
* ``value`` is the first day of the period and ``timex`` its TIMEX3 value:
  ``2024-04-24``, ``2024-W17``, ``2024-W17-WE``, ``2024-04``, ``2024-SU``,
  ``2024-Q1``, ``2024-H2``, ``2024``, ``199`` (a decade), ``19`` (a century),
  ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` (precision "reference",
  value the publication date).
* Modifiers that narrow a period without naming another ("early", "late",
  "the end of", "mid-") keep the period: TIMEX3 records them in ``mod``, not
  in the value, and ``EventDate`` has no field for them.

* A clock time with its day ("9 a.m. Tuesday") is kept in ``EventDate.time``
  and ends the ``timex`` (``2000-04-04T09:00``); the date rules never see it.

How it works: the expression is normalized (lower case, abbreviations and
number words expanded, clock times dropped), then a cascade of regex rules
(``_RULES``) is tried; when none answers, one qualifier ("early", "on", "the")
is stripped and the cascade runs again.  ``dateparser`` reads calendar dates
(all the numeric and month-name formats) and nothing else, through a cached
parser whose relative base is fixed, so it never consults the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import dateparser.date

from .._events import DateBasis, EventDate, Precision
from ..exceptions import InputError
from .published import DateLike, to_date
from .vocabulary import MONTH_NAMES, WEEKDAY_NAMES

__all__ = ["date_span", "find_time_expressions", "resolve_date"]


def _words(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

_MONTHS = {name: i for i, name in enumerate(MONTH_NAMES, 1)}
_MONTH_ABBREVIATIONS = {name[:3]: name for name in MONTH_NAMES if name != "may"} | {
    "sept": "september"
}
_WEEKDAYS = {name: i for i, name in enumerate(WEEKDAY_NAMES)}
_WEEKDAY_ABBREVIATIONS = {name[:3]: name for name in _WEEKDAYS} | {
    "tues": "tuesday",
    "weds": "wednesday",
    "thur": "thursday",
    "thurs": "thursday",
}
# Abbreviations no common word shares: recognised without their dot ("Tues").
_DOTLESS_WEEKDAYS = ("tues", "weds", "thurs", "thur")
# TIMEX3 season codes as TimeBank uses them ("fall" and "autumn" are both FA).
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_MONTH_RE = "|".join(_MONTHS)
_WEEKDAY_RE = "|".join(_WEEKDAYS)
_SEASON_RE = "|".join(_SEASONS)
_PART_OF_DAY_RE = r"morning|afternoon|evening|night|overnight|midday|noon|lunchtime|dawn|dusk"

# Number words, turned into digits before any rule runs ("nineteen ninety-six"
# -> "1996", "twenty-first" -> "21st", "the nineties" -> "the 90s").
_UNIT_WORDS = {
    w: i
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen"
            " fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        _words(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
            " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
        ),
        1,
    )
}
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_TENS_WORDS = {w: 10 * i for i, w in enumerate(_TENS, 2)}
_ORDINAL_TENS_WORDS = {w[:-1] + "ieth": 10 * i for i, w in enumerate(_TENS, 2)}
_PLURAL_TENS_WORDS = {w[:-1] + "ies": 10 * i for i, w in enumerate(_TENS, 2)}
_SCALE_WORDS = {"hundred": 100, "thousand": 1000}
_NUMBER_WORD_RE = "|".join(
    sorted(
        [
            *_UNIT_WORDS,
            *_ORDINAL_WORDS,
            *_TENS_WORDS,
            *_ORDINAL_TENS_WORDS,
            *_PLURAL_TENS_WORDS,
            *_SCALE_WORDS,
        ],
        key=len,
        reverse=True,
    )
)
_NUMBER_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORD_RE})(?:(?:[\s-]+and)?[\s-]+(?:{_NUMBER_WORD_RE}))*\b"
)

# Units of "N units ago", with the precision of the result.
_UNITS = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "fortnight": Precision.WEEK,
    "month": Precision.MONTH,
    "quarter": Precision.QUARTER,
    "year": Precision.YEAR,
    "decade": Precision.YEAR,  # "a decade ago" is a year, not the 1980s
    "century": Precision.YEAR,
}
_UNIT_RE = r"days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)"

# Vague references: TIMEX3 gives them PRESENT_REF, PAST_REF or FUTURE_REF.
# Plural periods ("recent years", "the coming months") name no single
# calendar period, so they are vague too.
_PLURAL_UNIT_RE = r"days|weeks|months|quarters|years|decades"
_REFERENCES = (
    (
        "PRESENT_REF",
        re.compile(
            r"now|right now|just now|currently|current|present|at present|presently|nowadays"
            r"|these days|this time|at this time|at the moment|the moment|this (?:\w+ )?moment"
            r"|for now|as of now|so far|to date|thus far|as yet|until now|up to now|at once"
            r"|already|yet|not yet"
        ),
    ),
    (
        "PAST_REF",
        re.compile(
            r"(?:the )?past|previously|recently|recent|lately|earlier|formerly|in the past"
            r"|(?:at )?the time|at that time|back then|once upon a time|long ago|ages ago|once"
            r"|then current|then present"
            r"|(?:more|most|very|until|only|as|until very) recently|years ago|the old days"
            rf"|(?:in )?(?:the )?(?:recent|past|last|previous|preceding)"
            rf" (?:few |several |many )?(?:{_PLURAL_UNIT_RE})(?: and (?:{_PLURAL_UNIT_RE}))?"
            rf"|(?:several|many|a few|some) (?:{_PLURAL_UNIT_RE}) ago"
        ),
    ),
    (
        "FUTURE_REF",
        re.compile(
            r"(?:the )?(?:near |distant )?future|soon|shortly|later on|eventually|someday"
            r"|(?:a|some) later date|(?:the )?(?:near|short|medium|long) term"
            r"|as soon as possible|in due course|from time to time"
            rf"|(?:the )?(?:coming|next|following|upcoming) (?:few |several )?(?:{_PLURAL_UNIT_RE})"
            rf"|(?:future|coming) (?:{_PLURAL_UNIT_RE})"
        ),
    ),
)

# Phrases that look numeric or temporal but never are a date.
_NOT_A_DATE = re.compile(
    r"[$€£¥%]|\b(?:percent|per cent|percentage|points?|billion|million|trillion"
    r"|dollars?|cents?|euros?|pounds|yen|yuan|rubles?|rupees?|years? old|aged)\b"
    r"|\b\d+ years? of age\b|\b\d+[\s-]*(?:years?|months?|weeks?|days?)[\s-]old\b"
)


# ---------------------------------------------------------------------------
# Periods and calendar arithmetic
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Period:
    """A resolved calendar period: its first day, precision and TIMEX3 value."""

    start: dt.date
    precision: Precision
    timex: str


def _day(d: dt.date) -> _Period:
    return _Period(d, Precision.DAY, d.isoformat())


def _week(d: dt.date) -> _Period:
    year, week, _ = d.isocalendar()
    monday = dt.date.fromisocalendar(year, week, 1)
    return _Period(monday, Precision.WEEK, f"{year:04d}-W{week:02d}")


def _weekend(saturday: dt.date) -> _Period:
    year, week, _ = saturday.isocalendar()
    return _Period(saturday, Precision.WEEK, f"{year:04d}-W{week:02d}-WE")


def _month(year: int, month: int) -> _Period:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return _Period(dt.date(year, month, 1), Precision.MONTH, f"{year:04d}-{month:02d}")


def _quarter(year: int, quarter: int) -> _Period:
    year, quarter = year + (quarter - 1) // 4, (quarter - 1) % 4 + 1
    return _Period(dt.date(year, 3 * quarter - 2, 1), Precision.QUARTER, f"{year:04d}-Q{quarter}")


def _half(year: int, half: int) -> _Period:
    year, half = year + (half - 1) // 2, (half - 1) % 2 + 1
    return _Period(dt.date(year, 6 * half - 5, 1), Precision.HALF, f"{year:04d}-H{half}")


def _season(year: int, code: str) -> _Period:
    """Meteorological seasons; Y-WI is the winter that begins in December of Y."""
    start = dt.date(year, _SEASON_START_MONTH[code], 1)
    return _Period(start, Precision.SEASON, f"{year:04d}-{code}")


def _year(year: int) -> _Period:
    return _Period(dt.date(year, 1, 1), Precision.YEAR, f"{year:04d}")


def _decade(year: int) -> _Period:
    return _Period(dt.date(year // 10 * 10, 1, 1), Precision.DECADE, f"{year // 10:03d}")


def _century(hundreds: int) -> _Period:
    """The century whose years begin with ``hundreds`` (19: 1900-1999, TIMEX3 "19")."""
    return _Period(dt.date(max(hundreds * 100, 1), 1, 1), Precision.CENTURY, f"{hundreds:02d}")


def _season_of(d: dt.date) -> tuple[int, str]:
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SU", "FA")[(d.month - 3) // 3]


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _half_of(d: dt.date) -> int:
    return 1 if d.month <= 6 else 2


def _add_months(d: dt.date, months: int) -> dt.date:
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"year {year} is out of range")
    # Clamp the day: a month before March 31 is February 28 or 29.
    return dt.date(year, month0 + 1, min(d.day, calendar.monthrange(year, month0 + 1)[1]))


_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
_DAYS_PER_UNIT = {"day": 1, "week": 7, "fortnight": 14}


def _at_precision(d: dt.date, precision: Precision, *, weekend: bool = False) -> _Period:
    """The period of ``precision`` that contains ``d``."""
    if precision is Precision.DAY:
        return _day(d)
    if precision is Precision.WEEK:
        return _weekend(d - dt.timedelta(days=(d.weekday() - 5) % 7)) if weekend else _week(d)
    if precision is Precision.MONTH:
        return _month(d.year, d.month)
    if precision is Precision.SEASON:
        return _season(*_season_of(d))
    if precision is Precision.QUARTER:
        return _quarter(d.year, _quarter_of(d))
    if precision is Precision.HALF:
        return _half(d.year, _half_of(d))
    if precision is Precision.DECADE:
        return _decade(d.year)
    if precision is Precision.CENTURY:
        return _century(d.year // 100)
    return _year(d.year)


def _shift(period: _Period, amount: int, unit: str) -> _Period:
    """``period`` moved by ``amount`` units, keeping its precision."""
    if unit in _DAYS_PER_UNIT:
        start = period.start + dt.timedelta(days=amount * _DAYS_PER_UNIT[unit])
    else:
        start = _add_months(period.start, amount * _MONTHS_PER_UNIT[unit])
    return _at_precision(start, period.precision, weekend=period.timex.endswith("-WE"))


def _current(unit: str, d: dt.date) -> _Period:
    """The week / month / quarter / half / year / decade / century containing ``d``."""
    precision = {
        "week": Precision.WEEK,
        "month": Precision.MONTH,
        "quarter": Precision.QUARTER,
        "half": Precision.HALF,
        "decade": Precision.DECADE,
        "century": Precision.CENTURY,
    }.get(unit, Precision.YEAR)
    return _at_precision(d, precision)


def _period_end(p: _Period) -> dt.date:
    """The last day of ``p``."""
    months = {
        Precision.MONTH: 1,
        Precision.SEASON: 3,
        Precision.QUARTER: 3,
        Precision.HALF: 6,
        Precision.YEAR: 12,
        Precision.DECADE: 120,
        Precision.CENTURY: 1200,
    }
    if p.precision is Precision.WEEK:
        return p.start + dt.timedelta(days=1 if p.timex.endswith("-WE") else 6)
    if p.precision in months:
        return _add_months(p.start, months[p.precision]) - dt.timedelta(days=1)
    return p.start


def date_span(date: EventDate) -> tuple[dt.date, dt.date] | None:
    """The first and the last day ``date`` covers, its whole range included.

    A year gives its January 1 and December 31, a month its first and last
    days, a week its Monday and Sunday (a weekend its Saturday and Sunday),
    a day itself.  None for a reference ("now", "the past"): it covers no
    days one could name.
    """
    if date.precision is Precision.REFERENCE:
        return None
    last = date.end if date.end is not None else date.value
    try:
        end = _period_end(_Period(last, date.precision, date.timex))
    except OverflowError:  # a period that ends after 9999
        end = dt.date.max
    return date.value, end


_COARSENESS = [
    Precision.DAY,
    Precision.WEEK,
    Precision.MONTH,
    Precision.SEASON,
    Precision.QUARTER,
    Precision.HALF,
    Precision.YEAR,
    Precision.DECADE,
    Precision.CENTURY,
]
_PARTS_OF_A_YEAR = frozenset({Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.HALF})


def _finer_or_equal(a: Precision, b: Precision) -> bool:
    return a in _COARSENESS and b in _COARSENESS and _COARSENESS.index(a) <= _COARSENESS.index(b)


# ---------------------------------------------------------------------------
# Context: what a rule may consult
# ---------------------------------------------------------------------------


class _NeedsPublication(Exception):
    """Raised by a rule that needs the publication date when there is none."""


class _Context:
    """The publication date, tense and anchor; records whether a rule used them."""

    def __init__(self, published: dt.date | None, tense: str | None, anchor: _Period | None):
        self._published = published
        self.tense = tense
        self._anchor = anchor
        #: Set when the result depends on the publication date or the anchor.
        self.relative = False

    @property
    def today(self) -> dt.date:
        """The publication date; using it makes the result relative."""
        self.relative = True
        if self._published is None:
            raise _NeedsPublication
        return self._published

    @property
    def has_published(self) -> bool:
        return self._published is not None

    @property
    def has_anchor(self) -> bool:
        return self._anchor is not None

    @property
    def anchor(self) -> _Period:
        """The time the text is talking about, for anaphora ("a year earlier",
        "that day"): the caller's anchor, else the publication day."""
        if self._anchor is not None:
            self.relative = True
            return self._anchor
        return _day(self.today)

    def direction(self, default: str = "past") -> str:
        """Where to look for a bare weekday, month or season: the tense's way."""
        return self.tense if self.tense in ("past", "future") else default


def _anchor_period(anchor: EventDate | dt.date | None) -> _Period | None:
    if anchor is None:
        return None
    if isinstance(anchor, EventDate):
        if anchor.precision is Precision.REFERENCE:
            return None
        return _Period(anchor.value, anchor.precision, anchor.timex)
    if isinstance(anchor, dt.datetime):
        return _day(anchor.date())
    if isinstance(anchor, dt.date):
        return _day(anchor)
    raise TypeError(f"anchor must be an EventDate, a date or None, not {type(anchor).__name__}")


# ---------------------------------------------------------------------------
# Normalization
# ---------------------------------------------------------------------------

_UNICODE = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-", "\xa0": " "}
)
#: Time zones written after a clock time (lower case; match ignoring case).
TIME_ZONES = r"edt|est|cdt|cst|mdt|mst|pdt|pst|gmt|utc|bst|cet|cest|local time"
#: One clock time, as a pattern without groups: "9 a.m.", "3:30 p.m.", "21:15", "noon".
CLOCK_TIME = r"\d{1,2}(?::\d{2})?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?=\W|$)|\d{1,2}:\d{2}\b|noon"
# Clock times and zones say nothing about the date ("9 a.m. EDT Thursday").
_CLOCK = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?=\W|$)|\b\d{1,2}:\d{2}\b"
    rf"|\b(?:{TIME_ZONES})\b"
    r"|\b(?:at |around |about )?(?:noon|midnight)\b"
)


# A clock time that can be read as one ("9 a.m.", "3:30 p.m.", "21:15",
# "noon"); "midnight" is left out: TIMEX3 puts it at the end of the day named
# ("midnight Friday" is T24 of Friday), which a datetime.time cannot say.
_CLOCK_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?=\W|$)"
    r"|\b(?P<h24>\d{1,2}):(?P<m24>\d{2})\b|\b(?P<noon>noon)\b"
)


def _clock_time(expression: str) -> dt.time | None:
    """The one clock time in ``expression``; None without one, or with several
    ("between 9 a.m. and 5 p.m."), or an impossible one ("13 p.m.")."""
    found = list(_CLOCK_TIME.finditer(_ISO_DATETIME.sub(r"\1 \2", expression.lower())))
    if len(found) != 1:
        return None
    m = found[0]
    if m.group("noon"):
        return dt.time(12, 0)
    if m.group("h24"):
        hour, minute = int(m.group("h24")), int(m.group("m24"))
        return dt.time(hour, minute) if hour < 24 and minute < 60 else None
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    if not 1 <= hour <= 12 or minute >= 60:
        return None
    return dt.time(hour % 12 + (12 if m.group("ap").startswith("p") else 0), minute)


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _number_words_to_digits(match: re.Match[str]) -> str:
    """One run of number words as digits; a run that is not one number
    ("first two") is converted word by word."""
    words = [w for w in re.split(r"[\s-]+", match.group(0)) if w != "and"]
    number = _number_words_value(words)
    if number is not None:
        return number
    return " ".join(_number_words_value([w]) or w for w in words)


def _number_words_value(words: list[str]) -> str | None:
    total = current = 0
    prefix: int | None = None  # the "nineteen" of "nineteen ninety-six"
    suffix = ""
    for i, word in enumerate(words):
        if suffix:  # an ordinal or plural word ends a number
            return None
        if word in _SCALE_WORDS:
            if prefix is not None:
                return None
            if word == "hundred":
                current = max(current, 1) * 100
            else:
                total, current = total + max(current, 1) * 1000, 0
            continue
        if word in _UNIT_WORDS or word in _ORDINAL_WORDS:
            value = _UNIT_WORDS.get(word) or _ORDINAL_WORDS.get(word, 0)
            starts_group = current % 10 != 0 or 10 <= current % 100 < 20
        else:
            value = (
                _TENS_WORDS.get(word) or _ORDINAL_TENS_WORDS.get(word) or _PLURAL_TENS_WORDS[word]
            )
            starts_group = current % 100 != 0
        if word in _ORDINAL_WORDS or word in _ORDINAL_TENS_WORDS:
            suffix = "ordinal"
        elif word in _PLURAL_TENS_WORDS:
            suffix = "s"
        if starts_group:
            # Two groups under a hundred side by side: a year said aloud.
            if prefix is not None or total or current >= 100 or i == 0:
                return None
            prefix, current = current, 0
        current += value
    number = total + current + (prefix * 100 if prefix is not None else 0)
    if suffix == "ordinal":
        return f"{number}{_ordinal_suffix(number)}"
    return f"{number}{suffix}"


_ABBREVIATIONS = _MONTH_ABBREVIATIONS | _WEEKDAY_ABBREVIATIONS
# Weekday abbreviations need their dot ("Sat.", "Sun."): "the sun" is no Sunday.
# A whole expression that is one abbreviation ("Tue") is the weekday, too.
_ABBREVIATION = re.compile(
    r"\b(?:(" + "|".join(_MONTH_ABBREVIATIONS) + r")\b\.?"
    r"|(" + "|".join(_WEEKDAY_ABBREVIATIONS) + r")\."
    r"|(" + "|".join(_DOTLESS_WEEKDAYS) + r")\b"
    r"|^(" + "|".join(_WEEKDAY_ABBREVIATIONS) + r")$)"
)
# "2019-08-01T14:30:00Z": the date, and the clock time apart.
_ISO_DATETIME = re.compile(
    r"\b(\d{4}-\d\d-\d\d)t(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?\b"
)


def _normalize(expression: str) -> str:
    """Lower case, plain punctuation, full month and weekday names, digits
    for number words, no clock times, hyphenated words split."""
    s = expression.translate(_UNICODE).lower()
    s = _ISO_DATETIME.sub(r"\1 \2", s)
    s = _CLOCK.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip('"()[]{}<>,;:!? ')
    s = re.sub(r"^'(?!\d)|(?<!s)'$", "", s).strip()  # quotes, but not "'98" or "the '90s"
    s = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[next(g for g in m.groups() if g)], s)
    s = re.sub(r"\.+$", "", s)
    s = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", s)  # "Friday's", "this year's", "years'"
    s = _NUMBER_RUN.sub(_number_words_to_digits, s)
    # "third-quarter", "year-ago", "mid-1990s" are separate words; numeric
    # dates and ranges ("2024-04-24", "2019-2021") keep their hyphens.
    s = re.sub(r"(?<=[a-z])-(?=[a-z0-9'])|(?<=[0-9])-(?=[a-z])", " ", s)
    s = re.sub(r"\s*,\s*", ", ", s)
    return re.sub(r"\s+", " ", s).strip(" ,")


# Words around a time expression that qualify it without naming another
# period ("early", "the end of", "around", "on"), stripped one at a time when
# no rule understands the expression with them.
_LEADING_QUALIFIER = re.compile(
    r"^(?:the|a|an|its|their|his|her|our|my|your|back in|back"
    r"|on|in|at|during|by|since|until|till|til|before|after|from|through|throughout|for|of"
    r"|as of|as early as|as late as|as recently as|as soon as|no later than|no earlier than"
    r"|not until|not before|sometime|some time|sometime in|around|about|approximately"
    r"|roughly|circa|ca|nearly|almost|just|only|some|over|more than|less than|at least"
    r"|at most|up to|exactly|precisely|early|earlier|late|later|mid|middle|middle of"
    r"|end of|beginning of|start of|close of|turn of|onset of|dawn of|first days of"
    r"|last days of|pre|post|all|whole|entire|full|rest of|remainder of|balance of|part of"
    r"|good part of|much of|most of|half of|first part of|latter part of|earlier part of"
    r"|later part of|(?:1st|2nd|last|latter|early|later) half of"
    r"|(?:1st|2nd|3rd|4th|last) quarter of)\s+"
)
_TRAILING_QUALIFIER = re.compile(
    r",?\s+(?:or so|or later|or earlier|and beyond|and after|and later|or before"
    r"|at the latest|at the earliest|or thereabouts|or more|onward|onwards|on|at)$"
)


def _strip_one_qualifier(s: str) -> str:
    t = re.sub(r"\s+or so\b", "", _TRAILING_QUALIFIER.sub("", s))  # "a week or so ago"
    if t != s:
        return t
    m = _LEADING_QUALIFIER.match(s)
    return s[m.end() :] if m and m.end() < len(s) else s


# ---------------------------------------------------------------------------
# Choosing among occurrences
# ---------------------------------------------------------------------------

#: How far (in days) the tense may send a month-day without a year ("Dec.
#: 15") from its nearest occurrence: about ten months.  A past-tense "Dec. 15"
#: in an October article is last December, but "Jan. 14" in a January 5
#: article is nine days ahead whatever the verb: writers add the year to a
#: day so far away.  Month names ("in June") have no such limit.
_TENSE_REACH_DAYS = 300
#: How many months back a past tense may send a bare month ("in November"):
#: ten.  "Told of a cutback in September" in an August article is the coming
#: September (the past tense is the reporting verb's); the one eleven months
#: back would be "last September".  A future tense reaches a whole year.
_TENSE_REACH_MONTHS = 10
#: Without a tense, a date without a year is the most recent past one unless
#: the coming one is at most this many days ahead (and nearer).
_NEAR_FUTURE_DAYS = 31


def _pick(candidates: list[_Period], today: dt.date, ctx: _Context) -> _Period:
    """The occurrence to use among ``candidates`` (one per year, in order).

    The one containing the publication date wins; else the nearest, ties
    going to the past, unless the tense points the other way (for a day, only
    within :data:`_TENSE_REACH_DAYS`; for a month, a past tense only within
    :data:`_TENSE_REACH_MONTHS`).
    """
    for p in candidates:
        if p.start <= today <= _period_end(p):
            return p
    past = [p for p in candidates if _period_end(p) < today]
    future = [p for p in candidates if p.start > today]
    if not past or not future:
        return future[0] if future else past[-1]
    before, after = past[-1], future[0]
    back, ahead = (today - _period_end(before)).days, (after.start - today).days
    reach = _TENSE_REACH_DAYS if before.precision is Precision.DAY else 366
    back_in_reach = back <= reach
    if before.precision is Precision.MONTH:
        months_back = (today.year - before.start.year) * 12 + today.month - before.start.month
        back_in_reach = months_back <= _TENSE_REACH_MONTHS
    direction = ctx.direction(default="news" if ctx.tense is None else "nearest")
    if direction == "news":
        # No tense to go by: news reports what happened, so the most recent
        # past occurrence, unless the coming one is within a month and nearer
        # ("talks on Jan. 14" in a January 5 story).
        # A day so far back that writers would add its year ("Dec. 15" ten
        # months on) stays the nearest, as with a past tense.
        if ahead <= _NEAR_FUTURE_DAYS and ahead < back:
            return after
        direction = "past"
    if direction == "past" and back_in_reach:
        return before
    if direction == "future" and ahead <= reach:
        return after
    return after if ahead < back else before


def _weekday_date(today: dt.date, weekday: int, mode: str) -> dt.date:
    """``weekday`` relative to ``today``.  ``mode``: "past" / "future" (today
    itself counts) or "strict-past" / "strict-future" ("last / next Friday")."""
    back = (today.weekday() - weekday) % 7
    forward = (weekday - today.weekday()) % 7
    if mode == "past":
        return today - dt.timedelta(days=back)
    if mode == "future":
        return today + dt.timedelta(days=forward)
    if mode == "strict-past":
        return today - dt.timedelta(days=back or 7)
    return today + dt.timedelta(days=forward or 7)


def _two_digit_year(yy: int, ctx: _Context) -> int:
    """'98 -> 1998: the latest such year at most 20 years after publication."""
    if not ctx.has_published:
        return 1900 + yy
    today = ctx.today
    year = today.year // 100 * 100 + yy
    return year if year <= today.year + 20 else year - 100


def _year_named(text: str | None, ctx: _Context) -> int | None:
    """The year of "1990", "'90", "this year", "last year", "a year ago"; None if no text."""
    if not text:
        return None
    text = text.removeprefix("of ").removeprefix("the ")
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"'\d\d", text):
        return _two_digit_year(int(text[1:]), ctx)
    if text in ("this year", "year", "current year"):
        return ctx.today.year
    if text == "next year":
        return ctx.today.year + 1
    return ctx.today.year - 1  # last year, a year ago, year-earlier, the previous year


# ---------------------------------------------------------------------------
# Rules.  Each takes the normalized expression and the context and returns a
# period or None; the first one that answers wins.
# ---------------------------------------------------------------------------

_Rule = Callable[[str, _Context], _Period | None]


def _rule_reference(s: str, ctx: _Context) -> _Period | None:
    """ "now", "recently", "the coming months" -> PRESENT_REF / PAST_REF / FUTURE_REF."""
    for timex, pattern in _REFERENCES:
        if pattern.fullmatch(s):
            return _Period(ctx.today, Precision.REFERENCE, timex)
    if s in ("1 day", "some day") and ctx.tense == "future":  # "will one day be"
        return _Period(ctx.today, Precision.REFERENCE, "FUTURE_REF")
    return None


_ORDINAL_DAY = re.compile(
    r"(?:the\s+)?(?:[2-9]|\d\d+)(?:st|nd|rd|th)\s+(?:straight\s+|consecutive\s+)?day"
)


def _rule_ordinal_day(s: str, ctx: _Context) -> _Period | None:
    """ "Today is the eighth day of the operation": in the present tense, the
    N-th day of something is the publication day; otherwise unknown."""
    if ctx.tense == "present" and _ORDINAL_DAY.fullmatch(s):
        return _day(ctx.today)
    return None


_DEICTIC_DAYS = {
    "today": 0,
    "tonight": 0,
    "overnight": -1,  # the night before publication, dated by the day it began
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "last evening": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "day before yesterday": -2,
    "the day after tomorrow": 2,
    "day after tomorrow": 2,
}


def _rule_deictic_day(s: str, ctx: _Context) -> _Period | None:
    """today, yesterday, tomorrow, tonight, last night, this morning, yesterday evening."""
    if s.startswith(("yesterday", "tomorrow", "today")):
        s = re.sub(rf"\s+(?:{_PART_OF_DAY_RE})$", "", s)
    if s in _DEICTIC_DAYS:
        return _day(ctx.today + dt.timedelta(days=_DEICTIC_DAYS[s]))
    return None


_WEEKDAY_PHRASE = re.compile(
    rf"(?:(last|next|this|coming|this coming|this past|past|this last|this next|previous"
    rf"|following)\s+)?({_WEEKDAY_RE})(?:\s+(?:{_PART_OF_DAY_RE}))?"
)


def _rule_weekday(s: str, ctx: _Context) -> _Period | None:
    """ "Friday", "last Friday", "next Friday", "Friday night", "the previous Friday"."""
    m = _WEEKDAY_PHRASE.fullmatch(s.removeprefix("the "))
    if not m:
        return None
    which, weekday = m.group(1), _WEEKDAYS[m.group(2)]
    if which in ("previous", "following"):  # anaphoric: from the anchor's day
        mode = "strict-past" if which == "previous" else "strict-future"
        return _day(_weekday_date(ctx.anchor.start, weekday, mode))
    if which in ("last", "this past", "past", "this last"):
        mode = "strict-past"
    elif which in ("next", "coming", "this coming", "this next"):
        mode = "strict-future"
    elif which == "this":
        mode = "past" if ctx.tense == "past" else "future"
    else:
        # The news convention: the publication day's own weekday is that day;
        # otherwise the last one, or the next one in a future-tense clause.
        mode = ctx.direction()
    return _day(_weekday_date(ctx.today, weekday, mode))


_WEEKEND = re.compile(
    r"(?:(last|next|this|this past|past|coming|this coming|previous|preceding|following)\s+)?"
    r"weekend"
)


def _rule_weekend(s: str, ctx: _Context) -> _Period | None:
    """ "the weekend", "last weekend" -> 2024-W16-WE (value: the Saturday)."""
    m = _WEEKEND.fullmatch(s)
    if not m:
        return None
    which = m.group(1)
    if which in ("previous", "preceding", "following"):  # counted from the anchor
        base = ctx.anchor.start
        mode = "strict-future" if which == "following" else "strict-past"
        return _weekend(_weekday_date(base, 5, mode))
    today = ctx.today
    if which in ("last", "this past", "past"):
        return _weekend(_weekday_date(today, 5, "strict-past"))
    if which in ("next", "coming", "this coming"):
        return _weekend(_weekday_date(today, 5, "strict-future"))
    if today.weekday() >= 5:  # published on the weekend itself
        return _weekend(today - dt.timedelta(days=today.weekday() - 5))
    mode = "future" if which == "this" else ctx.direction()
    return _weekend(_weekday_date(today, 5, mode))


# "this / last / next / the latest / that / the following week|month|year|..."
_DEICTIC_UNIT = re.compile(
    r"(?:the )?(this|current|present|last|past|next|coming|upcoming|this past|this coming"
    r"|latest|most recent|recent|just ended|just completed|previous|prior|preceding|following"
    r"|same|that)\s+(week|month|year|quarter|half|decade|century|fiscal year|calendar year"
    r"|period|reporting period)"
)
_DEICTIC_OFFSETS = {
    "this": 0,
    "current": 0,
    "present": 0,
    "last": -1,
    "past": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "this coming": 1,
}
_ANAPHORIC_OFFSETS = {"same": 0, "that": 0, "previous": -1, "prior": -1, "preceding": -1}
_YEAR_BEFORE_AFTER = {
    "the year before": "the previous year",
    "the year after": "the following year",
    "a year before": "the previous year",
}


def _rule_deictic_unit(s: str, ctx: _Context) -> _Period | None:
    """ "last year" -> 2023, "this week" -> 2024-W17, "that month", "the latest quarter"."""
    s = _YEAR_BEFORE_AFTER.get(s, s)
    m = _DEICTIC_UNIT.fullmatch(s)
    if not m:
        return None
    which = m.group(1)
    # In company reporting a "period" is a quarter ("the latest period").
    unit = m.group(2).removeprefix("fiscal ").removeprefix("calendar ").removeprefix("reporting ")
    unit = "quarter" if unit == "period" else unit
    if which in _ANAPHORIC_OFFSETS or which == "following":
        # "That year", "the following month", "the previous week": relative
        # to the time the text is talking about (default: the publication).
        offset = _ANAPHORIC_OFFSETS.get(which, 1)
        return _shift(_current(unit, ctx.anchor.start), offset, unit)
    today = ctx.today
    if which in ("latest", "most recent", "recent", "just ended", "just completed"):
        # "The latest quarter" is the last one completed: results are
        # reported after a period closes.
        return _shift(_current(unit, today), -1, unit)
    return _shift(_current(unit, today), _DEICTIC_OFFSETS[which], unit)


# "two days ago", "a week earlier", "three years later", "a year from now",
# "year-earlier" (no count), "a year ago today".
_OFFSET = re.compile(
    rf"(?:(a|an|1|\d+|a few|few|several|a couple of|couple of|a couple)\s+)?(?:more\s+)?"
    rf"({_UNIT_RE})\s+(ago|earlier|before|previously|prior|later|after|afterward|afterwards"
    r"|from now|hence|back|since)(?:\s+(today|yesterday|tomorrow))?"
)
_LATER = frozenset({"later", "after", "afterward", "afterwards", "from now", "hence"})
_FROM_NOW = frozenset({"ago", "from now", "hence", "back", "since"})


def _rule_offset(s: str, ctx: _Context) -> _Period | None:
    m = _OFFSET.fullmatch(s)
    if not m:
        return None
    count_text, unit, direction, day_word = m.group(1) or "", m.group(2), m.group(3), m.group(4)
    if count_text in ("a few", "few", "several") or (not count_text and unit.endswith("s")):
        return None  # vague ("years ago"): the reference rule answers
    count = 2 if "couple" in count_text else int(count_text) if count_text.isdigit() else 1
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    amount = count if direction in _LATER else -count
    precision = _UNITS[unit]
    if direction in _FROM_NOW or not count_text:
        # Counted from the publication date ("year-earlier results" too).
        today = ctx.today
        if day_word:  # "a year ago today / yesterday"
            base = today + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day_word, 0))
            return _shift(_day(base), amount, unit)
        if ctx.has_anchor and unit == "year" and count == 1:
            # "Profit rose in the third quarter from a year ago": compared
            # with a recent part of a year, it is that part a year before.
            anchor = ctx.anchor
            recent = today - dt.timedelta(days=366) < anchor.start <= today
            if recent and anchor.precision in _PARTS_OF_A_YEAR:
                return _shift(anchor, amount, unit)
        return _at_precision(_shift(_day(today), amount, unit).start, precision)
    # "Earlier" / "later": counted from the time the text is talking about,
    # keeping its precision ("a year earlier" than March 5, 1998 is March 5,
    # 1997); without an anchor, from the publication date.
    if not ctx.has_anchor:
        return _at_precision(_shift(_day(ctx.today), amount, unit).start, precision)
    anchor = ctx.anchor
    if _finer_or_equal(anchor.precision, precision):
        return _shift(anchor, amount, unit)
    return _at_precision(_shift(anchor, amount, unit).start, precision)


# Day phrases anchored to the narrative time: "the next day", "that same day".
_ANAPHORIC_DAY = re.compile(
    r"(?P<which>the next|the following|next|following|the previous|previous|the preceding"
    r"|that|the same|that same|the very same|the)\s+(?:day|morning|afternoon|evening|night)"
    r"|the day (?P<side>before|after)|(?P<then>then)|(?P<day>day)"
)


def _rule_anaphoric_day(s: str, ctx: _Context) -> _Period | None:
    m = _ANAPHORIC_DAY.fullmatch(s)
    if not m:
        return None
    if m.group("then"):  # the anchor itself, when there is one
        return ctx.anchor if ctx.has_anchor else None
    base = ctx.anchor
    if base.precision is not Precision.DAY:
        return None
    if m.group("day"):  # "a great day" (its "a" stripped): the day the text is at
        return base if ctx.has_anchor else None
    which = m.group("which") or ("previous" if m.group("side") == "before" else "next")
    offset = 1 if which.endswith(("next", "following")) else 0
    if which.endswith(("previous", "preceding")):
        offset = -1
    return _day(base.start + dt.timedelta(days=offset))


# Quarters and halves: "the third quarter", "third-quarter", "Q3 2024", "the
# second half of 2012", "next year's first quarter", "the first two quarters of
# 1990", and the comparisons of company reports: "the year-ago quarter", "the
# quarter a year earlier", "the latest period".
_NTH_PERIOD = re.compile(
    r"(?:fiscal\s+)?(?:(?P<y1>\d{4}|this year|last year|next year|year ago|year earlier"
    r"|comparable year ago|comparable year earlier)\s+)?(?:fiscal\s+)?"
    r"(?:(?P<n>[1-4])(?:st|nd|rd|th)|(?P<word>last|final|current))"
    r"\s+(?:fiscal\s+)?(?P<what>quarter|half|2 quarters|6 months)"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:(?:year\s+)?(?P<y2>\d{4}|'\d\d)|(?P<y3>this year"
    r"|last year|next year|the year|the current year|the previous year|a year ago"
    r"|a year earlier)))?"
)
_REPORTING_PERIOD = re.compile(
    r"(?:(?P<y1>\d{4}|this year|last year|next year|year ago|year earlier|comparable year ago"
    r"|comparable year earlier|comparable)\s+)?(?:fiscal\s+)?(?:quarter|period|reporting period"
    r"|3 months)(?:\s+(?:of\s+)?(?P<y2>a year ago|a year earlier|last year|the year before"
    r"|a year before))?"
    r"|(?P<comparison>corresponding|comparable|same|year ago|year earlier)\s+(?:quarter|period)"
    r"(?:\s+(?:of\s+)?(?P<y3>last year|a year ago|a year earlier|the year before))?"
)
_Q_CODE = re.compile(r"(?:q([1-4])|([1-4])q)(?:\s*(\d{4}|'\d\d))?|(\d{4})\s*q([1-4])")
_H_CODE = re.compile(r"h([12])(?:\s*(\d{4}|'\d\d))?|(\d{4})\s*h([12])")


def _latest_completed_quarter(today: dt.date) -> _Period:
    return _quarter(today.year, _quarter_of(today) - 1)


def _rule_quarter_or_half(s: str, ctx: _Context) -> _Period | None:
    m = _Q_CODE.fullmatch(s)
    if m:
        year = _year_named(m.group(3) or m.group(4), ctx)
        return _quarter(year or ctx.today.year, int(m.group(1) or m.group(2) or m.group(5)))
    m = _H_CODE.fullmatch(s)
    if m:
        year = _year_named(m.group(2) or m.group(3), ctx)
        return _half(year or ctx.today.year, int(m.group(1) or m.group(4)))
    m = _NTH_PERIOD.fullmatch(s)
    if m:
        return _nth_quarter_or_half(m, ctx)
    m = _REPORTING_PERIOD.fullmatch(s)
    if m:
        return _reporting_period(m, ctx)
    return None


def _nth_quarter_or_half(m: re.Match[str], ctx: _Context) -> _Period | None:
    year = _year_named(m.group("y1") or m.group("y2") or m.group("y3"), ctx)
    is_half = m.group("what") != "quarter"
    if m.group("n"):
        n = int(m.group("n"))
        if m.group("what") in ("2 quarters", "6 months") and n > 2:
            return None  # "the third two quarters" is no period
    elif m.group("word") == "current":
        today = ctx.today
        n, year = (_half_of(today) if is_half else _quarter_of(today)), year or today.year
    elif year is not None:  # "the last quarter of 1990"
        n = 2 if is_half else 4
    else:  # "the last quarter": the latest completed one
        today = ctx.today
        if is_half:
            return _half(today.year, _half_of(today) - 1)
        return _latest_completed_quarter(today)
    if year is None:
        # "The third quarter": this year's, unless the verb is in the past
        # and this year's has not begun.
        today = ctx.today
        start = dt.date(today.year, 6 * n - 5 if is_half else 3 * n - 2, 1)
        year = today.year - 1 if ctx.tense == "past" and start > today else today.year
    return _half(year, n) if is_half else _quarter(year, n)


def _reporting_period(m: re.Match[str], ctx: _Context) -> _Period:
    """ "the quarter", "the latest period", "the year-ago quarter": company reports
    speak of the latest completed quarter (or the recent one the text is about)."""
    today = ctx.today
    latest = _latest_completed_quarter(today)
    if ctx.has_anchor:
        anchor = ctx.anchor
        if anchor.precision is Precision.QUARTER and latest.start <= anchor.start <= today:
            latest = anchor
    year_text = m.group("y1") or m.group("y2") or m.group("y3")
    if m.group("comparison") and not year_text:
        year_text = "last year"  # "the comparable quarter", "the year-earlier period"
    if year_text in (None, "this year"):
        if ctx.tense == "future" and not year_text:
            return _quarter(today.year, _quarter_of(today))
        return latest
    if year_text[0].isdigit():  # "the 1988 quarter"
        return _quarter(int(year_text), _quarter_of(latest.start))
    return _shift(latest, 1 if year_text == "next year" else -1, "year")


_FISCAL = re.compile(
    r"(?:fiscal|fy|financial|calendar|budget)(?:\s+year)?\s*(\d{4}|'?\d\d)(?:/\d{2,4})?"
    r"|(?:the )?(?:current )?fiscal(?: year)?|fy"
)


def _rule_fiscal_year(s: str, ctx: _Context) -> _Period | None:
    """ "fiscal 1998", "fiscal year 2024", "FY24", "the fiscal year" -> a year."""
    m = _FISCAL.fullmatch(s)
    if not m:
        return None
    if m.group(1) is None:
        return _year(ctx.today.year)
    digits = m.group(1).lstrip("'")
    return _year(_two_digit_year(int(digits), ctx) if len(digits) == 2 else int(digits))


_SEASON_PHRASE = re.compile(
    rf"(?:(this|last|next|this past|past|this coming|coming|that|the following|following"
    rf"|the previous|previous)\s+)?(?:(\d{{4}}|this year|last year|next year)\s+)?({_SEASON_RE})"
    r"(?:\s+(?:of\s+)?(\d{4}|'\d\d|this year|last year|next year))?"
)


def _rule_season(s: str, ctx: _Context) -> _Period | None:
    """ "last summer", "this spring", "the winter of 1994", "fall 2023"."""
    m = _SEASON_PHRASE.fullmatch(s)
    if not m:
        return None
    which, code = m.group(1), _SEASONS[m.group(3)]
    year = _year_named(m.group(2) or m.group(4), ctx)
    if year is not None:
        return _season(year, code)
    if which in ("that", "the following", "following", "the previous", "previous"):
        offset = 0 if which == "that" else 1 if "following" in which else -1
        return _season(ctx.anchor.start.year + offset, code)
    today = ctx.today
    current = _season(*_season_of(today))
    candidates = [_season(y, code) for y in range(today.year - 2, today.year + 2)]
    if which in ("last", "this past", "past"):
        return [c for c in candidates if c.start < current.start][-1]
    if which in ("next", "this coming", "coming"):
        return next(c for c in candidates if c.start > current.start)
    if which == "this":
        # The current year's; for winter, the one under way or coming.
        return _season(today.year - (today.month <= 2) if code == "WI" else today.year, code)
    return _pick(candidates, today, ctx)


# Decades and centuries: "the 1990s", "the '90s", "the mid-1980s", "the 20th century".
_DECADE = re.compile(r"(\d{3})0'?s|'?(\d)0'?s")
_CENTURY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)\s+century(?:\s+(?:ad|a\.d|ce))?")
_DEICTIC_CENTURY = re.compile(r"(?:the )?(this|last|past|next|previous|current) century")


def _rule_decade_or_century(s: str, ctx: _Context) -> _Period | None:
    m = _DECADE.fullmatch(s)
    if m:
        if m.group(1):
            return _decade(int(m.group(1)) * 10)
        # "The '90s": the latest such decade that has begun.
        today = ctx.today
        year = today.year // 100 * 100 + int(m.group(2)) * 10
        return _decade(year if year <= today.year else year - 100)
    m = _CENTURY.fullmatch(s)
    if m:
        return _century(int(m.group(1)) - 1)
    m = _DEICTIC_CENTURY.fullmatch(s)
    if m:
        offset = {"this": 0, "current": 0, "next": 1}.get(m.group(1), -1)
        return _century(ctx.today.year // 100 + offset)
    return None


_MONTH_PHRASE = re.compile(
    rf"(?:(this|last|next|this past|past|this coming|coming|that|the following|following"
    rf"|the previous|previous)\s+)?({_MONTH_RE})"
    r"(?:,?\s+(?:of\s+)?(this year|last year|next year|the previous year|the following year"
    r"|that year|the same year|the year before|the year after))?"
)


def _rule_month(s: str, ctx: _Context) -> _Period | None:
    """ "April", "last April", "April last year", "this September", "that May"."""
    m = _MONTH_PHRASE.fullmatch(s)
    if not m:
        return None
    which, month, year_text = m.group(1), _MONTHS[m.group(2)], m.group(3)
    if year_text in ("that year", "the same year"):
        return _month(ctx.anchor.start.year, month)
    if year_text in ("the previous year", "the year before"):
        return _month(ctx.anchor.start.year - 1, month)
    if year_text in ("the following year", "the year after"):
        return _month(ctx.anchor.start.year + 1, month)
    if which in ("that", "the following", "following", "the previous", "previous"):
        base = ctx.anchor.start
        if which == "that":
            return _month(base.year, month)
        if "following" in which:
            return _month(base.year + (month <= base.month), month)
        return _month(base.year - (month >= base.month), month)
    today = ctx.today
    if year_text:
        return _month(_year_named(year_text, ctx) or today.year, month)
    if which in ("last", "this past", "past"):  # the latest one before this month
        return _month(today.year - (month >= today.month), month)
    if which in ("next", "this coming", "coming"):
        return _month(today.year + (month <= today.month), month)
    if which == "this":
        return _month(today.year, month)
    return _pick([_month(y, month) for y in range(today.year - 1, today.year + 2)], today, ctx)


_YEAR = re.compile(
    r"(?:the\s+)?(?:year\s+|calendar\s+|calendar year\s+)?(\d{4}|'\d\d)"
    r"(?:\s+(?:period|year|results))?(?:\s+(?:ad|a\.d|ce))?"
)
_MIN_YEAR, _MAX_YEAR = 1000, 2199


def _rule_year(s: str, ctx: _Context) -> _Period | None:
    """ "2022", "the year 2000", "'98"; a number outside 1000-2199 is no year."""
    m = _YEAR.fullmatch(s)
    if not m:
        return None
    text = m.group(1)
    if text.startswith("'"):
        return _year(_two_digit_year(int(text[1:]), ctx))
    year = int(text)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    if s.endswith(" period") and ctx.has_anchor and ctx.anchor.precision is Precision.QUARTER:
        # "Profit rose in the third quarter ... in the 1988 period": that
        # quarter of 1988.
        return _quarter(year, _quarter_of(ctx.anchor.start))
    return _year(year)


# Holidays fixed in the calendar or by a simple rule.
_FIXED_HOLIDAYS = {
    "new year day": (1, 1),
    "new year": (1, 1),
    "new year eve": (12, 31),
    "valentine day": (2, 14),
    "independence day": (7, 4),
    "4th of july": (7, 4),
    "halloween": (10, 31),
    "veterans day": (11, 11),
    "armistice day": (11, 11),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
}
_HOLIDAY = re.compile(
    r"(?:(last|this|next|this past|past|this coming|coming)\s+)?"
    r"(?P<name>new years? day|new year|new years? eve|valentine day|independence day|4th of july"
    r"|halloween|veterans day|armistice day|christmas eve|christmas day|christmas|boxing day"
    r"|thanksgiving(?: day)?|election day|easter(?: sunday| day)?|easter week|good friday"
    r"|memorial day|labor day)(?:\s+(?P<year>\d{4}))?"
)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` of the month (``n`` = -1: the last)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_fix = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_fix) // 451
    month, day = divmod(h + weekday_fix - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday(name: str, year: int) -> _Period:
    name = name.replace("new years", "new year")
    if name in _FIXED_HOLIDAYS:
        return _day(dt.date(year, *_FIXED_HOLIDAYS[name]))
    if name.startswith("thanksgiving"):  # the fourth Thursday of November
        return _day(_nth_weekday(year, 11, 3, 4))
    if name == "election day":  # the Tuesday after the first Monday of November
        return _day(_nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1))
    if name == "memorial day":
        return _day(_nth_weekday(year, 5, 0, -1))
    if name == "labor day":
        return _day(_nth_weekday(year, 9, 0, 1))
    if name == "good friday":
        return _day(_easter(year) - dt.timedelta(days=2))
    if name == "easter week":
        return _week(_easter(year))
    return _day(_easter(year))


def _rule_holiday(s: str, ctx: _Context) -> _Period | None:
    m = _HOLIDAY.fullmatch(s)
    if not m:
        return None
    name = m.group("name")
    if m.group("year"):
        return _holiday(name, int(m.group("year")))
    today, which = ctx.today, m.group(1)
    candidates = [_holiday(name, y) for y in range(today.year - 1, today.year + 2)]
    if which in ("last", "this past", "past"):
        return [c for c in candidates if c.start < today][-1]
    if which in ("next", "this coming", "coming"):
        return next(c for c in candidates if c.start > today)
    return _pick(candidates, today, ctx)


# Calendar dates, read by dateparser: "April 24, 2024", "24 April 2024",
# "2024-04-24", "4/24/2024", "Apr. 24", "April 2024", "Wednesday, April 24".
_DAY_NUM = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR_NUM = r"\d{4}|'\d\d"
_CALENDAR_DATE = re.compile(
    rf"(?:(?:this coming|coming|this|next|last|this past)\s+)?"
    rf"(?:(?P<wd>{_WEEKDAY_RE}),?\s+(?:the\s+)?)?"
    rf"(?:(?P<m1>{_MONTH_RE})\s+(?:the\s+)?(?P<d1>{_DAY_NUM})(?:,?\s+(?P<y1>{_YEAR_NUM}))?"
    rf"|(?:the\s+)?(?P<d2>{_DAY_NUM})\s+(?:of\s+)?(?P<m2>{_MONTH_RE})(?:,?\s+(?P<y2>{_YEAR_NUM}))?"
    rf"|(?P<m3>{_MONTH_RE}),?\s+(?:of\s+)?(?P<y3>{_YEAR_NUM})"
    r"|(?P<ym>\d{4}-(?:0[1-9]|1[0-2]))"
    r"|(?P<numeric>\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{8}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4})"
    r"|(?P<md>\d{1,2}/\d{1,2}))"
)


@functools.lru_cache(maxsize=4096)
def _dateparser_parse(text: str) -> tuple[dt.date, str] | None:
    """dateparser's reading of an absolute calendar date: (date, period) or None.

    The cache key is the text alone: the relative base is fixed (in a leap
    year, so "Feb. 29" parses), so the answer never depends on the
    publication date or the clock; the caller supplies a missing year.
    """
    data = _date_data_parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")


@functools.lru_cache(maxsize=1)
def _date_data_parser() -> dateparser.date.DateDataParser:
    # Imported on first use: dateparser's import costs ~0.3 s.
    import dateparser.date

    return dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(2000, 1, 1, tzinfo=dt.UTC),  # fixed, never the clock
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "MDY",  # "4/5/2024" is April 5, as in US news
            "PARSERS": ["absolute-time"],
        },
    )


def _rule_calendar_date(s: str, ctx: _Context) -> _Period | None:
    m = _CALENDAR_DATE.fullmatch(s)
    if not m:
        return None
    groups = m.groupdict()
    text = s[m.end("wd") :].lstrip(", ") if groups["wd"] else s
    text = re.sub(r"\b(?:the|of|this coming|coming|this|next|last|this past)\s+", "", text)
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    year_text = groups["y1"] or groups["y2"] or groups["y3"]
    if year_text and year_text.startswith("'"):
        text = text.replace(year_text, str(_two_digit_year(int(year_text[1:]), ctx)))
    parsed = _dateparser_parse(text)
    if parsed is None:
        return None
    date, period = parsed
    if groups["m3"] or groups["ym"] or period == "month":
        return _month(date.year, date.month)
    if period != "day":
        return None
    if year_text or groups["numeric"]:
        return _day(date)
    # No year: the occurrence nearest the publication date; a weekday named
    # with it ("Wednesday, April 24") picks the year it falls on.
    today = ctx.today
    candidates: list[_Period] = []
    for year in range(today.year - 1, today.year + 2):
        try:
            candidates.append(_day(date.replace(year=year)))
        except ValueError:  # February 29
            continue
    if groups["wd"]:
        weekday = _WEEKDAYS[groups["wd"]]
        candidates = [c for c in candidates if c.start.weekday() == weekday] or candidates
    return _pick(candidates, today, ctx)


def _rule_named_period(s: str, ctx: _Context) -> _Period | None:
    """ "the year", "year end", "the month", "the week": the publication's own."""
    if s in ("year", "the year", "year end", "year ending", "current year", "full year"):
        return _year(ctx.today.year)
    if s in ("month", "the month", "month end"):
        return _month(ctx.today.year, ctx.today.month)
    if s in ("week", "the week"):  # "later in the week"
        return _week(ctx.today)
    return None


_WEEK_OF = re.compile(r"(?:the\s+)?week\s+of\s+(.+)")


def _rule_week_of(s: str, ctx: _Context) -> _Period | None:
    """ "the week of March 6" -> the ISO week containing that day."""
    m = _WEEK_OF.fullmatch(s)
    if not m:
        return None
    inner = _resolve_period(m.group(1), ctx)
    if inner is None or inner.precision is not Precision.DAY:
        return None
    return _week(inner.start)


# "the day before Tuesday's hearing", "two weeks after March 6".
_RELATIVE_TO = re.compile(
    rf"(?:the\s+)?(?:(a|an|1|\d+)\s+)?({_UNIT_RE})\s+(before|after|prior to|following)\s+(.+)"
)


def _rule_relative_to(s: str, ctx: _Context) -> _Period | None:
    m = _RELATIVE_TO.fullmatch(s)
    if not m:
        return None
    inner = _resolve_period(m.group(4), ctx)
    if inner is None or inner.precision is Precision.REFERENCE:
        return None
    count = int(m.group(1)) if m.group(1) and m.group(1).isdigit() else 1
    unit = "century" if m.group(2).startswith("centur") else m.group(2).rstrip("s")
    amount = -count if m.group(3) in ("before", "prior to") else count
    precision = _UNITS[unit]
    if _finer_or_equal(inner.precision, precision):
        precision = inner.precision
    return _at_precision(_shift(_day(inner.start), amount, unit).start, precision)


def _rule_day_of_anchor_month(s: str, ctx: _Context) -> _Period | None:
    """ "25" right after a full date ("on April 24 and 25"): that day of the
    anchor's month.  Without a day-precise anchor a number is no date."""
    m = re.fullmatch(r"(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)?", s)
    if not m or not ctx.has_anchor or ctx.anchor.precision is not Precision.DAY:
        return None
    try:
        return _day(ctx.anchor.start.replace(day=int(m.group(1))))
    except ValueError:
        return None


def _rule_day_of_month(s: str, ctx: _Context) -> _Period | None:
    """ "the 15th" with no month given: that day of the publication month, or
    of the month before when it has not come yet (the month after, in the
    future tense)."""
    m = re.fullmatch(r"the\s+([0-3]?\d)(?:st|nd|rd|th)", s)
    if not m or not ctx.has_published:
        return None
    day, today = int(m.group(1)), ctx.today
    step = 1 if ctx.direction("past") == "future" else -1
    month = today.replace(day=1)
    for _ in range(3):  # a 31st may skip a short month
        try:
            candidate = month.replace(day=day)
        except ValueError:
            candidate = None
        if candidate is not None and (candidate >= today if step > 0 else candidate <= today):
            return _day(candidate)
        month = _add_months(month, step)
    return None


_RULES: tuple[_Rule, ...] = (
    _rule_reference,
    _rule_deictic_day,
    _rule_ordinal_day,
    _rule_weekday,
    _rule_weekend,
    _rule_anaphoric_day,
    _rule_deictic_unit,
    _rule_offset,
    _rule_quarter_or_half,
    _rule_fiscal_year,
    _rule_season,
    _rule_decade_or_century,
    _rule_holiday,
    _rule_month,
    _rule_week_of,
    _rule_year,
    _rule_calendar_date,
    _rule_named_period,
    _rule_relative_to,
    _rule_day_of_anchor_month,
    _rule_day_of_month,
)


def _resolve_period(s: str, ctx: _Context) -> _Period | None:
    """Apply the rules to a normalized expression; when none answers, strip one
    qualifier ("early next year" -> "next year") and try again."""
    while True:
        for rule in _RULES:
            period = rule(s, ctx)
            if period is not None:
                return period
        stripped = _strip_one_qualifier(s)
        if stripped == s:
            return None
        s = stripped


# Ranges: "from Monday to Wednesday", "between 2019 and 2021", "April 24-26".
_RANGE = re.compile(
    r"(?:from|between)\s+(?P<a>.+?)\s+(?:to|until|till|through|thru|and|-)\s+(?P<b>.+)"
    r"|(?P<c>.+?)\s*(?:-|\s+to\s+|\s+through\s+|\s+until\s+|\s+till\s+)\s*(?P<d>.+)"
)


def _resolve_range(s: str, ctx: _Context) -> tuple[_Period, _Period] | None:
    """The first and last periods of a range, or None when ``s`` is not one."""
    m = _RANGE.fullmatch(s)
    if not m or _CALENDAR_DATE.fullmatch(s):  # "2024-04-24" is one date
        return None
    left, right = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    # "April 24-26", "April 24 to 26, 2024": the end borrows the month (and
    # the start the year).
    month_day = re.fullmatch(rf"({_MONTH_RE})\s+(\d{{1,2}})", left)
    day_year = re.fullmatch(r"(\d{1,2})(?:,?\s+(\d{4}))?", right)
    if month_day and day_year:
        year = f" {day_year.group(2)}" if day_year.group(2) else ""
        left, right = f"{left}{year}", f"{month_day.group(1)} {day_year.group(1)}{year}"
    # "12-14 May", "12 to 14 May 2024": the start borrows the month and year.
    day_month = re.fullmatch(rf"\d{{1,2}}\s+(?:of\s+)?(?:{_MONTH_RE})(?:,?\s+\d{{4}})?", right)
    if day_month and re.fullmatch(r"\d{1,2}", left):
        left = f"{left} {right.split(maxsplit=1)[1]}"
    # "2019-21": the end borrows the century.
    if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d\d", right):
        right = left[:2] + right
    start, end = _resolve_period(left, ctx), _resolve_period(right, ctx)
    if start is None or end is None or Precision.REFERENCE in (start.precision, end.precision):
        return None
    if start.precision is end.precision is Precision.DAY and end.start < start.start:
        # "From Thursday to Monday": the second weekday follows the first, in
        # the past unless the verb speaks of the future.
        if ctx.direction() == "future":
            end = _day(end.start + dt.timedelta(days=7))
        else:
            start = _day(start.start - dt.timedelta(days=7))
    return (start, end) if start.start <= end.start else None


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

_TENSES = frozenset({"past", "present", "future"})


def _published_date(published: DateLike) -> dt.date | None:
    return to_date(published, "published")


def resolve_date(
    expression: str,
    published: dt.date | dt.datetime | str | None,
    *,
    tense: str | None = None,
    anchor: EventDate | dt.date | None = None,
) -> EventDate | None:
    """Resolve one English time expression to an :class:`~diplo_events.EventDate`.

    ``expression`` is the time expression itself ("earlier Friday", "the
    second half of 2012", "from Monday to Wednesday").  ``published`` is the
    article's publication date (a date, a datetime or an ISO string):
    relative expressions are resolved against it, and without it they give
    None while explicit ones ("April 24, 2024") still resolve.

    ``tense`` ("past", "present", "future" or None) is the tense of the
    governing verb; it picks the direction of a bare weekday, month or
    season.  ``anchor`` is the time the text was last talking about (an
    ``EventDate`` or a date); anaphoric expressions ("a year earlier", "that
    day", "the following month", "then") count from it, and comparisons of
    company results ("from $2 a year ago", "the year-ago quarter") keep its
    period.  Without it they count from the publication date.

    The result's ``basis`` is "explicit" when the expression names the date
    by itself, "relative" when the publication date or the anchor was used;
    ``end`` is set for ranges.  Returns None when the expression is not a
    date: money, durations ("three years"), ages, counts, scores.

    Raises :class:`TypeError` when ``expression`` is not a string (or
    ``published``, ``tense``, ``anchor`` have the wrong type), and
    :class:`~diplo_events.exceptions.InputError` when ``published`` is a
    string that is not an ISO date or ``tense`` is not one of the three.
    """
    if not isinstance(expression, str):
        raise TypeError(f"expression must be a str, not {type(expression).__name__}")
    if tense is not None:
        if not isinstance(tense, str):
            raise TypeError(f"tense must be a str or None, not {type(tense).__name__}")
        if tense not in _TENSES:
            raise InputError(f"tense must be 'past', 'present', 'future' or None, not {tense!r}")
    ctx = _Context(_published_date(published), tense, _anchor_period(anchor))
    s = _normalize(expression)
    if not s or _NOT_A_DATE.search(s):
        return None
    try:
        found = _resolve_range(s, ctx)
        if found is not None:
            return _event_date(found[0], ctx, expression, end=found[1].start)
        period = _resolve_period(s, ctx)
    except _NeedsPublication:
        return None
    except (OverflowError, ValueError):
        # A period off the calendar: before year 1 or after 9999 ("96
        # centuries later", "next December" published in 9999).
        return None
    if period is None:
        return None
    # A clock time is kept only with the day it falls on: "9 a.m. Tuesday",
    # not "9 a.m. in April".
    time = _clock_time(expression) if period.precision is Precision.DAY else None
    return _event_date(period, ctx, expression, time=time)


def _event_date(
    period: _Period,
    ctx: _Context,
    text: str,
    *,
    end: dt.date | None = None,
    time: dt.time | None = None,
) -> EventDate:
    return EventDate(
        value=period.start,
        precision=period.precision,
        timex=period.timex if time is None else f"{period.timex}T{time:%H:%M}",
        basis=DateBasis.RELATIVE if ctx.relative else DateBasis.EXPLICIT,
        text=text,
        end=end,
        time=time,
    )


# ---------------------------------------------------------------------------
# Finding time expressions in a sentence
# ---------------------------------------------------------------------------

_M = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAY_OF_MONTH = r"\d{1,2}(?:st|nd|rd|th)?"
_NUM = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
_MOD = (
    r"(?:(?:early|earlier|late|later|mid|the end of|the beginning of|the start of"
    r"|the middle of)[\s-]+)?"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_THIS_LAST_NEXT = (
    r"(?:this|last|next|the past|the last|the next|the coming|the previous|the following"
    r"|the current|the latest|that|the same)"
)
_YEAR_DIGITS = r"(?:1[0-9]|20)\d\d\b"
# A year alone counts only after a preposition ("in 2022"): "2000 troops" is no date.
_AFTER_PREPOSITION = (
    "(?:"
    + "|".join(
        rf"(?<=\b{p} )" for p in _words("in of by since until after before during from through")
    )
    + ")"
)
_FIND_PATTERNS = [
    # calendar dates
    rf"{_MOD}(?:{_WD},?\s+)?{_M}\s+{_DAY_OF_MONTH}(?:,?\s+\d{{4}})?",
    rf"{_MOD}(?:{_WD},?\s+)?(?:the\s+)?{_DAY_OF_MONTH}\s+(?:of\s+)?{_M}(?:,?\s+\d{{4}})?",
    rf"{_MOD}{_M},?\s+(?:of\s+)?\d{{4}}",
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})",
    # days
    rf"{_MOD}(?:(?:last|next|this|this coming|this past|coming|the previous|the following)\s+)?"
    rf"{_WD}{_PART}",
    rf"{_MOD}(?:today|yesterday|tomorrow){_PART}|tonight|last night"
    r"|this (?:morning|afternoon|evening)",
    r"the (?:next|following|previous) (?:day|morning|evening|night)|that (?:same )?day",
    # this / last / next period, and its ends
    rf"{_MOD}{_THIS_LAST_NEXT}\s+(?:week(?:end)?|month|year|quarter|decade|century|spring"
    rf"|summer|fall|autumn|winter|fiscal year|{_M})",
    r"(?:the end|the beginning|the start|the middle) of the (?:week|month|year|quarter)",
    # offsets
    rf"(?:(?:about|nearly|almost|some|more than|just|only)\s+)?{_NUM}[\s-]+"
    r"(?:days?|weeks?|months?|years?|decades?)(?:\s+or so)?\s+"
    r"(?:ago|earlier|later|before|after|from now)",
    r"(?:the\s+)?year[\s-](?:ago|earlier)(?:\s+(?:quarter|period))?",
    # quarters, halves, fiscal years
    rf"(?:the\s+)?(?:(?:this|last|next)\s+year'?s\s+|fiscal\s+|\d{{4}}\s+)?{_ORD}[\s-]+"
    r"(?:fiscal\s+)?(?:quarter|half)(?:\s+of\s+(?:fiscal\s+)?\d{4})?",
    r"q[1-4](?:\s+\d{4})?|h[12]\s+\d{4}|fiscal(?:\s+year)?\s+\d{4}|fy\s?\d{2,4}",
    # seasons, decades, centuries, years
    rf"(?:the\s+)?{_MOD}(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?\d{{4}}",
    rf"(?:the\s+)?{_MOD}(?:\d{{3}}0s|'\d0s)",
    r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+century",
    rf"(?:between|from)\s+{_YEAR_DIGITS}\s*(?:and|to|-|until|through)\s*{_YEAR_DIGITS}",
    rf"{_AFTER_PREPOSITION}{_MOD}{_YEAR_DIGITS}(?![\s-]*(?:%|percent))",
    rf"(?:early|late|mid)[\s-]{_YEAR_DIGITS}|the year {_YEAR_DIGITS}",
]
_FIND = re.compile(r"(?<![\w'])(?:" + "|".join(_FIND_PATTERNS) + r")(?!\w)", re.IGNORECASE)
# Month names alone only when capitalized and after a preposition or a
# modifier ("in April", "early December"): "may" is mostly a verb.
_FIND_MONTH = re.compile(
    "(?:"
    + "|".join(
        rf"(?<=\b{p} )"
        for p in _words(
            "in In since Since by By until Until during During from From early Early late Late"
            " mid through before after last next this of"
        )
    )
    + r"|(?<=\bmid-))(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b"
)
_FIND_RANGE_JOIN = re.compile(r"\s*(?:-|to|until|till|through|and)\s*", re.IGNORECASE)
_FIND_RANGE_START = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def find_time_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of candidate time expressions in ``text``.

    Regex-based and cheap: calendar dates, weekdays, "yesterday", "last
    week", "two days ago", quarters, seasons, decades, years after a
    preposition ("in 2022"), and ranges "from X to Y" / "between X and Y" as
    one span.  Spans do not overlap and come in text order; each is meant for
    :func:`resolve_date`, which may still answer None (a candidate is not
    always a date).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    found = [(m.start(), m.end()) for m in _FIND.finditer(text)]
    found += [(m.start(), m.end()) for m in _FIND_MONTH.finditer(text)]
    # Longest first on overlaps, then in text order.
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda se: (se[0], -se[1])):
        end = start + len(text[start:end].rstrip(" ,-"))
        if spans and start < spans[-1][1]:
            if end > spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            continue
        spans.append((start, end))
    # "from Monday to Wednesday", "between 2019 and 2021": one span.
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _FIND_RANGE_JOIN.fullmatch(text[merged[-1][1] : start]):
            opener = _FIND_RANGE_START.search(text[: merged[-1][0]])
            joiner = text[merged[-1][1] : start].strip().lower()
            if opener and (joiner != "and" or opener.group(0).lower().startswith("between")):
                merged[-1] = (opener.start(), end)
                continue
        merged.append((start, end))
    return merged
