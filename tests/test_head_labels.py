"""Labels scored at the chosen heads: the same as stanza's all-pairs scores, on random weights."""

from __future__ import annotations

import types

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_events._nlp.speedups.head_labels import _labels_at, install_head_labels

biaffine = pytest.importorskip("stanza.models.common.biaffine")


@settings(max_examples=40, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 9), min_size=1, max_size=4),
    labels=st.integers(2, 7),
    seed=st.integers(0, 2**31 - 1),
)
def test_labels_at_the_heads_are_the_all_pairs_argmax(
    lengths: list[int], labels: int, seed: int
) -> None:
    torch.manual_seed(seed)
    scorer = biaffine.DeepBiaffineScorer(6, 6, 5, labels, pairwise=True).eval()
    for p in scorer.parameters():  # stanza zeroes the bilinear weights at init
        torch.nn.init.normal_(p)
    size = max(lengths) + 1  # + the root
    hidden = torch.randn(len(lengths), size, 6)
    gen = torch.Generator().manual_seed(seed)
    heads = [torch.randint(0, n + 1, (n,), generator=gen).tolist() for n in lengths]
    with torch.no_grad():
        ours = _labels_at(scorer, hidden, heads).tolist()
        every = scorer(hidden, hidden).argmax(3)  # stanza: batch x dependent x head
    theirs = [int(every[i, j + 1, h]) for i, hs in enumerate(heads) for j, h in enumerate(hs)]
    assert ours == theirs


def test_install_needs_a_graph_parser_of_the_known_shape() -> None:
    assert install_head_labels(types.SimpleNamespace(processors={})) is False
    odd = types.SimpleNamespace(args={"use_arc_embedding": True})
    pipeline = types.SimpleNamespace(
        processors={"depparse": types.SimpleNamespace(trainer=types.SimpleNamespace(model=odd))}
    )
    assert install_head_labels(pipeline) is False
    assert "predict" not in vars(odd)
