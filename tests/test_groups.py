"""How paragraphs are grouped: the tokenizer's cheapest groups, the parse rounds."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_events._nlp.driver import cheapest_groups, rounds


def _cost(groups: list[list[int]], lengths: list[int], step_rows: float) -> float:
    return sum(max(lengths[i] for i in g) * (len(g) + step_rows) for g in groups)


def _partitions(items: list[int]) -> Iterator[list[list[int]]]:
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for smaller in _partitions(rest):
        yield [[first], *smaller]
        for k in range(len(smaller)):
            yield [*smaller[:k], [first, *smaller[k]], *smaller[k + 1 :]]


@settings(max_examples=200, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=1, max_value=3000), min_size=0, max_size=7),
    step_rows=st.sampled_from([0.0, 1.0, 6.0, 40.0]),
    max_rows=st.integers(min_value=1, max_value=8),
)
def test_cheapest_groups_beat_every_partition(
    lengths: list[int], step_rows: float, max_rows: int
) -> None:
    groups = cheapest_groups(lengths, step_rows, max_rows)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    assert all(0 < len(g) <= max_rows for g in groups)
    best = min(
        _cost(p, lengths, step_rows)
        for p in _partitions(list(range(len(lengths))))
        if all(len(g) <= max_rows for g in p)
    )
    assert _cost(groups, lengths, step_rows) <= best + 1e-6


def test_long_paragraphs_are_not_padded_against_short_ones() -> None:
    lengths = [4000, 60, 3900, 80, 70, 75, *([90] * 20)]
    groups = cheapest_groups(lengths, 6.0, 64)
    assert groups[0] == [0, 2]  # the two long ones, longest first
    assert sorted(groups[1]) == [1, 3, 4, 5, *range(6, 26)]  # the short ones in one batch
    assert cheapest_groups([], 6.0, 64) == []


@settings(max_examples=200, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=1, max_value=500), min_size=1, max_size=30),
    budget=st.integers(min_value=1, max_value=1500),
)
def test_rounds_cover_the_paragraphs_in_order_within_the_budget(
    lengths: list[int], budget: int
) -> None:
    flat, pos = [], 0
    for k, n in enumerate(lengths):
        flat.append((k % 3, pos, pos + n))
        pos += n + 2
    runs = list(rounds(flat, budget))
    rounds_ = [r for _, r in runs]
    assert [first for first, _ in runs] == [
        sum(len(r) for r in rounds_[:k]) for k in range(len(rounds_))
    ]
    assert [p for r in rounds_ for p in r] == flat
    for r in rounds_:
        size = sum(end - start for _, start, end in r)
        assert len(r) == 1 or size <= budget
    # greedy: no round could have taken the next one's first paragraph
    for r, nxt in itertools.pairwise(rounds_):
        assert sum(end - start for _, start, end in r) + nxt[0][2] - nxt[0][1] > budget
