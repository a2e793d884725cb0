"""Per-mention event dating on the SemEval-2015 TimeLine Wikinews articles.

Each gold timeline line dates an event mention (a word of an article) with a
day, month or year, or says XXXX: the text gives no date for it.  For every
mention the library's anchoring (``Extractor.date_words``) is asked for the
date of an event triggered by that word, the article's creation time given
as its publication date, and the answer compared with the gold:

* dated gold, **exact**: our TIMEX3 value (clock time dropped) is the gold
  value, at the gold's precision ("2008-03" only for a month); a quarter,
  half, season or week, which TimeLine's values cannot write, is written
  by its first day, as the gold writes them;
* dated gold, **at precision**: our date falls in the gold period and is at
  least as precise ("2008-03-05" for gold "2008-03" counts here);
* XXXX gold, **no date**: we fall back to the publication date, flagged as
  such (basis ``publication``), or give none.

The baseline dates every mention by its dateline.  Corpora 1 and 2 are the
read part; corpus 3 is kept unread (``--unread``) until a change is
reported.

``--ceiling`` says instead where each dated gold mention's date is found:
on the publication day or in its month or year, among the dates the
article's time expressions can be read as, or nowhere in the text.

Usage: ``python tools/eval_timeline.py [--unread] [--root DIR] [--dump FILE] [--ceiling]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _wikinews import DEFAULT_ROOT, GoldMention, read_corpus, read_timelines

from diplo_events import DateBasis, EventDate, Extractor, resolve_date
from diplo_events._dates.resolver import find_time_expressions

READ = ("corpus_1", "corpus_2")
UNREAD = ("corpus_3",)


# TIMEX3 periods that TimeLine's YYYY-MM-DD values cannot write: a quarter,
# a half, a season, a week.  Its gold writes them by their first day ("the
# first quarter of 2009" is 2009-01-01, "the third quarter" 2009-07-01).
_PERIOD = re.compile(r"^\d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d)$")


def ours_timex(date: EventDate | None) -> str | None:
    """Our date as TimeLine writes one: a TIMEX3 value without its clock
    time, a period TimeLine cannot write by its first day."""
    if date is None or date.timex is None:
        return None
    if _PERIOD.match(date.timex) and date.value is not None:
        return date.value.isoformat()
    return _day(date.timex)


def _day(timex: str) -> str:
    """A TIMEX3 value without its clock time ("2008-03-05T14:00" -> "2008-03-05")."""
    return timex.split("T")[0] if timex[:4].isdigit() else timex  # not "PRESENT_REF"


def judge(gold: str | None, date: EventDate | None) -> dict[str, bool]:
    undated = date is None or date.basis is DateBasis.PUBLICATION
    if gold is None:
        return {"no_date": undated}
    timex = ours_timex(date)
    exact = timex == gold
    precise = False
    if date is not None and date.value is not None and timex is not None:
        # a value at least as precise as the gold that falls in its period
        fine = timex[:4].isdigit() and len(timex) >= len(gold) and "W" not in timex
        precise = fine and date.value.isoformat()[: len(gold)] == gold
    return {"exact": exact, "at_precision": exact or precise}


def evaluate(
    root: Path, corpora: tuple[str, ...], ex: Extractor
) -> tuple[Counter[str], list[dict[str, object]]]:
    tally: Counter[str] = Counter()
    rows: list[dict[str, object]] = []
    for corpus in corpora:
        articles = read_corpus(root / corpus)
        mentions = read_timelines(root / corpus)
        by_doc: dict[str, list[GoldMention]] = {}
        for m in mentions:
            by_doc.setdefault(m.doc_id, []).append(m)
        for doc_id, gold in sorted(by_doc.items()):
            art = articles.get(doc_id)
            if art is None:  # a malformed gold line (two lines run together)
                tally["unlocated"] += len(gold)
                continue
            offsets = [art.offset_of(m.sentence, m.word) for m in gold]
            asked = [o for o in offsets if o is not None]
            dates = dict(zip(asked, ex.date_words(art.text, asked, art.published), strict=True))
            for m, off in zip(gold, offsets, strict=True):
                if off is None:
                    tally["unlocated"] += 1
                    continue
                date = dates[off]
                verdict = judge(m.date, date)
                pub = art.published.isoformat()
                if m.date is None:
                    tally["undated"] += 1
                    tally["undated_ok"] += verdict["no_date"]
                else:
                    tally["dated"] += 1
                    tally["exact"] += verdict["exact"]
                    tally["at_precision"] += verdict["at_precision"]
                    tally["base_exact"] += m.date == pub
                    tally["base_at_precision"] += pub[: len(m.date)] == m.date
                rows.append({
                    "corpus": corpus, "doc": doc_id, "sentence": m.sentence, "word": m.word,
                    "gold": m.date, "ours": ours_timex(date),
                    "basis": None if date is None else date.basis.value,
                    "expr": None if date is None else date.text,
                    "context": art.text[max(0, off - 80): off + 60].replace("\n", " "),
                    **verdict,
                })
    return tally, rows


def periods(timex: str) -> set[str]:
    """A TIMEX3 date value and the month and year it falls in ("2008-03-05" ->
    also "2008-03", "2008"); the clock time dropped."""
    day = _day(timex)
    out = {day}
    if day[:4].isdigit():
        out.update(day[:n] for n in (4, 7) if len(day) > n)
    return out


def stated_dates(text: str, published: dt.date) -> set[str]:
    """Every date the article's time expressions can be read as, at every precision.

    Each expression is resolved as if its verb were past, future and
    without tense, so the set holds whatever an anchoring could pick from
    the text alone.
    """
    found: set[str] = set()
    for start, end in find_time_expressions(text):
        for tense in ("past", "future", None):
            date = resolve_date(text[start:end], published, tense=tense)
            if date is not None and date.timex:
                found |= periods(date.timex)
    return found


def ceiling(root: Path, corpora: tuple[str, ...]) -> Counter[str]:
    """Where each dated gold mention's date is found: on the publication day,
    in the publication's month or year, among the dates the text states, or
    nowhere in the text (a date the annotators inferred).  The first three
    bound what any anchoring that picks among the text's dates can reach."""
    tally: Counter[str] = Counter()
    for corpus in corpora:
        articles = read_corpus(root / corpus)
        stated: dict[str, set[str]] = {}
        for m in read_timelines(root / corpus):
            art = articles.get(m.doc_id)
            if art is None or m.date is None:
                continue
            if m.doc_id not in stated:
                stated[m.doc_id] = stated_dates(art.text, art.published)
            pub = art.published.isoformat()
            tally["dated"] += 1
            if m.date == pub:
                tally["publication day"] += 1
            elif m.date in periods(pub):
                tally["publication month or year"] += 1
            elif m.date in stated[m.doc_id]:
                tally["stated in the text"] += 1
            else:
                tally["nowhere in the text"] += 1
    return tally


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} % ({a}/{b})" if b else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--unread", action="store_true", help="score the unread corpus 3 instead")
    ap.add_argument("--dump", type=Path, help="write every judged mention here (JSON lines)")
    ap.add_argument(
        "--ceiling", action="store_true",
        help="say where the gold dates are found in the texts (no extraction)",
    )
    args = ap.parse_args()
    if not args.root.is_dir():
        sys.exit(f"eval_timeline: no data at {args.root} (see the folder's README for the source)")
    if args.ceiling:
        corpora = UNREAD if args.unread else READ
        tally = ceiling(args.root, corpora)
        n = tally.pop("dated")
        print(f"TimeLine dated gold mentions, {'unread' if args.unread else 'read'}: {n}")
        for where in ("publication day", "publication month or year", "stated in the text",
                      "nowhere in the text"):
            print(f"  {where:28} {pct(tally[where], n)}")
        print(f"  reachable from the text      {pct(n - tally['nowhere in the text'], n)}")
        return 0
    ex = Extractor.load()
    tally, rows = evaluate(args.root, UNREAD if args.unread else READ, ex)
    part = "unread (corpus 3)" if args.unread else "read (corpora 1-2)"
    print(f"TimeLine per-mention dating, {part}")
    print(f"  dated gold, exact          {pct(tally['exact'], tally['dated'])}"
          f"   dateline baseline {pct(tally['base_exact'], tally['dated'])}")
    print(f"  dated gold, at precision   {pct(tally['at_precision'], tally['dated'])}"
          f"   dateline baseline {pct(tally['base_at_precision'], tally['dated'])}")
    print(f"  XXXX gold, no date given   {pct(tally['undated_ok'], tally['undated'])}")
    if tally["unlocated"]:
        print(f"  mentions not found in the text: {tally['unlocated']}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
