"""How many events the political-actor filter leaves out, per evaluation text set.

Usage::

    python tools/eval_relevance.py [--ud-dir DIR] [--sample OUT.jsonl --key KEY.json]

Extracts every event (``political_only=False``) from the seed article, the
event development set and the EWT dev/test documents of
``benchmarks/bench.py`` (web text: emails, reviews, blogs, news groups), and
prints per set the events, those the default leaves out, and why (the
types of the participants that decided).

``--sample`` writes a blind sample for a judge who has not seen the rules:
every EWT event left out and as many kept ones drawn with a fixed seed,
shuffled, each with its sentence, trigger, kind, agent and targets and no
hint of which side it came from; ``--key`` gets the sides by id.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.append(str(REPO / "tools"))
sys.path.append(str(REPO / "benchmarks"))

from snapshot_events import texts  # noqa: E402

DEFAULT_UD = REPO.parent / "shared" / "data" / "ud-english-ewt"
SETS = ("seed", "devset", "ewt")


def reason_shape(reason: str) -> str:
    """A reason without its quoted words: "no political actor among its agent: other"."""
    return re.sub(r"'[^']*' \(", "(", reason)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud-dir", type=Path, default=DEFAULT_UD)
    ap.add_argument("--sample", type=Path, default=None)
    ap.add_argument("--key", type=Path, default=None)
    args = ap.parse_args(argv)
    if (args.sample is None) != (args.key is None):
        ap.error("--sample and --key go together")

    from diplo_events import Extractor

    warnings.simplefilter("ignore")
    ex = Extractor.load(political_only=False)
    totals: Counter[str] = Counter()
    left: Counter[str] = Counter()
    shapes: dict[str, Counter[str]] = {s: Counter() for s in SETS}
    rows: dict[str, list[dict[str, object]]] = {"dropped": [], "kept": []}
    for tid, text, pub in texts(args.ud_dir, Path("/nonexistent")):
        name = tid.split("/", 1)[0]
        for e in ex.extract(text, pub):
            totals[name] += 1
            if e.not_political:
                left[name] += 1
                shapes[name][reason_shape(e.not_political)] += 1
            if name == "ewt":
                rows["dropped" if e.not_political else "kept"].append({
                    "sentence": e.sentence.text, "trigger": e.trigger.text,
                    "kind": e.kind.value, "agent": e.agent.text if e.agent else None,
                    "targets": [t.text for t in e.targets],
                })
    print(f"{'set':8} {'events':>7} {'left out':>9}")
    for name in SETS:
        print(f"{name:8} {totals[name]:7d} {left[name]:9d}")
    for name in SETS:
        if shapes[name]:
            print(f"\n{name}: why")
            for shape, n in shapes[name].most_common(8):
                print(f"  {n:4d}  {shape}")
    if args.sample is not None and args.key is not None:
        rng = random.Random(7)
        dropped = rows["dropped"]
        kept = rng.sample(rows["kept"], min(len(rows["kept"]), len(dropped)))
        items = [(r, "dropped") for r in dropped] + [(r, "kept") for r in kept]
        rng.shuffle(items)
        with args.sample.open("w", encoding="utf-8") as fh:
            for i, (row, _) in enumerate(items):
                fh.write(json.dumps({"id": i, **row}, ensure_ascii=False) + "\n")
        args.key.write_text(json.dumps({i: side for i, (_, side) in enumerate(items)}) + "\n",
                            encoding="utf-8")
        print(f"\nwrote {len(items)} items to {args.sample}, their sides to {args.key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
