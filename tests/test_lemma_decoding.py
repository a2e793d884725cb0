"""The lemmatizer decodes only the words whose edit reads the decoded characters.

The decoded words must be those stanza decodes, character for character:
checked on random weights against stanza's own greedy decoder, and on the
bundled model against stanza's lemmatizer over words of every kind.
"""

from __future__ import annotations

import types

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_events._nlp.speedups.lemma_decoding import greedy_decode, install_edit_first_lemmatizer

seq2seq = pytest.importorskip("stanza.models.common.seq2seq_model")

VOCAB = 12


def _model(seed: int, max_dec_len: int) -> torch.nn.Module:
    torch.manual_seed(seed)
    args = {
        "vocab_size": VOCAB,
        "emb_dim": 6,
        "hidden_dim": 8,
        "num_layers": 1,
        "dropout": 0.0,
        "max_dec_len": max_dec_len,
        "attn_type": "soft",
        "pos": True,
        "pos_dim": 6,  # prepended to the characters: the embedding size
        "pos_vocab_size": 5,
        "edit": True,
        "num_edit": 3,
        "copy": True,
    }
    model = seq2seq.Seq2SeqModel(args).eval()
    for p in model.parameters():
        torch.nn.init.normal_(p)
    return model


@settings(max_examples=40, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 7), min_size=1, max_size=6),
    keep=st.lists(st.booleans(), min_size=6, max_size=6),
    seed=st.integers(0, 2**31 - 1),
    max_dec_len=st.integers(1, 9),
)
def test_decoding_some_rows_gives_what_stanza_decodes_for_them(
    lengths: list[int], keep: list[bool], seed: int, max_dec_len: int
) -> None:
    model = _model(seed, max_dec_len)
    lengths = sorted(lengths, reverse=True)  # stanza's batches: longest first
    gen = torch.Generator().manual_seed(seed)
    # ids past the vocabulary are characters only the copy mechanism can emit
    src = torch.randint(4, VOCAB + 3, (len(lengths), lengths[0]), generator=gen)
    mask = torch.arange(lengths[0]).unsqueeze(0) >= torch.tensor(lengths).unsqueeze(1)
    src = src.masked_fill(mask, 0)  # PAD_ID
    pos = torch.randint(1, 5, (len(lengths),), generator=gen)
    with torch.no_grad():
        theirs, _ = model.predict_greedy(src, mask, pos=pos)
        enc, _, lens, full_mask = model.embed(src, mask, pos, None)
        h_in, (hn, cn) = model.encode(enc, lens)
        rows = torch.tensor([i for i in range(len(lengths)) if keep[i]], dtype=torch.long)
        ours = greedy_decode(model, src[rows], full_mask[rows], h_in[rows], hn[rows], cn[rows])
    assert ours == [theirs[i] for i in rows.tolist()]


def test_install_needs_an_edit_classifying_seq2seq_lemmatizer() -> None:
    assert install_edit_first_lemmatizer(types.SimpleNamespace(processors={})) is False
    trainer = types.SimpleNamespace(args={"edit": False}, model=_model(0, 5))
    pipeline = types.SimpleNamespace(processors={"lemma": types.SimpleNamespace(trainer=trainer)})
    assert install_edit_first_lemmatizer(pipeline) is False
    assert "predict" not in vars(trainer)


WORDS = [
    ("Guterres", "PROPN"), ("Blinken", "PROPN"), ("antennae", "NOUN"), ("ãntennae", "NOUN"),
    ("Xinhua", "PROPN"), ("reiterated", "VERB"), ("ESCALATING", "VERB"), ("talks", "NOUN"),
    ("Kyiv", "PROPN"), ("1,250", "NUM"), ("self-defence", "NOUN"), ("mediated", "VERB"),
    ("Houthis", "PROPN"), ("geese", "NOUN"), ("Zelenskyy", "PROPN"), ("unfroze", "VERB"),
    ("https://example.org/x", "X"), ("SAID", "VERB"), ("Said", "VERB"), ("ceasefires", "NOUN"),
    ("retweeted", "VERB"), ("defunded", "VERB"), ("cyberattacks", "NOUN"), ("geolocating", "VERB"),
]  # fmt: skip


def test_bundled_lemmatizer_gives_stanzas_lemmas(extractor) -> None:  # type: ignore[no-untyped-def]
    from stanza.models.common.doc import Document

    processor = extractor.pipeline.processors["lemma"]
    assert "predict" in vars(processor.trainer)  # installed by Extractor.load
    sentences = [
        [{"id": 1 + i, "text": text, "upos": upos} for i, (text, upos) in enumerate(WORDS[k::3])]
        for k in range(3)
    ]

    def lemmas() -> list[str]:
        doc = processor.process(Document([[dict(w) for w in s] for s in sentences]))
        return [w.lemma for s in doc.sentences for w in s.words]

    ours = lemmas()
    installed = vars(processor.trainer).pop("predict")
    try:
        theirs = lemmas()
    finally:
        processor.trainer.predict = installed
    assert ours == theirs
    # some words took the decoded characters: "retweeted" is no dictionary word
    assert {"retweet", "defund", "cyberattack"} <= set(ours)
