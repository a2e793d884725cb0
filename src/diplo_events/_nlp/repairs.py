"""Repairs of the parser's output, made before the library reads a sentence.

The small parser breaks some news shapes the same way every time; where the
shape is unambiguous on the surface, the tree is mended here, once, so that
every reader (triggers, arguments, dates) sees the same clause.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._dates.vocabulary import MONTH_NAMES, WEEKDAY_NAMES
from .._tokens import Word

__all__ = ["dated_clause", "split_subject", "verbless_clause"]


def dated_clause(words: Sequence[Word]) -> Sequence[Word]:
    """ "Japan on Friday lifted sanctions on Iran", "A court on Tuesday freed the
    pastor": the clause the parser broke at a date between subject and verb.

    The small parser hangs the verb under its subject or its object when "on
    <day>" stands between them, and the sentence's root is the subject.  With
    the subject as root, a past or present verb right after "on <weekday or
    month> [number] [,]" that heads no clause of its own becomes the root:
    the subject its ``nsubj``, the date its ``obl``, and the noun the verb
    hung on after it (or its first noun modifier after it) its ``obj``.  The
    result must still be a tree, else the parse is kept as it was.
    """
    n = len(words)
    roots = [w for w in words if w.head == -1]
    if len(roots) != 1 or roots[0].upos not in ("NOUN", "PROPN"):
        return words
    subject = roots[0]
    for i in range(subject.index + 1, n - 2):
        on, day = words[i], words[i + 1]
        if on.lower != "on" or day.lower not in _WEEKDAYS_AND_MONTHS:
            continue
        j = i + 2
        number = words[j] if words[j].upos == "NUM" and day.lower in _MONTHS else None
        j += number is not None
        if j < n and words[j].text == ",":
            j += 1
        if j >= n:
            return words
        verb = words[j]
        if (
            verb.upos != "VERB"
            or verb.xpos not in ("VBD", "VBZ", "VBP", "VBN")
            or verb.deprel in _CLAUSE_HEAD_RELS
        ):
            return words
        fixed = list(words)
        fixed[verb.index] = attrs.evolve(verb, head=-1, deprel="root")
        fixed[subject.index] = attrs.evolve(subject, head=verb.index, deprel="nsubj")
        fixed[day.index] = attrs.evolve(day, head=verb.index, deprel="obl")
        fixed[on.index] = attrs.evolve(on, head=day.index, deprel="case")
        if number is not None:
            fixed[number.index] = attrs.evolve(number, head=day.index, deprel="nummod")
        held = words[verb.head] if verb.head > verb.index else None
        if held is not None and held.upos in ("NOUN", "PROPN"):
            fixed[held.index] = attrs.evolve(held, head=verb.index, deprel="obj")
        else:
            first = next(
                (w for w in words if w.head == verb.index and w.index > verb.index
                 and w.upos in ("NOUN", "PROPN") and w.rel in ("compound", "nmod")),
                None,
            )
            if first is not None:
                fixed[first.index] = attrs.evolve(first, head=verb.index, deprel="obj")
        for w in words:  # the final punctuation goes with the clause
            if w.head == subject.index and w.upos == "PUNCT" and w.index > verb.index:
                fixed[w.index] = attrs.evolve(w, head=verb.index)
        return fixed if _is_tree(fixed) else words
    return words


def verbless_clause(words: Sequence[Word]) -> Sequence[Word]:
    """ "The US imposed sanctions on Iran": a clause the tagger left without a verb.

    The small tagger calls a past form between two nouns an adjective, and
    the parser, reading the tags, makes the whole clause one noun phrase:
    "imposed" an ``amod`` of "sanctions", "US" a ``compound`` of it, and
    "sanctions" the root.  When the root is a noun with no copula, and a
    past form ("-ed", or tagged VBD/VBN) hangs on it as ``amod`` right
    after a noun that also hangs on it (the subject's head) and before it
    with only the root's own modifiers between, the past form becomes the
    root verb: the noun before it its ``nsubj`` (taking the root's
    determiners and modifiers before it; past an "on <day>" between them,
    which becomes the verb's ``obl``), the root its ``obj``, the final
    punctuation its own.  A split compound ("Saudi- led") is left alone.
    The result must still be a tree, else the parse is kept as it was.
    """
    roots = [w for w in words if w.head == -1]
    if len(roots) != 1 or roots[0].upos != "NOUN":
        return words
    obj = roots[0]
    if any(w.head == obj.index and w.deprel == "cop" for w in words):
        return words
    verb = next(
        (
            w
            for w in words
            if w.head == obj.index
            and w.deprel == "amod"
            and 0 < w.index < obj.index
            and w.upos in ("ADJ", "VERB")
            and (w.xpos in ("VBD", "VBN") or w.lower.endswith("ed"))
        ),
        None,
    )
    if verb is None:
        return words
    subject, day = words[verb.index - 1], None
    if (
        subject.lower in _WEEKDAYS_AND_MONTHS
        and verb.index >= 3
        and words[verb.index - 2].lower == "on"
    ):
        day, subject = subject, words[verb.index - 3]  # "The court on Friday quashed ..."
    if (
        subject.upos not in ("NOUN", "PROPN")
        or subject.head not in (obj.index, verb.index)
        or subject.text.endswith("-")  # "Saudi- led": a compound the tokenizer split
    ):
        return words
    if any(words[i].head != obj.index for i in range(verb.index + 1, obj.index)):
        return words  # "imposed" must be followed by the object's own modifiers only
    fixed = list(words)
    fixed[verb.index] = attrs.evolve(verb, upos="VERB", xpos="VBD", head=-1, deprel="root")
    fixed[subject.index] = attrs.evolve(subject, head=verb.index, deprel="nsubj")
    if day is not None:
        fixed[day.index] = attrs.evolve(day, head=verb.index, deprel="obl")
        on = words[day.index - 1]
        fixed[on.index] = attrs.evolve(on, head=day.index, deprel="case")
    fixed[obj.index] = attrs.evolve(obj, head=verb.index, deprel="obj")
    for w in words[: subject.index]:  # "The" of "The US"
        if w.head == obj.index:
            fixed[w.index] = attrs.evolve(w, head=subject.index)
    for w in words[obj.index + 1 :]:  # the final punctuation goes with the clause
        if w.head == obj.index and w.upos == "PUNCT":
            fixed[w.index] = attrs.evolve(w, head=verb.index)
    return fixed if _is_tree(fixed) else words


def split_subject(words: Sequence[Word]) -> Sequence[Word]:
    """ "Members of the New People's Army violated the ceasefire": a subject's
    "of" phrase the parser made a second subject of the verb.

    A subject takes no preposition; when a verb has two subjects and the later
    one opens with "of", "in" or "within" right after the earlier one's
    phrase, the later one is the earlier one's ``nmod``.
    """
    by_verb: dict[int, list[Word]] = {}
    for w in words:
        if w.deprel == "nsubj":
            by_verb.setdefault(w.head, []).append(w)
    fixed = list(words)
    for subjects in by_verb.values():
        if len(subjects) != 2:
            continue
        first, second = subjects
        case = next(
            (w for w in words if w.head == second.index and w.deprel == "case"
             and w.index < second.index),
            None,
        )
        if case is None or case.lower not in ("of", "in", "within"):
            continue
        if case.index != max(w.index for w in _subtree(words, first)) + 1:
            continue
        fixed[second.index] = attrs.evolve(second, head=first.index, deprel="nmod")
    return fixed if _is_tree(fixed) else words


def _subtree(words: Sequence[Word], top: Word) -> list[Word]:
    """``top`` and every word under it."""
    out, todo = [top], [top.index]
    while todo:
        i = todo.pop()
        for w in words:
            if w.head == i and w.index != i:
                out.append(w)
                todo.append(w.index)
    return out


def _is_tree(words: Sequence[Word]) -> bool:
    """One root, and every word reaches it."""
    if sum(w.head == -1 for w in words) != 1:
        return False
    for w in words:
        seen = 0
        while w.head != -1:
            if not 0 <= w.head < len(words) or seen > len(words):
                return False
            w, seen = words[w.head], seen + 1
    return True


_MONTHS = frozenset(MONTH_NAMES)
_WEEKDAYS_AND_MONTHS = frozenset(WEEKDAY_NAMES) | _MONTHS
# Relations of a verb that heads a clause of its own.
_CLAUSE_HEAD_RELS = frozenset(
    {"root", "ccomp", "advcl", "parataxis", "conj", "xcomp", "acl:relcl", "csubj", "csubj:pass"}
)


