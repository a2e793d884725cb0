"""The averaged-perceptron tagger: training, tagging, safe storage."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from diplo_events._perceptron import PerceptronTagger

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
