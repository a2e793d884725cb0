"""Dating events from the parse: which time expressions belong to which trigger.

Order of evidence, for an event whose trigger heads ``clause``:

1. time expressions attached to the trigger or its clause ("met earlier
   Friday", "Pelosi's visit to Taiwan in 2022");
2. an anchoring subordinate clause ("signed ... just hours *before Blinken
   arrived in China on Wednesday*") -> basis "inherited";
3. the clause or event the trigger belongs to: a relative clause inherits the
   date of the clause its noun sits in ("met earlier Friday with Wang Yi, *who
   warned*"), a noun trigger or a subject-less gerund that of its governing
   verb -> basis "inherited";
4. the publication date -> basis "publication".

Time expressions that modify another clause (a reporting verb's own date,
say) do not date the event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

import attrs

from .._events import DateBasis, Event, EventDate, Precision, Span
from .._tokens import Sentence, Word
from .resolver import CLOCK_TIME, TIME_ZONES, find_time_expressions, resolve_date
from .vocabulary import MONTH_NAMES, TIME_WORDS

__all__ = [
    "Mention",
    "date_event",
    "date_from_discourse",
    "date_words",
    "discourse_dates",
    "lead_day",
    "publication_date",
    "told_by_headline",
]

_TIME_RELS = {
    "obl",
    "obl:tmod",
    "obl:unmarked",
    "obl:npmod",
    "nmod:tmod",
    "nmod:unmarked",
    "nmod",
    "advmod",
    "nmod:npmod",
    "obj",  # a misparsed "met earlier Friday with ..."
    "iobj",  # a misparsed "said Friday in a reference to ..."
    "compound",
}
_ANCHOR_MARKS = {"before", "after", "when", "as", "while", "until", "since", "once", "shortly"}
_TEMPORAL_WORDS = TIME_WORDS | {
    "now",
    "afternoon",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "quarter",
    "half",
    "decade",
    "century",
    "ago",
    "earlier",
    "later",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "fiscal",
    "past",
    "future",
    "present",
    "1990s",
    "overnight",
    "mon",
    "tue",
    "tues",
    "weds",
    "thu",
    "thur",
    "thurs",
    "fri",
}
_ORDINAL_DAY = re.compile(r"[0-3]?\d(?:st|nd|rd|th)")
_EXPR_STOP = frozenset(
    {"acl", "acl:relcl", "appos", "punct", "parataxis", "advcl", "conj", "cc", "nmod:poss"}
)
# "announced after a weekend of violence", "talks before Monday", "accused
# since September 11": a time the event is after, before or since is not the
# event's own.
_NOT_ITS_TIME = {"after", "before", "until", "till", "since"}
_PERIOD_ADJECTIVES = frozenset({"quarter", "half"})
_YEAR = re.compile(r"(?:1[0-9]|2[0-2])[0-9]{2}")
# Leading words that are not part of the expression itself.
_LEAD_DROP = {"on", "in", "at", "during", "by", "since", "of", "for", "from", "the", "just"}


# A clock time written next to a day ("at 10 a.m. on Friday", "Friday at
# 10:30 a.m."): the parser hangs it on the verb apart from the day, so it is
# found on the surface and resolved together with the day.
_CLOCK = rf"(?:{CLOCK_TIME})"
_ZONE = rf"(?:\s+(?:{TIME_ZONES}))?"
_CLOCK_BEFORE = re.compile(rf"\b{_CLOCK}{_ZONE},?\s+(?:on\s+)?$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(rf"^,?\s+(?:at\s+)?{_CLOCK}{_ZONE}(?!\w)", re.IGNORECASE)


def _with_clock(
    found: EventDate, sent: Sentence, text: str, published: dt.date | None, tense: str | None
) -> EventDate:
    """``found`` (a day) with the clock time written next to it, if any."""
    if found.precision is not Precision.DAY or found.time is not None or found.span is None:
        return found
    lo, hi = sent.words[0].start, sent.words[-1].end
    start, end = found.span.start, found.span.end
    before = _CLOCK_BEFORE.search(text[max(lo, start - 40) : start])
    after = _CLOCK_AFTER.match(text[end : min(hi, end + 40)])
    if before:
        start -= len(before.group(0))
    if after:
        end += len(after.group(0))
    if (start, end) == (found.span.start, found.span.end):
        return found
    expr = text[start:end]
    timed = _resolve_cached(expr, published, tense)
    if timed is None or timed.value != found.value or timed.time is None:
        return found
    return attrs.evolve(timed, text=expr, span=Span(start, end, expr))


# Pieces of a date the parser hangs apart from it: "8" of "on 8 July", "12 -
# 14" of "12-14 May", "'" of "'58".
_DATE_PIECE_UPOS = frozenset({"NUM", "SYM"})
_DATE_PIECE_TEXT = frozenset({"'", "\u2019", "-", "\u2013", "to"})


def _THE_NTH(run: list[Word]) -> bool:
    """ "the 15th": the article is what makes an ordinal a day of the month."""
    return run[0].lower == "the" and len(run) == 2 and bool(_ORDINAL_DAY.fullmatch(run[1].lower))


def _widen(sent: Sentence, word: Word, lo: int, hi: int, skip: frozenset[int]) -> tuple[int, int]:
    """The run ``lo..hi`` with the adjacent pieces of the same date: numbers,
    dashes and apostrophes under ``word`` that the parse made siblings."""

    def piece(i: int) -> bool:
        w = sent.words[i]
        if w.index in skip or not (w.upos in _DATE_PIECE_UPOS or w.text in _DATE_PIECE_TEXT):
            return False
        cur: Word | None = w
        for _ in range(4):  # a descendant of the trigger's word, a few levels down
            cur = sent.head_of(cur) if cur is not None else None
            if cur is None:
                return False
            if cur.index == word.index:
                return True
        return False

    for _ in range(4):
        if lo - 1 >= 0 and piece(lo - 1):
            lo -= 1
        else:
            break
    return lo, hi


def _looks_temporal(words: list[Word]) -> bool:
    for w in words:
        low = w.lower.strip(".")
        if low in _TEMPORAL_WORDS or w.lemma in _TEMPORAL_WORDS:
            return True
        if low.isdigit() and len(low) == 4 and 1000 <= int(low) <= 2200:
            return True
        if low.endswith("s") and low[:-1].isdigit() and len(low) == 5:  # 1990s
            return True
        if _ORDINAL_DAY.fullmatch(low):  # "on the 15th"
            return True
        if any(ch.isdigit() for ch in low) and ("/" in low or "-" in low):
            return True
    return False


@attrs.frozen
class _Found:
    date: EventDate


def tense_of(sent: Sentence, clause: Word, _hops: int = 0) -> str | None:
    if clause.upos not in ("VERB", "AUX"):
        return None
    if (
        (
            clause.feat("VerbForm") == "Ger"
            or (clause.feat("VerbForm") == "Part" and clause.feat("Tense") == "Pres")
        )
        and clause.rel in ("advcl", "xcomp")
        and _hops < 4
        and not any(True for _ in sent.deps(clause, "aux", "aux:pass", "nsubj"))
    ):
        # "Speaking to the press, he said ...", "stated ..., saying that": an
        # adjunct -ing form is told in the tense of the clause it hangs on
        head = sent.head_of(clause)
        return tense_of(sent, head, _hops + 1) if head is not None else None
    for aux in sent.deps(clause, "aux"):
        if aux.lemma in ("will", "shall") or aux.lower in ("will", "'ll", "shall"):
            return "future"
    tense = clause.feat("Tense")
    if tense == "Past" and clause.feat("VerbForm") == "Part":
        # A participle takes its auxiliaries' tense: "is aimed at" is
        # present, "was aimed" past, and "has posted" a completed event.
        auxes = list(sent.deps(clause, "aux", "aux:pass"))
        if any(a.feat("Tense") == "Past" or a.lemma == "have" for a in auxes):
            return "past"
        if any(a.feat("Tense") == "Pres" for a in auxes):
            return "present"
        return "past"
    if tense == "Past":
        return "past"
    if tense == "Pres":
        return "present"
    for aux in sent.deps(clause, "aux", "aux:pass"):
        if aux.feat("Tense") == "Past":
            return "past"
    return None


def _expression(run: list[Word]) -> list[Word]:
    """A run of words without the leading ones that are not part of the
    time expression: "on Wednesday" -> "Wednesday", "in 2022" -> "2022"."""
    while len(run) > 1 and (
        (run[0].lower in _LEAD_DROP and not _THE_NTH(run))
        # "meet Xi next month" with "Xi" hung on "month"
        or (run[0].upos == "PROPN" and run[0].deprel in ("case", "nummod"))
    ):
        run = run[1:]
    return run


@lru_cache(maxsize=4096)
def _resolve_cached(expr: str, published: dt.date | None, tense: str | None) -> EventDate | None:
    return resolve_date(expr, published, tense=tense)


def _period_adjective(
    sent: Sentence, word: Word, text: str, published: dt.date | None, tense: str | None
) -> EventDate | None:
    """ "third-quarter results", "first-half profit": the period the figures
    are of, written as the noun's adjective.  The adjective is read with all
    that comes before it in its phrase ("fourth-quarter"), never alone: a
    bare "quarter" says not which."""
    for adj in sent.deps(word, "amod"):
        if adj.lower not in _PERIOD_ADJECTIVES:
            continue
        first = sent.subtree(adj)[0]
        if first.index == adj.index:
            continue
        expr = text[first.start : adj.end]
        found = _resolve_cached(expr, published, tense)
        if found is not None and found.precision in (Precision.QUARTER, Precision.HALF):
            return attrs.evolve(found, text=expr, span=Span(first.start, adj.end, expr))
    return None


def own_dates(
    sent: Sentence,
    word: Word,
    text: str,
    published: dt.date | None,
    tense: str | None,
    skip: frozenset[int] = frozenset(),
    depth: int = 0,
) -> EventDate | None:
    """The first date among the time expressions attached to ``word``.

    When a dependent's phrase holds a time word but does not resolve as a
    whole ("China on Wednesday", a misattached "on Wednesday"), its own
    dependents are tried, one level down.
    """
    vague: EventDate | None = None
    if word.upos == "NOUN" and depth == 0:
        found = _period_adjective(sent, word, text, published, tense)
        if found is not None:
            return found
    for dep in sent.deps(word, *_TIME_RELS):
        if dep.index in skip or sent.case_of(dep) in _NOT_ITS_TIME:
            continue
        if dep.deprel == "compound" and sent.dep(dep, "nummod") is not None:
            continue  # "the two-year peace talks": how long, not when
        if dep.deprel == "compound" and word.index > 0 and word.text[:1].isupper():
            continue  # "the Good Friday Agreement": a name, not a date
        words = sent.subtree(dep, exclude=_EXPR_STOP)
        two_digit_year = (  # "in '58", its apostrophe a punct the subtree leaves out
            dep.upos == "NUM"
            and len(dep.text) == 2
            and dep.index > 0
            and sent.words[dep.index - 1].text in ("'", "\u2019")
        )
        if not (two_digit_year or _looks_temporal(words)):
            continue
        # Keep the contiguous run around the dependent, then drop a leading
        # preposition: "on Wednesday" -> "Wednesday", "in 2022" -> "2022".
        lo, hi = sent.run_around(words, dep)
        # "on July 24, 2003": the year after the comma is the date's, though
        # the comma (a punct of the year) leaves the run
        inside = {w.index for w in words}
        if (
            hi + 2 in inside
            and sent.words[hi + 1].text == ","
            and _YEAR.fullmatch(sent.words[hi + 2].text)
        ):
            hi += 2
        # "earlier Friday": an adjacent advmod of the trigger belongs to it
        if (
            lo - 1 >= 0
            and sent.words[lo - 1].lower in ("earlier", "later", "late", "early")
            and sent.words[lo - 1].head == word.index
        ):
            lo -= 1
        found = None
        # the phrase with the date pieces the parse set beside it ("8" of "on
        # 8 July"), else the phrase alone, else its head with the words before
        # it ("earlier Friday" out of a misparsed "earlier Friday with Wang Yi")
        wide = _widen(sent, word, lo, hi, skip)[0]
        for first, last in dict.fromkeys(((wide, hi), (lo, hi), (lo, dep.index))):
            run = _expression([sent.words[i] for i in range(first, last + 1)])
            start, end = run[0].start, run[-1].end
            expr = text[start:end]
            found = _resolve_cached(expr, published, tense)
            if found is not None:
                break
        if found is not None:
            found = attrs.evolve(found, text=expr, span=Span(start, end, expr))
            if found.precision is not Precision.REFERENCE:
                return _with_clock(found, sent, text, published, tense)
            # "earlier", "recently": keep looking for a real date first
            vague = vague or found
            continue
        if depth == 0 and dep.upos in ("PROPN", "NOUN"):
            nested = own_dates(sent, dep, text, published, tense, skip, depth + 1)
            if nested is not None and nested.precision is not Precision.REFERENCE:
                return nested
            vague = vague or nested
    return vague


def _anchored(
    sent: Sentence,
    clause: Word,
    text: str,
    published: dt.date | None,
) -> EventDate | None:
    for adv in sent.deps(clause, "advcl"):
        marks = {m.lower for m in sent.deps(adv, "mark", "advmod") if m.index < adv.index}
        if marks & _ANCHOR_MARKS:
            found = own_dates(sent, adv, text, published, tense_of(sent, adv))
            if found is not None:
                return found
    # The parse may hang the anchoring clause elsewhere: read "before X
    # arrived ..." off the surface, up to the next clause boundary.
    words = sent.words
    for i in range(clause.index + 1, min(len(words), clause.index + 45)):
        w = words[i]
        if w.lower in (";", ":") or (w.upos == "VERB" and w.rel in ("conj", "parataxis")):
            break
        if w.lower in _ANCHOR_MARKS and w.upos in ("SCONJ", "ADP", "ADV"):
            verb = next((v for v in words[i + 1 : i + 6] if v.upos == "VERB"), None)
            if verb is not None and verb.index != clause.index:
                found = own_dates(sent, verb, text, published, tense_of(sent, verb))
                if found is not None:
                    return found
    return None


def _governor(sent: Sentence, word: Word) -> Word | None:
    """The clause a noun, relative clause or subject-less verb belongs to."""
    cur: Word | None = word
    hops = 0
    while cur is not None and hops < 8:
        hops += 1
        head = sent.head_of(cur)
        if head is None:
            return None
        if cur is not word and cur.upos in ("VERB", "AUX") and cur.rel not in ("amod",):
            return cur
        if head.upos in ("VERB", "AUX") and cur.rel in (
            "obl",
            "obj",
            "nsubj",
            "nmod",
            "advcl",
            "xcomp",
            "conj",
            "acl",
            "appos",
            "iobj",
        ):
            return head
        cur = head
    return None


def _fronted(sent: Sentence, phrase: Word, subj: Word) -> bool:
    """Whether ``phrase`` opens the sentence and a comma closes it before ``subj``."""
    words = sent.subtree(phrase, exclude=frozenset({"punct"}))
    first = next((w for w in sent.words if w.upos != "PUNCT"), None)
    return (
        first is not None
        and words[0].index == first.index
        and words[-1].index + 1 < subj.index
        and sent.words[words[-1].index + 1].text == ","
    )


def _date_on_subject(
    sent: Sentence,
    clause: Word,
    text: str,
    published: dt.date | None,
    tense: str | None,
) -> EventDate | None:
    """ "Iran on Saturday denied ...": the wire-style time between subject and verb.

    The parser tends to hang it on the subject; a time written there, after
    the subject's head and before the verb, is the verb's.  So is one that
    opens the sentence, set off by a comma ("Last month, Katrina devastated").
    """
    for subj in sent.deps(clause, "nsubj", "nsubj:pass"):
        if not subj.index < clause.index:
            continue
        between = frozenset(
            d.index
            for d in sent.deps(subj)
            if not (subj.index < d.index < clause.index or _fronted(sent, d, subj))
        )
        found = own_dates(sent, subj, text, published, tense, skip=between, depth=1)
        if found is not None:
            return found
    return None


def _when_after_time(
    sent: Sentence, clause: Word, text: str, published: dt.date | None, tense: str | None
) -> EventDate | None:
    """ "an improvement from 2008, when the company posted a loss", "In 2003,
    when the war began, ...": a when-clause right after a time, set off by
    a comma, happened at that time.  Read off the surface, as the parser
    mostly hangs the clause on the main verb instead of on the time."""
    when = next(
        (d for d in sent.deps(clause, "advmod", "mark") if d.lower == "when"), None
    )
    if when is None or when.index < 2 or sent.words[when.index - 1].text != ",":
        return None
    lo, end = sent.words[0].start, sent.words[when.index - 2].end
    spans = find_time_expressions(text[lo:end])
    if not spans or lo + spans[-1][1] != end:
        return None
    start = lo + spans[-1][0]
    expr = text[start:end]
    found = _resolve_cached(expr, published, tense)
    if found is None or found.precision is Precision.REFERENCE:
        return None
    return attrs.evolve(found, text=expr, span=Span(start, end, expr))


def _temporal_predicate(
    sent: Sentence, trigger: Word, text: str, published: dt.date | None
) -> EventDate | None:
    """ "The first flight of the 777 was in 1994", "The vote will be on
    Friday": an event noun whose predicate is a time is dated by it.  The
    predicate is read in its copula's tense."""
    if trigger.upos != "NOUN" or trigger.rel not in ("nsubj", "nsubj:pass"):
        return None
    head = sent.head_of(trigger)
    cop = next(iter(sent.deps(head, "cop")), None) if head is not None else None
    if head is None or cop is None or head.index < trigger.index:
        return None
    words = [
        w
        for w in sent.subtree(head, exclude=_EXPR_STOP | {"nsubj", "nsubj:pass", "aux"})
        if w.index > cop.index
    ]
    if not _looks_temporal(words):
        return None
    lo, hi = sent.run_around(words, head)
    run = _expression([sent.words[i] for i in range(lo, hi + 1)])
    start, end = run[0].start, run[-1].end
    expr = text[start:end]
    future = any(a.lower in ("will", "'ll", "shall") for a in sent.deps(head, "aux"))
    tense = "future" if future else "past" if cop.feat("Tense") == "Past" else None
    found = _resolve_cached(expr, published, tense)
    if found is None:
        return None
    return attrs.evolve(found, text=expr, span=Span(start, end, expr))


def date_event(
    sent: Sentence,
    trigger: Word,
    clause: Word,
    text: str,
    published: dt.date | None,
) -> EventDate | None:
    """The date of the event whose trigger is ``trigger`` (clause head ``clause``)."""
    tense = tense_of(sent, clause)
    if tense is None and clause.upos == "NOUN":
        # "reported third-quarter earnings": a noun is told in its verb's tense
        gov = _governor(sent, clause)
        tense = tense_of(sent, gov) if gov is not None else None
    for w in {trigger.index: trigger, clause.index: clause}.values():
        found = own_dates(sent, w, text, published, tense)
        if found is not None:
            return _now_is_the_day(found)
    found = _temporal_predicate(sent, trigger, text, published)
    if found is not None:
        return found
    found = _when_after_time(sent, clause, text, published, tense)
    if found is not None:
        return attrs.evolve(found, basis=DateBasis.INHERITED)
    found = _date_on_subject(sent, clause, text, published, tense)
    if found is not None:
        return found
    if trigger.upos == "NOUN":
        # "Pelosi's visit to Taiwan in 2022", with "in 2022" hung on Taiwan
        for dep in sent.deps(trigger, "nmod", "acl"):
            found = own_dates(sent, dep, text, published, tense)
            if found is not None:
                return found
    found = _anchored(sent, clause, text, published)
    if found is not None:
        return attrs.evolve(found, basis=DateBasis.INHERITED)
    # Climb to the clause this one belongs to, but not out of a complement
    # clause: "said on Monday that they met" does not date the meeting.
    climb: Word | None = clause
    for _ in range(3):
        if climb is None or climb.rel in ("ccomp", "parataxis", "root", "csubj"):
            break
        gov = _governor(sent, climb)
        if gov is None:
            break
        found = own_dates(sent, gov, text, published, tense_of(sent, gov)) or _anchored(
            sent, gov, text, published
        )
        # "turbulent in recent years" says nothing about when a visit was
        if found is not None and found.precision is not Precision.REFERENCE:
            return attrs.evolve(found, basis=DateBasis.INHERITED)
        climb = gov
    return publication_date(published)


def _now_is_the_day(found: EventDate) -> EventDate:
    """ "Now the Commission is refusing": an event happening now happens on the
    day the text speaks from (the publication day), as one with no time
    expression does; resolve_date itself keeps TIMEX3's ``PRESENT_REF``."""
    if found.timex != "PRESENT_REF" or found.value is None:
        return found
    return attrs.evolve(found, precision=Precision.DAY, timex=found.value.isoformat())


def in_reported_clause(sent: Sentence, clause: Word) -> bool:
    """Whether ``clause`` sits in a complement: "said on Monday that they met"."""
    cur: Word | None = clause
    for _ in range(len(sent.words)):
        if cur is None:
            return False
        if cur.rel in ("ccomp", "csubj", "parataxis"):
            return True
        cur = sent.head_of(cur)
    return False


def publication_date(published: dt.date | None) -> EventDate | None:
    if published is None:
        return None
    return EventDate(
        value=published,
        precision=Precision.DAY,
        timex=published.isoformat(),
        basis=DateBasis.PUBLICATION,
        text=None,
    )


# Determiners that make a noun trigger ("the meeting") mention an earlier event again.
DEFINITE = frozenset({"the", "that", "this"})


@attrs.frozen
class Mention:
    """What the discourse conventions read of one dated mention, in text order.

    ``key`` says which mentions speak of the same kind of event (an event
    kind, or a lemma for an arbitrary trigger word); ``sentence`` is the
    span of its sentence; ``past`` is a past-tense verb outside reported
    speech; ``definite`` a noun with "the", "that" or "this"; ``headline``
    an event a headline tells (:func:`told_by_headline`).
    """

    key: str
    sentence: Span
    date: EventDate | None
    past: bool
    definite: bool
    headline: bool = False


def date_from_discourse(
    events: Sequence[Event],
    past: Sequence[bool],
    definite: Sequence[bool],
    headline: Sequence[bool],
    text: str,
    published: dt.date | None = None,
    written: EventDate | None = None,
    lead: EventDate | None = None,
) -> list[Event]:
    """Date events that have only the publication date from the story around them.

    ``past``, ``definite`` and ``headline`` run parallel to ``events``; see
    :func:`discourse_dates` for the conventions.
    """
    found = discourse_dates(
        [
            Mention(e.kind.value, e.sentence, e.date, p, d, h)
            for e, p, d, h in zip(events, past, definite, headline, strict=True)
        ],
        text,
        published,
        written,
        lead,
    )
    return [
        e if date is e.date else attrs.evolve(e, date=date)
        for e, date in zip(events, found, strict=True)
    ]


# "Rebels attacked overnight ... Hamas declared a ceasefire": a night ends
# its day, so the story's next events are not on it.
_NIGHT = re.compile(r"\b(?:over)?night\b", re.IGNORECASE)
# Times that point back into the story rather than to the publication date.
_POINTS_BACK = re.compile(
    r"\b(?:that|the same|the next|the following|the previous|the preceding)\b"
    r"|^(?:the )?(?:day|week|month)$",
    re.IGNORECASE,
)
_BARE_UNIT = re.compile(r"^(?:the )?(day|week|month)$", re.IGNORECASE)
_NAMED_UNIT = re.compile(r"\b(day|month)\b", re.IGNORECASE)
# "Earlier in the day, Boeing received a letter": the "earlier today" of a
# story told in the past, on the day of its news.
_LEADING_SPACE = re.compile(r"\s*")
_IN_THE_DAY = re.compile(r"\b(?:earlier|later) in the day\b", re.IGNORECASE)
# "a loss of $8.6 billion for the entire year" after "the fourth quarter of
# 2005": the whole of the story's year (or month), not the publication's.
_WHOLE = re.compile(r"^(?:for )?(?:the )?(?:entire|whole|full) (year|month)$", re.IGNORECASE)


_MONTH_WORD = r"(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")"
# "June 1st", "1 June", "June 1, 2009": a date a lead writes for its day.
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}(?:\s+\d{{4}})?)\b"
)
# The deictic day: "today", "earlier today", "this morning", "tonight".
_TODAY = re.compile(
    r"^(?:earlier |later )?(?:today|tonight|this (?:morning|afternoon|evening))$", re.IGNORECASE
)
# How many sentences the lead counts (a headline and a dateline come first),
# and how far before the dateline its day may be for the story to have been
# written on it.
_LEAD_SENTENCES = 4
_WRITTEN_WITHIN = dt.timedelta(days=7)


def _in_the_week_before(found: EventDate, published: dt.date) -> bool:
    """Whether ``found`` is one day in the week before the publication date."""
    return (
        found.precision is Precision.DAY
        and found.end is None
        and published - _WRITTEN_WITHIN <= found.value < published
    )


def story_day(
    sentences: Sequence[Sentence], text: str, published: dt.date | None
) -> EventDate | None:
    """The day a story was written on when it is before its dateline.

    "June 04, 2009.  In a press conference at 16:15 UTC, June 1st, ...
    GM, which filed for bankruptcy earlier today": a lead that names its
    own day by its date, a few days before the dateline, was written on
    that day, and its "today" is that day.  The first month-and-day date
    written in the text's first sentences (read off the surface: the parse
    often splits "June 1st") that resolves to a day within a week before
    the publication date; else None.
    """
    if published is None:
        return None
    for sent in [s for s in sentences if s.words][:_LEAD_SENTENCES]:
        for match in _MONTH_DAY.finditer(text, sent.start, sent.end):
            found = resolve_date(match.group(0), published)
            if found is not None and _in_the_week_before(found, published):
                return found
    return None


# How many sentences, a headline and a dateline included, may come before
# the one that dates the story's news.
_LEAD_DAY_SENTENCES = 6


def lead_day(
    sentences: Sequence[Sentence], text: str, published: dt.date | None
) -> EventDate | None:
    """The day a story's news happened, when its lead says it was before the dateline.

    "March 03, 2010.  Ford Motor Company said on Tuesday that its sales
    ...": news is written up a day or a few after it happened, and the lead
    says which day.  The first time expression of the first sentences that
    resolves, read in the past tense a lead reports in, to one day within
    a week before the publication date; else None.  A later date of the
    story (background, an event ahead) is not the lead's.
    """
    lead = [s for s in sentences if s.words][:_LEAD_DAY_SENTENCES]
    if published is None or not lead:
        return None
    lo, hi = lead[0].words[0].start, lead[-1].words[-1].end
    for start, end in find_time_expressions(text[:hi]):
        if start < lo:
            continue
        found = resolve_date(text[start:end], published, tense="past")
        if found is not None and _in_the_week_before(found, published):
            return found
    return None


def is_headline(text: str, sentence: Span) -> bool:
    """Whether ``sentence`` is the text's headline: its first line, a
    paragraph of its own, without a sentence's closing punctuation."""
    return (
        sentence.start == _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]
        and text.startswith(("\n\n", "\r\n\r\n"), sentence.end)
        and not sentence.text.rstrip().endswith((".", "!", "?", "''", '"'))
    )


def told_by_headline(sent: Sentence, word: Word, text: str) -> bool:
    """Whether ``word`` is an event a headline reports as news: a verb of
    the headline in the present or past tense ("GM posts first annual
    loss"), or a word of such a verb's clause ("Chrysler files for
    bankruptcy").  A headline's bare infinitive announces an act ahead
    ("GM to cut 10,000 jobs"), which is not yet news of a day.  A headline
    without a verb is news too: the tagger often reads a headline's verb
    as a plural noun ("Chrysler files/NNS for bankruptcy")."""
    if not sent.words:
        return False
    lo, hi = sent.words[0].start, sent.words[-1].end
    if not is_headline(text, Span(lo, hi, text[lo:hi])):
        return False
    clause = word if word.upos in ("VERB", "AUX") else _governor(sent, word)
    return clause is None or tense_of(sent, clause) in ("past", "present")


def discourse_dates(
    mentions: Sequence[Mention],
    text: str,
    published: dt.date | None = None,
    written: EventDate | None = None,
    lead: EventDate | None = None,
) -> list[EventDate | None]:
    """The dates of ``mentions`` once those with only the publication date
    have taken one from the text before them.

    Two news conventions, applied to mentions without a time of their own:

    - a definite mention of an event ("the meeting", "the talks") takes the
      date of the last earlier mention of the same key that had one ("met on
      September 22 ... the meeting");
    - a past-tense event of a main clause continues the episode whose day
      the paragraph has set: it takes the day of the nearest earlier mention
      in the same paragraph, one or two sentences back, that was dated at
      day precision, not after the publication date ("Crude-oil prices rose
      Wednesday ... Valero said").

    - failing both, a past-tense event, or one a headline tells, happened
      on the story's ``lead`` day (:func:`lead_day`) when it has one ("GM
      posts first annual loss ... GM admitted Thursday night").

    Before them, a time that points back into the story ("that day", "the
    same day", "later that week", "the next day") is resolved again from the
    story's time: the last earlier explicit or relative date of a mention
    that did not itself point back, the lead's day before any (for a
    phrase naming a day or a month, "that day", "during the month", the
    last such date at that precision; ``published`` is needed for it; the
    resolver alone counts from the publication date), a time a mention
    inherited being read again like its own;
    "earlier in the day" is the lead's day; "the entire year" is the
    story's year; and in a story ``written`` on a day before its dateline
    (:func:`story_day`), "today" is that day.

    A date taken so from the story or the lead has basis "inherited"; the
    others are returned as given.
    """
    out = [m.date for m in mentions]
    if published is not None:
        for i, date in enumerate(out):
            if (
                written is not None
                and date is not None
                and date.basis in (DateBasis.RELATIVE, DateBasis.INHERITED)
                and _TODAY.match((date.text or "").strip())
            ):
                again = resolve_date(date.text or "", written.value)
                if again is not None:
                    out[i] = attrs.evolve(again, text=date.text, span=date.span, basis=date.basis)
        # The story's time so far, and the last day and month it set: "that
        # day" names a day, "during the month" a month, not the time of the
        # background told since.  A date a mention inherited is its time
        # expression's, so it is read again too, keeping its basis.
        story: EventDate | None = lead
        last: dict[Precision, EventDate] = {Precision.DAY: lead} if lead is not None else {}
        for i, date in enumerate(out):
            if date is None or date.text is None or date.basis is DateBasis.PUBLICATION:
                continue
            expr = date.text
            whole = _WHOLE.match(expr.strip())
            anchor: EventDate | None = None
            if whole and story is not None:
                period = "%Y" if whole.group(1).lower() == "year" else "%B %Y"
                again = resolve_date(story.value.strftime(period), published)
                if again is not None:
                    out[i] = attrs.evolve(again, text=date.text, span=date.span, basis=date.basis)
            elif (in_the_day := _IN_THE_DAY.search(expr)) or _POINTS_BACK.search(expr):
                if in_the_day:
                    anchor = lead or written  # the narrative's "earlier today"
                else:
                    unit = _NAMED_UNIT.search(expr)
                    named = Precision(unit.group(1).lower()) if unit else None
                    anchor = last.get(named, story) if named is not None else story
                if anchor is not None:
                    # "during the month" of a story is that month
                    bare = _BARE_UNIT.match(expr.strip())
                    phrase = f"that {bare.group(1)}" if bare else expr
                    again = resolve_date(phrase, published, anchor=anchor)
                    if again is not None:
                        out[i] = attrs.evolve(
                            again, text=date.text, span=date.span, basis=date.basis
                        )
            elif date.precision is not Precision.REFERENCE:
                story = date
                last[date.precision] = date
    for i, event in enumerate(mentions):
        date = event.date
        if date is None or date.basis is not DateBasis.PUBLICATION:
            continue
        found: EventDate | None = None
        if event.definite:
            for j in range(i - 1, -1, -1):
                prior, prior_date = mentions[j], out[j]
                if (
                    prior.key == event.key
                    and prior_date is not None
                    and prior_date.basis is not DateBasis.PUBLICATION
                ):
                    found = prior_date
                    break
        if found is None and event.past:
            sentences_back = 0
            last_sentence = event.sentence.start
            for j in range(i - 1, -1, -1):
                prior, prior_date = mentions[j], out[j]
                if prior.sentence.start != last_sentence:
                    sentences_back += 1
                    last_sentence = prior.sentence.start
                if sentences_back == 0:
                    continue  # within a sentence, the tree decided
                if sentences_back > 2 or "\n\n" in text[prior.sentence.end : event.sentence.start]:
                    break
                if prior_date is not None and prior_date.basis is not DateBasis.PUBLICATION:
                    if (
                        prior_date.precision is Precision.DAY
                        and prior_date.end is None
                        and not _NIGHT.search(prior_date.text or "")
                        # a past event does not continue a story told ahead of the dateline
                        and (published is None or prior_date.value <= published)
                    ):
                        found = prior_date
                    break
        if found is None and lead is not None and (event.past or event.headline):
            found = lead
        if found is not None:
            out[i] = attrs.evolve(found, basis=DateBasis.INHERITED)
    return out


def date_words(
    sentences: Sequence[Sentence],
    offsets: Sequence[int],
    text: str,
    published: dt.date | None,
) -> list[EventDate | None]:
    """The date of an event whose trigger is the word at each character offset.

    The same anchoring as the library's own events (the trigger's tree, then
    the discourse conventions among the words asked for, in text order), for
    any word of a parsed text: a verb, an event noun, an adjective.  An
    offset outside every word gives ``None``; so does a text with neither a
    time expression for the word nor a publication date.
    """
    parsed = sorted((s for s in sentences if s.words), key=lambda s: s.words[0].start)
    starts = [s.words[0].start for s in parsed]
    located: list[tuple[Sentence, Word] | None] = []
    for off in offsets:
        k = bisect.bisect_right(starts, off) - 1  # the last sentence starting at or before it
        sent = parsed[k] if k >= 0 else None
        located.append(
            next(((sent, w) for w in sent.words if w.start <= off < w.end), None)
            if sent is not None
            else None
        )
    order = sorted(
        (i for i, hit in enumerate(located) if hit is not None), key=lambda i: offsets[i]
    )
    mentions: list[Mention] = []
    for i in order:
        hit = located[i]
        assert hit is not None  # filtered above
        sent, word = hit
        past = (
            word.upos in ("VERB", "AUX")
            and tense_of(sent, word) == "past"
            and not in_reported_clause(sent, word)
        )
        definite = word.upos == "NOUN" and any(d.lower in DEFINITE for d in sent.deps(word, "det"))
        lo, hi = sent.words[0].start, sent.words[-1].end
        mentions.append(
            Mention(
                key=word.lemma or word.lower,
                sentence=Span(lo, hi, text[lo:hi]),
                date=date_event(sent, word, word, text, published),
                past=past,
                definite=definite,
                headline=told_by_headline(sent, word, text),
            )
        )
    dated = discourse_dates(
        mentions,
        text,
        published,
        story_day(parsed, text, published),
        lead_day(parsed, text, published),
    )
    out: list[EventDate | None] = [None] * len(offsets)
    for i, date in zip(order, dated, strict=True):
        out[i] = date
    return out
