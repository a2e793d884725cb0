"""A story's news day and its headline (#24): hand-written parses, no model.

Examples are our own; the story is published on Friday 10 January 2025, so
its Tuesday is 7 January.
"""

from __future__ import annotations

import datetime as dt

import attrs

from diplo_events import DateBasis, EventDate, Precision
from diplo_events._dates.anchoring import (
    date_words,
    discourse_dates,
    lead_day,
    tense_of,
)

from .conftest import day_date, sentences_from_rows, story_mention

PUB_DAY = dt.date(2025, 1, 10)
TUESDAY = "2025-01-07"

HEADLINE = """
Freedonia Freedonia PROPN 2 nsubj
signs sign VERB 0 root Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
border border NOUN 4 compound
treaty treaty NOUN 2 obj
"""
HEADLINE_AHEAD = """
Freedonia Freedonia PROPN 3 nsubj
to to PART 3 mark
sign sign VERB 0 root VerbForm=Inf
border border NOUN 5 compound
treaty treaty NOUN 3 obj
"""
LEAD = """
The the DET 2 det
presidents president NOUN 3 nsubj
signed sign VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
the the DET 5 det
treaty treaty NOUN 3 obj
on on ADP 7 case
Tuesday Tuesday PROPN 3 obl
. . PUNCT 3 punct
"""
BODY = """
Crowds crowd NOUN 2 nsubj
cheered cheer VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
outside outside ADV 2 advmod
. . PUNCT 2 punct

The the DET 2 det
treaty treaty NOUN 4 nsubj:pass
is be AUX 4 aux:pass Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
aimed aim VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
at at ADP 6 mark
ending end VERB 4 advcl VerbForm=Ger
the the DET 8 det
dispute dispute NOUN 6 obj
. . PUNCT 4 punct
"""
LEAD_TEXT = "The presidents signed the treaty on Tuesday."
BODY_TEXT = "Crowds cheered outside. The treaty is aimed at ending the dispute."


def _story(headline: str, headline_rows: str) -> tuple[str, list]:  # type: ignore[type-arg]
    text = f"{headline}\n\n{LEAD_TEXT}\n\n{BODY_TEXT}"
    rows = headline_rows + "\n" + LEAD + "\n" + BODY
    return text, sentences_from_rows(text, rows)


def _dates(text: str, sentences: list, words: list[str], pub: dt.date = PUB_DAY):  # type: ignore[no-untyped-def, type-arg]
    found = date_words(sentences, [text.index(w) for w in words], text, pub)
    return [(d.timex, d.basis) if d is not None else None for d in found]


def test_the_lead_says_the_day_the_news_happened() -> None:
    text, sentences = _story("Freedonia signs border treaty", HEADLINE)
    day = lead_day(sentences, text, PUB_DAY)
    assert day is not None and (day.timex, day.text) == (TUESDAY, "Tuesday")
    # published on that Tuesday, the news day is the dateline's own
    assert lead_day(sentences, text, dt.date(2025, 1, 7)) is None
    assert lead_day(sentences, text, None) is None


def test_past_events_and_the_headline_happened_on_the_lead_day() -> None:
    text, sentences = _story("Freedonia signs border treaty", HEADLINE)
    assert _dates(text, sentences, ["signs", "signed", "cheered", "aimed"]) == [
        (TUESDAY, DateBasis.INHERITED),  # the headline's present tells the news
        (TUESDAY, DateBasis.RELATIVE),
        (TUESDAY, DateBasis.INHERITED),  # a paragraph later, past and undated
        ("2025-01-10", DateBasis.PUBLICATION),  # "is aimed at": present, a state
    ]


def test_a_headline_announcing_an_act_ahead_is_not_news_of_a_day() -> None:
    text, sentences = _story("Freedonia to sign border treaty", HEADLINE_AHEAD)
    assert _dates(text, sentences, ["sign "]) == [("2025-01-10", DateBasis.PUBLICATION)]


def test_a_first_sentence_closed_like_a_sentence_is_no_headline() -> None:
    text, sentences = _story("Freedonia signs border treaty.", HEADLINE + ". . PUNCT 2 punct\n")
    assert _dates(text, sentences, ["signs"]) == [("2025-01-10", DateBasis.PUBLICATION)]


def test_a_participle_takes_its_auxiliarys_tense() -> None:
    _, sentences = _story("Freedonia signs border treaty", HEADLINE)
    body = sentences[-1]
    aimed = next(w for w in body.words if w.text == "aimed")
    ending = next(w for w in body.words if w.text == "ending")
    assert tense_of(body, aimed) == "present"
    assert tense_of(body, ending) == "present"  # an adjunct -ing form: its clause's tense


SPEAKING = (
    "Speaking to reporters, the minister resigned.",
    """
Speaking speak VERB 7 advcl Tense=Pres|VerbForm=Part
to to ADP 3 case
reporters reporter NOUN 1 obl
, , PUNCT 1 punct
the the DET 6 det
minister minister NOUN 7 nsubj
resigned resign VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
. . PUNCT 7 punct
""",
)


def test_an_adjunct_ing_form_is_told_in_the_past_of_its_clause() -> None:
    text, rows = SPEAKING
    (sent,) = sentences_from_rows(text, rows)
    speaking = sent.words[0]
    assert tense_of(sent, speaking) == "past"


def test_earlier_in_the_day_is_the_news_day_and_that_day_the_last_day_told() -> None:
    text = "x" * 12 + "\n\n" + "x" * 12 + "\n\n" + "x" * 12
    lead = day_date(dt.date(2025, 1, 7), DateBasis.RELATIVE, "Tuesday")
    monday = day_date(dt.date(2025, 1, 6), DateBasis.RELATIVE, "Monday")
    month = EventDate(dt.date(2024, 4, 1), Precision.MONTH, "2024-04", DateBasis.EXPLICIT, "April")
    earlier = day_date(PUB_DAY, DateBasis.RELATIVE, "Earlier in the day")
    that_day = day_date(PUB_DAY, DateBasis.RELATIVE, "that day")
    told = [story_mention("x", 0, monday), story_mention("x", 14, month)]
    story = [*told, story_mention("x", 28, earlier)]
    dated = discourse_dates(story, text, PUB_DAY, lead=lead)
    assert dated[2] is not None and dated[2].timex == "2025-01-07"  # the news day, not Monday
    # without a news day, the phrase keeps its reading from the dateline
    assert discourse_dates(story, text, PUB_DAY)[2] == earlier
    # "that day" names a day: the last one told (Monday), not April's background
    story = [*told, story_mention("x", 28, that_day)]
    dated = discourse_dates(story, text, PUB_DAY, lead=lead)
    assert dated[2] is not None and dated[2].timex == "2025-01-06"


def test_the_library_events_follow_the_news_day(rules) -> None:  # type: ignore[no-untyped-def]
    text = f"Freedonia signs border treaty\n\n{LEAD_TEXT}\n\n{BODY_TEXT}"
    events = rules(text, HEADLINE + "\n" + LEAD + "\n" + BODY, published="2025-01-10")
    dated = [
        (e.sentence.start, e.trigger.text, e.date.timex, e.date.basis)
        for e in events
        if e.date is not None
    ]
    assert (0, "treaty", TUESDAY, DateBasis.INHERITED) in dated  # the headline's signing
    assert (text.index("The p"), "treaty", TUESDAY, DateBasis.RELATIVE) in dated


FRONTED = (
    "Last month, the storm hit the coast.",
    """
Last last ADJ 2 amod
month month NOUN 5 nmod
, , PUNCT 2 punct
the the DET 5 det
storm storm NOUN 6 nsubj
hit hit VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
the the DET 8 det
coast coast NOUN 6 obj
. . PUNCT 6 punct
""",
)


def test_a_time_opening_the_sentence_is_its_verbs_though_hung_on_the_subject() -> None:
    text, rows = FRONTED
    sentences = sentences_from_rows(text, rows)
    assert _dates(text, sentences, ["hit"]) == [("2024-12", DateBasis.RELATIVE)]


PERIOD = (
    "Ford reported third-quarter earnings and quarter results.",
    """
Ford Ford PROPN 2 nsubj
reported report VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
third third ADJ 5 amod
- - PUNCT 3 punct
quarter quarter NOUN 6 amod
earnings earnings NOUN 2 obj
and and CCONJ 9 cc
quarter quarter NOUN 9 amod
results result NOUN 6 conj
. . PUNCT 2 punct
""",
)


def test_a_period_adjective_dates_the_figures_not_the_report() -> None:
    text, rows = PERIOD
    sentences = sentences_from_rows(text, rows)
    assert _dates(text, sentences, ["earnings", "results", "reported"]) == [
        ("2024-Q3", DateBasis.RELATIVE),
        ("2025-01-10", DateBasis.PUBLICATION),  # a bare "quarter" says not which
        ("2025-01-10", DateBasis.PUBLICATION),
    ]


COMMA_YEAR = (
    "Boeing was suspended on July 24, 2003 by the Air Force.",
    """
Boeing Boeing PROPN 3 nsubj:pass
was be AUX 3 aux:pass Mood=Ind|Tense=Past|VerbForm=Fin
suspended suspend VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
on on ADP 6 case
July July PROPN 6 nmod
24 24 NUM 3 obl
, , PUNCT 8 punct
2003 2003 NUM 6 nmod
by by ADP 11 case
the the DET 11 det
Air Air PROPN 12 compound
Force Force PROPN 3 obl:agent
. . PUNCT 3 punct
""",
)


def test_the_year_after_a_comma_belongs_to_the_date() -> None:
    text, rows = COMMA_YEAR
    sentences = sentences_from_rows(text, rows)
    found = date_words(sentences, [text.index("suspended")], text, PUB_DAY)
    assert [(d.timex, d.text) for d in found if d is not None] == [("2003-07-24", "July 24, 2003")]


PREDICATE = (
    "The first flight was in 1994. The vote will be on Monday. The visit was a success.",
    """
The the DET 3 det
first first ADJ 3 amod
flight flight NOUN 6 nsubj
was be AUX 6 cop Mood=Ind|Tense=Past|VerbForm=Fin
in in ADP 6 case
1994 1994 NUM 0 root
. . PUNCT 6 punct

The the DET 2 det
vote vote NOUN 6 nsubj
will will AUX 6 aux VerbForm=Fin
be be AUX 6 cop VerbForm=Inf
on on ADP 6 case
Monday Monday PROPN 0 root
. . PUNCT 6 punct

The the DET 2 det
visit visit NOUN 5 nsubj
was be AUX 5 cop Mood=Ind|Tense=Past|VerbForm=Fin
a a DET 5 det
success success NOUN 0 root
. . PUNCT 5 punct
""",
)


def test_an_event_whose_predicate_is_a_time_is_dated_by_it() -> None:
    text, rows = PREDICATE
    sentences = sentences_from_rows(text, rows)
    assert _dates(text, sentences, ["flight", "vote", "visit"]) == [
        ("1994", DateBasis.EXPLICIT),
        ("2025-01-13", DateBasis.RELATIVE),  # "will be": the coming Monday
        ("2025-01-10", DateBasis.PUBLICATION),  # a success is no time
    ]


WHEN = (
    "Ford gained from 2008, when GM posted a loss.",
    """
Ford Ford PROPN 2 nsubj
gained gain VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
from from ADP 4 case
2008 2008 NUM 2 obl
, , PUNCT 8 punct
when when ADV 8 advmod
GM GM PROPN 8 nsubj
posted post VERB 2 advcl Mood=Ind|Tense=Past|VerbForm=Fin
a a DET 10 det
loss loss NOUN 8 obj
. . PUNCT 2 punct
""",
)


def test_a_when_clause_after_a_time_happened_then() -> None:
    text, rows = WHEN
    sentences = sentences_from_rows(text, rows)
    assert _dates(text, sentences, ["posted"]) == [("2008", DateBasis.INHERITED)]
    # without the time before it, the clause has no date of its own
    plain = text.replace("from 2008", "from that")
    rows_plain = rows.replace("2008 2008 NUM 2 obl", "that that PRON 2 obl")
    assert _dates(plain, sentences_from_rows(plain, rows_plain), ["posted"]) == [
        ("2025-01-10", DateBasis.PUBLICATION)
    ]


def test_the_month_of_a_story_is_the_month_it_told() -> None:
    text = "x" * 12 + "\n\n" + "x" * 12 + "\n\n" + "x" * 12
    relative = DateBasis.RELATIVE
    february = EventDate(dt.date(2024, 2, 1), Precision.MONTH, "2024-02", relative, "February")
    tuesday = day_date(dt.date(2025, 1, 7), DateBasis.RELATIVE, "Tuesday")
    month = EventDate(dt.date(2025, 1, 1), Precision.MONTH, "2025-01", DateBasis.RELATIVE, "month")
    inherited = attrs.evolve(month, basis=DateBasis.INHERITED)
    story = [story_mention("x", 0, february), story_mention("x", 14, tuesday)]
    story += [story_mention("x", 28, month), story_mention("x", 30, inherited)]
    dated = discourse_dates(story, text, PUB_DAY)
    # "sales rose in February ... said on Tuesday ... during the month": February
    assert [(d.timex, d.basis) for d in dated[2:] if d is not None] == [
        ("2024-02", DateBasis.RELATIVE),
        ("2024-02", DateBasis.INHERITED),
    ]
