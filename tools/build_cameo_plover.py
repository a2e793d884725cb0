"""Convert the official CAMEO-to-PLOVER table into ``src/diplo_events/data/cameo_plover.json``.

Usage::

    python tools/build_cameo_plover.py [--table FILE] [--out FILE] [--check]

The table is ``CAMEO2PLOVER-2021.txt`` of the PLOVER project (PLOVER manual
draft 0.8, edited by Philip Schrodt; CC BY-SA 4.0), read by default from
``<repo>/../shared/codebooks``.  Its lines are::

    04: CONSULT                                  a heading: a CAMEO root and a category
    042: CONSULT, visit,   # Make a visit        code: category, mode, context # description
    1121: ACCUSE, allege, crime; corruption # Accuse of crime, corruption

The JSON holds ``about`` (source, version, editor, licence, attribution, the
changes made, and ``notes`` on the table's irregularities, found here),
``roots`` (each two-digit heading with the categories listed under it: ``08``
has two) and ``codes``: every three- and four-digit CAMEO code of the table,
in code order, with its ``category``, ``mode`` (a string, or null where the
table gives none), ``context`` (a list, split at ``;``, or null) and
``description`` (the text after ``#``, verbatim).  Fields are stripped of
spaces; nothing else is changed.  A code listed twice with the same mapping
is kept once (noted); twice with different mappings is an error, as is a
category outside PLOVER's sixteen.

``--check`` compares instead of writing and exits 1 when the JSON is stale.
``parse_table``, ``build`` and ``render`` are pure and tested in
``tests/test_cameo_plover.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generated import check_current

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TABLE = REPO.parent / "shared" / "codebooks" / "CAMEO2PLOVER-2021.txt"
DEFAULT_OUT = REPO / "src" / "diplo_events" / "data" / "cameo_plover.json"

#: The sixteen root categories of PLOVER 2.0 (the manual's chapters), in its order.
PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

SOURCE = {
    "title": "CAMEO to PLOVER conversion table (CAMEO2PLOVER-2021.txt)",
    "repository": "https://github.com/openeventdata/PLOVER",
    "file": "CAMEO2PLOVER-2021.txt",
    "commit": "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f",
    "licence": "CC BY-SA 4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
}
CHANGES = ("Converted to JSON by tools/build_cameo_plover.py: fields stripped of spaces, "
           "empty fields as null, contexts split at ';' into lists, a code listed twice with "
           "the same mapping kept once; categories, modes, contexts and descriptions otherwise "
           "as in the table. This file is licensed CC BY-SA 4.0 like its source.")

_HEADING = re.compile(r"(\d{2}):\s*([A-Z_]+)")
_CODE = re.compile(r"(\d{3,4}):([^#]*)(?:#(.*))?")
_VERSION = re.compile(r"#\s*PLOVER manual version\s+(.+)")
_EDITOR = re.compile(r"#\s*Edited by:\s*([^(]+)")


@dataclass(frozen=True)
class Entry:
    """One code of the table."""

    code: str
    category: str
    mode: str | None
    context: tuple[str, ...] | None
    description: str
    #: The two-digit heading the code is listed under.
    heading: str
    line: int

    def mapping(self) -> dict[str, Any]:
        return {"category": self.category, "mode": self.mode,
                "context": list(self.context) if self.context is not None else None}


@dataclass
class Table:
    """The parsed table: headings, codes (first listing of each) and notes."""

    version: str | None = None
    editor: str | None = None
    roots: dict[str, list[str]] = field(default_factory=dict)
    codes: dict[str, Entry] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _field(text: str) -> str | None:
    return text.strip() or None


def parse_table(text: str) -> Table:
    """Parse the table's text; raises ValueError on a line it cannot read."""
    table = Table()
    heading: str | None = None
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if m := _VERSION.match(line):
                table.version = m.group(1).strip()
            elif m := _EDITOR.match(line):
                table.editor = m.group(1).strip()
            continue
        if set(line) == {"~"}:  # the table's closing rule
            break
        if m := _HEADING.fullmatch(line):
            heading, category = m.groups()
            _check_category(category, n)
            cats = table.roots.setdefault(heading, [])
            if category not in cats:
                cats.append(category)
            if len(cats) > 1:
                table.notes.append(f"heading {heading} appears with categories "
                                   f"{', '.join(cats)} (line {n})")
            continue
        m = _CODE.fullmatch(line)
        if m is None:
            raise ValueError(f"line {n}: cannot read {raw!r}")
        if heading is None:
            raise ValueError(f"line {n}: a code before any heading")
        code, fields, description = m.group(1), m.group(2).split(","), m.group(3) or ""
        if len(fields) != 3:
            raise ValueError(f"line {n}: {code} has {len(fields)} fields, not 3 "
                             "(category, mode, context)")
        category = fields[0].strip()
        _check_category(category, n)
        contexts = [c.strip() for c in fields[2].split(";") if c.strip()]
        entry = Entry(code, category, _field(fields[1]), tuple(contexts) or None,
                      description.strip(), heading, n)
        _add(table, entry)
    return table


def _check_category(category: str, line: int) -> None:
    if category not in PLOVER_CATEGORIES:
        raise ValueError(f"line {line}: {category!r} is not a PLOVER category")


def _add(table: Table, entry: Entry) -> None:
    earlier = table.codes.get(entry.code)
    if earlier is not None:
        if earlier.mapping() != entry.mapping():
            raise ValueError(f"line {entry.line}: {entry.code} listed again with another "
                             f"mapping (first on line {earlier.line})")
        table.notes.append(f"{entry.code} is listed twice with the same mapping (lines "
                           f"{earlier.line} and {entry.line}; the second as "
                           f"{entry.description!r}): kept once")
        return
    table.codes[entry.code] = entry
    if entry.code[:2] != entry.heading:
        table.notes.append(f"{entry.code} is listed under heading {entry.heading} "
                           f"(line {entry.line})")
    if entry.category not in table.roots[entry.heading]:
        table.notes.append(f"{entry.code} maps to {entry.category}, not to its heading's "
                           f"{'/'.join(table.roots[entry.heading])}")


def build(table: Table) -> dict[str, Any]:
    """The JSON object: ``about``, ``roots`` and ``codes`` (in code order)."""
    about: dict[str, Any] = dict(SOURCE)
    about["version"] = f"PLOVER manual {table.version}" if table.version else None
    about["editor"] = table.editor
    about["attribution"] = (
        "CAMEO to PLOVER conversion table"
        + (f", edited by {table.editor}" if table.editor else "")
        + (f" (PLOVER manual {table.version})" if table.version else "")
        + ", from the PLOVER project, https://github.com/openeventdata/PLOVER, "
          "licensed under CC BY-SA 4.0.")
    about["changes"] = CHANGES
    about["notes"] = table.notes
    codes = {
        code: {**e.mapping(), "description": e.description}
        for code, e in sorted(table.codes.items())
    }
    return {"about": about, "roots": table.roots, "codes": codes}


def render(obj: dict[str, Any]) -> str:
    """The file's text: one code a line, so diffs stay readable."""
    lines = ["{"]
    lines.append(f' "about": {json.dumps(obj["about"], indent=2, ensure_ascii=False)},'
                 .replace("\n", "\n "))
    lines.append(f' "roots": {json.dumps(obj["roots"], ensure_ascii=False)},')
    lines.append(' "codes": {')
    items = [f"  {json.dumps(code)}: {json.dumps(v, ensure_ascii=False)}"
             for code, v in obj["codes"].items()]
    lines.append(",\n".join(items))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE,
                        help="CAMEO2PLOVER-2021.txt")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON to write")
    parser.add_argument("--check", action="store_true",
                        help="compare with --out instead of writing; exit 1 if it differs")
    args = parser.parse_args(argv)

    table = parse_table(args.table.read_text(encoding="utf-8"))
    text = render(build(table))
    if args.check:
        return check_current(args.out, text, f"not what {args.table} gives; run without --check")
    args.out.write_text(text, encoding="utf-8")
    cats = sorted({e.category for e in table.codes.values()}, key=PLOVER_CATEGORIES.index)
    print(f"wrote {args.out}: {len(table.codes)} codes under {len(table.roots)} headings, "
          f"{len(cats)} categories ({', '.join(cats)})")
    for note in table.notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
