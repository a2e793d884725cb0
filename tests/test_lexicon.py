"""The trigger lexicon: bundled data, validation, user extensions."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from diplo_events import EventKind, Lexicon, LexiconError
from diplo_events._rules.engine import events_from_sentences

from .conftest import sentences_from_rows

HOSTED = ("Macron welcomed Scholz.", """
Macron Macron PROPN 2 nsubj
welcomed welcome VERB 0 root Tense=Past
Scholz Scholz PROPN 2 obj
. . PUNCT 2 punct
""")


def test_bundled_lexicon_covers_every_kind() -> None:
    lex = Lexicon.bundled()
    assert set(lex.kinds) == set(EventKind)
    for kind in EventKind:
        assert any(t.kind is kind for t in lex.triggers), kind
    assert lex.lookup("meet", "VERB")[0].kind is EventKind.MEETING
    # 163 (impose embargo, boycott or sanctions) is COERCE in the official table
    assert lex.kinds[EventKind.SANCTION].plover == "COERCE"


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data))
    return path


def test_user_file_adds_a_trigger(tmp_path: Path) -> None:
    path = _write(tmp_path, {"triggers": [
        {"lemma": "welcome", "pos": "VERB", "kind": "meeting", "cameo": "043"}]})
    text, rows = HOSTED
    sentences = sentences_from_rows(text, rows)
    pub = dt.date(2024, 4, 26)
    # bundled, "welcomed" is support (CAMEO 051), no meeting
    bundled = events_from_sentences(sentences, text, pub, Lexicon.bundled())
    assert [e.kind for e in bundled] == [EventKind.SUPPORT]
    events = events_from_sentences(sentences, text, pub, Lexicon.load(path))
    assert [(e.kind, e.cameo, e.agent.name if e.agent else None) for e in events] == [
        (EventKind.MEETING, "043", "Macron")]


def test_user_file_overrides_codes_and_can_replace(tmp_path: Path) -> None:
    path = _write(tmp_path, {
        "kinds": {"meeting": {"cameo": "043"}},
        "triggers": [{"lemma": "meet", "pos": "VERB", "kind": "meeting"}],
    })
    lex = Lexicon.load(path)
    assert lex.kinds[EventKind.MEETING].cameo == "043"
    assert lex.lookup("meet", "VERB")[0].cameo == "043"
    only = Lexicon.load(path, replace=True)
    assert [t.lemma for t in only.triggers] == ["meet"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"triggers": [{"lemma": "x", "pos": "ADJ", "kind": "meeting"}]}, "'pos'"),
        ({"triggers": [{"lemma": "x", "pos": "VERB", "kind": "party"}]}, "unknown kind"),
        ({"triggers": [{"lemma": "x", "pos": "VERB", "kind": "meeting", "colour": 1}]},
         "unknown keys"),
        ({"triggers": [{"lemma": "", "pos": "VERB", "kind": "meeting"}]}, "'lemma'"),
        ({"triggers": [{"lemma": "x", "pos": "VERB", "kind": "meeting", "objects": "bill"}]},
         "list of non-empty strings"),
        ({"triggers": [{"lemma": "x", "pos": "VERB", "kind": "aid", "agent_preps": "from"}]},
         "list of non-empty strings"),
        ({"triggers": [{"lemma": "x", "pos": "VERB", "kind": "meeting", "needs_object": 1}]},
         "'needs_object' must be true or false"),
        ({"kinds": {"meeting": {"cameo": "abc"}}}, "CAMEO"),
        ({"kinds": {"meeting": {"plover": "PARTY"}}}, "plover"),
    ],
)
def test_bad_files_name_the_problem(tmp_path: Path, data: object, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        Lexicon.load(_write(tmp_path, data))


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="does not exist"):
        Lexicon.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(LexiconError, match="not valid JSON"):
        Lexicon.load(bad)


def test_a_bad_trigger_is_counted_in_its_own_file(tmp_path: Path) -> None:
    """The bundled triggers come first in the merge, but not in the user's count."""
    good = {"lemma": "parley", "pos": "VERB", "kind": "meeting"}
    bad = {"lemma": "x", "pos": "ADJ", "kind": "meeting"}
    path = _write(tmp_path, {"triggers": [good, bad]})
    with pytest.raises(LexiconError) as info:
        Lexicon.load(path)
    assert str(info.value).startswith(f"{path}: trigger #2 ('x'): 'pos'")


def test_a_bad_kind_names_the_file_that_set_it(tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    first.write_text(json.dumps({"kinds": {"meeting": {"description": "talks"}}}))
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"kinds": {"visit": {"cameo": "abc"}}}))
    with pytest.raises(LexiconError, match=f"^{re.escape(str(second))}: kind 'visit': 'cameo'"):
        Lexicon.load(first, second)
