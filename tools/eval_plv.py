"""Score the extractor's PLOVER codes on the PLV_train sentences (an external labelled set).

Usage::

    python tools/eval_plv.py [--data DIR] [--part read|unread|all] [--errors]
        [--json OUT] [--cache FILE] [--model-dir DIR] [--device cpu]

The data is ``PLV_train.tsv`` of Hu et al., "Leveraging Codebook Knowledge
with NLI and ChatGPT for Zero-Shot Political Relation Classification" (ACL
2024): news sentences, each with one or more (source, target) pairs labelled
with the PLOVER root category of their relation (``gold_root``).  It has no
licence, so it is read from ``--data`` (default ``<repo>/../shared/data/
plv-train``) and nothing of it is stored in the repository.

Split: every distinct sentence goes to the part ``read`` (70 %) or ``unread``
(30 %) by the SHA-256 of ``"plv-split-2026:" + sentence``, so the pairs of a
sentence stay together and the split needs no stored file.  Work on ``read``;
measure on ``unread`` only now and then, and never look at its sentences:
``--errors`` (misses and wrong codes, each with its sentence) refuses to run
on ``unread`` or ``all``.

Each sentence is one document for ``Extractor.extract_many`` (no publication
date).  The set's fifteen roots merge PLOVER's CONCEDE and RETREAT into the
older YIELD, so the library's CONCEDE and RETREAT count as YIELD here
(``to_plv``).  Per gold category and overall (micro):

* hit: the share of gold pairs whose sentence has at least one library event
  with the pair's category;
* agreement: the share of the library's PLOVER-coded events (in the scored
  sentences) whose category is the gold root of one of its sentence's pairs;
* agent: among the hits, the share where the agent (text or name) of some
  hitting event and the gold ``source`` contain one another, ignoring case.

Totals are given over all fifteen categories and over the categories the
library can emit: the PLOVER codes of the bundled lexicon's triggers (fixed
by the lexicon, not by what a part happens to produce; ``emitted_categories``).
Also printed: the part sizes, the sentences without any event, the library's
(kind, CAMEO, PLOVER) combinations and its most frequent wrong codes.

``--cache FILE`` keeps the library's events per sentence (keyed by the
sentence's SHA-256, outside the repository please) with a fingerprint of the
imported package and model; a later run with the same code re-scores from it
instead of parsing again, and a changed fingerprint discards it.

The scoring functions are pure (``load_pairs``, ``part_of``, ``select``,
``system_events``, ``agent_agrees``, ``score``, ``format_table``,
``error_report``) and are tested on invented sentences in
``tests/test_eval_plv.py``.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.append(str(Path(__file__).resolve().parent.parent / "src"))

from diplo_events import Event, Lexicon, ModelNotFoundError

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "plv-train"
DATA_FILE = "PLV_train.tsv"
COLUMNS = ("sentence", "marked_sentence", "source", "target", "gold_root")

#: The set's fifteen root categories, in PLOVER's order.
PLV_ROOTS = (
    "AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
#: PLOVER 2.0 categories the set merges: CONCEDE and RETREAT were CAMEO/WEIS's YIELD.
PLOVER_TO_PLV = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}

SPLIT_SALT = "plv-split-2026"
READ_PERCENT = 70
PARTS = ("read", "unread", "all")


# -- data ---------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """One labelled (source, target) pair of a sentence."""

    sentence: str
    source: str
    target: str
    gold: str
    #: The line of the TSV file where the row ends (for ``--errors``).
    line: int = 0


def load_pairs(path: Path) -> list[Pair]:
    """The pairs of ``PLV_train.tsv`` (``path`` is the file or its directory), checked."""
    if path.is_dir():
        path = path / DATA_FILE
    pairs: list[Pair] = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        for row in reader:
            gold = row["gold_root"].strip()
            if gold not in PLV_ROOTS:
                raise ValueError(f"{path} line {reader.line_num}: unknown gold_root {gold!r}")
            if not row["sentence"].strip():
                raise ValueError(f"{path} line {reader.line_num}: empty sentence")
            pairs.append(Pair(row["sentence"], row["source"].strip(), row["target"].strip(),
                              gold, reader.line_num))
    return pairs


def part_of(sentence: str) -> str:
    """``"read"`` for about 70 % of sentences, else ``"unread"``; fixed by the text alone."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{sentence}".encode()).digest()
    return "read" if int.from_bytes(digest[:8], "big") * 100 < READ_PERCENT * 2**64 else "unread"


def select(pairs: Iterable[Pair], part: str) -> list[Pair]:
    """The pairs of one part (``read``, ``unread`` or ``all``)."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    return [p for p in pairs if part == "all" or part_of(p.sentence) == part]


def sentences_of(pairs: Iterable[Pair]) -> list[str]:
    """The distinct sentences of ``pairs``, in order of first appearance."""
    return list(dict.fromkeys(p.sentence for p in pairs))


def part_sizes(pairs: Sequence[Pair]) -> dict[str, dict[str, int]]:
    """Sentences and pairs of each part."""
    out: dict[str, dict[str, int]] = {}
    for part in PARTS:
        chosen = select(pairs, part)
        out[part] = {"sentences": len(sentences_of(chosen)), "pairs": len(chosen)}
    return out


@dataclass(frozen=True)
class SysEvent:
    """One library event, reduced to what is scored."""

    kind: str
    plover: str | None
    cameo: str | None
    trigger: str
    agent_name: str | None = None
    agent_text: str | None = None
    negated: bool = False
    hypothetical: bool = False

    @property
    def code(self) -> str | None:
        """The event's category in the set's terms (see ``to_plv``)."""
        return to_plv(self.plover)


def to_plv(plover: str | None) -> str | None:
    """A PLOVER category as the set names it: CONCEDE and RETREAT are YIELD."""
    return None if plover is None else PLOVER_TO_PLV.get(plover, plover)


def system_events(events: Iterable[Event]) -> list[SysEvent]:
    """The library's events of one sentence, reduced."""
    return [
        SysEvent(
            kind=str(e.kind),
            plover=e.plover,
            cameo=e.cameo,
            trigger=e.trigger.text,
            agent_name=e.agent.name if e.agent is not None else None,
            agent_text=e.agent.text if e.agent is not None else None,
            negated=e.negated,
            hypothetical=e.hypothetical,
        )
        for e in events
    ]


def emitted_categories(lexicon: Lexicon) -> frozenset[str]:
    """The set's categories that the lexicon's triggers can give (CONCEDE, RETREAT as YIELD)."""
    return frozenset(code for t in lexicon.triggers if (code := to_plv(t.plover)) is not None)


# -- matching and scoring -----------------------------------------------------


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def agent_agrees(source: str, event: SysEvent) -> bool:
    """The event's agent text or name and the gold source contain one another (no case)."""
    gold = _norm(source)
    if not gold:
        return False
    for name in (event.agent_text, event.agent_name):
        if name is not None and (system := _norm(name)) and (system in gold or gold in system):
            return True
    return False


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _row(pairs: int, hits: int, agents: int, events: int, agreeing: int) -> dict[str, Any]:
    return {"pairs": pairs, "hits": hits, "hit": _rate(hits, pairs),
            "events": events, "agreeing": agreeing, "agreement": _rate(agreeing, events),
            "agent_right": agents, "agent": _rate(agents, hits)}


@dataclass
class Scores:
    per_category: dict[str, dict[str, Any]] = field(default_factory=dict)
    overall: dict[str, Any] = field(default_factory=dict)
    emitted: list[str] = field(default_factory=list)
    overall_emitted: dict[str, Any] = field(default_factory=dict)
    sentences: dict[str, int] = field(default_factory=dict)
    #: ``[kind, cameo, plover, events]`` rows, most frequent first.
    codes: list[list[Any]] = field(default_factory=list)
    #: ``[system category, gold root of the sentence, events]`` for events that agree with
    #: no pair of their sentence, most frequent first.
    wrong_codes: list[list[Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def score(pairs: Sequence[Pair], system: Mapping[str, Sequence[SysEvent]],
          emitted: Collection[str]) -> Scores:
    """Hit, agreement and agent rates per category, over all and over ``emitted`` ones.

    ``system`` maps each sentence to the library's events in it; a sentence
    missing there counts as one without events.
    """
    sentences = sentences_of(pairs)
    gold_roots: dict[str, set[str]] = {}
    for p in pairs:
        gold_roots.setdefault(p.sentence, set()).add(p.gold)
    events = [(s, e) for s in sentences for e in system.get(s, ())]
    coded = [(s, e, e.code) for s, e in events if e.code is not None]

    out = Scores(emitted=[c for c in PLV_ROOTS if c in emitted]
                 + sorted(set(emitted) - set(PLV_ROOTS)))
    extra = sorted({c for _, _, c in coded} - set(PLV_ROOTS))
    for cat in (*PLV_ROOTS, *extra):
        mine = [p for p in pairs if p.gold == cat]
        hits = agents = 0
        for p in mine:
            hitting = [e for e in system.get(p.sentence, ()) if e.code == cat]
            if hitting:
                hits += 1
                agents += any(agent_agrees(p.source, e) for e in hitting)
        cat_events = [s for s, _, c in coded if c == cat]
        agreeing = sum(cat in gold_roots[s] for s in cat_events)
        out.per_category[cat] = _row(len(mine), hits, agents, len(cat_events), agreeing)

    def total(cats: Collection[str]) -> dict[str, Any]:
        rows = [v for c, v in out.per_category.items() if c in cats]
        return _row(*(sum(v[k] for v in rows)
                      for k in ("pairs", "hits", "agent_right", "events", "agreeing")))

    out.overall = total(out.per_category)
    out.overall_emitted = total(out.emitted)
    with_events = {s for s, _ in events}
    with_codes = {s for s, _, _ in coded}
    out.sentences = {"sentences": len(sentences), "pairs": len(pairs),
                     "without_events": len(sentences) - len(with_events),
                     "without_coded_events": len(sentences) - len(with_codes),
                     "events": len(events), "coded_events": len(coded)}
    kinds = Counter((e.kind, e.cameo, e.plover) for _, e in events)
    out.codes = [[k, c, p, n] for (k, c, p), n in
                 sorted(kinds.items(), key=lambda x: (-x[1], str(x[0])))]
    wrong: Counter[tuple[str, str]] = Counter()
    for s, _, c in coded:
        if c not in gold_roots[s]:
            for g in gold_roots[s]:
                wrong[c, g] += 1
    out.wrong_codes = [[c, g, n] for (c, g), n in
                       sorted(wrong.items(), key=lambda x: (-x[1], x[0]))]
    return out


# -- reporting ----------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{100 * x:5.1f}"


def _line(name: str, v: Mapping[str, Any]) -> str:
    return (f"{name:<19} {v['pairs']:>5} {v['hits']:>5} {_pct(v['hit']):>6} "
            f"{v['events']:>6} {v['agreeing']:>6} {_pct(v['agreement']):>6} "
            f"{v['agent_right']:>6} {_pct(v['agent']):>6}")


def format_table(scores: Scores, top: int = 12) -> str:
    """The scores as a table, ``*`` marking the categories the library can emit."""
    lines = [f"{'category':<19} {'pairs':>5} {'hits':>5} {'hit%':>6} {'events':>6} "
             f"{'agree':>6} {'agr%':>6} {'agent':>6} {'agt%':>6}"]
    for cat, v in scores.per_category.items():
        mark = "*" if cat in scores.emitted else " "
        lines.append(_line(f"{mark}{cat}", v))
    lines.append(_line(f" all {len(scores.per_category)} (micro)", scores.overall))
    lines.append(_line(f"*emitted {len(scores.emitted)} (micro)", scores.overall_emitted))
    s = scores.sentences
    lines.append("")
    lines.append(f"{s['sentences']} sentences, {s['pairs']} pairs: {s['events']} library events "
                 f"({s['coded_events']} with a PLOVER code); {s['without_events']} sentences "
                 f"without any event, {s['without_coded_events']} without a coded one")
    lines.append("* = emitted: the categories of the bundled lexicon's triggers: "
                 + ", ".join(scores.emitted))
    lines.append("")
    lines.append("library events by kind, CAMEO and PLOVER code:")
    lines.extend(f"  {k:<13} {c or '-':>5} {p or '-':<10} {n:>5}" for k, c, p, n in scores.codes)
    lines.append("")
    lines.append(f"most frequent wrong codes, top {top} "
                 "(system category / a gold root of its sentence: events):")
    lines.extend(f"  {c:<10} / {g:<10} {n:>5}" for c, g, n in scores.wrong_codes[:top])
    return "\n".join(lines)


def _describe(e: SysEvent) -> str:
    flags = "".join((" neg" if e.negated else "", " hyp" if e.hypothetical else ""))
    return (f"{e.code or '-'} ({e.kind} {e.cameo or '-'}) {e.trigger!r} "
            f"agent={e.agent_name!r}{flags}")


def error_report(pairs: Sequence[Pair], system: Mapping[str, Sequence[SysEvent]]) -> str:
    """Missed pairs, wrong codes and agent mismatches on hits, each with its sentence."""
    gold_roots: dict[str, list[Pair]] = {}
    for p in pairs:
        gold_roots.setdefault(p.sentence, []).append(p)
    missed: list[str] = []
    mismatched: list[str] = []
    for p in pairs:
        evs = system.get(p.sentence, ())
        hitting = [e for e in evs if e.code == p.gold]
        if not hitting:
            found = "; ".join(_describe(e) for e in evs) or "no events"
            missed.append(f"line {p.line}  gold {p.gold}  source={p.source!r} "
                          f"target={p.target!r}\n    system: {found}\n    | {p.sentence}")
        elif not any(agent_agrees(p.source, e) for e in hitting):
            mismatched.append(f"line {p.line}  gold {p.gold}  source={p.source!r}\n"
                              f"    system: {'; '.join(_describe(e) for e in hitting)}\n"
                              f"    | {p.sentence}")
    wrong: list[str] = []
    for sentence, mine in gold_roots.items():
        roots = {p.gold for p in mine}
        for e in system.get(sentence, ()):
            if e.code is not None and e.code not in roots:
                wrong.append(f"line {mine[0].line}  {_describe(e)}  gold: "
                             f"{', '.join(sorted(roots))}\n    | {sentence}")
    out = [f"== MISSED PAIRS (no event of the gold category in the sentence): {len(missed)}",
           *missed,
           f"== WRONG CODES (events whose category no pair of the sentence has): {len(wrong)}",
           *wrong,
           f"== AGENT MISMATCHES on hits: {len(mismatched)}",
           *mismatched]
    return "\n".join(out)


# -- running the extractor ----------------------------------------------------


def sentence_key(sentence: str) -> str:
    """The cache key of a sentence: its SHA-256, so the cache holds no text of the set."""
    return hashlib.sha256(sentence.encode()).hexdigest()


def read_cache(path: Path, fingerprint: str) -> dict[str, list[SysEvent]]:
    """Cached events by sentence key; empty when the file is absent or from other code."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        header = json.loads(f.readline() or "{}")
        if header.get("fingerprint") != fingerprint:
            print(f"note: {path} was made by other code or another model; not used",
                  file=sys.stderr)
            return {}
        return {rec["key"]: [SysEvent(**e) for e in rec["events"]]
                for rec in map(json.loads, f) if rec}


def write_cache(path: Path, fingerprint: str, entries: Mapping[str, Sequence[SysEvent]]) -> None:
    """Write the cache: a header line with the fingerprint, then one line per sentence key."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"fingerprint": fingerprint}) + "\n")
        for key, evs in sorted(entries.items()):
            f.write(json.dumps({"key": key, "events": [dataclasses.asdict(e) for e in evs]})
                    + "\n")


def code_fingerprint(model_dir: Path | None) -> str:
    """A digest of the imported package's code, data and model manifests, and ``model_dir``."""
    import diplo_events

    root = Path(diplo_events.__file__).resolve().parent
    h = hashlib.sha256(str(model_dir).encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and (path.suffix in {".py", ".json"} or path.name == "manifest.json"):
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def run_extractor(sentences: Sequence[str], model_dir: Path | None, device: str = "cpu",
                  batch_size: int = 64, political_only: bool = True) -> dict[str, list[SysEvent]]:
    """The library's events of each sentence, each parsed as a document of its own."""
    from diplo_events import Extractor

    extractor = Extractor.load(model_dir, device=device, political_only=political_only)
    out: dict[str, list[SysEvent]] = {}
    items = [(s, {"id": str(n)}) for n, s in enumerate(sentences)]
    for n, result in enumerate(extractor.extract_many(items, batch_size=batch_size)):
        if result.error is not None:
            print(f"warning: sentence #{n}: {result.error}", file=sys.stderr)
        out[sentences[n]] = system_events(result.events)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"the directory with {DATA_FILE}, or the file")
    parser.add_argument("--part", choices=PARTS, default="read",
                        help="the 70 %% to work on (default), the 30 %% kept unread, or all")
    parser.add_argument("--errors", action="store_true",
                        help="list missed pairs, wrong codes and agent mismatches with their "
                             "sentences (only on --part read)")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT",
                        help="write the numbers as JSON")
    parser.add_argument("--cache", type=Path, default=None, metavar="FILE",
                        help="reuse and keep the library's events here (outside the repository)")
    parser.add_argument("--model-dir", type=Path, default=None,
                        help="a stanza model directory (default: the bundled model)")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--all-events", action="store_true",
                        help="score every event, also those without a political participant "
                             "(Extractor(political_only=False))")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    if args.errors and args.part != "read":
        parser.error("--errors prints sentences: only with --part read; "
                     "the unread part is measured, never read")

    all_pairs = load_pairs(args.data)
    pairs = select(all_pairs, args.part)
    sentences = sentences_of(pairs)
    sizes = part_sizes(all_pairs)

    t0 = time.perf_counter()
    try:
        cached: dict[str, list[SysEvent]] = {}
        fingerprint = ""
        if args.cache is not None:
            fingerprint = code_fingerprint(args.model_dir) + ("+all" if args.all_events else "")
            cached = read_cache(args.cache, fingerprint)
        todo = [s for s in sentences if sentence_key(s) not in cached]
        fresh = (run_extractor(todo, args.model_dir, args.device, args.batch_size,
                               not args.all_events) if todo else {})
    except ModelNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - t0
    if args.cache is not None and fresh:
        cached.update((sentence_key(s), evs) for s, evs in fresh.items())
        write_cache(args.cache, fingerprint, cached)
    system = {s: fresh[s] if s in fresh else cached[sentence_key(s)] for s in sentences}

    scores = score(pairs, system, emitted_categories(Lexicon.bundled()))
    print("parts: " + ", ".join(f"{part} {v['sentences']} sentences / {v['pairs']} pairs"
                                for part, v in sizes.items()))
    print(f"scored part {args.part!r}: {len(sentences)} sentences, {len(pairs)} pairs; "
          f"{len(todo)} parsed ({seconds:.0f} s), {len(sentences) - len(todo)} from the cache\n")
    print(format_table(scores))
    if args.errors:
        print()
        print(error_report(pairs, system))
    if args.json is not None:
        payload = {"data": str(args.data), "part": args.part,
                   "split": {"salt": SPLIT_SALT, "read_percent": READ_PERCENT},
                   "sizes": sizes, "model_dir": str(args.model_dir) if args.model_dir else None,
                   "parsed": len(todo), "seconds": round(seconds, 1), **scores.to_dict()}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
