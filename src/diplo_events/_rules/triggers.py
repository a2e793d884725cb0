"""Triggers: which words of a parsed sentence start an event, by lexicon and structure."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._actors.mentions import is_time_word
from .._dates.vocabulary import TIME_WORDS
from .._events import EventKind
from .._tokens import (
    Sentence,
    Word,
    inflection_stems,
    may_be_mistagged_verb,
    verb_only_form,
)
from .lexicon import Lexicon, Trigger

__all__ = [
    "Candidate",
    "PreFilter",
    "find_triggers",
    "may_trigger",
    "may_trigger_unlemmatized",
]

# Words whose pre-filter answer is kept; cleared when more, so that a long
# archive's new words cannot grow it without bound.
_PREFILTER_ANSWERS_LIMIT = 200_000

# Verbs used as adjectives ("the signed bill") or as prepositions ("according
# to", "including", "regarding": attached as case or mark) name no event.
_SKIP_VERB_RELS = {"amod", "compound", "case", "mark"}


@attrs.frozen
class Candidate:
    """A trigger found in a sentence.

    ``clause`` is the word whose arguments the event takes: the trigger itself,
    or the light verb of a noun trigger ("held" in "held talks").
    """

    word: Word
    clause: Word
    entry: Trigger
    how: str


def _coarse_pos(word: Word) -> str | None:
    if word.upos == "VERB":
        return "VERB"
    if word.upos == "NOUN":
        return "NOUN"
    return None


def _lookup(lexicon: Lexicon, word: Word, pos: str) -> tuple[Trigger, ...]:
    # The small bundled lemmatizer sometimes errs; the surface form is a
    # cheap second key ("talks", "meeting").
    for key in _keys(word):
        found = lexicon.lookup(key, pos)
        if found:
            return found
    return ()


def _keys(word: Word) -> list[str]:
    return _lexicon_keys(word.lemma, word.lower, verb=word.upos == "VERB")


def _lexicon_keys(lemma: str, lower: str, *, verb: bool) -> list[str]:
    """The lemma, the surface form, and for a verb the stems of its form.

    A verb the tagger called an adjective got an adjective's lemma ("The US
    imposed/ADJ sanctions": "imposed"); the parse view makes it a verb, and
    its stems find the verb ("impose").  The lemmatizer may also cut a rare
    verb wrong ("telephoned" -> "telephon").  The lemma is tried first; the
    pre-filter reads the same keys.
    """
    keys = [lemma]
    if lower != lemma:
        keys.append(lower)
    if verb:
        keys.extend(stem for stem in sorted(inflection_stems(lower)) if stem not in keys)
    return keys


def may_trigger(lexicon: Lexicon, lemma: str | None, text: str | None, upos: str | None) -> bool:
    """Whether a word could start an event: the cheap first test of :func:`find_triggers`."""
    pos = "VERB" if upos == "VERB" else "NOUN" if upos == "NOUN" else None
    lemma = (lemma or "").lower()
    lower = (text or "").lower()
    # The keys the triggers read once the word is a verb: an unlemmatized
    # form ("urging", "imposed/ADJ") adds its stems.
    verb_keys = _lexicon_keys(lemma, lower, verb=True)
    if pos == "NOUN" and any(
        lexicon.lookup(key, pos) for key in _lexicon_keys(lemma, lower, verb=False)
    ):
        return True
    if pos == "VERB" and any(lexicon.lookup(key, pos) for key in verb_keys):
        return True
    # A verb the tagger called a noun or adjective ("met", "warned") may
    # still head its clause (see ``_parse``): its sentence needs the parse
    # that can tell.
    verb_form = verb_only_form(lower, lemma, upos)
    return may_be_mistagged_verb(lower, lemma, upos) and any(
        not t.tagged_verb or verb_form for key in verb_keys for t in lexicon.lookup(key, "VERB")
    )




def may_trigger_unlemmatized(
    lexicon: Lexicon, text: str, upos: str | None, lemma: str, known: bool
) -> bool:
    """:func:`may_trigger` before lemmatization: unknown words get every plausible stem."""
    if may_trigger(lexicon, lemma, text, upos):
        return True
    return not known and any(
        may_trigger(lexicon, stem, None, upos) for stem in inflection_stems(text)
    )


def _conditions_met(entry: Trigger, vocabulary: frozenset[str] | set[str]) -> bool:
    """Whether the words ``entry``'s conditions name can be in a sentence of ``vocabulary``.

    A necessary condition only: the object, oblique, particle and light verb
    an entry needs are words of the sentence (by form, dictionary lemma or,
    for unknown words, stem); whether they stand where the entry needs them
    is for :func:`find_triggers`.
    """
    if (entry.objects or entry.obl) and not (entry.objects | entry.obl) & vocabulary:
        return False
    if entry.particle and not entry.particle & vocabulary:
        return False
    if entry.context and not entry.context & vocabulary:
        return False
    return not (entry.needs_light_verb and not entry.light_verbs & vocabulary)


@attrs.define
class PreFilter:
    """:func:`may_trigger_unlemmatized` on one lexicon, its answers kept per word.

    The answer depends on the word's form, tag, dictionary lemma and whether
    the dictionary knew it, and on the (frozen) lexicon only; the parser
    backend calls it for every word before lemmatizing.
    """

    lexicon: Lexicon
    _answers: dict[tuple[str, str | None, str, bool], bool] = attrs.field(factory=dict)

    def sentence(self, words: Sequence[tuple[str, str | None, str, bool]]) -> bool:
        """Whether a sentence of ``(form, tag, dictionary lemma, known)`` words may hold a trigger.

        A word must pass :meth:`__call__`, and one of the entries it may
        match must have the words its conditions need in the sentence ("take"
        fires only with "hostages", "control", ...; a noun that fires only
        after a light verb needs one).  Most sentences with a common verb of
        the dictionary's patterns are thus left unparsed.
        """
        candidates = [w for w in words if self(*w)]
        if not candidates:
            return False
        vocabulary: set[str] = set()
        for text, tag, lemma, known in words:
            lower = text.lower()
            vocabulary.update((lower, lemma.lower()))
            # a form left as it is ("supplies"), or a plural noun tagged as a
            # verb ("refugees"), matches an object by its stems
            if not known or lemma.lower() == lower or tag == "VERB":
                vocabulary.update(inflection_stems(lower))
        for text, upos, lemma, known in candidates:
            lower = text.lower()
            keys = set(_lexicon_keys(lemma.lower(), lower, verb=True))
            if not known:
                keys.update(inflection_stems(lower))
            for key in keys:
                for pos in ("VERB", "NOUN"):
                    if any(
                        _conditions_met(t, vocabulary)
                        and not (
                            t.tagged_verb
                            and upos not in ("VERB", None)
                            and not verb_only_form(lower, lemma, upos)
                        )
                        for t in self.lexicon.lookup(key, pos)
                    ):
                        return True
        return False

    def __call__(self, text: str, upos: str | None, lemma: str, known: bool) -> bool:
        key = (text, upos, lemma, known)
        found = self._answers.get(key)
        if found is None:
            if len(self._answers) > _PREFILTER_ANSWERS_LIMIT:
                self._answers.clear()
            found = self._answers[key] = may_trigger_unlemmatized(
                self.lexicon, text, upos, lemma, known
            )
        return found


def _has_obj_lemma(
    sent: Sentence, word: Word, lemmas: frozenset[str], particles: frozenset[str] = frozenset()
) -> bool:
    objects = list(sent.deps(word, "obj", "nsubj:pass", "iobj"))
    # "signed into law a bill" parsed with the bill under "law"
    for child in sent.deps(word, "obl", "advcl", "xcomp"):
        objects.extend(sent.deps(child, "obj"))
        # "provided $2 billion in military aid": the amount is the object;
        # "provide Ukraine with an air defence system": the thing given;
        # "handed over the equipment", "called off the strike" parsed with
        # the verb's particle as the object's preposition
        if child.rel == "obl" and sent.case_of(child) in ("in", "with", *particles):
            objects.append(child)
    # "hand over the last 40 percent of their arms", "$4 million worth of
    # equipment": a quantity names what is given through its "of" phrase
    objects.extend(
        inner
        for obj in list(objects)
        if obj.lemma in _PARTITIVES or obj.upos == "NUM"
        for inner in sent.deps(obj, "nmod")
        if sent.case_of(inner) == "of"
    )
    for obj in objects:
        if _names_one_of(obj, lemmas):
            return True
        # "a defense spending bill" names a bill through its compound head only
        if any(c.lemma in lemmas for c in sent.deps(obj, "compound")):
            return True
    if word.deprel == "acl" or word.deprel == "acl:relcl":
        head = sent.head_of(word)
        if head is not None and (head.lemma in lemmas or head.lower in lemmas):
            return True
    return False


# Nouns of quantity whose "of" phrase is what they count.
_PARTITIVES = frozenset({
    "percent", "part", "portion", "share", "worth", "number", "batch", "lot", "amount",
    "bulk", "half", "rest", "quantity", "some", "most", "all", "majority", "remainder",
})  # fmt: skip


def _temporal(sent: Sentence, word: Word) -> bool:
    """A time phrase's head: a month or weekday, or a number after one ("Nov. 2")."""
    def timed(w: Word) -> bool:
        return is_time_word(w) or w.lemma.lower() in TIME_WORDS  # lemma "November"

    return timed(word) or (word.upos == "NUM" and any(timed(d) for d in sent.deps(word)))


def _verb_only(word: Word) -> bool:
    """A word the parse made a verb whose tagger tag (kept in ``xpos``) was on
    a form only a verb has."""
    tagged = "ADJ" if word.xpos.startswith("JJ") else "NOUN" if word.xpos.startswith("NN") else None
    return verb_only_form(word.text, word.lemma, tagged)


def _names_one_of(noun: Word, lemmas: frozenset[str]) -> bool:
    """Whether ``noun`` is one of ``lemmas``: by lemma or form, or, for a form
    the lemmatizer left as it is ("supplies", "refugees"), by its stems.

    Not a singular by a plural the list holds: the CAMEO dictionary's plurals
    name a sense ("services" armed, "arms" weapons) that the singular lacks.
    """
    if noun.lemma in lemmas or noun.lower in lemmas:
        return True
    return noun.lemma == noun.lower and any(s in lemmas for s in inflection_stems(noun.lower))


def _of_its_head(sent: Sentence, word: Word) -> bool:
    """Whether ``word`` is its head's compound or "of" phrase ("the aid
    suspension", "a suspension of aid", "a package of military aid")."""
    return word.rel == "compound" or (word.rel == "nmod" and sent.case_of(word) == "of")


def _holds_object(sent: Sentence, noun: Word, lemmas: frozenset[str]) -> bool:
    """ "a suspension of aid", "the aid suspension": a noun trigger's object,
    its "of" phrase or its compound."""
    return any(
        _names_one_of(d, lemmas)
        for d in sent.deps(noun, "nmod", "compound")
        if _of_its_head(sent, d)
    )


def _setting_word(sent: Sentence, lemmas: frozenset[str]) -> Word | None:
    """The first word of ``sent`` that is one of a trigger's ``context`` words."""
    return next((w for w in sent.words if _names_one_of(w, lemmas)), None)


def _matches(sent: Sentence, word: Word, entry: Trigger) -> tuple[Word, str] | None:
    """The clause word and an explanation when ``entry`` fires on ``word``."""
    if not entry.context:
        return _matches_shape(sent, word, entry)
    setting = _setting_word(sent, entry.context)
    match = _matches_shape(sent, word, entry) if setting is not None else None
    if match is None or setting is None:
        return None
    clause, how = match
    return clause, f"{how}, in a sentence with '{setting.text}'"


def _matches_shape(sent: Sentence, word: Word, entry: Trigger) -> tuple[Word, str] | None:
    """:func:`_matches` but for the entry's ``context``."""
    if entry.number is not None:
        number = word.feat("Number") or ("Plur" if word.lower.endswith("s") else "Sing")
        if number != entry.number:
            return None
    if entry.pos == "VERB":
        if entry.tagged_verb and word.retagged and not _verb_only(word):
            return None
        if word.deprel in _SKIP_VERB_RELS or (
            # "according to": the parser may make the participle the head of "to"
            word.lower == "according"
            and any(d.lower == "to" for d in sent.deps(word, "fixed", "case", "obl"))
        ):
            return None
        if entry.objects or entry.obl:
            has_obj = bool(entry.objects) and _has_obj_lemma(
                sent, word, entry.objects, entry.particle
            )
            # "signed into law": any dependent, since parsers attach it variously
            has_obl = any(o.lemma in entry.obl or o.lower in entry.obl for o in sent.deps(word))
            if not (has_obj or has_obl):
                return None
        if entry.particle:
            # "handed over" with the particle tagged and attached as an adverb
            prts = {p.lower for p in sent.deps(word, "compound:prt", "advmod")}
            # "handed over more than $4 million worth of equipment": the
            # particle right after the verb, attached to what follows it (a
            # preposition there is a phrase's own: "called on Monday")
            after = sent.words[word.index + 1] if word.index + 1 < len(sent.words) else None
            if after is not None and after.upos in ("ADV", "PART") and after.rel != "case":
                prts.add(after.lower)
            # "On Nov. 2, Tillerson called Lavrov": a date's preposition is no particle
            preps = {
                sent.case_of(o)
                for o in sent.deps(word, "obl", "xcomp", "advcl")
                if not _temporal(sent, o)
            }
            if not (prts | preps) & entry.particle:
                return None
        if entry.needs_object and sent.dep(word, "obj", "iobj") is None:
            return None  # "couldn't tell when ..." is not telling anyone
        if (
            entry.needs_clause
            and sent.dep(word, "ccomp", "parataxis", "xcomp") is None
            # "ordered Rampal to appear" parsed with the infinitive as an adverbial
            and not any(
                any(m.lower == "to" for m in sent.deps(clause, "mark"))
                for clause in sent.deps(word, "advcl")
                if clause.index > word.index
            )
            # '"...," Griffin added.': the attribution hangs off the quote
            and not (word.deprel == "parataxis" and sent.dep(word, "obj") is None)
            and not _quotes_a_clause(sent, word)
        ):
            return None
        return word, f"verb '{word.text}' ({word.lemma})"
    # Noun triggers: asserted as an event, or the object of a light verb,
    # also as what the object holds ("approved an aid package", "sent a
    # package of military aid").
    if entry.objects and not _holds_object(sent, word, entry.objects):
        return None
    phrase = word
    # "expressed its rejection and condemnation of": a conjunct stands where
    # the first one does
    while phrase.rel == "conj" and (first := sent.head_of(phrase)) is not None:
        phrase = first
    if _of_its_head(sent, phrase):
        phrase = sent.head_of(phrase) or phrase
    head = sent.head_of(phrase)
    if (
        head is not None
        and (
            phrase.rel in ("obj", "nsubj")
            # "entered into an agreement"
            or (phrase.rel == "obl" and sent.case_of(phrase) == "into")
        )
        and (phrase.deprel != "nsubj" or head.upos != "VERB")
        and head.upos == "VERB"
        and any(key in entry.light_verbs for key in _keys(head))
    ):
        return head, f"light verb '{head.text}' + noun '{word.text}' ({head.lemma} + {word.lemma})"
    if entry.needs_light_verb:
        return None
    if word.rel in ("compound", "amod"):  # "meeting room", "visit plans"
        return None
    if sent.dep(word, "nsubj") is not None and sent.dep(word, "cop") is None:
        return None  # "The hymn talks about ...": a verb the tagger took for a noun
    return word, f"noun '{word.text}' ({word.lemma})"


_OPENING_QUOTES = frozenset({'"', "\u201c", "\u2018", "``", "'"})


def _quotes_a_clause(sent: Sentence, verb: Word) -> bool:
    """'"We are ready," Zelenskyy wrote': a quoted clause the parser made an adverbial one."""
    return any(
        sent.subtree(clause)[0].text in _OPENING_QUOTES
        for clause in sent.deps(verb, "advcl")
        if clause.index < verb.index
    )


def find_triggers(sent: Sentence, lexicon: Lexicon) -> list[Candidate]:
    """Every trigger in ``sent``, in sentence order, at most one per word."""
    found: list[Candidate] = []
    for word in sent.words:
        pos = _coarse_pos(word)
        if pos is None:
            continue
        for entry in _lookup(lexicon, word, pos):
            match = _matches(sent, word, entry)
            if match is not None:
                clause, how = match
                found.append(Candidate(word=word, clause=clause, entry=entry, how=how))
                break
    # A light verb that is itself a trigger ("sign an agreement") yields the
    # more specific noun event only.
    nouns_on = {c.clause.index for c in found if c.clause.index != c.word.index}
    found = [c for c in found if not (c.clause.index == c.word.index and c.word.index in nouns_on)]
    # "announced a suspension of aid": the noun that says what becomes of
    # another event noun is the event; the noun it holds is not one of its own.
    holders = {c.word.index for c in found if c.entry.pos == "NOUN" and c.entry.objects}
    found = [c for c in found if not _held(sent, c.word, holders)]
    # "cancelled a planned visit", "suspended talks": so does a verb whose
    # entry names the event noun as its object
    verbs = {
        c.word.index: c.entry.objects for c in found if c.entry.pos == "VERB" and c.entry.objects
    }
    found = [
        c
        for c in found
        if not (
            c.entry.pos == "NOUN"
            and c.word.deprel in ("obj", "nsubj:pass")
            and c.word.head in verbs
            and _names_one_of(c.word, verbs[c.word.head])
        )
    ]
    # "arrived in Beijing for a three-day visit", "met Wang in Vienna for two
    # days of talks": the noun names the purpose of the verb's own event, not
    # a second one.
    # by trigger word, and by the light verb that carries a noun trigger
    # ("After a meeting in Jeddah, the OIC expressed its condemnation")
    kinds = {c.clause.index: c.entry.kind for c in found} | {
        c.word.index: c.entry.kind for c in found
    }
    return [
        c
        for c in found
        if not _purpose_of_same_kind(sent, c, kinds) and not _setting_of(sent, c, kinds)
    ]


def _held(sent: Sentence, word: Word, holders: set[int]) -> bool:
    return word.head in holders and _of_its_head(sent, word)


# Prepositions that make an event noun the setting of another event.
_SETTINGS = frozenset({"after", "at", "during", "before", "following", "amid", "in"})


def _setting_of(sent: Sentence, cand: Candidate, kinds: dict[int, EventKind]) -> bool:
    """ "After a meeting in Jeddah, the OIC condemned ...", "at a meeting on
    an island police detained ...": an event noun set as the time or place of
    another event of its sentence is that event's backdrop, not news of its own."""
    word = cand.word
    if word.upos != "NOUN" or cand.clause.index != word.index or word.rel != "obl":
        return False
    if sent.case_of(word) not in _SETTINGS:
        return False
    return kinds.get(word.head, cand.entry.kind) != cand.entry.kind


def _purpose_of_same_kind(sent: Sentence, cand: Candidate, kinds: dict[int, EventKind]) -> bool:
    if cand.word.upos != "NOUN" or cand.clause.index != cand.word.index:
        return False
    phrase = _purpose_of(sent, cand.word)
    return phrase.rel in ("obl", "advcl") and kinds.get(phrase.head) == cand.entry.kind


def _purpose_of(sent: Sentence, noun: Word) -> Word:
    """The phrase a noun heads, or the measure it is counted in ("two days of talks")."""
    head = sent.head_of(noun)
    if (
        head is not None
        and noun.rel == "nmod"
        and head.upos == "NOUN"
        and sent.case_of(noun) == "of"
        # counted: "two days of talks", "a day of talks" (not "the sidelines of the summit")
        and (
            sent.dep(head, "nummod") is not None
            or any(d.lower in ("a", "an") for d in sent.deps(head, "det"))
        )
    ):
        return head
    return noun
