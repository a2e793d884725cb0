"""The tokenizer's character features, computed once per distinct character.

stanza's tokenizer turns every character of a paragraph into a vocabulary
id and a few features (space before, capitalized, numeric, first and last
of the paragraph) through a chain of per-character lambdas, for every
character of every paragraph (the cost is in docs/accuracy.md).  The id and the
per-character features depend on the character alone, so this computes
them with stanza's own functions once per distinct character and reuses
them; the arrays are identical.  Installed as an instance attribute on our
pipeline's tokenizer only; anything this was not written for (a
dictionary, structural features, pre-tokenized text, speaker tags, other
stanza versions) runs stanza's own code.

The same hook joins sentences the tokenizer split inside a name
(:func:`rejoin_split_names`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["install_char_features", "rejoin_split_names"]

_SPACES = re.compile(" {2,}")


def install_char_features(pipeline: Any) -> bool:
    """Make the pipeline's tokenizer featurize characters through a cache.

    False, changing nothing, where its model or stanza is not the kind this
    was written for.
    """
    processor = getattr(pipeline, "processors", {}).get("tokenize")
    if processor is None or "process" in vars(processor) or not _supported(processor):
        return False
    dataset_class = _fast_dataset_class()
    processor.process = functools.partial(_process, processor, processor.process, dataset_class)
    return True


def _supported(processor: Any) -> bool:
    try:
        from stanza.models.tokenization import data
    except ImportError:  # pragma: no cover - other stanza layouts
        return False
    config = getattr(processor, "config", None)
    trainer = getattr(processor, "trainer", None)
    if not isinstance(config, dict) or trainer is None:
        return False
    per_char = getattr(data, "PER_CHAR_FEAT_FUNCS", None)
    position = getattr(data, "POSITION_FEAT_FUNCS", None)
    if not isinstance(per_char, dict) or not isinstance(position, frozenset):
        return False
    funcs = config.get("feat_funcs")
    return (
        isinstance(funcs, list)
        and any(f in per_char for f in funcs)
        and all(f in per_char or f in position for f in funcs)
        and not config.get("use_dictionary")
        and getattr(trainer, "dictionary", None) is None
        and not config.get("pretokenized")
        and not config.get("skip_newline")
        and not hasattr(processor, "_variant")
        and getattr(processor, "_speaker_opener", None) is None
        and hasattr(data, "TokenizationDataset")
        and hasattr(data, "NEWLINE_WHITESPACE_RE")
        and hasattr(data, "WHITESPACE_RE")
    )


@functools.cache
def _fast_dataset_class() -> type:
    from stanza.models.tokenization import data

    class CachedFeatureDataset(data.TokenizationDataset):  # type: ignore[misc]
        """stanza's evaluation dataset, with per-character work done once a character."""

        def __init__(self, args: dict[str, Any], *, input_text: str, vocab: Any) -> None:
            # Deliberately not stanza's __init__: the same ``data`` (chunks of
            # (character, 0) pairs, special whitespace as " ", runs of spaces
            # as one) built from whole strings instead of character by character.
            self.args = args
            self.eval = True
            self.dictionary = None
            self.vocab = vocab
            chunks = (c.rstrip() for c in data.NEWLINE_WHITESPACE_RE.split(input_text))
            self.data = [
                [(ch, 0) for ch in _SPACES.sub(" ", data.WHITESPACE_RE.sub(" ", c))]
                for c in chunks
                if c
            ]
            funcs = args["feat_funcs"]
            self._char_funcs = [
                data.PER_CHAR_FEAT_FUNCS[f] for f in funcs if f not in data.POSITION_FEAT_FUNCS
            ]
            self._end_of_para = "end_of_para" in funcs
            self._start_of_para = "start_of_para" in funcs
            self._rows: dict[str, tuple[int, list[int]]] = {}

        def para_to_sentences(self, para: list[tuple[str, int]]) -> list[Any]:
            if not para:
                return []
            rows = self._rows
            ids = []
            feats = []
            for unit, _ in para:
                row = rows.get(unit)
                if row is None:
                    row = rows[unit] = (
                        self.vocab.unit2id(unit),
                        [f(unit) for f in self._char_funcs],
                    )
                ids.append(row[0])
                feats.append(row[1])
            columns = np.array(feats, dtype=np.int64).reshape(len(para), -1)
            extra = []
            if self._end_of_para:
                extra.append(np.arange(len(para)) == len(para) - 1)
            if self._start_of_para:
                extra.append(np.arange(len(para)) == 0)
            if extra:
                columns = np.hstack([columns, np.stack(extra, 1).astype(np.int64)])
            units = [unit for unit, _ in para]
            labels = np.array([label for _, label in para])
            return [(np.array(ids), labels, columns, units)]

    return CachedFeatureDataset


def _process(
    processor: Any, stanza_process: Callable[[Any], Any], dataset_class: type, document: Any
) -> Any:
    """stanza's ``TokenizeProcessor.process`` on plain text, with the cached features."""
    import torch
    from stanza.models.common import doc
    from stanza.models.tokenization.utils import output_predictions
    from stanza.pipeline.tokenize_processor import TOKEN_TOO_LONG_REPLACEMENT, TokenizeProcessor

    if isinstance(document, doc.Document):
        document = document.text
    if not isinstance(document, str):
        return stanza_process(document)
    max_seq_len = processor.config.get("max_seqlen", TokenizeProcessor.MAX_SEQ_LENGTH_DEFAULT)
    batches = dataset_class(processor.config, input_text=document, vocab=processor.vocab)
    with torch.no_grad():
        _, _, _, sentences = output_predictions(
            None,
            processor.trainer,
            batches,
            processor.vocab,
            None,
            max_seq_len,
            orig_text=document,
            no_ssplit=processor.config.get("no_ssplit", False),
            num_workers=processor.config.get("num_workers", 0),
            postprocessor=processor._postprocessor,
        )
    for sentence in sentences:
        for token in sentence:
            if len(token["text"]) > max_seq_len:
                token["text"] = TOKEN_TOO_LONG_REPLACEMENT
    return doc.Document(rejoin_split_names(sentences, document), document)


_TITLE_WORD = re.compile(r"[A-Z][a-z]+")
# The split-off last part of a name is a short syllable ("Un", "Fe"); a
# sentence can start with one of these short words instead.
_NAME_TAIL = re.compile(r"[A-Z][a-z]{1,2}")
_SHORT_STARTS = frozenset(
    {
        "a", "an", "and", "any", "are", "as", "at", "be", "but", "by", "can", "did", "do", "for",
        "go", "has", "he", "her", "his", "how", "i", "if", "in", "is", "it", "its", "let", "may",
        "me", "my", "no", "nor", "not", "now", "of", "oh", "ok", "on", "one", "or", "our", "out",
        "see", "she", "so", "the", "to", "too", "two", "up", "us", "was", "we", "who", "why", "yes",
        "yet", "you",
    }
)  # fmt: skip


Tokens = list[dict[str, Any]]


def rejoin_split_names(sentences: list[Tokens], text: str) -> list[Tokens]:
    """Sentences the tokenizer split inside a name ("Kim Jong | Un visited"), joined again.

    A sentence that ends in a capitalized word with no punctuation, followed
    after one space by one that starts with a capitalized syllable of two or
    three letters that is no common word, was cut in the middle of a name:
    EWT has few Korean or Chinese names of three words.  Titles and
    signatures without punctuation ("Lovely Cottage This cottage is ...")
    stay apart.  Token ids are renumbered; offsets stay as they are.
    """
    out: list[Tokens] = []
    for sentence in sentences:
        if out and out[-1] and sentence and _split_name(out[-1][-1], sentence[0], text):
            joined = out[-1] + sentence
            for k, token in enumerate(joined, 1):
                token["id"] = (k,)
            out[-1] = joined
        else:
            out.append(sentence)
    return out


def _split_name(last: dict[str, Any], first: dict[str, Any], text: str) -> bool:
    end, start = last.get("end_char"), first.get("start_char")
    return (
        isinstance(end, int)
        and isinstance(start, int)
        and text[end:start] == " "
        and _TITLE_WORD.fullmatch(str(last.get("text", ""))) is not None
        and _NAME_TAIL.fullmatch(str(first.get("text", ""))) is not None
        and str(first["text"]).lower() not in _SHORT_STARTS
    )
