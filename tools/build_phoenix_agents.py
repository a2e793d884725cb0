"""Convert PETRARCH's Phoenix agents dictionary into the library's agent nouns.

Usage::

    python tools/build_phoenix_agents.py [--dictionary FILE] [--out FILE] [--check]

Reads ``Phoenix.agents.txt`` (Open Event Data Alliance, MIT licence; default
``<repo>/../shared/data/petrarch-dictionaries/Phoenix.agents.txt``) and writes
``src/diplo_events/data/actors/agents.json``: each agent noun ("bomber",
"militant", "farmer") with its CAMEO agent code ("REB", "UAF", "AGR").  The
gazetteer counts these nouns as animate heads, so that "Taliban suicide
bombers killed ..." has an agent.

Only one-word entries are kept (a phrase's words are parsed as a head noun
and its modifiers, and the head alone would over-generalize); the
dictionary's ``!PERSON!`` and ``!MINIST!`` macros are expanded; plurals are
the lemmatizer's business.  The members of the verb dictionary's synonym
sets of people (``PEOPLE_SETS``: hostages, prisoners, suspects, civilians,
refugees) are added where the agents file lacks them.  ``--check`` exits 1 if
the file differs from
what the dictionary gives now.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generated import json_document, write_or_check

REPO = Path(__file__).resolve().parent.parent
DICTIONARIES = REPO.parent / "shared" / "data" / "petrarch-dictionaries"
DEFAULT_DICTIONARY = DICTIONARIES / "Phoenix.agents.txt"
DEFAULT_VERBS = DICTIONARIES / "CAMEO.2.0.txt"
DEFAULT_OUT = REPO / "src" / "diplo_events" / "data" / "actors" / "agents.json"

#: Synonym sets of the CAMEO verb dictionary that name people an event is done
#: to ("freed 37 prisoners", "detained the suspects"), with the agent code
#: their members get where the agents file lacks them.
PEOPLE_SETS = {"&HOSTAGE": "CVL", "&SUSPECT": "CRM", "&PEOPLE": "CVL", "&REFUGEE": "REF"}

_ENTRY = re.compile(r"^([A-Z][A-Z!'-]*?)_?\s*(?:\{[^}]*\})?\s*\[([^\]]+)\]")
_MACRO = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")


def people(verbs_text: str) -> dict[str, str]:
    """The one-word members of ``PEOPLE_SETS`` in the verb dictionary, with their codes."""
    out: dict[str, str] = {}
    current: str | None = None
    for raw in verbs_text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line if line in PEOPLE_SETS else None
        elif not line or line.startswith("-") or line.startswith("---"):
            current = None
        elif current is not None and line.startswith("+"):
            word = line[1:].rstrip("_").lower()
            if re.fullmatch(r"[a-z]+", word):
                out.setdefault(word, PEOPLE_SETS[current])
    return out


def build(text: str) -> dict[str, str]:
    macros: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := _MACRO.match(line):
            macros[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _ENTRY.match(line)
        if m is None:
            continue
        word, code = m.group(1), m.group(2).replace("~", "").strip()
        if not re.fullmatch(r"[A-Z]{3}", code):
            continue
        forms = [word.lower()]
        for name, values in macros.items():
            token = f"!{name.lower()}!"
            if token in forms[0]:
                forms = [forms[0].replace(token, v) for v in values]
        for form in forms:
            if re.fullmatch(r"[a-z][a-z'-]+", form) and form not in agents:
                agents[form] = code
    return dict(sorted(agents.items()))


LICENCE = (
    "MIT License. Copyright (c) 2014 Open Event Data Alliance. Permission is hereby "
    "granted, free of charge, to any person obtaining a copy of this software and "
    "associated documentation files (the \"Software\"), to deal in the Software without "
    "restriction, including without limitation the rights to use, copy, modify, merge, "
    "publish, distribute, sublicense, and/or sell copies of the Software, and to permit "
    "persons to whom the Software is furnished to do so, subject to the following "
    "conditions: The above copyright notice and this permission notice shall be included "
    "in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS "
    "IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO "
    "THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND "
    "NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY "
    "CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR "
    "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR "
    "OTHER DEALINGS IN THE SOFTWARE."
)


def render(agents: dict[str, str]) -> str:
    head = {
        "about": "Agent nouns and their CAMEO agent codes, converted by "
                 "tools/build_phoenix_agents.py from PETRARCH's Phoenix.agents.txt. "
                 "Do not edit by hand: rerun the tool.",
        "licence": LICENCE,
    }
    rows = [f"    {json.dumps(k)}: {json.dumps(v)}" for k, v in agents.items()]
    return json_document(head, "agents", rows, brackets="{}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    ap.add_argument("--verbs", type=Path, default=DEFAULT_VERBS,
                    help="the CAMEO verb dictionary, for its synonym sets of people")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    agents = build(args.dictionary.read_text(encoding="utf-8", errors="replace"))
    for word, code in people(args.verbs.read_text(encoding="utf-8", errors="replace")).items():
        agents.setdefault(word, code)
    return write_or_check(
        args.out, render(dict(sorted(agents.items()))), check=args.check,
        remedy="run python tools/build_phoenix_agents.py", summary=f"{len(agents)} agent nouns",
    )


if __name__ == "__main__":
    raise SystemExit(main())
