"""Constructions from the codebook's RETREAT, COERCE and ASSAULT definitions, on
hand-written parses (no model); each parse is the shape the bundled parser gives."""

from __future__ import annotations

from diplo_events import EventKind

RETURNED = (
    "The United States returned a marble statue to Ambassador Kherbi.",
    """
The the DET 3 det
United united ADJ 3 amod
States State PROPN 4 nsubj
returned return VERB 0 root Tense=Past
a a DET 7 det
marble marble ADJ 7 compound
statue statue NOUN 4 obj
to to ADP 10 case
Ambassador Ambassador PROPN 10 compound
Kherbi Kherbi PROPN 7 nmod
. . PUNCT 4 punct
""",
)
RETURNED_HOME = (
    "The minister returned to Kabul.",
    """
The the DET 2 det
minister minister NOUN 3 nsubj
returned return VERB 0 root Tense=Past
to to ADP 5 case
Kabul Kabul PROPN 3 obl
. . PUNCT 3 punct
""",
)
CALLED_OFF = (
    "The unions called off the strike.",
    """
The the DET 2 det
unions union NOUN 3 nsubj
called call VERB 0 root Tense=Past
off off ADP 6 case
the the DET 6 det
strike strike NOUN 3 obl
. . PUNCT 3 punct
""",
)
SAID_IT_STRUCK = (
    "The army said it had attacked the camp.",
    """
The the DET 2 det
army army NOUN 3 nsubj
said say VERB 0 root Tense=Past
it it PRON 6 nsubj
had have AUX 6 aux
attacked attack VERB 3 ccomp Tense=Past|VerbForm=Part
the the DET 8 det
camp camp NOUN 6 obj
. . PUNCT 3 punct
""",
)
ARRESTED = (
    "The journalist was arrested in Niamey.",
    """
The the DET 2 det
journalist journalist NOUN 4 nsubj:pass
was be AUX 4 aux:pass
arrested arrest VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
in in ADP 6 case
Niamey Niamey PROPN 4 obl
. . PUNCT 4 punct
""",
)
WHO_WAS_ARRESTED = (
    "Paris demanded the release of a journalist who was arrested.",
    """
Paris Paris PROPN 2 nsubj
demanded demand VERB 0 root Tense=Past
the the DET 4 det
release release NOUN 2 obj
of of ADP 7 case
a a DET 7 det
journalist journalist NOUN 4 nmod
who who PRON 10 nsubj:pass
was be AUX 10 aux:pass
arrested arrest VERB 7 acl:relcl Tense=Past|VerbForm=Part|Voice=Pass
. . PUNCT 2 punct
""",
)
VIOLATED = (
    "Militias violated the ceasefire.",
    """
Militias militia NOUN 2 nsubj
violated violate VERB 0 root Tense=Past
the the DET 4 det
ceasefire ceasefire NOUN 2 obj
. . PUNCT 2 punct
""",
)
SHIELDS = (
    "The militants used civilians as human shields.",
    """
The the DET 2 det
militants militant NOUN 3 nsubj
used use VERB 0 root Tense=Past
civilians civilian NOUN 3 obj
as as ADP 7 case
human human ADJ 7 amod
shields shield NOUN 3 obl
. . PUNCT 3 punct
""",
)


def kinds(events) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.kind.value, e.cameo) for e in events]


def test_returning_property_to_a_party_is_retreat_even_with_the_party_on_the_object(
    rules,  # type: ignore[no-untyped-def]
) -> None:
    [event] = rules(*RETURNED)
    assert (event.kind, event.cameo, event.plover) == (EventKind.CONCESSION, "0842", "RETREAT")
    assert [t.name for t in event.targets] == ["Kherbi"]  # the title goes to the role
    assert rules(*RETURNED_HOME) == []  # going back somewhere returns nothing to anyone


def test_calling_off_a_strike_with_the_particle_parsed_as_a_preposition(rules) -> None:  # type: ignore[no-untyped-def]
    assert kinds(rules(*CALLED_OFF)) == [("concession", "080")]


def test_the_it_of_what_a_body_says_is_that_body(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*SAID_IT_STRUCK)
    [attack] = [e for e in events if e.kind is EventKind.ASSAULT]
    assert attack.agent is not None and attack.agent.name == "army"


def test_a_passive_deed_of_force_stands_without_its_doer_only_as_the_news_itself(
    rules,  # type: ignore[no-untyped-def]
) -> None:
    [arrest] = rules(*ARRESTED)
    assert (arrest.kind, arrest.agent) == (EventKind.COERCION, None)
    assert [t.name for t in arrest.targets] == ["journalist"]
    # in a background clause the doerless arrest is not an event of its own
    assert EventKind.COERCION not in {e.kind for e in rules(*WHO_WAS_ARRESTED)}


def test_violating_a_ceasefire_and_human_shields_are_assault(rules) -> None:  # type: ignore[no-untyped-def]
    assert kinds(rules(*VIOLATED)) == [("assault", "196")]
    assert kinds(rules(*SHIELDS)) == [("assault", "184")]


ACCEPTED = (
    "Canada accepted 1,000 Syrian refugees.",
    """
Canada Canada PROPN 2 nsubj
accepted accept VERB 0 root Tense=Past
1,000 1000 NUM 5 nummod
Syrian Syrian ADJ 5 amod
refugees refugee NOUN 2 obj
. . PUNCT 2 punct
""",
)
ORDERED = (
    "The court ordered Rampal to appear for questioning.",
    """
The the DET 2 det
court court NOUN 3 nsubj
ordered order VERB 0 root Tense=Past
Rampal Rampal PROPN 3 obj
to to PART 6 mark
appear appear VERB 3 advcl VerbForm=Inf
for for SCONJ 8 mark
questioning question VERB 6 advcl VerbForm=Ger
. . PUNCT 3 punct
""",
)
AT_A_MEETING = (
    "Police detained the activists at a meeting.",
    """
Police police NOUN 2 nsubj
detained detain VERB 0 root Tense=Past
the the DET 4 det
activists activist NOUN 2 obj
at at ADP 7 case
a a DET 7 det
meeting meeting NOUN 2 obl
. . PUNCT 2 punct
""",
)


def test_accepting_refugees_is_granting_asylum(rules) -> None:  # type: ignore[no-untyped-def]
    assert kinds(rules(*ACCEPTED)) == [("aid", "075")]


def test_an_order_whose_infinitive_was_parsed_as_an_adverbial_is_still_a_demand(
    rules,  # type: ignore[no-untyped-def]
) -> None:
    [order] = rules(*ORDERED)
    assert (order.kind, order.cameo) == (EventKind.REQUEST, "100")
    assert [t.name for t in order.targets] == ["Rampal"]


def test_a_meeting_that_is_the_setting_of_another_event_is_its_backdrop(rules) -> None:  # type: ignore[no-untyped-def]
    assert [e.kind for e in rules(*AT_A_MEETING)] == [EventKind.COERCION]
