"""stanza's models, run faster with the same outputs.

Each module replaces one piece of stanza's inference with code that gives the
same result (the same tokens, tags, lemmas, trees and labels, checked by the
tests against stanza's own code) at less cost on the CPU.  They reach into
stanza's private objects, so each one checks what it patches and leaves a
processor it does not recognise as stanza made it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["install_speedups"]


def install_speedups(pipeline: Any) -> None:
    """Install every speed-up on a loaded pipeline (they import torch or numpy)."""
    from .char_features import install_char_features
    from .head_labels import install_head_labels
    from .lemma_decoding import install_edit_first_lemmatizer
    from .lstm import install_fast_lstms
    from .mst import install_fast_decoder
    from .subnormals import flush_subnormal_weights

    flush_subnormal_weights(pipeline)  # zero weights too small for float32's normal range
    install_fast_decoder(pipeline)  # the same trees from a faster maximum spanning tree
    install_char_features(pipeline)  # the same features, once per distinct character
    install_fast_lstms(pipeline)  # the same outputs from padded LSTMs on the CPU
    install_head_labels(pipeline)  # the same labels, scored at the chosen heads only
    install_edit_first_lemmatizer(pipeline)  # the same lemmas, fewer words decoded
