"""The lemmatizer's decoder, run only for the words whose lemma it gives.

stanza's seq2seq lemmatizer encodes each word it does not know, then
classifies the edit to make -- keep the word, lower-case it, or take the
decoded characters -- and decodes every word of the batch character by
character, even those whose edit throws the decoded characters away.  In
news most unknown words are names, kept as they are.  This encodes and classifies as
stanza does, then decodes only the words whose edit reads the decoded
characters, with stanza's own greedy decoding step: each word's decoding
reads only its own row, so the lemmas are the same up to float rounding.
Installed as an instance attribute on our pipeline's lemmatizer only;
beam search, training and other model shapes run stanza's ``predict``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from .patching import patch_predict

__all__ = ["greedy_decode", "install_edit_first_lemmatizer"]

# stanza.models.lemma.edit.EDIT_TO_ID["none"]: the edit that reads the decoded characters.
_DECODED_EDIT = 0


def install_edit_first_lemmatizer(pipeline: Any) -> bool:
    """Make the pipeline's lemmatizer decode only the words whose edit needs it.

    False, changing nothing, where the lemmatizer is not the edit-classifying
    seq2seq model this was written for (stanza 1.15's).
    """
    processor = getattr(pipeline, "processors", {}).get("lemma")
    return patch_predict(getattr(processor, "trainer", None), _supported, _edit_first_predict)


def _supported(trainer: Any) -> bool:
    model = getattr(trainer, "model", None)
    args = getattr(trainer, "args", None)
    return (
        isinstance(args, dict)
        and bool(args.get("edit"))
        and model is not None
        and all(
            hasattr(model, name)
            for name in ("embed", "encode", "edit_clf", "decode", "embedding", "SOS_tensor")
        )
        and isinstance(getattr(model, "vocab_size", None), int)
        and isinstance(getattr(model, "max_dec_len", None), int)
    )


def _edit_first_predict(trainer: Any, stanza_predict: Callable[..., Any]) -> Any:
    from stanza.models.common import utils
    from stanza.models.lemma.trainer import unpack_batch

    model = trainer.model

    def predict(batch: Any, beam_size: int = 1, vocab: Any = None) -> Any:
        if beam_size != 1 or torch.is_grad_enabled():
            return stanza_predict(batch, beam_size, vocab)
        model.eval()  # as stanza's predict does: the model loads in training mode
        if vocab is None:
            vocab = trainer.vocab
        device = next(model.parameters()).device
        inputs, orig_idx, text = unpack_batch(batch, device)
        src, src_mask, _, _, pos, _ = inputs
        # stanza's Seq2SeqModel.predict_greedy, up to its decoding loop.
        enc_inputs, batch_size, src_lens, src_mask = model.embed(src, src_mask, pos, text)
        h_in, (hn, cn) = model.encode(enc_inputs, src_lens)
        edit_logits = model.edit_clf(hn)
        edits = edit_logits.argmax(1)
        rows = torch.nonzero(edits == _DECODED_EDIT).flatten()
        preds: list[list[int]] = [[] for _ in range(batch_size)]
        if len(rows):
            states = (h_in[rows], hn[rows], cn[rows])
            decoded = greedy_decode(model, src[rows], src_mask[rows], *states)
            for row, seq in zip(rows.tolist(), decoded, strict=True):
                preds[row] = seq
        # stanza's Trainer.predict from here on.
        pred_seqs = utils.prune_decoded_seqs([vocab["char"].unmap(ids) for ids in preds])
        pred_tokens = utils.unsort(["".join(seq) for seq in pred_seqs], orig_idx)
        return pred_tokens, utils.unsort(edits.tolist(), orig_idx)

    return predict


def greedy_decode(
    model: Any,
    src: torch.Tensor,
    src_mask: torch.Tensor,
    h_in: torch.Tensor,
    hn: torch.Tensor,
    cn: torch.Tensor,
) -> list[list[int]]:
    """stanza's greedy decoding loop (``Seq2SeqModel.predict_greedy``) for encoded rows.

    A row stops at its end symbol; the loop stops when every row has, or at
    the model's longest lemma.  Token ids as stanza's, the end symbol left out.
    """
    from stanza.models.common.seq2seq_constant import EOS_ID, UNK_ID

    rows = src.size(0)
    dec_inputs = model.embedding(model.SOS_tensor)
    dec_inputs = dec_inputs.expand(rows, dec_inputs.size(0), dec_inputs.size(1))
    output: list[list[int]] = [[] for _ in range(rows)]
    done = [False] * rows
    remaining = rows
    steps = 0
    while remaining and steps < model.max_dec_len:
        log_probs, (hn, cn) = model.decode(dec_inputs, hn, cn, h_in, src_mask, src=src)
        preds = log_probs.squeeze(1).max(1, keepdim=True)[1]
        dec_inputs = preds.clone()
        # a character copied from the word but unknown to the decoder: its UNK embedding
        dec_inputs[dec_inputs >= model.vocab_size] = UNK_ID
        dec_inputs = model.embedding(dec_inputs)
        steps += 1
        for i, token in enumerate(preds.flatten().tolist()):
            if done[i]:
                continue
            if token == EOS_ID:
                done[i] = True
                remaining -= 1
            else:
                output[i].append(token)
    return output
