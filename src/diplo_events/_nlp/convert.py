"""Stanza's documents as parse views, with offsets into the caller's text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._tokens import Sentence, Word
from .repairs import dated_clause, split_subject, verbless_clause

__all__ = ["sentences_from_document"]


def _align(
    text: str, pieces: Sequence[tuple[str, int | None, int | None]]
) -> list[tuple[int, int]]:
    """Character offsets for each piece: stanza's where present, else found in ``text``.

    Stanza Documents built from CoNLL-U carry no offsets, and words inside
    multi-word tokens carry none either; searching forward from the previous
    piece recovers them.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece, start, end in pieces:
        if start is not None and end is not None and text[start:end] == piece:
            spans.append((start, end))
            pos = end
            continue
        found = text.find(piece, pos)
        if found < 0 or found - pos > 200:
            # The tokenizer normalized the token (quotes, whitespace): keep the
            # cursor so later pieces still align.
            spans.append((pos, pos))
            continue
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


def sentences_from_document(
    doc: Any, text: str, offset: int = 0, end: int | None = None
) -> list[Sentence]:
    """Build parse views from a stanza ``Document`` whose text is ``text[offset:end]``.

    ``offset`` shifts every character offset, for documents parsed in chunks;
    ``end`` keeps a chunk from copying the rest of a long document.
    """
    out: list[Sentence] = []
    base_text = text[offset:end] if offset or end is not None else text
    # Token-level alignment first (tokens carry offsets when stanza tokenized),
    # then words inside each token.
    tokens = [t for s in doc.sentences for t in s.tokens]
    token_spans = _align(
        base_text,
        [(t.text, getattr(t, "start_char", None), getattr(t, "end_char", None)) for t in tokens],
    )
    span_of_token = {id(t): sp for t, sp in zip(tokens, token_spans, strict=True)}
    for sent in doc.sentences:
        words: list[Word] = []
        for token in sent.tokens:
            t_start, t_end = span_of_token[id(token)]
            token_text = base_text[t_start:t_end]
            cursor = 0
            for w in token.words:
                if len(token.words) == 1:
                    w_start, w_end = t_start, t_end
                else:
                    found = token_text.find(w.text, cursor)
                    if found >= 0:
                        w_start, w_end = t_start + found, t_start + found + len(w.text)
                        cursor = found + len(w.text)
                    else:  # "won't" -> "will": point at the whole token
                        w_start, w_end = t_start, t_end
                words.append(
                    Word(
                        index=len(words),
                        text=base_text[w_start:w_end] if w_end > w_start else (w.text or ""),
                        lemma=(w.lemma or w.text or "").lower()
                        if (w.upos or "") != "PROPN"
                        else (w.lemma or w.text or ""),
                        upos=w.upos or "X",
                        xpos=w.xpos or "",
                        feats=w.feats or "",
                        head=(w.head or 0) - 1,
                        deprel=w.deprel or "dep",
                        start=w_start + offset,
                        end=w_end + offset,
                    )
                )
        if words:
            out.append(Sentence.build(split_subject(verbless_clause(dated_clause(words))), text))
    return out
