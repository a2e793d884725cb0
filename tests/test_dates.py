"""The date resolver: time expressions against a publication date, no parser needed."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events._dates.resolver import date_span, find_time_expressions, resolve_date
from diplo_events._events import DateBasis, EventDate, Precision
from diplo_events.exceptions import InputError

FRIDAY = "2024-04-26"  # the seed article's publication date, a Friday


def timex(expression: str, published: object = FRIDAY, **kwargs: object) -> str | None:
    result = resolve_date(expression, published, **kwargs)  # type: ignore[arg-type]
    return None if result is None else result.timex


# --- the seed article's cases ---------------------------------------------------


@pytest.mark.parametrize("expression", ["Friday", "earlier Friday", "on Friday", "late Friday"])
def test_publication_weekday_is_the_publication_day(expression: str) -> None:
    date = resolve_date(expression, FRIDAY)
    assert date is not None
    assert date.value == dt.date(2024, 4, 26)
    assert date.precision is Precision.DAY
    assert date.timex == "2024-04-26"
    assert date.basis is DateBasis.RELATIVE
    assert date.text == expression


@pytest.mark.parametrize("expression", ["Wednesday", "on Wednesday", "Wednesday night"])
def test_other_weekday_is_the_nearest_past_one(expression: str) -> None:
    date = resolve_date(expression, FRIDAY)
    assert date is not None
    assert date.value == dt.date(2024, 4, 24)
    assert date.precision is Precision.DAY


def test_year_in_2022_is_explicit_year() -> None:
    date = resolve_date("in 2022", FRIDAY)
    assert date == EventDate(
        value=dt.date(2022, 1, 1),
        precision=Precision.YEAR,
        timex="2022",
        basis=DateBasis.EXPLICIT,
        text="in 2022",
    )


def test_last_year() -> None:
    date = resolve_date("last year", FRIDAY)
    assert date is not None
    assert (date.timex, date.precision, date.value) == ("2023", Precision.YEAR, dt.date(2023, 1, 1))
    assert date.basis is DateBasis.RELATIVE


@pytest.mark.parametrize(
    "expression",
    [
        "$61 billion",
        "61 billion dollars",
        "five and a half hours",
        "three years",
        "a decade",
        "45-year-old",
        "a 45-year-old man",
        "25%",
        "12 percent",
        "3-2",
        "5000",
        "42",
        "1st",
        "the sun",
        "",
        "   ",
        "talks",
    ],
)
def test_not_dates(expression: str) -> None:
    assert resolve_date(expression, FRIDAY) is None


# --- one row per form: (expression, published, tense, timex, precision) ----------

CASES = [
    # weekdays and days
    ("Thursday", FRIDAY, None, "2024-04-25", "day"),
    ("late Thursday", FRIDAY, None, "2024-04-25", "day"),
    ("Friday morning", FRIDAY, None, "2024-04-26", "day"),
    ("Saturday", FRIDAY, None, "2024-04-20", "day"),
    ("last Friday", FRIDAY, None, "2024-04-19", "day"),
    ("next Friday", FRIDAY, None, "2024-05-03", "day"),
    ("next Monday", FRIDAY, None, "2024-04-29", "day"),
    ("this coming Monday", FRIDAY, None, "2024-04-29", "day"),
    ("Wed.", FRIDAY, None, "2024-04-24", "day"),
    ("today", FRIDAY, None, "2024-04-26", "day"),
    ("yesterday", FRIDAY, None, "2024-04-25", "day"),
    ("late yesterday", FRIDAY, None, "2024-04-25", "day"),
    ("yesterday morning", FRIDAY, None, "2024-04-25", "day"),
    ("tomorrow", FRIDAY, None, "2024-04-27", "day"),
    ("tonight", FRIDAY, None, "2024-04-26", "day"),
    ("last night", FRIDAY, None, "2024-04-25", "day"),
    ("this morning", FRIDAY, None, "2024-04-26", "day"),
    ("the day before yesterday", FRIDAY, None, "2024-04-24", "day"),
    ("9 a.m. EDT Thursday", FRIDAY, None, "2024-04-25T09:00", "day"),
    # weeks, months, years
    ("this week", FRIDAY, None, "2024-W17", "week"),
    ("last week", FRIDAY, None, "2024-W16", "week"),
    ("next week", FRIDAY, None, "2024-W18", "week"),
    ("earlier this week", FRIDAY, None, "2024-W17", "week"),
    ("late last week", FRIDAY, None, "2024-W16", "week"),
    ("the weekend", FRIDAY, None, "2024-W16-WE", "week"),
    ("this weekend", FRIDAY, None, "2024-W17-WE", "week"),
    ("this month", FRIDAY, None, "2024-04", "month"),
    ("last month", FRIDAY, None, "2024-03", "month"),
    ("next month", FRIDAY, None, "2024-05", "month"),
    ("this year", FRIDAY, None, "2024", "year"),
    ("next year", FRIDAY, None, "2025", "year"),
    ("earlier this year", FRIDAY, None, "2024", "year"),
    ("early next year", FRIDAY, None, "2025", "year"),
    ("the past year", FRIDAY, None, "2023", "year"),
    # month names without a year: nearest, the tense may send them the other way
    ("December", FRIDAY, None, "2023-12", "month"),
    ("December", FRIDAY, "future", "2024-12", "month"),
    ("June", FRIDAY, None, "2023-06", "month"),
    ("June", FRIDAY, "past", "2023-06", "month"),
    ("in March", FRIDAY, None, "2024-03", "month"),
    ("early December", FRIDAY, None, "2023-12", "month"),
    ("mid-December", FRIDAY, None, "2023-12", "month"),
    ("late December", FRIDAY, "future", "2024-12", "month"),
    ("last April", FRIDAY, None, "2023-04", "month"),
    ("next April", FRIDAY, None, "2025-04", "month"),
    ("this September", FRIDAY, None, "2024-09", "month"),
    ("January last year", FRIDAY, None, "2023-01", "month"),
    # no tense: the news convention, the most recent past (see docs/dates.md)
    ("the middle of October", FRIDAY, None, "2023-10", "month"),
    ("the middle of October", FRIDAY, "past", "2023-10", "month"),
    ("the end of the month", FRIDAY, None, "2024-04", "month"),
    ("the end of the year", FRIDAY, None, "2024", "year"),
    ("the beginning of 2011", FRIDAY, None, "2011", "year"),
    # seasons (TimeBank codes SP SU FA WI; winter Y begins in December of Y)
    ("last summer", FRIDAY, None, "2023-SU", "season"),
    ("this spring", FRIDAY, None, "2024-SP", "season"),
    ("this summer", FRIDAY, None, "2024-SU", "season"),
    ("last fall", FRIDAY, None, "2023-FA", "season"),
    ("last autumn", FRIDAY, None, "2023-FA", "season"),
    ("last winter", FRIDAY, None, "2023-WI", "season"),
    ("the winter of 1994", FRIDAY, None, "1994-WI", "season"),
    ("summer 2019", FRIDAY, None, "2019-SU", "season"),
    # quarters, halves, fiscal years
    ("the first quarter", FRIDAY, None, "2024-Q1", "quarter"),
    ("the third quarter", FRIDAY, None, "2024-Q3", "quarter"),
    ("the third quarter", FRIDAY, "past", "2023-Q3", "quarter"),
    ("third-quarter", "1989-10-26", None, "1989-Q3", "quarter"),
    ("the fourth quarter of 1990", FRIDAY, None, "1990-Q4", "quarter"),
    ("Q3 2024", FRIDAY, None, "2024-Q3", "quarter"),
    ("next year's first quarter", "1989-10-31", None, "1990-Q1", "quarter"),
    ("the latest quarter", "1989-10-26", None, "1989-Q3", "quarter"),
    ("the quarter", "1989-10-26", None, "1989-Q3", "quarter"),
    ("the year-ago quarter", "1989-10-26", None, "1988-Q3", "quarter"),
    ("the current quarter", "1989-10-26", None, "1989-Q4", "quarter"),
    ("the second half of 2012", FRIDAY, None, "2012-H2", "half"),
    ("the first half", FRIDAY, None, "2024-H1", "half"),
    ("the last half of 1989", FRIDAY, None, "1989-H2", "half"),
    ("first two quarters of 1990", FRIDAY, None, "1990-H1", "half"),
    ("fiscal 1998", FRIDAY, None, "1998", "year"),
    ("fiscal year 2024", FRIDAY, None, "2024", "year"),
    ("FY2023", FRIDAY, None, "2023", "year"),
    # years, decades, centuries
    ("2022", FRIDAY, None, "2022", "year"),
    ("the year 2000", FRIDAY, None, "2000", "year"),
    ("the year two thousand", "1998-02-05", None, "2000", "year"),
    ("nineteen ninety-six", FRIDAY, None, "1996", "year"),
    ("mid-1996", FRIDAY, None, "1996", "year"),
    ("'98", FRIDAY, None, "1998", "year"),
    ("'19", FRIDAY, None, "2019", "year"),
    ("1990s", FRIDAY, None, "199", "decade"),
    ("the 1990s", FRIDAY, None, "199", "decade"),
    ("the early 1980s", FRIDAY, None, "198", "decade"),
    ("the '90s", FRIDAY, None, "199", "decade"),
    ("the nineties", "1998-03-03", None, "199", "decade"),
    ("the '20s", FRIDAY, None, "202", "decade"),
    ("the 20th century", FRIDAY, None, "19", "century"),
    ("the 11th century", FRIDAY, None, "10", "century"),
    # counted offsets: precision follows the unit
    ("two days ago", FRIDAY, None, "2024-04-24", "day"),
    ("10 days ago", FRIDAY, None, "2024-04-16", "day"),
    ("a week earlier", FRIDAY, None, "2024-W16", "week"),
    ("two weeks ago", FRIDAY, None, "2024-W15", "week"),
    ("two months ago", FRIDAY, None, "2024-02", "month"),
    ("three years later", FRIDAY, None, "2027", "year"),
    ("a year ago", FRIDAY, None, "2023", "year"),
    ("nearly four years ago", FRIDAY, None, "2020", "year"),
    ("a decade ago", FRIDAY, None, "2014", "year"),
    ("a year ago today", FRIDAY, None, "2023-04-26", "day"),
    # calendar dates in every common format
    ("April 24, 2024", FRIDAY, None, "2024-04-24", "day"),
    ("24 April 2024", FRIDAY, None, "2024-04-24", "day"),
    ("the 24th of April, 2024", FRIDAY, None, "2024-04-24", "day"),
    ("2024-04-24", FRIDAY, None, "2024-04-24", "day"),
    ("4/24/2024", FRIDAY, None, "2024-04-24", "day"),
    ("4/24/24", FRIDAY, None, "2024-04-24", "day"),
    ("Apr. 24", FRIDAY, None, "2024-04-24", "day"),
    ("April 24th", FRIDAY, None, "2024-04-24", "day"),
    ("Sept. 30", "1989-10-26", None, "1989-09-30", "day"),
    ("April 2024", FRIDAY, None, "2024-04", "month"),
    ("Wednesday, April 24", FRIDAY, None, "2024-04-24", "day"),
    ("Oct. 15, 1999", "1989-10-30", None, "1999-10-15", "day"),
    ("March 5, 1946", FRIDAY, None, "1946-03-05", "day"),
    ("this coming Sunday, March eighth", "1998-03-05", None, "1998-03-08", "day"),
    ("Feb. 29", FRIDAY, None, "2024-02-29", "day"),
    # a month-day without a year: the most recent past (without a tense) or
    # the tense's way, but not over ten months back: then the nearest
    ("Nov. 25", "2000-01-07", None, "1999-11-25", "day"),
    ("Dec. 15", "1989-10-26", None, "1989-12-15", "day"),
    ("Dec. 15", "1989-10-26", "future", "1989-12-15", "day"),
    ("Dec. 15", "1990-02-10", "past", "1989-12-15", "day"),
    ("Dec. 15", "1990-06-10", "past", "1989-12-15", "day"),
    ("Dec. 15", "1989-10-26", "past", "1989-12-15", "day"),  # 315 days back: too far
    ("Jan. 14", "2000-01-05", "past", "2000-01-14", "day"),
    ("April 28", FRIDAY, "past", "2024-04-28", "day"),  # 364 days back: too far
    ("April 28", FRIDAY, None, "2024-04-28", "day"),
    ("April 20", FRIDAY, "future", "2024-04-20", "day"),
    # holidays
    ("Christmas", FRIDAY, None, "2023-12-25", "day"),
    ("Christmas", FRIDAY, "future", "2024-12-25", "day"),
    ("Thanksgiving Day", "2000-01-06", None, "1999-11-25", "day"),
    ("Easter", FRIDAY, None, "2024-03-31", "day"),
    ("election day", "1998-10-26", None, "1998-11-03", "day"),
    # other composites
    ("the week of March 6", "2000-02-24", None, "2000-W10", "week"),
    ("the day before last Tuesday", "2000-02-24", None, "2000-02-21", "day"),
    ("post-1959", FRIDAY, None, "1959", "year"),
    ("1994 or later", FRIDAY, None, "1994", "year"),
    # vague references
    ("now", FRIDAY, None, "PRESENT_REF", "reference"),
    ("currently", FRIDAY, None, "PRESENT_REF", "reference"),
    ("recently", FRIDAY, None, "PAST_REF", "reference"),
    ("recent years", FRIDAY, None, "PAST_REF", "reference"),
    ("the past", FRIDAY, None, "PAST_REF", "reference"),
    ("the future", FRIDAY, None, "FUTURE_REF", "reference"),
    ("soon", FRIDAY, None, "FUTURE_REF", "reference"),
    ("the coming months", FRIDAY, None, "FUTURE_REF", "reference"),
    ("one day", FRIDAY, "future", "FUTURE_REF", "reference"),
    # TimeML conventions for adverbs of time
    ("already", FRIDAY, "present", "PRESENT_REF", "reference"),
    ("yet", FRIDAY, "past", "PRESENT_REF", "reference"),
    ("at once", FRIDAY, None, "PRESENT_REF", "reference"),
    ("once", FRIDAY, "past", "PAST_REF", "reference"),  # "a once high-flying toy maker"
    ("then-current", FRIDAY, None, "PAST_REF", "reference"),  # "the then-current price"
    # bare months: a past tense reaches back ten months, not eleven
    ("September", "1990-08-16", "past", "1990-09", "month"),
    ("mid-November", "1989-10-30", "past", "1989-11", "month"),
    ("December", "1989-10-27", "past", "1988-12", "month"),
    ("February", "1998-12-03", "past", "1998-02", "month"),
    # "Today is the eighth day of the operation"
    ("eighth day", "1990-08-15", "present", "1990-08-15", "day"),
    ("the second day", "1998-03-06", "present", "1998-03-06", "day"),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected", "precision"), CASES)
def test_forms(
    expression: str, published: str, tense: str | None, expected: str, precision: str
) -> None:
    date = resolve_date(expression, published, tense=tense)
    assert date is not None, expression
    assert (date.timex, str(date.precision)) == (expected, precision)


@pytest.mark.parametrize(("expression", "published", "tense", "expected", "precision"), CASES)
def test_value_is_the_first_day_of_the_period(
    expression: str, published: str, tense: str | None, expected: str, precision: str
) -> None:
    date = resolve_date(expression, published, tense=tense)
    assert date is not None
    if date.precision is Precision.REFERENCE:
        assert date.value == dt.date.fromisoformat(published)
    elif date.precision is Precision.WEEK and not expected.endswith("-WE"):
        assert date.value.isocalendar()[:2] == (int(expected[:4]), int(expected[6:8]))
        assert date.value.weekday() == 0
    elif date.precision is Precision.DAY:
        assert date.value.isoformat() == expected[:10]
    elif date.precision in (Precision.MONTH, Precision.YEAR):
        assert date.value.isoformat().startswith(expected)
        assert date.value.day == 1


# --- tense ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("Monday", None, "2024-04-22"),
        ("Monday", "past", "2024-04-22"),
        ("Monday", "present", "2024-04-22"),
        ("Monday", "future", "2024-04-29"),
        ("Friday", "future", "2024-04-26"),  # the publication day itself, whatever the tense
        ("this Thursday", "future", "2024-05-02"),
        ("this Thursday", "past", "2024-04-25"),
        ("last Monday", "future", "2024-04-22"),
        ("next Monday", "past", "2024-04-29"),
        ("May", None, "2024-05"),
        # A past tense reaches back at most ten months for a bare month: May
        # 2023 would be "last May"; "told of cuts in May" is the coming one.
        ("May", "past", "2024-05"),
        ("June", "past", "2023-06"),
        ("March", "past", "2024-03"),
        ("February", None, "2024-02"),
        ("February", "future", "2025-02"),
        ("summer", None, "2023-SU"),  # no tense: the most recent past, as news reports
        ("summer", "past", "2023-SU"),
    ],
)
def test_tense_picks_the_direction(expression: str, tense: str | None, expected: str) -> None:
    assert timex(expression, FRIDAY, tense=tense) == expected


# --- ranges --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "value", "end", "precision"),
    [
        ("from Monday to Wednesday", dt.date(2024, 4, 22), dt.date(2024, 4, 24), Precision.DAY),
        ("Monday through Wednesday", dt.date(2024, 4, 22), dt.date(2024, 4, 24), Precision.DAY),
        ("from Thursday to Monday", dt.date(2024, 4, 18), dt.date(2024, 4, 22), Precision.DAY),
        ("between 2019 and 2021", dt.date(2019, 1, 1), dt.date(2021, 1, 1), Precision.YEAR),
        ("2019-2021", dt.date(2019, 1, 1), dt.date(2021, 1, 1), Precision.YEAR),
        ("1998-99", dt.date(1998, 1, 1), dt.date(1999, 1, 1), Precision.YEAR),
        ("April 24-26", dt.date(2024, 4, 24), dt.date(2024, 4, 26), Precision.DAY),
        ("April 24 to 26, 2023", dt.date(2023, 4, 24), dt.date(2023, 4, 26), Precision.DAY),
        ("from March to May", dt.date(2024, 3, 1), dt.date(2024, 5, 1), Precision.MONTH),
    ],
)
def test_ranges(expression: str, value: dt.date, end: dt.date, precision: Precision) -> None:
    date = resolve_date(expression, FRIDAY)
    assert date is not None
    assert (date.value, date.end, date.precision) == (value, end, precision)


# --- clock times -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        ("9 a.m. Tuesday", "2000-04-03", "future", "2000-04-04T09:00"),  # AQUAINT
        ("4 a.m. EDT Thursday", "2000-04-05", "future", "2000-04-06T04:00"),
        ("at 9 a.m. on Tuesday", "2000-04-03", "future", "2000-04-04T09:00"),
        ("Tuesday at 3:30 p.m.", "2000-04-03", None, "2000-03-28T15:30"),
        ("noon Friday", FRIDAY, None, "2024-04-26T12:00"),
        ("12 a.m. Friday", FRIDAY, None, "2024-04-26T00:00"),
        ("12:30 p.m. Friday", FRIDAY, None, "2024-04-26T12:30"),
        ("Friday, 21:15", FRIDAY, None, "2024-04-26T21:15"),
        ("April 24, 2024, at 6 pm", None, None, "2024-04-24T18:00"),
    ],
)
def test_clock_time_with_its_day(
    expression: str, published: str | None, tense: str | None, expected: str
) -> None:
    date = resolve_date(expression, published, tense=tense)  # type: ignore[arg-type]
    assert date is not None
    assert date.timex == expected
    assert date.precision is Precision.DAY
    assert date.time is not None and date.time.isoformat(timespec="minutes") == expected[-5:]
    assert date.value.isoformat() == expected[:10]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("9 a.m. in April", "2024-04"),  # the time of no one day
        ("midnight Friday", "2024-04-26"),  # TIMEX3's T24 of Friday: not a datetime.time
        ("13 p.m. Friday", "2024-04-26"),  # no such time
        ("Friday at 9:75", "2024-04-26"),
        ("between 9 a.m. and 11 a.m. Friday", None),  # two times: not one date
    ],
)
def test_clock_time_kept_only_when_it_is_one_time_of_one_day(
    expression: str, expected: str | None
) -> None:
    date = resolve_date(expression, FRIDAY)
    assert (date and date.timex) == expected
    assert date is None or date.time is None


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("later in the week", None, "2024-W17"),
        ("earlier in the week", None, "2024-W17"),
        ("the previous weekend", None, "2024-W16-WE"),
        ("the following weekend", None, "2024-W17-WE"),
        ("the previous weekend", dt.date(2024, 3, 6), "2024-W09-WE"),  # a Wednesday
        ("the following weekend", dt.date(2024, 3, 6), "2024-W10-WE"),
    ],
)
def test_the_week_and_weekends_around_the_anchor(
    expression: str, anchor: dt.date | None, expected: str
) -> None:
    assert timex(expression, anchor=anchor) == expected


def test_clock_time_alone_is_no_date() -> None:
    assert resolve_date("10:35 a.m.", FRIDAY) is None


def test_single_dates_have_no_end() -> None:
    date = resolve_date("2024-04-24", FRIDAY)
    assert date is not None
    assert date.end is None
    assert date.span is None


def test_backwards_range_is_not_a_range() -> None:
    assert resolve_date("between 2021 and 2019", FRIDAY) is None


# --- anchors: anaphora and comparisons --------------------------------------------


def quarter(year: int, q: int) -> EventDate:
    return EventDate(
        dt.date(year, 3 * q - 2, 1), Precision.QUARTER, f"{year}-Q{q}", DateBasis.RELATIVE
    )


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("a year earlier", dt.date(1998, 3, 5), "1997-03-05"),
        ("a year earlier", quarter(1998, 3), "1997-Q3"),
        ("two days later", dt.date(1998, 3, 5), "1998-03-07"),
        ("that day", dt.date(1998, 3, 5), "1998-03-05"),
        ("earlier that day", dt.date(1998, 3, 5), "1998-03-05"),
        ("the next day", dt.date(1998, 3, 5), "1998-03-06"),
        ("the next morning", dt.date(1998, 3, 5), "1998-03-06"),
        ("the day before", dt.date(1998, 3, 5), "1998-03-04"),
        ("that year", dt.date(1998, 3, 5), "1998"),
        ("later that year", dt.date(1998, 3, 5), "1998"),
        ("the following month", dt.date(1998, 3, 5), "1998-04"),
        ("the previous Friday", dt.date(1998, 3, 6), "1998-02-27"),
        ("then", dt.date(1998, 3, 5), "1998-03-05"),
        ("25", dt.date(1999, 4, 24), "1999-04-25"),  # "on April 24 and 25"
    ],
)
def test_anchor(expression: str, anchor: EventDate | dt.date, expected: str) -> None:
    assert timex(expression, "1999-11-01", anchor=anchor) == expected


@pytest.mark.parametrize(
    "expression", ["a year ago", "year-earlier", "a year earlier", "the year-ago period"]
)
def test_comparison_keeps_the_recent_period(expression: str) -> None:
    # "Profit rose in the third quarter from $2 a year ago": that quarter, a year before.
    assert timex(expression, "1989-10-26", anchor=quarter(1989, 3)) == "1988-Q3"


def test_year_period_is_the_quarter_under_discussion() -> None:
    # "Profit rose in the third quarter ... In the 1988 period, it earned $2":
    # that quarter of 1988; without a quarter to compare with, the year.
    assert timex("the 1988 period", "1989-10-26", anchor=quarter(1989, 3)) == "1988-Q3"
    assert timex("the 1989 period", "1989-11-01", anchor=quarter(1989, 3)) == "1989-Q3"
    assert timex("the 1988 period", "1989-10-26") == "1988"
    assert timex("the 1988 period", "1989-10-26", anchor=dt.date(1989, 9, 30)) == "1988"


def test_ordinal_day_needs_the_present_tense() -> None:
    # Only "today is the N-th day" says which day; "on the second day of the
    # talks" (past) or "his first day in office" (future) does not.
    assert timex("the second day", "1998-03-06", tense="past") is None
    assert timex("the second day", "1998-03-06") is None
    assert timex("first day", "1998-10-26", tense="present") is None


def test_ago_ignores_an_old_anchor() -> None:
    # A year ago is counted from the publication date; an anchor two years
    # back is no recent period to compare with.
    assert timex("a year ago", "1999-11-01", anchor=quarter(1997, 3)) == "1998"


def test_without_anchor_anaphora_use_the_publication_date() -> None:
    assert timex("a year earlier", FRIDAY) == "2023"
    assert timex("the next day", FRIDAY) == "2024-04-27"
    assert timex("then", FRIDAY) is None
    assert timex("25", FRIDAY) is None


def test_reference_anchor_is_ignored() -> None:
    now = resolve_date("now", FRIDAY)
    assert now is not None
    assert timex("a year earlier", FRIDAY, anchor=now) == "2023"


# --- basis, publication date forms, missing publication date -----------------------


@pytest.mark.parametrize(
    ("expression", "basis"),
    [
        ("April 24, 2024", DateBasis.EXPLICIT),
        ("2022", DateBasis.EXPLICIT),
        ("the second half of 2012", DateBasis.EXPLICIT),
        ("the 1990s", DateBasis.EXPLICIT),
        ("Friday", DateBasis.RELATIVE),
        ("last year", DateBasis.RELATIVE),
        ("April 24", DateBasis.RELATIVE),
        ("the third quarter", DateBasis.RELATIVE),
        ("now", DateBasis.RELATIVE),
    ],
)
def test_basis(expression: str, basis: DateBasis) -> None:
    date = resolve_date(expression, FRIDAY)
    assert date is not None
    assert date.basis is basis


@pytest.mark.parametrize(
    "published",
    [
        dt.date(2024, 4, 26),
        dt.datetime(2024, 4, 26, 23, 59, tzinfo=dt.UTC),
        "2024-04-26",
        "2024-04-26T08:30:00",
        "2024-04-26T08:30:00+02:00",
        " 2024-04-26 ",
    ],
)
def test_published_forms(published: object) -> None:
    assert timex("Wednesday", published) == "2024-04-24"


def test_without_publication_date_only_explicit_dates_resolve() -> None:
    assert timex("April 24, 2024", None) == "2024-04-24"
    assert timex("in 2022", None) == "2022"
    assert timex("the 20th century", None) == "19"
    assert timex("Friday", None) is None
    assert timex("last year", None) is None
    assert timex("April 24", None) is None
    assert timex("now", None) is None


def test_off_the_calendar_is_none() -> None:
    assert resolve_date("96 centuries after today", FRIDAY) is None
    assert resolve_date("next December", dt.date(9999, 12, 31)) is None
    assert timex("yesterday", dt.date(9999, 12, 31)) == "9999-12-30"


def test_old_articles() -> None:
    # Relative to the publication date, never to the clock.
    assert timex("yesterday", "1989-10-26") == "1989-10-25"
    assert timex("this week", "1998-01-20") == "1998-W04"
    assert timex("last fall", "1998-02-06") == "1997-FA"


# --- errors --------------------------------------------------------------------


@pytest.mark.parametrize("expression", [None, 2022, b"Friday", ["Friday"]])
def test_non_string_expression_is_a_type_error(expression: object) -> None:
    with pytest.raises(TypeError, match="expression must be a str"):
        resolve_date(expression, FRIDAY)  # type: ignore[arg-type]


@pytest.mark.parametrize("published", ["yesterday", "26/04/2024", "2024-13-01", "", "April 2024"])
def test_bad_published_string_is_an_input_error(published: str) -> None:
    with pytest.raises(InputError, match="published"):
        resolve_date("Friday", published)


def test_input_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="published"):
        resolve_date("Friday", "not a date")


@pytest.mark.parametrize("published", [20240426, 2024.4, ["2024-04-26"]])
def test_bad_published_type_is_a_type_error(published: object) -> None:
    with pytest.raises(TypeError, match="published"):
        resolve_date("Friday", published)  # type: ignore[arg-type]


def test_bad_tense() -> None:
    with pytest.raises(InputError, match="tense"):
        resolve_date("Friday", FRIDAY, tense="pluperfect")
    with pytest.raises(TypeError, match="tense"):
        resolve_date("Friday", FRIDAY, tense=1)  # type: ignore[arg-type]


def test_bad_anchor_type() -> None:
    with pytest.raises(TypeError, match="anchor"):
        resolve_date("a year earlier", FRIDAY, anchor="1998-03-05")  # type: ignore[arg-type]


# --- properties ------------------------------------------------------------------

days = st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 10, 31))
weekdays = st.sampled_from(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)


@given(days, weekdays)
def test_bare_weekday_is_within_the_past_week(published: dt.date, weekday: str) -> None:
    date = resolve_date(weekday, published)
    assert date is not None
    assert published - dt.timedelta(days=6) <= date.value <= published
    assert date.value.strftime("%A") == weekday


@given(days, weekdays)
def test_future_weekday_is_within_the_coming_week(published: dt.date, weekday: str) -> None:
    date = resolve_date(weekday, published, tense="future")
    assert date is not None
    assert published <= date.value <= published + dt.timedelta(days=6)


@given(days)
def test_deictic_days_and_years(published: dt.date) -> None:
    assert timex("today", published) == published.isoformat()
    assert timex("yesterday", published) == (published - dt.timedelta(days=1)).isoformat()
    assert timex("last year", published) == str(published.year - 1)
    assert timex("this week", published) == "{}-W{:02d}".format(*published.isocalendar()[:2])


@given(days, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_month_day_without_year_is_within_a_year(published: dt.date, month: int, day: int) -> None:
    # With no tense: the most recent such day, unless the coming one is at
    # most a month ahead, or the past one more than ten months back (then
    # the nearest: at most 66 days ahead).
    date = resolve_date(dt.date(2001, month, day).strftime("%B %d"), published)
    assert date is not None
    assert (date.value.month, date.value.day) == (month, day)
    assert -366 < (date.value - published).days <= 66


_DATEISH = [
    "the", "last", "next", "this", "early", "late", "mid-", "from", "to", "between", "and",
    "a", "two", "twenty", "first", "third", "quarter", "half", "year", "years", "week", "day",
    "month", "ago", "earlier", "later", "Friday", "Fri.", "April", "Apr.", "24", "24th", "2024",
    "'90s", "1990s", "century", "fiscal", "summer", "winter", "-", ",", "of", "that", "same",
    "Christmas", "now", "recent", "$", "%", "1/2", "2024-04-24", "4/24", "Q3", "H2", "week-end",
]  # fmt: skip


@given(st.lists(st.sampled_from(_DATEISH), max_size=6), st.sampled_from([None, "past", "future"]))
def test_never_raises_on_date_like_junk(words: list[str], tense: str | None) -> None:
    result = resolve_date(" ".join(words), FRIDAY, tense=tense)
    assert result is None or isinstance(result, EventDate)
    if result is not None and result.end is not None:
        assert result.end >= result.value


@given(st.text(max_size=30), days)
def test_never_raises_on_any_text(text: str, published: dt.date) -> None:
    result = resolve_date(text, published)
    assert result is None or isinstance(result, EventDate)
    assert find_time_expressions(text) == sorted(find_time_expressions(text))


# --- finding time expressions ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Blinken met earlier Friday with Wang Yi, after arriving in China on Wednesday.",
            ["earlier Friday", "Wednesday"],
        ),
        (
            "Pelosi's visit to Taiwan in 2022 angered Beijing; the $61 billion bill was signed"
            " April 24, 2024, after five and a half hours of talks.",
            ["2022", "April 24, 2024"],
        ),
        (
            "Talks ran from Monday to Wednesday and resumed two days ago.",
            ["from Monday to Wednesday", "two days ago"],
        ),
        ("Between 2019 and 2021 he sent 2000 troops.", ["Between 2019 and 2021"]),
        (
            "Profit rose in the third quarter of 2012 from a year earlier, it said last week.",
            ["the third quarter of 2012", "a year earlier", "last week"],
        ),
        (
            "In April sales fell, and they may rise in May or early next year, as in the 1990s.",
            ["April", "May", "early next year", "the 1990s"],
        ),
        ("The 45-year-old said he may go.", []),
        (
            "He said Wednesday, April 24 that Q3 2024 and fiscal 1998 mattered.",
            ["Wednesday, April 24", "Q3 2024", "fiscal 1998"],
        ),
    ],
)
def test_find_time_expressions(text: str, expected: list[str]) -> None:
    spans = find_time_expressions(text)
    assert [text[start:end] for start, end in spans] == expected
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


def test_found_expressions_resolve() -> None:
    text = "Blinken met earlier Friday with Wang, arrived on Wednesday, and visited in 2022."
    dates = [resolve_date(text[s:e], FRIDAY) for s, e in find_time_expressions(text)]
    assert [d.timex for d in dates if d is not None] == ["2024-04-26", "2024-04-24", "2022"]


def test_find_time_expressions_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        find_time_expressions(None)  # type: ignore[arg-type]


# -- the days a date covers ----------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "first", "last"),
    [
        ("April 24, 2024", "2024-04-24", "2024-04-24"),
        ("last week", "2024-04-15", "2024-04-21"),
        ("last weekend", "2024-04-20", "2024-04-21"),
        ("February 2024", "2024-02-01", "2024-02-29"),
        ("last winter", "2023-12-01", "2024-02-29"),
        ("the first quarter of 2024", "2024-01-01", "2024-03-31"),
        ("the second half of 2012", "2012-07-01", "2012-12-31"),
        ("last year", "2023-01-01", "2023-12-31"),
        ("the 1990s", "1990-01-01", "1999-12-31"),
        ("from Monday to Wednesday", "2024-04-22", "2024-04-24"),
        ("from April to June 2024", "2024-04-01", "2024-06-30"),
    ],
)
def test_date_span_covers_the_whole_period(expression: str, first: str, last: str) -> None:
    date = resolve_date(expression, "2024-04-26")
    assert date is not None
    assert date_span(date) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_date_span_of_a_reference_and_of_the_last_year() -> None:
    recently = resolve_date("recently", "2024-04-26")
    assert recently is not None and recently.precision is Precision.REFERENCE
    assert date_span(recently) is None
    year = EventDate(dt.date(9999, 1, 1), Precision.YEAR, "9999", DateBasis.EXPLICIT)
    assert date_span(year) == (dt.date(9999, 1, 1), dt.date(9999, 12, 31))
