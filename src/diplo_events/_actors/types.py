"""What kind of participant an actor is: a state, a government, an official, ...

The type is read from what the actor already carries (its CAMEO code, role
and name) and from the gazetteer's data (bodies, titles, the Phoenix agent
nouns), so it is the same whether the actor came from a parse or from a
user's own :class:`~diplo_events.Actor`.  It decides whether an event has a
political participant (:mod:`diplo_events._rules.relevance`).
"""

from __future__ import annotations

import datetime as dt

from .._events import Actor, ActorType
from . import gazetteer as gaz

__all__ = ["POLITICAL_TYPES", "actor_type", "may_be_political", "names_state_or_igo"]

#: The types event data codes as political actors (CAMEO's primary roles,
#: parties, intergovernmental bodies and armed groups).
POLITICAL_TYPES = frozenset(
    {
        ActorType.STATE,
        ActorType.GOVERNMENT,
        ActorType.OFFICIAL,
        ActorType.PARTY,
        ActorType.IGO,
        ActorType.ARMED_GROUP,
        ActorType.OPPOSITION,
    }
)

# CAMEO sectors, grouped by the type they give.  The state's own organs:
_STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})
_ARMED_SECTORS = frozenset({"REB", "UAF", "INS", "SEP", "IMG"})
_OPPOSITION_SECTORS = frozenset({"OPP", "RAD"})
_IGO_SECTORS = frozenset({"IGO", "PKO"})
# Sectors of bodies that are organizations when named, people when not
# ("Amnesty International" vs "doctors"): business, media, NGOs, churches ...
_ORGANIZATION_SECTORS = frozenset(
    {"NGO", "MNC", "BUS", "MED", "EDU", "REL", "LAB", "HLH", "HRI", "ENV", "DEV", "AGR",
     "NGM", "INT"}
)  # fmt: skip
# What makes "sources" officials.
_OFFICIAL_SOURCES = frozenset(
    {"diplomatic", "official", "government", "governmental", "military", "security",
     "intelligence", "ministry", "police"}
)  # fmt: skip
# Common nouns that stand for states ("Western allies").
_STATE_NOUNS = frozenset(
    {"country", "countries", "nation", "nations", "state", "states", "superpower",
     "superpowers", "power", "powers", "ally", "allies"}
)  # fmt: skip
_PERSON_PRONOUNS = frozenset(
    {"he", "him", "his", "himself", "she", "her", "hers", "herself", "i", "me", "my", "you"}
)


def _code_sector(code: str | None) -> str | None:
    """The sector a CAMEO actor code carries: "RUSGOV" -> "GOV", "IGOUNO" -> "IGO"."""
    if not code:
        return None
    if code[:3] in gaz.SECTORS:
        return code[:3]
    if gaz.is_country_code(code[:3]) and code[3:6] in gaz.SECTORS:
        return code[3:6]
    return None


def _named_body_code(text: str) -> str | None:
    """The code of an IGO or armed group a word or three of ``text`` name ("NATO allies")."""
    words = text.replace("'s", "").split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            org = gaz.organization_of(phrase)
            code = org[1] if org is not None else gaz.group_code(phrase)
            if code is None:
                continue
            if code.startswith("IGO") or _code_sector(code) in _ARMED_SECTORS:
                return code
    return None


def _capitalized(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in ("the", "of", "and", "for")]
    return bool(words) and all(w[:1].isupper() for w in words)


def actor_type(actor: Actor, on: dt.date | None = None) -> ActorType:
    """The type of ``actor``.

    The first that applies: a personal pronoun nobody was found for is a
    person; a sector (from the code, the role, the name read as a title or
    body, or the Phoenix agent noun at its end) gives an IGO, a party, an
    armed group, the opposition, or one of the state's organs -- an official
    when it is someone (a role, or a name coded as a person), else the
    government; a country's bare code on a name that is not a group of
    people is the state; a sector of business, media, NGOs and the like
    gives an organization when it is a name; a name with an organization's
    last word ("Institute") is an organization, another capitalized name of
    two words or more a person; anything else is ``other``.  ``on`` is the
    day a leader's name is looked up for.
    """
    name = actor.name.strip()
    lower = actor.text.strip().lower()
    if actor.code is None and actor.role is None and lower in _PERSON_PRONOUNS:
        return ActorType.PERSON
    title = gaz.split_title(name)
    last = name.split()[-1] if name.split() else ""
    sector = _code_sector(actor.code) or (gaz.role_sector(actor.role) if actor.role else None)
    if sector is None and actor.role is None and gaz.country_of(name) is not None:
        return ActorType.STATE  # "Russia", "the United States", "Beijing", "Russians"
    sector = (
        sector
        or title.sector
        or (gaz.split_title(last).sector if last else None)
        or (gaz.agent_sector(last) if last else None)
    )
    if sector in _IGO_SECTORS:
        return ActorType.IGO
    if sector == "PTY" or last.lower() in ("party", "parties"):
        return ActorType.PARTY
    if sector is None and last.lower() in _STATE_NOUNS:
        return ActorType.STATE  # "regional countries", "the two nations", "Western powers"
    if sector in _ARMED_SECTORS:
        return ActorType.ARMED_GROUP
    if sector in _OPPOSITION_SECTORS:
        return ActorType.OPPOSITION
    if sector in _STATE_SECTORS or sector == "ELI":
        someone = (
            actor.role is not None
            or sector == "ELI"
            or (title.sector is None and gaz.person_code(name, on) is not None)
        )
        return ActorType.OFFICIAL if someone else ActorType.GOVERNMENT
    if actor.role is not None:
        return ActorType.PERSON  # a role no state's: "cleric", "chief executive"
    if sector is None and last.lower() in ("source", "sources") and any(
        w.lower() in _OFFICIAL_SOURCES for w in actor.text.split()
    ):
        return ActorType.OFFICIAL  # "diplomatic sources", "government sources"
    code = actor.code or ""
    people = bool(last) and gaz.animacy(last.lower()) is True and gaz.country_of(last) is None
    if sector is None and ((len(code) == 3 and gaz.is_country_code(code)) or code == ""):
        if not people and len(code) == 3:
            return ActorType.STATE  # a country's code on a name the tables read as it
        body = _named_body_code(actor.text)
        if body is not None or gaz.countries_in(actor.text):
            # "Palestinian factions", "NATO allies", "Four Taliban members": a
            # body or group of a state, an IGO or an armed group whose head the
            # tables lack
            if body is None:
                return ActorType.GOVERNMENT
            return ActorType.IGO if body.startswith("IGO") else ActorType.ARMED_GROUP
    if gaz.has_organization_head(name) or code[:3] in ("NGO", "MNC"):
        return ActorType.ORGANIZATION
    if sector in _ORGANIZATION_SECTORS and _capitalized(name) and (not people or name.isupper()):
        return ActorType.ORGANIZATION
    if sector is None and _capitalized(name) and len(name.split()) > 1:
        return ActorType.PERSON
    return ActorType.OTHER


# Pronouns that may stand for a state or a body ("they said", "it warned").
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "it", "its", "those"})


def _capital_word(word: str) -> bool:
    """ "Putin", "al-Sadr", "bin Salman": a name's word (a lowercase particle joined
    by a hyphen to a capitalized one counts)."""
    return word[:1].isupper() or word.rpartition("-")[2][:1].isupper()


def names_state_or_igo(text: str) -> bool:
    """Whether ``text`` names a state (or its people or capital), an IGO or an armed group."""
    return bool(gaz.countries_in(text)) or _named_body_code(text) is not None


def may_be_political(actor: Actor, type_: ActorType) -> bool:
    """Whether an actor of a non-political type may still be one the tables lack.

    A proper name the dictionaries do not know (their leaders end in 2014;
    "Zelensky", an armed group founded since), a pronoun that may stand
    for a state or a body ("they") and a religious office ("Sunni clerics",
    an imam) are given the benefit of the doubt; a
    group of people ("pilgrims", "Kazakh oil workers"), a thing, and a
    personal pronoun nobody was found for ("she") are not.
    """
    if type_ in POLITICAL_TYPES:
        return True
    if actor.role is not None and gaz.role_sector(actor.role) == "REL":
        return True  # a cleric, an imam, a bishop: religious offices speak politically
    text = actor.text.strip().lower()
    if text in _GROUP_PRONOUNS:
        return True
    # What the text calls "he" or "the group" is judged by whom it resolved to.
    words = actor.name.split()
    if (
        len(words) > 1
        and words[-1].lower().removesuffix("s") in gaz.MEMBER_NOUNS
        and any(gaz.ACRONYM.fullmatch(w) for w in words[:-1])
    ):
        return True  # "TNA member": one of a body named by an acronym the tables lack
    if not words or not _capital_word(words[-1]):
        return False  # a common noun, or a pronoun nobody was found for
    last = words[-1].lower()
    if last in gaz.PRONOUNS or last == "none":  # "Someone", "Nobody" at a sentence's start
        return False
    if len(words) > 1 and _capitalized(actor.name):
        return True  # "Association of Muslim Scholars"
    return not (
        type_ is ActorType.OTHER
        and gaz.animacy(last) is True
        and gaz.country_of(words[-1]) is None
        and not gaz.has_organization_head(actor.name)
    )
