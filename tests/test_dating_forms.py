"""The forms reporters write (#24), resolved alone and dated from hand-written parses (no model).

Examples are our own; the story is published on Friday 10 January 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplo_events import DateBasis, EventDate, resolve_date
from diplo_events._dates.anchoring import date_words, discourse_dates

from .conftest import day_date, sentences_from_rows, story_mention

PUB = "2025-01-10"
PUB_DAY = dt.date(2025, 1, 10)


@pytest.mark.parametrize(
    ("expression", "tense", "timex"),
    [
        # the tense decides a bare month-day or month
        ("on 8 July", "past", "2024-07-08"),
        ("on 8 July", "future", "2025-07-08"),
        ("in August", "past", "2024-08"),
        ("July 31st", "past", "2024-07-31"),
        # alone, the news convention: the most recent past ...
        ("8 July", None, "2024-07-08"),
        ("September", None, "2024-09"),
        # ... unless the coming one is within a month
        ("Jan. 25", None, "2025-01-25"),
        # abbreviations, with or without their dot
        ("Tues", None, "2025-01-07"),
        ("Thurs.", None, "2025-01-09"),
        ("Weds", "future", "2025-01-15"),
        ("Tue", None, "2025-01-07"),
        ("Sept 3", "past", "2024-09-03"),
        ("'58", None, "1958"),
        ("back in '58", "past", "1958"),
        # a day of the month with no month
        ("the 15th", "past", "2024-12-15"),
        ("the 15th", "future", "2025-01-15"),
        ("on the 5th", None, "2025-01-05"),
        ("the 31st", "past", "2024-12-31"),
        # the night before publication
        ("overnight", None, "2025-01-09"),
        ("back in March", None, "2024-03"),
        # an ISO date-time written in the text keeps its clock time
        ("2019-08-01T14:30:00", None, "2019-08-01T14:30"),
        ("2019-08-01T14:30:00+02:00", None, "2019-08-01T14:30"),
    ],
)
def test_reporters_forms(expression: str, tense: str | None, timex: str) -> None:
    date = resolve_date(expression, PUB, tense=tense)
    assert date is not None
    assert date.timex == timex


@pytest.mark.parametrize("expression", ["the sun", "1st", "15th", "the 45th"])
def test_what_looks_like_an_abbreviation_or_a_day_is_not_always_one(expression: str) -> None:
    assert resolve_date(expression, PUB) is None


@pytest.mark.parametrize(
    ("expression", "start", "end"),
    [
        ("12-14 May", "2024-05-12", "2024-05-14"),
        ("12 to 14 May 2023", "2023-05-12", "2023-05-14"),
        ("May 12-14", "2024-05-12", "2024-05-14"),
    ],
)
def test_day_ranges_within_a_month(expression: str, start: str, end: str) -> None:
    date = resolve_date(expression, PUB, tense="past")
    assert date is not None
    assert (date.value.isoformat(), date.end and date.end.isoformat()) == (start, end)


# --- dating a trigger word from its parse --------------------------------------

RESUME = (
    "Talks will resume on 8 July.",
    """
Talks talk NOUN 3 nsubj
will will AUX 3 aux
resume resume VERB 0 root
on on ADP 5 case
8 8 NUM 3 obl
July July PROPN 3 obl
. . PUNCT 3 punct
""",
)
RANGE = (
    "Delegates met 12-14 May in Geneva.",
    """
Delegates delegate NOUN 2 nsubj
met meet VERB 0 root Tense=Past
12 12 NUM 2 obj
- - SYM 5 case
14 14 NUM 3 nmod
May May PROPN 2 obl
in in ADP 8 case
Geneva Geneva PROPN 2 obl
. . PUNCT 2 punct
""",
)
FIFTY_EIGHT = (
    "Troops crossed the border in '58.",
    """
Troops troop NOUN 2 nsubj
crossed cross VERB 0 root Tense=Past
the the DET 4 det
border border NOUN 2 obj
in in ADP 7 case
' ' PUNCT 7 punct
58 58 NUM 2 obl
. . PUNCT 2 punct
""",
)
FIFTEENTH = (
    "The two leaders met on the 15th.",
    """
The the DET 3 det
two two NUM 3 nummod
leaders leader NOUN 4 nsubj
met meet VERB 0 root Tense=Past
on on ADP 7 case
the the DET 7 det
15th 15th NOUN 4 obl
. . PUNCT 4 punct
""",
)
OVERNIGHT = (
    "Rebels attacked the base overnight.",
    """
Rebels rebel NOUN 2 nsubj
attacked attack VERB 0 root Tense=Past
the the DET 4 det
base base NOUN 2 obj
overnight overnight ADV 2 advmod
. . PUNCT 2 punct
""",
)
TUES = (
    "The minister met his counterpart on Tues.",
    """
The the DET 2 det
minister minister NOUN 3 nsubj
met meet VERB 0 root Tense=Past
his his PRON 5 nmod:poss
counterpart counterpart NOUN 3 obj
on on ADP 7 case
Tues Tues PROPN 3 obl
. . PUNCT 3 punct
""",
)


def date_of(case: tuple[str, str], trigger: str) -> EventDate | None:
    text, rows = case
    return date_words(sentences_from_rows(text, rows), [text.index(trigger)], text, PUB_DAY)[0]


@pytest.mark.parametrize(
    ("case", "trigger", "timex", "text"),
    [
        # the parse hangs "8" beside "July": the pieces make one date
        (RESUME, "resume", "2025-07-08", "8 July"),
        (RANGE, "met", "2024-05-12", "12-14 May"),
        (FIFTY_EIGHT, "crossed", "1958", "'58"),
        (FIFTEENTH, "met", "2024-12-15", "the 15th"),
        (OVERNIGHT, "attacked", "2025-01-09", "overnight"),
        (TUES, "met", "2025-01-07", "Tues"),
    ],
)
def test_a_trigger_word_is_dated_by_the_whole_expression(
    case: tuple[str, str], trigger: str, timex: str, text: str
) -> None:
    date = date_of(case, trigger)
    assert date is not None
    assert (date.timex, date.text) == (timex, text)


def test_a_word_without_a_time_of_its_own_gets_the_publication_date_flagged() -> None:
    text, rows = OVERNIGHT
    without = rows.replace("overnight overnight ADV 2 advmod\n", "")
    undated = (text.replace(" overnight", ""), without)
    date = date_of(undated, "attacked")
    assert date is not None
    assert date.basis is DateBasis.PUBLICATION
    assert date.value == PUB_DAY


def test_an_offset_outside_every_word_gives_none() -> None:
    text, rows = RANGE
    sentences = sentences_from_rows(text, rows)
    assert date_words(sentences, [len(text) + 5], text, PUB_DAY) == [None]


def test_a_night_does_not_set_the_day_for_the_story_after_it() -> None:
    text = "x" * 12 + "\n" + "x" * 12
    overnight = day_date(dt.date(2025, 1, 9), DateBasis.RELATIVE, "overnight")
    monday = day_date(dt.date(2025, 1, 6), DateBasis.RELATIVE, "Monday")
    publication = day_date(PUB_DAY, DateBasis.PUBLICATION, None)
    later = story_mention("b", 13, publication)
    after_night = discourse_dates([story_mention("a", 0, overnight), later], text)
    after_day = discourse_dates([story_mention("a", 0, monday), later], text)
    assert after_night[1] == publication
    assert after_day[1] is not None
    assert (after_day[1].value, after_day[1].basis) == (monday.value, DateBasis.INHERITED)


@pytest.mark.parametrize(
    ("expression", "timex"),
    [("the same day", "2024-11-03"), ("that day", "2024-11-03"), ("the next day", "2024-11-04"),
     ("later that week", "2024-W44"), ("the entire year", "2024"), ("the whole month", "2024-11")],
)
def test_a_time_pointing_back_follows_the_story_not_the_dateline(
    expression: str, timex: str
) -> None:
    text = "x" * 12 + "\n\n" + "x" * 12
    arrived = resolve_date("November 3", PUB, tense="past")
    met = resolve_date(expression, PUB, tense="past")
    assert arrived is not None and met is not None
    assert met.timex != timex  # alone, it counts from the publication date
    story = [story_mention("arrive", 0, arrived), story_mention("meet", 14, met)]
    dated = discourse_dates(story, text, PUB_DAY)
    assert dated[1] is not None
    assert dated[1].timex == timex
    assert dated[1].text == expression
    # without the publication date nothing is resolved again
    assert discourse_dates(story, text)[1] == met


WRITTEN_BEFORE = (
    "At a press conference on 7 January, the minister resigned. He said today was his last day.",
    """
At at ADP 4 case
a a DET 4 det
press press NOUN 4 compound
conference conference NOUN 11 obl
on on ADP 7 case
7 7 NUM 7 nummod
January January PROPN 4 nmod
, , PUNCT 11 punct
the the DET 10 det
minister minister NOUN 11 nsubj
resigned resign VERB 0 root Tense=Past
. . PUNCT 11 punct

He he PRON 2 nsubj
said say VERB 0 root Tense=Past
today today NOUN 2 obl:tmod
was be AUX 7 cop
his his PRON 7 nmod:poss
last last ADJ 7 amod
day day NOUN 2 ccomp
. . PUNCT 2 punct
""",
)


def test_a_story_whose_lead_names_its_day_before_the_dateline_has_that_today() -> None:
    text, rows = WRITTEN_BEFORE
    sentences = sentences_from_rows(text, rows)
    said = text.index("said")
    # published three days later: written on 7 January, its "today" is that day
    (date,) = date_words(sentences, [said], text, PUB_DAY)
    assert date is not None and (date.timex, date.text) == ("2025-01-07", "today")
    # a lead more than a week before the dateline is background, not the writing day
    (later,) = date_words(sentences, [said], text, dt.date(2025, 1, 20))
    assert later is not None and later.timex == "2025-01-20"
