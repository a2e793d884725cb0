"""The parser's input tensors built straight from tagged words.

stanza's parser processor takes a Document, reads its words back through
``Document.get``, maps every word, character, tag, feature bundle and lemma
to an id through per-unit vocabulary calls, pads each sentence's and each
word's ids into a tensor one row at a time, and finally writes the heads
back into the Document and links its words.  This builds the same batch
from the words' strings: the same mapping (stanza's own vocabularies,
their answers cached per distinct string, since a vocabulary answer
depends on the string alone), the same order (stanza's ``sort_all``) and
the same padded tensors, built whole.  A test compares the batches with
stanza's.  Anything it was not written for (a reversed or BERT-based
parser, other stanza versions) returns None, and the caller runs stanza's
processor instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # torch loads with the model, not with the package
    import torch

__all__ = ["ParserInputs", "parser_inputs"]

Batch = tuple[Any, ...]
# A vocabulary's answers kept per string; cleared when this many, so a long
# archive's new words cannot grow it without bound.
_CACHE_LIMIT = 200_000


class ParserInputs:
    """Builds stanza's depparse batches for one parser processor."""

    def __init__(self, processor: Any) -> None:
        from stanza.models.common.data import sort_all
        from stanza.models.common.utils import EXCLAM_RE, QUESTION_RE
        from stanza.models.common.vocab import PAD_ID, ROOT_ID

        self._sort_all = sort_all
        # stanza's simplify_punct: a run such as "?!?" or "!!" reads as one mark.
        question, exclamation = QUESTION_RE, EXCLAM_RE
        self._simplified: Callable[[str], str] = lambda text: exclamation.sub(
            "!", question.sub("?", text)
        )
        self._pad, self._root = PAD_ID, ROOT_ID
        vocab = processor.vocab
        self._word = _cached(vocab["word"].unit2id)
        self._char = _cached(vocab["char"].unit2id)
        self._upos = _cached(vocab["upos"].unit2id)
        self._xpos = _cached(vocab["xpos"].unit2id)
        self._feats = _cached(vocab["feats"].unit2id)
        self._lemma = _cached(vocab["lemma"].unit2id)
        self._deprel_blank = vocab["deprel"].unit2id("_")
        xpos_width = len(vocab["xpos"]) if _composite(vocab["xpos"]) else 0
        self._xpos_root: list[Any] = [[ROOT_ID] * xpos_width] if xpos_width else [ROOT_ID]
        self._feats_root = [[ROOT_ID] * len(vocab["feats"])]
        pretrain = getattr(processor, "pretrain", None)
        self._pretrained = (
            _cached(pretrain.vocab.unit2id)
            if pretrain is not None and processor.trainer.args.get("pretrain")
            else None
        )

    def batch(self, sentences: Sequence[Sequence[Any]]) -> Batch:
        """What stanza's depparse DataLoader yields for these sentences as one batch.

        Each word needs ``text``, ``upos``, ``xpos``, ``feats`` and ``lemma``
        (None read as "_", as stanza does).
        """
        records = [self._record(words) for words in sentences]
        return self._collate(records)

    def _record(self, words: Sequence[Any]) -> list[Any]:
        root = self._root
        texts = [self._simplified(w.text) for w in words]
        upos = [_blank(w.upos) for w in words]
        xpos = [_blank(w.xpos) for w in words]
        feats = [_blank(w.feats) for w in words]
        lemmas = [_blank(w.lemma) for w in words]
        char = self._char
        record = [
            [root, *map(self._word, texts)],
            [[root], *([char(c) for c in t] for t in texts)],
            [root, *map(self._upos, upos)],
            [*self._xpos_root, *map(self._xpos, xpos)],
            [*self._feats_root, *map(self._feats, feats)],
            [root, *map(self._pretrained, (t.lower() for t in texts))]
            if self._pretrained is not None
            else [root] + [self._pad] * len(words),
            [root, *map(self._lemma, lemmas)],
            [0] * len(words),  # heads: "_" read as 0 at evaluation
            [self._deprel_blank] * len(words),
            texts,
        ]
        return record

    def _collate(self, records: list[list[Any]]) -> Batch:
        import torch

        batch_size = len(records)
        fields = list(zip(*records, strict=True))
        lens = [len(x) for x in fields[0]]
        fields, orig_idx = self._sort_all(fields, lens)
        batch_words = [w for sent in fields[1] for w in sent]
        word_lens = [len(x) for x in batch_words]
        sorted_words, word_orig_idx = self._sort_all([batch_words], word_lens)
        batch_words = sorted_words[0]
        word_lens = [len(x) for x in batch_words]
        pad = self._pad
        words = _padded(fields[0], batch_size, pad)
        wordchars = _padded(batch_words, len(word_lens), pad)
        return (
            words,
            torch.eq(words, pad),
            wordchars,
            torch.eq(wordchars, pad),
            _padded(fields[2], batch_size, pad),
            _padded(fields[3], batch_size, pad),
            _padded(fields[4], batch_size, pad),
            _padded(fields[5], batch_size, pad),
            _padded(fields[6], batch_size, pad),
            _padded(fields[7], batch_size, pad),
            _padded(fields[8], batch_size, pad),
            orig_idx,
            word_orig_idx,
            [len(x) for x in fields[0]],
            word_lens,
            fields[9],
        )


def parser_inputs(processor: Any) -> ParserInputs | None:
    """A batch builder for this parser processor, or None where it does not apply."""
    trainer = getattr(processor, "trainer", None)
    args = getattr(trainer, "args", None)
    vocab = getattr(processor, "vocab", None)
    if (
        not isinstance(args, dict)
        or args.get("reversed")
        or args.get("bert_model")
        or hasattr(processor, "_variant")
        or vocab is None
    ):
        return None
    try:
        return ParserInputs(processor)
    except (AttributeError, KeyError, ImportError, TypeError):  # another stanza layout
        return None


def _cached(unit2id: Callable[[str], Any]) -> Callable[[str], Any]:
    cache: dict[str, Any] = {}

    def lookup(unit: str) -> Any:
        found = cache.get(unit)
        if found is None:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            found = cache[unit] = unit2id(unit)
        return found

    return lookup


def _composite(vocab: Any) -> bool:
    from stanza.models.common.vocab import CompositeVocab

    return isinstance(vocab, CompositeVocab)


def _blank(value: str | None) -> str:
    return "_" if value is None else value


def _padded(rows: Sequence[Sequence[Any]], batch_size: int, pad: int) -> torch.Tensor:
    """stanza's ``get_long_tensor``: rows of ids (or of id lists) padded into one tensor."""
    import torch

    if rows and rows[0] and isinstance(rows[0][0], list):  # feature bundles: one more level
        width = max(len(r) for r in rows)
        inner = max(len(x) for r in rows for x in r)
        blank = [pad] * inner
        filled = [[[*x, *blank[len(x) :]] for x in r] + [blank] * (width - len(r)) for r in rows]
        filled += [[blank] * width] * (batch_size - len(rows))
        return torch.tensor(filled, dtype=torch.long).view(batch_size, width, inner)
    width = max(len(r) for r in rows)
    flat = [[*r, *[pad] * (width - len(r))] for r in rows]
    flat += [[pad] * width] * (batch_size - len(rows))
    return torch.tensor(flat, dtype=torch.long).view(batch_size, width)
