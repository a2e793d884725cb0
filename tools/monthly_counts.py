"""Events per month over a multi-year corpus: the 90 Wikinews articles (2004-2013).

Extracts the events of every SemEval-2015 TimeLine article (CC BY 3.0; each
article's dateline is its publication date), counts them with
:func:`diplo_events.count_by_period` by month, and draws one bar per month
with the kinds stacked.  Events whose date is coarser than a month ("last
year", "in 2013") are not put on a month: they are counted by year in a lane
of their own beneath, as ``count_by_period`` returns them apart.

Usage::

    python tools/monthly_counts.py [--root DIR] [--out docs/images/wikinews_monthly.png]
        [--csv FILE]

Needs matplotlib (``pip install ".[plot]"``).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _wikinews import DEFAULT_ROOT, read_corpus

from diplo_events import Article, Extractor, PeriodCounts, count_by_period

REPO = Path(__file__).resolve().parent.parent


def all_months(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    while f"{y}-{m:02d}" <= last:
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def draw(
    monthly: PeriodCounts, yearly_coarse: Counter[str], published: list[str], out: Path
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kinds = sorted({k for _, k in monthly.counts}, key=lambda k: -sum(
        n for (_, kk), n in monthly.counts.items() if kk == k))
    shown = kinds[:7]
    months = all_months(min(published)[:7], max(published)[:7])
    x = {m: i for i, m in enumerate(months)}
    fig, (top, low) = plt.subplots(
        2, 1, figsize=(11, 5.2), sharex=True, gridspec_kw={"height_ratios": [4, 1]}
    )
    bottom = [0] * len(months)
    for kind in [*shown, "other"]:
        heights = [0] * len(months)
        for (month, k), n in monthly.counts.items():
            if month in x and (k == kind or (kind == "other" and k not in shown)):
                heights[x[month]] += n
        top.bar(range(len(months)), heights, bottom=bottom, width=0.9, label=kind)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    top.set_ylabel("events dated to the month")
    top.legend(ncol=4, fontsize=8, loc="upper left")
    top.set_title(
        f"Events per month in {len(published)} Wikinews articles "
        f"({min(published)[:4]}-{max(published)[:4]})"
    )
    # Coarser dates: a bar across the twelve months of their year, not a spike in January.
    for year, n in sorted(yearly_coarse.items()):
        span = [x[m] for m in months if m.startswith(year)]
        if span:
            low.barh(0, len(span) - 1, left=span[0], height=0.6, color="0.75")
            low.text(span[0] + (len(span) - 1) / 2, 0, str(n), ha="center", va="center",
                     fontsize=8)
    low.set_yticks([])
    low.set_ylabel("a year,\nno month", fontsize=8)
    ticks = [i for i, m in enumerate(months) if m.endswith("-01")]
    low.set_xticks(ticks, [months[i][:4] for i in ticks])
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=90)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "images" / "wikinews_monthly.png")
    ap.add_argument("--csv", type=Path, help="also write the (month, kind, events) counts here")
    args = ap.parse_args()
    if not args.root.is_dir():
        sys.exit(f"monthly_counts: no data at {args.root} (see the folder's README for the source)")
    articles = [a for c in ("corpus_1", "corpus_2", "corpus_3")
                for a in read_corpus(args.root / c).values()]
    ex = Extractor.load()
    results = ex.extract_many(
        [Article(a.text, published=a.published, id=a.doc_id) for a in articles]
    )
    monthly = count_by_period(results, "month")
    coarse_years: Counter[str] = Counter()
    for e in monthly.coarser:
        assert e.date is not None and e.date.value is not None  # coarser events are dated
        if e.date.precision.value in ("year", "half", "quarter", "season"):
            coarse_years[str(e.date.value.year)] += 1
    total = sum(monthly.counts.values())
    every = total + len(monthly.coarser) + len(monthly.undated)
    print(f"{len(articles)} articles, {every} events: "
          f"{total} dated to a month or finer, {len(monthly.coarser)} coarser "
          f"({sum(coarse_years.values())} to a year or part of one), "
          f"{len(monthly.undated)} undated")
    by_kind: Counter[str] = Counter()
    for (_, kind), n in monthly.counts.items():
        by_kind[kind] += n
    print("by kind:", ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["month", "kind", "events"])
            for (month, kind), n in monthly.counts.items():
                w.writerow([month, kind, n])
    draw(monthly, coarse_years, [a.published.isoformat() for a in articles], args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
