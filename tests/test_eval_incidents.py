"""The incident scorer (tools/eval_incidents.py) and the hand-made stories it reads (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
ev = load_script(ROOT / "tools" / "eval_incidents.py")
STORIES = ROOT / "eval" / "incidents" / "stories.jsonl"


def test_bcubed_of_perfect_split_and_lumped_clusterings() -> None:
    gold = {1: "a", 2: "a", 3: "b"}
    assert ev.bcubed(gold, gold) == (1.0, 1.0)
    p, r = ev.bcubed({1: 1, 2: 2, 3: 3}, gold)  # every item alone
    assert (p, round(r, 4)) == (1.0, round((0.5 + 0.5 + 1) / 3, 4))
    p, r = ev.bcubed({1: 0, 2: 0, 3: 0}, gold)  # all in one
    assert (round(p, 4), r) == (round((2 / 3 + 2 / 3 + 1 / 3) / 3, 4), 1.0)
    assert ev.bcubed({}, gold) == (0.0, 0.0)


def test_word_offsets_count_whole_words() -> None:
    text = "They met, then metered, then met again."
    assert ev.word_offset(text, "met", 1) == 5
    assert ev.word_offset(text, "met", 2) == text.rindex("met")
    assert ev.word_offset(text, "met", 3) is None


def test_every_gold_mention_is_in_its_story_once() -> None:
    stories = [json.loads(line) for line in STORIES.read_text("utf-8").splitlines() if line]
    assert len(stories) >= 30
    assert len({s["id"] for s in stories}) == len(stories)
    for story in stories:
        seen = set()
        for group in story["incidents"]:
            for word, occurrence in group:
                start = ev.word_offset(story["text"], word, occurrence)
                assert start is not None, (story["id"], word, occurrence)
                assert start not in seen
                seen.add(start)


@pytest.mark.parametrize("value", [0.0, 1.0])
def test_f1_of_equal_precision_and_recall(value: float) -> None:
    assert ev.f1(value, value) == value
