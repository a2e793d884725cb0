"""Lexicons: event kinds and trigger words as data, validated at load.

The bundled lexicon is ``diplo_events/data/lexicon.json``.  Users extend or
override it with their own file of the same shape (``Lexicon.load(path)``
merges it over the bundled one), so adding a trigger needs no code.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .._events import EventKind
from ..exceptions import LexiconError
from .codes import PLOVER_CATEGORIES, plover_for

__all__ = ["KindInfo", "Lexicon", "Trigger"]

_POS = {"VERB", "NOUN"}
_TRIGGER_KEYS = {
    "lemma",
    "pos",
    "kind",
    "cameo",
    "objects",
    "obl",
    "light_verbs",
    "needs_light_verb",
    "number",
    "particle",
    "targets",
    "needs_target",
    "animate_agent",
    "needs_clause",
    "needs_object",
    "agent_preps",
    "tagged_verb",
    "political",
    "context",
}


_ACTS = {"speech", "deed"}
#: Who must be a political actor for an event of a kind to be kept by default.
_POLITICAL = {"any", "agent", "doer", "act"}
_KIND_FLAGS = (
    "needs_agent",
    "symmetric",
    "topic",
    "place_targets",
    "responds",
    "gives",
    "deed_targets",
    "content_subject_targets",
    "reports",
    "press_is_no_party",
    "instrument_agents",
    "party_objects",
)
_KIND_KEYS = {"cameo", "description", "act", "political", "party_object_verbs", *_KIND_FLAGS}


@attrs.frozen
class KindInfo:
    """An event kind: its default codes, its description, and how its events are read.

    Every field but the codes and the description is a policy of the rule
    engine, written in the lexicon so that a kind's behaviour is data (the
    lexicon's ``about`` text says what each means).
    """

    kind: EventKind
    cameo: str
    #: From ``cameo`` by the official CAMEO-to-PLOVER table (None: PLOVER drops it).
    plover: str | None
    description: str
    #: "speech" (a thing said: a condition next to it is usually its content's) or "deed".
    act: str = "deed"
    #: No event without someone doing it.
    needs_agent: bool = False
    #: The parties take part alike ("Xi and Blinken met": one meeting, Xi the agent).
    symmetric: bool = False
    #: What the event is about is kept (the bill, the sanctions, the aid).
    topic: bool = False
    #: A place is a target ("visit Beijing") and the event's location.
    place_targets: bool = False
    #: It answers something proposed or done, whose author is its target.
    responds: bool = False
    #: Its recipient may hang on the thing given ("aid to Ukraine").
    gives: bool = False
    #: The target may be the one the announced deed is done to ("threatened to attack X").
    deed_targets: bool = False
    #: The subject of its content clause is the target ("demanded that Israel leave").
    content_subject_targets: bool = False
    #: It attributes speech: an "I" in what follows is its speaker.
    reports: bool = False
    #: Meeting only the press (reporters, journalists) is no event.
    press_is_no_party: bool = False
    #: Trigger verbs whose object must be a party, or there is no event ("met the deadline").
    party_object_verbs: frozenset[str] = frozenset()
    #: Its triggers without object conditions need a party as their object, when they
    #: have one ("held the suspects", not "held elections"; "freed the hostages", not
    #: "passed the budget"): ``party_object_verbs`` for every such verb of the kind.
    party_objects: bool = False
    #: Its agent may be the means ("missiles struck", "an airstrike killed"): weapons,
    #: aircraft and acts of force stand for whoever uses them.
    instrument_agents: bool = False
    #: The nouns that are such means (the lexicon's ``instruments``).
    instruments: frozenset[str] = frozenset()
    #: Which participant makes an event political (docs/datamodel.md): "any" (the
    #: agent or a target), "agent" (a visit is its visitor's), "doer" (as "any",
    #: and force whose doer is left out or is a weapon stands: "26 people were
    #: killed"), "act" (the act is political by itself: a strike, a protest).
    political: str = "any"


@attrs.frozen
class Trigger:
    """One trigger word and the constraints under which it fires."""

    lemma: str
    pos: str
    kind: EventKind
    cameo: str
    #: From ``cameo`` by the official CAMEO-to-PLOVER table (None: PLOVER drops it).
    plover: str | None
    objects: frozenset[str] = frozenset()
    obl: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    needs_light_verb: bool = False
    number: str | None = None
    particle: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    needs_target: bool = False
    animate_agent: bool = False
    needs_clause: bool = False
    needs_object: bool = False
    #: Fires only on a word the tagger itself called a verb, not on one the
    #: parse made a verb (the dictionary's verbs: "free", "fine", "best" are
    #: mostly adjectives).
    tagged_verb: bool = False
    #: The subject receives ("Ukraine received aid from Germany"): it is the
    #: target, and the agent is the object of one of these prepositions.
    agent_preps: frozenset[str] = frozenset()
    #: Overrides the kind's ``political`` policy for this trigger's events
    #: ("called off the strike": a strike is political by itself).
    political: str | None = None
    #: Fires only in a sentence with one of these words (lemma or form): the
    #: setting that decides the code ("sent troops" on a peacekeeping mission
    #: is peacekeeping, CAMEO 074).
    context: frozenset[str] = frozenset()
    #: The kind's policy (see :class:`KindInfo`).
    info: KindInfo | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def policy(self) -> KindInfo:
        """The kind's policy; every trigger built by a lexicon has one."""
        if self.info is None:
            raise LexiconError(f"trigger {self.lemma!r} was built without its kind's entry")
        return self.info


@attrs.frozen
class Lexicon:
    """Event kinds and triggers, indexed by (lemma, part of speech)."""

    kinds: Mapping[EventKind, KindInfo]
    triggers: tuple[Trigger, ...]
    #: For deeds announced or refused ("threats", "intents", "refusals"): the
    #: deed's CAMEO code (or a prefix) -> the code of announcing or refusing it
    #: ("162" stop aid -> "1311" threaten to stop aid).
    announced: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    #: The CAMEO code of a statement whose content is an obligation (None: not coded).
    obligation_cameo: str | None = None
    _index: Mapping[tuple[str, str], tuple[Trigger, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[tuple[str, str], list[Trigger]] = {}
        for t in self.triggers:
            index.setdefault((t.lemma, t.pos), []).append(t)
        object.__setattr__(self, "_index", {k: tuple(v) for k, v in index.items()})

    def announced_code(self, table: str, cameo: str | None) -> str | None:
        """The code of announcing (``table``) the deed coded ``cameo`` (longest prefix), or None."""
        codes = self.announced.get(table, {})
        if cameo is None:
            return None
        for length in range(len(cameo), 1, -1):
            code = codes.get(cameo[:length])
            if code is not None:
                return code
        return None

    def plover_of(self, cameo: str) -> str | None:
        """The PLOVER category of a CAMEO code (the table, then the documented decisions)."""
        return _plover(cameo)

    def lookup(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """Triggers for a lemma and coarse part of speech ("VERB" or "NOUN")."""
        return self._index.get((lemma, pos), ())

    @property
    def light_verbs(self) -> frozenset[str]:
        return frozenset(v for t in self.triggers for v in t.light_verbs)

    @classmethod
    def bundled(cls) -> Lexicon:
        return _bundled()

    @classmethod
    def load(cls, *paths: str | Path, replace: bool = False) -> Lexicon:
        """The bundled lexicon with the files in ``paths`` merged over it.

        A user file may add kinds' descriptions or codes and add triggers; a
        trigger with the same lemma, part of speech and kind as a bundled one
        replaces it.  The user's triggers are tried before the bundled ones of
        the same word.  With ``replace=True`` the bundled triggers are dropped.
        """
        raw = _read_bundled()
        kinds = dict(raw["kinds"])
        kind_sources = dict.fromkeys(kinds, _BUNDLED_SOURCE)
        # Each entry keeps where it came from: its own file and its place there.
        triggers: list[tuple[Mapping[str, Any], str]] = (
            [] if replace else _numbered(raw["triggers"], _BUNDLED_SOURCE)
        )
        mine: list[tuple[Mapping[str, Any], str]] = []
        for path in paths:
            data = _read_json(Path(path))
            raw_kinds = data.get("kinds", {})
            if not isinstance(raw_kinds, dict):
                raise LexiconError(f"{path}: 'kinds' must be an object")
            for name, info in raw_kinds.items():
                if not isinstance(info, dict):
                    raise LexiconError(f"{path}: kind {name!r}: expected an object")
                kinds[name] = {**kinds.get(name, {}), **info}
                kind_sources[name] = str(path)
            raw_triggers = data.get("triggers", [])
            if not isinstance(raw_triggers, list):
                raise LexiconError(f"{path}: 'triggers' must be a list")
            for entry, where in _numbered(raw_triggers, str(path)):
                key = _key(entry)
                triggers = [t for t in triggers if _key(t[0]) != key]
                mine = [t for t in mine if _key(t[0]) != key]
                mine.append((entry, where))
        # The user's entries are tried first: a lemma the bundled data reads
        # one way ("welcome": support) is read the user's way where theirs fires.
        triggers = mine + triggers
        return _build_from(kinds, kind_sources, triggers, raw)


_BUNDLED_SOURCE = "bundled lexicon.json"


def _numbered(entries: list[Any], source: str) -> list[tuple[Any, str]]:
    """Each entry with its place in its own file, counted from 1 ("FILE: trigger #3")."""
    return [(entry, f"{source}: trigger #{i}") for i, entry in enumerate(entries, 1)]


def _key(entry: Any) -> tuple[Any, Any, Any] | None:
    if not isinstance(entry, dict):
        return None  # never replaces anything; _trigger reports it
    return (entry.get("lemma"), entry.get("pos"), entry.get("kind"))


def _read_json(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon file {path} does not exist") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"lexicon file {path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon file {path} must hold a JSON object")
    return data


@functools.cache
def _read_bundled() -> Mapping[str, Any]:
    """The hand-written lexicon with the CAMEO verb dictionary's triggers after its own.

    The dictionary (``data/cameo_verbs.json``, converted from PETRARCH's
    CAMEO.2.0 by ``tools/build_cameo_verbs.py``) fills in verbs the
    hand-written lexicon lacks.  A verb with an unconditioned hand-written
    entry keeps only its own entries, whose policies were written for it ("met
    the deadline" is no meeting); a verb the lexicon has only with conditions
    ("withdraw" + peacekeepers) is tried on those first, then on the
    dictionary's.
    """
    data = _read_data("lexicon.json")
    verbs = _read_data(DICTIONARY_FILE)
    known = {
        (t.get("lemma"), t.get("pos"))
        for t in data["triggers"]
        if isinstance(t, dict) and not (t.keys() & _CONDITIONS)
    }
    # The dictionary's verbs fire on words tagged as verbs only: many of its
    # lemmas are mostly adjectives ("free", "fine", "best").
    extra = [
        {**t, "tagged_verb": True}
        for t in verbs["triggers"]
        if (t.get("lemma"), t.get("pos")) not in known
    ]
    return {**data, "instruments": verbs.get("instruments", []),
            "triggers": [*data["triggers"], *extra]}


#: Trigger keys that restrict when an entry fires.
_CONDITIONS = frozenset(
    {"objects", "obl", "particle", "number", "needs_light_verb", "context"}
)

#: The bundled triggers converted from the CAMEO verb dictionary.
DICTIONARY_FILE = "cameo_verbs.json"


@functools.cache
def _read_data(name: str) -> Mapping[str, Any]:
    text = resources.files("diplo_events").joinpath(f"data/{name}").read_text("utf-8")
    data: Mapping[str, Any] = json.loads(text)
    return data


def _strings(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return frozenset(v.lower() for v in value)


def _build(data: Mapping[str, Any], source: str) -> Lexicon:
    raw_kinds = data.get("kinds")
    if not isinstance(raw_kinds, dict) or not raw_kinds:
        raise LexiconError(f"{source}: 'kinds' must be a non-empty object")
    raw_triggers = data.get("triggers")
    if not isinstance(raw_triggers, list):
        raise LexiconError(f"{source}: 'triggers' must be a list")
    return _build_from(raw_kinds, dict.fromkeys(raw_kinds, source),
                       _numbered(raw_triggers, source), data)


def _build_from(
    raw_kinds: Mapping[str, Any],
    kind_sources: Mapping[str, str],
    raw_triggers: Iterable[tuple[Any, str]],
    data: Mapping[str, Any],
) -> Lexicon:
    """The lexicon of kinds and triggers, each named by its own file in any error.

    ``data`` is the bundled document, for what only it holds: the
    dictionary's ``instruments``, the ``announced`` codes and ``obligation``.
    """
    raw_instruments = data.get("instruments", [])
    instruments = _strings(raw_instruments, "instruments") if raw_instruments else frozenset()
    kinds: dict[EventKind, KindInfo] = {}
    for name, info in raw_kinds.items():
        where = f"{kind_sources[name]}: kind {name!r}"
        try:
            kind = EventKind(name)
        except ValueError:
            known = ", ".join(k.value for k in EventKind)
            raise LexiconError(f"{where}: unknown event kind (known: {known})") from None
        if not isinstance(info, dict):
            raise LexiconError(f"{where}: expected an object")
        cameo = info.get("cameo")
        if not (isinstance(cameo, str) and cameo.isdigit() and 2 <= len(cameo) <= 4):
            raise LexiconError(f"{where}: 'cameo' must be a CAMEO code like '040'")
        _no_hand_plover(info, where)
        kinds[kind] = _kind_info(kind, cameo, _plover(cameo), info, where)
        if kinds[kind].instrument_agents:
            kinds[kind] = attrs.evolve(kinds[kind], instruments=instruments)
    triggers = tuple(_trigger(entry, kinds, where) for entry, where in raw_triggers)
    return Lexicon(kinds=kinds, triggers=triggers, announced=_announced(data.get("announced", {})),
                   obligation_cameo=_obligation(data.get("obligation")))


def _obligation(raw: Any) -> str | None:
    if raw is None:
        return None
    code = raw.get("cameo") if isinstance(raw, dict) else None
    if not (isinstance(code, str) and code.isdigit() and 2 <= len(code) <= 4):
        raise LexiconError(f"{_BUNDLED_SOURCE}: obligation: needs a CAMEO code, 'cameo'")
    return code


#: The tables of ``announced`` and the CAMEO root each maps into.
_ANNOUNCED_ROOTS = {"threats": "13", "intents": "03", "refusals": "12"}


def _announced(raw: Any) -> dict[str, dict[str, str]]:
    where = f"{_BUNDLED_SOURCE}: announced"
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected an object")
    out: dict[str, dict[str, str]] = {}
    for table, root in _ANNOUNCED_ROOTS.items():
        codes = raw.get(table, {})
        if not isinstance(codes, dict):
            raise LexiconError(f"{where} {table!r}: expected an object")
        for deed, code in codes.items():
            if not (isinstance(deed, str) and deed.isdigit() and isinstance(code, str)
                    and code.isdigit() and code.startswith(root)):
                raise LexiconError(
                    f"{where} {table!r}: {deed!r}: expected a CAMEO code and a {root}x code"
                )
        out[table] = dict(codes)
    return out


def _no_hand_plover(entry: Mapping[str, Any], where: str) -> None:
    if "plover" in entry:
        raise LexiconError(
            f"{where}: 'plover' is not set by hand: it follows from 'cameo' by the official "
            "CAMEO-to-PLOVER table (give the CAMEO code that says what the event is)"
        )


def _plover(cameo: str) -> str | None:
    code = plover_for(cameo, _decisions())
    return None if code is None else code.category


@functools.cache
def _decisions() -> Mapping[str, str]:
    """The lexicon's documented decisions for CAMEO codes the table leaves uncoded."""
    raw = _read_bundled().get("plover_decisions", {})
    out: dict[str, str] = {}
    for code, decision in raw.items():
        where = f"{_BUNDLED_SOURCE}: plover_decisions {code!r}"
        if not (isinstance(code, str) and code.isdigit() and isinstance(decision, dict)):
            raise LexiconError(f"{where}: expected a CAMEO code and an object")
        category, why = decision.get("category"), decision.get("why")
        if category not in PLOVER_CATEGORIES or not (isinstance(why, str) and why.strip()):
            raise LexiconError(f"{where}: needs a PLOVER 'category' and the reason, 'why'")
        out[code] = category
    return out


def _kind_info(
    kind: EventKind, cameo: str, plover: str | None, info: Mapping[str, Any], where: str
) -> KindInfo:
    unknown = set(info) - _KIND_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)} (known: {sorted(_KIND_KEYS)})")
    act = info.get("act", "deed")
    if act not in _ACTS:
        raise LexiconError(f"{where}: 'act' must be one of {sorted(_ACTS)}")
    political = info.get("political", "any")
    if political not in _POLITICAL:
        raise LexiconError(f"{where}: 'political' must be one of {sorted(_POLITICAL)}")
    # Any: mypy cannot tell that these keys are KindInfo's boolean fields only
    flags: dict[str, Any] = {}
    for key in _KIND_FLAGS:
        value = info.get(key, False)
        if not isinstance(value, bool):
            raise LexiconError(f"{where}: {key!r} must be true or false")
        flags[key] = value
    verbs = info.get("party_object_verbs", [])
    return KindInfo(
        kind,
        cameo,
        plover,
        str(info.get("description", "")),
        act=act,
        political=political,
        party_object_verbs=_strings(verbs, f"{where} 'party_object_verbs'"),
        **flags,
    )


def _trigger(entry: Any, kinds: Mapping[EventKind, KindInfo], where: str) -> Trigger:
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: expected an object")
    _no_hand_plover(entry, where)
    unknown = set(entry) - _TRIGGER_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
    lemma, pos, kind_name = entry.get("lemma"), entry.get("pos"), entry.get("kind")
    where = f"{where} ({lemma!r})"
    if not isinstance(lemma, str) or not lemma.strip():
        raise LexiconError(f"{where}: 'lemma' must be a non-empty string")
    if pos not in _POS:
        raise LexiconError(f"{where}: 'pos' must be one of {sorted(_POS)}")
    try:
        kind = EventKind(str(kind_name))
    except ValueError:
        raise LexiconError(f"{where}: unknown kind {kind_name!r}") from None
    if kind not in kinds:
        raise LexiconError(f"{where}: kind {kind_name!r} has no entry under 'kinds'")
    cameo = entry.get("cameo", kinds[kind].cameo)
    if not (isinstance(cameo, str) and cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise LexiconError(f"{where}: 'cameo' must be a CAMEO code like '040'")
    plover = _plover(cameo)
    flags = {}
    for key in (
        "needs_light_verb",
        "needs_target",
        "animate_agent",
        "needs_clause",
        "needs_object",
        "tagged_verb",
    ):
        value = entry.get(key, False)
        if not isinstance(value, bool):
            raise LexiconError(f"{where}: {key!r} must be true or false")
        flags[key] = value
    number = entry.get("number")
    if number not in (None, "Sing", "Plur"):
        raise LexiconError(f"{where}: 'number' must be 'Sing' or 'Plur'")
    political = entry.get("political")
    if political is not None and political not in _POLITICAL:
        raise LexiconError(f"{where}: 'political' must be one of {sorted(_POLITICAL)}")
    lists: dict[str, frozenset[str]] = {
        key: _strings(entry[key], f"{where} {key!r}") if key in entry else frozenset()
        for key in (
            "objects", "obl", "light_verbs", "particle", "targets", "agent_preps", "context"
        )
    }
    return Trigger(
        lemma=lemma.lower(),
        pos=pos,
        kind=kind,
        cameo=cameo,
        plover=plover,
        number=number,
        objects=lists["objects"],
        obl=lists["obl"],
        light_verbs=lists["light_verbs"],
        particle=lists["particle"],
        targets=lists["targets"],
        agent_preps=lists["agent_preps"],
        context=lists["context"],
        needs_light_verb=flags["needs_light_verb"],
        needs_target=flags["needs_target"],
        animate_agent=flags["animate_agent"],
        needs_clause=flags["needs_clause"],
        needs_object=flags["needs_object"],
        tagged_verb=flags["tagged_verb"],
        political=political,
        info=kinds[kind],
    )


_BUNDLED: list[Lexicon] = []


def _bundled() -> Lexicon:
    # Built once; a list avoids a global statement and keeps mypy happy.
    if not _BUNDLED:
        _BUNDLED.append(_build(_read_bundled(), source=_BUNDLED_SOURCE))
    return _BUNDLED[0]


def describe(lexicon: Lexicon) -> Iterable[tuple[KindInfo, list[Trigger]]]:
    """Kinds with their triggers, for the generated taxonomy page."""
    for kind, info in lexicon.kinds.items():
        yield info, [t for t in lexicon.triggers if t.kind is kind]
