"""PLOVER codes follow from CAMEO codes by the official table, never by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplo_events import EventKind, Lexicon, LexiconError
from diplo_events._rules.codes import PLOVER_CATEGORIES, plover_for


@pytest.mark.parametrize(
    ("cameo", "category", "mode"),
    [
        ("042", "CONSULT", "visit"),  # make a visit
        ("043", "CONSULT", "visit"),  # host a visit
        ("036", "AGREE", None),  # express intent to meet or negotiate
        ("0331", "AGREE", None),  # express intent to provide economic aid
        ("057", "SUPPORT", None),  # sign formal agreement
        ("163", "COERCE", "restrict"),  # impose embargo, boycott or sanctions
        ("0841", "RETREAT", "release"),  # return, release persons
        ("112", "ACCUSE", "disapprove"),
    ],
)
def test_codes_listed_in_the_table(cameo: str, category: str, mode: str | None) -> None:
    code = plover_for(cameo)
    assert code is not None
    assert (code.category, code.mode, code.source) == (category, mode, cameo)


def test_an_unlisted_code_takes_its_nearest_listed_parent_or_its_root() -> None:
    code = plover_for("0429")  # not in the table: 042's entry
    assert code is not None and (code.category, code.source) == ("CONSULT", "042")
    code = plover_for("10")  # a root with one category
    assert code is not None and (code.category, code.source) == ("REQUEST", "10")


def test_dropped_roots_have_no_category_unless_a_decision_says_so() -> None:
    assert plover_for("010") is None  # make public statement: dropped by PLOVER
    assert plover_for("020") is None  # appeal: dropped by the table
    decided = plover_for("021", {"02": "REQUEST"})
    assert decided is not None and (decided.category, decided.source) == ("REQUEST", "02")
    # the table wins where it has an entry
    listed = plover_for("042", {"04": "AGREE"})
    assert listed is not None and listed.category == "CONSULT"


def test_every_category_in_the_table_is_plovers() -> None:
    package = Path(__import__("diplo_events").__file__).parent
    data = json.loads((package / "data" / "cameo_plover.json").read_text())
    assert {e["category"] for e in data["codes"].values()} <= PLOVER_CATEGORIES


def test_the_lexicon_codes_by_the_table() -> None:
    lex = Lexicon.bundled()
    assert lex.kinds[EventKind.STATEMENT].plover is None  # CAMEO 01: no PLOVER category
    assert lex.kinds[EventKind.PROMISE].plover == "AGREE"  # 030 express intent to cooperate
    assert lex.kinds[EventKind.REQUEST].plover == "REQUEST"  # 020, the documented decision
    for trigger in lex.triggers:
        code = plover_for(trigger.cameo, {"02": "REQUEST"})
        assert trigger.plover == (code.category if code else None), trigger.lemma


def test_a_hand_set_plover_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(
        {"triggers": [{"lemma": "x", "pos": "VERB", "kind": "meeting", "plover": "CONSULT"}]}
    ))
    with pytest.raises(LexiconError, match="not set by hand"):
        Lexicon.load(path)
