"""The one-shot functions, over a lazily built default :class:`Extractor`."""

from __future__ import annotations

import threading

from ._events import Event
from ._extractor import Extractor
from ._text import DateLike, check_text, to_date

__all__ = ["default_extractor", "extract_events"]

_default: list[Extractor] = []
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The shared extractor behind :func:`extract_events`, built once on first use."""
    if not _default:
        with _default_lock:
            if not _default:
                _default.append(Extractor.load())
    return _default[0]


def extract_events(
    text: str, published: DateLike = None, *, political_only: bool = True
) -> list[Event]:
    """Events in ``text`` with the bundled model (loaded lazily, once, thread-safely).

    By default only events with a political participant (a state, government,
    official, party, IGO, armed group or the opposition, or a name the tables
    do not know); ``political_only=False`` returns every event, those the
    default leaves out with the reason in ``Event.not_political``.

    >>> events = extract_events("date 2024-04-26\\n\\nBlinken met Wang Yi in Beijing on Friday.")
    >>> [(e.kind.value, e.agent.name, e.date.timex) for e in events]
    [('meeting', 'Blinken', '2024-04-26')]
    """
    check_text(text)
    to_date(published)
    if not text.strip():
        return []
    return default_extractor().extract(text, published, political_only=political_only)
