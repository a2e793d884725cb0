"""A sentence's setting decides a code ("sent troops" on a peacekeeping mission
is peacekeeping, CAMEO 074), and a body named before is what "the group" means;
on hand-written parses (no model), each the shape the bundled parser gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplo_events import Actor, EventKind, Lexicon, Span
from diplo_events._actors import gazetteer as gaz
from diplo_events._actors.types import actor_type, may_be_political
from diplo_events.exceptions import LexiconError

PEACEKEEPING = (
    "Kosovo is sending a platoon to Kuwait on a peacekeeping mission.",
    """
Kosovo Kosovo PROPN 3 nsubj
is be AUX 3 aux
sending send VERB 0 root VerbForm=Ger
a a DET 5 det
platoon platoon NOUN 3 obj
to to ADP 7 case
Kuwait Kuwait PROPN 3 obl
on on ADP 11 case
a a DET 11 det
peacekeeping peacekeeping NOUN 11 compound
mission mission NOUN 3 obl
. . PUNCT 3 punct
""",
)
TROOPS = (
    "Kosovo sent troops to Kuwait.",
    """
Kosovo Kosovo PROPN 2 nsubj
sent send VERB 0 root Tense=Past
troops troop NOUN 2 obj Number=Plur
to to ADP 5 case
Kuwait Kuwait PROPN 2 obl
. . PUNCT 2 punct
""",
)


def test_troops_sent_on_a_peacekeeping_mission_are_peacekeeping(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*PEACEKEEPING)
    assert event.kind is EventKind.AID
    assert (event.cameo, event.plover) == ("074", "AID")
    assert event.agent.name == "Kosovo"
    assert [t.name for t in event.targets] == ["Kuwait"]
    assert "in a sentence with 'peacekeeping'" in event.explanation


def test_troops_sent_without_that_setting_are_not_peacekeeping(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*TROOPS)
    assert [e.cameo for e in events] == ["070"]


def test_a_triggers_context_is_validated_and_read(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    entry = {"lemma": "dispatch", "pos": "VERB", "kind": "aid", "cameo": "074"}
    mine.write_text(json.dumps({"triggers": [{**entry, "context": "peacekeeping"}]}))
    with pytest.raises(LexiconError, match="context"):
        Lexicon.load(mine)
    mine.write_text(json.dumps({"triggers": [{**entry, "context": ["Peacekeeping"]}]}))
    (found,) = [t for t in Lexicon.load(mine).lookup("dispatch", "VERB") if t.context]
    assert found.context == frozenset({"peacekeeping"})


GROUP = (
    "Hamas fired rockets. The group said it would stop.",
    """
Hamas Hamas PROPN 2 nsubj
fired fire VERB 0 root Tense=Past
rockets rocket NOUN 2 obj Number=Plur
. . PUNCT 2 punct

The the DET 2 det
group group NOUN 3 nsubj Number=Sing
said say VERB 0 root Tense=Past
it it PRON 6 nsubj
would would AUX 6 aux
stop stop VERB 3 ccomp VerbForm=Inf
. . PUNCT 3 punct
""",
)
# the second sentence of JOINED and PEOPLE
GROUP_SAID = """The the DET 2 det
group group NOUN 3 nsubj Number=Sing
said say VERB 0 root Tense=Past
it it PRON 6 nsubj
would would AUX 6 aux
fight fight VERB 3 ccomp VerbForm=Inf
. . PUNCT 3 punct
"""
JOINED = (
    "Monotheism and Holy War posted a video. The group said it would fight.",
    """
Monotheism Monotheism PROPN 5 nsubj
and and CCONJ 4 cc
Holy holy ADJ 4 amod
War War PROPN 1 conj
posted post VERB 0 root Tense=Past
a a DET 7 det
video video NOUN 5 obj
. . PUNCT 5 punct

"""
    + GROUP_SAID,
)
PEOPLE = (
    "John Smith posted a video. The group said it would fight.",
    """
John John PROPN 3 nsubj
Smith Smith PROPN 1 flat
posted post VERB 0 root Tense=Past
a a DET 5 det
video video NOUN 3 obj
. . PUNCT 3 punct

"""
    + GROUP_SAID,
)


def _said(events):  # type: ignore[no-untyped-def]
    (said,) = [e for e in events if e.trigger.text == "said"]
    return said


def test_the_group_is_the_body_named_before(rules) -> None:  # type: ignore[no-untyped-def]
    agent = _said(rules(*GROUP)).agent
    assert (agent.text, agent.name, agent.code) == ("group", "Hamas", "PSEREB")


def test_the_group_is_a_name_the_tagger_split_at_and(rules) -> None:  # type: ignore[no-untyped-def]
    said = _said(rules(*JOINED))
    assert said.agent.name == "Monotheism and Holy War"
    assert said.not_political is None  # an organization's name the tables lack


def test_the_group_is_never_a_person(rules) -> None:  # type: ignore[no-untyped-def]
    assert _said(rules(*PEOPLE)).agent.name == "group"


@pytest.mark.parametrize(
    ("name", "organization"),
    [
        ("Monotheism and Holy War", True),
        ("Association of Muslim Scholars", True),
        ("Bank of Nova Scotia", True),
        ("Worldwatch Institute", True),
        ("John Smith", False),
        ("Osama bin Laden", False),
        ("Abu Bakr al-Baghdadi", False),
    ],
)
def test_names_joined_by_and_or_of_are_organizations(name: str, organization: bool) -> None:
    assert gaz.has_organization_head(name) is organization


def _actor(text: str) -> Actor:
    return Actor(text=text, name=text, span=Span(0, len(text), text))


def test_a_member_of_a_body_named_by_an_acronym_may_be_political() -> None:
    member = _actor("TNA member")
    assert may_be_political(member, actor_type(member))
    senior = _actor("senior member")
    assert not may_be_political(senior, actor_type(senior))


HANDED_OVER = (
    "The US handed over more than $4 million worth of equipment to the Ministry of Health.",
    """
The the DET 2 det
US US PROPN 3 nsubj
handed hand VERB 0 root Tense=Past
over over ADV 5 advmod
more more ADJ 3 obj
than than ADP 5 fixed
$ $ SYM 10 compound
4 4 NUM 9 compound
million million NUM 7 nummod
worth worth NOUN 3 obj
of of ADP 12 case
equipment equipment NOUN 10 nmod
to to ADP 15 case
the the DET 15 det
Ministry Ministry PROPN 12 nmod
of of ADP 17 case
Health Health PROPN 15 nmod
. . PUNCT 3 punct
""",
)


def test_a_particle_right_after_its_verb_counts_wherever_it_hangs(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*HANDED_OVER)
    assert (event.kind, event.cameo) == (EventKind.AID, "070")
    assert event.agent.name == "US"


def test_a_bodys_name_is_the_whole_phrase_after_its_head_word(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*HANDED_OVER)
    (target,) = event.targets
    assert (target.name, target.type.value) == ("Ministry of Health", "government")


FREED = (
    "Venezuela freed a former presidential candidate.",
    """
Venezuela Venezuela PROPN 2 nsubj
freed free VERB 0 root Tense=Past
a a DET 6 det
former former ADJ 6 amod
presidential presidential ADJ 6 amod
candidate candidate NOUN 2 obj
. . PUNCT 2 punct
""",
)


def test_a_candidate_freed_is_a_person_released(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*FREED)
    assert (event.kind, event.plover) == (EventKind.CONCESSION, "CONCEDE")
    assert [t.name for t in event.targets] == ["former presidential candidate"]


MEMBERS = (
    "Members of the New People's Army violated the ceasefire.",
    """
Members member NOUN 8 nsubj Number=Plur
of of ADP 7 case
the the DET 5 det
New new ADJ 5 amod
People People PROPN 7 nmod:poss
's 's PART 5 case
Army Army PROPN 8 nsubj
violated violate VERB 0 root Tense=Past
the the DET 10 det
ceasefire ceasefire NOUN 8 obj
. . PUNCT 8 punct
""",
)
IN_SYRIA = (
    "Turkey attacked fighters in Syria.",
    """
Turkey Turkey PROPN 2 nsubj
attacked attack VERB 0 root Tense=Past
fighters fighter NOUN 2 obj Number=Plur
in in ADP 5 case
Syria Syria PROPN 3 nmod
. . PUNCT 2 punct
""",
)


def test_an_of_phrase_the_parser_made_a_second_subject_is_mended(rules) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import sentences_from_rows

    [sent] = sentences_from_rows(*MEMBERS)
    army = sent.words[6]
    assert (army.deprel, sent.words[army.head].text) == ("nmod", "Members")
    (event,) = rules(*MEMBERS)
    assert (event.kind, event.cameo) == (EventKind.ASSAULT, "196")


def test_members_of_a_body_are_of_its_code_and_named_with_it(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*MEMBERS)
    agent = event.agent
    assert (agent.name, agent.code, agent.type.value) == (
        "Members of the New People's Army", "PHLREB", "armed_group"
    )


def test_people_in_a_country_are_somewhere_not_part_of_it(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*IN_SYRIA)
    assert [t.name for t in event.targets] == ["fighters"]


CALLED_FOR_SANCTIONS = (
    "Britain called for sanctions against Iran.",
    """
Britain Britain PROPN 2 nsubj
called call VERB 0 root Tense=Past
for for ADP 4 case
sanctions sanction NOUN 2 obl Number=Plur
against against ADP 6 case
Iran Iran PROPN 4 nmod
. . PUNCT 2 punct
""",
)
BLOCKADE = (
    "Saudi Arabia imposed a blockade on Qatar.",
    """
Saudi Saudi PROPN 3 compound
Arabia Arabia PROPN 3 nsubj
imposed impose VERB 0 root Tense=Past
a a DET 5 det
blockade blockade NOUN 3 obj
on on ADP 7 case
Qatar Qatar PROPN 3 obl
. . PUNCT 3 punct
""",
)


def test_a_call_for_sanctions_threatens_them_as_the_verb_dictionary_codes_it(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*CALLED_FOR_SANCTIONS)
    assert (event.kind, event.cameo, event.plover) == (EventKind.THREAT, "1312", "THREATEN")


def test_a_blockade_imposed_is_the_codebooks_191_not_a_boycott(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*BLOCKADE)
    assert (event.cameo, event.plover) == ("191", "COERCE")
    assert [t.name for t in event.targets] == ["Qatar"]


@pytest.mark.parametrize(
    ("name", "country"),
    [("Islamic State", None), ("ISIS", None), ("Hayat Tahrir al-Sham", "SYR"),
     ("Syrian Democratic Forces", "SYR"), ("TPLF", "ETH")],
)
def test_armed_groups_after_the_dictionaries_are_armed_groups(
    name: str, country: str | None
) -> None:
    title = gaz.split_title(name)
    assert (title.sector, title.country) == ("REB", country)
    group = Actor(text=name, name=name, span=Span(0, len(name), name), country=country)
    assert actor_type(group).value == "armed_group"


PROPOSED_BY = (
    "Hamas rejected the plan proposed by Egypt.",
    """
Hamas Hamas PROPN 2 nsubj
rejected reject VERB 0 root Tense=Past
the the DET 4 det
plan plan NOUN 2 obj
proposed propose VERB 4 acl VerbForm=Part
by by ADP 7 case
Egypt Egypt PROPN 5 obl:agent
. . PUNCT 2 punct
""",
)


def test_the_author_of_what_is_answered_may_follow_by(rules) -> None:  # type: ignore[no-untyped-def]
    rejection = next(e for e in rules(*PROPOSED_BY) if e.kind is EventKind.REJECTION)
    assert [t.name for t in rejection.targets] == ["Egypt"]


FIRED_AT = (
    "Hamas fired rockets at Israel.",
    """
Hamas Hamas PROPN 2 nsubj
fired fire VERB 0 root Tense=Past
rockets rocket NOUN 2 obj Number=Plur
at at ADP 5 case
Israel Israel PROPN 2 obl
. . PUNCT 2 punct
""",
)
FIRED = (
    "North Korea fired two missiles.",
    """
North North PROPN 2 compound
Korea Korea PROPN 3 nsubj
fired fire VERB 0 root Tense=Past
two two NUM 5 nummod
missiles missile NOUN 3 obj Number=Plur
. . PUNCT 3 punct
""",
)


def test_weapons_fired_at_someone_are_an_attack_on_them(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*FIRED_AT)
    assert (event.kind, event.cameo) == (EventKind.ASSAULT, "190")
    assert [t.name for t in event.targets] == ["Israel"]


def test_weapons_fired_at_no_one_are_a_show_of_force(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*FIRED)
    assert (event.kind, event.cameo) == (EventKind.MOBILIZATION, "150")


SPANNING_CONJUNCT = (
    "A court freed the pastor, a critic of Mugabe.",
    """
A a DET 2 det
court court NOUN 3 nsubj
freed free VERB 0 root Tense=Past
the the DET 5 det
pastor pastor NOUN 3 obj
, , PUNCT 8 punct
a a DET 8 det
critic critic NOUN 2 conj
of of ADP 10 case
Mugabe Mugabe PROPN 8 nmod
. . PUNCT 3 punct
""",
)


def test_a_coordination_never_spans_its_own_head_word(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*SPANNING_CONJUNCT)
    assert [e.agent.name for e in events] == ["court"]
