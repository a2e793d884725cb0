"""Subnormal weights set to zero, so that CPU arithmetic on them stays fast.

Training leaves some embedding values below float32's smallest normal
number (about 1.2e-38): in the bundled parser, 6,401 word, 4,964 lemma and
212 character embedding values.  The CPU handles every product with such a
number in a slow microcode path, and torch's worker threads do not flush
them, so a layer that reads them runs slower than on ordinary numbers of
the same shapes (docs/accuracy.md).  Values that small add less than
1e-30 of any sum the models form, far below float32 rounding, so zero gives
the same parses (the same trees, labels and events on the benchmark
corpus, checked).  Only the loaded copy in memory changes.
"""

from __future__ import annotations

from typing import Any

import torch

__all__ = ["flush_subnormal_weights"]


def flush_subnormal_weights(pipeline: Any) -> int:
    """Set the subnormal floating-point parameters of the pipeline's models to zero.

    Returns how many values were set.  Processors without a torch model
    (our tagger) are skipped.
    """
    flushed = 0
    for processor in getattr(pipeline, "processors", {}).values():
        model = getattr(getattr(processor, "trainer", None), "model", None)
        if not isinstance(model, torch.nn.Module):
            continue
        with torch.no_grad():
            for tensor in [*model.parameters(), *model.buffers()]:
                if not tensor.is_floating_point():
                    continue
                tiny = torch.finfo(tensor.dtype).tiny
                subnormal = (tensor != 0) & (tensor.abs() < tiny)
                count = int(subnormal.sum())
                if count:
                    tensor.masked_fill_(subnormal, 0.0)
                    flushed += count
    return flushed
