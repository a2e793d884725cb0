"""Write every event the extractor finds on the evaluation texts, one JSON line each.

Usage::

    python tools/snapshot_events.py OUT.jsonl [--ud-dir DIR] [--plv-dir DIR] [--all-events]
    python tools/snapshot_events.py --compare BEFORE.jsonl AFTER.jsonl

The texts: the seed article, every document of ``eval/devset``, the EWT
dev/test documents of ``benchmarks/bench.py``'s corpus, and (when the
directory exists) the PLV_train sentences.  Each line holds a text's id
and one event with every field (``Event.to_dict``), in text order, so two
snapshots compare event by event: ``--compare`` prints the texts whose
events differ and exits 1 when any do.  Used to show that a change meant
to preserve behaviour does.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.append(str(REPO / "src"))
sys.path.append(str(REPO / "benchmarks"))


def texts(ud_dir: Path, plv_dir: Path) -> Iterator[tuple[str, str, str | None]]:
    """``(id, text, published)`` of every evaluation text."""
    from bench import ewt_documents

    yield "seed", (REPO / "tests" / "fixtures" / "seed_article.txt").read_text("utf-8"), None
    for line in (REPO / "eval" / "devset" / "documents.jsonl").read_text("utf-8").splitlines():
        doc = json.loads(line)
        yield f"devset/{doc['id']}", doc["text"], doc.get("published")
    if ud_dir.is_dir():
        for i, text in enumerate(ewt_documents(ud_dir)):
            yield f"ewt/{i}", text, None
    sentences = plv_dir / "PLV_train.tsv"
    if sentences.is_file():
        seen: set[str] = set()
        with sentences.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        for row in rows:
            text = row.get("sentence") or ""
            if text and text not in seen:
                seen.add(text)
                yield f"plv/{len(seen)}", text, None


def snapshot(out: Path, ud_dir: Path, plv_dir: Path, *, political_only: bool = True) -> None:
    from diplo_events import Extractor

    ex = Extractor.load(political_only=political_only)
    with out.open("w", encoding="utf-8") as fh:
        for doc_id, text, published in texts(ud_dir, plv_dir):
            for event in ex.extract(text, published):
                fh.write(json.dumps({"id": doc_id, "event": event.to_dict()}, sort_keys=True))
                fh.write("\n")


def _by_text(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text("utf-8").splitlines():
        out.setdefault(json.loads(line)["id"], []).append(line)
    return out


def compare(before: Path, after: Path) -> int:
    a, b = _by_text(before), _by_text(after)
    differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    n_a, n_b = sum(map(len, a.values())), sum(map(len, b.values()))
    print(f"{n_a} events before, {n_b} after; {len(differ)} texts differ")
    for k in differ[:50]:
        print(f"  {k}: {len(a.get(k, []))} -> {len(b.get(k, []))} events")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--compare", action="store_true", help="compare two snapshots")
    ap.add_argument("--ud-dir", type=Path, default=REPO.parent / "shared/data/ud-english-ewt")
    ap.add_argument("--plv-dir", type=Path, default=REPO.parent / "shared/data/plv-train")
    ap.add_argument("--all-events", action="store_true",
                    help="every event, also those without a political participant")
    args = ap.parse_args()
    if args.compare:
        return compare(*args.paths[:2])
    snapshot(args.paths[0], args.ud_dir, args.plv_dir, political_only=not args.all_events)
    return 0


if __name__ == "__main__":
    sys.exit(main())
