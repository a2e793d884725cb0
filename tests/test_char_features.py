"""Cached character features: stanza's tokenizer input, computed once a character."""

from __future__ import annotations

import types

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stanza.models.tokenization.data import TokenizationDataset
from stanza.models.tokenization.vocab import Vocab

from diplo_events._nlp.speedups.char_features import _fast_dataset_class, install_char_features

FEATS = ["space_before", "capitalized", "numeric", "end_of_para", "start_of_para"]
# Letters, digits, the whitespace stanza rewrites (no-break space, NEL, a C1
# control), paragraph breaks and characters the vocabulary lacks.
ALPHABET = "aZ9. ,'\"\n\t\u00a0\u0085\u0097\u00e9\u4e2d-"


def _vocab() -> Vocab:
    return Vocab(data=[[(ch, 0) for ch in "The Cabinet met at 9.30, 2024-04-26."]], lang="en")


def _arrays_equal(ours: list, theirs: list) -> bool:  # type: ignore[type-arg]
    if len(ours) != len(theirs):
        return False
    for (u1, l1, f1, r1), (u2, l2, f2, r2) in zip(ours, theirs, strict=True):
        for a, b in ((u1, u2), (l1, l2), (f1, f2)):
            if a.dtype != b.dtype or a.shape != b.shape or not np.array_equal(a, b):
                return False
        if r1 != r2:
            return False
    return True


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=80),
    feats=st.sampled_from([FEATS, FEATS[:3], ["capitalized", "end_of_para"], ["numeric"]]),
)
def test_same_input_as_stanzas_dataset(text: str, feats: list[str]) -> None:
    config = {"feat_funcs": feats, "use_dictionary": False, "skip_newline": False}
    vocab = _vocab()
    theirs = TokenizationDataset(config, input_text=text, vocab=vocab, evaluation=True)
    ours = _fast_dataset_class()(config, input_text=text, vocab=vocab)
    assert ours.data == theirs.data
    for para in theirs.data:
        assert _arrays_equal(ours.para_to_sentences(para), theirs.para_to_sentences(para))


def test_install_needs_a_plain_tokenizer() -> None:
    assert install_char_features(object()) is False
    config = {"feat_funcs": FEATS, "use_dictionary": True}
    with_dictionary = types.SimpleNamespace(
        processors={"tokenize": types.SimpleNamespace(config=config, trainer=object())}
    )
    assert install_char_features(with_dictionary) is False


@pytest.mark.model
def test_tokens_are_those_of_stanzas_tokenizer(extractor) -> None:  # type: ignore[no-untyped-def]
    from .conftest import SEED_TEXT

    tokenizer = extractor.pipeline.processors["tokenize"]
    assert "process" in vars(tokenizer)  # installed by Extractor.load
    texts = [SEED_TEXT, "Mr.  Smith\u00a0met 3,000 people.\n\nHe left at 9.30 p.m. on May 5."]

    def tokens() -> list[list[tuple[str, int, int]]]:
        return [
            [(t.text, t.start_char, t.end_char) for s in doc.sentences for t in s.tokens]
            for doc in (tokenizer.process(text) for text in texts)
        ]

    fast = tokens()
    del tokenizer.process  # back to stanza's own
    try:
        slow = tokens()
    finally:
        install_char_features(extractor.pipeline)
    assert fast == slow
    assert "process" in vars(tokenizer)


def _tokens(text: str, spans: list[list[tuple[int, int]]]) -> list[list[dict[str, object]]]:
    return [
        [
            {"id": (k,), "text": text[a:b], "start_char": a, "end_char": b}
            for k, (a, b) in enumerate(sentence, 1)
        ]
        for sentence in spans
    ]


def test_a_sentence_split_inside_a_name_is_joined_again() -> None:
    from diplo_events._nlp.speedups.char_features import rejoin_split_names

    text = "Kim Jong Un visited a factory."
    split = _tokens(text, [[(0, 3), (4, 8)], [(9, 11), (12, 19), (20, 21), (22, 29), (29, 30)]])
    [joined] = rejoin_split_names(split, text)
    assert [t["text"] for t in joined] == ["Kim", "Jong", "Un", "visited", "a", "factory", "."]
    assert [t["id"] for t in joined] == [(k,) for k in range(1, 8)]
    assert joined[2]["start_char"] == 9


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Lovely Cottage This cottage is charming.", 2),  # a title: a common word follows
        ("Lovely Cottage It is charming.", 2),  # a short one
        ("Lovely Cottage\nUn cottage charmant.", 2),  # not one space apart
        ("He met Kim. Un visited later.", 4),  # the first sentence ends in punctuation
    ],
)
def test_sentences_not_split_inside_a_name_stay_apart(text: str, cut: int) -> None:
    import re

    from diplo_events._nlp.speedups.char_features import rejoin_split_names

    words = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    sentences = _tokens(text, [words[:cut], words[cut:]])
    assert len(rejoin_split_names(sentences, text)) == 2
