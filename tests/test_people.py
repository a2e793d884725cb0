"""Leaders from the Phoenix country actors: the conversion, the lookup by name and
day, and the actors of events they take part in (CoNLL-U, no model)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplo_events._actors import gazetteer
from tests.conftest import load_script

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data" / "petrarch-dictionaries"

people_tool = load_script(REPO / "tools" / "build_phoenix_people.py")

# Invented entries in the dictionary's format: a leader with variants (with
# and without "+"), dated periods, one still open and an undated default; a
# country block that is no person; a person without variants.
MINI_COUNTRIES = """\
# a header
FREEDONIA_
+FREEDONIAN_
[FRE]

RUFUS_FIREFLY_  # CountryInfo.txt
+FIREFLY_
PRESIDENT_RUFUS_T._FIREFLY
\t[FREELI 700101-990809]
\t[FREGOV 990809-080507]
\t[FREGOV >120101]
\t[FREELI]
AMBASSADOR_TRENTINO_  # CountryInfo.txt
\t[SYLGOV 300101-331231]
"""


def test_conversion_keeps_leaders_their_names_and_dated_codes() -> None:
    people = people_tool.build(MINI_COUNTRIES)
    assert people == [
        {
            "names": ["rufus firefly", "firefly", "president rufus t. firefly"],
            "codes": [
                ["FREELI", "1970-01-01", "1999-08-09"],
                ["FREGOV", "1999-08-09", "2008-05-07"],
                ["FREGOV", "2012-01-01", None],
                ["FREELI", None, None],
            ],
        },
        {"names": ["ambassador trentino"], "codes": [["SYLGOV", "1930-01-01", "1933-12-31"]]},
    ]


@pytest.mark.skipif(not SHARED.is_dir(), reason="no PETRARCH dictionaries beside the checkout")
def test_the_shipped_people_are_what_the_dictionary_gives() -> None:
    assert people_tool.main(["--check"]) == 0


def test_a_leaders_code_by_day_and_without_a_day_the_country() -> None:
    assert gazetteer.person_code("Vladimir Putin", dt.date(2010, 1, 1)) == "RUSGOV"
    assert gazetteer.person_code("Putin", dt.date(2020, 1, 1)) == "RUSGOV"  # still open
    assert gazetteer.person_code("Putin", dt.date(1995, 1, 1)) == "RUSELI"
    assert gazetteer.person_code("Vladimir V. Putin", dt.date(2004, 6, 1)) == "RUSGOV"
    assert gazetteer.person_code("Boris Yeltsin", dt.date(1995, 1, 1)) == "RUSGOV"
    # no day, no office: the country the periods share
    assert gazetteer.person_code("Putin") == "RUS"
    # a day after the last closed period: the country too
    assert gazetteer.person_code("Boris Yeltsin", dt.date(2010, 1, 1)) == "RUS"
    assert gazetteer.person_code("Rufus Firefly") is None  # not in the shipped file
    assert gazetteer.is_country_code("RUS") and not gazetteer.is_country_code("IGO")


PUTIN_MET_XI = (
    "Putin met Xi Jinping.",
    """
Putin Putin PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Xi Xi PROPN 2 obj
Jinping Jinping PROPN 3 flat
. . PUNCT 2 punct
""",
)


def test_leaders_the_dictionary_names_carry_their_country_and_code(rules) -> None:  # type: ignore[no-untyped-def]
    [meeting] = rules(*PUTIN_MET_XI, published="2024-04-26")
    assert meeting.agent is not None
    assert (meeting.agent.name, meeting.agent.country, meeting.agent.code) == (
        "Putin",
        "RUS",
        "RUSGOV",
    )
    [xi] = meeting.targets
    assert (xi.name, xi.country, xi.code) == ("Xi Jinping", "CHN", "CHNGOV")


def test_a_leader_is_coded_for_the_day_the_document_was_written(rules) -> None:  # type: ignore[no-untyped-def]
    [meeting] = rules(*PUTIN_MET_XI, published="1995-06-01")
    assert meeting.agent is not None and meeting.agent.code == "RUSELI"  # before his offices
    [undated] = rules(*PUTIN_MET_XI, published=None)
    assert undated.agent is not None
    assert (undated.agent.country, undated.agent.code) == ("RUS", "RUS")
