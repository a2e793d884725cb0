"""Political-actor relevance: the type of each actor, and events with no political side.

The types are read from what an actor carries (pure, no model); the
events come from hand-written parses through the rule engine, which keeps
every event and says why the default would leave one out.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_events import Actor, ActorType, Event, EventKind, Lexicon, Span
from diplo_events._actors.types import actor_type, may_be_political
from diplo_events._rules.relevance import why_not_political
from diplo_events.exceptions import LexiconError


def actor(text: str, name: str | None = None, **kw: object) -> Actor:
    return Actor(text=text, name=name or text, span=Span(0, len(text), text), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (actor("Russia", country="RUS", code="RUS"), ActorType.STATE),
        (actor("the United States"), ActorType.STATE),
        (actor("Beijing", country="CHN", code="CHN"), ActorType.STATE),
        (actor("regional countries"), ActorType.STATE),
        (actor("Kremlin", country="RUS", code="RUSGOV"), ActorType.GOVERNMENT),
        (actor("the Foreign Ministry"), ActorType.GOVERNMENT),
        (actor("Police"), ActorType.GOVERNMENT),
        (actor("Malaysian immigration authorities"), ActorType.GOVERNMENT),
        # a body of a state whose head the tables lack
        (actor("Palestinian factions", "factions", country="PSE", code="PSE"),
         ActorType.GOVERNMENT),
        (actor("foreign minister", role="Foreign Minister"), ActorType.OFFICIAL),
        (actor("Putin", country="RUS", code="RUSGOV"), ActorType.OFFICIAL),
        (actor("UN", "United Nations", code="IGOUNO"), ActorType.IGO),
        (actor("UN Support Mission", "Support Mission"), ActorType.IGO),
        (actor("NATO allies", "allies"), ActorType.STATE),
        (actor("the Communist Party"), ActorType.PARTY),
        (actor("Rebels", role="rebel"), ActorType.ARMED_GROUP),
        (actor("Gunmen"), ActorType.ARMED_GROUP),
        (actor("Hamas", country="PSE", code="PSEREB"), ActorType.ARMED_GROUP),
        (actor("protesters"), ActorType.OPPOSITION),
        (actor("Worldwatch Institute"), ActorType.ORGANIZATION),
        (actor("diplomatic sources"), ActorType.OFFICIAL),
        (actor("Sunni clerics", "clerics", role="cleric"), ActorType.PERSON),
        (actor("John Smith"), ActorType.PERSON),
        (actor("She"), ActorType.PERSON),
        (actor("pilgrims"), ActorType.OTHER),
        (actor("Chinese pilgrims"), ActorType.OTHER),
        (actor("Workers"), ActorType.OTHER),
        (actor("her husband"), ActorType.OTHER),
    ],
)
def test_an_actors_type_is_read_from_its_code_role_and_name(
    made: Actor, expected: ActorType
) -> None:
    assert actor_type(made, dt.date(2024, 4, 26)) is expected


def test_names_the_tables_lack_and_pronouns_for_a_body_may_be_political() -> None:
    def may(a: Actor) -> bool:
        return may_be_political(a, actor_type(a))

    assert may(actor("Zelensky"))  # a leader after the dictionaries' end
    assert may(actor("AMS", "Association of Muslim Scholars"))
    assert may(actor("they"))
    # a religious office speaks politically; its believers are no political actors
    assert may(actor("Sunni clerics", "clerics", role="cleric"))
    assert not may(actor("pilgrims"))
    # "he" is judged by the person it was resolved to
    assert may(actor("he", "Masoud Shojai"))
    assert not may(actor("she"))  # nobody found for it
    assert not may(actor("Members"))  # a common noun at a sentence's start
    assert not may(actor("Kansas woman", "woman"))
    assert not may(actor("people"))


def _typed(a: Actor) -> Actor:
    return attrs.evolve(a, type=actor_type(a))


def _event(kind: EventKind, agent: Actor | None, *targets: Actor, sentence: str = "") -> Event:
    """An event as the rules leave it: every actor typed."""
    return Event(
        kind=kind,
        trigger=Span(0, 1, "x"),
        sentence=Span(0, len(sentence), sentence),
        agent=_typed(agent) if agent is not None else None,
        targets=tuple(_typed(t) for t in targets),
    )


def test_who_must_be_political_follows_the_kind() -> None:
    kinds = Lexicon.bundled().kinds
    visit, meeting = kinds[EventKind.VISIT], kinds[EventKind.MEETING]
    pilgrims = _event(EventKind.VISIT, actor("pilgrims"), actor("Mecca"))
    # a visit is its visitor's: the place visited makes no one political
    assert "'pilgrims' (other)" in (why_not_political(pilgrims, visit) or "")
    tourists = _event(EventKind.VISIT, actor("Tourists"), actor("Paris", country="FRA", code="FRA"))
    assert why_not_political(tourists, visit) is not None
    minister = _event(EventKind.VISIT, actor("foreign minister", role="Foreign Minister"))
    assert why_not_political(minister, visit) is None
    # any side of a meeting will do
    met = _event(EventKind.MEETING, actor("students"), actor("Russia", code="RUS"))
    assert why_not_political(met, meeting) is None
    assert why_not_political(_event(EventKind.MEETING, actor("She"), actor("her")), meeting)


def test_an_event_without_participants_is_judged_by_its_sentences_states() -> None:
    meeting = Lexicon.bundled().kinds[EventKind.MEETING]
    bilateral = _event(
        EventKind.MEETING, None, sentence="Bush met Chinese President Hu in a meeting."
    )
    assert why_not_political(bilateral, meeting) is None
    games = _event(EventKind.MEETING, None, sentence="The games will be hosted by the city.")
    assert "no participant is named" in (why_not_political(games, meeting) or "")


def test_force_with_its_doer_left_out_and_a_protest_stand_without_a_state() -> None:
    kinds = Lexicon.bundled().kinds
    killed = _event(EventKind.ASSAULT, None, actor("26 people", "people"))
    assert why_not_political(killed, kinds[EventKind.ASSAULT]) is None
    missiles = _event(EventKind.ASSAULT, actor("missiles"), actor("a village"))
    assert why_not_political(missiles, kinds[EventKind.ASSAULT]) is None
    strike = _event(EventKind.PROTEST, actor("2,000 workers", "workers"))
    assert why_not_political(strike, kinds[EventKind.PROTEST]) is None
    # a named doer that is no political actor decides as for any kind
    brawl = _event(EventKind.ASSAULT, actor("fans"), actor("a referee"))
    assert why_not_political(brawl, kinds[EventKind.ASSAULT]) is not None


def test_the_political_policy_is_validated_at_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "lex.json"
    bad.write_text('{"kinds": {"visit": {"cameo": "042", "political": "nobody"}}}', "utf-8")
    with pytest.raises(LexiconError, match="'political' must be one of"):
        Lexicon.load(bad)


PILGRIMS = (
    "Millions of pilgrims arrive in Mecca.",
    """
Millions million NOUN 4 nsubj Number=Plur
of of ADP 3 case
pilgrims pilgrim NOUN 1 nmod Number=Plur
arrive arrive VERB 0 root Tense=Pres
in in ADP 6 case
Mecca Mecca PROPN 4 obl
. . PUNCT 4 punct
""",
)
HIM = (
    "She met him at university.",
    """
She she PRON 2 nsubj
met meet VERB 0 root Tense=Past
him he PRON 2 obj
at at ADP 5 case
university university NOUN 2 obl
. . PUNCT 2 punct
""",
)
PUTIN = (
    "Putin met Xi Jinping in Beijing.",
    """
Putin Putin PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Xi Xi PROPN 2 obj
Jinping Jinping PROPN 3 flat
in in ADP 6 case
Beijing Beijing PROPN 2 obl
. . PUNCT 2 punct
""",
)


def test_the_rules_type_every_actor_and_give_the_reason(rules) -> None:  # type: ignore[no-untyped-def]
    (visit,) = rules(*PILGRIMS)
    assert visit.kind is EventKind.VISIT and visit.agent.type is ActorType.OTHER
    assert visit.not_political == "no political actor among its agent: 'pilgrims' (other)"
    (met,) = rules(*HIM)
    assert met.kind is EventKind.MEETING and met.not_political is not None
    (putin,) = rules(*PUTIN)
    assert putin.not_political is None
    assert (putin.agent.type, putin.targets[0].type) == (ActorType.OFFICIAL, ActorType.OFFICIAL)


NOT_POLITICAL = [
    "Millions of pilgrims arrive in Mecca every year.",
    "She met her husband at university.",
    "The games will be hosted by the city.",
    "Half of the traffic were visits from search engines.",
]


@pytest.mark.model
@pytest.mark.parametrize("sentence", NOT_POLITICAL)
def test_events_without_a_political_side_are_left_out_unless_asked_for(
    extractor, sentence: str  # type: ignore[no-untyped-def]
) -> None:
    text = f"date 2024-04-26\n\n{sentence}"
    assert extractor.extract(text) == []
    everything = extractor.extract(text, political_only=False)
    assert everything and all(e.not_political for e in everything), everything


@pytest.mark.model
def test_a_political_event_is_kept_with_its_actors_typed(extractor) -> None:  # type: ignore[no-untyped-def]
    (met,) = extractor.extract("date 2024-04-26\n\nPutin met Xi Jinping in Beijing on Friday.")
    assert met.not_political is None
    assert met.agent.type is ActorType.OFFICIAL


TALKS_AGAIN = (
    "Putin met Xi Jinping. The talks lasted five hours. The games were hosted by the city.",
    """
Putin Putin PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Xi Xi PROPN 2 obj
Jinping Jinping PROPN 3 flat
. . PUNCT 2 punct

The the DET 2 det
talks talk NOUN 3 nsubj Number=Plur
lasted last VERB 0 root Tense=Past
five five NUM 5 nummod
hours hour NOUN 3 obj
. . PUNCT 3 punct

The the DET 2 det
games game NOUN 4 nsubj:pass Number=Plur
were be AUX 4 aux:pass
hosted host VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
by by ADP 7 case
the the DET 7 det
city city NOUN 4 obl
. . PUNCT 4 punct
""",
)


def test_a_definite_mention_of_a_political_event_told_before_is_kept(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*TALKS_AGAIN)
    by_trigger = {e.trigger.text: e for e in events}
    assert by_trigger["met"].not_political is None
    # "the talks": the meeting told before, its parties named there
    assert by_trigger["talks"].not_political is None
    assert by_trigger["hosted"].not_political is not None


def test_a_trigger_may_make_its_events_political_by_themselves(rules) -> None:  # type: ignore[no-untyped-def]
    from tests.test_rules_stops_and_slips import WILL_NOT_END

    # workers are no political actors, but a strike, and refusing to end it, is
    (refusal,) = rules(*WILL_NOT_END)
    assert refusal.agent.type is ActorType.OTHER
    assert refusal.not_political is None
    lexicon = Lexicon.bundled()
    entry = next(t for t in lexicon.triggers if t.lemma == "end" and "strike" in t.objects)
    assert entry.political == "act"


def test_a_triggers_political_policy_is_validated_at_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "lex.json"
    bad.write_text(
        '{"triggers": [{"lemma": "picket", "pos": "VERB", "kind": "protest", '
        '"political": "always"}]}',
        "utf-8",
    )
    with pytest.raises(LexiconError, match="'political' must be one of"):
        Lexicon.load(bad)


@given(st.text(max_size=60), st.sampled_from([None, "RUS", "RUSGOV", "IGOUNO", "XXX", "A"]))
@settings(max_examples=200, deadline=None)
def test_any_name_gets_a_type_and_an_answer(text: str, code: str | None) -> None:
    made = Actor(text=text, name=text, span=Span(0, len(text), text), code=code)
    kind = actor_type(made)
    assert isinstance(kind, ActorType)
    assert isinstance(may_be_political(made, kind), bool)
