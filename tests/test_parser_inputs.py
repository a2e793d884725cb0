"""The parser's batches built from words: padding, caching, and where it stands aside."""

from __future__ import annotations

import types

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from stanza.models.common.data import get_long_tensor

from diplo_events._nlp.speedups import parser_inputs as _parser_inputs
from diplo_events._nlp.speedups.parser_inputs import _cached, _padded, parser_inputs

ids = st.integers(min_value=0, max_value=50)


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.lists(ids, min_size=1, max_size=9), min_size=1, max_size=6), extra=ids)
def test_padded_rows_are_stanzas_tensor(rows: list[list[int]], extra: int) -> None:
    batch_size = len(rows) + extra % 3
    assert torch.equal(_padded(rows, batch_size, 0), get_long_tensor(rows, batch_size))


@settings(max_examples=50, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=5),
    width=st.integers(min_value=1, max_value=4),
)
def test_padded_feature_bundles_are_stanzas_tensor(lengths: list[int], width: int) -> None:
    rows = [
        [[(i + j + k) % 7 for k in range(width)] for j in range(n)] for i, n in enumerate(lengths)
    ]
    assert torch.equal(_padded(rows, len(rows), 0), get_long_tensor(rows, len(rows)))


def test_cached_answers_once_a_string_and_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def unit2id(unit: str) -> int:
        calls.append(unit)
        return len(unit)

    lookup = _cached(unit2id)
    assert [lookup("a"), lookup("bb"), lookup("a")] == [1, 2, 1]
    assert calls == ["a", "bb"]
    monkeypatch.setattr(_parser_inputs, "_CACHE_LIMIT", 2)
    bounded = _cached(unit2id)
    for unit in ["x", "yy", "zzz", "x"]:
        bounded(unit)
    assert calls[2:] == ["x", "yy", "zzz", "x"]  # cleared when full, asked again


def _processor(**args: object) -> types.SimpleNamespace:
    return types.SimpleNamespace(trainer=types.SimpleNamespace(args=args), vocab={})


def test_parsers_it_was_not_written_for_run_stanzas_processor() -> None:
    assert parser_inputs(_processor(reversed=True)) is None
    assert parser_inputs(_processor(bert_model="roberta-base")) is None
    variant = _processor()
    variant._variant = object()
    assert parser_inputs(variant) is None
    assert parser_inputs(types.SimpleNamespace()) is None
    assert parser_inputs(_processor()) is None  # a vocabulary without the parser's parts
