"""The averaged-perceptron tagger: training, tagging, safe storage."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from diplo_events._nlp.tagger import PerceptronTagger

S = [
    [("Blinken", "PROPN", "NNP", "Number=Sing"), ("met", "VERB", "VBD", "Tense=Past"),
     ("Xi", "PROPN", "NNP", "Number=Sing"), (".", "PUNCT", ".", "_")],
    [("The", "DET", "DT", "Definite=Def"), ("talks", "NOUN", "NNS", "Number=Plur"),
     ("ended", "VERB", "VBD", "Tense=Past"), (".", "PUNCT", ".", "_")],
    [("Wang", "PROPN", "NNP", "Number=Sing"), ("talks", "VERB", "VBZ", "Tense=Pres"),
     ("a", "DET", "DT", "Definite=Ind"), ("lot", "NOUN", "NN", "Number=Sing"),
     (".", "PUNCT", ".", "_")],
]


@pytest.fixture(scope="module")
def tagger() -> PerceptronTagger:
    return PerceptronTagger.train(S * 30, iterations=4, log=lambda _msg: None)


def test_learns_its_training_data_in_context(tagger: PerceptronTagger) -> None:
    for sent in S:
        tags = tagger.tag([w for w, *_ in sent])
        assert [(u, x) for u, x, _ in tags] == [(u, x) for _, u, x, _ in sent]


def test_feats_come_from_word_and_xpos(tagger: PerceptronTagger) -> None:
    tags = tagger.tag(["The", "talks", "ended", "."])
    assert tags[1] == ("NOUN", "NNS", "Number=Plur")
    assert tags[2][2] == "Tense=Past"


def test_unknown_words_and_empty_sentences(tagger: PerceptronTagger) -> None:
    assert tagger.tag([]) == []
    tags = tagger.tag(["Zyx", "met", "Qqq", "."])
    assert len(tags) == 4
    assert tags[1][0] == "VERB"


def test_a_capitalized_word_never_seen_is_a_proper_noun(tagger: PerceptronTagger) -> None:
    tagger.tag(["The"])  # builds the vocabulary
    assert tagger._unknown_name("Guterres", "NOUN\tNN")
    assert tagger._unknown_name("Wang", "VERB\tVBZ")  # seen, but only as a name
    assert not tagger._unknown_name("Talks", "NOUN\tNNS")  # seen as a common noun
    assert not tagger._unknown_name("Lots", "NOUN\tNNS")  # its stem "lot" was seen
    assert not tagger._unknown_name("Guterres", "PROPN\tNNP")
    assert tagger._unknown_name("IIP", "NOUN\tNN")  # an acronym
    assert not tagger._unknown_name("TALKS", "NOUN\tNNS")  # a word in capitals
    assert not tagger._unknown_name("GUTERRES-X", "NOUN\tNN")  # not written as a name
    # adjectives and participles by their ending
    assert not tagger._unknown_name("Stochastic", "ADJ\tJJ")
    assert not tagger._unknown_name("Argentinian", "ADJ\tJJ")
    assert tagger._unknown_name("Brian", "ADJ\tJJ")
    assert not tagger._unknown_name("Unconfirmed", "VERB\tVBN")
    assert tagger._unknown_name("Fred", "ADJ\tJJ")
    assert tagger.tag(["Qqqzz", "met", "Xi", "."])[0][:2] == ("PROPN", "NNP")


def test_a_common_noun_before_a_name_never_seen_starts_the_name(
    tagger: PerceptronTagger,
) -> None:
    tagger.tag(["The"])  # builds the vocabulary
    # "lot" was seen only as a common noun: "Wang Yi met" with "wang" so
    assert tagger._starts_unknown_name("Lot", "VERB\tVB", "Guterres")
    assert tagger._starts_unknown_name("Lot", "NOUN\tNN", "IIP")
    assert not tagger._starts_unknown_name("Lot", "NOUN\tNN", "Xi")  # a name it saw
    assert not tagger._starts_unknown_name("Lot", "NOUN\tNN", "Lots")  # a word it saw
    assert not tagger._starts_unknown_name("Lot", "NOUN\tNN", "guterres")
    assert not tagger._starts_unknown_name("Lot", "NOUN\tNN", None)  # the last word
    assert not tagger._starts_unknown_name("Lot", "ADJ\tJJ", "Guterres")
    assert not tagger._starts_unknown_name("lot", "NOUN\tNN", "Guterres")  # not capitalized
    assert not tagger._starts_unknown_name("Talks", "NOUN\tNNS", "Guterres")  # also a verb
    assert not tagger._starts_unknown_name("Qqqzz", "NOUN\tNN", "Guterres")  # never seen
    assert tagger.tag(["Lot", "Guterres", "met", "Xi", "."])[0][:2] == ("PROPN", "NNP")
    assert tagger.tag(["The", "lot", "Guterres", "met", "."])[1][:2] != ("PROPN", "NNP")


def test_round_trip_is_plain_json(tagger: PerceptronTagger, tmp_path: Path) -> None:
    path = tmp_path / "tagger.json.gz"
    tagger.save(path)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        assert json.load(fh)["format"] == "diplo_events-perceptron-1"
    again = PerceptronTagger.load(path)
    words = ["Wang", "talks", "a", "lot", "."]
    assert again.tag(words) == tagger.tag(words)


def test_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "x.json.gz"
    with gzip.open(path, "wt") as fh:
        json.dump({"format": "something else"}, fh)
    with pytest.raises(ValueError, match="not a diplo_events perceptron"):
        PerceptronTagger.load(path)


def _tag_word_by_word(tagger: PerceptronTagger, words: list[str]) -> list[str]:
    """The definition: every feature of each word summed on its own, greedy."""
    import numpy as np

    tagger.tag(words[:1])  # builds the weight matrix
    _, ctx_n, ctx_w = tagger._context(words)
    prev, prev2 = "-START-", "-START2-"
    out = []
    for i, w in enumerate(words):
        label = tagger.tagdict.get(w)
        if label is None:
            feats = tagger._features(i, w, ctx_n, ctx_w, prev, prev2)
            rows = [tagger._feature_index[f] for f in feats if f in tagger._feature_index]
            scores = tagger._matrix[rows].sum(axis=0) if rows else np.zeros(1)
            label = tagger.labels[int(scores.argmax())]
            following = words[i + 1] if i + 1 < len(words) else None
            if tagger._unknown_name(w, label) or tagger._starts_unknown_name(
                w, label, following
            ):
                label = tagger._name_label
        out.append(label)
        prev2, prev = prev, label
    return out


def test_tags_are_those_of_summing_each_words_features() -> None:
    import re

    from diplo_events._nlp.store import bundled_model_dir

    from .conftest import SEED_TEXT

    tagger = PerceptronTagger.load(bundled_model_dir() / "tagger.json.gz")
    seed = [re.findall(r"\w+|[^\w\s]", s) for s in re.split(r"(?<=[.!?])\s+", SEED_TEXT)]
    written = (
        "The visiting German chancellor met Xi Jinping in Beijing on Tuesday .",
        "Zyxwv qqq blorfed the 3,000 un-named Frobnitzes , Olaf Scholz told reporters .",
        "Wang warned that Washington should `` stop meddling '' in Taiwan !",
        "Wang Yi met with his Russian counterpart Sergei Lavrov in Moscow .",
        "Hello",
        "Frobnitzes met Frobnitzes .",  # the same form first and not first
    )
    sentences = [*seed, *(s.split() for s in written)]
    expected = [_tag_word_by_word(tagger, words) for words in sentences]
    for _ in range(2):  # the second time from the rows kept per word form
        for words, tags in zip(sentences, expected, strict=True):
            assert ["\t".join(t[:2]) for t in tagger.tag(words)] == tags
    assert ("Frobnitzes", True) in tagger._own_rows
    assert ("Frobnitzes", False) in tagger._own_rows


def test_rows_kept_per_word_form_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from diplo_events._nlp import tagger as _perceptron
    from diplo_events._nlp.store import bundled_model_dir

    tagger = PerceptronTagger.load(bundled_model_dir() / "tagger.json.gz")
    first = ["Zyxwv", "qqq", "blorfed", "the", "un-named", "Frobnitzes"]
    second = ["Quuxes", "glimmered", "beyond", "Snarfville"]
    tags = tagger.tag(second)
    tagger.tag(first)
    monkeypatch.setattr(_perceptron, "_OWN_ROWS_LIMIT", 2)
    assert tagger.tag(second) == tags  # the kept rows cleared first, then filled again
    assert all(word in second for word, _ in tagger._own_rows)
