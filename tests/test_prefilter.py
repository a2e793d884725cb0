"""The trigger pre-filter before lemmatization, and the GC pause around parses."""

from __future__ import annotations

import pytest

from diplo_events import Lexicon
from diplo_events._rules.triggers import may_trigger_unlemmatized
from diplo_events._tokens import inflection_stems


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("banning", "ban"),
        ("banned", "ban"),
        ("allies", "ally"),
        ("criticises", "criticise"),
        ("sanctioned", "sanction"),
        ("agreed", "agree"),
        ("summits", "summit"),
        ("urging", "urge"),
    ],
)
def testinflection_stems(word: str, stem: str) -> None:
    assert stem in inflection_stems(word)


def test_known_words_use_the_dictionary_lemma() -> None:
    lex = Lexicon.bundled()
    assert may_trigger_unlemmatized(lex, "said", "VERB", "say", True)
    assert not may_trigger_unlemmatized(lex, "ate", "VERB", "eat", True)
    # the dictionary's word is final for known words: no guessing
    assert not may_trigger_unlemmatized(lex, "meets", "NOUN", "meets", True)


def test_unknown_words_get_every_plausible_stem() -> None:
    lex = Lexicon.bundled()
    assert may_trigger_unlemmatized(lex, "Condemning", "VERB", "Condemning", False)
    assert may_trigger_unlemmatized(lex, "embargoes", "NOUN", "embargoes", False)
    assert not may_trigger_unlemmatized(lex, "gardening", "VERB", "gardening", False)
    assert not may_trigger_unlemmatized(lex, "gardening", "ADJ", "gardening", False)
    assert not may_trigger_unlemmatized(lex, "condemning", "ADP", "condemning", False)


def test_a_verb_the_tagger_called_a_noun_or_adjective_gets_its_parse() -> None:
    # The parse may show a clause ("The visiting German chancellor met/NOUN
    # Xi"), so the sentence is parsed; the tags alone decide nothing.
    lex = Lexicon.bundled()
    assert may_trigger_unlemmatized(lex, "met", "NOUN", "meet", True)
    assert may_trigger_unlemmatized(lex, "warned", "ADJ", "warn", True)
    assert may_trigger_unlemmatized(lex, "condemning", "ADJ", "condemning", False)  # stems
    assert not may_trigger_unlemmatized(lex, "garden", "NOUN", "garden", True)
    # unlemmatized forms reach the lexicon through their stems, as verbs do
    assert may_trigger_unlemmatized(lex, "urging", "VERB", "urging", True)
    assert may_trigger_unlemmatized(lex, "warned", "ADJ", "warned", True)
    # a verb's stems also where the lemmatizer cut it wrong ("telephon")
    assert may_trigger_unlemmatized(lex, "telephoned", "VERB", "telephon", True)
    # any form tagged an adjective: "Does Crack Barrel ban/ADJ employees"
    assert may_trigger_unlemmatized(lex, "ban", "ADJ", "ban", True)
    assert not may_trigger_unlemmatized(lex, "green", "ADJ", "green", True)
    # base forms and -s forms tagged nouns are mostly nouns
    assert not may_trigger_unlemmatized(lex, "plan", "NOUN", "plan", True)
    assert not may_trigger_unlemmatized(lex, "plans", "NOUN", "plan", True)


def test_gc_pause_restores_the_collector_state() -> None:
    import gc

    from diplo_events._nlp.driver import _gc_paused

    assert gc.isenabled()
    with _gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with _gc_paused():
            pass
        assert not gc.isenabled()  # a user's choice is kept
    finally:
        gc.enable()
    try:
        with _gc_paused():
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.isenabled()


def _bare_extractor(lexicon: Lexicon):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from diplo_events import Extractor
    from diplo_events._nlp.store import ModelInfo

    return Extractor(parser=None, model=ModelInfo("test", Path("."), {}), lexicon=lexicon)  # type: ignore[arg-type]


WORDS = [
    ("said", "VERB", "say", True),
    ("ate", "VERB", "eat", True),
    ("Condemning", "VERB", "Condemning", False),
    ("embargoes", "NOUN", "embargoes", False),
    ("gardening", "VERB", "gardening", False),
    ("met", "ADJ", "met", True),
    ("frobnicated", "VERB", "frobnicated", False),
]


def test_kept_answers_are_the_pre_filters_and_follow_the_lexicon(tmp_path: object) -> None:
    import json
    from pathlib import Path

    ex = _bare_extractor(Lexicon.bundled())
    test = ex._may_trigger()
    for _ in range(2):  # computed, then kept
        assert [test(*w) for w in WORDS] == [
            may_trigger_unlemmatized(ex.lexicon, *w) for w in WORDS
        ]
    assert not test("frobnicated", "VERB", "frobnicated", False)
    extra = Path(str(tmp_path)) / "extra.json"
    extra.write_text(
        json.dumps({"triggers": [{"lemma": "frobnicate", "pos": "VERB", "kind": "meeting"}]})
    )
    ex.lexicon = Lexicon.load(extra)
    assert ex._may_trigger()("frobnicated", "VERB", "frobnicated", False)  # a new lexicon


def test_kept_answers_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from diplo_events._rules import triggers

    ex = _bare_extractor(Lexicon.bundled())
    test = ex._may_trigger()
    monkeypatch.setattr(triggers, "_PREFILTER_ANSWERS_LIMIT", 2)
    for w in WORDS[:3]:
        test(*w)
    assert len(test._answers) == 3
    assert test(*WORDS[3])  # over the limit: cleared, then this answer kept
    assert len(test._answers) == 1
