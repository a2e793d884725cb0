"""The bundled CAMEO-to-PLOVER table (data/cameo_plover.json) and its converter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
JSON_PATH = ROOT / "src" / "diplo_events" / "data" / "cameo_plover.json"
CODEBOOK = ROOT.parent / "shared" / "codebooks" / "CAMEO2PLOVER-2021.txt"

#: PLOVER 2.0's sixteen root categories, written out here independently of the converter.
PLOVER_2_ROOTS = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
#: A CAMEO code: a root 01-20, then one or two more digits.
CAMEO_CODE = re.compile(r"(0[1-9]|1\d|20)\d{1,2}")
CAMEO_ROOT = re.compile(r"0[1-9]|1\d|20")


build = load_script(ROOT / "tools" / "build_cameo_plover.py")


@pytest.fixture(scope="module")
def table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(JSON_PATH.read_text(encoding="utf-8"))
    return data


def test_the_json_is_well_formed_and_says_where_it_comes_from(table: dict[str, Any]) -> None:
    assert set(table) == {"about", "roots", "codes"}
    about = table["about"]
    assert about["licence"] == "CC BY-SA 4.0"
    assert about["repository"] == "https://github.com/openeventdata/PLOVER"
    assert re.fullmatch(r"[0-9a-f]{40}", about["commit"])
    assert "CC BY-SA 4.0" in about["attribution"]
    assert about["changes"]
    assert all(isinstance(n, str) for n in about["notes"])
    assert len(table["codes"]) > 200


def test_codes_are_cameo_codes_with_plover_categories(table: dict[str, Any]) -> None:
    for code, v in table["codes"].items():
        assert CAMEO_CODE.fullmatch(code), code
        assert set(v) == {"category", "mode", "context", "description"}, code
        assert v["category"] in PLOVER_2_ROOTS, code
        assert v["mode"] is None or (v["mode"] and v["mode"] == v["mode"].strip()), code
        context = v["context"]
        assert context is None or (
            isinstance(context, list) and context
            and all(c and c == c.strip() and ";" not in c for c in context)), code
        assert isinstance(v["description"], str), code
    assert list(table["codes"]) == sorted(table["codes"])
    for root, cats in table["roots"].items():
        assert CAMEO_ROOT.fullmatch(root), root
        assert cats and set(cats) <= PLOVER_2_ROOTS, root


def test_some_well_known_codes(table: dict[str, Any]) -> None:
    codes = table["codes"]
    assert codes["042"]["category"] == "CONSULT"
    assert codes["042"]["mode"] == "visit"
    assert codes["112"]["category"] == "ACCUSE"
    assert codes["1121"]["context"] == ["crime", "corruption"]
    assert "010" not in codes  # the table starts at 03: statements are no PLOVER event


@pytest.mark.skipif(not CODEBOOK.exists(), reason="the PLOVER codebooks are not beside the repo")
def test_the_json_is_what_the_converter_makes_of_the_codebook() -> None:
    made = build.render(build.build(build.parse_table(CODEBOOK.read_text(encoding="utf-8"))))
    assert json.loads(made) == json.loads(JSON_PATH.read_text(encoding="utf-8"))
    assert made == JSON_PATH.read_text(encoding="utf-8")  # and byte for byte


# -- the converter on invented tables -----------------------------------------------

MINI = """\
# CAMEO to PLOVER conversion table
# PLOVER manual version Draft 9.9, 1-January-2030
# Edited by: A. N. Editor (someone@example.org)

04: CONSULT
040: CONSULT, ,  # Consult
042: CONSULT, visit ,   # Make a visit

08: CONCEDE
080: CONCEDE,   ,  # Yield
08: RETREAT
084: RETREAT,   , legal; military # Return, release

16: SANCTION
163: COERCE, restrict,   diplomatic # Impose sanctions
17: COERCE
191: COERCE, restrict, military # Impose blockade
191: COERCE, restrict, military # Impose blockade again
~~~~~
999: nonsense after the closing rule
"""


def test_parse_and_build_an_invented_table() -> None:
    table = build.parse_table(MINI)
    assert (table.version, table.editor) == ("Draft 9.9, 1-January-2030", "A. N. Editor")
    obj = build.build(table)
    assert obj["roots"] == {"04": ["CONSULT"], "08": ["CONCEDE", "RETREAT"], "16": ["SANCTION"],
                            "17": ["COERCE"]}
    assert obj["codes"]["040"] == {"category": "CONSULT", "mode": None, "context": None,
                                   "description": "Consult"}
    assert obj["codes"]["042"]["mode"] == "visit"  # stripped
    assert obj["codes"]["084"]["context"] == ["legal", "military"]
    assert list(obj["codes"]) == ["040", "042", "080", "084", "163", "191"]
    notes = "\n".join(obj["about"]["notes"])
    assert "heading 08 appears with categories CONCEDE, RETREAT" in notes
    assert "163 maps to COERCE, not to its heading's SANCTION" in notes
    assert "191 is listed under heading 17" in notes
    assert "191 is listed twice with the same mapping" in notes
    assert "someone@example.org" not in build.render(obj)
    assert "A. N. Editor" in obj["about"]["attribution"]
    assert json.loads(build.render(obj)) == obj


@pytest.mark.parametrize(("text", "message"), [
    ("04: CONSULT\n040: CONSULT, , # a\n040: AGREE, , # b\n", "listed again with another"),
    ("04: CONSULT\n040: CONFER, , # a\n", "not a PLOVER category"),
    ("04: CONSULTS\n", "not a PLOVER category"),
    ("04: CONSULT\n040: CONSULT # a\n", "has 1 fields"),
    ("040: CONSULT, , # a\n", "before any heading"),
    ("04: CONSULT\nconsult everyone\n", "cannot read"),
])
def test_the_converter_refuses_what_it_cannot_map(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build.parse_table(text)


def test_check_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "table.txt", tmp_path / "out.json"
    src.write_text(MINI, encoding="utf-8")
    assert build.main(["--table", str(src), "--out", str(out), "--check"]) == 1
    assert build.main(["--table", str(src), "--out", str(out)]) == 0
    assert "6 codes under 4 headings" in capsys.readouterr().out
    assert build.main(["--table", str(src), "--out", str(out), "--check"]) == 0
