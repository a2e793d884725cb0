"""The parse view: a small typed view over stanza's sentences and words.

The rules read this view, never stanza's object model, so they can be tested
on CoNLL-U fixtures and read without knowing stanza.  Character offsets
always point into the text exactly as the caller passed it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

__all__ = ["Sentence", "Word", "may_be_mistagged_verb", "sentences_from_document"]


@attrs.frozen
class Word:
    """One syntactic word (a multi-word token such as "China's" gives two)."""

    index: int  # 0-based within its sentence
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0-based index of the head word; -1 for the root
    deprel: str
    start: int  # character offsets into the caller's text
    end: int

    @property
    def rel(self) -> str:
        """The universal relation without its subtype ("obl" for "obl:unmarked")."""
        return self.deprel.split(":", 1)[0]

    def feat(self, name: str) -> str | None:
        for item in self.feats.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None

    @property
    def lower(self) -> str:
        return self.text.lower()


@attrs.frozen
class Sentence:
    """A parsed sentence with child lists precomputed once."""

    words: tuple[Word, ...]
    start: int
    end: int
    text: str
    children: tuple[tuple[int, ...], ...] = attrs.field(eq=False, repr=False)

    @classmethod
    def build(cls, words: Sequence[Word], full_text: str) -> Sentence:
        kids: list[list[int]] = [[] for _ in words]
        for w in words:
            if 0 <= w.head < len(words):
                kids[w.head].append(w.index)
        words = [_as_verb(w, [words[k] for k in kids[w.index]]) for w in words]
        start = words[0].start if words else 0
        end = words[-1].end if words else 0
        return cls(
            words=tuple(words),
            start=start,
            end=end,
            text=full_text[start:end],
            children=tuple(tuple(k) for k in kids),
        )

    def deps(self, word: Word, *rels: str) -> Iterator[Word]:
        """The dependents of ``word``, optionally only those with a relation in ``rels``.

        A relation without subtype ("obl") matches all its subtypes.
        """
        for i in self.children[word.index]:
            child = self.words[i]
            if not rels or child.deprel in rels or child.rel in rels:
                yield child

    def dep(self, word: Word, *rels: str) -> Word | None:
        return next(self.deps(word, *rels), None)

    def head_of(self, word: Word) -> Word | None:
        return self.words[word.head] if word.head >= 0 else None

    def subtree(self, word: Word, *, exclude: frozenset[str] = frozenset()) -> list[Word]:
        """``word`` and its descendants in sentence order, skipping branches in ``exclude``."""
        out: list[Word] = []
        stack = [word]
        while stack:
            w = stack.pop()
            out.append(w)
            for child in self.deps(w):
                if child.deprel not in exclude and child.rel not in exclude:
                    stack.append(child)
        out.sort(key=lambda w: w.index)
        return out

    def case_of(self, word: Word) -> str | None:
        """The lowercased preposition (``case`` or ``mark`` dependent) of a nominal or clause.

        When the parser hung the preposition on a modifier instead ("with"
        on "Chinese" in "with Chinese President Xi Jinping"), the preposition
        right before the phrase counts.
        """
        for child in self.deps(word, "case", "mark"):
            if child.index < word.index:
                return child.lower
        first = min(
            (w.index for w in self.subtree(word, exclude=frozenset({"acl", "conj", "punct"}))),
            default=word.index,
        )
        if first > 0 and first < word.index:
            prev = self.words[first]
            if prev.rel == "case" or prev.upos == "ADP":
                return prev.lower
        return None


def may_be_mistagged_verb(text: str, lemma: str, upos: str | None) -> bool:
    """Whether the small tagger may have called this verb a noun or an adjective.

    An adjective tag on any form ("Does Crack Barrel ban/ADJ employees"); a
    noun tag only on an inflected form that is not an -s form ("The visiting
    German chancellor met/NOUN Xi"): noun-tagged base forms and -s forms are
    mostly nouns ("state", "demands").  The trigger pre-filter admits the
    same words, so a sentence it skips holds none that could become a verb.
    """
    if upos == "ADJ":
        return True
    lower = text.lower()
    return upos == "NOUN" and lower != lemma.lower() and not lower.endswith("s")


def _as_verb(word: Word, children: Sequence[Word]) -> Word:
    """A noun or adjective that heads a clause of its own, as the verb it is.

    The small tagger calls verbs it does not know in context nouns or
    adjectives; the parser, which reads no tags, still gives them a
    subject.  A subject without a copula or a passive auxiliary makes a
    verb; only parsed sentences have one.
    """
    if word.rel in _NOMINAL_RELS or not may_be_mistagged_verb(word.text, word.lemma, word.upos):
        return word
    rels = {c.deprel for c in children}
    if "nsubj" in rels and not rels & {"cop", "aux:pass"}:
        return attrs.evolve(word, upos="VERB")
    return word


# Relations of a noun inside a clause, never of a clause's own head.
_NOMINAL_RELS = frozenset({"compound", "amod", "obj", "iobj", "obl", "nmod", "nsubj", "appos"})


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
            out.append(Sentence.build(words, text))
    return out
