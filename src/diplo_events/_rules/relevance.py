"""Political-actor relevance: types on every actor, and whether an event has a political side.

Event data (CAMEO, PLOVER, ICEWS, POLECAT) codes interactions in which at
least one side is a political actor.  Each event's actors get their
:class:`~diplo_events.ActorType`; an event whose participants include none
that is or may be political (:func:`~diplo_events._actors.types.may_be_political`)
gets ``not_political``, the reason in words, and the extractor leaves it out
unless asked for everything.  Which participants count is the kind's
``political`` policy in the lexicon.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import attrs

from .._actors.types import actor_type, may_be_political, names_state_or_igo
from .._dates.anchoring import DEFINITE
from .._events import Actor, Event, EventKind
from .lexicon import KindInfo, Lexicon

__all__ = ["typed", "why_not_political"]


def _typed_actor(actor: Actor, on: dt.date | None) -> Actor:
    if actor.type is not None:
        return actor
    return attrs.evolve(actor, type=actor_type(actor, on))


def _unnamed_doer(event: Event, info: KindInfo) -> bool:
    """Force told by who suffered it, or by its weapon ("missiles struck")."""
    if event.agent is None:
        return True
    words = event.agent.name.lower().split()
    return bool(words) and (
        words[-1] in info.instruments or words[-1].removesuffix("s") in info.instruments
    )


# The determiners of a definite mention, as the discourse dating reads them, and the plurals.
_DEFINITE = DEFINITE | {"these", "those"}


def _mentioned_again(event: Event, earlier: set[EventKind]) -> bool:
    """ "The talks lasted five hours" after "X met Y": a definite mention of an
    event of a kind the document already told, with a political side."""
    if event.kind not in earlier:
        return False
    before = event.sentence.text[: event.trigger.start - event.sentence.start].split()[-2:]
    return any(w.lower() in _DEFINITE for w in before)


def why_not_political(
    event: Event,
    info: KindInfo,
    earlier: set[EventKind] | None = None,
    policy: str | None = None,
) -> str | None:
    """Why ``event`` has no political participant, in words; None when it has one.

    Its actors must carry their types (:func:`typed`).  ``earlier``: the
    kinds of the document's events before it that have a political side;
    ``policy``: its trigger's own ``political`` policy, else the kind's.
    """
    policy = policy or info.political
    if policy == "act":
        return None
    if policy == "doer" and _unnamed_doer(event, info):
        return None
    agent = [event.agent] if event.agent is not None else []
    if policy == "agent":
        parties, who = agent, "its agent"
    else:
        parties, who = agent + list(event.targets), "its participants"
    if not parties:
        # "a deal was reached through the European Union", "in a bilateral
        # meeting": the parties are elsewhere in the sentence, or unnamed, and
        # the sentence's states decide; "visits from search engines" has none.
        # "The talks lasted five hours" tells again what the document told.
        if names_state_or_igo(event.sentence.text) or _mentioned_again(event, earlier or set()):
            return None
        return f"no participant is named, and the sentence names no state ({who} must be)"
    for actor in parties:
        if actor.type is not None and may_be_political(actor, actor.type):
            return None
    listed = ", ".join(f"'{a.text}' ({a.type.value if a.type else 'untyped'})" for a in parties)
    return f"no political actor among {who}: {listed}"


def typed(
    events: Sequence[Event],
    lexicon: Lexicon,
    published: dt.date | None,
    policies: Mapping[int, str] | None = None,
) -> list[Event]:
    """The events with every actor typed and ``not_political`` set.

    ``policies``: the ``political`` policy of triggers that have their own,
    by the trigger's offset.
    """
    policies = policies or {}
    out: list[Event] = []
    political: set[EventKind] = set()
    for event in events:
        event = attrs.evolve(
            event,
            agent=_typed_actor(event.agent, published) if event.agent is not None else None,
            targets=tuple(_typed_actor(t, published) for t in event.targets),
        )
        info = lexicon.kinds.get(event.kind)
        reason = (
            why_not_political(event, info, political, policies.get(event.trigger.start))
            if info is not None
            else None
        )
        if reason is None:
            political.add(event.kind)
        out.append(attrs.evolve(event, not_political=reason) if reason else event)
    return out
