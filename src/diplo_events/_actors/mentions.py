"""Actors: name phrases from the parse, full names, pronouns, roles and codes.

A :class:`Mentions` registry is built once per document from every proper
name phrase; it turns "Blinken" into "Antony Blinken" and "his" into the
person last named before it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Container, Iterator, Sequence

import attrs

from .._dates.vocabulary import TIME_WORDS, WEEKDAY_NAMES
from .._events import Actor, Event, EventKind, Span
from .._tokens import Sentence, Word
from . import gazetteer as gaz

__all__ = ["Mentions", "actor_for", "is_actor_like", "names_country", "phrase_words"]

# Dependents that belong to a name phrase ("US Secretary of State Antony Blinken").
_NAME_RELS = {"compound", "flat", "nmod:desc", "amod", "nmod:poss", "det", "case", "nummod"}
# Branches that never do: clauses and loose attachments.
_STOP_RELS = frozenset(
    {
        "punct",
        "acl",
        "acl:relcl",
        "advcl",
        "appos",
        "conj",
        "cc",
        "parataxis",
        "dep",
        "nmod:unmarked",
        "obl",
        "list",
        # a predicate nominal's clause ("The IIP had also been the main force")
        "nsubj",
        "cop",
        "aux",
        "mark",
        "expl",
    }
)
_PERSONAL = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
# Descriptions that stand for a person already named ("America's top diplomat").
_DESCRIPTIONS = {
    "diplomat": ("Secretary of State", "Foreign Minister", "Foreign Secretary"),
    "envoy": ("Secretary of State", "Foreign Minister", "Ambassador", "Envoy"),
    "leader": ("President", "Prime Minister", "Chancellor", "Premier", "Supreme Leader"),
    "president": ("President",),
    "minister": ("Minister", "Prime Minister", "Foreign Minister"),
}


def _whole_of(sent: Sentence, head: Word, words: Sequence[Word]) -> Word | None:
    """The body a part noun belongs to, named right after it: "members of
    Hamas", "elements in the government" (not "members from the villages")."""
    for dep in sent.deps(head, "nmod"):
        if (
            sent.case_of(dep) in ("of", "in", "within")
            and sent.subtree(dep)[0].index == words[-1].index + 1
            # "fighters in Syria" are somewhere, not part of a body
            and not (
                sent.case_of(dep) != "of"
                and (gaz.country_of(dep.text) is not None or gaz.is_place_name(dep.text))
            )
            and (dep.upos == "PROPN" or gaz.is_animate_head(dep.lemma))
        ):
            return dep
    return None


# "the group said": definite descriptions of a body named before.
_GROUP_NOUNS = frozenset(
    {"group", "organization", "organisation", "movement", "militia", "faction", "outfit"}
)

_PAIR_NOUNS = {"side", "country", "nation", "superpower", "government", "power", "capital"}


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def phrase_words(sent: Sentence, head: Word) -> list[Word]:
    """The contiguous words of the name phrase headed by ``head``.

    A proper name is its surface name run ("US Secretary of State Antony
    Blinken"), which survives parser errors; other nominals take their
    modifiers from the tree, without prepositional attachments.
    """
    if head.upos == "PROPN":
        run = _name_run_at(sent, head)
        if run is not None:
            return run
    # Prepositional modifiers of the head itself ("China against its
    # actions") are not part of the name; those of a title are ("Secretary
    # of State").
    keep = [head]
    for child in sent.deps(head):
        if child.deprel != "nmod" and child.rel not in _STOP_RELS:
            keep.extend(sent.subtree(child, exclude=_STOP_RELS))
    words = [w for w in keep if w.upos not in ("PUNCT",) or w.text in ("-", ".")]
    # Keep the contiguous run around the head; drop leading determiners and
    # prepositions ("the United States" -> "United States").
    lo, hi = sent.run_around(words, head)
    run = [sent.words[i] for i in range(lo, hi + 1)]
    while len(run) > 1 and (
        run[0].upos in ("DET", "ADP", "PUNCT", "CCONJ") or run[0].rel == "case"
    ):
        run = run[1:]
    while len(run) > 1 and (run[-1].upos in ("PUNCT", "PART") or run[-1].lower in ("'s", "'")):
        run = run[:-1]
    # "the former Iraqi leader Saddam Hussein", parsed with the name as an
    # apposition of "leader" or as a second subject: a name right after the
    # words is part of them.
    nxt = run[-1].index + 1
    if nxt < len(sent.words) and sent.words[nxt].upos == "PROPN":
        for name_run in _name_runs(sent):
            if name_run[0].index == nxt and _attached_to(sent, name_run, head):
                run = run + name_run
                break
    return run


def _attached_to(sent: Sentence, words: Sequence[Word], head: Word) -> bool:
    """Whether ``words`` hang below ``head`` or share its head and relation."""
    inside = {w.index for w in words}
    top = next((w for w in words if w.head not in inside), words[0])
    below = {w.index for w in sent.subtree(head)}
    return top.index in below or (top.head == head.head and top.rel == head.rel)


# Lowercase words inside a name: "Secretary of State", "Lula da Silva".
_NAME_JOINERS = frozenset(
    {"of", "da", "de", "do", "dos", "das", "di", "del", "der", "van", "von", "bin", "ibn"}
)


def _capitalized_name(word: Word) -> bool:
    return word.upos == "PROPN" and word.text[:1].isupper()


def _name_runs(sent: Sentence) -> list[list[Word]]:
    """Maximal runs of proper-name words, from tags alone (no dependency tree).

    Surface-based on purpose: mentions must not depend on whether a sentence
    got a dependency parse.  "of" joins two names ("Secretary of State"), as
    do the lowercase particles of personal names ("Lula da Silva", "Ursula
    von der Leyen"); a capitalized adjective before a name belongs to it
    ("Chinese President").
    """
    runs: list[list[Word]] = []
    words = sent.words
    i = 0
    while i < len(words):
        if words[i].upos != "PROPN":
            i += 1
            continue
        j = i
        while j + 1 < len(words):
            if words[j + 1].upos == "PROPN" or _joins_by_hyphen(words, j):
                j += 1
                continue
            # "Secretary of State", "von der Leyen": one or two joiners, then a name
            k = j + 1
            while k < len(words) and k - j <= 2 and words[k].lower in _NAME_JOINERS:
                k += 1
            if k == j + 1 or k >= len(words) or not _capitalized_name(words[k]):
                break
            j = k
        # "met Modi Friday": the day after a name is no part of it
        while j > i and words[j].lower in WEEKDAY_NAMES:
            j -= 1
        lo = i
        while lo > 0 and words[lo - 1].text[:1].isupper() and (
            words[lo - 1].upos == "ADJ"
            # "the interim Governing Council": a participle inside a name
            or (lo - 1 > 0 and _is_participle(words[lo - 1]))
        ):
            lo -= 1
        runs.append(list(words[lo : j + 1]))
        i = j + 1
    return runs


# "the southern city of Tyre": the noun before "of" says the name is a place.
_PLACE_NOUNS = frozenset(
    {
        "city", "town", "village", "port", "province", "region", "district", "capital",
        "county", "island", "state", "suburb", "neighbourhood", "neighborhood", "governorate",
    }
)  # fmt: skip


# The marks of a possessive, as the tokenizer splits them off.
POSSESSIVE_MARKS = frozenset({"'s", "'", "\u2019s", "\u2019"})


def _placed(sent: Sentence, words: Sequence[Word]) -> bool:
    """A name the words before it place: "in Tyre", "the city of Tyre".

    Surface-based, like the name runs.  A possessive after the name ("in
    Xi's words") is someone's.
    """
    first, last = words[0].index, words[-1].index
    if last + 1 < len(sent.words) and sent.words[last + 1].lower in POSSESSIVE_MARKS:
        return False
    before = [w.lower for w in sent.words[max(0, first - 2) : first]]
    if before[-1:] == ["in"]:
        return True
    return len(before) == 2 and before[1] == "of" and before[0] in _PLACE_NOUNS


def _group(sent: Sentence, words: Sequence[Word]) -> bool:
    """A plural name after a determiner: "his fellow Panjsheri Tajiks", "the Democrats".

    Not a person, so no "he" or "him" means it.  A plural-looking last name
    without a determiner ("Tom Hopkins") stays a possible person.
    """
    last = words[-1]
    if last.xpos != "NNPS" and last.feat("Number") != "Plur":
        return False
    first = words[0].index
    before = sent.words[first - 1] if first > 0 else None
    return (
        before is not None
        and before.text[:1].islower()
        and before.upos in ("DET", "PRON", "ADJ", "NUM")
    )


def _is_participle(word: Word) -> bool:
    return word.upos == "VERB" and (
        word.xpos in ("VBG", "VBN") or word.feat("VerbForm") in ("Ger", "Part")
    )


def _name_run_at(sent: Sentence, word: Word) -> list[Word] | None:
    """The name run that holds ``word``, if any."""
    return next((r for r in _name_runs(sent) if r[0].index <= word.index <= r[-1].index), None)


def _joins_by_hyphen(words: Sequence[Word], j: int) -> bool:
    """A hyphen written between two name words, no spaces: "al-Sadr"."""
    return (
        j + 2 < len(words)
        and words[j + 1].text == "-"
        and words[j + 2].upos == "PROPN"
        and words[j].end == words[j + 1].start
        and words[j + 1].end == words[j + 2].start
    )


def _is_person_phrase(words: Sequence[Word]) -> bool:
    propn = [w for w in words if w.upos == "PROPN" and w.text[:1].isupper()]
    return bool(propn) and gaz.country_of(" ".join(w.text for w in propn)) is None


# What may stand between the words of a name an acronym abbreviates.
_ACRONYM_GLUE = r"(?:[^\S\n]+(?:of|the|and|for|on))*[^\S\n]+"


@attrs.frozen
class _Mention:
    start: int
    tokens: tuple[str, ...]
    name: str
    person: bool
    role: str | None
    country: str | None
    subject: bool = False
    quoted: bool = False
    opens: bool = False  # the first words of its sentence, but for an article


def _looks_like_subject(sent: Sentence, words: Sequence[Word]) -> bool:
    """A name right before its verb and not right after a verb or preposition.

    The verb may follow an apposition between commas ("Masoud Shojai, head
    of the fair, said").  From tags alone, like the name runs, so it does not
    depend on the parse.
    """
    first, last = words[0].index, words[-1].index
    after = sent.words[last + 1] if last + 1 < len(sent.words) else None
    if after is not None and after.text == ",":
        after = _after_apposition(sent, last + 1)
    before = sent.words[first - 1] if first > 0 else None
    return (
        after is not None
        and after.upos in ("VERB", "AUX")
        and (before is None or before.upos not in ("VERB", "AUX", "ADP"))
    )


def _after_apposition(sent: Sentence, comma: int, longest: int = 15) -> Word | None:
    """The word after an apposition that opens at ``comma``: None if there is none.

    An apposition here is a verbless stretch of at most ``longest`` words
    closed by a second comma.
    """
    for word in sent.words[comma + 1 : comma + 2 + longest]:
        if word.upos in ("VERB", "AUX"):
            return None
        if word.text == ",":
            nxt = word.index + 1
            return sent.words[nxt] if nxt < len(sent.words) else None
    return None


@attrs.define
class Mentions:
    """Every proper-name phrase in a document, in text order."""

    items: list[_Mention] = attrs.Factory(list)
    _starts: list[int] = attrs.Factory(list)
    _sentence_starts: list[int] = attrs.Factory(lambda: [0])
    text: str = ""
    quotes: _Quotes = attrs.field(factory=lambda: _Quotes([], [], [], []))
    #: When the document was written: the day a leader's coded period is read on.
    published: dt.date | None = None
    # Lookups by name, first token and last token, in text order: a long
    # document's names would otherwise each scan all of them.
    _by_name: dict[str, list[_Mention]] = attrs.field(init=False, factory=dict)
    _by_end: dict[str, list[_Mention]] = attrs.field(init=False, factory=dict)
    _full: dict[tuple[str, bool], str] = attrs.field(init=False, factory=dict)
    _info: dict[str, _Mention | None] = attrs.field(init=False, factory=dict)

    @classmethod
    def collect(
        cls, sentences: Sequence[Sentence], text: str, published: dt.date | None = None
    ) -> Mentions:
        reg = cls(text=text, quotes=_Quotes.of(text), published=published)
        for sent in sentences:
            for words in _name_runs(sent):
                if all(is_time_word(w) for w in words):
                    continue  # "Friday" is no one
                phrase = text[words[0].start : words[-1].end]
                title = gaz.split_title(phrase)
                name = title.name.strip()
                if not name or not name[:1].isupper():
                    continue
                person = (
                    title.organization is None
                    and gaz.country_of(name) is None
                    and gaz.organization_of(name) is None
                    and not gaz.is_place_name(name)
                    and not gaz.has_organization_head(name)
                    and not _placed(sent, words)
                    and not _group(sent, words)
                )
                reg.items.append(
                    _Mention(
                        start=words[0].start,
                        tokens=tuple(name.split()),
                        name=name,
                        person=person
                        and (
                            title.role is not None
                            or len(name.split()) >= 2
                            or _is_person_phrase(words)
                        ),
                        role=title.role,
                        country=title.country,
                        subject=_looks_like_subject(sent, words),
                        quoted=reg.quotes.around(words[0].start),
                        opens=all(w.upos == "DET" for w in sent.words[: words[0].index]),
                    )
                )
        reg.items.sort(key=lambda m: m.start)
        reg._starts = [m.start for m in reg.items]
        reg._sentence_starts = [s.start for s in sentences] or [0]
        for m in reg.items:
            reg._by_name.setdefault(m.name, []).append(m)
            for token in dict.fromkeys((m.tokens[0], m.tokens[-1])):
                reg._by_end.setdefault(token, []).append(m)
        return reg

    def full_name(self, name: str, *, person: bool = False) -> str:
        """The fullest name in the document that contains ``name`` at its start or end.

        With ``person``, only people's names count ("Melinda" is not the
        "Melinda Gates Foundation").
        """
        key = (name, person)
        if key not in self._full:
            self._full[key] = self._fullest(name, person)
        return self._full[key]

    def _fullest(self, name: str, person: bool) -> str:
        tokens = tuple(name.split())
        if not tokens:
            return name
        if not person and gaz.ACRONYM.fullmatch(name):
            return self._expansion(name) or name
        if not person and len(tokens) > 1 and gaz.ACRONYM.fullmatch(tokens[-1]):
            # "the Sunni AMS": the name the acronym abbreviates takes in its modifiers
            expansion = self._expansion(tokens[-1])
            if expansion is not None:
                return expansion
        best = name
        candidates = {id(m): m for t in (tokens[0], tokens[-1]) for m in self._by_end.get(t, ())}
        for m in sorted(candidates.values(), key=lambda m: m.start):
            if person and not m.person:
                continue
            if len(m.tokens) > len(best.split()) and (
                m.tokens[-len(tokens) :] == tokens or m.tokens[: len(tokens)] == tokens
            ):
                best = m.name
        return best

    def _expansion(self, acronym: str) -> str | None:
        """The name an acronym abbreviates: capitalized words with its initials.

        "AMS" for "the Association of Muslim Scholars" written anywhere in
        the document (the first one; "of", "the", "and", "for" may come
        between the words).  None for acronyms the gazetteer knows ("UN",
        "US"), and where the text spells out none.
        """
        if gaz.organization_of(acronym) is not None or gaz.country_of(acronym) is not None:
            return None
        words = _ACRONYM_GLUE.join(rf"{letter}[\w'\u2019-]*" for letter in acronym)
        found = re.search(rf"(?<![\w-]){words}(?![\w-])", self.text)
        return found.group(0) if found else None

    def _person_before(self, offset: int, *, quoted: bool = False) -> _Mention | None:
        """The person a "he" or "she" at ``offset`` most likely means.

        Of the last three people named, the latest one named as a subject
        ("Xi told Blinken ... he said" is Xi), else simply the latest.  A
        pronoun outside quotation marks passes over names inside them where
        others are left: '"... doubts about the Holocaust," he added' is the
        speaker, not a name he spoke.
        """
        i = bisect.bisect_left(self._starts, offset)
        people: list[_Mention] = []
        unquoted: list[_Mention] = []
        for k in range(i - 1, -1, -1):
            m = self.items[k]
            if m.person:
                if len(people) < 3:
                    people.append(m)
                if not m.quoted:
                    unquoted.append(m)
                if len(unquoted) == 3 or (quoted and len(people) == 3):
                    break
        recent = people if quoted else (unquoted or people)
        return next((m for m in recent if m.subject), recent[0] if recent else None)

    def body_for(self, word: Word) -> _Mention | None:
        """The organization or country ``word`` stands for, if it is a subject "it"."""
        if word.upos != "PRON" or word.lower != "it" or word.rel != "nsubj":
            return None
        return self.body_before(word.start)

    def body_before(self, offset: int) -> _Mention | None:
        """The organization or country a subject "it" at ``offset`` most likely means.

        The latest name that is no person's, named as a subject (or first in
        its sentence) outside quotation marks, in the pronoun's own sentence
        or the one before:
        "The Iraqi Islamic Party ... has cooperated with the Americans.  It is
        now threatening to pull out."  A city is no one.
        """
        for _, m in self._recent(offset):
            if m.person or m.quoted or not (m.subject or m.opens):
                continue
            if gaz.is_place_name(m.name) and gaz.country_of(m.name) is None:
                continue
            return m
        return None

    def _recent(self, offset: int) -> Iterator[tuple[int, _Mention]]:
        """The names before ``offset`` in its sentence and the one before, the
        latest first, with their places in ``items``."""
        i = bisect.bisect_left(self._starts, offset)
        here = bisect.bisect_right(self._sentence_starts, offset) - 1
        since = self._sentence_starts[max(0, here - 1)]
        for k in range(i - 1, -1, -1):
            if self.items[k].start < since:
                return
            yield k, self.items[k]

    def organization_before(self, offset: int) -> _Mention | None:
        """The body "the group" at ``offset`` means: the latest name before it,
        in its sentence or the one before, that is no person's, place's or
        country's ("On the site of Monotheism and Holy War, the group declared")."""
        for k, m in self._recent(offset):
            if gaz.country_of(m.name) is not None or gaz.is_place_name(m.name):
                continue
            if not m.person:
                return m
            joined = self._joined(k)
            if joined is not None:
                return joined
        return None

    def _joined(self, k: int) -> _Mention | None:
        """Two names the tagger split at "and" or "of" that form an organization's
        ("Monotheism" + "Holy War"), as one mention; None when they do not."""
        if k == 0:
            return None
        first, second = self.items[k - 1], self.items[k]
        end = second.start + len(second.name)
        if self.text[second.start : end] != second.name:
            return None
        name = self.text[first.start : end]
        between = self.text[first.start + len(first.name) : second.start]
        if between.strip() not in ("and", "of", "for") or not gaz.has_organization_head(name):
            return None
        return attrs.evolve(first, tokens=tuple(name.split()), name=name, person=False)

    def info(self, name: str) -> _Mention | None:
        if name not in self._info:
            # The first one with a role and a country, else with either, else the first.
            self._info[name] = max(
                self._by_name.get(name, []),
                key=lambda m: (m.role is not None, m.country is not None),
                default=None,
            )
        return self._info[name]

    def salient_pair(self, offset: int, window: int = 1000) -> list[str]:
        """The two countries most present in the ``window`` characters before ``offset``.

        People count for their country ("Blinken" for the United States), so
        "the two sides" after a meeting of two officials are their countries,
        not the last two country names ("Russia's defense industry").  The
        pair comes in order of first mention (ISO-3 codes).
        """
        i = bisect.bisect_left(self._starts, offset)
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for m in self.items[:i]:
            if m.start < offset - window:
                continue
            country = m.country
            if m.person:
                info = self.info(self.full_name(m.name))
                country = country or (info.country if info else None)
            if country:
                counts[country] = counts.get(country, 0) + 1
                first.setdefault(country, m.start)
        if len(counts) < 2:
            return []
        top = sorted(counts, key=lambda c: (-counts[c], -first[c]))[:2]
        return sorted(top, key=first.__getitem__)

    def described(self, offset: int, roles: Sequence[str], country: str | None) -> _Mention | None:
        """The last person before ``offset`` whose role is one of ``roles``."""
        i = bisect.bisect_left(self._starts, offset)
        for m in reversed(self.items[:i]):
            if (
                m.person
                and m.role
                and any(r.lower() in m.role.lower() for r in roles)
                and (country is None or m.country in (None, country))
            ):
                return m
        return None


def is_actor_like(word: Word) -> bool:
    """Whether a nominal can be an actor: names, personal pronouns, animate nouns."""
    if is_time_word(word):
        return False
    if word.upos == "PROPN":
        return True
    if word.upos == "PRON":
        return word.lower not in ("it", "this", "that", "what", "which", "something", "everything")
    if word.upos == "NOUN":
        return (
            gaz.is_animate_head(word.lemma)
            or names_country(word)
            # "The Sunni AMS told Iraqis": an acronym the tagger took for a noun
            or (word.rel in _NOMINAL_PLACES and gaz.ACRONYM.fullmatch(word.text) is not None)
        )
    # "a senior State Department official told": the small tagger's adjective
    # for a person noun in a nominal's place
    if word.upos == "ADJ" and word.rel in _NOMINAL_PLACES:
        return gaz.is_animate_head(word.lemma)
    return False


_NOMINAL_PLACES = frozenset({"nsubj", "obj", "iobj"})


def names_country(word: Word) -> bool:
    """A capitalized word the gazetteer knows as a country ("UAE" tagged a common noun)."""
    return word.text[:1].isupper() and gaz.country_of(word.text) is not None


def pair_actors(sent: Sentence, head: Word, text: str, mentions: Mentions) -> list[Actor]:
    """"The two sides", "the two countries": the two countries in focus, as two actors.

    Empty when ``head`` is no such phrase or the text names too few countries.
    """
    if not (
        head.upos == "NOUN"
        and head.lemma in _PAIR_NOUNS
        and any(d.lower in ("two", "both") for d in sent.deps(head, "nummod", "det"))
    ):
        return []
    words = phrase_words(sent, head)
    span = Span(words[0].start, words[-1].end, text[words[0].start : words[-1].end])
    return [
        Actor(text=span.text, name=_country_name(c), span=span, country=c, code=c)
        for c in mentions.salient_pair(head.start)
    ]


def actor_for(sent: Sentence, head: Word, text: str, mentions: Mentions) -> Actor:
    """The :class:`Actor` for the nominal headed by ``head``."""
    words = phrase_words(sent, head)
    start, end = words[0].start, words[-1].end
    surface = text[start:end]
    span = Span(start, end, surface)
    lower = head.lower
    if head.upos == "PRON" and lower in _PERSONAL:
        ref = mentions._person_before(head.start, quoted=mentions.quotes.around(head.start))
        if ref is not None:
            full = mentions.full_name(ref.name, person=True)
            info = mentions.info(full) or mentions.info(ref.name)
            best = info if info is not None else ref
            return _coded(surface, full, span, best.role, best.country)
        return Actor(text=surface, name=surface, span=span)
    body = mentions.body_for(head)
    if body is not None:
        return _coded(surface, mentions.full_name(body.name), span, body.role, body.country)
    of_body = _whole_of(sent, head, words) if head.lemma in gaz.MEMBER_NOUNS else None
    if of_body is not None:
        # "Members of the New People's Army", "elements in the government":
        # people of a body are of its country and code, and named with it
        inner = actor_for(sent, of_body, text, mentions)
        part = Span(start, inner.span.end, text[start : inner.span.end])
        # the body's whole name, also where the tagger left its first word
        # out of the name ("New/ADJ People's Army")
        body_words = [w for w in sent.subtree(of_body) if w.rel not in ("case", "det")]
        group = gaz.group_code(text[body_words[0].start : inner.span.end]) if body_words else None
        code = inner.code or group
        country = inner.country or (code[:3] if code and gaz.is_country_code(code[:3]) else None)
        return Actor(text=part.text, name=part.text, span=part, country=country, code=code)
    title = gaz.split_title(surface)
    named = _named_apposition(sent, head, words)
    if named is not None:
        person = actor_for(sent, named, text, mentions)
        whole = Span(start, person.span.end, text[start : person.span.end])
        return _coded(
            whole.text,
            person.name,
            whole,
            person.role or title.role,
            person.country or title.country,
            None if person.role else title.sector,
        )
    name = title.name or surface
    if title.organization is not None and title.role is None and name[:1].islower():
        # "Ministry of Health": what follows a body's head word is its own name
        name = surface
    if head.upos == "NOUN" and title.role is None and words[-1].index > head.index:
        # "his Chinese counterpart Xi Jinping": a description the role table
        # does not know, then the name
        run = _name_run_at(sent, words[-1])
        if run is not None and run[0].index > head.index:
            person = actor_for(sent, run[-1], text, mentions)
            demonyms = (gaz.country_of(d.text) for d in sent.deps(head, "amod", "nmod:poss"))
            return _coded(
                surface,
                person.name,
                span,
                person.role,
                person.country or next((c for c in demonyms if c), None),
            )
    if (
        head.upos == "NOUN"
        and head.lemma in _GROUP_NOUNS
        and head.feat("Number") != "Plur"
        and any(d.lower == "the" for d in sent.deps(head, "det"))
        # "the militant organisation Hamas" names its body itself
        and not any(w.upos == "PROPN" for w in sent.subtree(head))
        and not (head.index + 1 < len(sent.words) and sent.words[head.index + 1].upos == "PROPN")
    ):
        ref_o = mentions.organization_before(head.start)
        if ref_o is not None:
            full = mentions.full_name(ref_o.name)
            org = gaz.organization_of(full)
            if org is not None:
                return Actor(text=surface, name=org[0], span=span, code=org[1])
            group = gaz.group_code(full)
            if group is not None:
                home = group[:3] if gaz.is_country_code(group[:3]) else None
                return Actor(
                    text=surface, name=full, span=span, country=ref_o.country or home, code=group
                )
            # a body the gazetteer knows with its sector ("Hamas": PSE, REB)
            known = gaz.split_title(full)
            return _coded(
                surface, full, span, None, ref_o.country or known.country, known.sector
            )
    if head.upos == "NOUN" and head.lemma in _DESCRIPTIONS:
        poss = sent.dep(head, "nmod:poss")
        country = gaz.country_of(poss.text) if poss is not None else title.country
        ref_d = mentions.described(head.start, _DESCRIPTIONS[head.lemma], country)
        if ref_d is not None:
            return _coded(surface, mentions.full_name(ref_d.name), span, ref_d.role, ref_d.country)
    org = gaz.organization_of(name)
    if org is not None:
        return Actor(
            text=surface,
            name=org[0],
            span=span,
            role=title.role,
            country=title.country,
            code=org[1],
        )
    country = gaz.country_of(name)
    if country is not None and title.role is None:
        return Actor(
            text=surface,
            name=name,
            span=span,
            country=country,
            code=gaz.actor_code(country, title.sector),
        )
    # an acronym the tagger took for a noun ("the Sunni AMS") is a name too
    named_head = head.upos == "PROPN" or gaz.ACRONYM.fullmatch(head.text) is not None
    full = mentions.full_name(name) if named_head else name
    info = mentions.info(full)
    role = title.role or (info.role if info else None)
    ctry = title.country or (info.country if info else None)
    group = gaz.group_code(full) or gaz.group_code(name) if named_head else None
    if group is not None and role is None:
        # "the Taliban", "FARC": an armed group or IGO of the Phoenix dictionaries,
        # whose code starts with its country's ("AFGREB")
        home = group[:3] if gaz.is_country_code(group[:3]) else None
        return Actor(text=surface, name=full, span=span, country=ctry or home, code=group)
    if ctry is None and named_head:
        # "Putin", "Boris Yeltsin": a leader the Phoenix dictionary names
        on = mentions.published
        code = gaz.person_code(full, on) or gaz.person_code(name, on)
        if code is not None:
            country = code[:3] if gaz.is_country_code(code[:3]) else None
            return Actor(text=surface, name=full, span=span, role=role, country=country, code=code)
    return _coded(surface, full, span, role, ctry, title.sector)


def _named_apposition(sent: Sentence, head: Word, words: Sequence[Word]) -> Word | None:
    """"Russia's foreign minister, Sergei Lavrov, said": the name set off after a title.

    The name is the actor; the title gives its role and country.  A name
    between commas that the parser made a conjunct, with no "and" or "or",
    is such an apposition too.
    """
    if head.upos != "NOUN":
        return None
    comma = words[-1].index + 1
    for dep in sent.deps(head, "appos", "conj"):
        if not (dep.upos == "PROPN" and dep.index == comma + 1 and sent.words[comma].text == ","):
            continue
        if dep.rel == "appos" or (
            sent.dep(dep, "cc") is None and _closed_by_comma(sent, dep)
        ):
            return dep
    return None


def _closed_by_comma(sent: Sentence, name: Word) -> bool:
    run = _name_run_at(sent, name) or [name]
    after = run[-1].index + 1
    return after < len(sent.words) and sent.words[after].text == ","


def _coded(
    text: str,
    name: str,
    span: Span,
    role: str | None,
    country: str | None,
    sector: str | None = None,
) -> Actor:
    if sector is None and role is not None:
        sector = gaz.split_title(f"{role} X").sector
    return Actor(
        text=text,
        name=name,
        span=span,
        role=role,
        country=country,
        code=gaz.actor_code(country, sector) if country else None,
    )


def is_time_word(word: Word) -> bool:
    """Weekdays, months and the like: never actors, whatever the parser says."""
    return word.lower in TIME_WORDS or word.lemma in TIME_WORDS


def antecedent(sent: Sentence, pronoun: Word) -> Word | None:
    """The nominal a relative pronoun follows ("Wang Yi, who ..."), by position.

    Used when the parse did not attach the relative clause to its noun.
    """
    i = pronoun.index - 1
    while i >= 0 and sent.words[i].upos == "PUNCT":
        i -= 1
    if i >= 0 and sent.words[i].upos in ("PROPN", "NOUN"):
        return sent.words[i]
    return coordinated_antecedent(sent, pronoun)


def coordinated_antecedent(sent: Sentence, pronoun: Word) -> Word | None:
    """The antecedent of a relative pronoun after "and": the first one's.

    "Taiwan, which China claims as its territory and which the US is
    arming": the parser hangs the second clause on the nearest noun
    ("territory"); both clauses are about Taiwan.
    """
    i = pronoun.index - 1
    if i < 0 or sent.words[i].upos != "CCONJ":
        return None
    for earlier in reversed(sent.words[:i]):
        if earlier.lower == pronoun.lower and is_relative_pronoun(earlier):
            return antecedent(sent, earlier)
    return None


def is_relative_pronoun(word: Word) -> bool:
    return word.lower in _RELATIVE and (word.upos == "PRON" or word.feat("PronType") == "Rel")


_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
# "We reject the proposal," the minister said: a quoted "we" is the speaker's side.
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_QUOTED_FIRST = _FIRST_PERSON | _FIRST_PLURAL
# Agents that, outside reported speech, are the writer or the reader: their
# own "I can say" or "you say" is commentary, not a reported event.
_WRITER_OR_READER = _FIRST_PERSON | {"you", "yourself"}


@attrs.frozen
class _Quotes:
    """Where a text's paragraphs start and its quotation marks stand, for lookups.

    Asking for every name of a long paragraph by rescanning the paragraph
    would cost its length squared; these sorted positions answer each in
    logarithmic time.
    """

    paragraphs: list[int]  # each "\n\n" (overlapping ones too)
    opening: list[int]  # \u201c
    closing: list[int]  # \u201d
    straight: list[int]  # '"'

    @classmethod
    def of(cls, text: str) -> _Quotes:
        def at(pattern: str) -> list[int]:
            return [m.start() for m in re.finditer(pattern, text)]

        return cls(at("(?=\n\n)"), at("\u201c"), at("\u201d"), at('"'))

    def around(self, offset: int) -> bool:
        """Whether ``offset`` lies between quotation marks of its paragraph."""
        k = bisect.bisect_right(self.paragraphs, offset - 2)
        para = self.paragraphs[k - 1] + 1 if k else 0

        def last(marks: list[int]) -> int:
            i = bisect.bisect_left(marks, offset)
            return marks[i - 1] if i and marks[i - 1] >= para else -1

        if last(self.opening) > last(self.closing):
            return True
        straight = bisect.bisect_left(self.straight, offset) - bisect.bisect_left(
            self.straight, para
        )
        return straight % 2 == 1


def _is_trailing_attribution(event: Event, text: str) -> bool:
    """"..., he said." or "... ," Blinken told reporters.": the speech came first."""
    sent, trig = event.sentence, event.trigger
    before = text[sent.start : trig.start]
    cut = max(before.rfind(","), before.rfind('"'), before.rfind("\u201d"))
    if cut < 0:
        return False
    subject = before[cut + 1 :].split()
    after = [w for w in text[trig.end : sent.end].split() if any(c.isalnum() for c in w)]
    return 1 <= len(subject) <= 5 and len(after) <= 3


def _word_at(sent: Sentence, offset: int) -> Word | None:
    return next((w for w in sent.words if w.start == offset), None)


def resolve_first_person(
    events: list[Event],
    sentences: Sequence[Sentence],
    text: str,
    mentions: Mentions,
    reporting: Container[EventKind],
) -> list[Event]:
    """Give "I" and "we" in reported speech the speaker's identity.

    News prose has no narrator "I": a first person belongs to whoever is
    quoted, and a quoted "we" to the side the speaker speaks for, known by
    the speaker.  The speaker is the agent of a statement that governs the
    pronoun in its own sentence ("I proposed ..., Xi said"), of a trailing
    attribution in the next sentence ("I proposed ... . These are lessons,
    he said."), or, inside quotation marks, of the nearest statement outside
    them.  Events whose agent is an "I" left unresolved -- a blogger's own
    "I can say" -- or a "you" are dropped: commentary, not reported events.
    """
    starts = [s.start for s in sentences]
    quoted_at = mentions.quotes.around
    statements = [
        e
        for e in events
        if e.kind in reporting
        and e.agent is not None
        and e.agent.text.lower() not in _QUOTED_FIRST
    ]

    def sentence_index(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    def speaker(actor: Actor) -> Actor | None:
        i = sentence_index(actor.span.start)
        if i < 0:
            return None
        sent = sentences[i]
        pronoun = _word_at(sent, actor.span.start)
        quoted = quoted_at(actor.span.start)
        best: tuple[int, Actor] | None = None
        for st in statements:
            j = sentence_index(st.trigger.start)
            assert st.agent is not None
            if j == i:
                trigger = _word_at(sent, st.trigger.start)
                if (
                    pronoun is not None
                    and trigger is not None
                    and pronoun in sent.subtree(trigger)
                ) or (quoted and not quoted_at(st.trigger.start)):
                    return st.agent
            elif j == i + 1 and _is_trailing_attribution(st, text):
                return st.agent
            elif quoted and abs(j - i) == 1 and not quoted_at(st.trigger.start):
                distance = abs(st.trigger.start - actor.span.start)
                if best is None or distance < best[0]:
                    best = (distance, st.agent)
        return best[1] if best else None

    def resolved(actor: Actor | None) -> Actor | None:
        if (
            actor is None
            or actor.text.lower() not in _QUOTED_FIRST
            or actor.name != actor.text
        ):
            return actor
        found = speaker(actor)
        if found is None:
            return actor
        return attrs.evolve(
            actor, name=found.name, role=found.role, country=found.country, code=found.code
        )

    out = []
    for e in events:
        agent = resolved(e.agent)
        if agent is not None and agent is e.agent and agent.text.lower() in _WRITER_OR_READER:
            continue  # the writer's own "I can say", a reader's "you say"
        targets = tuple(t for t in (resolved(t) for t in e.targets) if t is not None)
        if agent is not e.agent or targets != e.targets:
            e = attrs.evolve(e, agent=agent, targets=targets)
        out.append(e)
    return out
