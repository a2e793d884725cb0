"""Convert PETRARCH's CAMEO verb dictionary into the library's trigger data.

Usage::

    python tools/build_cameo_verbs.py [--dictionary FILE] [--out FILE] [--check]

Reads ``CAMEO.2.0.txt`` (Open Event Data Alliance, MIT licence; default
``<repo>/../shared/data/petrarch-dictionaries/CAMEO.2.0.txt``) and writes
``src/diplo_events/data/cameo_verbs.json``: verb triggers, each with the
CAMEO code the dictionary gives it and the event kind of that code's root
(``KIND_OF_ROOT``).  The lexicon loads them after its own hand-written
triggers; a verb the hand-written lexicon already has keeps only its own
entries there (see ``diplo_events._rules.lexicon``).

What is converted, and how (PETRARCH's format is richer than the library's
trigger entries, so some patterns are simplified, never invented):

* A verb block ``---  NAME   [code]  ---`` lists verbs; a verb's own
  ``[code]`` overrides the block's.  Each verb whose code is a CAMEO code
  with a PLOVER category, of a kind in ``DEFAULT_KINDS``, becomes a trigger
  with that code.  Codes of root 01
  (statements: the hand lexicon's ``statement`` kind reads them, with its
  conditions) and blocks coded ``---`` give no default trigger.
* A pattern ``- * OBJECT [code]`` (words after the verb) becomes a trigger
  that fires only with that object lemma, of the verbs its comment names
  (the verb it was written for; PETRARCH applies it to the whole block, which
  over a block of forty loose synonyms codes more noise than events), or of
  every verb of the block when the comment names none; a
  phrase in braces (``{ARMS SHIPMENT}``) is read by its last word, its head;
  a synonym set (``&FOOD``) by its members.  ``(PREP NOUN)`` becomes the
  particle or preposition ``prep`` with the dependent ``noun``.  Patterns
  with words before the verb, compound codes (``[042:043]`` takes its
  first), codes with no category, ``[---]`` (a pattern that blocks
  coding) and patterns that name only a preposition or particle ("- * (TO)",
  "- * OVER": in most sentences, they select nothing) are left out.
* A general English verb that is only a synonym in another verb's block
  gets no default trigger, only its patterns: one of the ``GENERAL_TOP``
  most frequent verb lemmas of UD English-EWT's training part (web text of
  every kind; ``--treebank``) that does not name its block.  "Take" in the
  block APPREHEND, "check" in INSPECT fire far more often in other senses
  (take risks, check the weather); "take hostages" is still a pattern, and
  "kill" keeps the default of the block it names.
* Multi-word verbs are kept where the second word is a verb particle
  (``HAND_OVER``); others are left out.

``--check`` exits 1 if the data file differs from what the dictionary gives
now (CI runs it when the dictionary is beside the checkout).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.append(str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generated import json_document, write_or_check

from diplo_events._rules.codes import plover_for

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DICTIONARY = REPO.parent / "shared" / "data" / "petrarch-dictionaries" / "CAMEO.2.0.txt"
DEFAULT_OUT = REPO / "src" / "diplo_events" / "data" / "cameo_verbs.json"
DEFAULT_TREEBANK = REPO.parent / "shared" / "data" / "ud-english-ewt" / "en_ewt-ud-train.conllu"
#: How many of general English's most frequent verbs fire only through patterns.
GENERAL_TOP = 100

#: The library's event kind for each CAMEO root (two digits); a root absent
#: here gives no trigger.  057 (sign a formal agreement) is the agreement kind
#: whatever its root says (``KIND_OF_CODE``).
KIND_OF_ROOT = {
    "02": "request", "03": "promise", "04": "meeting", "05": "support",
    "06": "cooperation", "07": "aid", "08": "concession", "09": "investigation",
    "10": "request", "11": "accusation", "12": "rejection", "13": "threat",
    "14": "protest", "15": "mobilization", "16": "sanction", "17": "coercion",
    "18": "assault", "19": "assault", "20": "assault",
}  # fmt: skip
KIND_OF_CODE = {"042": "visit", "043": "visit", "057": "agreement"}
#: Kinds that take the dictionary's unconditioned verbs (a verb block's default
#: code).  The other kinds have hand-written triggers with conditions: there the
#: dictionary adds only its object-specific patterns, because its blocks' loose
#: synonyms ("come", "go", "face" as consultation; "want", "decide" as intent)
#: fire on ordinary sentences far more often than they name the event (measured
#: on the in-house set, whose annotation of those kinds is exhaustive).
DEFAULT_KINDS = frozenset(
    {"support", "concession", "investigation", "protest", "mobilization", "coercion", "assault"}
)
#: Kinds whose events have a partner: material cooperation is done with
#: someone ("shared intelligence with India"; "provided details in a
#: statement" is no cooperation).
PARTNER_KINDS = frozenset({"cooperation"})
#: Verbs whose subject undergoes the event: "Bill died" names a victim, and the
#: library reads a subject as the agent, so their plain triggers would code the
#: dead as attackers.  Their patterns with an agent phrase are left out as well.
AFFECTED_SUBJECT = frozenset({"die", "perish"})
#: Kinds that take only the dictionary's object-specific patterns: material
#: cooperation's blocks hold verbs as loose as "give", "lead", "serve", which on
#: PLV_train's read part named the labelled relation 3 times in 78.
PATTERN_KINDS = DEFAULT_KINDS | {"cooperation", "aid", "threat"}

PARTICLES = frozenset(
    {"up", "down", "off", "out", "over", "back", "in", "on", "away", "aside", "through"}
)
PREPOSITIONS = frozenset(
    {"to", "with", "for", "against", "into", "on", "in", "at", "from", "of", "over", "about",
     "toward", "towards", "by", "under", "upon", "across", "behind", "before", "after"}
)  # fmt: skip

#: A verb's own code when it is ``[---]``: no default trigger.
BLOCKED = "---"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
_WORD = re.compile(r"^[A-Z][A-Z_'-]*$")


@dataclass
class Block:
    name: str
    code: str | None
    #: (lemma, particle or None, own code or None)
    verbs: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    #: (words after the verb, code, the verbs it was written for: empty for all)
    patterns: list[tuple[str, str, frozenset[str]]] = field(default_factory=list)


def _code(raw: str) -> str | None:
    """The event code of ``[raw]``: the first of a compound, None for ``---`` or none."""
    first = raw.split(":")[0].strip()
    return first if first.isdigit() and 2 <= len(first) <= 4 else None


def _verb(token: str) -> tuple[str, str | None] | None:
    """A dictionary verb form as (lemma, particle); None where the library cannot read it."""
    token = token.lstrip("+").rstrip("_")
    if not token or not _WORD.match(token):
        return None
    parts = token.lower().split("_")
    if len(parts) == 1:
        return parts[0], None
    if len(parts) == 2 and parts[1] in PARTICLES and parts[0].isalpha():
        return parts[0], parts[1]
    return None


def parse(text: str) -> tuple[dict[str, list[str]], list[Block]]:
    """The synonym sets and the verb blocks of the dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    block: Block | None = None
    for raw in text.splitlines():
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            continue
        if m := _BLOCK.match(line):
            current_set = None
            block = Block(m.group(1), _code(m.group(2)))
            blocks.append(block)
            continue
        if line.startswith("&"):
            current_set = line.strip()
            synsets[current_set] = []
            block = None
            continue
        if current_set is not None and line.startswith("+"):
            word = line[1:].strip().rstrip("_").split("_")[-1].lower()
            if word.isalpha():
                synsets[current_set].append(word)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            m = _CODE.search(line)
            if m is None:
                continue
            body = line[1 : m.start()].strip()
            code = _code(m.group(1))
            if code is not None and body.startswith("*"):
                block.patterns.append((body[1:].strip(), code, _written_for(comment)))
            continue
        m = _CODE.search(line)
        # A verb's own code may follow its irregular forms ("HOLD {...} [---]");
        # an own "---" means the verb codes nothing by itself.
        own = (_code(m.group(1)) or BLOCKED) if m else None
        word = _CODE.sub("", line.split("{", 1)[0]).strip()
        if " " in word:
            continue
        verb = _verb(word)
        if verb is not None:
            block.verbs.append((verb[0], verb[1], own))
    return synsets, blocks


def _written_for(comment: str) -> frozenset[str]:
    """The verbs a pattern's comment names ("# ATTACK , ATTACK"; "# KILLED_AND"), lower case."""
    words = re.findall(r"[A-Z][A-Z_]+", comment.split(":")[0])
    return frozenset(w.lower().split("_")[0] for w in words[:3] if w.upper() == w)


def _pattern_condition(
    words: str, synsets: dict[str, list[str]]
) -> dict[str, list[str]] | None:
    """The trigger conditions of the words after ``*``; None where they cannot be read."""
    if not words or "$" in words or "+" in words or "%" in words or "^" in words:
        return None
    # First element: a prepositional phrase, a braced phrase or a word
    if words.startswith("("):
        inner = words[1 : words.find(")")].split() if ")" in words else []
        if not inner:
            return None
        prep = inner[0].lower()
        if prep not in PREPOSITIONS | PARTICLES:
            return None
        rest = inner[1:]
        if not rest:
            # "- * (TO)": a preposition alone is in most sentences and names nothing
            return None
        heads = _heads(rest[-1].strip("{}"), synsets)
        return None if heads is None else {"particle": [prep], "obl": heads}
    if words.startswith("{"):
        inner = words[1 : words.find("}")].split() if "}" in words else []
        if not inner:
            return None
        heads = _heads(inner[-1], synsets)
    else:
        first = words.split()[0]
        if first.lower() in PREPOSITIONS | PARTICLES:
            return None  # "- * OVER", "- * IN": a particle alone, no object named
        heads = _heads(first, synsets)
    return None if heads is None else {"objects": heads}


def _heads(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    if token.startswith("&"):
        members = synsets.get(token)
        return sorted(set(members)) if members else None
    word = token.rstrip("_").split("_")[-1].lower()
    return [word] if word.isalpha() and len(word) > 1 else None


def kind_of(code: str) -> str | None:
    """The library's kind for a CAMEO code, or None for codes it does not read."""
    return KIND_OF_CODE.get(code[:3]) or KIND_OF_ROOT.get(code[:2])


def _codable(code: str | None) -> bool:
    return (
        code is not None
        and kind_of(code) in PATTERN_KINDS
        and (code.startswith("02") or plover_for(code) is not None)
    )


def triggers(
    synsets: dict[str, list[str]], blocks: list[Block], general: frozenset[str] = frozenset()
) -> Iterator[dict[str, Any]]:
    """Trigger entries: each block's patterns first (they are more specific), then defaults.

    Verbs in ``general`` get no default trigger, only their patterns.
    """
    seen: set[str] = set()
    for block in blocks:
        conditions = []
        for words, code, written_for in block.patterns:
            cond = _pattern_condition(words, synsets)
            if cond is not None and _codable(code):
                conditions.append((cond, code, written_for))
        for lemma, particle, own in block.verbs:
            if lemma in AFFECTED_SUBJECT:
                continue
            for cond, code, written_for in conditions:
                if written_for and lemma not in written_for:
                    continue
                entry: dict[str, Any] = {"lemma": lemma, "pos": "VERB", "kind": kind_of(code),
                                         "cameo": code, **cond}
                if entry["kind"] in PARTNER_KINDS:
                    entry["needs_target"] = True
                if particle is not None:
                    entry["particle"] = sorted({particle, *cond.get("particle", [])})
                key = json.dumps(entry, sort_keys=True)
                if key not in seen:
                    seen.add(key)
                    yield entry
            code = own or block.code
            if (
                code is None
                or code == BLOCKED
                or not _codable(code)
                or kind_of(code) not in DEFAULT_KINDS
                or (lemma in general and lemma != block.name.lower())
            ):
                continue
            entry = {"lemma": lemma, "pos": "VERB", "kind": kind_of(code), "cameo": code}
            if particle is not None:
                entry["particle"] = [particle]
            key = json.dumps(entry, sort_keys=True)
            if key not in seen:
                seen.add(key)
                yield entry


#: Synonym sets whose members are the means of force: "Syrian government missiles
#: have struck ..." is an assault by whoever fires them.
INSTRUMENT_SETS = ("&WEAPON", "&AIRCRAFT", "&WMD")
#: Nominal forms of force the sets lack (the events themselves as subjects:
#: "A U.S. military airstrike has killed ...").
INSTRUMENT_NOUNS = ("airstrike", "strike", "attack", "bombing", "shelling", "bombardment",
                    "offensive", "raid", "fire", "gunfire", "barrage", "explosion")


def instruments(synsets: dict[str, list[str]]) -> list[str]:
    """Nouns whose referent does what its user does, for kinds with ``instrument_agents``."""
    words = {w for name in INSTRUMENT_SETS for w in synsets.get(name, [])}
    return sorted(words | set(INSTRUMENT_NOUNS))


def general_verbs(treebank: Path, top: int = GENERAL_TOP) -> frozenset[str]:
    """The ``top`` most frequent verb lemmas of a CoNLL-U treebank (lower case)."""
    counts: Counter[str] = Counter()
    with open(treebank, encoding="utf-8") as f:
        for line in f:
            cols = line.split("\t")
            if len(cols) == 10 and cols[3] == "VERB":
                counts[cols[2].lower()] += 1
    return frozenset(w for w, _ in counts.most_common(top))


def build(dictionary: Path, treebank: Path) -> dict[str, Any]:
    return build_from_text(dictionary.read_text(encoding="utf-8", errors="replace"),
                           general_verbs(treebank))


def build_from_text(text: str, general: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The data file's contents for the dictionary's text."""
    synsets, blocks = parse(text)
    entries = list(triggers(synsets, blocks, general))
    # Within a lemma, entries with conditions come before the unconditioned one,
    # so that the lexicon's first match is the most specific.
    order = {id(e): i for i, e in enumerate(entries)}
    entries.sort(key=lambda e: (e["lemma"], "objects" not in e and "obl" not in e
                                and "particle" not in e, order[id(e)]))
    return {
        "about": (
            "Verb triggers converted by tools/build_cameo_verbs.py from the CAMEO verb "
            "dictionary CAMEO.2.0.txt of the PETRARCH coder. Do not edit by hand: rerun "
            "the tool."
        ),
        "licence": (
            "MIT License. Copyright (c) 2015 Open Event Data Alliance. Permission is "
            "hereby granted, free of charge, to any person obtaining a copy of this "
            "software and associated documentation files (the \"Software\"), to deal in "
            "the Software without restriction, including without limitation the rights to "
            "use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies "
            "of the Software, and to permit persons to whom the Software is furnished to do "
            "so, subject to the following conditions: The above copyright notice and this "
            "permission notice shall be included in all copies or substantial portions of "
            "the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY "
            "KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF "
            "MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO "
            "EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES "
            "OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, "
            "ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
            "DEALINGS IN THE SOFTWARE."
        ),
        "instruments": instruments(synsets),
        "triggers": entries,
    }


def render(data: dict[str, Any]) -> str:
    head = {k: data[k] for k in ("about", "licence", "instruments")}
    rows = [f"    {json.dumps(e, sort_keys=False)}" for e in data["triggers"]]
    return json_document(head, "triggers", rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    ap.add_argument("--treebank", type=Path, default=DEFAULT_TREEBANK,
                    help="CoNLL-U treebank of general English whose most frequent verbs "
                         "get no default trigger")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    data = build(args.dictionary, args.treebank)
    return write_or_check(
        args.out, render(data), check=args.check,
        remedy="run python tools/build_cameo_verbs.py", summary=f"{len(data['triggers'])} triggers",
    )


if __name__ == "__main__":
    raise SystemExit(main())
