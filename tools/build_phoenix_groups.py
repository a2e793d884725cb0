"""Convert the armed groups and IGOs of PETRARCH's Phoenix actor dictionaries into the library's.

Usage::

    python tools/build_phoenix_groups.py [--dictionaries DIR] [--treebank FILE] [--out FILE]
        [--check]

Reads ``Phoenix.MilNonState.actors.txt`` (non-state armed groups, from the
START TOPS database: "TALIBAN_ [AFGREB]", "HAMAS_ ... [PSEREBHMS]") and the
IGO entries of ``Phoenix.International.actors.txt`` ("OPEC [IGOBUSOPC]";
the file's companies and NGOs are left out: they are no political actors,
and the gazetteer keeps its own short list of NGOs), Open Event Data
Alliance, MIT licence, default ``<repo>/../shared/data/petrarch-dictionaries``.
Writes ``src/diplo_events/data/actors/groups.json``: each group's names as
written ("taliban", "taleban") and its CAMEO actor code.

An entry is a line that begins a name, its ``+`` aliases, and the codes in
brackets on its lines.  Kept: entries with one code and no dates (an entry
with dated codes is a person holding offices, not a group; so is, in the
international file, an entry whose name is two or three words none of
which English uses as a common word: "RALPH_FIENNES_ [IGOUNO]").  Names of one
word are where people and common words hide ("HAMZAH__", a leader;
"TANZIM_ +ORGANIZATION_" would make every organization Tanzim's), so one
is kept only when it is an acronym ("PKK"), a hyphenated name
("AL-SHABAAB"), or the first name of an organization of the TOPS list
(the entries marked "kkl": "TALIBAN_") -- and in no case when English uses
it as a common word: a lemma, or a plural of one, that the UD English-EWT
training treebank (default ``<repo>/../shared/data/ud-english-ewt/
en_ewt-ud-train.conllu``) tags as a noun, verb or adjective ("TIGERS_").
A name of several words is kept only when one of its words is no such
common word: "ISLAMIC_PARTY" and "ISLAMIC_JIHAD" are descriptions many
groups answer to.  Names of one or two letters, digits only, the few one-word names that news
uses for something else (``CLASHES``: "EPA"), and names two groups share
(they name neither) are dropped.  ``--check`` exits 1 if the file differs from what the
dictionaries give now.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generated import json_document, write_or_check
from build_phoenix_agents import LICENCE

REPO = Path(__file__).resolve().parent.parent
DICTIONARIES = REPO.parent / "shared" / "data" / "petrarch-dictionaries"
TREEBANK = REPO.parent / "shared" / "data" / "ud-english-ewt" / "en_ewt-ud-train.conllu"
DEFAULT_OUT = REPO / "src" / "diplo_events" / "data" / "actors" / "groups.json"

#: The files read, and the code prefixes kept from each (None: every code).
SOURCES: tuple[tuple[str, str | None], ...] = (
    ("Phoenix.MilNonState.actors.txt", None),
    ("Phoenix.International.actors.txt", "IGO"),
)
_CODE = re.compile(r"\[([A-Z-]*)\s*([^\]]*)\]")
_VALID_CODE = re.compile(r"(?:[A-Z]{3}){2,5}")
#: One-word names news uses for something else more often than for the group.
CLASHES = {
    "epa": "the US Environmental Protection Agency",
    "tigers": "Sri Lanka's LTTE, not the Swazi group of that name",
    "camo": "camouflage",
    "eyal": "a given name",
}
_SMALL = {"of", "the", "and", "for", "in", "on", "de", "al", "el", "la", "del", "des", "du"}


def common_words(conllu: str) -> frozenset[str]:
    """Lowercase lemmas the treebank tags as a noun, verb or adjective."""
    words: set[str] = set()
    for line in conllu.splitlines():
        cols = line.split("\t")
        if len(cols) > 3 and cols[0].isdigit() and cols[3] in ("NOUN", "VERB", "ADJ"):
            words.add(cols[2].lower())
    return frozenset(words)


def _name(raw: str) -> str | None:
    """A dictionary phrase as text: "+ISLAMIC_ARMY_OF_ADEN_(IAA)_" -> "islamic army of aden"."""
    phrase = raw.split("#", 1)[0].split("[", 1)[0].strip().lstrip("+").strip()
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    words = [w for w in re.split(r"[_\s]+", phrase) if w]
    if not words or not all(re.fullmatch(r"[A-Za-z0-9.'&-]+", w) for w in words):
        return None
    return " ".join(words).lower()


def display(name: str) -> str:
    """ "islamic army of aden" -> "Islamic Army of Aden"; acronyms stay capitals."""
    words = name.split()
    out = []
    for i, w in enumerate(words):
        if i and w in _SMALL:
            out.append(w)
        elif (len(w) <= 4 and len(words) == 1) or (len(w) <= 3 and w.isalpha()):
            out.append(w.upper())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


_Entry = tuple[list[str], list[tuple[str, str]], bool]


def entries(text: str) -> list[_Entry]:
    """``(names, codes, from TOPS)`` per entry; each code is ``(code, its date field)``."""
    out: list[_Entry] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [(c, when.strip()) for c, when in _CODE.findall(line)]
        if raw[:1] in (" ", "\t") or line.lstrip().startswith("["):
            if out:
                out[-1][1].extend(codes)
            continue
        name = _name(line)
        if line.startswith("+"):
            if out and name:
                out[-1][0].append(name)
            if out:
                out[-1][1].extend(codes)
            continue
        out.append(([name] if name else [], codes, "kkl" in raw))
    return out


def _specific(name: str, common: frozenset[str]) -> bool:
    """Whether a name of several words has one English does not use as a common word.

    "islamic party", "islamic jihad", "revolutionary armed forces" are
    descriptions many groups answer to; "revolutionary armed forces of
    colombia" is one group.
    """
    return any(w not in common and w not in _SMALL for w in re.split(r"[\s-]+", name))


def _person_like(name: str, common: frozenset[str]) -> bool:
    """Two or three words, none a common word or a particle: most likely a person's name."""
    words = name.split()
    return 2 <= len(words) <= 3 and not any(w in common or w in _SMALL for w in words)


def _acronym(raw_name: str) -> bool:
    return raw_name.replace(".", "").isalpha() and len(raw_name.replace(".", "")) <= 5


def _one_word_kept(name: str, first: bool, tops: bool, common: frozenset[str]) -> bool:
    if name in CLASHES or name in common or (name.endswith("s") and name[:-1] in common):
        return False
    return _acronym(name) or "-" in name or (first and tops)


def build(texts: list[tuple[str, str | None]], common: frozenset[str]) -> list[dict[str, object]]:
    """The groups of the dictionaries' texts, each ``(text, code prefix kept)``."""
    kept: list[tuple[list[str], str]] = []
    for text, prefix in texts:
        for names, codes, tops in entries(text):
            distinct = {c for c, _ in codes}
            if len(distinct) != 1 or any(when for _, when in codes):
                continue
            code = distinct.pop()
            if not _VALID_CODE.fullmatch(code) or (prefix and not code.startswith(prefix)):
                continue
            if prefix and _person_like(names[0] if names else "", common):
                continue  # "RALPH_FIENNES_ [IGOUNO]": someone serving an IGO
            good = [
                n for i, n in enumerate(dict.fromkeys(names))
                if len(n.replace(".", "")) > 2 and not n.isdigit()
                and (_specific(n, common) if " " in n else _one_word_kept(n, i == 0, tops, common))
            ]
            if good:
                kept.append((good, code))
    shared = Counter(n for names, _ in kept for n in set(names))
    groups: list[dict[str, object]] = []
    for names, code in kept:
        unique = [n for n in names if shared[n] == 1]
        if unique:
            groups.append({"name": display(unique[0]), "code": code, "aliases": unique[1:]})
    return groups


def render(groups: list[dict[str, object]]) -> str:
    head = {
        "about": "Non-state armed groups and intergovernmental organizations of the Phoenix "
                 "actor dictionaries with their CAMEO actor codes, converted by "
                 "tools/build_phoenix_groups.py from PETRARCH's Phoenix.MilNonState.actors.txt "
                 "and the IGO entries of Phoenix.International.actors.txt. Do not edit by "
                 "hand: rerun the tool.",
        "licence": LICENCE,
    }
    rows = [f"    {json.dumps(g, ensure_ascii=False)}" for g in groups]
    return json_document(head, "groups", rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dictionaries", type=Path, default=DICTIONARIES)
    ap.add_argument("--treebank", type=Path, default=TREEBANK)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    texts = [
        ((args.dictionaries / name).read_text(encoding="utf-8", errors="replace"), prefix)
        for name, prefix in SOURCES
    ]
    common = common_words(args.treebank.read_text(encoding="utf-8"))
    groups = build(texts, common)
    return write_or_check(
        args.out, render(groups), check=args.check,
        remedy="rerun tools/build_phoenix_groups.py", summary=f"{len(groups)} groups",
    )


if __name__ == "__main__":
    raise SystemExit(main())
