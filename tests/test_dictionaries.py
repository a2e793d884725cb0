"""The field's dictionaries in the library: the CAMEO verb dictionary's triggers and the
Phoenix agent nouns, their conversion, and the rules that read them (CoNLL-U, no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplo_events import EventKind
from diplo_events._actors import gazetteer
from diplo_events._rules.lexicon import Lexicon
from tests.conftest import load_script

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data" / "petrarch-dictionaries"

verbs_tool = load_script(REPO / "tools" / "build_cameo_verbs.py")
agents_tool = load_script(REPO / "tools" / "build_phoenix_agents.py")

# An invented dictionary in PETRARCH's format: a synonym set, a block with a
# default code and a verb's own code, patterns written for one verb and for all,
# a blocking pattern, a multi-word verb, and a block whose code has no category.
MINI_DICTIONARY = """\
####### SYNONYM SETS #######

&GADGET
+WIDGET
+SPROCKET_

####### VERB PATTERNS #######

---  PUMMEL   [190]  ---
+BEAT_UP {+BEATS_UP +BEAT_UP }
PUMMEL
THUMP [180]
FLOG_AND_RUN
- * &GADGET                                           [195]         # PUMMEL
- * (AT PARADE)                                       [141]         # THUMP
- * DRUMS                                             [---]         # PUMMEL
- * HOLIDAY                                           [172]

---  MUSE   [010]  ---
MUSE
- * (ON PEACE)                                        [051]         # MUSE
"""


def test_conversion_keeps_codes_patterns_and_the_verbs_they_were_written_for() -> None:
    synsets, blocks = verbs_tool.parse(MINI_DICTIONARY)
    assert synsets["&GADGET"] == ["widget", "sprocket"]
    entries = list(verbs_tool.triggers(synsets, blocks))
    got = {(e["lemma"], e["cameo"], tuple(e.get("objects", ())), tuple(e.get("obl", ())),
            tuple(e.get("particle", ()))) for e in entries}
    # defaults: the block's code, a verb's own code, a particle verb
    assert ("pummel", "190", (), (), ()) in got
    assert ("thump", "180", (), (), ()) in got
    assert ("beat", "190", (), (), ("up",)) in got
    # a pattern written for PUMMEL, with its synonym set expanded, only for PUMMEL
    assert ("pummel", "195", ("sprocket", "widget"), (), ()) in got
    assert not any(lemma == "thump" and code == "195" for lemma, code, *_ in got)
    # a prepositional pattern: preposition and noun
    assert ("thump", "141", (), ("parade",), ("at",)) in got
    # a pattern without a comment is every verb's
    assert {lemma for lemma, code, *_ in got if code == "172"} == {"pummel", "thump", "beat"}
    # blocked ([---]) patterns, unreadable multi-word verbs and statements give nothing;
    # a pattern with a category in a statement block does
    assert not any(e.get("objects") == ["drums"] for e in entries)
    assert not any(e["lemma"] == "flog" for e in entries)
    assert ("muse", "010", (), (), ()) not in got
    assert ("muse", "051", (), ("peace",), ("on",)) in got
    # every entry is a valid trigger of the library's kinds
    kinds = {e["kind"] for e in entries}
    assert kinds <= {k.value for k in EventKind}
    assert {"assault", "protest", "coercion", "support"} <= kinds


def test_patterns_come_before_the_plain_verb_so_the_specific_code_wins() -> None:
    data = verbs_tool.build_from_text(MINI_DICTIONARY)
    pummel = [e for e in data["triggers"] if e["lemma"] == "pummel"]
    assert pummel[-1] == {"lemma": "pummel", "pos": "VERB", "kind": "assault", "cameo": "190"}
    assert all("objects" in e or "obl" in e or "particle" in e for e in pummel[:-1])


def test_agents_conversion_expands_macros_and_keeps_one_word_entries() -> None:
    text = """\
!PERSON! = MAN, WOMAN
CHAIR!PERSON! [~GOV]
BOMBER [~MIL]
SUICIDE_BOMBER [~REB]
ODD_ENTRY
"""
    assert agents_tool.build(text) == {"bomber": "MIL", "chairman": "GOV", "chairwoman": "GOV"}


@pytest.mark.skipif(not SHARED.is_dir(), reason="no PETRARCH dictionaries beside the checkout")
def test_bundled_data_is_what_the_dictionaries_give_now() -> None:
    assert verbs_tool.main(["--check"]) == 0
    assert agents_tool.main(["--check"]) == 0


def test_bundled_lexicon_fills_in_verbs_without_overriding_hand_written_ones() -> None:
    lexicon = Lexicon.bundled()
    attack = lexicon.lookup("attack", "VERB")
    plain = [t for t in attack if not (t.objects or t.obl or t.particle)]
    assert [(t.kind, t.cameo) for t in plain] == [(EventKind.ASSAULT, "190")]
    assert attack[-1] is plain[0]  # the specific patterns are tried first
    assert lexicon.lookup("arrest", "VERB")[-1].cameo == "173"
    # "meet" has hand-written conditions ("met the deadline"): the dictionary adds none
    assert {t.kind for t in lexicon.lookup("meet", "VERB")} == {EventKind.MEETING}
    assert lexicon.kinds[EventKind.ASSAULT].instrument_agents
    assert "missile" in lexicon.kinds[EventKind.ASSAULT].instruments
    assert not lexicon.kinds[EventKind.MEETING].instruments


def test_agent_nouns_are_animate() -> None:
    assert gazetteer.is_animate_head("bomber")
    assert gazetteer.is_animate_head("militant")


MISSILES_STRUCK = (
    "Syrian missiles struck a depot.",
    """
Syrian Syrian ADJ 2 amod
missiles missile NOUN 3 nsubj
struck strike VERB 0 root
a a DET 5 det
depot depot NOUN 3 obj
. . PUNCT 3 punct
""",
)

LAUNCHED_AIRSTRIKES = (
    "Israel launched airstrikes on Gaza.",
    """
Israel Israel PROPN 2 nsubj
launched launch VERB 0 root
airstrikes airstrike NOUN 2 obj
on on ADP 5 case
Gaza Gaza PROPN 3 nmod
. . PUNCT 2 punct
""",
)

ACCORDING_TO = (
    "Troops withdrew, according to officials.",
    """
Troops troops NOUN 2 nsubj
withdrew withdraw VERB 0 root
, , PUNCT 6 punct
according accord VERB 6 case
to to ADP 4 fixed
officials official NOUN 2 obl
. . PUNCT 2 punct
""",
)

POET_STRUCK = (
    "The idea struck a chord.",
    """
The the DET 2 det
idea idea NOUN 3 nsubj
struck strike VERB 0 root
a a DET 5 det
chord chord NOUN 3 obj
. . PUNCT 3 punct
""",
)


def test_the_means_of_force_stand_for_their_user(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in rules(*MISSILES_STRUCK) if e.kind is EventKind.ASSAULT]
    assert event.agent is not None and event.agent.text == "Syrian missiles"
    assert event.plover == "ASSAULT"


def test_an_inanimate_subject_that_is_no_weapon_makes_no_assault(rules) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in rules(*POET_STRUCK) if e.kind is EventKind.ASSAULT]


def test_a_light_verb_with_a_noun_of_force_is_one_assault(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*LAUNCHED_AIRSTRIKES)
    (event,) = events
    assert event.kind is EventKind.ASSAULT and event.trigger.text == "airstrikes"
    assert event.agent is not None and event.agent.name == "Israel"
    assert [t.text for t in event.targets] == ["Gaza"]


def test_according_to_is_a_preposition_not_an_event(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*ACCORDING_TO)
    assert [e.trigger.text for e in events] == ["withdrew"]
    # the dictionary's WITHDRAW block is coded 080 (yield), which PLOVER makes CONCEDE
    assert events[0].kind is EventKind.CONCESSION and events[0].cameo == "080"


WILL_IMPOSE = (
    "Washington will impose sanctions on Tehran.",
    """
Washington Washington PROPN 3 nsubj
will will AUX 3 aux
impose impose VERB 0 root
sanctions sanction NOUN 3 obj Number=Plur
on on ADP 6 case
Tehran Tehran PROPN 3 obl
. . PUNCT 3 punct
""",
)

WILLING_TO_WITHDRAW = (
    "Egypt is willing to withdraw its troops.",
    """
Egypt Egypt PROPN 3 nsubj
is be AUX 3 cop
willing willing ADJ 0 root
to to PART 5 mark
withdraw withdraw VERB 3 xcomp
its its PRON 7 nmod:poss
troops troops NOUN 5 obj
. . PUNCT 3 punct
""",
)

WILL_NOT_LIFT = (
    "Clinton will not lift the embargo.",
    """
Clinton Clinton PROPN 4 nsubj
will will AUX 4 aux
not not PART 4 advmod
lift lift VERB 0 root
the the DET 6 det
embargo embargo NOUN 4 obj
. . PUNCT 4 punct
""",
)

VOWED_TO_ATTACK = (
    "The rebels vowed to attack the capital.",
    """
The the DET 2 det
rebels rebel NOUN 3 nsubj
vowed vow VERB 0 root
to to PART 5 mark
attack attack VERB 3 xcomp
the the DET 7 det
capital capital NOUN 5 obj
. . PUNCT 3 punct
""",
)

WOULD_HAVE_BLOCKED = (
    "Chalabi would have blocked the decree.",
    """
Chalabi Chalabi PROPN 4 nsubj
would would AUX 4 aux
have have AUX 4 aux
blocked block VERB 0 root
the the DET 6 det
decree decree NOUN 4 obj
. . PUNCT 4 punct
""",
)


def test_a_coercive_deed_announced_is_a_threat(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*WILL_IMPOSE)
    assert event.kind is EventKind.SANCTION  # what is talked about
    assert (event.cameo, event.plover) == ("1312", "THREATEN")
    assert "announced by 'will': threat" in event.explanation


def test_a_cooperative_deed_announced_is_an_intent(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*WILLING_TO_WITHDRAW)
    assert event.kind is EventKind.CONCESSION
    assert event.plover == "AGREE" and event.cameo.startswith("03")


def test_a_cooperative_deed_refused_is_a_rejection(rules) -> None:  # type: ignore[no-untyped-def]
    (event,) = rules(*WILL_NOT_LIFT)
    assert event.kind is EventKind.CONCESSION and event.negated
    assert (event.cameo, event.plover) == ("1244", "REJECT")


THREATENED_TO_ATTACK = (
    "The rebels threatened to attack the capital.",
    """
The the DET 2 det
rebels rebel NOUN 3 nsubj
threatened threaten VERB 0 root
to to PART 5 mark
attack attack VERB 3 xcomp
the the DET 7 det
capital capital NOUN 5 obj
. . PUNCT 3 punct
""",
)


def test_a_deed_threatened_is_the_threats_content_not_an_assault(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*THREATENED_TO_ATTACK)
    assert [(e.kind, e.trigger.text) for e in events] == [(EventKind.THREAT, "threatened")]


def test_a_vow_to_attack_is_one_threat_not_also_a_promise(rules) -> None:  # type: ignore[no-untyped-def]
    events = rules(*VOWED_TO_ATTACK)
    assert [(e.kind, e.plover) for e in events] == [(EventKind.ASSAULT, "THREATEN")]
    assert events[0].cameo == "1384"


def test_what_would_have_happened_is_announced_by_nobody(rules) -> None:  # type: ignore[no-untyped-def]
    for event in rules(*WOULD_HAVE_BLOCKED):
        assert event.plover != "THREATEN"


MUST_RETURN = (
    "Ottawa said Moscow must return the aircraft.",
    """
Ottawa Ottawa PROPN 2 nsubj
said say VERB 0 root
Moscow Moscow PROPN 5 nsubj
must must AUX 5 aux
return return VERB 2 ccomp
the the DET 7 det
aircraft aircraft NOUN 5 obj
. . PUNCT 2 punct
""",
)


def test_a_statement_that_someone_must_act_is_a_demand(rules) -> None:  # type: ignore[no-untyped-def]
    said = [e for e in rules(*MUST_RETURN) if e.kind is EventKind.STATEMENT]
    assert len(said) == 1
    assert (said[0].cameo, said[0].plover) == ("100", "REQUEST")
    assert said[0].agent is not None and said[0].agent.name == "Ottawa"
    assert "obligation" in said[0].explanation
