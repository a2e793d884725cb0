"""Events -> a PNG timeline: actors on the y axis, dates on the x axis, a marker per kind.

Run:  python examples/timeline.py [FILE_OR_FOLDER ...] [--out timeline.png]

Inputs are .txt articles (extracted with the bundled model) or .jsonl event
files (read back without the model); a folder means its .txt and .jsonl
files.  Undated events and events without an agent are left out.  Needs
pandas and matplotlib: ``pip install ".[pandas,plot]"`` from a clone
(``".[examples]"`` for every example).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
from pathlib import Path
from typing import Any

from _requires import require

from diplo_events import Event, read_jsonl, to_dataframe

if __name__ == "__main__":
    require("pandas,plot", "pandas", "matplotlib")  # before any work

import matplotlib  # after the check, which names the extra to install

matplotlib.use("Agg")  # render to a file; no display needed

import matplotlib.dates as mdates
import matplotlib.pyplot as plt

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "tests" / "fixtures" / "seed_article.txt"
# Distinct marker shapes; colors come from matplotlib's cycle, so shape and
# color together stay distinct for every kind.
MARKERS = "os^Dv<>pPX*hH8"


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


def _date_axis(ax: Any, dates: Any) -> None:
    """Dates on the x axis, with a margin on either side."""
    if dates.empty:
        return
    first, last = dates.min().to_pydatetime(), dates.max().to_pydatetime()
    days = (last - first).days
    # a margin of 3 % of the span (at least a day) so edge markers show whole
    pad = max(dt.timedelta(days=1), (last - first) * 0.03)
    ax.set_xlim(first - pad, last + pad)
    locator: Any = (mdates.DayLocator(interval=max(1, days // 8)) if days <= 60
                    else mdates.AutoDateLocator(minticks=3, maxticks=10))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def plot_timeline(df: Any, out: Path, title: str = "Diplomatic events") -> int:
    """Draw the events of ``df`` (from ``to_dataframe``) to ``out``; return how many."""
    dated = df.dropna(subset=["date", "agent"])
    agents = sorted(dated["agent"].unique())
    fig, ax = plt.subplots(figsize=(11, 1.8 + 0.42 * max(len(agents), 1)))
    for (kind, group), marker in zip(dated.groupby("kind"), itertools.cycle(MARKERS)):
        ax.scatter(group["date"], group["agent"].map(agents.index), marker=marker, s=80,
                   alpha=0.85, label=f"{kind} ({len(group)})", edgecolors="black",
                   linewidths=0.4)
    ax.set_yticks(range(len(agents)), agents)
    ax.set_ylim(-0.7, max(len(agents), 1) - 0.3)
    _date_axis(ax, dated["date"])
    ax.set_xlabel("date")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    if len(dated):
        ax.legend(title="kind", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    else:
        ax.text(0.5, 0.5, "no dated events with an agent", transform=ax.transAxes,
                ha="center", va="center")
    fig.savefig(out, dpi=150, bbox_inches="tight")
    plt.close(fig)
    return len(dated)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", type=Path, default=[DEFAULT],
                    help="articles (.txt), event files (.jsonl) or folders "
                         "(default: the seed article)")
    ap.add_argument("--out", type=Path, default=Path("timeline.png"),
                    help="the PNG to write, or a folder to write timeline.png into "
                         "(default: timeline.png)")
    ap.add_argument("--all", action="store_true",
                    help="keep negated and hypothetical events too")
    args = ap.parse_args(argv)

    df = to_dataframe(load_results(args.inputs))
    if not args.all:
        df = df[~df["negated"] & ~df["hypothetical"]]
    out: Path = args.out
    if out.is_dir() or not out.suffix:
        out.mkdir(parents=True, exist_ok=True)
        out = out / "timeline.png"
    n = plot_timeline(df, out)
    print(f"{n} events plotted -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
