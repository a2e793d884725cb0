"""Events -> a PNG timeline: actors on the y axis, dates on the x axis, a marker per kind.

A date known to the day is a marker; a coarser one (a week, a month, "last
year") is a bar over the days it covers, from ``date_start`` to
``date_end``, so that "2022" is not drawn as 1 January.  Markers of one
actor on one day are spread within the actor's lane, so none hides another.

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
import pandas as pd

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


#: How far apart, in lanes, the markers of one actor on one day are spread.
SPREAD = 0.22


def lane_offsets(keys: list[tuple[Any, ...]], spread: float = SPREAD) -> list[float]:
    """An offset within its lane for each item, so that items with equal keys do not overlap.

    The n items of one key get offsets centred on 0, ``spread`` apart (at
    most half a lane either way); a key seen once gets 0.
    """
    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    out = [0.0] * len(keys)
    for members in groups.values():
        step = min(spread, 0.8 / max(len(members) - 1, 1))
        for rank, i in enumerate(members):
            out[i] = (rank - (len(members) - 1) / 2) * step
    return out


def plot_timeline(df: Any, out: Path, title: str = "Diplomatic events") -> int:
    """Draw the events of ``df`` (from ``to_dataframe``) to ``out``; return how many."""
    dated = df.dropna(subset=["date", "agent"]).copy()
    agents = sorted(dated["agent"].unique())
    dated["lane"] = dated["agent"].map(agents.index)
    # a day (or "now"): a marker; coarser: a bar over the days the date covers
    dated["bar"] = dated["date_end"].notna() & (dated["date_end"] > dated["date_start"])
    dated["y"] = dated["lane"] + lane_offsets(
        [(lane, day, bar) for lane, day, bar in
         zip(dated["lane"], dated["date"], dated["bar"], strict=True)]
    )
    fig, ax = plt.subplots(figsize=(11, 1.8 + 0.42 * max(len(agents), 1)))
    colors = itertools.cycle(plt.rcParams["axes.prop_cycle"].by_key()["color"])
    for (kind, group), marker, color in zip(dated.groupby("kind"), itertools.cycle(MARKERS),
                                            colors):
        days = group[~group["bar"]]
        spans = group[group["bar"]]
        ax.scatter(days["date"], days["y"], marker=marker, s=80, color=color, alpha=0.85,
                   label=f"{kind} ({len(group)})", edgecolors="black", linewidths=0.4)
        for _, row in spans.iterrows():
            end = row["date_end"] + dt.timedelta(days=1)  # the last day included
            ax.hlines(row["y"], row["date_start"], end, colors=color, linewidth=6, alpha=0.45)
            ax.scatter([row["date_start"]], [row["y"]], marker=marker, s=40, color=color,
                       edgecolors="black", linewidths=0.4)
    ax.set_yticks(range(len(agents)), agents)
    ax.set_ylim(-0.7, max(len(agents), 1) - 0.3)
    starts = dated["date_start"].fillna(dated["date"])
    ends = dated["date_end"].fillna(dated["date"]) + dt.timedelta(days=1)
    _date_axis(ax, pd.concat([starts, ends]))
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
