"""The event data model: frozen attrs value classes and the closed vocabularies.

This module imports nothing else of the package, so every other part (rules,
dates, outputs) can depend on it without cycles.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

import attrs

__all__ = [
    "Actor",
    "ActorType",
    "DateBasis",
    "Event",
    "EventDate",
    "EventKind",
    "Place",
    "Precision",
    "Span",
]


class EventKind(StrEnum):
    """What happened.  Values are stable strings, safe to store."""

    MEETING = "meeting"
    VISIT = "visit"
    BILL_SIGNING = "bill_signing"
    WARNING = "warning"
    THREAT = "threat"
    AGREEMENT = "agreement"
    ACCUSATION = "accusation"
    SANCTION = "sanction"
    AID = "aid"
    STATEMENT = "statement"
    PROPOSAL = "proposal"
    REQUEST = "request"
    PROMISE = "promise"
    REJECTION = "rejection"
    SUPPORT = "support"
    COOPERATION = "cooperation"
    CONCESSION = "concession"
    INVESTIGATION = "investigation"
    PROTEST = "protest"
    MOBILIZATION = "mobilization"
    COERCION = "coercion"
    ASSAULT = "assault"


class ActorType(StrEnum):
    """What kind of participant an actor is.  Values are stable strings, safe to store.

    The first seven are political actors in the sense of event data (CAMEO,
    PLOVER): by default an event needs one of them (docs/datamodel.md says how
    each is decided).
    """

    #: A country, or its capital or seat of government standing for it ("Beijing").
    STATE = "state"
    #: An organ of a state: a government, ministry, army, police, court, parliament.
    GOVERNMENT = "government"
    #: Someone holding or having held office: a head of state, minister, spokesman, MP.
    OFFICIAL = "official"
    #: A political party.
    PARTY = "party"
    #: An intergovernmental organization or its organs (the UN, NATO, the EU).
    IGO = "igo"
    #: Rebels, insurgents, militias, gunmen, separatists (CAMEO REB, UAF, INS, SEP, IMG).
    ARMED_GROUP = "armed_group"
    #: Dissidents, activists, protesters, the political opposition (CAMEO OPP, RAD).
    OPPOSITION = "opposition"
    #: A named company, NGO, news organization, church or university.
    ORGANIZATION = "organization"
    #: A named person without an office the text or the dictionaries give.
    PERSON = "person"
    #: Anyone else: groups of people ("pilgrims", "residents"), things, places.
    OTHER = "other"


class Precision(StrEnum):
    """How precise a resolved date is; ``EventDate.value`` is the period's first day."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    #: "now", "the past", "the future" (TIMEX3 ``PRESENT_REF`` and kin); the
    #: value is the reference date itself.
    REFERENCE = "reference"


class DateBasis(StrEnum):
    """Where an event's date came from."""

    #: The time expression names the date by itself ("April 24, 2024").
    EXPLICIT = "explicit"
    #: The time expression was resolved against the publication date ("Friday").
    RELATIVE = "relative"
    #: Without a time expression, the article's publication date.
    PUBLICATION = "publication"
    #: Taken from the clause or event the trigger is anchored to.
    INHERITED = "inherited"


@attrs.frozen
class Span:
    """A stretch of the input: ``text[start:end] == span.text`` on the text as passed."""

    start: int
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span offsets {self.start}..{self.end}")


@attrs.frozen
class EventDate:
    """A resolved date with its precision and TIMEX3 value.

    ``value`` is the first day of the period (``2024-04-01`` for "April
    2024"); ``end`` is the first day of the last period of a range ("from
    Monday to Wednesday"), else None.  ``time`` is the clock time when the
    expression gives one with its day ("9 a.m. Tuesday"); the ``timex`` then
    ends in it (``2000-04-04T09:00``).
    """

    value: dt.date
    precision: Precision
    timex: str
    basis: DateBasis
    text: str | None = None
    end: dt.date | None = None
    span: Span | None = None
    time: dt.time | None = None


@attrs.frozen
class Place:
    """Where an event took place."""

    text: str
    name: str
    #: ISO 3166-1 alpha-3 country code, when known.
    country: str | None = None
    span: Span | None = None


@attrs.frozen
class Actor:
    """A participant.

    ``text`` is as written ("his", "Blinken"); ``name`` is the fullest proper
    name the document gives for it ("Antony Blinken").
    """

    text: str
    name: str
    span: Span
    #: Office or function, such as "Secretary of State" or "spokesman".
    role: str | None = None
    #: ISO 3166-1 alpha-3 code of the country the actor belongs to or is.
    country: str | None = None
    #: CAMEO-style actor code, such as "USAGOV", "CHN" or "IGOUNO".
    code: str | None = None
    #: What kind of participant it is (None on an actor made by hand).
    type: ActorType | None = None


@attrs.frozen
class Event:
    """One event found in the text."""

    kind: EventKind
    trigger: Span
    sentence: Span
    agent: Actor | None = None
    targets: tuple[Actor, ...] = ()
    date: EventDate | None = None
    negated: bool = False
    #: Not asserted by the text: modal ("could meet"), conditional ("will
    #: impose sanctions if ..."), intended ("plans to visit") or denied
    #: ("denied supplying drones").
    hypothetical: bool = False
    location: Place | None = None
    #: What the event is about, when the text says ("a bipartisan bill").
    topic: str | None = None
    #: CAMEO event code (3 digits where the trigger says enough, else the root).
    cameo: str | None = None
    #: PLOVER event category, such as "CONSULT" or "THREATEN".
    plover: str | None = None
    #: Which rule fired, in words, for auditing.
    explanation: str = ""
    #: Why the default (``political_only=True``) leaves this event out -- no
    #: participant is a political actor -- or None when it keeps it.  Only
    #: events extracted with ``political_only=False`` can carry a reason.
    not_political: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dict (dates as ISO strings)."""
        plain: dict[str, Any] = _to_plain(attrs.asdict(self, recurse=True))
        return plain


def _to_plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return str(value)
    return value
