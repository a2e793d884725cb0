"""Dependency labels scored at the chosen heads only.

stanza's graph parser scores every label for every (dependent, head) pair
-- a batch x words x words x labels tensor -- and then reads the label of
one pair a dependent: the one its tree picked.  At inference this scores
the arcs as stanza does, decodes the trees (:func:`one_root_tree`, the same
trees as stanza's decoder), and then scores the labels of the chosen arcs
only, with the same weights: the same labels up to float rounding, without
the all-pairs product, its copies and its two softmaxes.  Installed as an instance attribute
on our pipeline's parser only; anything else (training, gradients, head
constraint repair, sentences past the fast decoder's length, other model
shapes) runs stanza's own ``predict``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import torch
import torch.nn.functional as F

from .mst import MAX_WORDS, one_root_tree
from .patching import patch_predict

__all__ = ["install_head_labels"]

Predictions = list[list[list[Any]]]


def install_head_labels(pipeline: Any) -> bool:
    """Make the pipeline's parser score labels at the chosen heads only.

    False, changing nothing, where the parser is not the graph parser this
    was written for (its modules named and shaped as in stanza 1.15).
    """
    processor = getattr(pipeline, "processors", {}).get("depparse")
    model = getattr(getattr(processor, "trainer", None), "model", None)
    return patch_predict(model, _supported, _head_label_predict)


def _supported(model: Any) -> bool:
    args = getattr(model, "args", None)
    deprel = getattr(model, "deprel", None)
    bilinear = getattr(getattr(deprel, "scorer", None), "W_bilin", None)
    weight = getattr(bilinear, "weight", None)
    return (
        isinstance(args, dict)
        and not args.get("use_arc_embedding")
        and all(hasattr(model, name) for name in ("embed", "unlabeled", "drop", "vocab"))
        and all(hasattr(deprel, name) for name in ("W1", "W2", "hidden_func", "dropout"))
        and isinstance(weight, torch.Tensor)
        and weight.dim() == 3
        and isinstance(getattr(bilinear, "bias", None), torch.Tensor)
    )


def _head_label_predict(model: Any, stanza_predict: Callable[..., Predictions]) -> Any:
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE

    def predict(*inputs: Any, resolve_head_constraints: bool = False) -> Predictions:
        # inputs: word, word_mask, wordchars, wordchars_mask, upos, xpos,
        # ufeats, pretrained, lemma, head, deprel, word_orig_idx, sentlens,
        # wordlens, text -- stanza's order.
        sentlens: Sequence[int] = inputs[12]
        if (
            resolve_head_constraints
            or model.training
            or torch.is_grad_enabled()
            or max(sentlens, default=0) > MAX_WORDS
        ):
            return stanza_predict(*inputs, resolve_head_constraints=resolve_head_constraints)
        hidden = model.drop(model.embed(*inputs))
        arc_log_probs = F.log_softmax(_arc_scores(model, hidden), 2).cpu().numpy()
        heads = [one_root_tree(arc_log_probs[i][:n, :n])[1:] for i, n in enumerate(sentlens)]
        labels = _labels_at(model.deprel, hidden, heads) + VOCAB_PREFIX_SIZE
        deprels = model.vocab["deprel"].unmap(labels.tolist())
        out: Predictions = []
        k = 0
        for sent_heads in heads:
            out.append([[int(h), deprels[k + j]] for j, h in enumerate(sent_heads)])
            k += len(sent_heads)
        return out

    return predict


def _arc_scores(model: Any, hidden: torch.Tensor) -> torch.Tensor:
    """stanza's arc scores (``forward_scores`` of the graph parser, stanza 1.15)."""
    scores: torch.Tensor = model.unlabeled(hidden, hidden).squeeze(3)
    size = hidden.size(1)
    offset = torch.arange(size).view(1, 1, -1) - torch.arange(size).view(1, -1, 1)
    offset = offset.expand(hidden.size(0), -1, -1).to(hidden.device)
    if model.args["linearization"]:
        lin = model.linearization(hidden, hidden).squeeze(3)
        scores += F.logsigmoid(lin * torch.sign(offset).float())
    if model.args["distance"]:
        predicted = 1 + F.softplus(model.distance(hidden, hidden).squeeze(3))
        scores += -torch.log((torch.abs(offset).float() - predicted) ** 2 / 2 + 1)
    diag = torch.eye(size, dtype=torch.bool, device=hidden.device).unsqueeze(0)
    return scores.masked_fill_(diag, -float("inf"))


def _labels_at(scorer: Any, hidden: torch.Tensor, heads: Sequence[Any]) -> torch.Tensor:
    """The best label of each (dependent, head) arc, dependents in sentence order."""
    def index(values: list[int]) -> torch.Tensor:
        return torch.tensor(values, dtype=torch.long, device=hidden.device)

    rows = index([i for i, h in enumerate(heads) for _ in range(len(h))])
    dependents = index([j + 1 for h in heads for j in range(len(h))])
    chosen = index([int(x) for h in heads for x in h])
    dep = scorer.dropout(scorer.hidden_func(scorer.W1(hidden)))[rows, dependents]
    head = scorer.dropout(scorer.hidden_func(scorer.W2(hidden)))[rows, chosen]
    dep = torch.cat([dep, dep.new_ones(dep.size(0), 1)], 1)
    head = torch.cat([head, head.new_ones(head.size(0), 1)], 1)
    bilinear = scorer.scorer.W_bilin
    size_in, size_head, size_out = bilinear.weight.shape
    # The order of stanza's products: dependent x weight first, then the head.
    partial = (dep @ bilinear.weight.reshape(size_in, size_head * size_out)).view(
        -1, size_head, size_out
    )
    scores: torch.Tensor = torch.bmm(head.unsqueeze(1), partial).squeeze(1) + bilinear.bias
    return scores.argmax(1)
