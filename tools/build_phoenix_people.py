"""Convert the leaders of PETRARCH's Phoenix country actors into the library's people.

Usage::

    python tools/build_phoenix_people.py [--dictionary FILE] [--out FILE] [--check]

Reads ``Phoenix.Countries.actors.txt`` (Open Event Data Alliance, MIT
licence; default ``<repo>/../shared/data/petrarch-dictionaries/``) and writes
``src/diplo_events/data/actors/people.json``: each person of the
dictionary's CountryInfo lists (the blocks marked ``# CountryInfo.txt``:
heads of state and government, ministers, party leaders) with the names the
dictionary gives them, as one would write them ("vladimir putin", "putin",
"president vladimir putin"), and their CAMEO actor codes by period
(``RUSGOV`` from 2008-05-08 on, ``RUSELI`` before ...).

The dictionary writes dates as ``yymmdd``; a year under 20 is 20yy (the
lists end in 2014).  A code without dates holds outside the dated
periods.  ``--check`` exits 1 if the file differs from what the dictionary
gives now.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generated import json_document, write_or_check
from build_phoenix_agents import LICENCE

REPO = Path(__file__).resolve().parent.parent
DICTIONARIES = REPO.parent / "shared" / "data" / "petrarch-dictionaries"
DEFAULT_DICTIONARY = DICTIONARIES / "Phoenix.Countries.actors.txt"
DEFAULT_OUT = REPO / "src" / "diplo_events" / "data" / "actors" / "people.json"

_MARK = "# CountryInfo.txt"
_CODE = re.compile(r"\[([A-Z]{3,})\s*([^\]]*)\]")
_RANGE = re.compile(r"^(\d{6})-(\d{6})$")
_FROM = re.compile(r"^>(\d{6})$")
_UNTIL = re.compile(r"^<(\d{6})$")


def _date(yymmdd: str) -> str:
    yy, mm, dd = int(yymmdd[:2]), yymmdd[2:4], yymmdd[4:6]
    year = 2000 + yy if yy < 20 else 1900 + yy
    return f"{year:04d}-{mm}-{dd}"


def _name(raw: str) -> str | None:
    """A dictionary phrase as text: "+PRESIDENT_VLADIMIR_PUTIN_" -> "president vladimir putin"."""
    phrase = raw.split("#", 1)[0].strip().lstrip("+").strip().strip("_")
    if not phrase or not re.fullmatch(r"[A-Z0-9][A-Z0-9_.,'-]*", phrase):
        return None
    words = [w for w in re.split(r"[_\s,]+", phrase) if w]
    return " ".join(words).lower() if words else None


def _period(code: str, when: str) -> list[str | None] | None:
    """``[code, start, end]`` (ISO dates, None where open) for a code's date field."""
    when = when.strip()
    if not when:
        return [code, None, None]
    if m := _RANGE.match(when):
        return [code, _date(m.group(1)), _date(m.group(2))]
    if m := _FROM.match(when):
        return [code, _date(m.group(1)), None]
    if m := _UNTIL.match(when):
        return [code, None, _date(m.group(1))]
    return None


def build(text: str) -> list[dict[str, list[str] | list[list[str | None]]]]:
    """The people of the CountryInfo blocks: their names and coded periods."""
    people: list[dict[str, list[str] | list[list[str | None]]]] = []
    names: list[str] | None = None
    periods: list[list[str | None]] = []

    def close() -> None:
        if names and periods:
            people.append({"names": list(dict.fromkeys(names)), "codes": periods})

    for raw in text.splitlines():
        if _MARK in raw and not raw.startswith(("\t", " ", "+")):
            close()
            first = _name(raw.replace(_MARK, ""))
            names, periods = ([first] if first else []), []
            continue
        if names is None:
            continue
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            close()
            names = None
            continue
        if stripped.startswith("["):
            for code, when in _CODE.findall(stripped):
                period = _period(code, when)
                if period is not None:
                    periods.append(period)
            continue
        if periods:  # a name after the codes begins another entry
            close()
            names = None
            continue
        name = _name(stripped)
        if name:
            names.append(name)
    close()
    return people


def render(people: list[dict[str, list[str] | list[list[str | None]]]]) -> str:
    head = {
        "about": "People of the Phoenix country actors (the CountryInfo leaders) with their "
                 "CAMEO actor codes by period, converted by tools/build_phoenix_people.py "
                 "from PETRARCH's Phoenix.Countries.actors.txt. Do not edit by hand: "
                 "rerun the tool.",
        "licence": LICENCE,
    }
    rows = [f"    {json.dumps(p, ensure_ascii=False)}" for p in people]
    return json_document(head, "people", rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    people = build(args.dictionary.read_text(encoding="utf-8", errors="replace"))
    return write_or_check(
        args.out, render(people), check=args.check,
        remedy="rerun tools/build_phoenix_people.py", summary=f"{len(people)} people",
    )


if __name__ == "__main__":
    raise SystemExit(main())
