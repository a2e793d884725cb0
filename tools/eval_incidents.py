"""Score the grouping of event mentions into incidents on the hand-made stories.

``eval/incidents/stories.jsonl`` holds short stories written for this
purpose (none copied from any source), each with its publication date and
the gold grouping of its event mentions: ``[[word, occurrence], ...]`` per
incident, the n-th whole-word occurrence of ``word`` in the text.

The library extracts each story's events and groups them
(:func:`diplo_events.incidents_of`).  The mentions scored are the gold
mentions whose trigger the library also found (a trigger found twice, for
two agents, counts once, in the incident of its first event); B-cubed
precision, recall and F1 are computed over them, beside two baselines on
the same mentions: every mention its own incident, and one incident per
kind and story.  How many gold mentions were found is reported as well:
the grouping can only be scored where extraction found the mention.

Usage: ``python tools/eval_incidents.py [--stories FILE] [--show]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from diplo_events import Event, Extractor, incidents_of

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO / "eval" / "incidents" / "stories.jsonl"


def word_offset(text: str, word: str, occurrence: int) -> int | None:
    """Where the ``occurrence``-th whole-word ``word`` starts (1-based), or None."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    return found[occurrence - 1] if 0 < occurrence <= len(found) else None


def bcubed(system: Mapping[int, int], gold: Mapping[int, int]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering ``system`` (item -> cluster)
    against ``gold``, over the items both assign."""
    items = [i for i in gold if i in system]
    if not items:
        return 0.0, 0.0
    p = r = 0.0
    for i in items:
        same_sys = {j for j in items if system[j] == system[i]}
        same_gold = {j for j in items if gold[j] == gold[i]}
        both = len(same_sys & same_gold)
        p += both / len(same_sys)
        r += both / len(same_gold)
    return p / len(items), r / len(items)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_story(
    story: Mapping[str, object], events: Sequence[Event]
) -> tuple[dict[int, int], dict[int, int], dict[int, int], dict[int, int], int]:
    """Gold, system and baseline clusterings of one story's found mentions."""
    text = str(story["text"])
    gold: dict[int, int] = {}
    incidents = story["incidents"]
    assert isinstance(incidents, list)
    total = 0
    for k, group in enumerate(incidents):
        for word, occurrence in group:
            total += 1
            start = word_offset(text, word, occurrence)
            if start is not None:
                gold[start] = k
    system: dict[int, int] = {}
    for k, inc in enumerate(incidents_of(events)):
        for e in inc.mentions:
            system.setdefault(e.trigger.start, k)
    kinds: dict[str, int] = {}
    by_kind: dict[int, int] = {}
    for e in events:
        by_kind.setdefault(e.trigger.start, kinds.setdefault(e.kind.value, len(kinds)))
    found = {i: c for i, c in gold.items() if i in system}
    singletons = {i: i for i in found}
    return found, system, singletons, by_kind, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=Path, default=DEFAULT)
    ap.add_argument("--show", action="store_true", help="print each story's disagreements")
    args = ap.parse_args()
    stories = [json.loads(line) for line in args.stories.read_text("utf-8").splitlines() if line]
    ex = Extractor.load()
    sums = {"ours": [0.0, 0.0], "singletons": [0.0, 0.0], "one per kind": [0.0, 0.0]}
    n_items = n_gold = 0
    for story in stories:
        events = ex.extract(story["text"], story.get("published"))
        gold, system, singles, by_kind, total = score_story(story, events)
        n_gold += total
        n_items += len(gold)
        for name, clustering in (("ours", system), ("singletons", singles),
                                 ("one per kind", by_kind)):
            p, r = bcubed(clustering, gold)
            sums[name][0] += p * len(gold)
            sums[name][1] += r * len(gold)
        if args.show:
            p, r = bcubed(system, gold)
            if p < 1 or r < 1:
                text = story["text"]
                def label(i: int, text: str = text) -> str:
                    return f"{text[i:i + 12].split()[0]}@{i}"
                print(f"{story['id']}: P {p:.2f} R {r:.2f}")
                print("  gold  ", sorted({tuple(sorted(label(i) for i in gold if gold[i] == c))
                                          for c in set(gold.values())}))
                print("  ours  ", sorted({tuple(sorted(label(i) for i in gold
                                                       if system[i] == system[j]))
                                          for j in gold}))
    print(f"{len(stories)} stories, {n_gold} gold mentions, {n_items} found by extraction "
          f"({100 * n_items / max(n_gold, 1):.1f} %) and scored")
    print(f"{'B-cubed over the found mentions':<34}{'P':>7}{'R':>7}{'F1':>7}")
    for name, (p, r) in sums.items():
        p, r = p / max(n_items, 1), r / max(n_items, 1)
        print(f"  {name:<32}{100 * p:7.1f}{100 * r:7.1f}{100 * f1(p, r):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
