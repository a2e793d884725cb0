"""The GPU path: where torch sees a CUDA GPU, the same events as on the CPU.

Skipped on machines without one (CI has none); run on a lent GPU machine.
"""

from __future__ import annotations

import pytest

from diplo_events import Extractor

from .conftest import SEED_TEXT

torch = pytest.importorskip("torch")

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU"),
]

NEWS = [
    SEED_TEXT,
    "Putin held talks with Modi in Moscow on Monday.",
    "The United States warned China against its actions, officials said on Tuesday.",
    "President Biden signed the bill on Wednesday.",
    "Germany pledged $500 million in aid to Ukraine.",
    "The weather was cold.",
]


@pytest.fixture(scope="module")
def gpu() -> Extractor:
    return Extractor.load(device="cuda")


def test_models_run_on_the_gpu(gpu: Extractor) -> None:
    for name in ("tokenize", "lemma", "depparse"):
        model = gpu.pipeline.processors[name].trainer.model
        assert next(model.parameters()).device.type == "cuda", name


def test_gpu_gives_the_cpu_events(gpu: Extractor, extractor: Extractor) -> None:
    cpu_events = [extractor.extract(text, "2024-04-26") for text in NEWS]
    assert sum(map(len, cpu_events)) >= 10
    assert [gpu.extract(text, "2024-04-26") for text in NEWS] == cpu_events
    batch = [r.events for r in gpu.extract_many((t, {"published": "2024-04-26"}) for t in NEWS)]
    assert batch == [tuple(e) for e in cpu_events]


def test_gpu_workers(gpu: Extractor, extractor: Extractor) -> None:
    results = list(gpu.extract_many(NEWS * 2, batch_size=2, n_process=2))
    assert [r.index for r in results] == list(range(len(NEWS) * 2))
    assert [r.events for r in results] == [r.events for r in extractor.extract_many(NEWS * 2)]
