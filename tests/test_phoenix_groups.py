"""Armed groups and IGOs from the Phoenix actor dictionaries: the conversion, the
lookup, and the actors of events they take part in (CoNLL-U, no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplo_events import ActorType
from diplo_events._actors import gazetteer
from tests.conftest import load_script

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"

groups_tool = load_script(REPO / "tools" / "build_phoenix_groups.py")

# Invented entries in the dictionaries' format: a TOPS group with aliases, one
# a common word and one a description; a person with dated offices; a group
# whose leader's first name would be its one-word name outside TOPS; a name
# two groups share; an IGO, a company and someone serving the IGO in the
# international file.
MINI_MILNONSTATE = """\
# header
FREEDONIAN_LIBERATION_FRONT_ [FREREB] #  kkl 21 Mar 13
+FLF
+ORGANIZATION_
+LIBERATION_FRONT_
+SYLVANIA_FLF_

MARXISTAS_ [FREREB] #  kkl 21 Mar 13

RUFUS_T_FIREFLY_
\t[FREGOV 990809-080507]
\t[FREELI]
TRENTINO__ [IMGSYL] #  leader
RED_HAND_ [FREREB] #  kkl
RED_HAND_ [SYLREB] #  kkl
"""
MINI_INTERNATIONAL = """\
LEAGUE_OF_FREEDONIAN_STATES_ [IGOFRELFS]
+LFS
ACME_CORPORATION_ [MNCUSA]
RUFUS_FIREFLY_ [IGOFRELFS]
"""
COMMON = frozenset({"organization", "liberation", "front", "hand", "red"})


def test_conversion_keeps_groups_with_one_undated_code_and_specific_names() -> None:
    groups = groups_tool.build(
        [(MINI_MILNONSTATE, None), (MINI_INTERNATIONAL, "IGO")], COMMON
    )
    assert groups == [
        {"name": "Freedonian Liberation Front", "code": "FREREB",
         "aliases": ["flf", "sylvania flf"]},
        {"name": "Marxistas", "code": "FREREB", "aliases": []},
        {"name": "League of Freedonian States", "code": "IGOFRELFS", "aliases": ["lfs"]},
    ]


@pytest.mark.skipif(not SHARED.is_dir(), reason="no PETRARCH dictionaries beside the checkout")
def test_the_shipped_groups_are_what_the_dictionaries_give() -> None:
    assert groups_tool.main(["--check"]) == 0


def test_a_group_is_found_by_its_names_and_the_hand_written_tables_come_first() -> None:
    assert gazetteer.group_code("the Taliban") == "AFGREB"
    assert gazetteer.group_code("al-Shabab") == gazetteer.group_code("al-Shabaab") is not None
    assert gazetteer.group_code("FARC") == "COLREB"
    assert gazetteer.group_code("Intergovernmental Panel on Climate Change") == "IGOUNOENV"
    # descriptions many groups answer to name none of them
    assert gazetteer.group_code("Islamic Party") is None
    assert gazetteer.group_code("Islamic Jihad") is None
    # the hand-written bodies, organizations and countries keep their own
    assert gazetteer.group_code("Hezbollah") is None
    assert gazetteer.group_code("OPEC") is None and gazetteer.group_code("OIC") is None
    assert gazetteer.group_code("China") is None


TALIBAN = (
    "The Taliban attacked a checkpoint.",
    """
The the DET 2 det
Taliban Taliban PROPN 3 nsubj
attacked attack VERB 0 root Tense=Past
a a DET 5 det
checkpoint checkpoint NOUN 3 obj
. . PUNCT 3 punct
""",
)
MEMBERS = (
    "Four Taliban members met the envoy.",
    """
Four four NUM 3 nummod
Taliban Taliban PROPN 3 compound
members member NOUN 4 nsubj
met meet VERB 0 root Tense=Past
the the DET 6 det
envoy envoy NOUN 4 obj
. . PUNCT 4 punct
""",
)


def test_an_armed_group_is_coded_with_its_country_and_typed(rules) -> None:  # type: ignore[no-untyped-def]
    (attack,) = rules(*TALIBAN)
    assert (attack.agent.name, attack.agent.code, attack.agent.country) == (
        "Taliban", "AFGREB", "AFG"
    )
    assert attack.agent.type is ActorType.ARMED_GROUP
    (met,) = rules(*MEMBERS)
    # members of a group the tables lack a head word for are the group's
    assert met.agent.type is ActorType.ARMED_GROUP and met.not_political is None
