"""Score the extractor against the hand-annotated event development set.

Usage::

    python tools/eval_events.py [--devset eval/devset] [--model-dir DIR] [--errors]
        [--json OUT] [--docs all|heldout|train]

Runs ``Extractor.load()`` (or ``Extractor.load(DIR)``) on every document of
``documents.jsonl`` with its ``published`` date and compares the events with
``gold.jsonl`` (the format and the annotation guidelines are in
``eval/devset/README.md``).

Matching: a system event and a gold event match when they are in the same
document, of the same kind, and their trigger spans overlap.  Pairs are taken
one-to-one, greedily: identical spans first, then pairs whose agents agree,
then larger overlaps, then text order.  So when the extractor gives one event
per coordinated agent ("Xi and Blinken said"), each finds its own gold event.

Printed: per kind, gold and system counts, true positives, precision, recall
and F1; micro-averaged totals (and a macro F1 over the kinds that have gold
events); then, over the matched pairs, how often the agent, the targets, the
date, ``negated`` and ``hypothetical`` are right:

* agent: the gold name contained in the system name or the other way round,
  ignoring case; both None is right, only one None is wrong;
* targets: some gold target and some system target overlap in that sense;
  both empty is right, only one empty is wrong;
* date: equal TIMEX3 values (``2024-04-24``, ``2024-W17``, ``1999-FA``,
  ``PAST_REF`` ...); both None is right.

Only the kinds the set annotates (``ANNOTATED_KINDS``) are scored; events of
other kinds are counted apart.

``--docs heldout`` scores only the documents the bundled parser never saw
(the seed article and UD English-EWT dev/test); ``--docs train`` only the few
UD English-EWT *train* documents of the set.  ``--errors`` lists false
positives, false negatives and attribute mismatches with their sentence.
``--json OUT`` writes the numbers.

The scoring functions are pure (``load_devset``, ``system_events``,
``match``, ``score``, ``format_table``, ``error_report``) and are tested on
hand-built events in ``tests/test_eval_events.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.append(str(Path(__file__).resolve().parent.parent / "src"))

from diplo_events import Event, EventKind, ModelNotFoundError

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = REPO / "eval" / "devset"
KINDS = [k.value for k in EventKind]
#: The kinds the set's guidelines annotate (eval/devset/README.md), exhaustively.
#: Events of later kinds (assault, coercion, ...) are not annotated there, so
#: they are counted apart and not scored: an unannotated kind's events are
#: neither right nor wrong by this set.
ANNOTATED_KINDS = (
    "meeting", "visit", "bill_signing", "warning", "threat", "agreement", "accusation",
    "sanction", "aid", "statement", "proposal", "request", "promise", "rejection",
)  # fmt: skip


# -- data ---------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    published: str | None
    source: str = ""

    @property
    def held_out(self) -> bool:
        """Not among the bundled parser's training data (UD English-EWT train)."""
        return "EWT train" not in self.source


@dataclass(frozen=True)
class Mention:
    """One event, gold or system, reduced to what is scored."""

    doc: str
    kind: str
    start: int
    end: int
    trigger: str
    agent: str | None = None
    targets: tuple[str, ...] = ()
    date: str | None = None
    negated: bool = False
    hypothetical: bool = False
    #: The sentence, as offsets into the document (system events only).
    sentence: tuple[int, int] | None = None
    note: str | None = None


def load_devset(path: Path) -> tuple[list[Document], list[Mention]]:
    """The documents and gold events of a devset directory, checked."""
    docs: list[Document] = []
    with open(path / "documents.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append(Document(d["id"], d["text"], d.get("published"), d.get("source", "")))
    by_id = {d.id: d for d in docs}
    if len(by_id) != len(docs):
        raise ValueError("duplicate document ids in documents.jsonl")
    gold: list[Mention] = []
    with open(path / "gold.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            g = json.loads(line)
            doc = by_id.get(g["doc"])
            if doc is None:
                raise ValueError(f"gold.jsonl line {n}: unknown document {g['doc']!r}")
            if g["kind"] not in KINDS:
                raise ValueError(f"gold.jsonl line {n}: unknown kind {g['kind']!r}")
            start, trig = g["trigger_start"], g["trigger"]
            if doc.text[start:start + len(trig)] != trig:
                raise ValueError(f"gold.jsonl line {n}: {trig!r} is not at offset {start}")
            gold.append(Mention(doc.id, g["kind"], start, start + len(trig), trig, g.get("agent"),
                                tuple(g.get("targets") or ()), g.get("date"),
                                bool(g.get("negated")), bool(g.get("hypothetical")),
                                note=g.get("note")))
    return docs, gold


def system_events(doc_id: str, events: Iterable[Event]) -> list[Mention]:
    """The extractor's events of one document as mentions."""
    return [
        Mention(
            doc=doc_id,
            kind=str(e.kind),
            start=e.trigger.start,
            end=e.trigger.end,
            trigger=e.trigger.text,
            agent=e.agent.name if e.agent is not None else None,
            targets=tuple(t.name for t in e.targets),
            date=e.date.timex if e.date is not None else None,
            negated=e.negated,
            hypothetical=e.hypothetical,
            sentence=(e.sentence.start, e.sentence.end),
        )
        for e in events
    ]


# -- matching and scoring -----------------------------------------------------


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def names_agree(a: str | None, b: str | None) -> bool:
    """One name contained in the other, ignoring case and spacing; both None agree."""
    if a is None or b is None:
        return a is None and b is None
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return a == b
    return a in b or b in a


def targets_agree(gold: Sequence[str], system: Sequence[str]) -> bool:
    """Some gold target agrees with some system target; both empty agree."""
    if not gold or not system:
        return not gold and not system
    return any(names_agree(g, s) for g in gold for s in system)


def dates_agree(gold: str | None, system: str | None) -> bool:
    return gold == system


def _overlap(g: Mention, s: Mention) -> int:
    return min(g.end, s.end) - max(g.start, s.start)


def match(gold: Sequence[Mention], system: Sequence[Mention]) -> list[tuple[int, int]]:
    """One-to-one greedy pairs ``(gold index, system index)``: same doc, kind, overlapping span."""
    by_key: dict[tuple[str, str], list[int]] = {}
    for j, s in enumerate(system):
        by_key.setdefault((s.doc, s.kind), []).append(j)
    candidates = []
    for i, g in enumerate(gold):
        for j in by_key.get((g.doc, g.kind), ()):
            s = system[j]
            ov = _overlap(g, s)
            if ov > 0:
                same_span = g.start == s.start and g.end == s.end
                candidates.append((not same_span, not names_agree(g.agent, s.agent), -ov, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float | None]:
    """Precision, recall and F1; None where a denominator is zero."""
    p = tp / n_sys if n_sys else None
    r = tp / n_gold if n_gold else None
    f: float | None = None
    if p is not None and r is not None:
        f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


@dataclass
class Scores:
    per_kind: dict[str, dict[str, Any]] = field(default_factory=dict)
    micro: dict[str, Any] = field(default_factory=dict)
    macro_f1: float | None = None
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"per_kind": self.per_kind, "micro": self.micro, "macro_f1": self.macro_f1,
                "attributes": self.attributes}


def in_scope(system: Sequence[Mention]) -> tuple[list[Mention], Counter[str]]:
    """The events of the kinds the set annotates, and the count of the others by kind."""
    unscored = Counter(s.kind for s in system if s.kind not in ANNOTATED_KINDS)
    return [s for s in system if s.kind in ANNOTATED_KINDS], unscored


def score(gold: Sequence[Mention], system: Sequence[Mention],
          pairs: Sequence[tuple[int, int]] | None = None) -> Scores:
    """Per-kind and micro P/R/F1, and attribute accuracy over the matched pairs."""
    if pairs is None:
        pairs = match(gold, system)
    out = Scores()
    kinds = KINDS + sorted({m.kind for m in (*gold, *system)} - set(KINDS))
    for kind in kinds:
        n_gold = sum(g.kind == kind for g in gold)
        n_sys = sum(s.kind == kind for s in system)
        tp = sum(gold[i].kind == kind for i, _ in pairs)
        out.per_kind[kind] = {"gold": n_gold, "system": n_sys, "tp": tp, **_prf(tp, n_sys, n_gold)}
    out.micro = {"gold": len(gold), "system": len(system), "tp": len(pairs),
                 **_prf(len(pairs), len(system), len(gold))}
    f1s = [v["f1"] or 0.0 for v in out.per_kind.values() if v["gold"]]
    out.macro_f1 = sum(f1s) / len(f1s) if f1s else None
    checks = {
        "agent": lambda g, s: names_agree(g.agent, s.agent),
        "targets": lambda g, s: targets_agree(g.targets, s.targets),
        "date": lambda g, s: dates_agree(g.date, s.date),
        "negated": lambda g, s: g.negated == s.negated,
        "hypothetical": lambda g, s: g.hypothetical == s.hypothetical,
    }
    out.attributes = {"pairs": len(pairs)}
    for name, ok in checks.items():
        right = sum(ok(gold[i], system[j]) for i, j in pairs)
        out.attributes[name] = {"right": right, "accuracy": right / len(pairs) if pairs else None}
    return out


# -- reporting ----------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{100 * x:5.1f}"


def format_table(scores: Scores) -> str:
    lines = [f"{'kind':<13} {'gold':>5} {'sys':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for kind, v in scores.per_kind.items():
        if not v["gold"] and not v["system"]:
            continue
        lines.append(f"{kind:<13} {v['gold']:>5} {v['system']:>5} {v['tp']:>5} "
                     f"{_pct(v['precision']):>6} {_pct(v['recall']):>6} {_pct(v['f1']):>6}")
    m = scores.micro
    lines.append(f"{'micro':<13} {m['gold']:>5} {m['system']:>5} {m['tp']:>5} "
                 f"{_pct(m['precision']):>6} {_pct(m['recall']):>6} {_pct(m['f1']):>6}")
    lines.append(f"{'macro F1':<13} {'':>31} {_pct(scores.macro_f1):>6}")
    a = scores.attributes
    lines.append("")
    lines.append(f"on {a['pairs']} matched pairs: " + ", ".join(
        f"{name} {_pct(a[name]['accuracy']).strip()}% ({a[name]['right']})"
        for name in ("agent", "targets", "date", "negated", "hypothetical")))
    return "\n".join(lines)


_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n\s*\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """A rough sentence around ``start..end`` (for gold events, which carry none)."""
    lo, hi = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _context(doc: Document | None, m: Mention) -> str:
    if doc is None:
        return ""
    lo, hi = m.sentence or sentence_around(doc.text, m.start, m.end)
    if hi - lo > 400:  # keep long "sentences" readable
        lo, hi = max(lo, m.start - 200), min(hi, m.end + 200)
    snippet = doc.text[lo:m.start] + "[[" + doc.text[m.start:m.end] + "]]" + doc.text[m.end:hi]
    return " ".join(snippet.split())


def _describe(m: Mention) -> str:
    flags = "".join((" neg" if m.negated else "", " hyp" if m.hypothetical else ""))
    return (f"{m.kind} {m.trigger!r}@{m.start} agent={m.agent!r} targets={list(m.targets)}"
            f" date={m.date}{flags}")


def error_report(docs: Sequence[Document], gold: Sequence[Mention], system: Sequence[Mention],
                 pairs: Sequence[tuple[int, int]]) -> str:
    """False negatives, false positives and attribute mismatches, each with its sentence."""
    by_id = {d.id: d for d in docs}
    order = {d.id: n for n, d in enumerate(docs)}

    def place(m: Mention) -> tuple[int, int]:
        return order.get(m.doc, len(order)), m.start

    matched_g = {i for i, _ in pairs}
    matched_s = {j for _, j in pairs}
    out: list[str] = []
    for title, items in (
        ("FALSE NEGATIVES (gold events not found)",
         [g for i, g in enumerate(gold) if i not in matched_g]),
        ("FALSE POSITIVES (system events not in gold)",
         [s for j, s in enumerate(system) if j not in matched_s]),
    ):
        out.append(f"== {title}: {len(items)}")
        for m in sorted(items, key=place):
            out.append(f"{m.doc[:60]}  {_describe(m)}")
            out.append(f"    | {_context(by_id.get(m.doc), m)}")
    mismatches = []
    for i, j in pairs:
        g, s = gold[i], system[j]
        wrong = [name for name, ok in (
            ("agent", names_agree(g.agent, s.agent)),
            ("targets", targets_agree(g.targets, s.targets)),
            ("date", dates_agree(g.date, s.date)),
            ("negated", g.negated == s.negated),
            ("hypothetical", g.hypothetical == s.hypothetical),
        ) if not ok]
        if wrong:
            mismatches.append((g, s, wrong))
    out.append(f"== ATTRIBUTE MISMATCHES on matched pairs: {len(mismatches)}")
    for g, s, wrong in sorted(mismatches, key=lambda x: place(x[0])):
        out.append(f"{g.doc[:60]}  {'/'.join(wrong)} wrong")
        out.append(f"    gold:   {_describe(g)}" + (f"  ({g.note})" if g.note else ""))
        out.append(f"    system: {_describe(s)}")
        out.append(f"    | {_context(by_id.get(g.doc), g)}")
    return "\n".join(out)


# -- running the extractor ----------------------------------------------------


def run_extractor(docs: Sequence[Document], model_dir: Path | None,
                  device: str = "cpu", political_only: bool = True) -> list[Mention]:
    from diplo_events import Extractor

    extractor = Extractor.load(model_dir, device=device, political_only=political_only)
    items = [(d.text, {"id": d.id, "published": d.published}) for d in docs]
    out: list[Mention] = []
    for doc, result in zip(docs, extractor.extract_many(items, batch_size=8), strict=True):
        if result.error is not None:
            print(f"warning: {doc.id}: {result.error}", file=sys.stderr)
            continue
        out.extend(system_events(doc.id, result.events))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET,
                        help="directory with documents.jsonl and gold.jsonl")
    parser.add_argument("--model-dir", type=Path, default=None,
                        help="a stanza model directory (default: the bundled model)")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--all-events", action="store_true",
                        help="score every event, also those without a political participant "
                             "(Extractor(political_only=False))")
    parser.add_argument("--docs", choices=("all", "heldout", "train"), default="all",
                        help="score all documents, only those the parser never saw, or only "
                             "the UD English-EWT train ones")
    parser.add_argument("--errors", action="store_true",
                        help="list false positives, false negatives and attribute mismatches")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT",
                        help="write the numbers as JSON")
    args = parser.parse_args(argv)

    docs, gold = load_devset(args.devset)
    if args.docs != "all":
        keep = {d.id for d in docs if d.held_out == (args.docs == "heldout")}
        docs = [d for d in docs if d.id in keep]
        gold = [g for g in gold if g.doc in keep]

    t0 = time.perf_counter()
    try:
        system = run_extractor(docs, args.model_dir, args.device, not args.all_events)
    except ModelNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - t0
    system, unscored = in_scope(system)

    pairs = match(gold, system)
    scores = score(gold, system, pairs)
    print(f"{len(docs)} documents, {len(gold)} gold events, {len(system)} system events "
          f"({seconds:.0f} s)\n")
    print(format_table(scores))
    if unscored:
        print("not scored, of kinds the set does not annotate: "
              + ", ".join(f"{k} {n}" for k, n in sorted(unscored.items())))
    subsets: dict[str, Any] = {}
    if args.docs == "all":
        for name, held in (("heldout", True), ("train", False)):
            ids = {d.id for d in docs if d.held_out == held}
            g_sub = [g for g in gold if g.doc in ids]
            s_sub = [s for s in system if s.doc in ids]
            sub = score(g_sub, s_sub)
            subsets[name] = {"documents": len(ids), **sub.to_dict()}
            m = sub.micro
            print(f"micro on {name} documents ({len(ids)}): gold {m['gold']} system {m['system']}"
                  f" tp {m['tp']}  P {_pct(m['precision'])} R {_pct(m['recall'])}"
                  f" F1 {_pct(m['f1'])}")
    if args.errors:
        print()
        print(error_report(docs, gold, system, pairs))
    if args.json is not None:
        payload = {"devset": str(args.devset), "docs": args.docs, "documents": len(docs),
                   "model_dir": str(args.model_dir) if args.model_dir else None,
                   "seconds": round(seconds, 1), **scores.to_dict(), "subsets": subsets,
                   "unscored": dict(sorted(unscored.items()))}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
