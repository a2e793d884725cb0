"""What grouping mentions into incidents costs, next to extracting them (not a test).

    python benchmarks/incidents.py [--ud-dir ../shared/data/ud-english-ewt] [--docs 200]

Extracts the events of the benchmark corpus (``bench.py``'s: the seed article
and the UD English-EWT dev/test documents) with ``extract_many``, then groups
each document's events with ``incidents_of`` and the whole corpus with
``group_incidents(key="corpus")``, and prints each time and its share of the
extraction time (the best of ``--repeat`` runs of the grouping).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import corpus

from diplo_events import Extractor, group_incidents, incidents_of

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud-dir", type=Path,
                    default=REPO.parent / "shared" / "data" / "ud-english-ewt")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = corpus(args.ud_dir, args.docs)
    ex = Extractor.load()
    ex.extract(texts[0])  # warm up
    t0 = time.perf_counter()
    results = list(ex.extract_many(texts))
    extraction = time.perf_counter() - t0
    docs = [(str(r.index), list(r.events)) for r in results]
    n_events = sum(len(events) for _, events in docs)
    per_story = corpus_wide = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        stories = [inc for doc_id, events in docs for inc in incidents_of(events, doc_id)]
        per_story = min(per_story, time.perf_counter() - t0)
        t0 = time.perf_counter()
        merged = group_incidents(docs, key="corpus")
        corpus_wide = min(corpus_wide, time.perf_counter() - t0)
    print(f"{len(texts)} documents, {n_events} events: extraction {extraction:.2f} s")
    print(f"incidents_of, every document     {1000 * per_story:8.1f} ms  "
          f"{100 * per_story / extraction:5.2f} % of extraction  ({len(stories)} incidents)")
    print(f"group_incidents(key='corpus')    {1000 * corpus_wide:8.1f} ms  "
          f"{100 * corpus_wide / extraction:5.2f} % of extraction  ({len(merged)} incidents)")


if __name__ == "__main__":
    main()
