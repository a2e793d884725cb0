"""Subnormal weights are set to zero at load, on the models' own tensors only."""

from __future__ import annotations

import types

import torch

from diplo_events._nlp.speedups.subnormals import flush_subnormal_weights

from .conftest import pipeline_with

TINY = torch.finfo(torch.float32).tiny


def test_subnormal_values_become_zero_and_the_others_stay() -> None:
    embedding = torch.nn.Embedding(3, 4)
    values = torch.tensor(
        [
            [TINY / 2, -TINY / 8, 0.5, -0.25],
            [TINY, -TINY, 1e-30, 0.0],
            [TINY / 1e6, 2.0, -3.0, 4.0],
        ]
    )
    with torch.no_grad():
        embedding.weight.copy_(values)
    model = torch.nn.Sequential(embedding)
    model.register_buffer("scale", torch.tensor([TINY / 4, 1.0]))
    model.register_buffer("ids", torch.tensor([1, 2]))  # not floating point: left alone

    assert flush_subnormal_weights(pipeline_with(depparse=model)) == 4
    expected = values.clone()
    expected[0, 0] = expected[0, 1] = expected[2, 0] = 0.0
    assert torch.equal(embedding.weight.detach(), expected)
    assert torch.equal(model.scale, torch.tensor([0.0, 1.0]))
    assert flush_subnormal_weights(pipeline_with(depparse=model)) == 0  # nothing left


def test_processors_without_a_torch_model_are_skipped() -> None:
    tagger = types.SimpleNamespace(trainer=None)
    pipeline = types.SimpleNamespace(processors={"pos": tagger})
    assert flush_subnormal_weights(pipeline) == 0
    assert flush_subnormal_weights(types.SimpleNamespace()) == 0
