"""Quickstart: the seed article -> printed events.

Run:  python examples/quickstart.py [ARTICLE.txt]
"""

from __future__ import annotations

import sys
from pathlib import Path

from diplo_events import extract_events

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "tests" / "fixtures" / "seed_article.txt"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    text = path.read_text(encoding="utf-8")
    events = extract_events(text)  # publication date from the article's dateline
    for e in events:
        agent = e.agent.name if e.agent else "?"
        targets = ", ".join(t.name for t in e.targets) or "-"
        when = f"{e.date.timex} ({e.date.basis})" if e.date else "undated"
        flags = "".join(
            [" NEGATED" if e.negated else "", " HYPOTHETICAL" if e.hypothetical else ""]
        )
        print(
            f"{e.kind:<12} {e.trigger.text!r:<12} {agent} -> {targets}  [{when}] "
            f"CAMEO {e.cameo}{flags}"
        )
    print(f"{len(events)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
