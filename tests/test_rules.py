"""Rule tests on hand-written parses (no model): one or more per trigger form and argument path."""

from __future__ import annotations

import datetime as dt

from diplo_events import DateBasis, EventKind, Precision

CAPPED = (
    "US Secretary of State Antony Blinken capped his visit to Beijing by meeting with "
    "Chinese President Xi Jinping.",
    """
US US PROPN 2 compound
Secretary Secretary PROPN 5 nmod:desc
of of ADP 4 case
State State PROPN 2 nmod
Antony Antony PROPN 7 nsubj
Blinken Blinken PROPN 5 flat
capped cap VERB 0 root Tense=Past
his his PRON 9 nmod:poss
visit visit NOUN 7 obj
to to ADP 11 case
Beijing Beijing PROPN 9 nmod
by by SCONJ 13 mark
meeting meet VERB 7 advcl VerbForm=Ger
with with ADP 17 case
Chinese Chinese ADJ 16 amod
President President PROPN 17 nmod:desc
Xi Xi PROPN 13 obl
Jinping Jinping PROPN 17 flat
. . PUNCT 7 punct
""",
)

# The same sentence as the bundled parser reads it: "by meeting" hangs on
# "Beijing", and "Antony Blinken" on "Secretary".
CAPPED_ON_BEIJING = (
    CAPPED[0],
    """
US US PROPN 2 compound
Secretary Secretary PROPN 7 nsubj
of of ADP 6 case
State State PROPN 5 compound
Antony Antony PROPN 6 compound
Blinken Blinken PROPN 2 nmod
capped cap VERB 0 root Tense=Past
his his PRON 9 nmod:poss
visit visit NOUN 7 obj
to to ADP 11 case
Beijing Beijing PROPN 7 obl
by by SCONJ 13 mark
meeting meet VERB 11 acl VerbForm=Ger
with with ADP 17 case
Chinese Chinese ADJ 17 amod
President President PROPN 17 nmod:desc
Xi Xi PROPN 13 obl
Jinping Jinping PROPN 13 obl
. . PUNCT 7 punct
""",
)

SAID_FRIDAY_AS_IOBJ = (
    "Sadr said Friday in a reference to Nasrallah.",
    """
Sadr Sadr PROPN 2 nsubj
said say VERB 0 root Tense=Past
Friday Friday PROPN 2 iobj
in in ADP 6 case
a a DET 6 det
reference reference NOUN 3 nmod
to to ADP 8 case
Nasrallah Nasrallah PROPN 6 nmod
. . PUNCT 2 punct
""",
)

# The clock time hangs on the verb apart from the day: found next to it.
MET_AT_TEN_ON_FRIDAY = (
    "Blinken met Wang Yi at 10 a.m. on Friday in Beijing.",
    """
Blinken Blinken PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Wang Wang PROPN 4 flat
Yi Yi PROPN 2 obj
at at ADP 6 case
10 10 NUM 2 obl
a.m. a.m. NOUN 6 nmod:unmarked
on on ADP 9 case
Friday Friday PROPN 2 obl
in in ADP 11 case
Beijing Beijing PROPN 9 nmod
. . PUNCT 2 punct
""",
)

SADR_MET_SISTANI = (
    "Muqtada al-Sadr met Ali al-Sistani in Najaf.",
    """
Muqtada Muqtada PROPN 4 nsubj
al al PROPN 1 flat
- - PUNCT 2 punct
Sadr Sadr PROPN 2 flat
met meet VERB 0 root Tense=Past
Ali Ali PROPN 5 obj
al al PROPN 6 flat
- - PUNCT 7 punct
Sistani Sistani PROPN 7 flat
in in ADP 11 case
Najaf Najaf PROPN 5 obl
. . PUNCT 5 punct
""",
)

ANNOUNCED_AFTER_A_WEEKEND = (
    "Hamas announced an end to rocket attacks after a weekend of violence.",
    """
Hamas Hamas PROPN 2 nsubj
announced announce VERB 0 root Tense=Past
an a DET 4 det
end end NOUN 2 obj
to to ADP 7 case
rocket rocket NOUN 7 compound
attacks attack NOUN 4 nmod
after after ADP 10 case
a a DET 10 det
weekend weekend NOUN 2 obl
of of ADP 12 case
violence violence NOUN 10 nmod
. . PUNCT 2 punct
""",
)

MET_WHO_WARNED = (
    "Blinken met earlier Friday with Chinese Foreign Minister Wang Yi, who warned that "
    "their countries could descend into confrontation.",
    """
Blinken Blinken PROPN 2 nsubj
met meet VERB 0 root Tense=Past
earlier early ADV 4 advmod
Friday Friday PROPN 2 obl:unmarked
with with ADP 9 case
Chinese Chinese ADJ 8 amod
Foreign Foreign ADJ 8 amod
Minister Minister PROPN 9 nmod:desc
Wang Wang PROPN 2 obl
Yi Yi PROPN 9 flat
, , PUNCT 13 punct
who who PRON 13 nsubj PronType=Rel
warned warn VERB 9 acl:relcl Tense=Past
that that SCONJ 18 mark
their their PRON 16 nmod:poss
countries country NOUN 18 nsubj
could could AUX 18 aux
descend descend VERB 13 ccomp
into into ADP 20 case
confrontation confrontation NOUN 18 obl
. . PUNCT 2 punct
""",
)

SIGNED_BEFORE = (
    "US President Joe Biden signed into law a bipartisan bill just hours before Blinken "
    "arrived in China on Wednesday.",
    """
US US PROPN 2 compound
President President PROPN 3 nmod:desc
Joe Joe PROPN 5 nsubj
Biden Biden PROPN 3 flat
signed sign VERB 0 root Tense=Past
into into ADP 7 case
law law NOUN 5 obl
a a DET 10 det
bipartisan bipartisan ADJ 10 amod
bill bill NOUN 5 obj
just just ADV 12 advmod
hours hour NOUN 15 obl:unmarked
before before SCONJ 15 mark
Blinken Blinken PROPN 15 nsubj
arrived arrive VERB 5 advcl Tense=Past
in in ADP 17 case
China China PROPN 15 obl
on on ADP 19 case
Wednesday Wednesday PROPN 15 obl
. . PUNCT 5 punct
""",
)

US_WARNED = (
    "The United States warned China against its proactive actions around the Philippines "
    "and promised to defend its ally.",
    """
The the DET 3 det
United United PROPN 3 compound
States States PROPN 4 nsubj
warned warn VERB 0 root Tense=Past
China China PROPN 4 obj
against against ADP 9 case
its its PRON 9 nmod:poss
proactive proactive ADJ 9 amod
actions action NOUN 4 obl
around around ADP 12 case
the the DET 12 det
Philippines Philippines PROPN 9 nmod
and and CCONJ 14 cc
promised promise VERB 4 conj Tense=Past
to to PART 16 mark
defend defend VERB 14 xcomp
its its PRON 18 nmod:poss
ally ally NOUN 16 obj
. . PUNCT 4 punct
""",
)

PASSIVE = (
    "The bill was signed by President Biden on Monday.",
    """
The the DET 2 det
bill bill NOUN 4 nsubj:pass
was be AUX 4 aux:pass
signed sign VERB 0 root Tense=Past|Voice=Pass
by by ADP 7 case
President President PROPN 7 nmod:desc
Biden Biden PROPN 4 obl:agent
on on ADP 9 case
Monday Monday PROPN 4 obl
. . PUNCT 4 punct
""",
)

COORDINATED = (
    "Xi and Blinken met in Beijing.",
    """
Xi Xi PROPN 4 nsubj
and and CCONJ 3 cc
Blinken Blinken PROPN 1 conj
met meet VERB 0 root Tense=Past
in in ADP 6 case
Beijing Beijing PROPN 4 obl
. . PUNCT 4 punct
""",
)

PELOSI = (
    "House Speaker Nancy Pelosi's visit to Taiwan in 2022 angered Beijing.",
    """
House House PROPN 2 compound
Speaker Speaker PROPN 3 nmod:desc
Nancy Nancy PROPN 6 nmod:poss
Pelosi Pelosi PROPN 3 flat
's 's PART 3 case
visit visit NOUN 11 nsubj
to to ADP 8 case
Taiwan Taiwan PROPN 6 nmod
in in ADP 10 case
2022 2022 NUM 6 nmod
angered anger VERB 0 root Tense=Past
Beijing Beijing PROPN 11 obj
. . PUNCT 11 punct
""",
)

# The same sentence as the 4,800-step parser parses it: "Speaker" a compound.
PELOSI_COMPOUND_VISIT = (
    PELOSI[0],
    """
House House PROPN 4 compound
Speaker Speaker PROPN 6 compound
Nancy Nancy PROPN 2 flat
Pelosi Pelosi PROPN 3 flat
's 's PART 3 case
visit visit NOUN 11 nsubj
to to ADP 8 case
Taiwan Taiwan PROPN 6 nmod
in in ADP 10 case
2022 2022 NUM 6 nmod
angered anger VERB 0 root Tense=Past
Beijing Beijing PROPN 11 obj
. . PUNCT 11 punct
""",
)

TALKS = (
    "Blinken raised the issue during five and a half hours of talks.",
    """
Blinken Blinken PROPN 2 nsubj
raised raise VERB 0 root Tense=Past
the the DET 4 det
issue issue NOUN 2 obj
during during ADP 10 case
five five NUM 10 nummod
and and CCONJ 9 cc
a a DET 9 det
half half NOUN 6 conj
hours hour NOUN 2 obl
of of ADP 12 case
talks talk NOUN 10 nmod Number=Plur
. . PUNCT 2 punct
""",
)

NO_EVENT = (
    "The weather was cold in Beijing.",
    """
The the DET 2 det
weather weather NOUN 4 nsubj
was be AUX 4 cop
cold cold ADJ 0 root
in in ADP 6 case
Beijing Beijing PROPN 4 obl
. . PUNCT 4 punct
""",
)

INANIMATE_THREAT = (
    "There are still major problems that threaten the recent improvement in relations.",
    """
There there PRON 2 expl
are be VERB 0 root Tense=Pres
still still ADV 2 advmod
major major ADJ 5 amod
problems problem NOUN 2 nsubj
that that PRON 7 nsubj PronType=Rel
threaten threaten VERB 5 acl:relcl Tense=Pres
the the DET 10 det
recent recent ADJ 10 amod
improvement improvement NOUN 7 obj
in in ADP 12 case
relations relation NOUN 10 nmod
. . PUNCT 2 punct
""",
)

NEGATED_AID = (
    "China has not supplied Russia with weapons.",
    """
China China PROPN 4 nsubj
has have AUX 4 aux
not not PART 4 advmod
supplied supply VERB 0 root Tense=Past|VerbForm=Part
Russia Russia PROPN 4 obj
with with ADP 7 case
weapons weapon NOUN 4 obl
. . PUNCT 4 punct
""",
)

REPORTED = (
    "Officials said on Monday that Blinken visited Beijing.",
    """
Officials official NOUN 2 nsubj
said say VERB 0 root Tense=Past
on on ADP 4 case
Monday Monday PROPN 2 obl
that that SCONJ 7 mark
Blinken Blinken PROPN 7 nsubj
visited visit VERB 2 ccomp Tense=Past
Beijing Beijing PROPN 7 obj
. . PUNCT 2 punct
""",
)

HELD_TALKS = (
    "Putin held talks with Modi.",
    """
Putin Putin PROPN 2 nsubj
held hold VERB 0 root Tense=Past
talks talk NOUN 2 obj Number=Plur
with with ADP 5 case
Modi Modi PROPN 3 nmod
. . PUNCT 2 punct
""",
)

TIKTOK = (
    "It is a law that aims to ban TikTok if the company refuses to sell.",
    """
It it PRON 4 nsubj
is be AUX 4 cop
a a DET 4 det
law law NOUN 0 root
that that PRON 6 nsubj PronType=Rel
aims aim VERB 4 acl:relcl Tense=Pres
to to PART 8 mark
ban ban VERB 6 xcomp
TikTok TikTok PROPN 8 obj
if if SCONJ 13 mark
the the DET 12 det
company company NOUN 13 nsubj
refuses refuse VERB 8 advcl Tense=Pres
to to PART 15 mark
sell sell VERB 13 xcomp
. . PUNCT 4 punct
""",
)

SIGNED_NO_BILL = (
    "Blinken signed the guest book.",
    """
Blinken Blinken PROPN 2 nsubj
signed sign VERB 0 root Tense=Past
the the DET 5 det
guest guest NOUN 5 compound
book book NOUN 2 obj
. . PUNCT 2 punct
""",
)


def only(events, kind):  # type: ignore[no-untyped-def]
    found = [e for e in events if e.kind is kind]
    assert len(found) == 1, found
    return found[0]


def test_gerund_meeting_takes_subject_of_governing_verb(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*CAPPED)
    meeting = only(events, EventKind.MEETING)
    assert meeting.trigger.text == "meeting"
    assert meeting.agent.name == "Antony Blinken"
    assert [t.name for t in meeting.targets] == ["Xi Jinping"]
    assert meeting.date.value == dt.date(2024, 4, 26)
    assert meeting.date.basis is DateBasis.PUBLICATION


def test_clause_with_by_on_a_noun_takes_the_verbs_subject(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*CAPPED_ON_BEIJING), EventKind.MEETING)
    assert meeting.agent is not None and meeting.agent.name == "Antony Blinken"
    assert [t.name for t in meeting.targets] == ["Xi Jinping"]


def test_possessive_name_hung_as_a_compound_is_the_agent(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*PELOSI_COMPOUND_VISIT), EventKind.VISIT)
    assert visit.agent is not None and visit.agent.name == "Nancy Pelosi"
    assert [t.name for t in visit.targets] == ["Taiwan"]
    assert visit.date.timex == "2022"


def test_weekday_misparsed_as_indirect_object_dates_the_event(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*SAID_FRIDAY_AS_IOBJ), EventKind.STATEMENT)
    assert said.date.text == "Friday"
    assert said.date.basis is not DateBasis.PUBLICATION


def test_clock_time_next_to_the_day_gives_the_time(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*MET_AT_TEN_ON_FRIDAY), EventKind.MEETING)
    assert meeting.date.value == dt.date(2024, 4, 26)
    assert meeting.date.time == dt.time(10, 0)
    assert meeting.date.timex == "2024-04-26T10:00"
    assert meeting.date.text == "10 a.m. on Friday"
    assert meeting.date.span.start == MET_AT_TEN_ON_FRIDAY[0].index("10 a.m.")


def test_a_number_next_to_the_day_is_no_clock_time(rules) -> None:  # type: ignore[no-untyped-def]
    text, rows = MET_AT_TEN_ON_FRIDAY
    meeting = only(rules(text.replace("a.m.", "men"), rows.replace("a.m. a.m.", "men man")),
                   EventKind.MEETING)
    assert meeting.date.text == "Friday"
    assert meeting.date.time is None
    assert meeting.date.timex == "2024-04-26"


def test_a_hyphen_inside_a_name_joins_it(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*SADR_MET_SISTANI), EventKind.MEETING)
    assert meeting.agent.name == "Muqtada al-Sadr"
    assert [t.name for t in meeting.targets] == ["Ali al-Sistani"]
    # spaced, it is a dash between two names, not one name
    text, rows = SADR_MET_SISTANI
    spaced = only(rules(text.replace("al-Sistani", "al - Sistani"), rows), EventKind.MEETING)
    assert [t.name for t in spaced.targets] == ["Ali al"]


def test_a_time_the_event_is_after_is_not_its_date(rules) -> None:  # type: ignore[no-untyped-def]
    statement = only(rules(*ANNOUNCED_AFTER_A_WEEKEND), EventKind.STATEMENT)
    assert statement.date.basis is DateBasis.PUBLICATION
    assert statement.date.timex == "2024-04-26"
    # without "after", the weekend is its date
    text, rows = ANNOUNCED_AFTER_A_WEEKEND
    during = only(
        rules(text.replace("after", "over"), rows.replace("after after", "over over")),
        EventKind.STATEMENT,
    )
    assert during.date.timex == "2024-W16-WE"


def test_possessive_pronoun_agent_of_noun_visit(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*CAPPED), EventKind.VISIT)
    assert visit.agent.text == "his"
    assert visit.agent.name == "Antony Blinken"
    assert [t.name for t in visit.targets] == ["Beijing"]
    assert visit.location is not None and visit.location.country == "CHN"


def test_title_gives_role_and_country(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*CAPPED), EventKind.MEETING)
    xi = meeting.targets[0]
    assert xi.role == "President"
    assert xi.country == "CHN"
    assert xi.code == "CHNGOV"
    assert meeting.agent.role == "Secretary of State"
    assert meeting.agent.code == "USAGOV"


def test_earlier_friday_is_publication_day(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*MET_WHO_WARNED), EventKind.MEETING)
    assert meeting.agent.name == "Blinken"
    assert [t.name for t in meeting.targets] == ["Wang Yi"]
    assert meeting.date.value == dt.date(2024, 4, 26)
    assert meeting.date.precision is Precision.DAY
    assert "Friday" in meeting.date.text


def test_relative_clause_agent_and_inherited_date(rules) -> None:  # type: ignore[no-untyped-def]
    warning = only(rules(*MET_WHO_WARNED), EventKind.WARNING)
    assert warning.agent.name == "Wang Yi"
    assert warning.agent.role == "Foreign Minister"
    assert warning.date.value == dt.date(2024, 4, 26)
    assert warning.date.basis is DateBasis.INHERITED


def test_date_inherited_from_anchoring_before_clause(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*SIGNED_BEFORE)
    signing = only(events, EventKind.BILL_SIGNING)
    assert signing.agent.name == "Joe Biden"
    assert signing.topic == "a bipartisan bill"
    assert signing.date.value == dt.date(2024, 4, 24)
    assert signing.date.basis is DateBasis.INHERITED
    assert signing.cameo == "057"


def test_arrive_in_is_a_dated_visit(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*SIGNED_BEFORE), EventKind.VISIT)
    assert visit.agent.name == "Blinken"
    assert [t.name for t in visit.targets] == ["China"]
    assert visit.date.timex == "2024-04-24"
    assert visit.date.basis is DateBasis.RELATIVE


def test_warning_object_target_and_coordinated_promise(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*US_WARNED)
    warning = only(events, EventKind.WARNING)
    assert warning.agent.name == "United States"
    assert warning.agent.country == "USA"
    assert [t.name for t in warning.targets] == ["China"]
    assert warning.date.basis is DateBasis.PUBLICATION
    promise = only(events, EventKind.PROMISE)
    assert promise.agent.name == "United States"


def test_passive_by_agent(rules) -> None:  # type: ignore[no-untyped-def]
    signing = only(rules(*PASSIVE), EventKind.BILL_SIGNING)
    assert signing.agent.name == "Biden"
    assert signing.targets == ()
    assert signing.date.value == dt.date(2024, 4, 22)  # the Monday before Friday 26th


def test_coordinated_subjects_meet_each_other(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*COORDINATED), EventKind.MEETING)
    assert meeting.agent.name == "Xi"
    assert [t.name for t in meeting.targets] == ["Blinken"]
    assert meeting.location is not None and meeting.location.name == "Beijing"


def test_possessive_name_agent_and_year_precision(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*PELOSI), EventKind.VISIT)
    assert visit.agent.name == "Nancy Pelosi"
    assert visit.agent.role == "House Speaker"
    assert [t.name for t in visit.targets] == ["Taiwan"]
    assert visit.date.timex == "2022"
    assert visit.date.precision is Precision.YEAR


def test_noun_talks_takes_governing_subject_and_no_duration_date(rules) -> None:  # type: ignore[no-untyped-def]
    talks = only(rules(*TALKS), EventKind.MEETING)
    assert talks.trigger.text == "talks"
    assert talks.agent.name == "Blinken"
    assert talks.date.basis is DateBasis.PUBLICATION
    assert talks.date.text is None


def test_light_verb_hold_talks(rules) -> None:  # type: ignore[no-untyped-def]
    talks = only(rules(*HELD_TALKS), EventKind.MEETING)
    assert talks.agent.name == "Putin"
    assert [t.name for t in talks.targets] == ["Modi"]
    assert "held" in talks.explanation


def test_sentence_without_trigger_gives_nothing(rules) -> None:  # type: ignore[no-untyped-def]
    assert rules(*NO_EVENT) == []


def test_inanimate_agents_do_not_threaten(rules) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in rules(*INANIMATE_THREAT) if e.kind is EventKind.THREAT] == []


def test_negated_aid(rules) -> None:  # type: ignore[no-untyped-def]
    aid = only(rules(*NEGATED_AID), EventKind.AID)
    assert aid.negated
    assert aid.agent.name == "China"
    assert [t.name for t in aid.targets] == ["Russia"]


def test_date_of_reporting_clause_does_not_date_the_event(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*REPORTED), EventKind.VISIT)
    assert visit.date.basis is DateBasis.PUBLICATION
    assert visit.date.value == dt.date(2024, 4, 26)
    statement = only(rules(*REPORTED), EventKind.STATEMENT)
    assert statement.date.value == dt.date(2024, 4, 22)


def test_intended_ban_is_hypothetical(rules) -> None:  # type: ignore[no-untyped-def]
    ban = only(rules(*TIKTOK), EventKind.SANCTION)
    assert ban.hypothetical
    assert [t.name for t in ban.targets] == ["TikTok"]


def test_sign_needs_a_bill(rules) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in rules(*SIGNED_NO_BILL) if e.kind is EventKind.BILL_SIGNING] == []


def test_no_publication_date_leaves_relative_dates_unresolved(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*CAPPED, published=None), EventKind.MEETING)
    assert meeting.date is None


def test_spans_point_into_the_text(rules) -> None:  # type: ignore[no-untyped-def]
    for text, rows in (CAPPED, MET_WHO_WARNED, SIGNED_BEFORE, PELOSI, TALKS):
        for e in rules(text, rows):
            spans = [e.trigger, e.sentence] + [a.span for a in (e.agent, *e.targets) if a]
            for span in spans:
                assert text[span.start : span.end] == span.text


RELATIVE_OBJECT = (
    "Taiwan, which the United States is arming, protested.",
    """
Taiwan Taiwan PROPN 10 nsubj
, , PUNCT 8 punct
which which PRON 8 obj PronType=Rel
the the DET 6 det
United United PROPN 6 compound
States States PROPN 8 nsubj
is be AUX 8 aux
arming arm VERB 1 acl:relcl Tense=Pres|VerbForm=Part
, , PUNCT 8 punct
protested protest VERB 0 root Tense=Past
. . PUNCT 10 punct
""",
)


def test_relative_pronoun_object_is_the_modified_noun(rules) -> None:  # type: ignore[no-untyped-def]
    aid = only(rules(*RELATIVE_OBJECT), EventKind.AID)
    assert aid.agent.name == "United States"
    assert [t.name for t in aid.targets] == ["Taiwan"]
    assert aid.cameo == "072"


TWO_SIDES = (
    "The United States and China held talks. The two sides agreed to meet again.",
    """
The the DET 3 det
United United PROPN 3 compound
States States PROPN 6 nsubj
and and CCONJ 5 cc
China China PROPN 3 conj
held hold VERB 0 root Tense=Past
talks talk NOUN 6 obj Number=Plur
. . PUNCT 6 punct

The the DET 3 det
two two NUM 3 nummod
sides side NOUN 4 nsubj Number=Plur
agreed agree VERB 0 root Tense=Past
to to PART 6 mark
meet meet VERB 4 xcomp
again again ADV 6 advmod
. . PUNCT 4 punct
""",
)


def test_the_two_sides_are_the_two_countries_in_focus(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*TWO_SIDES)
    held = [e for e in events if e.trigger.text == "talks"]
    assert held[0].agent.name == "United States"
    assert [t.name for t in held[0].targets] == ["China"]
    # a symmetric event: one side is the agent, the other its target
    agreement = only(events, EventKind.AGREEMENT)
    assert (agreement.agent.name, agreement.agent.code) == ("United States", "USA")
    assert [(t.name, t.code, t.text) for t in agreement.targets] == [
        ("China", "CHN", "two sides")
    ]
    meet = next(e for e in events if e.trigger.text == "meet")
    assert meet.hypothetical
    assert [meet.agent.name, *(t.name for t in meet.targets)] == ["United States", "China"]


TWO_SIDES_AFTER_PEOPLE = (
    "Blinken met Xi about Russia. The two sides said they disagree.",
    """
Blinken Blinken PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Xi Xi PROPN 2 obj
about about ADP 5 case
Russia Russia PROPN 2 obl
. . PUNCT 2 punct

The the DET 3 det
two two NUM 3 nummod
sides side NOUN 4 nsubj Number=Plur
said say VERB 0 root Tense=Past
they they PRON 6 nsubj
disagree disagree VERB 4 ccomp
. . PUNCT 4 punct
""",
)


def test_the_two_sides_count_people_for_their_countries(rules) -> None:  # type: ignore[no-untyped-def]
    """Russia is named last, but the two sides are the countries of the two people."""
    events = rules(
        "US Secretary of State Antony Blinken and Chinese President Xi Jinping spoke. "
        + TWO_SIDES_AFTER_PEOPLE[0],
        """
US US PROPN 5 compound
Secretary Secretary PROPN 5 compound
of of ADP 4 case
State State PROPN 2 nmod
Antony Antony PROPN 6 compound
Blinken Blinken PROPN 13 nsubj
and and CCONJ 12 cc
Chinese Chinese ADJ 9 amod
President President PROPN 12 compound
Xi Xi PROPN 12 compound
Jinping Jinping PROPN 6 conj
spoke speak VERB 0 root Tense=Past
. . PUNCT 13 punct
"""
        + TWO_SIDES_AFTER_PEOPLE[1],
    )
    said = [e for e in events if e.kind is EventKind.STATEMENT]
    assert sorted(e.agent.name for e in said) == ["China", "United States"]


def test_a_single_named_country_is_no_pair(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*TWO_SIDES_AFTER_PEOPLE)
    said = only(events, EventKind.STATEMENT)
    assert said.agent.name.endswith("two sides")
    assert said.agent.country is None


REPORTED_I = (
    "Xi told Blinken that ties matter. I proposed three principles. "
    "These are lessons, he said.",
    """
Xi Xi PROPN 2 nsubj
told tell VERB 0 root Tense=Past
Blinken Blinken PROPN 2 iobj
that that SCONJ 6 mark
ties tie NOUN 6 nsubj Number=Plur
matter matter VERB 2 ccomp
. . PUNCT 2 punct

I I PRON 2 nsubj
proposed propose VERB 0 root Tense=Past
three three NUM 5 nummod
principles principle NOUN 2 obj Number=Plur
. . PUNCT 2 punct

These this PRON 3 nsubj
are be AUX 3 cop
lessons lesson NOUN 0 root Number=Plur
, , PUNCT 6 punct
he he PRON 6 nsubj
said say VERB 3 parataxis Tense=Past
. . PUNCT 3 punct
""",
)


def test_first_person_in_reported_speech_is_the_speaker(rules) -> None:  # type: ignore[no-untyped-def]
    proposal = only(rules(*REPORTED_I), EventKind.PROPOSAL)
    assert proposal.agent.text == "I"
    assert proposal.agent.name == "Xi"
    assert proposal.agent.span.text == "I"


def test_a_writers_own_i_gives_no_event(rules) -> None:  # type: ignore[no-untyped-def]
    """Without an attribution after it, "I" is the writer: commentary, no event."""
    text, conllu = REPORTED_I
    cut = conllu.index("These")
    events = rules(text[: text.index("These")].strip(), conllu[:cut])
    assert not [e for e in events if e.kind is EventKind.PROPOSAL]
    assert [e.agent.name for e in events if e.kind is EventKind.STATEMENT] == ["Xi"]


QUOTED_I = (
    '"I proposed a truce," Wang said.',
    """
" " PUNCT 3 punct
I I PRON 3 nsubj
proposed propose VERB 8 ccomp Tense=Past
a a DET 5 det
truce truce NOUN 3 obj
, , PUNCT 3 punct
" " PUNCT 3 punct
Wang Wang PROPN 9 nsubj
said say VERB 0 root Tense=Past
. . PUNCT 9 punct
""",
)


def test_quoted_first_person_is_the_speaker(rules) -> None:  # type: ignore[no-untyped-def]
    proposal = only(rules(*QUOTED_I), EventKind.PROPOSAL)
    assert proposal.agent.name == "Wang"


QUOTED_WE = (
    '"We reject the proposal," the Russian foreign minister said.',
    """
" " PUNCT 3 punct
We we PRON 3 nsubj
reject reject VERB 12 ccomp Tense=Pres
the the DET 5 det
proposal proposal NOUN 3 obj
, , PUNCT 3 punct
" " PUNCT 3 punct
the the DET 11 det
Russian Russian ADJ 11 amod
foreign foreign ADJ 11 amod
minister minister NOUN 12 nsubj
said say VERB 0 root Tense=Past
. . PUNCT 12 punct
""",
)


def test_a_quoted_we_is_the_speakers_side(rules) -> None:  # type: ignore[no-untyped-def]
    rejection = only(rules(*QUOTED_WE), EventKind.REJECTION)
    assert rejection.agent.text == "We"
    assert (rejection.agent.role, rejection.agent.country) == ("Foreign Minister", "RUS")
    assert rejection.not_political is None


MISPARSED_MET = (
    "Blinken met earlier Friday with Chinese Foreign Minister Wang Yi, who warned that "
    "their countries could clash.",
    """
Blinken Blinken PROPN 2 nsubj
met meet VERB 0 root Tense=Past
earlier early ADV 4 compound
Friday Friday PROPN 2 obj
with with ADP 8 case
Chinese Chinese ADJ 8 compound
Foreign Foreign ADJ 9 compound
Minister Minister PROPN 9 compound
Wang Wang PROPN 10 compound
Yi Yi PROPN 4 nmod
, , PUNCT 13 punct
who who PRON 13 nsubj PronType=Rel
warned warn VERB 2 conj Tense=Past
that that SCONJ 18 mark
their their PRON 16 nmod:poss
countries country NOUN 18 nsubj
could could AUX 18 aux
clash clash VERB 13 ccomp
. . PUNCT 2 punct
""",
)


def test_fallbacks_survive_a_misparse(rules) -> None:  # type: ignore[no-untyped-def]
    """A parse as a small model gives it: Friday as object, the relative clause as conj."""
    events = rules(*MISPARSED_MET)
    meeting = only(events, EventKind.MEETING)
    assert meeting.agent.name == "Blinken"
    assert [t.name for t in meeting.targets] == ["Wang Yi"]  # read off "with ..."
    assert meeting.date.timex == "2024-04-26"
    assert meeting.date.text == "earlier Friday"
    warning = only(events, EventKind.WARNING)
    assert warning.agent.name == "Wang Yi"  # the noun the relative pronoun follows


FOUNDATION = (
    "Buffett gave to the Gates Foundation. He said it was rational.",
    """
Buffett Buffett PROPN 2 nsubj
gave give VERB 0 root Tense=Past
to to ADP 6 case
the the DET 6 det
Gates Gates PROPN 6 compound
Foundation Foundation PROPN 2 obl
. . PUNCT 2 punct

He he PRON 2 nsubj
said say VERB 0 root Tense=Past
it it PRON 5 nsubj
was be AUX 5 cop
rational rational ADJ 2 ccomp
. . PUNCT 2 punct
""",
)


def test_he_is_no_foundation(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*FOUNDATION), EventKind.STATEMENT)
    assert said.agent.name == "Buffett"


TRAILING_ADDED = (
    '"We expect more," Griffin added.',
    """
" " PUNCT 3 punct
We we PRON 3 nsubj
expect expect VERB 0 root Tense=Pres
more more ADJ 3 obj
, , PUNCT 3 punct
" " PUNCT 3 punct
Griffin Griffin PROPN 8 nsubj
added add VERB 3 parataxis Tense=Past
. . PUNCT 3 punct
""",
)


def test_trailing_attribution_with_add_is_a_statement(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*TRAILING_ADDED), EventKind.STATEMENT)
    assert said.agent.name == "Griffin"
    assert said.trigger.text == "added"


def test_add_with_an_object_is_no_statement(rules) -> None:  # type: ignore[no-untyped-def]
    text = "Google grew, and Brin added features."
    rows = """
Google Google PROPN 2 nsubj
grew grow VERB 0 root Tense=Past
, , PUNCT 6 punct
and and CCONJ 6 cc
Brin Brin PROPN 6 nsubj
added add VERB 2 parataxis Tense=Past
features feature NOUN 6 obj Number=Plur
. . PUNCT 2 punct
"""
    assert not [e for e in rules(text, rows) if e.kind is EventKind.STATEMENT]


SIGNED_LETTER = (
    "The letter, signed by Griffin, said NASA will build it.",
    """
The the DET 2 det
letter letter NOUN 8 nsubj
, , PUNCT 4 punct
signed sign VERB 2 acl Tense=Past|VerbForm=Part
by by ADP 6 case
Griffin Griffin PROPN 4 obl:agent
, , PUNCT 4 punct
said say VERB 0 root Tense=Past
NASA NASA PROPN 11 nsubj
will will AUX 11 aux
build build VERB 8 ccomp
it it PRON 11 obj
. . PUNCT 8 punct
""",
)


def test_a_document_speaks_for_its_signatory(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*SIGNED_LETTER)
    said = only(events, EventKind.STATEMENT)
    assert said.agent.name == "Griffin"
    assert said.agent.text == "Griffin"
    # "signed" a letter is neither a bill signing nor an agreement
    assert [e.kind for e in events] == [EventKind.STATEMENT]


def test_a_document_speaks_for_its_possessor(rules) -> None:  # type: ignore[no-untyped-def]
    text = "Edwards' campaign literature said he backs it."
    rows = """
Edwards Edwards PROPN 4 nmod:poss
' ' PART 1 case
campaign campaign NOUN 4 compound
literature literature NOUN 5 nsubj
said say VERB 0 root Tense=Past
he he PRON 7 nsubj
backs back VERB 5 ccomp Tense=Pres
it it PRON 7 obj
. . PUNCT 5 punct
"""
    assert only(rules(text, rows), EventKind.STATEMENT).agent.name == "Edwards"


def test_an_unattributed_document_is_no_speaker(rules) -> None:  # type: ignore[no-untyped-def]
    text = "The statement said talks will resume."
    rows = """
The the DET 2 det
statement statement NOUN 3 nsubj
said say VERB 0 root Tense=Past
talks talk NOUN 6 nsubj Number=Plur
will will AUX 6 aux
resume resume VERB 3 ccomp
. . PUNCT 3 punct
"""
    assert not [e for e in rules(text, rows) if e.kind is EventKind.STATEMENT]


INVERTED = (
    '"They must go," says a Pakistani official.',
    """
" " PUNCT 4 punct
They they PRON 4 nsubj
must must AUX 4 aux
go go VERB 0 root
, , PUNCT 4 punct
" " PUNCT 4 punct
says say VERB 4 parataxis Tense=Pres
a a DET 10 det
Pakistani Pakistani ADJ 10 amod
official official NOUN 7 obj
. . PUNCT 4 punct
""",
)


def test_inverted_attribution_speaker_even_when_misparsed(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*INVERTED), EventKind.STATEMENT)
    assert said.agent.text == "Pakistani official"
    assert said.agent.country == "PAK"


PASSIVE_SAID = (
    "Egypt convinced Hamas, but the same can not be said of Jihad.",
    """
Egypt Egypt PROPN 2 nsubj
convinced convince VERB 0 root Tense=Past
Hamas Hamas PROPN 2 obj
, , PUNCT 11 punct
but but CCONJ 11 cc
the the DET 7 det
same same ADJ 11 nsubj
can can AUX 11 aux
not not PART 11 advmod
be be AUX 11 aux
said say VERB 2 conj Tense=Past|VerbForm=Part
of of ADP 13 case
Jihad Jihad PROPN 11 obl
. . PUNCT 2 punct
""",
)


def test_an_agentless_passive_borrows_no_subject(rules) -> None:  # type: ignore[no-untyped-def]
    """The parse lost "aux:pass"; the surface still shows a passive."""
    text, rows = PASSIVE_SAID
    assert not [e for e in rules(text, rows) if e.kind is EventKind.STATEMENT]


def test_tell_needs_an_addressee(rules) -> None:  # type: ignore[no-untyped-def]
    text = "He couldn't tell when things got worse."
    rows = """
He he PRON 4 nsubj
could could AUX 4 aux
n't not PART 4 advmod
tell tell VERB 0 root
when when ADV 7 advmod
things thing NOUN 7 nsubj Number=Plur
got get VERB 4 ccomp Tense=Past
worse bad ADJ 7 xcomp
. . PUNCT 4 punct
"""
    assert not rules(text, rows)


def test_an_article_speaks_for_its_publication(rules) -> None:  # type: ignore[no-untyped-def]
    text = "An article in Time accused Iran."
    rows = """
An a DET 2 det
article article NOUN 5 nsubj
in in ADP 4 case
Time Time PROPN 2 nmod
accused accuse VERB 0 root Tense=Past
Iran Iran PROPN 5 obj
. . PUNCT 5 punct
"""
    accused = only(rules(text, rows), EventKind.ACCUSATION)
    assert accused.agent.name == "Time"
    assert [t.name for t in accused.targets] == ["Iran"]


EPISODE_ROWS = """
Xi Xi PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Blinken Blinken PROPN 2 obj
on on ADP 5 case
Wednesday Wednesday PROPN 2 obl
. . PUNCT 2 punct

Wang Wang PROPN 2 nsubj
said say VERB 0 root Tense=Past
ties tie NOUN 4 nsubj Number=Plur
improved improve VERB 2 ccomp Tense=Past
. . PUNCT 2 punct

The the DET 2 det
meeting meeting NOUN 3 nsubj
ended end VERB 0 root Tense=Past
. . PUNCT 3 punct
"""


def test_a_past_event_continues_the_paragraphs_day(rules) -> None:  # type: ignore[no-untyped-def]
    text = "Xi met Blinken on Wednesday. Wang said ties improved. The meeting ended."
    events = rules(text, EPISODE_ROWS)
    said = only(events, EventKind.STATEMENT)
    assert (said.date.timex, said.date.basis) == ("2024-04-24", DateBasis.INHERITED)
    assert said.date.text == "Wednesday"
    # "the meeting" mentions the Wednesday meeting again
    again = [e for e in events if e.trigger.text == "meeting"]
    assert [(e.date.timex, e.date.basis) for e in again] == [("2024-04-24", DateBasis.INHERITED)]


def test_a_new_paragraph_or_present_tense_starts_afresh(rules) -> None:  # type: ignore[no-untyped-def]
    # (a day more than a week before the dateline: not the news day of the lead)
    earlier = EPISODE_ROWS.replace(
        "Wednesday Wednesday PROPN 2 obl\n", "April April PROPN 2 obl\n10 10 NUM 5 nummod\n"
    )
    text = "Xi met Blinken on April 10.\n\nWang said ties improved. The meeting ended."
    said = only(rules(text, earlier), EventKind.STATEMENT)
    assert said.date.basis is DateBasis.PUBLICATION
    # the same paragraph continues that day
    text = "Xi met Blinken on April 10. Wang said ties improved. The meeting ended."
    said = only(rules(text, earlier), EventKind.STATEMENT)
    assert (said.date.timex, said.date.basis) == ("2024-04-10", DateBasis.INHERITED)
    present = EPISODE_ROWS.replace(
        "said say VERB 0 root Tense=Past", "says say VERB 0 root Tense=Pres"
    )
    text = "Xi met Blinken on Wednesday. Wang says ties improved. The meeting ended."
    says = only(rules(text, present), EventKind.STATEMENT)
    assert says.date.basis is DateBasis.PUBLICATION


def test_a_noun_with_a_subject_is_a_mistagged_verb(rules) -> None:  # type: ignore[no-untyped-def]
    text = "The hymn talks about service."
    rows = """
The the DET 2 det
hymn hymn NOUN 3 nsubj
talks talk NOUN 0 root Number=Plur
about about ADP 5 case
service service NOUN 3 nmod
. . PUNCT 3 punct
"""
    assert not rules(text, rows)
    copula = """
These this PRON 3 nsubj
are be AUX 3 cop
talks talk NOUN 0 root Number=Plur
. . PUNCT 3 punct
"""
    assert [e.kind for e in rules("These are talks.", copula)] == [EventKind.MEETING]


def test_a_role_noun_keeps_the_name_in_apposition(rules) -> None:  # type: ignore[no-untyped-def]
    text = "The former Iraqi leader Saddam Hussein is refusing to enter."
    rows = """
The the DET 4 det
former former ADJ 4 amod
Iraqi Iraqi ADJ 4 amod
leader leader NOUN 8 nsubj
Saddam Saddam PROPN 4 appos
Hussein Hussein PROPN 5 flat
is be AUX 8 aux
refusing refuse VERB 0 root VerbForm=Ger
to to PART 10 mark
enter enter VERB 8 xcomp
. . PUNCT 8 punct
"""
    refusal = only(rules(text, rows), EventKind.REJECTION)
    assert refusal.agent.name == "Saddam Hussein"
    assert refusal.agent.text == "former Iraqi leader Saddam Hussein"
    assert (refusal.agent.country, refusal.agent.role) == ("IRQ", "former Leader")


def test_a_role_noun_and_a_name_both_parsed_as_subjects(rules) -> None:  # type: ignore[no-untyped-def]
    text = "The former Iraqi leader Saddam Hussein is refusing to enter."
    rows = """
The the DET 4 det
former former ADJ 4 amod
Iraqi Iraqi ADJ 4 amod
leader leader NOUN 8 nsubj
Saddam Saddam PROPN 6 compound
Hussein Hussein PROPN 8 nsubj
is be AUX 8 aux
refusing refuse VERB 0 root VerbForm=Ger
to to PART 10 mark
enter enter VERB 8 xcomp
. . PUNCT 8 punct
"""
    refusal = only(rules(text, rows), EventKind.REJECTION)
    assert refusal.agent.name == "Saddam Hussein"
    assert refusal.agent.role == "former Leader"


def test_worked_out_a_deal_is_an_agreement(rules) -> None:  # type: ignore[no-untyped-def]
    text = "Clinton had worked out a deal with Sharif."
    rows = """
Clinton Clinton PROPN 3 nsubj
had have AUX 3 aux
worked work VERB 0 root Tense=Past|VerbForm=Part
out out ADP 3 compound:prt
a a DET 6 det
deal deal NOUN 3 obj
with with ADP 8 case
Sharif Sharif PROPN 3 obl
. . PUNCT 3 punct
"""
    deal = only(rules(text, rows), EventKind.AGREEMENT)
    assert deal.agent.name == "Clinton"
    assert [t.name for t in deal.targets] == ["Sharif"]


WOULD_NOT_RESTRICT = (
    "China would not restrict trade, also stressing that the war continues.",
    """
China China PROPN 4 nsubj
would would AUX 4 aux
not not PART 4 advmod
restrict restrict VERB 0 root
trade trade NOUN 4 obj
, , PUNCT 8 punct
also also ADV 8 advmod
stressing stress VERB 4 conj VerbForm=Ger
that that SCONJ 12 mark
the the DET 11 det
war war NOUN 12 nsubj
continues continue VERB 8 ccomp
. . PUNCT 4 punct
""",
)


def test_an_ing_conjunct_does_not_share_the_modal(rules) -> None:  # type: ignore[no-untyped-def]
    stressing = only(rules(*WOULD_NOT_RESTRICT), EventKind.STATEMENT)
    assert stressing.trigger.text == "stressing"
    assert stressing.agent is not None and stressing.agent.name == "China"
    assert not stressing.hypothetical


# "He" after a name with an apposition: the name is a subject though its verb
# comes after the second comma, so it wins over the later object.
APPOSITION_THEN_HE = (
    "Masoud Shojai, head of the fair, thanked Ali Reza. He said the fair would go on.",
    """
Masoud Masoud PROPN 8 nsubj
Shojai Shojai PROPN 1 flat
, , PUNCT 4 punct
head head NOUN 1 appos
of of ADP 7 case
the the DET 7 det
fair fair NOUN 4 nmod
, , PUNCT 4 punct
thanked thank VERB 0 root Tense=Past
Ali Ali PROPN 9 obj
Reza Reza PROPN 10 flat
. . PUNCT 9 punct

He he PRON 2 nsubj
said say VERB 0 root Tense=Past
the the DET 4 det
fair fair NOUN 6 nsubj
would would AUX 6 aux
go go VERB 2 ccomp
on on ADP 6 compound:prt
. . PUNCT 2 punct
""",
)


def test_a_name_before_its_apposition_and_verb_is_a_subject_for_he(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*APPOSITION_THEN_HE), EventKind.STATEMENT)
    assert said.agent.text == "He"
    assert said.agent.name == "Masoud Shojai"


# "He" outside quotation marks is not a name inside them: the speaker of
# '"Ali Reza is a friend," he said' is not Ali Reza.
QUOTED_NAME_THEN_HE = (
    'Masoud Shojai spoke. "Ali Reza is a friend," he said.',
    """
Masoud Masoud PROPN 3 nsubj
Shojai Shojai PROPN 1 flat
spoke speak VERB 0 root Tense=Past
. . PUNCT 3 punct

" " PUNCT 5 punct
Ali Ali PROPN 5 nsubj
Reza Reza PROPN 2 flat
is be AUX 5 cop
a a DET 5 det
friend friend NOUN 0 root
, , PUNCT 5 punct
" " PUNCT 5 punct
he he PRON 10 nsubj
said say VERB 5 parataxis Tense=Past
. . PUNCT 5 punct
""",
)


def test_he_outside_quotation_marks_is_not_a_name_inside_them(rules) -> None:  # type: ignore[no-untyped-def]
    said = [e for e in rules(*QUOTED_NAME_THEN_HE) if e.trigger.text == "said"]
    assert [e.agent.name for e in said] == ["Masoud Shojai"]


ACRONYM = (
    "The Association of Muslim Scholars met in Baghdad. The AMS said it would boycott the vote.",
    """
The the DET 2 det
Association Association PROPN 6 nsubj
of of ADP 5 case
Muslim Muslim PROPN 5 amod
Scholars Scholars PROPN 2 nmod
met meet VERB 0 root Tense=Past
in in ADP 8 case
Baghdad Baghdad PROPN 6 obl
. . PUNCT 6 punct

The the DET 2 det
AMS AMS PROPN 3 nsubj
said say VERB 0 root Tense=Past
it it PRON 6 nsubj
would would AUX 6 aux
boycott boycott VERB 3 ccomp
the the DET 8 det
vote vote NOUN 6 obj
. . PUNCT 3 punct
""",
)


def test_an_acronym_is_the_name_it_abbreviates(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*ACRONYM), EventKind.STATEMENT)
    assert said.agent.text == "AMS"
    assert said.agent.name == "Association of Muslim Scholars"


def test_an_acronym_the_text_does_not_spell_out_stays_as_written(rules) -> None:  # type: ignore[no-untyped-def]
    text, rows = ACRONYM
    text = text.replace("Association of Muslim Scholars", "Association of Iraqi Clerics")
    rows = rows.replace("Muslim Muslim", "Iraqi Iraqi")
    rows = rows.replace("Scholars Scholars", "Clerics Clerics")
    said = only(rules(text, rows), EventKind.STATEMENT)
    assert said.agent.name == "AMS"


# '"...," NAME, TITLE, said': the parser hangs the name on the quoted verb
# (as the bundled one does here), leaving "said" without a subject.
QUOTE_NAME_APPOSITION_SAID = (
    '"We will fight," John Smith, the mayor, said on Monday.',
    """
" " PUNCT 4 punct
We we PRON 4 nsubj
will will AUX 4 aux
fight fight VERB 13 ccomp
, , PUNCT 7 punct
" " PUNCT 7 punct
John John PROPN 4 nsubj
Smith Smith PROPN 7 flat
, , PUNCT 11 punct
the the DET 11 det
mayor mayor NOUN 7 appos
, , PUNCT 4 punct
said say VERB 0 root Tense=Past
on on ADP 15 case
Monday Monday PROPN 13 obl
. . PUNCT 13 punct
""",
)


def test_the_name_after_a_quotation_speaks_its_said(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*QUOTE_NAME_APPOSITION_SAID), EventKind.STATEMENT)
    assert said.agent.name == "John Smith"
    assert said.date.timex == "2024-04-22"


def test_an_aside_between_the_name_and_said_is_passed_over(rules) -> None:  # type: ignore[no-untyped-def]
    """'"...," John Smith, who leads the city, said': still John Smith."""
    text, rows = QUOTE_NAME_APPOSITION_SAID
    rows = rows.replace("mayor mayor NOUN 7 appos", "mayor mayor VERB 7 acl:relcl")
    said = only(rules(text, rows), EventKind.STATEMENT)
    assert said.agent.name == "John Smith"


def test_without_a_quotation_end_before_it_the_name_is_not_taken(rules) -> None:  # type: ignore[no-untyped-def]
    """No '," ' before the name: nothing says the name introduces a quotation."""
    text, rows = QUOTE_NAME_APPOSITION_SAID
    text = text.replace('fight,"', 'fight;"')
    rows = rows.replace(", , PUNCT 7 punct\n", "; ; PUNCT 7 punct\n", 1)
    assert 'fight;"' in text and "; ; PUNCT" in rows
    assert not [e for e in rules(text, rows) if e.kind is EventKind.STATEMENT]


def test_told_with_no_subject_is_not_told_by_its_addressee(rules) -> None:  # type: ignore[no-untyped-def]
    """'"...," Erdogan, speaking after prayers, told journalists': not the journalists."""
    said = only(rules(*ASIDE_TOLD), EventKind.STATEMENT)
    assert said.agent.name == "Recep Tayyip Erdogan"
    assert [t.name for t in said.targets] == ["journalists"]


# As the bundled parser reads it: the name a conjunct of the quoted
# predicate, "told" without a subject.
ASIDE_TOLD = (
    '"It is unacceptable," Recep Tayyip Erdogan, speaking after prayers, told journalists.',
    """
" " PUNCT 4 punct
It it PRON 4 nsubj
is be AUX 4 cop
unacceptable unacceptable ADJ 15 ccomp
, , PUNCT 4 punct
" " PUNCT 7 punct
Recep Recep PROPN 4 conj
Tayyip Tayyip PROPN 7 flat
Erdogan Erdogan PROPN 7 flat
, , PUNCT 11 punct
speaking speak VERB 4 conj VerbForm=Ger
after after ADP 13 case
prayers prayer NOUN 11 obl
, , PUNCT 4 punct
told tell VERB 0 root Tense=Past
journalists journalist NOUN 15 iobj
. . PUNCT 15 punct
""",
)


TITLE_COMMA_NAME = (
    "Russia's foreign minister, Sergei Lavrov, said on Tuesday that Moscow was ready.",
    """
Russia Russia PROPN 4 nmod:poss
's 's PART 1 case
foreign foreign ADJ 4 amod
minister minister NOUN 9 nsubj
, , PUNCT 6 punct
Sergei Sergei PROPN 4 appos
Lavrov Lavrov PROPN 6 flat
, , PUNCT 4 punct
said say VERB 0 root Tense=Past
on on ADP 11 case
Tuesday Tuesday PROPN 9 obl
that that SCONJ 15 mark
Moscow Moscow PROPN 15 nsubj
was be AUX 15 cop
ready ready ADJ 9 ccomp
. . PUNCT 9 punct
""",
)


def test_a_name_set_off_after_a_title_is_the_actor(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*TITLE_COMMA_NAME), EventKind.STATEMENT)
    assert said.agent.name == "Sergei Lavrov"
    assert said.agent.role == "Foreign Minister"
    assert said.agent.country == "RUS"
    assert said.agent.span.text == "Russia's foreign minister, Sergei Lavrov"


def test_a_name_parsed_as_a_conjunct_without_and_is_an_apposition(rules) -> None:  # type: ignore[no-untyped-def]
    text, rows = TITLE_COMMA_NAME
    said = only(rules(text, rows.replace("PROPN 4 appos", "PROPN 4 conj")), EventKind.STATEMENT)
    assert said.agent.name == "Sergei Lavrov"


AND_NAME = (
    "The foreign minister, and Sergei Lavrov, said that Moscow was ready.",
    """
The the DET 3 det
foreign foreign ADJ 3 amod
minister minister NOUN 9 nsubj
, , PUNCT 6 punct
and and CCONJ 6 cc
Sergei Sergei PROPN 3 conj
Lavrov Lavrov PROPN 6 flat
, , PUNCT 3 punct
said say VERB 0 root Tense=Past
that that SCONJ 13 mark
Moscow Moscow PROPN 13 nsubj
was be AUX 13 cop
ready ready ADJ 9 ccomp
. . PUNCT 9 punct
""",
)


def test_a_conjunct_with_and_is_no_apposition(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*AND_NAME), EventKind.STATEMENT)
    assert said.agent.name == "foreign minister"


EXPECTED_TO_MEET = (
    "Blinken is expected to meet Wang Yi next week.",
    """
Blinken Blinken PROPN 3 nsubj:pass
is be AUX 3 aux:pass
expected expect VERB 0 root Tense=Pres|VerbForm=Part|Voice=Pass
to to PART 5 mark
meet meet VERB 3 xcomp VerbForm=Inf
Wang Wang PROPN 5 obj
Yi Yi PROPN 6 flat
next next ADJ 9 amod
week week NOUN 5 obl:unmarked
. . PUNCT 3 punct
""",
)


def test_the_subject_of_is_expected_to_is_who_meets(rules) -> None:  # type: ignore[no-untyped-def]
    met = only(rules(*EXPECTED_TO_MEET), EventKind.MEETING)
    assert met.agent.name == "Blinken"
    assert [t.name for t in met.targets] == ["Wang Yi"]
    assert met.hypothetical


EXPECTED_TO_BE_MET = (
    "Blinken is expected to be met at the airport.",
    """
Blinken Blinken PROPN 3 nsubj:pass
is be AUX 3 aux:pass
expected expect VERB 0 root Tense=Pres|VerbForm=Part|Voice=Pass
to to PART 6 mark
be be AUX 6 aux:pass
met meet VERB 3 xcomp Tense=Past|VerbForm=Part|Voice=Pass
at at ADP 9 case
the the DET 9 det
airport airport NOUN 6 obl
. . PUNCT 3 punct
""",
)


def test_a_passive_under_is_expected_to_has_no_raised_agent(rules) -> None:  # type: ignore[no-untyped-def]
    for event in rules(*EXPECTED_TO_BE_MET):
        assert event.agent is None or event.agent.name != "Blinken"


CALLED_ON = (
    "Erdogan called on Israel to halt its attacks.",
    """
Erdogan Erdogan PROPN 2 nsubj
called call VERB 0 root Tense=Past
on on ADP 4 case
Israel Israel PROPN 2 obl
to to PART 6 mark
halt halt VERB 2 advcl VerbForm=Inf
its its PRON 8 nmod:poss
attacks attack NOUN 6 obj
. . PUNCT 2 punct
""",
)


def test_whom_a_call_is_on_is_its_target(rules) -> None:  # type: ignore[no-untyped-def]
    request = only(rules(*CALLED_ON), EventKind.REQUEST)
    assert request.agent.name == "Erdogan"
    assert [t.name for t in request.targets] == ["Israel"]


# Wire style, with the day hung on the subject as the bundled parser does.
SUBJECT_ON_SATURDAY = (
    "Iran on Saturday denied any involvement in the attack.",
    """
Iran Iran PROPN 4 nsubj
on on ADP 3 case
Saturday Saturday PROPN 1 nmod
denied deny VERB 0 root Tense=Past
any any DET 6 det
involvement involvement NOUN 4 obj
in in ADP 9 case
the the DET 9 det
attack attack NOUN 6 nmod
. . PUNCT 4 punct
""",
)


def test_a_day_between_subject_and_verb_dates_the_event(rules) -> None:  # type: ignore[no-untyped-def]
    denial = only(rules(*SUBJECT_ON_SATURDAY), EventKind.REJECTION)
    assert denial.agent.name == "Iran"
    assert denial.date.timex == "2024-04-20"
    assert denial.date.basis is DateBasis.RELATIVE
    assert denial.date.text == "Saturday"


VON_DER_LEYEN = (
    "Ursula von der Leyen visited Kyiv.",
    """
Ursula Ursula PROPN 5 nsubj
von von ADP 4 case
der der DET 4 det
Leyen Leyen PROPN 1 flat
visited visit VERB 0 root Tense=Past
Kyiv Kyiv PROPN 5 obj
. . PUNCT 5 punct
""",
)


def test_lowercase_particles_belong_to_the_name(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*VON_DER_LEYEN), EventKind.VISIT)
    assert visit.agent.name == "Ursula von der Leyen"


def test_three_lowercase_words_end_a_name(rules) -> None:  # type: ignore[no-untyped-def]
    """At most two joiners: "Ursula of van der Leyen" is not one name."""
    text = "Ursula of van der Leyen visited Kyiv."
    rows = """
Ursula Ursula PROPN 6 nsubj
of of ADP 5 case
van van ADP 5 case
der der DET 5 det
Leyen Leyen PROPN 1 nmod
visited visit VERB 0 root Tense=Past
Kyiv Kyiv PROPN 6 obj
. . PUNCT 6 punct
"""
    visit = only(rules(text, rows), EventKind.VISIT)
    assert visit.agent.name == "Ursula"


SANCTIONS_IF = (
    "The EU will impose sanctions on Belarus if the vote is rigged, Borrell warned.",
    """
The the DET 2 det
EU EU PROPN 4 nsubj
will will AUX 4 aux
impose impose VERB 15 ccomp
sanctions sanction NOUN 4 obj Number=Plur
on on ADP 7 case
Belarus Belarus PROPN 4 obl
if if SCONJ 12 mark
the the DET 10 det
vote vote NOUN 12 nsubj:pass
is be AUX 12 aux:pass
rigged rig VERB 15 advcl VerbForm=Part|Voice=Pass
, , PUNCT 4 punct
Borrell Borrell PROPN 15 nsubj
warned warn VERB 0 root Tense=Past
. . PUNCT 15 punct
""",
)


def test_a_deed_on_a_condition_is_hypothetical_a_warning_is_not(rules) -> None:  # type: ignore[no-untyped-def]
    """The parser hung the condition on "warned": still only the sanctions are."""
    events = rules(*SANCTIONS_IF)
    warning = only(events, EventKind.WARNING)
    assert not warning.hypothetical
    text, rows = SANCTIONS_IF
    rows = rows.replace("rigged rig VERB 15 advcl", "rigged rig VERB 4 advcl")
    sanction = only(rules(text, rows), EventKind.SANCTION)
    assert sanction.hypothetical
    assert [t.name for t in sanction.targets] == ["Belarus"]


# Two subjects on "said", as the bundled parser reads the sentence.
TWO_SUBJECTS = (
    "Blinken will travel to Riyadh on Monday, the State Department said.",
    """
Blinken Blinken PROPN 12 nsubj
will will AUX 3 aux
travel travel VERB 12 ccomp
to to ADP 5 case
Riyadh Riyadh PROPN 3 obl
on on ADP 7 case
Monday Monday PROPN 3 obl
, , PUNCT 1 punct
the the DET 11 det
State State PROPN 11 compound
Department Department PROPN 12 nsubj
said say VERB 0 root Tense=Past
. . PUNCT 12 punct
""",
)


def test_of_two_subjects_the_name_next_to_the_verb_speaks(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*TWO_SUBJECTS), EventKind.STATEMENT)
    assert said.agent.name == "State Department"
    visit = only(rules(*TWO_SUBJECTS), EventKind.VISIT)
    assert visit.agent.name == "Blinken"


def test_of_two_subjects_an_apposition_is_not_the_speaker(rules) -> None:  # type: ignore[no-untyped-def]
    """'Zahar, Hamas's leader declared ...' parsed with two subjects: Zahar."""
    text = "Zahar, Hamas's leader declared the ceasefire."
    rows = """
Zahar Zahar PROPN 6 nsubj
, , PUNCT 5 punct
Hamas Hamas PROPN 5 nmod:poss
's 's PART 3 case
leader leader NOUN 6 nsubj
declared declare VERB 0 root Tense=Past
the the DET 8 det
ceasefire ceasefire NOUN 6 obj
. . PUNCT 6 punct
"""
    # declaring a ceasefire is the ceasefire (CAMEO 0871), not also a statement
    declared = only(rules(text, rows), EventKind.CONCESSION)
    assert declared.agent.name == "Zahar"


# Xinhua style, as the bundled parser reads it: "visiting" a clause whose
# object is the visitor.
MET_WITH_VISITING = (
    "Xi met with visiting Secretary of State Antony Blinken here on Friday.",
    """
Xi Xi PROPN 2 nsubj
met meet VERB 0 root Tense=Past
with with SCONJ 4 mark
visiting visit VERB 2 advcl VerbForm=Ger
Secretary Secretary PROPN 4 obj
of of ADP 9 case
State State PROPN 9 compound
Antony Antony PROPN 9 compound
Blinken Blinken PROPN 5 nmod
here here ADV 4 advmod
on on ADP 12 case
Friday Friday PROPN 4 obl
. . PUNCT 2 punct
""",
)


def test_met_with_visiting_someone_meets_the_visitor(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*MET_WITH_VISITING)
    met = only(events, EventKind.MEETING)
    assert met.agent.name == "Xi"
    assert [t.name for t in met.targets] == ["Antony Blinken"]
    visit = only(events, EventKind.VISIT)
    assert visit.agent.name == "Antony Blinken"
    assert visit.targets == ()


MET_THE_VISITING = (
    "Xi met the visiting Olaf Scholz in Beijing.",
    """
Xi Xi PROPN 2 nsubj
met meet VERB 0 root Tense=Past
the the DET 4 det
visiting visit VERB 2 obj VerbForm=Ger
Olaf Olaf PROPN 6 compound
Scholz Scholz PROPN 4 obj
in in ADP 8 case
Beijing Beijing PROPN 2 obl
. . PUNCT 2 punct
""",
)


def test_met_the_visiting_someone_meets_the_visitor(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*MET_THE_VISITING)
    assert [t.name for t in only(events, EventKind.MEETING).targets] == ["Olaf Scholz"]
    assert only(events, EventKind.VISIT).agent.name == "Olaf Scholz"


# As the bundled parser reads it: a passive subject on an active "warned".
FALSE_PASSIVE = (
    "The Bank of England warned on Thursday.",
    """
The the DET 2 det
Bank Bank PROPN 5 nsubj:pass
of of ADP 4 case
England England PROPN 2 nmod
warned warn VERB 0 root Tense=Past|VerbForm=Fin
on on ADP 7 case
Thursday Thursday PROPN 5 obl
. . PUNCT 5 punct
""",
)


def test_a_passive_subject_of_a_finite_past_verb_is_its_agent(rules) -> None:  # type: ignore[no-untyped-def]
    warning = only(rules(*FALSE_PASSIVE), EventKind.WARNING)
    assert warning.agent.name == "Bank of England"
    # not next to the verb, so only the tree can give it
    text = "Scholz, who met Xi, warned against protectionism."
    rows = """
Scholz Scholz PROPN 7 nsubj:pass
, , PUNCT 4 punct
who who PRON 4 nsubj
met meet VERB 1 acl:relcl Tense=Past|VerbForm=Fin
Xi Xi PROPN 4 obj
, , PUNCT 4 punct
warned warn VERB 0 root Tense=Past|VerbForm=Fin
against against ADP 9 case
protectionism protectionism NOUN 7 obl
. . PUNCT 7 punct
"""
    assert only(rules(text, rows), EventKind.WARNING).agent.name == "Scholz"
    text = "The Bank of England was warned on Thursday."
    passive = """
The the DET 2 det
Bank Bank PROPN 6 nsubj:pass
of of ADP 4 case
England England PROPN 2 nmod
was be AUX 6 aux:pass
warned warn VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
on on ADP 8 case
Thursday Thursday PROPN 6 obl
. . PUNCT 6 punct
"""
    assert only(rules(text, passive), EventKind.WARNING).agent is None


# As the bundled parser reads it.
WARNED_BY = (
    "Xi was warned by Blinken on Friday.",
    """
Xi Xi PROPN 3 nsubj:pass
was be AUX 3 aux:pass
warned warn VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
by by ADP 5 case
Blinken Blinken PROPN 3 obl:agent
on on ADP 7 case
Friday Friday PROPN 3 obl
. . PUNCT 3 punct
""",
)


def test_the_passive_subject_is_the_target(rules) -> None:  # type: ignore[no-untyped-def]
    warning = only(rules(*WARNED_BY), EventKind.WARNING)
    assert warning.agent.name == "Blinken"
    assert [t.name for t in warning.targets] == ["Xi"]


# As the bundled parser reads them: the recipient hangs on what is given.
PLEDGED_IN_AID = (
    "Japan pledged $500 million in aid to Ukraine.",
    """
Japan Japan PROPN 2 nsubj
pledged pledge VERB 0 root Tense=Past
$ $ SYM 2 obj
500 500 NUM 5 compound
million million NUM 3 nummod
in in ADP 7 case
aid aid NOUN 2 obl
to to ADP 9 case
Ukraine Ukraine PROPN 7 nmod
. . PUNCT 2 punct
""",
)
PROVIDED_IN_AID = (
    "Washington provided $2 billion in military aid to Israel.",
    """
Washington Washington PROPN 2 nsubj
provided provide VERB 0 root Tense=Past
$ $ SYM 2 obj
2 2 NUM 5 compound
billion billion NUM 3 nummod
in in ADP 8 case
military military ADJ 8 amod
aid aid NOUN 2 obl
to to ADP 10 case
Israel Israel PROPN 8 nmod
. . PUNCT 2 punct
""",
)
PROVIDED_DETAILS = (
    "He provided details in a statement.",
    """
He he PRON 2 nsubj
provided provide VERB 0 root Tense=Past
details detail NOUN 2 obj
in in ADP 6 case
a a DET 6 det
statement statement NOUN 2 obl
. . PUNCT 2 punct
""",
)


def test_the_recipient_of_what_is_given(rules) -> None:  # type: ignore[no-untyped-def]
    promise = only(rules(*PLEDGED_IN_AID), EventKind.PROMISE)
    assert promise.agent.name == "Japan"
    assert [t.name for t in promise.targets] == ["Ukraine"]
    aid = only(rules(*PROVIDED_IN_AID), EventKind.AID)  # "in aid" names what is provided
    assert aid.agent.name == "Washington"
    assert [t.name for t in aid.targets] == ["Israel"]
    assert rules(*PROVIDED_DETAILS) == []  # providing anything else is no aid, nor cooperation


# As the bundled parser reads them.
DENIED_SUPPLYING = (
    "Iran denied supplying drones to Russia.",
    """
Iran Iran PROPN 2 nsubj
denied deny VERB 0 root Tense=Past
supplying supply VERB 2 xcomp VerbForm=Ger
drones drone NOUN 3 obj
to to ADP 6 case
Russia Russia PROPN 3 obl
. . PUNCT 2 punct
""",
)
SENT_TROOPS = (
    "The US sent troops to Poland.",
    """
The the DET 2 det
US US PROPN 3 nsubj
sent send VERB 0 root Tense=Past
troops troops NOUN 3 obj
to to ADP 6 case
Poland Poland PROPN 3 obl
. . PUNCT 3 punct
""",
)


def test_a_denied_deed_is_not_asserted(rules) -> None:  # type: ignore[no-untyped-def]
    aid = only(rules(*DENIED_SUPPLYING), EventKind.AID)
    assert aid.agent.name == "Iran"
    assert [t.name for t in aid.targets] == ["Russia"]
    assert aid.hypothetical


def test_what_is_sent_is_no_target(rules) -> None:  # type: ignore[no-untyped-def]
    aid = only(rules(*SENT_TROOPS), EventKind.AID)
    assert [t.name for t in aid.targets] == ["Poland"]  # not the troops
    assert not aid.hypothetical


# As the bundled parser reads it: "Governing" a verb inside the name.
GOVERNING_COUNCIL = (
    "The interim Governing Council issued a communique saying it was a crime.",
    """
The the DET 4 det
interim interim NOUN 4 amod
Governing govern VERB 4 compound VerbForm=Ger
Council Council PROPN 5 nsubj
issued issue VERB 0 root Tense=Past
a a DET 7 det
communique communique NOUN 5 obj
saying say VERB 5 advcl VerbForm=Ger
it it PRON 12 nsubj
was be AUX 12 cop
a a DET 12 det
crime crime NOUN 8 ccomp
. . PUNCT 5 punct
""",
)


def test_a_participle_inside_a_name(rules) -> None:  # type: ignore[no-untyped-def]
    statement = only(rules(*GOVERNING_COUNCIL), EventKind.STATEMENT)
    assert statement.agent.name == "Governing Council"


# As the bundled parser reads them: the second party a common noun.
JOINT_STATEMENT = (
    "Russian President Vladimir Putin and his Chinese counterpart Xi Jinping signed a joint "
    "statement.",
    """
Russian Russian ADJ 3 amod
President President NOUN 3 nmod:desc
Vladimir Vladimir PROPN 11 nsubj
Putin Putin PROPN 3 flat
and and CCONJ 8 cc
his his PRON 8 nmod:poss
Chinese Chinese ADJ 8 amod
counterpart counterpart NOUN 3 conj
Xi Xi PROPN 8 appos
Jinping Jinping PROPN 9 flat
signed sign VERB 0 root Tense=Past
a a DET 14 det
joint joint ADJ 14 amod
statement statement NOUN 11 obj
. . PUNCT 11 punct
""",
)
UAE_AS_NOUN = (
    "Israel and the UAE signed a pact.",
    """
Israel Israel PROPN 5 nsubj
and and CCONJ 4 cc
the the DET 4 det
UAE UAE NOUN 1 conj
signed sign VERB 0 root Tense=Past
a a DET 7 det
pact pact NOUN 5 obj
. . PUNCT 5 punct
""",
)


def test_signing_a_joint_statement_or_a_pact_is_an_agreement(rules) -> None:  # type: ignore[no-untyped-def]
    agreement = only(rules(*JOINT_STATEMENT), EventKind.AGREEMENT)
    assert agreement.agent.name == "Vladimir Putin"
    assert [t.name for t in agreement.targets] == ["Xi Jinping"]
    assert agreement.targets[0].country == "CHN"
    pact = only(rules(*UAE_AS_NOUN), EventKind.AGREEMENT)
    assert pact.agent.name == "Israel"
    assert [t.name for t in pact.targets] == ["UAE"]


# As the bundled model reads it: "met" tagged a noun, parsed as the clause head.
MET_AS_NOUN = (
    "The visiting German chancellor met Xi.",
    """
The the DET 4 det
visiting visit NOUN 4 amod
German german ADJ 4 amod
chancellor chancellor NOUN 5 nsubj
met meet NOUN 0 root
Xi Xi PROPN 5 obj
. . PUNCT 5 punct
""",
)
LEADER_WITH_COPULA = (
    "Xi is the leader.",
    """
Xi Xi PROPN 4 nsubj
is be AUX 4 cop
the the DET 4 det
leader leader NOUN 0 root
. . PUNCT 4 punct
""",
)


def test_a_noun_with_a_subject_and_no_copula_is_a_verb(rules) -> None:  # type: ignore[no-untyped-def]
    from .conftest import sentences_from_rows

    meeting = only(rules(*MET_AS_NOUN), EventKind.MEETING)
    assert meeting.agent.text.endswith("German chancellor")
    assert [t.name for t in meeting.targets] == ["Xi"]
    [sent] = sentences_from_rows(*MET_AS_NOUN)
    assert [w.upos for w in sent.words][3:5] == ["NOUN", "VERB"]  # the subject stays a noun
    [copular] = sentences_from_rows(*LEADER_WITH_COPULA)
    assert copular.words[3].upos == "NOUN"


# As the bundled model reads it: the base form "ban" tagged an adjective.
BAN_AS_ADJECTIVE = (
    "Does Crack Barrel ban employees?",
    """
Does do AUX 4 aux
Crack Crack PROPN 3 compound
Barrel Barrel PROPN 4 nsubj
ban ban ADJ 0 root
employees employee NOUN 4 obj
? ? PUNCT 4 punct
""",
)
# A noun-tagged base form with a subject stays a noun: mostly real nouns.
LEADERS_SUMMIT = (
    "Leaders summit.",
    """
Leaders leader NOUN 2 nsubj
summit summit NOUN 0 root
. . PUNCT 2 punct
""",
)


def test_an_adjective_with_a_subject_is_a_verb_in_any_form(rules) -> None:  # type: ignore[no-untyped-def]
    from .conftest import sentences_from_rows

    ban = only(rules(*BAN_AS_ADJECTIVE), EventKind.SANCTION)
    assert ban.agent.name == "Crack Barrel"
    [sent] = sentences_from_rows(*LEADERS_SUMMIT)
    assert sent.words[1].upos == "NOUN"

# As the bundled model parses it.
LEADERS_MEETING = (
    "Bush is in Santiago for the annual APEC leaders meeting.",
    """
Bush Bush PROPN 4 nsubj
is be AUX 4 cop
in in ADP 4 case
Santiago Santiago PROPN 0 root
for for ADP 10 case
the the DET 10 det
annual annual ADJ 10 amod
APEC APEC PROPN 9 compound
leaders leader NOUN 10 compound
meeting meeting NOUN 4 nmod
. . PUNCT 4 punct
""",
)
MINISTERS_ATTEND_MEETING = (
    "Blinken attended the foreign ministers meeting.",
    """
Blinken Blinken PROPN 2 nsubj
attended attend VERB 0 root
the the DET 6 det
foreign foreign ADJ 5 amod
ministers minister NOUN 6 compound
meeting meeting NOUN 2 obj
. . PUNCT 2 punct
""",
)


def test_a_meeting_named_after_its_participants_has_them_as_agent(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*LEADERS_MEETING), EventKind.MEETING)
    assert meeting.agent is not None and meeting.agent.text == "APEC leaders"
    # the subject of the verb it hangs on comes first
    attended = only(rules(*MINISTERS_ATTEND_MEETING), EventKind.MEETING)
    assert attended.agent is not None and attended.agent.name == "Blinken"

AID_PACKAGE = (
    "Germany approved a new aid package for Ukraine.",
    """
Germany Germany PROPN 2 nsubj
approved approve VERB 0 root Tense=Past
a a DET 6 det
new new ADJ 6 amod
aid aid NOUN 6 compound
package package NOUN 2 obj
for for ADP 8 case
Ukraine Ukraine PROPN 6 nmod
. . PUNCT 2 punct
""",
)
PACKAGE_OF_AID = (
    "Washington sent a package of military aid to Kyiv.",
    """
Washington Washington PROPN 2 nsubj
sent send VERB 0 root Tense=Past
a a DET 4 det
package package NOUN 2 obj
of of ADP 7 case
military military ADJ 7 amod
aid aid NOUN 4 nmod
to to ADP 9 case
Kyiv Kyiv PROPN 2 obl
. . PUNCT 2 punct
""",
)
AID_WORKERS = (
    "Israel detained aid workers.",
    """
Israel Israel PROPN 2 nsubj
detained detain VERB 0 root Tense=Past
aid aid NOUN 4 compound
workers worker NOUN 2 obj
. . PUNCT 2 punct
""",
)


def test_aid_held_in_the_object_of_a_light_verb(rules) -> None:  # type: ignore[no-untyped-def]
    package = only(rules(*AID_PACKAGE), EventKind.AID)
    assert package.agent.name == "Germany"
    assert [t.name for t in package.targets] == ["Ukraine"]
    sent = only(rules(*PACKAGE_OF_AID), EventKind.AID)
    assert sent.agent.name == "Washington"
    assert [t.name for t in sent.targets] == ["Kyiv"]
    assert not [e for e in rules(*AID_WORKERS) if e.kind is EventKind.AID]

# As the bundled model parses it: the quote an adverbial clause of "wrote".
WROTE_A_QUOTE = (
    '"We are ready," Zelenskyy wrote on Telegram.',
    """
" " PUNCT 4 punct
We we PRON 4 nsubj
are be AUX 4 cop
ready ready ADJ 8 advcl
, , PUNCT 4 punct
" " PUNCT 4 punct
Zelenskyy Zelenskyy PROPN 8 nsubj
wrote write VERB 0 root Tense=Past
on on ADP 10 case
Telegram Telegram PROPN 8 obl
. . PUNCT 8 punct
""",
)
WROTE_A_BOOK = (
    "He wrote a book.",
    """
He he PRON 2 nsubj
wrote write VERB 0 root Tense=Past
a a DET 4 det
book book NOUN 2 obj
. . PUNCT 2 punct
""",
)
RECEIVED_A_GUEST = (
    "Sisi received Blinken in Cairo.",
    """
Sisi Sisi PROPN 2 nsubj
received receive VERB 0 root Tense=Past
Blinken Blinken PROPN 2 obj
in in ADP 5 case
Cairo Cairo PROPN 2 obl
. . PUNCT 2 punct
""",
)
RECEIVED_A_PROPOSAL = (
    "Hamas received the proposal.",
    """
Hamas Hamas PROPN 2 nsubj
received receive VERB 0 root Tense=Past
the the DET 4 det
proposal proposal NOUN 2 obj
. . PUNCT 2 punct
""",
)


def test_writing_a_quote_is_a_statement_and_receiving_a_guest_a_meeting(rules) -> None:  # type: ignore[no-untyped-def]
    wrote = only(rules(*WROTE_A_QUOTE), EventKind.STATEMENT)
    assert wrote.agent.name == "Zelenskyy"
    assert rules(*WROTE_A_BOOK) == []
    received = only(rules(*RECEIVED_A_GUEST), EventKind.MEETING)
    assert (received.agent.name, [t.name for t in received.targets]) == ("Sisi", ["Blinken"])
    assert received.cameo == "043"
    assert rules(*RECEIVED_A_PROPOSAL) == []

# As the bundled model tags it: "official" an adjective.
OFFICIAL_AS_ADJECTIVE = (
    "A senior State Department official told reporters that the talks ended.",
    """
A a DET 5 det
senior senior ADJ 5 amod
State state NOUN 4 compound
Department department NOUN 5 compound
official official ADJ 6 nsubj
told tell VERB 0 root Tense=Past
reporters reporter NOUN 6 iobj
that that SCONJ 11 mark
the the DET 10 det
talks talk NOUN 11 nsubj
ended end VERB 6 ccomp Tense=Past
. . PUNCT 6 punct
""",
)


def test_a_person_noun_tagged_an_adjective_is_an_actor(rules) -> None:  # type: ignore[no-untyped-def]
    told = only(rules(*OFFICIAL_AS_ADJECTIVE), EventKind.STATEMENT)
    assert told.agent.text == "senior State Department official"
    assert told.agent.role == "official"

# As the bundled model parses it: "media" a conjunct of "factory", no "and".
MEDIA_JOINED_TO_THE_OBJECT = (
    "Kim Jong Un visited a factory, state media reported.",
    """
Kim Kim PROPN 3 compound
Jong Jong PROPN 3 compound
Un Un PROPN 4 nsubj
visited visit VERB 0 root Tense=Past
a a DET 6 det
factory factory NOUN 4 obj
, , PUNCT 9 punct
state state NOUN 8 compound
media media NOUN 6 conj
reported report VERB 4 advcl Tense=Past
. . PUNCT 4 punct
""",
)


def test_a_conjunct_without_and_before_its_verb_is_no_target(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*MEDIA_JOINED_TO_THE_OBJECT), EventKind.VISIT)
    assert visit.agent.name == "Kim Jong Un"
    assert [t.text for t in visit.targets] == ["factory"]

# As the bundled model tags them: "imposed" an adjective (lemma "imposed"),
# "urging" a verb left unlemmatized.
IMPOSED_AS_ADJECTIVE = (
    "The US imposed sanctions on Iran.",
    """
The the DET 2 det
US US PROPN 3 nsubj
imposed imposed ADJ 0 root
sanctions sanction NOUN 3 obj
on on ADP 6 case
Iran Iran PROPN 4 nmod
. . PUNCT 3 punct
""",
)
MAIN_FORCE_URGING = (
    "The IIP had also been the main force urging Sunni Arabs to vote.",
    """
The the DET 2 det
IIP IIP PROPN 8 nsubj
had have AUX 8 aux
also also ADV 8 advmod
been be AUX 8 cop
the the DET 8 det
main main ADJ 8 amod
force force NOUN 0 root
urging urging VERB 8 acl
Sunni sunni ADJ 11 amod
Arabs Arab PROPN 9 obj
to to PART 13 mark
vote vote VERB 9 xcomp
. . PUNCT 8 punct
""",
)


def test_a_verb_left_unlemmatized_is_found_by_its_stem(rules) -> None:  # type: ignore[no-untyped-def]
    sanction = only(rules(*IMPOSED_AS_ADJECTIVE), EventKind.SANCTION)
    assert (sanction.agent.name, [t.name for t in sanction.targets]) == ("US", ["Iran"])
    request = only(rules(*MAIN_FORCE_URGING), EventKind.REQUEST)
    assert request.agent.name == "IIP"  # the predicate noun's subject, not "the main force"


def test_a_predicate_nouns_phrase_leaves_out_its_clause() -> None:
    from diplo_events._actors.mentions import phrase_words

    from .conftest import sentences_from_rows

    [sent] = sentences_from_rows(*MAIN_FORCE_URGING)
    assert [w.text for w in phrase_words(sent, sent.words[7])] == ["main", "force"]

NO_PLANS_TO_MEET = (
    "Putin had no plans to meet Zelenskyy.",
    """
Putin Putin PROPN 2 nsubj
had have VERB 0 root Tense=Past
no no DET 4 det
plans plan NOUN 2 obj
to to PART 6 mark
meet meet VERB 4 acl
Zelenskyy Zelenskyy PROPN 6 obj
. . PUNCT 2 punct
""",
)


def test_a_meeting_a_noun_intends_is_hypothetical(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*NO_PLANS_TO_MEET), EventKind.MEETING)
    assert meeting.agent.name == "Putin"
    assert meeting.hypothetical

ACCUSED_EACH_OTHER = (
    "India and Pakistan accused each other.",
    """
India India PROPN 4 nsubj
and and CCONJ 3 cc
Pakistan Pakistan PROPN 1 conj
accused accuse VERB 0 root Tense=Past
each each DET 6 det
other other ADJ 4 obj
. . PUNCT 4 punct
""",
)
# As the bundled model reads it: "called" a participle, "Macron" its passive subject.
CALLED_AS_PARTICIPLE = (
    "Macron on Thursday called for a strategy.",
    """
Macron Macron PROPN 4 nsubj:pass
on on ADP 3 case
Thursday Thursday PROPN 1 nmod
called call VERB 0 root Tense=Past|VerbForm=Part
for for ADP 7 case
a a DET 7 det
strategy strategy NOUN 4 obl
. . PUNCT 4 punct
""",
)
PROVIDED_WITH = (
    "Germany will provide Ukraine with an air defence system.",
    """
Germany Germany PROPN 3 nsubj
will will AUX 3 aux
provide provide VERB 0 root VerbForm=Inf
Ukraine Ukraine PROPN 3 obj
with with ADP 9 case
an a DET 9 det
air air NOUN 8 compound
defence defence NOUN 9 compound
system system NOUN 3 obl
. . PUNCT 3 punct
""",
)


def test_reciprocal_targets_a_root_participle_and_provide_with(rules) -> None:  # type: ignore[no-untyped-def]
    pairs = [
        (e.agent.name, [t.name for t in e.targets])
        for e in rules(*ACCUSED_EACH_OTHER)
        if e.kind is EventKind.ACCUSATION
    ]
    assert pairs == [("India", ["Pakistan"]), ("Pakistan", ["India"])]
    request = only(rules(*CALLED_AS_PARTICIPLE), EventKind.REQUEST)
    assert request.agent.name == "Macron"
    aid = only(rules(*PROVIDED_WITH), EventKind.AID)
    assert (aid.agent.name, [t.name for t in aid.targets]) == ("Germany", ["Ukraine"])

# As the bundled model parses them.
THREE_PROPOSERS = (
    "Egypt, Qatar and the US proposed a plan.",
    """
Egypt Egypt PROPN 7 nsubj
, , PUNCT 3 punct
Qatar Qatar PROPN 1 conj
and and CCONJ 6 cc
the the DET 6 det
US US PROPN 3 conj
proposed propose VERB 0 root Tense=Past
a a DET 9 det
plan plan NOUN 7 obj
. . PUNCT 7 punct
""",
)
CHIEF_OF_STAFF = (
    "Zelensky's chief of staff Andriy Yermak said talks were productive.",
    """
Zelensky Zelensky PROPN 3 nmod:poss
's 's PART 1 case
chief chief NOUN 8 nsubj
of of ADP 5 case
staff staff NOUN 3 nmod
Andriy Andriy PROPN 5 flat
Yermak Yermak PROPN 6 flat
said say VERB 0 root Tense=Past
talks talk NOUN 11 nsubj
were be AUX 11 cop
productive productive ADJ 8 ccomp
. . PUNCT 8 punct
""",
)
SCHEDULED_TO_VISIT = (
    "Modi is scheduled to visit Washington.",
    """
Modi Modi PROPN 3 nsubj:pass
is be AUX 3 aux:pass
scheduled schedule VERB 0 root Tense=Past|VerbForm=Part
to to PART 5 mark
visit visit VERB 3 xcomp
Washington Washington PROPN 5 obj
. . PUNCT 3 punct
""",
)


def test_chained_conjuncts_a_name_after_its_title_and_a_scheduled_visit(rules) -> None:  # type: ignore[no-untyped-def]
    agents = [e.agent.name for e in rules(*THREE_PROPOSERS) if e.kind is EventKind.PROPOSAL]
    assert agents == ["Egypt", "Qatar", "US"]
    said = only(rules(*CHIEF_OF_STAFF), EventKind.STATEMENT)
    assert said.agent.name == "Andriy Yermak"
    visit = only(rules(*SCHEDULED_TO_VISIT), EventKind.VISIT)
    assert visit.agent.name == "Modi" and visit.hypothetical

ARRIVED_FOR_A_VISIT = (
    "Scholz arrived in Beijing for a visit.",
    """
Scholz Scholz PROPN 2 nsubj
arrived arrive VERB 0 root Tense=Past
in in ADP 4 case
Beijing Beijing PROPN 2 obl
for for ADP 7 case
a a DET 7 det
visit visit NOUN 2 obl
. . PUNCT 2 punct
""",
)


def test_a_visit_noun_naming_the_arrivals_purpose_is_the_same_visit(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*ARRIVED_FOR_A_VISIT), EventKind.VISIT)
    assert visit.trigger.text == "arrived"
    assert [t.name for t in visit.targets] == ["Beijing"]
    # a purpose of another kind is an event of its own
    text = ARRIVED_FOR_A_VISIT[0].replace("a visit", "a summit")
    rows = ARRIVED_FOR_A_VISIT[1].replace("visit visit NOUN", "summit summit NOUN")
    assert {e.kind for e in rules(text, rows)} == {EventKind.VISIT, EventKind.MEETING}


ACCEPTED_PROPOSAL = (
    "Hamas accepted the ceasefire proposal.",
    """
Hamas Hamas PROPN 2 nsubj
accepted accept VERB 0 root Tense=Past
the the DET 5 det
ceasefire ceasefire NOUN 5 compound
proposal proposal NOUN 2 obj
. . PUNCT 2 punct
""",
)


ACCEPTED_AWARD = (
    "Hamas accepted the award.",
    """
Hamas Hamas PROPN 2 nsubj
accepted accept VERB 0 root Tense=Past
the the DET 4 det
award award NOUN 2 obj
. . PUNCT 2 punct
""",
)


def test_accepting_a_proposal_is_an_agreement(rules) -> None:  # type: ignore[no-untyped-def]
    agreement = only(rules(*ACCEPTED_PROPOSAL), EventKind.AGREEMENT)
    assert agreement.agent.name == "Hamas"
    assert agreement.cameo == "080"
    assert rules(*ACCEPTED_AWARD) == []  # accepting anything else is no agreement


REJECTED_PROPOSAL = (
    "Netanyahu rejected the Hamas proposal.",
    """
Netanyahu Netanyahu PROPN 2 nsubj
rejected reject VERB 0 root Tense=Past
the the DET 5 det
Hamas Hamas PROPN 5 compound
proposal proposal NOUN 2 obj
. . PUNCT 2 punct
""",
)


def test_the_author_of_a_rejected_or_accepted_proposal_is_the_target(rules) -> None:  # type: ignore[no-untyped-def]
    rejection = only(rules(*REJECTED_PROPOSAL), EventKind.REJECTION)
    assert rejection.agent.name == "Netanyahu"
    assert [t.name for t in rejection.targets] == ["Hamas"]
    assert only(rules(*ACCEPTED_PROPOSAL), EventKind.AGREEMENT).targets == ()  # no author


CONDEMNED_STRIKE = (
    "The EU condemned Israel's strike.",
    """
The the DET 2 det
EU EU PROPN 3 nsubj
condemned condemn VERB 0 root Tense=Past
Israel Israel PROPN 6 nmod:poss
's 's PART 4 case
strike strike NOUN 3 obj
. . PUNCT 3 punct
""",
)


def test_the_author_of_a_condemned_act_is_the_target(rules) -> None:  # type: ignore[no-untyped-def]
    accusation = only(rules(*CONDEMNED_STRIKE), EventKind.ACCUSATION)
    assert accusation.agent.name == "European Union"
    assert [t.name for t in accusation.targets] == ["Israel"]


RECEIVED_AID_FROM = (
    "Ukraine received $2 billion in aid from Germany and Poland.",
    """
Ukraine Ukraine PROPN 2 nsubj
received receive VERB 0 root Tense=Past
$ $ SYM 2 obj
2 2 NUM 5 compound
billion billion NUM 3 nummod
in in ADP 7 case
aid aid NOUN 2 obl
from from ADP 9 case
Germany Germany PROPN 7 nmod
and and CCONJ 11 cc
Poland Poland PROPN 9 conj
. . PUNCT 2 punct
""",
)

RECEIVED_TANKS_FROM = (
    "Israel received tanks from the United States.",
    """
Israel Israel PROPN 2 nsubj
received receive VERB 0 root Tense=Past
tanks tank NOUN 2 obj
from from ADP 7 case
the the DET 7 det
United United PROPN 7 compound
States States PROPN 2 obl
. . PUNCT 2 punct
""",
)

RECEIVED_ENVOY = (
    "Zelensky received the envoy from Germany.",
    """
Zelensky Zelensky PROPN 2 nsubj
received receive VERB 0 root Tense=Past
the the DET 4 det
envoy envoy NOUN 2 obj
from from ADP 6 case
Germany Germany PROPN 4 nmod
. . PUNCT 2 punct
""",
)


def test_the_subject_receives_what_the_from_party_gives(rules) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in rules(*RECEIVED_AID_FROM) if e.kind is EventKind.AID]
    assert [e.agent.name for e in events] == ["Germany", "Poland"]
    assert all([t.name for t in e.targets] == ["Ukraine"] for e in events)
    tanks = only(rules(*RECEIVED_TANKS_FROM), EventKind.AID)
    assert tanks.agent.name == "United States"
    assert [t.name for t in tanks.targets] == ["Israel"]


def test_receiving_a_person_is_still_a_meeting(rules) -> None:  # type: ignore[no-untyped-def]
    [meeting] = rules(*RECEIVED_ENVOY)
    assert meeting.kind is EventKind.MEETING
    assert meeting.agent.name == "Zelensky"


THREATENED_TO_KILL = (
    "Guerrillas threatened to assassinate Allawi and Shaalan.",
    """
Guerrillas guerrilla NOUN 2 nsubj Number=Plur
threatened threaten VERB 0 root Tense=Past
to to PART 4 mark
assassinate assassinate VERB 2 xcomp VerbForm=Inf
Allawi Allawi PROPN 4 obj
and and CCONJ 7 cc
Shaalan Shaalan PROPN 5 conj
. . PUNCT 2 punct
""",
)

PROMISED_TO_RELEASE = (
    "Hamas promised to release the hostages.",
    """
Hamas Hamas PROPN 2 nsubj
promised promise VERB 0 root Tense=Past
to to PART 4 mark
release release VERB 2 xcomp VerbForm=Inf
the the DET 6 det
hostages hostage NOUN 4 obj Number=Plur
. . PUNCT 2 punct
""",
)


def test_the_target_of_a_threatened_deed(rules) -> None:  # type: ignore[no-untyped-def]
    threat = only(rules(*THREATENED_TO_KILL), EventKind.THREAT)
    assert threat.agent.name == "Guerrillas"
    assert [t.name for t in threat.targets] == ["Allawi", "Shaalan"]
    # what the deed is done to is a target only when it is an actor: hostages
    # are people (the verb dictionary's set of hostages and prisoners)
    promise = only(rules(*PROMISED_TO_RELEASE), EventKind.PROMISE)
    assert promise.agent.name == "Hamas"
    assert [t.text for t in promise.targets] == ["hostages"]


SECOND_RELATIVE_CLAUSE = (
    "Tensions over Taiwan, which China claims as its territory and which the US is arming, rose.",
    """
Tensions tension NOUN 18 nsubj Number=Plur
over over ADP 3 case
Taiwan Taiwan PROPN 1 nmod
, , PUNCT 7 punct
which which PRON 7 obj PronType=Rel
China China PROPN 7 nsubj
claims claim VERB 3 acl:relcl
as as ADP 10 case
its its PRON 10 nmod:poss
territory territory NOUN 7 obl
and and CCONJ 16 cc
which which PRON 16 obj PronType=Rel
the the DET 14 det
US US PROPN 16 nsubj
is be AUX 16 aux
arming arm VERB 10 acl:relcl
, , PUNCT 3 punct
rose rise VERB 0 root Tense=Past
. . PUNCT 18 punct
""",
)


def test_a_second_relative_clause_is_about_the_first_ones_noun(rules) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "which the US is arming" on "territory".
    aid = only(rules(*SECOND_RELATIVE_CLAUSE), EventKind.AID)
    assert aid.agent.name == "US"
    assert [t.name for t in aid.targets] == ["Taiwan"]


DEMANDED_THAT = (
    "Abbas demanded that Israel leave the land.",
    """
Abbas Abbas PROPN 2 nsubj
demanded demand VERB 0 root Tense=Past
that that SCONJ 5 mark
Israel Israel PROPN 5 nsubj
leave leave VERB 2 ccomp
the the DET 7 det
land land NOUN 5 obj
. . PUNCT 2 punct
""",
)

DENIED_REQUEST_OF = (
    "The Commission denied a request of the Council.",
    """
The the DET 2 det
Commission Commission PROPN 3 nsubj
denied deny VERB 0 root Tense=Past
a a DET 5 det
request request NOUN 3 obj
of of ADP 8 case
the the DET 8 det
Council Council PROPN 5 nmod
. . PUNCT 3 punct
""",
)


def test_the_one_asked_in_a_that_clause_is_the_target(rules) -> None:  # type: ignore[no-untyped-def]
    request = only(rules(*DEMANDED_THAT), EventKind.REQUEST)
    assert request.agent.name == "Abbas"
    assert [t.name for t in request.targets] == ["Israel"]


def test_the_author_of_a_denied_request_is_the_target(rules) -> None:  # type: ignore[no-untyped-def]
    rejection = only(rules(*DENIED_REQUEST_OF), EventKind.REJECTION)
    assert [t.name for t in rejection.targets] == ["Council"]


VISIT_BY_ON_THE_PLACE = (
    "The visit to Colombo by Petersen ended.",
    """
The the DET 2 det
visit visit NOUN 7 nsubj
to to ADP 4 case
Colombo Colombo PROPN 2 nmod
by by ADP 6 case
Petersen Petersen PROPN 4 nmod
ended end VERB 0 root Tense=Past
. . PUNCT 7 punct
""",
)

TWO_YEAR_TALKS_BETWEEN = (
    "The two-year talks between Colombo and the Tigers stalled.",
    """
The the DET 5 det
two two NUM 4 nummod
- - PUNCT 4 punct
year year NOUN 5 compound
talks talks NOUN 11 nsubj Number=Plur
between between ADP 7 case
Colombo Colombo PROPN 5 nmod
and and CCONJ 10 cc
the the DET 10 det
Tigers Tigers PROPN 7 conj
stalled stall VERB 0 root Tense=Past
. . PUNCT 11 punct
""",
)


def test_a_by_phrase_hung_on_the_place_visited_is_the_visitor(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*VISIT_BY_ON_THE_PLACE), EventKind.VISIT)
    assert visit.agent.name == "Petersen"
    assert [t.name for t in visit.targets] == ["Colombo"]


def test_talks_between_two_parties_have_the_first_as_agent(rules) -> None:  # type: ignore[no-untyped-def]
    talks = only(rules(*TWO_YEAR_TALKS_BETWEEN), EventKind.MEETING)
    assert talks.agent.name == "Colombo"
    assert [t.name for t in talks.targets] == ["Tigers"]
    # "two-year" says how long the talks ran, not when: the publication date
    assert talks.date.basis is DateBasis.PUBLICATION


DOZENS_OF_LAWMAKERS = (
    "Dozens of lawmakers criticized Macron, the majority of whom are Greens.",
    """
Dozens dozen NOUN 4 nsubj Number=Plur
of of ADP 3 case
lawmakers lawmaker NOUN 1 nmod Number=Plur
criticized criticize VERB 0 root Tense=Past
Macron Macron PROPN 4 obj
, , PUNCT 8 punct
the the DET 8 det
majority majority NOUN 12 nsubj
of of ADP 10 case
whom whom PRON 8 nmod PronType=Rel
are be AUX 12 cop
Greens Greens PROPN 5 acl:relcl
. . PUNCT 4 punct
""",
)


def test_a_quantity_of_people_is_the_people(rules) -> None:  # type: ignore[no-untyped-def]
    accusation = only(rules(*DOZENS_OF_LAWMAKERS), EventKind.ACCUSATION)
    assert accusation.agent.name == "lawmakers"
    assert [t.name for t in accusation.targets] == ["Macron"]


PHONE_CALL_WITH = (
    "Modi held a phone call with Biden.",
    """
Modi Modi PROPN 2 nsubj
held hold VERB 0 root Tense=Past
a a DET 5 det
phone phone NOUN 5 compound
call call NOUN 2 obj
with with ADP 7 case
Biden Biden PROPN 5 nmod
. . PUNCT 2 punct
""",
)

SPOKE_WITH_REPORTERS = (
    "Blinken spoke with reporters.",
    """
Blinken Blinken PROPN 2 nsubj
spoke speak VERB 0 root Tense=Past
with with ADP 4 case
reporters reporter NOUN 2 obl Number=Plur
. . PUNCT 2 punct
""",
)

VOWED_REVENGE_AGAINST = (
    "Iran vowed revenge against Israel.",
    """
Iran Iran PROPN 2 nsubj
vowed vow VERB 0 root Tense=Past
revenge revenge NOUN 2 obj
against against ADP 5 case
Israel Israel PROPN 3 nmod
. . PUNCT 2 punct
""",
)


def test_a_phone_call_with_someone_is_a_meeting(rules) -> None:  # type: ignore[no-untyped-def]
    call = only(rules(*PHONE_CALL_WITH), EventKind.MEETING)
    assert call.agent.name == "Modi"
    assert [t.name for t in call.targets] == ["Biden"]
    assert call.cameo == "041"  # discuss by telephone


def test_speaking_with_reporters_is_no_meeting(rules) -> None:  # type: ignore[no-untyped-def]
    assert rules(*SPOKE_WITH_REPORTERS) == []
    text, rows = SPOKE_WITH_REPORTERS
    spoke = rules(text.replace("reporters", "Zelensky"), rows.replace(
        "reporters reporter NOUN 2 obl Number=Plur", "Zelensky Zelensky PROPN 2 obl"
    ))
    assert [(e.kind, [t.name for t in e.targets]) for e in spoke] == [
        (EventKind.MEETING, ["Zelensky"])
    ]


def test_revenge_vowed_against_someone(rules) -> None:  # type: ignore[no-untyped-def]
    promise = only(rules(*VOWED_REVENGE_AGAINST), EventKind.PROMISE)
    assert [t.name for t in promise.targets] == ["Israel"]


TELEPHONED_MISLEMMATIZED = (
    "Biden telephoned Netanyahu.",
    """
Biden Biden PROPN 2 nsubj
telephoned telephon VERB 0 root Tense=Past
Netanyahu Netanyahu PROPN 2 obj
. . PUNCT 2 punct
""",
)


def test_a_verb_the_lemmatizer_cut_wrong_is_found_by_its_stems(rules) -> None:  # type: ignore[no-untyped-def]
    call = only(rules(*TELEPHONED_MISLEMMATIZED), EventKind.MEETING)
    assert call.agent.name == "Biden"
    assert [t.name for t in call.targets] == ["Netanyahu"]


NOW_REFUSING = (
    "Now the Commission is refusing to act.",
    """
Now now ADV 5 advmod
the the DET 3 det
Commission Commission PROPN 5 nsubj
is be AUX 5 aux
refusing refuse VERB 0 root VerbForm=Ger
to to PART 7 mark
act act VERB 5 xcomp VerbForm=Inf
. . PUNCT 5 punct
""",
)


def test_an_event_happening_now_is_dated_the_publication_day(rules) -> None:  # type: ignore[no-untyped-def]
    refusal = only(rules(*NOW_REFUSING), EventKind.REJECTION)
    assert refusal.date.timex == "2024-04-26"
    assert refusal.date.precision is Precision.DAY
    assert refusal.date.text == "Now"


WILLING_TO_HOLD_TALKS = (
    "Iran is willing to hold talks with Oman.",
    """
Iran Iran PROPN 3 nsubj
is be AUX 3 cop
willing willing ADJ 0 root
to to PART 5 mark
hold hold VERB 3 xcomp VerbForm=Inf
talks talks NOUN 5 obj Number=Plur
with with ADP 8 case
Oman Oman PROPN 6 nmod
. . PUNCT 3 punct
""",
)

READY_FOR_TALKS = (
    "Russia was ready for talks.",
    """
Russia Russia PROPN 3 nsubj
was be AUX 3 cop
ready ready ADJ 0 root
for for ADP 5 case
talks talks NOUN 3 obl Number=Plur
. . PUNCT 3 punct
""",
)

ENTERED_INTO_A_PACT = (
    "Iran entered into a pact with Iraq.",
    """
Iran Iran PROPN 2 nsubj
entered enter VERB 0 root Tense=Past
into into ADP 5 case
a a DET 5 det
pact pact NOUN 2 obl
with with ADP 7 case
Iraq Iraq PROPN 5 nmod
. . PUNCT 2 punct
""",
)


def test_willing_and_ready_give_the_agent_and_make_it_hypothetical(rules) -> None:  # type: ignore[no-untyped-def]
    talks = only(rules(*WILLING_TO_HOLD_TALKS), EventKind.MEETING)
    assert talks.agent.name == "Iran"
    assert [t.name for t in talks.targets] == ["Oman"]
    assert talks.hypothetical
    ready = only(rules(*READY_FOR_TALKS), EventKind.MEETING)
    assert ready.agent.name == "Russia"
    assert ready.hypothetical


def test_entering_into_a_pact_is_an_agreement(rules) -> None:  # type: ignore[no-untyped-def]
    pact = only(rules(*ENTERED_INTO_A_PACT), EventKind.AGREEMENT)
    assert pact.agent.name == "Iran"
    assert [t.name for t in pact.targets] == ["Iraq"]
    assert not pact.hypothetical


ACRONYM_TAGGED_A_NOUN = (
    "The Association of Muslim Scholars met. The Sunni AMS told Iraqis that they sinned.",
    """
The the DET 2 det
Association Association PROPN 6 nsubj
of of ADP 5 case
Muslim Muslim PROPN 5 compound
Scholars Scholars PROPN 2 nmod
met meet VERB 0 root Tense=Past
. . PUNCT 6 punct

The the DET 3 det
Sunni sunni ADJ 3 amod
AMS ams NOUN 4 nsubj
told tell VERB 0 root Tense=Past
Iraqis Iraqi PROPN 4 iobj
that that SCONJ 8 mark
they they PRON 8 nsubj
sinned sin VERB 4 ccomp Tense=Past
. . PUNCT 4 punct
""",
)


def test_an_acronym_tagged_a_noun_is_an_actor_with_its_full_name(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*ACRONYM_TAGGED_A_NOUN), EventKind.STATEMENT)
    assert said.agent.name == "Association of Muslim Scholars"
    assert said.agent.text == "Sunni AMS"
    assert [t.name for t in said.targets] == ["Iraqis"]


MET_NO_ONE = (
    "The plan met with approval. Marines were meeting pockets of resistance.",
    """
The the DET 2 det
plan plan NOUN 3 nsubj
met meet VERB 0 root Tense=Past
with with ADP 5 case
approval approval NOUN 3 obl
. . PUNCT 3 punct

Marines marine NOUN 3 nsubj Number=Plur
were be AUX 3 aux
meeting meet VERB 0 root VerbForm=Ger
pockets pocket NOUN 3 obj Number=Plur
of of ADP 6 case
resistance resistance NOUN 4 nmod
. . PUNCT 3 punct
""",
)


def test_meeting_no_party_is_no_meeting(rules) -> None:  # type: ignore[no-untyped-def]
    assert rules(*MET_NO_ONE) == []


MET_FOR_DAYS_OF_TALKS = (
    "Sullivan met Wang for two days of talks.",
    """
Sullivan Sullivan PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Wang Wang PROPN 2 obj
for for ADP 6 case
two two NUM 6 nummod
days day NOUN 2 obl Number=Plur
of of ADP 8 case
talks talks NOUN 6 nmod Number=Plur
. . PUNCT 2 punct
""",
)

MET_ON_THE_SIDELINES = (
    "Sullivan met Wang on the sidelines of the summit.",
    """
Sullivan Sullivan PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Wang Wang PROPN 2 obj
on on ADP 6 case
the the DET 6 det
sidelines sideline NOUN 2 obl Number=Plur
of of ADP 9 case
the the DET 9 det
summit summit NOUN 6 nmod
. . PUNCT 2 punct
""",
)


def test_days_of_talks_are_the_meeting_itself(rules) -> None:  # type: ignore[no-untyped-def]
    [meeting] = rules(*MET_FOR_DAYS_OF_TALKS)
    assert meeting.trigger.text == "met"
    assert [t.name for t in meeting.targets] == ["Wang"]
    # the summit on whose sidelines they met is another event
    assert [e.trigger.text for e in rules(*MET_ON_THE_SIDELINES)] == ["met", "summit"]


MINISTERS_OF_TWO_COUNTRIES = (
    "The foreign ministers of India and China met.",
    """
The the DET 3 det
foreign foreign ADJ 3 amod
ministers minister NOUN 8 nsubj Number=Plur
of of ADP 5 case
India India PROPN 3 nmod
and and CCONJ 7 cc
China China PROPN 5 conj
met meet VERB 0 root Tense=Past
. . PUNCT 8 punct
""",
)


def test_the_ministers_of_two_countries_meet_as_those_countries(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*MINISTERS_OF_TWO_COUNTRIES), EventKind.MEETING)
    assert meeting.agent.name == "India"
    assert [t.name for t in meeting.targets] == ["China"]


WARNED_AGAINST_SENDING = (
    "Russia warned NATO against sending troops to Ukraine.",
    """
Russia Russia PROPN 2 nsubj
warned warn VERB 0 root Tense=Past
NATO NATO PROPN 2 obj
against against SCONJ 5 mark
sending send VERB 2 advcl VerbForm=Ger
troops troops NOUN 5 obj Number=Plur
to to ADP 8 case
Ukraine Ukraine PROPN 5 obl
. . PUNCT 2 punct
""",
)

WARNED_SAYING = (
    "Blinken warned China, saying it would pay.",
    """
Blinken Blinken PROPN 2 nsubj
warned warn VERB 0 root Tense=Past
China China PROPN 2 obj
, , PUNCT 5 punct
saying say VERB 2 advcl VerbForm=Ger
it it PRON 8 nsubj
would would AUX 8 aux
pay pay VERB 5 ccomp VerbForm=Inf
. . PUNCT 2 punct
""",
)

TURNED_DOWN = (
    "Hamas turned down the offer. The mayor turned down the volume.",
    """
Hamas Hamas PROPN 2 nsubj
turned turn VERB 0 root Tense=Past
down down ADP 2 compound:prt
the the DET 5 det
offer offer NOUN 2 obj
. . PUNCT 2 punct

The the DET 2 det
mayor mayor NOUN 3 nsubj
turned turn VERB 0 root Tense=Past
down down ADP 3 compound:prt
the the DET 6 det
volume volume NOUN 3 obj
. . PUNCT 3 punct
""",
)


def test_the_one_warned_against_a_deed_would_do_it(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*WARNED_AGAINST_SENDING)
    assert only(events, EventKind.WARNING).agent.name == "Russia"
    aid = only(events, EventKind.AID)
    assert aid.agent.name == "NATO"
    assert aid.hypothetical
    # an adverbial participle is the warner's own words, not asked of China
    said = only(rules(*WARNED_SAYING), EventKind.STATEMENT)
    assert said.agent.name == "Blinken"
    assert not said.hypothetical


def test_turning_down_an_offer_is_a_rejection(rules) -> None:  # type: ignore[no-untyped-def]
    [rejection] = rules(*TURNED_DOWN)
    assert rejection.kind is EventKind.REJECTION
    assert rejection.agent.name == "Hamas"


IT_SAID_IN_PARENTHESIS = (
    "The ministry will send envoys, it said.",
    """
The the DET 2 det
ministry ministry NOUN 4 nsubj
will will AUX 4 aux
send send VERB 0 root VerbForm=Inf
envoys envoy NOUN 4 obj Number=Plur
, , PUNCT 8 punct
it it PRON 8 nsubj
said say VERB 4 parataxis Tense=Past
. . PUNCT 4 punct
""",
)


def test_it_in_a_reporting_parenthesis_is_the_main_clause_subject(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*IT_SAID_IN_PARENTHESIS), EventKind.STATEMENT)
    assert said.agent.name == "ministry"


QUOTED_AS_SAYING = (
    "Putin was quoted as saying that Russia would respond.",
    """
Putin Putin PROPN 3 nsubj:pass
was be AUX 3 aux:pass
quoted quote VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
as as SCONJ 5 mark
saying say VERB 3 advcl VerbForm=Ger
that that SCONJ 9 mark
Russia Russia PROPN 9 nsubj
would would AUX 9 aux
respond respond VERB 5 ccomp VerbForm=Inf
. . PUNCT 3 punct
""",
)


def test_the_one_quoted_as_saying_is_the_speaker(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*QUOTED_AS_SAYING), EventKind.STATEMENT)
    assert said.agent.name == "Putin"


PLANNED_VISIT = (
    "Russia's planned visit to Pyongyang was delayed.",
    """
Russia Russia PROPN 4 nmod:poss
's 's PART 1 case
planned plan VERB 4 amod VerbForm=Part
visit visit NOUN 8 nsubj:pass
to to ADP 6 case
Pyongyang Pyongyang PROPN 4 nmod
was be AUX 8 aux:pass
delayed delay VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
. . PUNCT 8 punct
""",
)


def test_a_planned_or_potential_event_is_hypothetical(rules) -> None:  # type: ignore[no-untyped-def]
    visit = only(rules(*PLANNED_VISIT), EventKind.VISIT)
    assert visit.agent.name == "Russia"
    assert visit.hypothetical
    text, rows = PLANNED_VISIT
    held = only(
        rules(text.replace("planned", "recent"), rows.replace(
            "planned plan VERB 4 amod VerbForm=Part", "recent recent ADJ 4 amod"
        )),
        EventKind.VISIT,
    )
    assert not held.hypothetical


MET_NAME_DAY = (
    "Blinken met Modi Friday.",
    """
Blinken Blinken PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Modi Modi PROPN 2 obj
Friday Friday PROPN 2 obl:unmarked
. . PUNCT 2 punct
""",
)

THERESA_MAY_MET = (
    "Theresa May met Macron.",
    """
Theresa Theresa PROPN 3 nsubj
May May PROPN 3 aux
met meet VERB 0 root Tense=Past
Macron Macron PROPN 3 obj
. . PUNCT 3 punct
""",
)


def test_a_weekday_after_a_name_is_no_part_of_it(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*MET_NAME_DAY), EventKind.MEETING)
    assert [t.name for t in meeting.targets] == ["Modi"]
    assert meeting.date.text == "Friday"


def test_a_name_the_parser_made_an_auxiliary_is_no_modal(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*THERESA_MAY_MET), EventKind.MEETING)
    assert not meeting.hypothetical
    assert meeting.agent.name == "Theresa May"


MEET_XI_NEXT_MONTH = (
    "Biden will meet Xi next month.",
    """
Biden Biden PROPN 3 nsubj
will will AUX 3 aux
meet meet VERB 0 root VerbForm=Inf
Xi Xi PROPN 6 nummod
next next ADJ 6 amod
month month NOUN 3 obl:unmarked
. . PUNCT 3 punct
""",
)


def test_a_name_the_parser_hung_on_a_time_word_is_the_target(rules) -> None:  # type: ignore[no-untyped-def]
    meeting = only(rules(*MEET_XI_NEXT_MONTH), EventKind.MEETING)
    assert [t.name for t in meeting.targets] == ["Xi"]
    assert meeting.date.timex == "2024-05"
    assert meeting.date.text == "next month"


GOOD_FRIDAY_AGREEMENT = (
    "The Good Friday Agreement was signed in 1998.",
    """
The the DET 4 det
Good good ADJ 4 amod
Friday Friday PROPN 4 compound
Agreement agreement NOUN 6 nsubj:pass
was be AUX 6 aux:pass
signed sign VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
in in ADP 8 case
1998 1998 NUM 6 obl
. . PUNCT 6 punct
""",
)


def test_a_weekday_inside_a_name_does_not_date_the_event(rules) -> None:  # type: ignore[no-untyped-def]
    agreement = only(rules(*GOOD_FRIDAY_AGREEMENT), EventKind.AGREEMENT)
    assert agreement.date.timex == "1998"


# "the city of Tyre" names a place: "she" is not Tyre.
CITY_OF_THEN_SHE = (
    "The suit named Nina Chahine. Her wedding in the city of Tyre was set. "
    "It was postponed, she said.",
    """
The the DET 2 det
suit suit NOUN 3 nsubj
named name VERB 0 root Tense=Past
Nina Nina PROPN 3 obj
Chahine Chahine PROPN 4 flat
. . PUNCT 3 punct

Her her PRON 2 nmod:poss
wedding wedding NOUN 10 nsubj:pass
in in ADP 6 case
the the DET 6 det
city city NOUN 2 nmod
of of ADP 8 case
Tyre Tyre PROPN 6 nmod
was be AUX 10 aux:pass
set set VERB 0 root Tense=Past|VerbForm=Part
. . PUNCT 10 punct

It it PRON 3 nsubj:pass
was be AUX 3 aux:pass
postponed postpone VERB 0 root Tense=Past|VerbForm=Part
, , PUNCT 6 punct
she she PRON 6 nsubj
said say VERB 3 parataxis Tense=Past
. . PUNCT 3 punct
""",
)


def test_a_name_the_text_places_is_no_one_a_pronoun_means(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*CITY_OF_THEN_SHE), EventKind.STATEMENT)
    assert said.agent.name == "Nina Chahine"


# A misparse hangs "her" on "said": the speaker is not her own target.
SAID_HER = (
    "Nina Chahine said her wedding was set.",
    """
Nina Nina PROPN 3 nsubj
Chahine Chahine PROPN 1 flat
said say VERB 0 root Tense=Past
her her PRON 3 iobj
wedding wedding NOUN 7 nsubj:pass
was be AUX 7 aux:pass
set set VERB 3 ccomp Tense=Past|VerbForm=Part
. . PUNCT 3 punct
""",
)


def test_the_agent_is_never_its_own_target(rules) -> None:  # type: ignore[no-untyped-def]
    said = only(rules(*SAID_HER), EventKind.STATEMENT)
    assert said.agent.name == "Nina Chahine"
    assert said.targets == ()


# "his fellow Panjsheris" are a group, not the person "him" means.
GROUP_URGED_HIM = (
    "Younis Qanooni refused as his fellow Panjsheris urged him to stand.",
    """
Younis Younis PROPN 3 nsubj
Qanooni Qanooni PROPN 1 flat
refused refuse VERB 0 root Tense=Past
as as SCONJ 8 mark
his his PRON 7 nmod:poss
fellow fellow ADJ 7 amod
Panjsheris Panjsheris PROPN 8 nsubj Number=Plur
urged urge VERB 3 advcl Tense=Past
him he PRON 8 obj
to to PART 11 mark
stand stand VERB 8 xcomp VerbForm=Inf
. . PUNCT 3 punct
""",
)


def test_a_plural_name_after_a_determiner_is_no_he(rules) -> None:  # type: ignore[no-untyped-def]
    urged = only(rules(*GROUP_URGED_HIM), EventKind.REQUEST)
    assert urged.agent.name == "Panjsheris"
    assert [t.name for t in urged.targets] == ["Younis Qanooni"]


IN_A_NAME = (
    "Nina Chahine wed in Qana, in Nina Chahine's words.",
    """
Nina Nina PROPN 3 nsubj
Chahine Chahine PROPN 1 flat
wed wed VERB 0 root Tense=Past
in in ADP 5 case
Qana Qana PROPN 3 obl
, , PUNCT 11 punct
in in ADP 11 case
Nina Nina PROPN 11 nmod:poss
Chahine Chahine PROPN 8 flat
's 's PART 8 case
words word NOUN 3 obl
. . PUNCT 3 punct
""",
)


def test_in_before_a_name_places_it_unless_it_is_a_possessive() -> None:
    from diplo_events._actors.mentions import Mentions

    from .conftest import sentences_from_rows

    text, rows = IN_A_NAME
    mentions = Mentions.collect(sentences_from_rows(text, rows), text)
    found = {(m.start, m.name): m.person for m in mentions.items}
    assert found == {(0, "Nina Chahine"): True, (20, "Qana"): False, (29, "Nina Chahine"): True}


RECALLED_AMBASSADOR = (
    "Sweden recalled its ambassador from Iran.",
    """
Sweden Sweden PROPN 2 nsubj
recalled recall VERB 0 root Tense=Past
its its PRON 4 nmod:poss
ambassador ambassador NOUN 2 obj
from from ADP 6 case
Iran Iran PROPN 2 obl
. . PUNCT 2 punct
""",
)

SEVERED_TIES = (
    "Morocco severed diplomatic ties with Iran.",
    """
Morocco Morocco PROPN 2 nsubj
severed sever VERB 0 root Tense=Past
diplomatic diplomatic ADJ 4 amod
ties tie NOUN 2 obj
with with ADP 6 case
Iran Iran PROPN 4 nmod
. . PUNCT 2 punct
""",
)

SENT_TROOPS_TO = (
    "Pakistan sent troops to Iraq.",
    """
Pakistan Pakistan PROPN 2 nsubj
sent send VERB 0 root Tense=Past
troops troops NOUN 2 obj
to to ADP 5 case
Iraq Iraq PROPN 3 nmod
. . PUNCT 2 punct
""",
)


def test_recalling_an_ambassador_reduces_relations_with_the_country_it_leaves(rules) -> None:  # type: ignore[no-untyped-def]
    recalled = only(rules(*RECALLED_AMBASSADOR), EventKind.SANCTION)
    assert recalled.cameo == "161"
    assert recalled.agent.name == "Sweden"
    assert [t.name for t in recalled.targets] == ["Iran"]  # not its own ambassador


def test_severed_ties_name_the_other_party_on_the_ties(rules) -> None:  # type: ignore[no-untyped-def]
    severed = only(rules(*SEVERED_TIES), EventKind.SANCTION)
    assert severed.cameo == "161"
    assert [t.name for t in severed.targets] == ["Iran"]


def test_troops_sent_to_a_country_make_it_the_target(rules) -> None:  # type: ignore[no-untyped-def]
    sent = only(rules(*SENT_TROOPS_TO), EventKind.AID)
    assert [t.name for t in sent.targets] == ["Iraq"]


def test_expelling_diplomats_is_cameo_161() -> None:
    from diplo_events._rules.lexicon import Lexicon

    entries = Lexicon.bundled().lookup("expel", "VERB")
    # the first entry for diplomats: reduce or break diplomatic relations, not 164
    # (halt negotiations); inspectors and the dictionary's entries follow
    assert next(e.cameo for e in entries if "diplomat" in e.objects) == "161"
    assert entries[0].cameo == "161"


SINCE_A_DAY = (
    "Since September 11, Afghan leaders have accused Pakistan.",
    """
Since since ADP 2 case
September September PROPN 8 obl
11 11 NUM 2 nummod
, , PUNCT 8 punct
Afghan Afghan ADJ 6 amod
leaders leader NOUN 8 nsubj
have have AUX 8 aux
accused accuse VERB 0 root Tense=Past|VerbForm=Part
Pakistan Pakistan PROPN 8 obj
. . PUNCT 8 punct
""",
)


def test_a_time_the_event_is_since_is_not_its_date(rules) -> None:  # type: ignore[no-untyped-def]
    accused = only(rules(*SINCE_A_DAY), EventKind.ACCUSATION)
    assert accused.date.basis is DateBasis.PUBLICATION
    assert accused.date.timex == "2024-04-26"


AVOIDED_CRITICISING = (
    "The US has avoided criticising Musharraf, and China refrained from criticizing Russia.",
    """
The the DET 2 det
US US PROPN 4 nsubj
has have AUX 4 aux
avoided avoid VERB 0 root Tense=Past|VerbForm=Part
criticising criticise VERB 4 xcomp VerbForm=Ger
Musharraf Musharraf PROPN 5 obj
, , PUNCT 10 punct
and and CCONJ 10 cc
China China PROPN 10 nsubj
refrained refrain VERB 4 conj Tense=Past
from from SCONJ 12 mark
criticizing criticize VERB 10 advcl VerbForm=Ger
Russia Russia PROPN 12 obj
. . PUNCT 4 punct
""",
)


def test_a_deed_avoided_or_refrained_from_is_negated(rules) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in rules(*AVOIDED_CRITICISING) if e.kind is EventKind.ACCUSATION]
    assert [(e.agent.name, e.negated, e.hypothetical) for e in events] == [
        ("US", True, False),
        ("China", True, False),
    ]


IT_AFTER_A_BODY = (
    "The Islamic Party in Baghdad has cooperated. It is now threatening to pull out. "
    "The weather was fine. It said nothing.",
    """
The the DET 3 det
Islamic Islamic PROPN 3 amod
Party Party PROPN 7 nsubj
in in ADP 5 case
Baghdad Baghdad PROPN 3 nmod
has have AUX 7 aux
cooperated cooperate VERB 0 root Tense=Past|VerbForm=Part
. . PUNCT 7 punct

It it PRON 4 nsubj
is be AUX 4 aux
now now ADV 4 advmod
threatening threaten VERB 0 root VerbForm=Ger
to to PART 6 mark
pull pull VERB 4 xcomp VerbForm=Inf
out out ADP 6 compound:prt
. . PUNCT 4 punct

The the DET 2 det
weather weather NOUN 4 nsubj
was be AUX 4 cop
fine fine ADJ 0 root
. . PUNCT 4 punct

It it PRON 2 nsubj
said say VERB 0 root Tense=Past
nothing nothing PRON 2 obj
. . PUNCT 2 punct
""",
)


def test_a_subject_it_right_after_a_named_body_is_that_body(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*IT_AFTER_A_BODY)
    threat = only(events, EventKind.THREAT)  # an organization threatens
    assert threat.agent.text == "It"
    assert threat.agent.name == "Islamic Party"
    # two sentences on, "it" is no one: no speaker, no statement
    assert [e for e in events if e.kind is EventKind.STATEMENT] == []
