"""Actor knowledge: countries, organizations, titles, places and animacy.

Pure string functions: no parser, no stanza.  They answer the questions the rule code
asks about a mention -- which state does "Beijing" stand for, which IGO is "the UN",
what is the role, country and name in "US Secretary of State Antony Blinken", is
"Crimea" a place and whose, can "the ministry" warn anyone -- in CAMEO terms
(ISO 3166-1 alpha-3 country codes, three-letter role codes such as ``GOV``, ``MIL``,
``LEG``, and IGO codes such as ``IGOUNO``).

Knowledge comes from two sources.  :mod:`pycountry` supplies every country's ISO name,
common name and official name; the JSON files in ``diplo_events/data/actors/`` supply
what it lacks:

``countries.json``
    short and historical names ("Britain", "Burma"), demonyms ("Chinese", "Filipino"),
    capitals ("Kyiv", "Kiev"), combining forms ("Sino-"), ambiguity lists.
``organizations.json``
    IGOs (and the NGOs CAMEO codes) with their CAMEO codes and aliases.
``bodies.json``
    seats of government used for the state ("the Kremlin"), national bodies ("State
    Department"), generic bodies ("foreign ministry", "army"), news media, armed groups.
``roles.json``
    titles and person nouns with their CAMEO sector, aliases ("Gen."), prefixes
    ("Deputy", "former"), words to skip ("top") and honorifics ("Mr.").
``places.json``
    regions, seas, disputed and sub-national territories, diplomatic venues.
``animacy.json``
    pronouns and the lemmas that can or cannot be agents.
``agents.json``
    agent nouns ("bomber", "militant", "farmer") with their CAMEO agent codes,
    converted from PETRARCH's Phoenix agents dictionary by
    ``tools/build_phoenix_agents.py``; each is an animate head.
``groups.json``
    non-state armed groups and IGOs of the Phoenix actor dictionaries ("Taliban",
    ``AFGREB``; "OPEC") with their aliases, converted by
    ``tools/build_phoenix_groups.py``; read by :func:`group_code`.
``people.json``
    the leaders of the Phoenix country actors (heads of state and government,
    ministers, party leaders; the dictionary ends in 2014) with the names it gives
    them and their CAMEO actor codes by period, converted by
    ``tools/build_phoenix_people.py``; read by :func:`person_code`, lazily, apart
    from the other files.

The files are read lazily, once, on first use, and validated: a malformed file raises
:class:`~diplo_events.exceptions.LexiconError` naming the file and the entry.  Lookups
are dictionary lookups on normalised keys (accents, curly quotes, dots and case folded;
a leading "the" and a trailing possessive dropped) and are cached.  All-capital
abbreviations of up to three letters ("US", "UK", "UN", "WHO") match case-sensitively,
so the pronouns "us" and "who" never do; a few names that are also common words
("china", "turkey", "chad", "polish") need a capital letter.

Users extend the built-in knowledge with :func:`register_country_aliases` or with a JSON
file of the same shape passed to :func:`load_gazetteer`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any, Final, NoReturn, TypeVar

import attrs
import pycountry

from ..exceptions import InputError, LexiconError

__all__ = [
    "ACRONYM",
    "MEMBER_NOUNS",
    "ORGANIZATIONS",
    "PRONOUNS",
    "SECTORS",
    "Title",
    "actor_code",
    "agent_sector",
    "animacy",
    "countries_in",
    "country_of",
    "group_code",
    "has_organization_head",
    "is_animate_head",
    "is_country_code",
    "is_place_name",
    "load_gazetteer",
    "organization_of",
    "person_code",
    "place_country",
    "register_country_aliases",
    "role_sector",
    "split_title",
]

#: The CAMEO role codes a :attr:`Title.sector` (and :func:`actor_code`) may carry:
#: primary roles (GOV, MIL, REB, OPP, ...), secondary roles (LEG, MED, BUS, ...) and
#: the international types (IGO, NGO, ...).
SECTORS: Final[frozenset[str]] = frozenset(
    {
        # primary roles
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
        # secondary roles
        "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB",
        "LEG", "MED", "REF", "REL", "PTY", "SET", "MOD", "RAD",
        # international / transnational types
        "IGO", "NGO", "MNC", "IMG", "NGM", "INT", "PKO",
    }
)  # fmt: skip

_DATA_LABEL: Final = "diplo_events/data/actors"
_DETERMINERS: Final = frozenset({"the", "a", "an"})
_PREPOSITIONS: Final = frozenset({"of", "to", "for", "in", "at", "on"})
_CODE_RE: Final = re.compile(r"[A-Z]{3}")
_ORG_CODE_RE: Final = re.compile(r"(?:[A-Z]{3}){2,5}")
_ABBREV_RE: Final = re.compile(r"[A-Z0-9&]{2,3}")
_COMPOUND_SPLIT_RE: Final = re.compile(r"[-/]")
_CACHE_SIZE: Final = 1 << 16

_CHAR_MAP: Final = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2212": "-", ".": "", ",": " ", "\u00a0": " ",
    }
)  # fmt: skip
_STRIP_CHARS: Final = "'\"\u201c\u201d\u00ab\u00bb()[]{}:;!?*"

_V = TypeVar("_V")


# --------------------------------------------------------------------------- tokens


def _normalize(text: str) -> str:
    """Accents dropped, quotes and dashes unified, dots removed, commas made spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(_CHAR_MAP)


@attrs.frozen(slots=True)
class _Tok:
    """One whitespace token: as written, folded for lookup, and case-kept for abbrevs."""

    raw: str
    fold: str
    abbr: str
    possessive: bool


def _make_tok(raw: str) -> _Tok | None:
    plain = _normalize(raw).strip().strip(_STRIP_CHARS).strip()
    possessive = False
    if plain.endswith("'s") and len(plain) > 2:
        plain, possessive = plain[:-2], True
    elif raw.rstrip().endswith(("'", "\u2019")) and plain.endswith("s"):
        possessive = True  # "the Philippines'"
    if not plain:
        return None
    return _Tok(raw=raw, fold=plain.casefold(), abbr=plain, possessive=possessive)


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for raw in text.replace(",", " ").split():
        tok = _make_tok(raw)
        if tok is not None:
            out.append(tok)
    return out


def _drop_the(toks: list[_Tok]) -> list[_Tok]:
    if len(toks) > 1 and toks[0].fold == "the":
        return toks[1:]
    return toks


def _phrase_key(text: str) -> str:
    """The lookup key of a whole phrase: folded tokens, leading "the" dropped."""
    return " ".join(t.fold for t in _drop_the(_tokens(text)))


def _abbrev_of(alias: str) -> str | None:
    """The case-kept key if ``alias`` is a short all-capital abbreviation ("U.S.", "WHO")."""
    toks = _tokens(alias)
    if len(toks) == 1 and _ABBREV_RE.fullmatch(toks[0].abbr) and not toks[0].abbr.isdigit():
        return toks[0].abbr
    return None


def _key_variants(key: str) -> list[str]:
    """A key and, for hyphenated names, the spaced spelling ("guinea bissau")."""
    if "-" in key:
        spaced = " ".join(key.replace("-", " ").split())
        if spaced and spaced != key:
            return [key, spaced]
    return [key]


def _plural(phrase: str) -> str | None:
    """Regular English plural of the last word of a key, or None where it would be odd."""
    head, _, last = phrase.rpartition(" ")
    if _PREPOSITIONS.intersection(phrase.split()) or len(last) < 2 or not last.isalpha():
        return None
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("person"):
        plural = last[:-6] + "people"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def _head_word(key: str) -> str:
    """The head noun of a key: "secretary of state" -> "secretary", "army chief" -> "chief"."""
    words = key.split()
    for index, word in enumerate(words[1:], start=1):
        if word in _PREPOSITIONS:
            return words[index - 1]
    return words[-1]


def _demonym_plural(key: str) -> str | None:
    if key.endswith(("ese", "s", "sh", "ch", "x", "z")):
        return None  # Chinese, Swiss, British, French
    return _plural(key)


# --------------------------------------------------------------------------- tables


@attrs.frozen(slots=True)
class _CountryHit:
    code: str
    kind: str  # "name" | "capital" | "demonym" | "seat"


@attrs.frozen(slots=True)
class _Org:
    name: str
    code: str

    @property
    def sector(self) -> str:
        return self.code[:3]  # "IGO" or "NGO"


@attrs.frozen(slots=True)
class _Body:
    name: str
    sector: str
    country: str | None
    seat: bool


@attrs.frozen(slots=True)
class _Prefix:
    display: str
    sector: str | None


_MISSING: Final = object()


class _Tables:
    """Every lookup table, built once from the data files plus user extensions."""

    def __init__(self) -> None:
        self.known_codes: set[str] = set()
        self.countries: dict[str, _CountryHit] = {}
        self.country_abbrevs: dict[str, _CountryHit] = {}
        self.combining: dict[str, str] = {}
        self.participles: set[str] = set()
        self.ambiguous_lower: set[str] = set()
        self.orgs: dict[str, _Org] = {}
        self.org_abbrevs: dict[str, _Org] = {}
        self.org_codes: dict[str, str] = {}
        #: Armed groups and IGOs of the Phoenix dictionaries, after ``orgs``.
        self.groups: dict[str, _Org] = {}
        self.bodies: dict[str, _Body] = {}
        self.body_abbrevs: dict[str, _Body] = {}
        self.roles: dict[str, str] = {}
        self.role_sectors: dict[str, str] = {}
        self.inherit: set[str] = set()
        self.prefixes: dict[str, _Prefix] = {}
        self.skip: set[str] = set()
        self.honorifics: set[str] = set()
        self.places: dict[str, str | None] = {}
        self.regional_adjectives: set[str] = set()
        self.pronouns: dict[str, bool | None] = {}
        self.animate: set[str] = set()
        self.inanimate: set[str] = set()
        #: Agent nouns of the Phoenix dictionary: lemma -> CAMEO agent code.
        self.agents: dict[str, str] = {}
        self.organization_heads: set[str] = set()
        # derived in finish()
        self.scan: dict[str, str | None] = {}
        self.scan_abbrevs: dict[str, str | None] = {}
        self.heads: set[str] = set()
        self.maxlen: dict[str, int] = {}

    def finish(self) -> _Tables:
        """Derive the scanning tables and the animate heads once everything is loaded."""
        for key in self.places:
            self.scan[key] = None
        for key in self.regional_adjectives:
            self.scan[key] = None
        for key in self.orgs:
            self.scan[key] = None
        for key, body in self.bodies.items():
            self.scan[key] = body.country if body.seat else None
        for key, hit in self.countries.items():
            self.scan[key] = hit.code
        for abbr in self.org_abbrevs:
            self.scan_abbrevs[abbr] = None
        for abbr, body in self.body_abbrevs.items():
            self.scan_abbrevs[abbr] = body.country if body.seat else None
        for abbr, hit in self.country_abbrevs.items():
            self.scan_abbrevs[abbr] = hit.code
        for role in self.roles:
            self.heads.add(_head_word(role))
        for key, body in self.bodies.items():
            if body.country is None:
                self.heads.add(_head_word(key))
        self.heads -= self.inanimate
        tables: dict[str, Iterable[str]] = {
            "scan": self.scan,
            "countries": self.countries,
            "orgs": self.orgs,
            "bodies": self.bodies,
            "roles": self.roles,
            "prefixes": self.prefixes,
        }
        for name, keys in tables.items():
            self.maxlen[name] = max((len(k.split()) for k in keys), default=1)
        return self


# --------------------------------------------------------------------------- validation


def _fail(source: str, entry: object, message: str) -> NoReturn:
    raise LexiconError(f"{source}: entry {entry!r}: {message}")


def _as_dict(value: object, source: str, entry: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(source, entry, f"expected a JSON object, got {type(value).__name__}")
    return value


def _as_list(value: object, source: str, entry: object) -> list[Any]:
    if not isinstance(value, list):
        _fail(source, entry, f"expected a JSON list, got {type(value).__name__}")
    return value


def _as_str(value: object, source: str, entry: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(source, entry, f"{what} must be a non-empty string, got {value!r}")
    return value


def _as_str_list(value: object, source: str, entry: object, what: str) -> list[str]:
    items = _as_list(value, source, entry)
    return [_as_str(item, source, entry, f"each of {what}") for item in items]


def _check_keys(
    obj: Mapping[str, Any],
    source: str,
    entry: object,
    *,
    allowed: Iterable[str],
    required: Iterable[str] = (),
) -> None:
    allowed_set = set(allowed) | {"_comment", "note"}
    for key in obj:
        if key not in allowed_set:
            _fail(source, entry, f"unknown field {key!r} (expected one of {sorted(allowed_set)})")
    for key in required:
        if key not in obj:
            _fail(source, entry, f"missing field {key!r}")


def _as_code(value: object, tables: _Tables, source: str, entry: object) -> str:
    code = _as_str(value, source, entry, "a country code")
    if not _CODE_RE.fullmatch(code):
        _fail(source, entry, f"country code {code!r} is not three capital letters")
    if code not in tables.known_codes:
        _fail(source, entry, f"unknown country code {code!r} (not ISO 3166-1/3 nor declared)")
    return code


def _as_sector(value: object, source: str, entry: object) -> str:
    sector = _as_str(value, source, entry, "a sector")
    if sector not in SECTORS:
        _fail(source, entry, f"unknown CAMEO sector {sector!r} (expected one of {sorted(SECTORS)})")
    return sector


def _key_of(alias: str, source: str, entry: object) -> str:
    key = _phrase_key(alias)
    if not key:
        _fail(source, entry, f"alias {alias!r} is empty once normalised")
    return key


def _put(
    table: dict[str, _V],
    key: str,
    value: _V,
    source: str,
    entry: object,
    *,
    override: bool,
) -> None:
    old = table.get(key, _MISSING)
    if old is not _MISSING and old != value and not override:
        _fail(source, entry, f"{key!r} is already defined as {old!r}")
    table[key] = value


def _parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(
            f"{source}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc


def _read_data_file(name: str) -> Any:
    """Parsed contents of a bundled data file (a seam the tests replace)."""
    source = f"{_DATA_LABEL}/{name}"
    resource = resources.files("diplo_events").joinpath("data").joinpath("actors").joinpath(name)
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{source}: cannot read the file: {exc}") from exc
    return _parse_json(text, source)


# --------------------------------------------------------------------------- loaders


def _pycountry_names(name: str) -> Iterator[str]:
    """ISO names and their reading-order variants ("Korea, Republic of" -> "Republic of Korea")."""
    yield name
    base = name
    if "(" in name and name.endswith(")"):
        base, _, inside = name[:-1].partition("(")
        base = base.strip()
        yield base
        if "part" not in inside:
            yield inside.strip()
    if ", " in base:
        head, _, tail = base.partition(", ")
        if tail.endswith((" of", " of the")) or len(tail.split()) == 1:
            yield f"{tail} {head}"


def _load_codes(tables: _Tables, doc: Mapping[str, Any], source: str) -> None:
    tables.known_codes.update(c.alpha_3 for c in pycountry.countries)
    tables.known_codes.update(c.alpha_3 for c in pycountry.historic_countries)
    extra = _as_dict(doc.get("extra_codes", {}), source, "extra_codes")
    for code, label in extra.items():
        if not _CODE_RE.fullmatch(code):
            _fail(source, code, "extra code must be three capital letters")
        _as_str(label, source, code, "the label of an extra code")
        tables.known_codes.add(code)


def _add_country_alias(
    tables: _Tables, alias: str, hit: _CountryHit, source: str, entry: object, *, override: bool
) -> None:
    abbr = _abbrev_of(alias)
    if abbr is not None:
        _put(tables.country_abbrevs, abbr, hit, source, entry, override=override)
        return
    for key in _key_variants(_key_of(alias, source, entry)):
        old = tables.countries.get(key)
        if old is not None and old.code == hit.code:
            continue  # "Djibouti" the country and the capital
        _put(tables.countries, key, hit, source, entry, override=override)


def _load_country_entries(tables: _Tables, entries: object, source: str, *, override: bool) -> None:
    countries = _as_dict(entries, source, "countries")
    plurals: list[tuple[str, _CountryHit]] = []
    for code, raw_entry in countries.items():
        _as_code(code, tables, source, code)
        entry = _as_dict(raw_entry, source, code)
        _check_keys(entry, source, code, allowed=("names", "demonyms", "capitals"))
        for field, kind in (("names", "name"), ("capitals", "capital"), ("demonyms", "demonym")):
            for alias in _as_str_list(entry.get(field, []), source, code, field):
                hit = _CountryHit(code, kind)
                _add_country_alias(tables, alias, hit, source, code, override=override)
                if kind == "demonym" and _abbrev_of(alias) is None:
                    plural = _demonym_plural(_key_of(alias, source, code))
                    if plural is not None:
                        plurals.append((plural, hit))
    for key, hit in plurals:
        tables.countries.setdefault(key, hit)


def _load_countries(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(
        root,
        source,
        "<top level>",
        allowed=(
            "extra_codes",
            "combining_forms",
            "compound_participles",
            "lowercase_ambiguous",
            "countries",
        ),
        required=("countries",),
    )
    _load_codes(tables, root, source)
    _load_country_entries(tables, root["countries"], source, override=False)
    # pycountry fills in what the data file does not say; the data file wins.
    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            for variant in _pycountry_names(value):
                hit = _CountryHit(code, "name")
                abbr = _abbrev_of(variant)
                if abbr is not None:
                    tables.country_abbrevs.setdefault(abbr, hit)
                    continue
                for key in _key_variants(_phrase_key(variant)):
                    if key:
                        tables.countries.setdefault(key, hit)
    combining = _as_dict(root.get("combining_forms", {}), source, "combining_forms")
    for form, code in combining.items():
        _as_code(code, tables, source, form)
        tables.combining[_key_of(form, source, form)] = code
    for word in _as_str_list(
        root.get("compound_participles", []), source, "compound_participles", "participles"
    ):
        tables.participles.add(_key_of(word, source, word))
    for word in _as_str_list(
        root.get("lowercase_ambiguous", []), source, "lowercase_ambiguous", "words"
    ):
        tables.ambiguous_lower.add(_key_of(word, source, word))


def _coded_entries(
    entries: object, source: str, what: str
) -> Iterator[tuple[str, str, list[str]]]:
    """``(name, code, names and aliases)`` of each entry of an organizations-shaped list."""
    for index, raw_entry in enumerate(_as_list(entries, source, what)):
        entry = _as_dict(raw_entry, source, f"{what}[{index}]")
        label = entry.get("name", f"{what}[{index}]")
        _check_keys(
            entry, source, label, allowed=("name", "code", "aliases"), required=("name", "code")
        )
        name = _as_str(entry["name"], source, label, "name")
        code = _as_str(entry["code"], source, name, "code")
        if not _ORG_CODE_RE.fullmatch(code):
            _fail(source, name, f"code {code!r} is not a CAMEO actor code")
        yield name, code, [name, *_as_str_list(entry.get("aliases", []), source, name, "aliases")]


def _load_org_entries(tables: _Tables, entries: object, source: str, *, override: bool) -> None:
    for name, code, aliases in _coded_entries(entries, source, "organizations"):
        if code[:3] not in {"IGO", "NGO"}:
            _fail(source, name, f"code {code!r} is not an IGO.../NGO... CAMEO code")
        if name in tables.org_codes and not override:
            _fail(source, name, "organization listed twice")
        tables.org_codes[name] = code
        org = _Org(name, code)
        for alias in aliases:
            abbr = _abbrev_of(alias)
            if abbr is not None:
                _put(tables.org_abbrevs, abbr, org, source, name, override=override)
                continue
            for key in _key_variants(_key_of(alias, source, name)):
                _put(tables.orgs, key, org, source, name, override=override)


def _load_body_entries(tables: _Tables, entries: object, source: str, *, override: bool) -> None:
    for index, raw_entry in enumerate(_as_list(entries, source, "bodies")):
        entry = _as_dict(raw_entry, source, f"bodies[{index}]")
        label = entry.get("name", f"bodies[{index}]")
        _check_keys(
            entry,
            source,
            label,
            allowed=("name", "sector", "country", "seat", "aliases"),
            required=("name", "sector"),
        )
        name = _as_str(entry["name"], source, label, "name")
        sector = _as_sector(entry["sector"], source, name)
        country = entry.get("country")
        if country is not None:
            country = _as_code(country, tables, source, name)
        seat = entry.get("seat", False)
        if not isinstance(seat, bool):
            _fail(source, name, f"'seat' must be true or false, got {seat!r}")
        if seat and country is None:
            _fail(source, name, "a seat of government needs a 'country'")
        body = _Body(name, sector, country, seat)
        for alias in [name, *_as_str_list(entry.get("aliases", []), source, name, "aliases")]:
            abbr = _abbrev_of(alias)
            if abbr is not None:
                _put(tables.body_abbrevs, abbr, body, source, name, override=override)
                continue
            for key in _key_variants(_key_of(alias, source, name)):
                _put(tables.bodies, key, body, source, name, override=override)
                plural = _plural(key) if country is None else None
                if plural is not None:
                    tables.bodies.setdefault(plural, body)


def _load_role_entries(
    tables: _Tables,
    roles: object,
    aliases: object,
    source: str,
    *,
    override: bool,
) -> None:
    plurals: list[tuple[str, str]] = []
    for role, sector in _as_dict(roles, source, "roles").items():
        _as_str(role, source, role, "a role")
        tables.role_sectors[role] = _as_sector(sector, source, role)
        key = _key_of(role, source, role)
        _put(tables.roles, key, role, source, role, override=override)
        plural = _plural(key)
        if plural is not None:
            plurals.append((plural, role))
    for alias, target in _as_dict(aliases, source, "aliases").items():
        _as_str(alias, source, alias, "an alias")
        target = _as_str(target, source, alias, "the role an alias stands for")
        if target not in tables.role_sectors:
            _fail(source, alias, f"alias of unknown role {target!r}")
        _put(tables.roles, _key_of(alias, source, alias), target, source, alias, override=override)
    for key, role in plurals:
        tables.roles.setdefault(key, role)


def _load_roles(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(
        root,
        source,
        "<top level>",
        allowed=("roles", "aliases", "inherit", "prefixes", "skip", "honorifics"),
        required=("roles",),
    )
    _load_role_entries(tables, root["roles"], root.get("aliases", {}), source, override=False)
    for role in _as_str_list(root.get("inherit", []), source, "inherit", "roles"):
        if role not in tables.role_sectors:
            _fail(source, role, "listed in 'inherit' but not a role")
        tables.inherit.add(role)
    for display, sector in _as_dict(root.get("prefixes", {}), source, "prefixes").items():
        _as_str(display, source, display, "a prefix")
        override_sector = None if sector is None else _as_sector(sector, source, display)
        tables.prefixes[_key_of(display, source, display)] = _Prefix(display, override_sector)
    for word in _as_str_list(root.get("skip", []), source, "skip", "words"):
        tables.skip.add(_key_of(word, source, word))
    for word in _as_str_list(root.get("honorifics", []), source, "honorifics", "words"):
        tables.honorifics.add(_key_of(word, source, word))


def _load_place_entries(tables: _Tables, entries: object, source: str, *, override: bool) -> None:
    for name, code in _as_dict(entries, source, "places").items():
        _as_str(name, source, name, "a place name")
        value = None if code is None else _as_code(code, tables, source, name)
        for key in _key_variants(_key_of(name, source, name)):
            _put(tables.places, key, value, source, name, override=override)


def _load_places(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(
        root, source, "<top level>", allowed=("places", "regional_adjectives"), required=("places",)
    )
    _load_place_entries(tables, root["places"], source, override=False)
    for adjective in _as_str_list(
        root.get("regional_adjectives", []), source, "regional_adjectives", "adjectives"
    ):
        tables.regional_adjectives.update(_key_variants(_key_of(adjective, source, adjective)))


def _load_animacy_words(tables: _Tables, root: Mapping[str, Any], source: str) -> None:
    for word in _as_str_list(
        root.get("organization_heads", []), source, "organization_heads", "words"
    ):
        tables.organization_heads.add(word.lower())
    for field, target in (("animate", tables.animate), ("inanimate", tables.inanimate)):
        for word in _as_str_list(root.get(field, []), source, field, "lemmas"):
            target.add(_key_of(word, source, word))


def _load_animacy(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(
        root,
        source,
        "<top level>",
        allowed=("pronouns", "animate", "inanimate", "organization_heads"),
        required=("pronouns", "animate", "inanimate"),
    )
    for pronoun, value in _as_dict(root["pronouns"], source, "pronouns").items():
        if value is not None and not isinstance(value, bool):
            _fail(source, pronoun, f"expected true, false or null, got {value!r}")
        tables.pronouns[_key_of(pronoun, source, pronoun)] = value
    _load_animacy_words(tables, root, source)
    both = tables.animate & tables.inanimate
    if both:
        _fail(source, sorted(both)[0], "listed as both animate and inanimate")


_EXTENSION_FIELDS: Final = (
    "countries",
    "organizations",
    "bodies",
    "roles",
    "role_aliases",
    "places",
    "animate",
    "inanimate",
    "organization_heads",
)


def _apply_extension(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(root, source, "<top level>", allowed=_EXTENSION_FIELDS)
    if "countries" in root:
        _load_country_entries(tables, root["countries"], source, override=True)
    if "organizations" in root:
        _load_org_entries(tables, root["organizations"], source, override=True)
    if "bodies" in root:
        _load_body_entries(tables, root["bodies"], source, override=True)
    if "roles" in root or "role_aliases" in root:
        _load_role_entries(
            tables, root.get("roles", {}), root.get("role_aliases", {}), source, override=True
        )
    if "places" in root:
        _load_place_entries(tables, root["places"], source, override=True)
    for word in _as_str_list(
        root.get("organization_heads", []), source, "organization_heads", "words"
    ):
        tables.organization_heads.add(word.lower())
    for word in _as_str_list(root.get("animate", []), source, "animate", "lemmas"):
        key = _key_of(word, source, word)
        tables.inanimate.discard(key)
        tables.animate.add(key)
    for word in _as_str_list(root.get("inanimate", []), source, "inanimate", "lemmas"):
        key = _key_of(word, source, word)
        tables.animate.discard(key)
        tables.inanimate.add(key)


def _load_agents(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(
        root, source, "<top level>", allowed=("about", "licence", "agents"), required=("agents",)
    )
    for word, code in _as_dict(root["agents"], source, "agents").items():
        if not (isinstance(code, str) and len(code) == 3 and code.isalpha()):
            _fail(source, word, f"expected a three-letter CAMEO agent code, got {code!r}")
        tables.agents[_key_of(word, source, word)] = code


def _load_groups(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(
        root, source, "<top level>", allowed=("about", "licence", "groups"), required=("groups",)
    )
    for name, code, aliases in _coded_entries(root["groups"], source, "groups"):
        group = _Org(name, code)
        for alias in aliases:
            for key in _key_variants(_key_of(alias, source, name)):
                # the hand-written tables come first; the converter dropped shared names
                tables.groups.setdefault(key, group)


def _load_orgs_file(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(
        root, source, "<top level>", allowed=("organizations",), required=("organizations",)
    )
    _load_org_entries(tables, root["organizations"], source, override=False)


def _load_bodies_file(tables: _Tables, doc: object, source: str) -> None:
    root = _as_dict(doc, source, "<top level>")
    _check_keys(root, source, "<top level>", allowed=("bodies",), required=("bodies",))
    _load_body_entries(tables, root["bodies"], source, override=False)


# Extensions registered by the user, in order: (source label, parsed JSON document).
_EXTENSIONS: list[tuple[str, object]] = []


def _build(extensions: Sequence[tuple[str, object]]) -> _Tables:
    tables = _Tables()
    loaders: tuple[tuple[str, Callable[[_Tables, object, str], None]], ...] = (
        ("countries.json", _load_countries),
        ("places.json", _load_places),
        ("organizations.json", _load_orgs_file),
        ("bodies.json", _load_bodies_file),
        ("roles.json", _load_roles),
        ("animacy.json", _load_animacy),
        ("agents.json", _load_agents),
        ("groups.json", _load_groups),
    )
    for name, loader in loaders:
        loader(tables, _read_data_file(name), f"{_DATA_LABEL}/{name}")
    for source, doc in extensions:
        _apply_extension(tables, doc, source)
    return tables.finish()


@functools.cache
def _tables() -> _Tables:
    return _build(tuple(_EXTENSIONS))


# --------------------------------------------------------------------------- matching


def _longest(
    folds: Sequence[str], start: int, table: Mapping[str, _V], maxlen: int
) -> tuple[int, _V] | None:
    """Longest key of ``table`` spelled by ``folds[start:]``, as (length, value)."""
    for size in range(min(maxlen, len(folds) - start), 0, -1):
        value = table.get(" ".join(folds[start : start + size]), _MISSING)
        if value is not _MISSING:
            return size, value  # type: ignore[return-value]
    return None


def _capitalised(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def _country_hit(toks: list[_Tok], original: str) -> _CountryHit | None:
    """The country a whole phrase names (name, capital, demonym, seat), if any."""
    tables = _tables()
    toks = _drop_the(toks)
    if not toks:
        return None
    key = " ".join(t.fold for t in toks)
    hit = tables.countries.get(key)
    if hit is not None and (key not in tables.ambiguous_lower or _capitalised(original)):
        return hit
    if len(toks) == 1:
        hit = tables.country_abbrevs.get(toks[0].abbr)
        if hit is not None:
            return hit
    body = tables.bodies.get(key)
    if body is None and len(toks) == 1:
        body = tables.body_abbrevs.get(toks[0].abbr)
    if body is not None and body.seat and body.country is not None:
        return _CountryHit(body.country, "seat")
    return None


def _compound_codes(text: str) -> tuple[str, ...] | None:
    """Countries of a hyphenated compound ("Sino-US", "US-led"), all parts resolving."""
    toks = _drop_the(_tokens(text))
    if len(toks) != 1:
        return None
    raw = _normalize(toks[0].raw).strip().strip(_STRIP_CHARS)
    if raw.endswith("'s"):
        raw = raw[:-2]
    parts = [p for p in _COMPOUND_SPLIT_RE.split(raw) if p]
    if len(parts) < 2:
        return None
    tables = _tables()
    codes: list[str] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        hit = _country_hit(_tokens(part), part)
        if hit is not None:
            codes.append(hit.code)
            continue
        fold = part.casefold()
        if not last and fold in tables.combining:
            codes.append(tables.combining[fold])
        elif last and codes and fold in tables.participles and part.islower():
            pass  # "US-led", "China-backed"
        else:
            return None
    return tuple(codes) if codes else None


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _country_of(text: str) -> str | None:
    hit = _country_hit(_tokens(text), text)
    if hit is not None:
        return hit.code
    codes = _compound_codes(text)
    return codes[0] if codes else None


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _countries_in(text: str) -> tuple[str, ...]:
    tables = _tables()
    # (token, compound group or 0, may be a combining form such as "Sino")
    items: list[tuple[_Tok, int, bool]] = [(t, 0, False) for t in _tokens(text)]
    found: list[tuple[str, int, bool]] = []  # (code, group, via a combining form)
    groups = 0
    folds = [item[0].fold for item in items]
    i = 0
    while i < len(items):
        tok, group, combining_ok = items[i]
        match = _longest(folds, i, tables.scan, tables.maxlen["scan"])
        if (
            match is not None
            and match[0] == 1
            and tok.fold in tables.ambiguous_lower
            and not _capitalised(tok.raw)
        ):
            match = None
        if match is None and tok.abbr in tables.scan_abbrevs:
            match = (1, tables.scan_abbrevs[tok.abbr])
        if match is not None:
            size, code = match
            if code is not None:
                found.append((code, group, False))
            i += size
            continue
        if group == 0 and _COMPOUND_SPLIT_RE.search(_normalize(tok.raw)):
            parts = [p for p in _COMPOUND_SPLIT_RE.split(_normalize(tok.raw)) if p.strip()]
            new = [_make_tok(p) for p in parts]
            if len(parts) > 1 and all(t is not None for t in new):
                groups += 1
                items[i : i + 1] = [
                    (t, groups, k < len(new) - 1) for k, t in enumerate(new) if t is not None
                ]
                folds = [item[0].fold for item in items]
                continue
        if combining_ok and tok.fold in tables.combining:
            found.append((tables.combining[tok.fold], group, True))
        i += 1
    confirmed = {group for _, group, via in found if not via and group}
    result: list[str] = []
    for code, group, via in found:
        if via and group not in confirmed:
            continue  # "Anglo-Saxon" names no country
        if code not in result:
            result.append(code)
    return tuple(result)


def country_of(text: str) -> str | None:
    """ISO 3166-1 alpha-3 code of the state a name, demonym, capital or seat refers to.

    Accepts official and common names ("China", "the United States", "U.S.", "US",
    "America", "Britain", "South Korea", "the Philippines"), demonyms and adjectives
    ("Chinese", "American", "Filipino", "Palestinian" -> ``PSE``), capitals and seats of
    government used for the state ("Beijing", "Washington", "Kyiv"/"Kiev", "the
    Kremlin", "the White House", "Downing Street") and hyphenated compounds, whose first
    country is returned ("Sino-US" -> ``CHN``, "US-led" -> ``USA``; see
    :func:`countries_in` for all of them).  Case-insensitive except for short
    abbreviations ("US" but not "us"); a leading "the" and a possessive are ignored.

    >>> country_of("the Kremlin"), country_of("Sino-US"), country_of("pro-Russian")
    ('RUS', 'CHN', None)
    """
    return _country_of(text)


def countries_in(text: str) -> tuple[str, ...]:
    """Every country a short phrase names, in order of first mention, without repeats.

    Splits compounds ("Sino-US" -> ``("CHN", "USA")``, "Israeli-Palestinian" ->
    ``("ISR", "PSE")``) and scans multi-word phrases longest-first, so "US and Chinese
    officials" gives ``("USA", "CHN")`` while "South China Sea", "Latin American" and
    "African Union" name no country.  Regions and territories (Crimea) count as places,
    not countries: use :func:`place_country` for them.
    """
    return _countries_in(text)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _organization_of(text: str) -> tuple[str, str] | None:
    tables = _tables()
    toks = _drop_the(_tokens(text))
    if not toks:
        return None
    org = tables.orgs.get(" ".join(t.fold for t in toks))
    if org is None and len(toks) == 1:
        org = tables.org_abbrevs.get(toks[0].abbr)
    return None if org is None else (org.name, org.code)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def group_code(text: str) -> str | None:
    """The CAMEO code of an armed group or IGO the Phoenix dictionaries name, else None.

    ``group_code("the Taliban") == "AFGREB"``, ``group_code("FARC") == "COLREB"``;
    a name the hand-written tables know (a country, a body, an organization)
    is theirs, not a group's.
    """
    tables = _tables()
    key = _phrase_key(text)
    if not key or key in tables.countries or key in tables.bodies:
        return None
    if _organization_of(text) is not None:
        return None
    group = tables.groups.get(key)
    return group.code if group is not None else None


def organization_of(text: str) -> tuple[str, str] | None:
    """``(canonical name, CAMEO code)`` of an international organization, else None.

    >>> organization_of("the U.N."), organization_of("NATO")
    (('United Nations', 'IGOUNO'), ('NATO', 'IGOWSTNAT'))
    """
    return _organization_of(text)


class _OrganizationsView(Mapping[str, str]):
    """Read-only, lazily loaded view: canonical organization name -> CAMEO code."""

    def __getitem__(self, key: str) -> str:
        return _tables().org_codes[key]

    def __iter__(self) -> Iterator[str]:
        return iter(_tables().org_codes)

    def __len__(self) -> int:
        return len(_tables().org_codes)

    def __repr__(self) -> str:
        return f"ORGANIZATIONS({len(self)} organizations)"


class _PronounsView(Mapping[str, "bool | None"]):
    """Read-only, lazily loaded view: lowercase pronoun -> animate (True/False/None)."""

    def __getitem__(self, key: str) -> bool | None:
        return _tables().pronouns[key]

    def __iter__(self) -> Iterator[str]:
        return iter(_tables().pronouns)

    def __len__(self) -> int:
        return len(_tables().pronouns)

    def __repr__(self) -> str:
        return f"PRONOUNS({len(self)} pronouns)"


#: Canonical organization name -> CAMEO actor code, e.g. ``"NATO" -> "IGOWSTNAT"``,
#: for the IGOs in ``organizations.json`` (and the NGOs CAMEO codes), plus any added by
#: :func:`load_gazetteer`.  Loaded on first access.
ORGANIZATIONS: Final[Mapping[str, str]] = _OrganizationsView()

#: Lowercase pronoun -> ``True`` (refers to people: "he", "we"), ``None`` (may refer to
#: a state or a thing: "it", "they") or ``False`` (things: "which").
PRONOUNS: Final[Mapping[str, bool | None]] = _PronounsView()


# --------------------------------------------------------------------------- places


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _place(text: str) -> tuple[bool, str | None]:
    tables = _tables()
    toks = _drop_the(_tokens(text))
    if not toks:
        return False, None
    key = " ".join(t.fold for t in toks)
    hit = tables.countries.get(key)
    if hit is not None and key in tables.ambiguous_lower and not _capitalised(text):
        hit = None
    if hit is None and len(toks) == 1:
        hit = tables.country_abbrevs.get(toks[0].abbr)
    if hit is not None and hit.kind in ("name", "capital"):
        return True, hit.code
    if key in tables.places:
        return True, tables.places[key]
    return False, None


def is_place_name(text: str) -> bool:
    """Whether ``text`` names a place: a country, a capital or a region/territory/venue.

    Countries ("China", "the US"), capitals ("Manila"), regions ("South China Sea",
    "Middle East", "Southeast Asia", "Gaza", "Crimea") and some diplomatic venues
    ("Geneva", "Camp David") are places; demonyms ("Chinese") and seats of government
    used as actors ("the White House") are not.
    """
    return _place(text)[0]


def place_country(text: str) -> str | None:
    """The country a place belongs to: itself for a country, its state for a capital or
    territory ("Crimea" -> ``UKR``, "Gaza" -> ``PSE``), None for multinational regions
    ("Middle East"), disputed places ("Kashmir") and non-places."""
    return _place(text)[1]


# --------------------------------------------------------------------------- titles


@attrs.frozen(kw_only=True)
class Title:
    """What an actor phrase says about its referent.

    ``split_title("US Secretary of State Antony Blinken")`` gives role "Secretary of
    State", country "USA", name "Antony Blinken", sector "GOV".
    """

    #: The personal name left once the title is removed ("Antony Blinken"); for a
    #: phrase naming no person, the phrase without its leading determiner
    #: ("Chinese foreign ministry").
    name: str
    #: Canonical role from ``roles.json`` with its prefixes ("Deputy Foreign Minister",
    #: "General" for "Gen."), or None.
    role: str | None = None
    #: ISO 3166-1 alpha-3 code from the modifiers ("Chinese", "US", "of India") or
    #: from the body named ("Xinhua" -> "CHN"), or None.
    country: str | None = None
    #: The organization or body named: "United Nations", "State Department", "Xinhua",
    #: "Foreign Ministry", or None.
    organization: str | None = None
    #: CAMEO sector: "GOV", "LEG", "MIL", "JUD", "MED", "IGO", "ELI" (former office
    #: holders), ... or None when the phrase names only a country.
    sector: str | None = None
    #: CAMEO code of the IGO/NGO named ("IGOUNO"), or None.
    organization_code: str | None = None
    #: True when a role or an honorific marks the phrase as naming a person (or people).
    is_person: bool = False

    @property
    def actor_code(self) -> str | None:
        """The CAMEO actor code: "USAGOV", "CHN", "IGOUNO", ... (see :func:`actor_code`)."""
        if self.organization_code is not None and self.country is None:
            return self.organization_code
        return actor_code(self.country, self.sector)


def _clean_name(toks: Sequence[_Tok]) -> str:
    words = [t.raw for t in toks]
    if words:
        last = words[-1].rstrip(",;:")
        last = re.sub(r"(?:['\u2019]s|['\u2019])$", "", last)
        words[-1] = last
    return " ".join(w for w in words if w)


def _starts_title_word(tables: _Tables, toks: Sequence[_Tok], i: int) -> bool:
    """Whether a role, body, organization, country, prefix or skip word begins at ``i``."""
    if i >= len(toks):
        return False
    folds = [t.fold for t in toks]
    tok = toks[i]
    if tok.fold in tables.skip or tok.fold in tables.prefixes or tok.fold.startswith("ex-"):
        return True
    if tok.abbr in tables.country_abbrevs or tok.abbr in tables.org_abbrevs:
        return True
    if tok.abbr in tables.body_abbrevs:
        return True
    maxlen = tables.maxlen
    return (
        _longest(folds, i, tables.roles, maxlen["roles"]) is not None
        or _longest(folds, i, tables.bodies, maxlen["bodies"]) is not None
        or _longest(folds, i, tables.orgs, maxlen["orgs"]) is not None
        or _longest(folds, i, tables.countries, maxlen["countries"]) is not None
    )


def _resolve_tail(toks: Sequence[_Tok]) -> tuple[str | None, _Org | None]:
    """Country or organization named by the tokens after "of"/"to" ("India", "the UN")."""
    text = " ".join(t.raw for t in toks)
    code = country_of(text) if toks else None
    if code is not None:
        return code, None
    org = organization_of(text) if toks else None
    if org is not None:
        return None, _Org(*org)
    return None, None


class _TitleState:
    """Mutable scratch space for :func:`split_title`."""

    def __init__(self) -> None:
        self.country: str | None = None
        self.org: _Org | None = None
        self.body: _Body | None = None
        self.role: str | None = None
        self.prefixes: list[_Prefix] = []
        self.first_prefix_at: int | None = None
        self.first_named_skip_at: int | None = None
        self.honorific = False


def _scan_title(tables: _Tables, toks: list[_Tok], state: _TitleState) -> int:
    """Consume modifiers and the role; return where the personal name starts."""
    folds = [t.fold for t in toks]
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.fold in _DETERMINERS:
            i += 1
            continue
        candidates: list[tuple[int, int, str, object]] = []  # (length, priority, kind, value)
        sources: tuple[tuple[str, Mapping[str, object], Mapping[str, object] | None], ...] = (
            ("roles", tables.roles, None),
            ("bodies", tables.bodies, tables.body_abbrevs),
            ("orgs", tables.orgs, tables.org_abbrevs),
            ("countries", tables.countries, tables.country_abbrevs),
        )
        for priority, (kind, table, abbrevs) in enumerate(sources):
            match: tuple[int, object] | None = _longest(folds, i, table, tables.maxlen[kind])
            if (
                kind == "countries"
                and match is not None
                and match[0] == 1
                and tok.fold in tables.ambiguous_lower
                and not _capitalised(tok.raw)
            ):
                match = None
            if match is None and abbrevs is not None and tok.abbr in abbrevs:
                match = (1, abbrevs[tok.abbr])
            if match is not None:
                candidates.append((match[0], -priority, kind, match[1]))
        if candidates:
            size, _, kind, value = max(candidates, key=lambda c: (c[0], c[1]))
            if kind == "roles":
                assert isinstance(value, str)
                state.role = value
                return _skip_ranks(tables, toks, _after_role(toks, i + size, state), state)
            if kind == "bodies":
                assert isinstance(value, _Body)
                state.body = state.body or value
                state.country = state.country or value.country
            elif kind == "orgs":
                assert isinstance(value, _Org)
                state.org = state.org or value
            else:
                assert isinstance(value, _CountryHit)
                if (
                    value.kind in ("name", "capital")
                    and not tok.possessive
                    and tok.abbr not in tables.country_abbrevs
                    and i + size < len(toks)
                    and not _starts_title_word(tables, toks, i + size)
                ):
                    return i  # "Chad Wolf", "Jordan Bardella": a name, not a modifier
                state.country = state.country or value.code
            i += size
            continue
        prefix = tables.prefixes.get(tok.fold)
        if prefix is None and tok.fold.startswith("ex-") and len(tok.fold) > 3:
            prefix = tables.prefixes.get("former")
            rest = _make_tok(tok.raw.split("-", 1)[1])
            if prefix is not None and rest is not None:
                toks[i : i + 1] = [_Tok("ex", "former", "ex", False), rest]
                folds[i : i + 1] = ["former", rest.fold]
        if prefix is not None:
            state.prefixes.append(prefix)
            if state.first_prefix_at is None:
                state.first_prefix_at = i
            i += 1
            continue
        if tok.fold in tables.honorifics:
            state.honorific = True
            i += 1
            continue
        if tok.fold in tables.skip:
            if _capitalised(tok.raw) and state.first_named_skip_at is None:
                state.first_named_skip_at = i
            i += 1
            continue
        if (
            _capitalised(tok.raw)
            and i + 1 < len(toks)
            and toks[i + 1].raw.endswith(".")
            and _longest(folds, i + 1, tables.roles, tables.maxlen["roles"]) is not None
        ):
            i += 1  # "Texas Gov. George W. Bush": a place before an abbreviated title
            continue
        codes = _compound_codes(tok.raw) if "-" in _normalize(tok.raw) else None
        if codes:
            state.country = state.country or codes[0]
            i += 1
            continue
        break
    if state.first_prefix_at is not None:
        return state.first_prefix_at  # prefixes without a role belong to the name
    if state.first_named_skip_at is not None:
        # "Democratic Party", "Republican National Committee": a capitalized
        # modifier without a role is part of the name
        return state.first_named_skip_at
    return i


def _after_role(toks: Sequence[_Tok], i: int, state: _TitleState) -> int:
    """Consume "of India" / "to the UN" right after a role ("Prime Minister of India X")."""
    if i >= len(toks) or toks[i].fold not in ("of", "to"):
        return i
    tables = _tables()
    j = i + 1
    if j < len(toks) and toks[j].fold == "the":
        j += 1
    folds = [t.fold for t in toks]
    size = 0
    country_match = _longest(folds, j, tables.countries, tables.maxlen["countries"])
    org_match = _longest(folds, j, tables.orgs, tables.maxlen["orgs"])
    if country_match is not None:
        size = country_match[0]
    elif org_match is not None:
        size = org_match[0]
    elif j < len(toks) and (
        toks[j].abbr in tables.country_abbrevs or toks[j].abbr in tables.org_abbrevs
    ):
        size = 1
    if not size:
        return i
    country, org = _resolve_tail(toks[j : j + size])
    if toks[i].fold == "of":
        state.country = state.country or country
        state.org = state.org or org
    return j + size


def _skip_ranks(tables: _Tables, toks: Sequence[_Tok], i: int, state: _TitleState) -> int:
    """Skip honorifics and abbreviated ranks after the role ("spokesman Maj. Gen. X")."""
    folds = [t.fold for t in toks]
    while i < len(toks):
        if folds[i] in tables.honorifics:
            state.honorific = True
            i += 1
            continue
        match = _longest(folds, i, tables.roles, tables.maxlen["roles"])
        if match is None or not all(t.raw.endswith(".") for t in toks[i : i + match[0]]):
            break
        i += match[0]
    return i


def _title_from_state(
    tables: _Tables, state: _TitleState, name_toks: list[_Tok], fallback: str
) -> Title:
    # "Prime Minister Narendra Modi of India": a trailing "of <country|organization>".
    for k, tok in enumerate(name_toks):
        if tok.fold == "of" and k > 0:
            country, org = _resolve_tail(_drop_the(name_toks[k + 1 :]))
            if country is not None or org is not None:
                state.country = state.country or country
                state.org = state.org or org
                name_toks = name_toks[:k]
                break
    role = state.role
    if role is not None and state.prefixes:
        role = " ".join([p.display for p in state.prefixes] + [role])
    prefix_sector = next((p.sector for p in state.prefixes if p.sector), None)
    sector: str | None
    if prefix_sector is not None and state.role is not None:
        sector = prefix_sector
    elif state.org is not None and state.country is None:
        sector = state.org.sector
    elif state.body is not None and (state.role is None or state.role in tables.inherit):
        sector = state.body.sector
    elif state.role is not None:
        sector = tables.role_sectors[state.role]
    elif state.org is not None:
        sector = state.org.sector
    else:
        sector = None
    organization = state.org.name if state.org else state.body.name if state.body else None
    return Title(
        name=_clean_name(name_toks) or fallback,
        role=role,
        country=state.country,
        organization=organization,
        sector=sector,
        organization_code=state.org.code if state.org else None,
        is_person=state.role is not None or state.honorific,
    )


def _split_core(text: str) -> Title:
    tables = _tables()
    toks = _tokens(text)
    while toks and toks[0].fold in _DETERMINERS:
        toks = toks[1:]
    fallback = _clean_name(toks)
    state = _TitleState()
    start = _scan_title(tables, toks, state)
    return _title_from_state(tables, state, toks[start:], fallback)


def _informative(title: Title) -> bool:
    return any((title.role, title.organization, title.country))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _split_title(phrase: str) -> Title:
    text = " ".join(phrase.split())
    if "," in text:
        left, _, right = text.partition(",")
        right = right.strip()
        if left.strip() and right:
            head, tail = _split_core(left), _split_core(right)
            if not _informative(head) and _informative(tail):
                # "Antony Blinken, the US Secretary of State"
                return attrs.evolve(tail, name=head.name)
            if _informative(head) and not _informative(tail):
                return head  # "President Joe Biden, 81,"
    return _split_core(text)


def split_title(phrase: str) -> Title:
    """Split a name phrase as written in news into role, country, organization and name.

    >>> t = split_title("Chinese Foreign Minister Wang Yi")
    >>> t.role, t.country, t.name, t.sector, t.actor_code
    ('Foreign Minister', 'CHN', 'Wang Yi', 'GOV', 'CHNGOV')

    Modifiers before the role give the country (demonyms, names, abbreviations,
    possessives: "China's top diplomat") and the organization ("UN", "State
    Department", "Xinhua"); roles come from ``roles.json``, longest first, with their
    prefixes ("Deputy", "former") and abbreviations ("Gen." -> "General"); "of India"
    after the role or the name is read as the country; "Antony Blinken, the US
    Secretary of State" is read the other way round.  Generic roles (spokesman,
    official, leader) take the sector of the body or organization they belong to
    ("Pentagon spokesman" -> MIL, "UN envoy" -> IGO); former office holders are ELI.
    """
    return _split_title(phrase)


def actor_code(
    country: str | None, sector: str | None, organization_code: str | None = None
) -> str | None:
    """CAMEO-style actor code.

    ``actor_code("USA", "GOV") == "USAGOV"``, ``actor_code("CHN", None) == "CHN"`` (the
    state itself), ``actor_code(None, "IGO", "IGOUNO") == "IGOUNO"`` (an organization is
    coded by its own code), ``actor_code(None, "MIL") == "MIL"`` (a role of unknown
    country), ``actor_code(None, None) is None``.

    Raises:
        InputError: ``country`` is not three capital letters, ``sector`` is not one of
            :data:`SECTORS`, or ``organization_code`` is not a CAMEO code.
    """
    if organization_code is not None:
        if not _ORG_CODE_RE.fullmatch(organization_code):
            raise InputError(f"not a CAMEO organization code: {organization_code!r}")
        return organization_code
    if country is not None and not _CODE_RE.fullmatch(country):
        raise InputError(f"not an ISO 3166-1 alpha-3 code: {country!r}")
    if sector is not None and sector not in SECTORS:
        raise InputError(f"not a CAMEO sector: {sector!r} (expected one of {sorted(SECTORS)})")
    if country is None and sector is None:
        return None
    return (country or "") + (sector or "")


# --------------------------------------------------------------------------- animacy


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _animacy(lemma: str) -> bool | None:
    tables = _tables()
    key = _phrase_key(lemma)
    if not key:
        return None
    if key in tables.pronouns:
        return tables.pronouns[key]
    if key in tables.inanimate:
        return False
    candidates = [key]
    if key.endswith("s") and len(key) > 3:
        candidates.append(key[:-1])  # plural lemmas that slipped through
    for word in candidates:
        if word in tables.animate or word in tables.heads or word in tables.agents:
            return True
        if word in tables.roles or word in tables.bodies or word in tables.orgs:
            return True
        hit = tables.countries.get(word)
        if hit is not None and (word not in tables.ambiguous_lower or _capitalised(lemma)):
            return True
    if lemma.strip() in tables.country_abbrevs or lemma.strip() in tables.org_abbrevs:
        return True
    return None


# --------------------------------------------------------------------------- people

#: One coded period of a person: CAMEO actor code, first and last day (None: open).
_Period = tuple[str, "dt.date | None", "dt.date | None"]
_PERSON_CODE_RE = re.compile(r"[A-Z]{3,}")
_FOLDED_NAME = re.compile(r"(?!the )[a-z0-9-]+(?: [a-z0-9-]+)*")


def _iso_or_none(value: object, source: str, entry: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(_as_str(value, source, entry, "a period's date"))
    except ValueError:
        _fail(source, entry, f"not an ISO date: {value!r}")


@functools.cache
def _people() -> Mapping[str, tuple[tuple[_Period, ...], ...]]:
    """Name key -> the coded periods of each person of that name."""
    source = f"{_DATA_LABEL}/people.json"
    root = _as_dict(_read_data_file("people.json"), source, "the file")
    index: dict[str, list[tuple[_Period, ...]]] = {}
    for entry in _as_list(root.get("people"), source, "people"):
        person = _as_dict(entry, source, entry)
        names = _as_str_list(person.get("names"), source, entry, "'names'")
        periods: list[_Period] = []
        for raw in _as_list(person.get("codes"), source, entry):
            period = _as_list(raw, source, entry)
            if len(period) != 3:
                _fail(source, entry, "a period is [code, start, end]")
            code = _as_str(period[0], source, entry, "a period's code")
            if not _PERSON_CODE_RE.fullmatch(code):
                _fail(source, entry, f"not a CAMEO actor code: {code!r}")
            start = _iso_or_none(period[1], source, entry)
            periods.append((code, start, _iso_or_none(period[2], source, entry)))
        if not names or not periods:
            _fail(source, entry, "a person needs names and coded periods")
        for name in names:
            # the converter writes most names folded already ("vladimir putin")
            key = name if _FOLDED_NAME.fullmatch(name) else _phrase_key(name)
            if key:
                index.setdefault(key, []).append(tuple(periods))
    return {k: tuple(v) for k, v in index.items()}


def _code_on(periods: Sequence[_Period], on: dt.date | None) -> str | None:
    """The code of the period holding on ``on``; without a day (or where no
    period holds and none is undated), the code all periods share, else the
    country they share ("PAK" for a leader who was in and out of office)."""
    if on is not None:
        for code, start, end in periods:
            if (start is not None or end is not None) and (start is None or start <= on) and (
                end is None or on <= end
            ):
                return code
        undated = [p[0] for p in periods if p[1] is None and p[2] is None]
        if undated:
            return undated[0]
    codes = {p[0] for p in periods}
    if len(codes) == 1:
        return codes.pop()
    countries = {c[:3] for c in codes}
    return countries.pop() if len(countries) == 1 else None


def is_country_code(code: str) -> bool:
    """Whether ``code`` is a country's code the gazetteer knows ("RUS"; not "IGO")."""
    return code in _tables().known_codes


@functools.lru_cache(maxsize=_CACHE_SIZE)
def person_code(name: str, on: dt.date | None = None) -> str | None:
    """The CAMEO actor code of a person the Phoenix dictionary names, on a day.

    ``person_code("Putin", dt.date(2010, 1, 1)) == "RUSGOV"``,
    ``person_code("Putin", dt.date(1995, 1, 1)) == "RUSELI"``; without a day
    the code only when every period has it, else the country alone
    (``person_code("Putin") == "RUS"``): an office depends on the day, and an
    undated text does not give one.  Only the names the dictionary gives
    match ("Putin" is one of Putin's; most people are listed by full name).
    None for a name it does not know, and for one it gives to people coded
    differently on that day.
    """
    entries = _people().get(_phrase_key(name))
    if not entries:
        return None
    codes = {_code_on(periods, on) for periods in entries} - {None}
    return codes.pop() if len(codes) == 1 else None


def animacy(lemma: str) -> bool | None:
    """Whether a noun (lemma) or pronoun can be an agent: True, False or None (unknown).

    True for person nouns and officials ("minister", "spokesman", "official"),
    governments and their parts ("government", "ministry", "army"), states ("country",
    "nation", "side"), organizations, country names, demonyms and personal pronouns;
    False for inanimate heads ("problem", "issue", "factor", "tension", "crisis",
    "storm") and "which"; None for "it"/"they" and for unknown words.
    """
    return _animacy(lemma)


def agent_sector(word: str) -> str | None:
    """The CAMEO sector of an agent noun of the Phoenix dictionary ("gunmen" -> "UAF").

    Plurals the dictionary does not list are read by their singular
    ("protesters" -> "OPP").
    """
    agents = _tables().agents
    key = _phrase_key(word)
    forms = [key]
    if key.endswith("s"):
        forms.append(key[:-1])  # "protesters"
    if key.endswith("en"):
        forms.append(key[:-2] + "an")  # "policemen"
    return next((agents[f] for f in forms if f and f in agents), None)


def role_sector(role: str) -> str | None:
    """The CAMEO sector of a role as the gazetteer lists it ("reporter" -> "MED")."""
    return _tables().role_sectors.get(role)


def has_organization_head(name: str) -> bool:
    """Whether a name is an organization's by its form, never a person's.

    It ends in a word such as "Foundation" or "Institute", or it joins
    capitalized words by "and", "of" or "for" as people's names do not
    ("Monotheism and Holy War", "Association of Muslim Scholars").
    """
    words = [w.strip(".,") for w in name.split()]
    if not words:
        return False
    if words[-1].lower() in _tables().organization_heads:
        return True
    return any(
        w in _NAME_JOINERS and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
        for i, w in enumerate(words[1:-1], 1)
    )


# Lowercase words that join the words of an organization's name.
_NAME_JOINERS = frozenset({"and", "of", "for"})

#: Two to six capitals: an acronym, which may stand for a name written out.
ACRONYM: Final = re.compile(r"[A-Z]{2,6}")

#: Nouns (lemmas) for people who are part of a body: "members of the party",
#: "elements in the government", "a TNA member".
MEMBER_NOUNS: Final = frozenset(
    {"member", "element", "faction", "wing", "cadre", "fighter", "leadership", "candidate",
     "lawmaker", "legislator"}
)  # fmt: skip


def is_animate_head(lemma: str) -> bool:
    """Whether a common-noun head can be the agent that threatens, warns, visits...

    ``animacy(lemma) is True``: unknown words count as inanimate.
    """
    return _animacy(lemma) is True


# --------------------------------------------------------------------------- extension


def _invalidate() -> None:
    _tables.cache_clear()
    for cached in (
        _country_of,
        _countries_in,
        _organization_of,
        _place,
        _split_title,
        _animacy,
    ):
        cached.cache_clear()


def _add_extension(source: str, doc: object) -> None:
    candidate = [*_EXTENSIONS, (source, doc)]
    _build(candidate)  # validate before accepting: raises LexiconError, leaves state alone
    _EXTENSIONS.append((source, doc))
    _invalidate()


def register_country_aliases(mapping: Mapping[str, str]) -> None:
    """Teach :func:`country_of` (and everything built on it) more names for countries.

    ``mapping`` maps an alias (a name, demonym or metonym: "Blighty", "Tehran regime")
    to an ISO 3166-1 alpha-3 code.  User aliases override the built-in ones.

    Raises:
        LexiconError: an alias is empty or a code is unknown.
    """
    grouped: dict[str, list[str]] = {}
    for alias, code in mapping.items():
        if not isinstance(alias, str) or not isinstance(code, str):
            raise LexiconError(
                f"register_country_aliases(): entry {alias!r}: alias and code must be strings"
            )
        grouped.setdefault(code, []).append(alias)
    doc = {"countries": {code: {"names": aliases} for code, aliases in grouped.items()}}
    _add_extension("register_country_aliases()", doc)


def load_gazetteer(extra: str | os.PathLike[str] | None = None) -> None:
    """Add a user gazetteer file to the built-in knowledge, or reset to the built-in one.

    ``extra`` is a JSON object with any of these fields, shaped like the bundled files::

        {"countries": {"GBR": {"names": ["Blighty"], "demonyms": [], "capitals": []}},
         "organizations": [{"name": "Quad", "code": "IGOASAQUD", "aliases": []}],
         "bodies": [{"name": "Bundesrat", "country": "DEU", "sector": "LEG"}],
         "roles": {"Foreign Affairs Spokesperson": "GOV"},
         "role_aliases": {"FM": "Foreign Minister"},
         "places": {"Bavaria": "DEU"},
         "animate": ["junta"], "inanimate": ["heatwave"]}

    Entries override the built-in ones; files added later override earlier ones.
    ``load_gazetteer(None)`` forgets every extension (and every
    :func:`register_country_aliases` call).

    Raises:
        LexiconError: the file cannot be read, is not valid JSON or has a bad entry; the
            message names the file and the entry.  Nothing is added then.
    """
    if extra is None:
        if _EXTENSIONS:
            _EXTENSIONS.clear()
            _invalidate()
        return
    source = os.fspath(extra)
    try:
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise LexiconError(f"{source}: cannot read the file: {exc}") from exc
    _add_extension(source, _parse_json(text, source))
