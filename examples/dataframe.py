"""Events -> a pandas DataFrame, counted by kind and month.

Run:  python examples/dataframe.py [FILE_OR_FOLDER ...] [--csv COUNTS.csv]

Inputs are .txt articles (extracted with the bundled model) or .jsonl files
written by ``batch_to_files.py`` / ``diplo-events extract`` (read back
without the model); a folder means its .txt and .jsonl files.  Needs
pandas: ``pip install ".[pandas]"`` from a clone (``".[examples]"`` for
every example).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from _requires import require

from diplo_events import Event, read_jsonl, to_dataframe

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "tests" / "fixtures" / "seed_article.txt"


def load_results(inputs: list[Path]) -> list[tuple[str, list[Event]]]:
    """``(doc_id, events)`` per input file; the model loads only if a .txt needs it."""
    files: list[Path] = []
    for p in inputs:
        files += sorted([*p.glob("*.txt"), *p.glob("*.jsonl")]) if p.is_dir() else [p]
    extractor: Any = None
    results = []
    for path in files:
        if path.suffix == ".jsonl":
            results.append((path.name, read_jsonl(path)))
            continue
        if extractor is None:
            from diplo_events import Extractor

            extractor = Extractor.load()
        results.append((path.name, extractor.extract(path.read_text(encoding="utf-8"))))
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", type=Path, default=[DEFAULT],
                    help="articles (.txt), event files (.jsonl) or folders "
                         "(default: the seed article)")
    ap.add_argument("--csv", type=Path, help="also write the kind-by-month counts here")
    ap.add_argument("--all", action="store_true",
                    help="keep negated and hypothetical events too")
    args = ap.parse_args(argv)
    require("pandas", "pandas")  # before the model loads, not after

    df = to_dataframe(load_results(args.inputs))
    if not args.all:  # what happened, not what did not or might
        df = df[~df["negated"] & ~df["hypothetical"]]
    print(f"{len(df)} events from {df['doc_id'].nunique()} documents\n")

    # A date covers date_start..date_end ("last year": all of 2023); count in
    # a month only what lies in it, not a year's events in its January.
    in_one_month = df["date_start"].dt.to_period("M") == df["date_end"].dt.to_period("M")
    monthly = df[in_one_month]
    counts = (
        monthly.groupby(["kind", monthly["date_start"].dt.to_period("M").rename("month")])
        .size()
        .unstack("month", fill_value=0)
    )
    print("Events by kind and month (undated events not counted):")
    print(counts.to_string() if not counts.empty else "(none)")
    coarse = df[~in_one_month & df["date"].notna()]
    if not coarse.empty:
        print("\nDated less precisely than a month (not counted above):")
        print(coarse[["kind", "date_precision", "date_start", "date_end"]].to_string())
    print("\nMost active agents:")
    print(df["agent"].value_counts().head(10).to_string())
    if args.csv:
        counts.to_csv(args.csv)
        print(f"\nwrote {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
