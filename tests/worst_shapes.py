"""The worst input shapes we know, each run in a process of its own under a memory limit.

``python -m tests.worst_shapes SHAPE [--limit-gib N]`` extracts events from one
shape with the bundled model, with the process's address space capped by
``RLIMIT_AS``, and prints one JSON line: the number of events, their kinds,
whether every span is exact, the peak resident memory and the time taken.
The tests (``tests/test_bounds.py``) and the benchmark
(``benchmarks/worst_shapes.py``) both run it.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

SEED = (Path(__file__).parent / "fixtures" / "seed_article.txt").read_text("utf-8")
#: The reporter's input: one 2,700-word "sentence" with no punctuation.
LONG_SENTENCE = " ".join(["the minister met the president and warned him"] * 300)


def _document(size: int) -> str:
    copies = "\n\n".join([SEED] * (size // len(SEED) + 1))
    return copies[: copies.rfind("\n\n", 0, size)]


SHAPES: dict[str, Callable[[], str]] = {
    "long sentence": lambda: LONG_SENTENCE,
    # A 200,000-character "word" between two sentences.
    "long token": lambda: "Blinken met Wang Yi. " + "a" * 200_000 + " Putin warned Biden.",
    # 30,000 one-word lines: one sentence to the tokenizer.
    "one-word lines": lambda: "\n".join(
        ["Putin", "warned", "Biden", "and", "the", "minister"] * 5000
    ),
    # 3,000 levels of brackets and quotes around one clause.
    "nested brackets": lambda: (
        "The minister said " + "( [ “ " * 3000 + "Putin warned Biden" + " ” ] )" * 3000 + "."
    ),
    # News prose, every sentence a candidate: several sections.
    "500 kB document": lambda: _document(500_000),
    "10 MB document": lambda: _document(10_000_000),
}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(shape: str, limit_gib: float) -> dict[str, object]:
    limit = int(limit_gib * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from diplo_events import extract_events

    text = SHAPES[shape]()
    extract_events("Blinken met Wang Yi.")  # load the model first
    loaded = _peak_rss_mb()
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = extract_events(text, published="2024-04-26")
    seconds = time.perf_counter() - start
    exact = all(
        0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text
        for e in events
        for span in [e.trigger, e.sentence, *(a.span for a in (e.agent, *e.targets) if a)]
    )
    return {
        "shape": shape,
        "chars": len(text),
        "events": len(events),
        "kinds": sorted({e.kind.value for e in events}),
        "pairs": sorted(
            {(e.kind.value, e.agent.text if e.agent else "", *(t.text for t in e.targets))
             for e in events}
        )[:10],
        "exact_spans": exact,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "model_rss_mb": round(loaded, 1),
        "seconds": round(seconds, 2),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("shape", choices=sorted(SHAPES))
    ap.add_argument("--limit-gib", type=float, default=3.0)
    args = ap.parse_args()
    print(json.dumps(run(args.shape, args.limit_gib)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
