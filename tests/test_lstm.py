"""Padded LSTMs: the outputs of torch's packed LSTM, on our pipeline's LSTMs only."""

from __future__ import annotations

import types

import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence

from diplo_events._nlp.speedups.lstm import install_fast_lstms, padded_lstm

from .conftest import pipeline_with


def _packed(rows: int, lengths: list[int], width: int, *, sort: bool) -> PackedSequence:
    x = torch.randn(rows, max(lengths), width)
    size = torch.tensor(lengths)
    if sort:  # stanza packs rows already sorted; torch sorts them otherwise
        size, order = size.sort(descending=True)
        x = x[order]
    return pack_padded_sequence(x, size, batch_first=True, enforce_sorted=sort)


@settings(max_examples=150, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=7),
    layers=st.integers(min_value=1, max_value=2),
    bidirectional=st.booleans(),
    with_state=st.booleans(),
    sort=st.booleans(),
    seed=st.integers(min_value=0, max_value=2**31 - 1),
)
def test_padded_lstm_matches_the_packed_lstm(
    lengths: list[int], layers: int, bidirectional: bool, with_state: bool, sort: bool, seed: int
) -> None:
    torch.manual_seed(seed)
    lstm = torch.nn.LSTM(6, 5, layers, batch_first=True, bidirectional=bidirectional).eval()
    packed = _packed(len(lengths), lengths, 6, sort=sort)
    states = layers * (2 if bidirectional else 1)
    hx = (
        (torch.randn(states, len(lengths), 5), torch.randn(states, len(lengths), 5))
        if with_state
        else None
    )
    with torch.no_grad():
        expected, (h_expected, _) = lstm(packed, hx)
        got, (h_got, c_got) = padded_lstm(lstm, packed, hx)
    assert torch.equal(got.batch_sizes, expected.batch_sizes)
    assert torch.allclose(got.data, expected.data, atol=1e-5)
    assert torch.allclose(h_got, h_expected, atol=1e-5)
    assert c_got.shape == h_got.shape and torch.isnan(c_got).all()  # never computed


def test_install_only_on_the_tokenizer_and_parser_sentence_lstms() -> None:
    torch.manual_seed(0)
    rnn, rnn2 = torch.nn.LSTM(4, 3, bidirectional=True), torch.nn.LSTM(6, 3, bidirectional=True)
    layer = types.SimpleNamespace(lstm=torch.nn.LSTM(4, 3, bidirectional=True))
    char = torch.nn.LSTM(4, 3, bidirectional=True)  # reads its cell state: left alone
    tokenizer = types.SimpleNamespace(rnn=rnn, rnn2=rnn2)
    parser = types.SimpleNamespace(
        parserlstm=types.SimpleNamespace(lstm=[layer]),
        charmodel=types.SimpleNamespace(charlstm=types.SimpleNamespace(lstm=char)),
    )
    pipeline = pipeline_with(tokenize=tokenizer, depparse=parser)
    assert install_fast_lstms(pipeline) == 3
    assert install_fast_lstms(pipeline) == 0  # once only
    assert "forward" in vars(rnn) and "forward" in vars(layer.lstm)
    assert "forward" not in vars(char)
    assert torch.nn.LSTM.forward is not vars(rnn)["forward"]  # the class is untouched
    assert install_fast_lstms(types.SimpleNamespace()) == 0


def test_installed_lstm_runs_padded_only_for_unequal_lengths_in_inference() -> None:
    torch.manual_seed(1)
    lstm = torch.nn.LSTM(6, 5, batch_first=True, bidirectional=True).eval()
    tokenizer = types.SimpleNamespace(rnn=lstm)
    install_fast_lstms(pipeline_with(tokenize=tokenizer))
    unequal = _packed(3, [4, 2, 1], 6, sort=True)
    with torch.no_grad():
        _, (_, c_fast) = lstm(unequal)
        _, (_, c_equal) = lstm(_packed(2, [3, 3], 6, sort=True))
    assert torch.isnan(c_fast).all()
    assert not torch.isnan(c_equal).any()  # one length: torch's own path
    _, (_, c_grad) = lstm(unequal)  # with autograd on (training): torch's own path
    assert not torch.isnan(c_grad).any()


def test_installed_lstm_passes_plain_tensors_to_torch() -> None:
    torch.manual_seed(2)
    lstm = torch.nn.LSTM(6, 5, batch_first=True).eval()
    install_fast_lstms(pipeline_with(tokenize=types.SimpleNamespace(rnn=lstm)))
    x = torch.randn(2, 4, 6)
    with torch.no_grad():
        out, (_, c) = lstm(x)
        expected, _ = torch.nn.LSTM.forward(lstm, x)
    assert torch.equal(out, expected) and not torch.isnan(c).any()
