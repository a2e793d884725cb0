"""PLOVER codes derived from CAMEO codes, by the official table, never by hand.

``data/cameo_plover.json`` is the PLOVER project's CAMEO-to-PLOVER table
(draft 0.8, 2021; CC BY-SA 4.0).  A CAMEO code takes the entry of the table
for that code, or else of its nearest listed parent (``0331`` -> ``033``),
or else its two-digit root's single category, as the manual's note on the
table says ("everything at the 3- and 4-digit level should simply be reduced
to the 2-digit cue category").  A root the table drops (01 MAKE PUBLIC
STATEMENT; 02 APPEAL) has no category, except where the lexicon documents a
decision (``plover_decisions`` in ``data/lexicon.json``), as the manual asks
of any exception.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs

__all__ = ["PLOVER_CATEGORIES", "PloverCode", "plover_for"]

#: PLOVER 2.0's sixteen categories.
PLOVER_CATEGORIES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip


@attrs.frozen
class PloverCode:
    """A PLOVER category with the mode and context the table gives its CAMEO code."""

    category: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    #: The table's CAMEO code this was read from ("03" for a root; the decision's code).
    source: str = ""


@functools.cache
def _table() -> Mapping[str, Any]:
    text = resources.files("diplo_events").joinpath("data/cameo_plover.json").read_text("utf-8")
    data: Mapping[str, Any] = json.loads(text)
    return data


def _entry(code: str, entry: Mapping[str, Any]) -> PloverCode:
    return PloverCode(
        category=str(entry["category"]),
        mode=entry.get("mode"),
        context=tuple(entry.get("context") or ()),
        source=code,
    )


def plover_for(cameo: str, decisions: Mapping[str, str] | None = None) -> PloverCode | None:
    """The PLOVER code of a CAMEO code (see the module's docstring), or None.

    ``decisions`` maps CAMEO codes or roots the table leaves without a
    category to one (the lexicon's documented decisions); the table wins
    wherever it has an entry.
    """
    table = _table()
    codes: Mapping[str, Any] = table["codes"]
    for length in range(len(cameo), 2, -1):
        entry = codes.get(cameo[:length])
        if entry is not None:
            return _entry(cameo[:length], entry)
    root = cameo[:2]
    categories = table["roots"].get(root, [])
    if len(categories) == 1:
        return PloverCode(category=categories[0], source=root)
    for length in range(len(cameo), 1, -1):
        decided = (decisions or {}).get(cameo[:length])
        if decided is not None:
            return PloverCode(category=decided, source=cameo[:length])
    return None
