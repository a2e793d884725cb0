"""Faster CPU inference for the packed bidirectional LSTMs of stanza's models.

stanza hands its LSTMs a ``PackedSequence`` so that every row stops at its
own length.  On CPU, torch runs a packed batch of unequal lengths one time
step at a time in small ATen operations; a padded batch runs in oneDNN's
fused kernel instead (faster at the tokenizer's and parser's sizes; see
docs/accuracy.md).  Padding changes nothing for the forward direction (pads come
after each row's end) and the backward direction reads each row reversed
within its own length, so the outputs are those of the packed LSTM up to
float rounding.  Installed as an instance attribute on our pipeline's
LSTMs only, and only where the caller discards the final cell state (the
one thing this does not compute).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

__all__ = ["install_fast_lstms", "padded_lstm"]

State = tuple[torch.Tensor, torch.Tensor]
Output = tuple[Any, State]


def padded_lstm(lstm: torch.nn.LSTM, packed: PackedSequence, hx: State | None = None) -> Output:
    """What ``lstm(packed, hx)`` returns, computed on a padded batch.

    The final hidden states are exact; the final cell states are NaN (not
    computed), so callers must not read them.
    """
    x, lengths = pad_packed_sequence(packed, batch_first=True)  # rows in input order
    rows, steps, _ = x.shape
    hidden = lstm.hidden_size
    directions = 2 if lstm.bidirectional else 1
    t = torch.arange(steps).expand(rows, steps)
    last = (lengths - 1).unsqueeze(1)
    # Index of each row reversed within its own length (pads stay put).
    reverse = torch.where(t <= last, last - t, t)
    row_index = torch.arange(rows)
    finals: list[torch.Tensor] = []
    for layer in range(lstm.num_layers):
        outputs = []
        for direction in range(directions):
            suffix = f"_l{layer}" + ("_reverse" if direction else "")
            weights = [getattr(lstm, f"weight_ih{suffix}"), getattr(lstm, f"weight_hh{suffix}")]
            if lstm.bias:
                weights += [getattr(lstm, f"bias_ih{suffix}"), getattr(lstm, f"bias_hh{suffix}")]
            k = layer * directions + direction
            if hx is None:
                start = (x.new_zeros(1, rows, hidden), x.new_zeros(1, rows, hidden))
            else:
                start = (hx[0][k : k + 1], hx[1][k : k + 1])
            inputs = x if direction == 0 else x.gather(1, _expand(reverse, x.shape[2]))
            out, _, _ = torch.lstm(inputs, start, weights, lstm.bias, 1, 0.0, False, False, True)
            finals.append(out[row_index, lengths - 1])
            if direction:
                out = out.gather(1, _expand(reverse, hidden))
            outputs.append(out)
        x = torch.cat(outputs, 2) if directions == 2 else outputs[0]
    order = packed.sorted_indices
    if order is not None:
        x, lengths = x.index_select(0, order), lengths.index_select(0, order)
    data = pack_padded_sequence(x, lengths, batch_first=True).data
    h_n = torch.stack(finals)
    c_n = torch.full_like(h_n, float("nan"))
    out_packed = PackedSequence(data, packed.batch_sizes, order, packed.unsorted_indices)
    return out_packed, (h_n, c_n)


def _expand(index: torch.Tensor, width: int) -> torch.Tensor:
    return index.unsqueeze(2).expand(index.shape[0], index.shape[1], width)


def _forward(
    lstm: torch.nn.LSTM, original: Callable[..., Output], input: Any, hx: Any = None
) -> Output:
    if (
        isinstance(input, PackedSequence)
        and not torch.is_grad_enabled()
        and not lstm.training
        and not lstm.proj_size
        and input.data.device.type == "cpu"
        and int(input.batch_sizes[0]) != int(input.batch_sizes[-1])  # equal lengths: fast already
    ):
        return padded_lstm(lstm, input, hx)
    return original(input, hx)


def _install(lstm: Any) -> bool:
    if type(lstm) is not torch.nn.LSTM or "forward" in vars(lstm):
        return False
    lstm.forward = functools.partial(_forward, lstm, lstm.forward)  # type: ignore[method-assign]
    return True


def install_fast_lstms(pipeline: Any) -> int:
    """Run the tokenizer's and the parser's sentence LSTMs padded on CPU; how many.

    Only those whose final cell state stanza discards: the tokenizer's two
    character LSTMs and the parser's highway LSTM layers.  Anything of
    another shape (other stanza versions, other models) is left as it is.
    """
    processors = getattr(pipeline, "processors", {})
    tokenizer = getattr(getattr(processors.get("tokenize"), "trainer", None), "model", None)
    parser = getattr(getattr(processors.get("depparse"), "trainer", None), "model", None)
    lstms = [getattr(tokenizer, "rnn", None), getattr(tokenizer, "rnn2", None)]
    for layer in getattr(getattr(parser, "parserlstm", None), "lstm", None) or []:
        lstms.append(getattr(layer, "lstm", None))
    return sum(_install(lstm) for lstm in lstms)
