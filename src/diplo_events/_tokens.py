"""The parse view: the words and sentences every stage after the parser reads.

The rules read this view, never stanza's object model, so they can be tested
on CoNLL-U fixtures and read without knowing stanza.  Character offsets
always point into the text exactly as the caller passed it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

import attrs

__all__ = [
    "ParserBackend",
    "Sentence",
    "Word",
    "inflection_stems",
    "may_be_mistagged_verb",
]


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
    #: The parse view made it a verb that the tagger called a noun or an
    #: adjective ("The visiting German chancellor met/NOUN Xi").
    retagged: bool = False

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
        children = [[words[k] for k in kids[w.index]] for w in words]
        words = [_as_noun(_as_verb(w, c), c) for w, c in zip(words, children, strict=True)]
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

    def run_around(self, words: Iterable[Word], word: Word) -> tuple[int, int]:
        """The first and last index of the contiguous run of ``words`` that holds ``word``."""
        indices = {w.index for w in words}
        lo = hi = word.index
        while lo - 1 in indices:
            lo -= 1
        while hi + 1 in indices:
            hi += 1
        return lo, hi

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


def verb_only_form(text: str, lemma: str, upos: str | None) -> bool:
    """Whether a word the tagger called a noun or adjective has a form only a verb has.

    A past participle ("imposed/ADJ") or a noun-tagged inflected form that is
    not an -s form ("struck/NOUN", lemma "strike").  The dictionary's verbs,
    which stay off base forms the parse made verbs ("free", "fine", "best"
    are mostly adjectives), fire on these once the parse gives them a
    subject.
    """
    if upos == "ADJ":
        return text.lower().endswith("ed")
    return upos == "NOUN" and may_be_mistagged_verb(text, lemma, upos)


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
        return attrs.evolve(word, upos="VERB", retagged=True)
    return word


def _as_noun(word: Word, children: Sequence[Word]) -> Word:
    """An -s form, or a form with a determiner, that the tagger called a verb
    and the parse makes a plain argument, as the noun it is.

    "will not accept any Rohingya refugees/VERB": news nouns the small tagger
    never saw get a verb's tag and a verb's lemma ("refuge"); the parser,
    which reads no tags, makes the word the object.  A verb as an object,
    subject or nominal modifier with none of a clause's own dependents is
    a noun; its lemma is its singular.
    """
    if (
        word.upos != "VERB"
        or word.deprel not in _ARGUMENT_RELS
        or any(c.rel in _CLAUSE_DEPENDENTS for c in children)
    ):
        return word
    if word.xpos == "VBZ":
        return attrs.evolve(word, upos="NOUN", xpos="NNS", lemma=_singular(word.lower))
    # "extend the current nightly curfew/VERB": a determiner makes a noun of any form
    if any(c.rel == "det" for c in children) and not word.lower.endswith(("ing", "ed")):
        return attrs.evolve(word, upos="NOUN", xpos="NN", lemma=word.lower)
    return word


def _singular(lower: str) -> str:
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes")):
        return lower[:-2]
    return lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower


# An argument's relations (a clause would be ccomp, xcomp, advcl or acl).
_ARGUMENT_RELS = frozenset({"obj", "iobj", "nsubj", "nsubj:pass", "obl", "nmod"})
# Dependents only a clause has.
_CLAUSE_DEPENDENTS = frozenset(
    {"nsubj", "aux", "obj", "iobj", "mark", "cop", "ccomp", "xcomp", "expl"}
)


# Relations of a noun inside a clause, never of a clause's own head.
_NOMINAL_RELS = frozenset({"compound", "amod", "obj", "iobj", "obl", "nmod", "nsubj", "appos"})

def inflection_stems(word: str) -> set[str]:
    """Lemmas an unknown inflected form could have ("banning" -> "ban", "allies" -> "ally")."""
    w = word.lower()
    stems = {w}
    for suffix, repl in (
        ("s", ""), ("es", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("d", ""),
        ("ing", ""), ("ing", "e"),
    ):  # fmt: skip
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            stems.add(stem)
            if repl == "" and suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                stems.add(stem[:-1])  # doubled consonant: "banned", "banning"
    return stems


class ParserBackend(Protocol):
    """The one door to a parser: paragraphs in, parse views out.

    ``paragraphs`` are ``(text, start, end)``: each paragraph is
    ``text[start:end]``, and the views' offsets point into ``text``.  With
    ``may_trigger``, a sentence none of whose words may trigger (asked with
    the word's form, tag, dictionary lemma and whether the dictionary knew
    it) may be left without a dependency parse; its words still carry tags
    and lemmas.  A ``may_trigger`` with a ``sentence`` method (the library's
    pre-filter has one) may instead be asked about a whole sentence's
    ``(form, tag, dictionary lemma, known)`` words, which also checks that
    the words a trigger's conditions need are there.  The bundled backend is
    stanza's (``_nlp.StanzaDriver``).
    """

    stats: dict[str, int]

    def parse(
        self,
        paragraphs: Sequence[tuple[str, int, int]],
        *,
        may_trigger: Callable[[str, str | None, str, bool], bool] | None = None,
    ) -> list[list[Sentence]]: ...
