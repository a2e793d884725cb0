"""Decoding the parser's arc scores into trees: a fast, exact maximum spanning tree.

stanza's parser scores every (dependent, head) pair and then finds the
best tree with exactly one root: it rescales the root column so that one
root always wins (Stanojević & Cohen 2021) and runs Chu-Liu/Edmonds.  Its
Chu-Liu/Edmonds is written for clarity (a recursive Tarjan per contraction,
in Python); this one finds the same tree with vectorized contractions (the
timings are in docs/accuracy.md).  It is
installed on our own parser object only; stanza's module stays untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["install_fast_decoder", "one_root_tree"]

Scores = npt.NDArray[np.float64]
Heads = npt.NDArray[np.int64]

# Beyond this many words, stanza's own decoder (no recursion-depth concerns).
MAX_WORDS = 400


def one_root_tree(scores: npt.ArrayLike) -> Heads:
    """Heads of the best tree with exactly one word attached to the root.

    ``scores[d, h]`` is the score of ``h`` heading ``d``; index 0 is the root,
    and ``heads[0]`` is 0.  The same tree as stanza's
    ``chuliu_edmonds_one_root`` (same rescaling of the root column).
    """
    s = np.array(scores, dtype=np.float64)  # a copy: rescaled and masked below
    finite = s[np.isfinite(s)]
    low = finite.min() if finite.size else 0.0
    np.fill_diagonal(s, -np.inf)
    s[0] = -np.inf  # the root has no head
    # Most sentences: every word's best head already makes a tree with one
    # root.  That tree is the best of all head choices, so the best one-root
    # tree too (the rescaling only lowers trees with more roots, as long as
    # it lowers: ``low <= 0``, true of log-probabilities); no search needed.
    if low <= 0:
        heads: Heads = s.argmax(axis=1)
        heads[0] = 0
        if int(np.count_nonzero(heads[1:] == 0)) == 1 and _find_cycle(heads) is None:
            return heads
    # stanza's penalty on root arcs, ``low * n``, outweighs any gain from a
    # second root only when no score is positive (log-probabilities, as the
    # parser gives); raw scores get one that does: more than n times their range.
    high = finite.max() if finite.size else 0.0
    penalty = -low if high <= 0 else high - low + 1.0
    s[1:, 0] -= penalty * s.shape[0]
    return _contract(s)


def _contract(s: Scores) -> Heads:
    """Chu-Liu/Edmonds on prepared scores (no self-loops, no head for the root)."""
    heads: Heads = s.argmax(axis=1)
    heads[0] = 0
    cycle = _find_cycle(heads)
    if cycle is None:
        return heads
    in_cycle = np.zeros(len(heads), dtype=bool)
    in_cycle[cycle] = True
    rest = np.flatnonzero(~in_cycle)  # starts with the root
    m = len(rest)
    # Contract the cycle into node m of a smaller problem: entering the cycle
    # at c from h costs the cycle edge into c; leaving it, the best member.
    entering = s[cycle[:, None], rest] - s[cycle, heads[cycle]][:, None]
    leaving = s[rest[:, None], cycle]
    sub = np.empty((m + 1, m + 1))
    sub[:m, :m] = s[rest[:, None], rest]
    sub[m, :m] = entering.max(axis=0)
    sub[:m, m] = leaving.max(axis=1)
    sub[m, m] = -np.inf
    sub_heads = _contract(sub)
    out = heads.copy()  # the cycle keeps its edges but one
    below = sub_heads[1:m]
    out[rest[1:]] = np.where(
        below == m, cycle[leaving[1:].argmax(axis=1)], rest[np.minimum(below, m - 1)]
    )
    h = sub_heads[m]
    out[cycle[entering[:, h].argmax()]] = rest[h]
    return out


def _find_cycle(heads: Heads) -> Heads | None:
    """The nodes of one cycle among ``heads`` (node 0 is the root), or None."""
    n = len(heads)
    state = [0] * n  # 0 unseen, 1 on the current walk, 2 done
    state[0] = 2
    for start in range(1, n):
        path = []
        v = start
        while state[v] == 0:
            state[v] = 1
            path.append(v)
            v = int(heads[v])
        if state[v] == 1:  # walked back into this walk: a cycle from v
            return np.array(path[path.index(v) :], dtype=np.int64)
        for u in path:
            state[u] = 2
    return None


def install_fast_decoder(pipeline: Any) -> bool:
    """Make the pipeline's parser decode with :func:`one_root_tree`.

    Only on this pipeline's parser object (an instance attribute over stanza's
    static method); False, changing nothing, where the stanza version or the
    parser type is not the one this was written for.
    """
    processor = getattr(pipeline, "processors", {}).get("depparse")
    trainer = getattr(processor, "trainer", None)
    model = getattr(trainer, "model", None)
    stanza_decode = getattr(type(model), "decode_graph_predictions", None)
    if model is None or stanza_decode is None:
        return False
    model.decode_graph_predictions = _fast_decode(stanza_decode)
    return True


def _fast_decode(stanza_decode: Callable[..., Any]) -> Callable[..., Any]:
    def decode(
        vocab: Any,
        batch_size: int,
        preds: Sequence[Any],
        sentlens: Sequence[int],
        resolve_head_constraints: bool = False,
    ) -> Any:
        if resolve_head_constraints or max(sentlens, default=0) > MAX_WORDS:
            return stanza_decode(vocab, batch_size, preds, sentlens, resolve_head_constraints)
        out = []
        for i, length in enumerate(sentlens):
            heads = one_root_tree(preds[0][i][:length, :length])[1:]
            labels = preds[1][i]
            deprels = vocab.unmap([labels[j + 1][h] for j, h in enumerate(heads)])
            out.append([[int(h), r] for h, r in zip(heads, deprels, strict=True)])
        return out

    return decode
