"""Incidents: the real-world event behind one or more event mentions.

A story tells its main event several times ("arrived in China on Wednesday",
"his visit to Beijing"); :func:`incidents_of` groups the mentions of one
document, :func:`group_incidents` those of many.

Within a document, a mention joins an incident when, against every mention
already in it:

* the kind is the same;
* the actors are the same actors (the canonical names the library resolves,
  so "Blinken", "the secretary of state" and "he" agree; a country and its
  capital used as the country agree by their country code): the agents
  agree and one side's targets are among the other's -- for the kinds whose
  parties are symmetric (meeting, agreement, cooperation), the parties of
  one are among the parties of the other;
* the dates are compatible: the same period, or one inside the other; a
  date that is only the publication date (basis ``publication``) says
  nothing and agrees with any;
* nothing contradicts it: negated against asserted, hypothetical against
  asserted.

A mention that lacks an agent or targets where the kind has them is joined
only when exactly one incident fits; with several ("talks" with no named
partner on a day with two meetings) it stays an incident of its own, and
its explanation names the candidates.  A mention that fully fits several
incidents stays apart too: the text does not say which it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from ._batch import Result
from ._dates.resolver import date_span
from ._events import Actor, DateBasis, Event, EventDate, EventKind, Place, Precision, _to_plain

__all__ = ["INCIDENT_KEYS", "Incident", "group_incidents", "incidents_of"]

#: Kinds whose agent and targets are parties alike: "Xi met Blinken" is
#: "Blinken met Xi".
SYMMETRIC = frozenset({EventKind.MEETING, EventKind.AGREEMENT, EventKind.COOPERATION})
#: Kinds whose mentions name a target when the text gives one; a mention
#: of them without targets is partial.
_TARGETED = frozenset({
    EventKind.MEETING, EventKind.VISIT, EventKind.WARNING, EventKind.THREAT,
    EventKind.ACCUSATION, EventKind.SANCTION, EventKind.AID, EventKind.AGREEMENT,
    EventKind.REQUEST, EventKind.REJECTION, EventKind.SUPPORT, EventKind.COOPERATION,
    EventKind.COERCION, EventKind.ASSAULT,
})  # fmt: skip
_PRECISION_ORDER = {p: i for i, p in enumerate(Precision)}
_BASIS_ORDER = {
    DateBasis.EXPLICIT: 0,
    DateBasis.RELATIVE: 1,
    DateBasis.INHERITED: 2,
    DateBasis.PUBLICATION: 3,
}


@attrs.frozen
class Incident:
    """One real-world event and the mentions that tell it.

    ``mentions`` are the events in text order (across documents, in the
    order given), ``sources`` the document id of each (``None`` when
    unknown).  The other fields sum the mentions up: the fullest agent, every
    target once, the most precise date the mentions support (with its basis;
    the publication date when none has a date of its own), the first
    location, the most specific CAMEO code.
    """

    kind: EventKind
    mentions: tuple[Event, ...]
    sources: tuple[str | None, ...]
    agent: Actor | None = None
    targets: tuple[Actor, ...] = ()
    date: EventDate | None = None
    location: Place | None = None
    negated: bool = False
    hypothetical: bool = False
    cameo: str | None = None
    plover: str | None = None
    #: Why these mentions are one incident, or why a mention stayed apart.
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dict; each mention as :meth:`Event.to_dict` gives it."""
        plain: dict[str, Any] = _to_plain(attrs.asdict(self, recurse=True))
        plain["mention_count"] = len(self.mentions)
        return plain


# -- matching ------------------------------------------------------------------


def same_actor(a: Actor, b: Actor) -> bool:
    """The same actor: the same canonical name, two country-level actors (a
    country, its capital as the country) of one country code, or a name
    that ends the other's ("Blinken", "Antony Blinken") with no code against it."""
    if a.name.casefold() == b.name.casefold():
        return True
    if a.code and b.code and len(a.code) == 3 and a.code == b.code:
        return True
    # Across documents one story may name "Antony Blinken", another only
    # "Blinken": the shorter name ends the longer, and no codes disagree.
    if a.code and b.code and a.code != b.code:
        return False
    short, full = sorted((a.name.split(), b.name.split()), key=len)
    return len(short) < len(full) and short[0][:1].isupper() and full[-len(short) :] == short


def _among(few: Sequence[Actor], many: Sequence[Actor]) -> bool:
    return all(any(same_actor(a, b) for b in many) for a in few)


def _parties(event: Event) -> tuple[Actor, ...]:
    return ((event.agent,) if event.agent is not None else ()) + event.targets


def _known(date: EventDate | None) -> bool:
    return date is not None and date.basis is not DateBasis.PUBLICATION


def _dates_agree(a: EventDate | None, b: EventDate | None) -> bool:
    if not (_known(a) and _known(b)):
        return True
    assert a is not None and b is not None  # known
    sa, sb = date_span(a), date_span(b)
    if sa is None or sb is None:  # "now", "recently": no period to compare
        return True
    inside = sa[0] >= sb[0] and sa[1] <= sb[1]
    return inside or (sb[0] >= sa[0] and sb[1] <= sa[1])


def _partial(event: Event) -> bool:
    """A mention that leaves out a party the kind has."""
    if event.agent is None:
        return True
    return event.kind in _TARGETED and not event.targets


def _fits(event: Event, other: Event) -> bool:
    """Whether two mentions may tell the same real-world event."""
    if event.kind is not other.kind:
        return False
    if event.negated != other.negated or event.hypothetical != other.hypothetical:
        return False
    if not _dates_agree(event.date, other.date):
        return False
    if event.kind in SYMMETRIC:
        p, q = _parties(event), _parties(other)
        return _among(p, q) or _among(q, p)
    if (
        event.agent is not None
        and other.agent is not None
        and not same_actor(event.agent, other.agent)
    ):
        return False
    if event.targets and other.targets:
        return _among(event.targets, other.targets) or _among(other.targets, event.targets)
    return True


# -- summing up ------------------------------------------------------------------


def _best_date(mentions: Sequence[Event]) -> EventDate | None:
    known = [e.date for e in mentions if e.date is not None and _known(e.date)]
    if not known:
        return next((e.date for e in mentions if e.date is not None), None)

    def rank(d: EventDate) -> tuple[int, bool, bool, int]:
        precision, basis = _PRECISION_ORDER[d.precision], _BASIS_ORDER[d.basis]
        return precision, d.end is not None, d.time is None, basis

    return min(known, key=rank)


def _union(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for a in actors:
        for i, b in enumerate(out):
            if same_actor(a, b):
                # the fullest name, and of one name a mention that writes it ("Blinken", not "he")
                if (len(a.name), a.text[:1].isupper()) > (len(b.name), b.text[:1].isupper()):
                    out[i] = a
                break
        else:
            out.append(a)
    return tuple(out)


def _trigger_list(mentions: Sequence[Event]) -> str:
    return ", ".join(f"'{e.trigger.text}' (char {e.trigger.start})" for e in mentions)


def _summed(
    mentions: Sequence[Event], sources: Sequence[str | None], note: str = ""
) -> Incident:
    first = mentions[0]
    agents = _union(e.agent for e in mentions if e.agent is not None)
    agent = max(agents, key=lambda a: len(a.name)) if agents else None
    if first.kind in SYMMETRIC and agent is not None:
        targets = tuple(
            a for a in _union(a for e in mentions for a in _parties(e)) if not same_actor(a, agent)
        )
    else:
        targets = _union(a for e in mentions for a in e.targets)
    coded = [e for e in mentions if e.cameo]
    coder = max(coded, key=lambda e: len(e.cameo or "")) if coded else first
    if len(mentions) == 1:
        why = f"one mention, {_trigger_list(mentions)}"
    else:
        why = (
            f"{len(mentions)} mentions of one {first.kind.value}, {_trigger_list(mentions)}: "
            "the same kind and parties, compatible dates, none contradicting another"
        )
    return Incident(
        kind=first.kind,
        mentions=tuple(mentions),
        sources=tuple(sources),
        agent=agent,
        targets=targets,
        date=_best_date(mentions),
        location=next((e.location for e in mentions if e.location is not None), None),
        negated=first.negated,
        hypothetical=first.hypothetical,
        cameo=coder.cameo,
        plover=coder.plover,
        explanation=f"{why}{note}",
    )


# -- grouping ----------------------------------------------------------------------


def _group(
    events: Sequence[Event], fits: Callable[[Event, Event], bool]
) -> tuple[list[list[int]], dict[int, str]]:
    """Indices of ``events`` grouped, groups in the order of their first
    mention; notes on the mentions left apart, by group.

    Mentions that name their parties are grouped first, in text order; a
    partial one then joins the one group it fits, so that "talks" with no
    partner, told before the second of two meetings that day, is not given
    to the first for being told earlier.
    """
    by_kind: dict[EventKind, list[list[int]]] = {}  # only mentions of one kind can merge
    notes: dict[int, str] = {}
    order = [i for i, e in enumerate(events) if not _partial(e)]
    order += [i for i, e in enumerate(events) if _partial(e)]
    for i in order:
        event = events[i]
        groups = by_kind.setdefault(event.kind, [])
        candidates = [g for g in groups if all(fits(event, events[j]) for j in g)]
        if len(candidates) == 1:
            candidates[0].append(i)
            candidates[0].sort()
            continue
        if len(candidates) > 1:
            named = ", ".join(_trigger_list([events[g[0]]]) for g in candidates)
            what = "leaves out a party" if _partial(event) else "fits"
            notes[i] = (
                f". It {what} and could belong to {len(candidates)} incidents (first "
                f"mentions {named}): the text does not say which, so it stays apart"
            )
        groups.append([i])
    groups = sorted((g for gs in by_kind.values() for g in gs), key=lambda g: g[0])
    return groups, {k: notes[g[0]] for k, g in enumerate(groups) if g[0] in notes}


def incidents_of(events: Sequence[Event], source: str | None = None) -> list[Incident]:
    """The incidents of one document's events, ordered by their first mention.

    ``source`` (the document's id) is recorded with every mention.

    >>> from diplo_events import extract_events, incidents_of  # doctest: +SKIP
    >>> incidents = incidents_of(extract_events(article))      # doctest: +SKIP
    """
    groups, notes = _group(events, _fits)
    return [
        _summed([events[j] for j in g], [source] * len(g), notes.get(i, ""))
        for i, g in enumerate(groups)
    ]


#: How :func:`group_incidents` keys incidents across documents.
INCIDENT_KEYS = ("story", "corpus", "dataset")


def _day(date: EventDate | None) -> dt.date | None:
    if date is None or date.precision is not Precision.DAY or date.end is not None:
        return None
    return date.value


def _across(a: Incident, b: Incident) -> bool:
    """Incidents of two documents that are one: same kind, agent, targets and known day."""
    if a.kind is not b.kind or a.negated != b.negated or a.hypothetical != b.hypothetical:
        return False
    day = _day(a.date)
    if day is None or day != _day(b.date) or not (_known(a.date) and _known(b.date)):
        return False
    if a.agent is None or b.agent is None:
        return False
    if a.kind in SYMMETRIC:  # "Xi met Blinken" in one story, "Blinken met Xi" in another
        p = (a.agent, *a.targets)
        q = (b.agent, *b.targets)
        return _among(p, q) and _among(q, p)
    if not same_actor(a.agent, b.agent):
        return False
    return _among(a.targets, b.targets) and _among(b.targets, a.targets)


def _dataset_key(event: Event) -> tuple[str, str, str, str]:
    def who(actor: Actor | None) -> str:
        if actor is None:
            return ""
        return actor.country or actor.code or actor.name

    target = who(event.targets[0]) if event.targets else ""
    day = event.date.value.isoformat() if event.date is not None else ""
    return who(event.agent), target, event.cameo or event.kind.value, day


def group_incidents(
    documents: Iterable[Result] | Iterable[tuple[str | None, Sequence[Event]]],
    key: str = "story",
) -> list[Incident]:
    """Incidents over many documents: the results of
    :meth:`Extractor.extract_many <diplo_events.Extractor.extract_many>`, or
    ``(id, events)`` pairs.

    ``key`` says what is one incident:

    * ``"story"``: the incidents of each document (:func:`incidents_of`),
      none merged across documents;
    * ``"corpus"``: those, and incidents of different documents merged
      when kind, agent and targets agree and both are dated to the same day
      by the text itself (a publication date alone never merges two
      stories);
    * ``"dataset"``: the convention of event datasets such as ICEWS: one
      record per agent country, target country, CAMEO code and day (the
      event's date, down to its first day), each event a mention.
    """
    if key not in INCIDENT_KEYS:
        raise ValueError(f"key must be one of {INCIDENT_KEYS}, not {key!r}")
    docs: list[tuple[str | None, list[Event]]] = [
        (item.id, list(item.events)) if isinstance(item, Result) else (item[0], list(item[1]))
        for item in documents
    ]
    if key == "dataset":
        keyed: dict[tuple[str, str, str, str], list[tuple[str | None, Event]]] = {}
        for doc_id, events in docs:
            for e in events:
                keyed.setdefault(_dataset_key(e), []).append((doc_id, e))
        out = []
        for (agent, target, code, day), members in keyed.items():
            inc = _summed([e for _, e in members], [d for d, _ in members])
            out.append(attrs.evolve(inc, explanation=(
                f"{len(members)} mention(s) with agent country {agent or '-'}, target country "
                f"{target or '-'}, code {code} and day {day or '-'}: one dataset record"
            )))
        return out
    stories = [inc for doc_id, events in docs for inc in incidents_of(events, doc_id)]
    if key == "story":
        return stories
    # Only incidents of one kind, dated by their texts to one day, can merge:
    # compared within those buckets, a corpus is not compared pair by pair.
    merged: list[list[Incident]] = []
    buckets: dict[tuple[EventKind, dt.date], list[list[Incident]]] = {}
    for inc in stories:
        when = _day(inc.date) if _known(inc.date) else None
        if when is None:
            merged.append([inc])
            continue
        bucket = buckets.setdefault((inc.kind, when), [])
        for group in bucket:
            if all(_across(inc, other) for other in group):
                group.append(inc)
                break
        else:
            bucket.append([inc])
            merged.append(bucket[-1])
    result = []
    for group in merged:
        if len(group) == 1:
            result.append(group[0])
            continue
        mentions = [e for inc in group for e in inc.mentions]
        sources = [s for inc in group for s in inc.sources]
        summed = _summed(mentions, sources)
        result.append(attrs.evolve(summed, explanation=(
            f"{summed.explanation}; told by {len(group)} documents on the same day"
        )))
    return result
