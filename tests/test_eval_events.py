"""The event devset's scorer (tools/eval_events.py) on hand-built events, and the devset itself."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from diplo_events import Actor, DateBasis, Event, EventDate, EventKind, Precision, Span

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "eval" / "devset"


ev = load_script(ROOT / "tools" / "eval_events.py")

TEXT = ("Blinken met Wang Yi on Friday. Xi and Blinken said ties matter. "
        "The US warned China. Biden signed the bill.")


def span(word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Span(start, start + len(word), word)


def actor(name: str) -> Actor:
    return Actor(text=name, name=name, span=span(name.split()[-1]))


def event(kind: EventKind, trigger: Span, agent: str | None = None,
          targets: tuple[str, ...] = (), timex: str | None = "2024-04-26",
          negated: bool = False) -> Event:
    date = None
    if timex is not None:
        date = EventDate(value=dt.date(2024, 4, 26), precision=Precision.DAY, timex=timex,
                         basis=DateBasis.PUBLICATION)
    return Event(kind=kind, trigger=trigger, sentence=Span(0, len(TEXT), TEXT),
                 agent=actor(agent) if agent else None,
                 targets=tuple(actor(t) for t in targets), date=date, negated=negated)


def gold(kind: str, word: str, agent: str | None = None, targets: tuple[str, ...] = (),
         date: str | None = "2024-04-26", nth: int = 0, negated: bool = False):  # type: ignore[no-untyped-def]
    s = span(word, nth)
    return ev.Mention("d", kind, s.start, s.end, word, agent, targets, date, negated, False)


@pytest.fixture
def gold_events():  # type: ignore[no-untyped-def]
    return [
        gold("meeting", "met", "Antony Blinken", ("Wang Yi",)),
        gold("statement", "said", "Xi Jinping"),
        gold("statement", "said", "Antony Blinken"),
        gold("warning", "warned", "United States", ("China",)),
        gold("bill_signing", "signed", "Joe Biden", date="2024-04-24"),
    ]


def test_matching_is_one_to_one_and_prefers_the_agreeing_agent(gold_events) -> None:  # type: ignore[no-untyped-def]
    system = ev.system_events("d", [
        event(EventKind.STATEMENT, span("said"), "Blinken"),        # pairs with gold #2
        event(EventKind.STATEMENT, span("said"), "Xi"),             # pairs with gold #1
        event(EventKind.STATEMENT, span("said"), "Xi"),             # a third: false positive
        event(EventKind.MEETING, Span(0, 11, "Blinken met"), "Blinken", ("Wang Yi",)),  # overlap
        event(EventKind.WARNING, span("signed"), "Biden"),          # wrong kind: no match
    ])
    pairs = ev.match(gold_events, system)
    assert pairs == [(0, 3), (1, 1), (2, 0)]
    scores = ev.score(gold_events, system, pairs)
    assert scores.micro["tp"] == 3
    assert scores.micro["precision"] == pytest.approx(3 / 5)
    assert scores.micro["recall"] == pytest.approx(3 / 5)
    assert scores.per_kind["statement"] == {"gold": 2, "system": 3, "tp": 2,
                                            "precision": pytest.approx(2 / 3), "recall": 1.0,
                                            "f1": pytest.approx(0.8)}
    assert scores.per_kind["warning"]["tp"] == 0
    assert scores.per_kind["warning"]["precision"] == 0.0
    assert scores.per_kind["bill_signing"]["precision"] is None  # no system events
    assert scores.per_kind["bill_signing"]["recall"] == 0.0


def test_spans_must_overlap_and_docs_agree(gold_events) -> None:  # type: ignore[no-untyped-def]
    g = gold_events[0]
    near = ev.system_events("d", [event(EventKind.MEETING, span("Wang"), "Blinken")])
    assert ev.match([g], near) == []
    other_doc = ev.system_events("e", [event(EventKind.MEETING, span("met"), "Blinken")])
    assert ev.match([g], other_doc) == []


def test_attribute_accuracy_on_matched_pairs(gold_events) -> None:  # type: ignore[no-untyped-def]
    system = ev.system_events("d", [
        event(EventKind.MEETING, span("met"), "Blinken", ("Wang",)),             # all right
        event(EventKind.WARNING, span("warned"), "US", ("China",), timex="2024-04-19"),
        event(EventKind.BILL_SIGNING, span("signed"), None, (), timex="2024-04-24"),
    ])
    scores = ev.score(gold_events, system)
    a = scores.attributes
    assert a["pairs"] == 3
    # "US" is not contained in "United States": names are compared by containment only
    assert a["agent"]["right"] == 1
    # targets: Wang ~ Wang Yi; China = China; gold [] vs system [] for the bill
    assert a["targets"]["right"] == 3
    assert a["date"]["right"] == 2
    assert a["negated"]["accuracy"] == 1.0
    table = ev.format_table(scores)
    assert "micro" in table
    assert "agent 33.3%" in table


def test_name_and_target_agreement() -> None:
    assert ev.names_agree("Antony Blinken", "blinken")
    assert ev.names_agree("Xi", "Xi  Jinping")
    assert ev.names_agree(None, None)
    assert not ev.names_agree("Blinken", None)
    assert not ev.names_agree("Wang Yi", "Xi Jinping")
    assert ev.targets_agree([], [])
    assert not ev.targets_agree(["China"], [])
    assert ev.targets_agree(["Beijing", "China"], ["Chinese", "China"])


def test_error_report_lists_misses_with_their_sentence(gold_events) -> None:  # type: ignore[no-untyped-def]
    doc = ev.Document("d", TEXT, "2024-04-26", "test")
    system = ev.system_events("d", [event(EventKind.WARNING, span("warned"), "Xi")])
    pairs = ev.match(gold_events, system)
    report = ev.error_report([doc], gold_events, system, pairs)
    assert "FALSE NEGATIVES (gold events not found): 4" in report
    assert "Biden [[signed]] the bill." in report
    assert "FALSE POSITIVES (system events not in gold): 0" in report
    assert "agent/targets wrong" in report


def test_sentence_around() -> None:
    start = TEXT.index("warned")
    lo, hi = ev.sentence_around(TEXT, start, start + 6)
    assert TEXT[lo:hi] == "The US warned China."


def test_devset_is_consistent() -> None:
    docs, gold_mentions = ev.load_devset(DEVSET)  # checks every trigger offset
    assert len(gold_mentions) >= 170
    assert {g.kind for g in gold_mentions} <= set(ev.KINDS)
    ids = {d.id for d in docs}
    assert {g.doc for g in gold_mentions} <= ids
    assert any(not d.held_out for d in docs)
    seed = next(d for d in docs if d.id == "seed_article")
    seed_file = ROOT / "tests" / "fixtures" / "seed_article.txt"
    assert seed.text == seed_file.read_text(encoding="utf-8")
    with open(DEVSET / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            assert set(g) >= {"doc", "kind", "trigger", "trigger_start", "agent", "targets", "date",
                              "precision", "negated", "hypothetical"}
            assert (g["date"] is None) == (g["precision"] is None)
            assert g["precision"] in {None, *(p.value for p in Precision)}


def test_main_with_a_perfect_system(monkeypatch, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    def perfect(docs, model_dir, device="cpu", political_only=True):  # type: ignore[no-untyped-def]
        ids = {d.id for d in docs}
        return [g for g in ev.load_devset(DEVSET)[1] if g.doc in ids]

    monkeypatch.setattr(ev, "run_extractor", perfect)
    out = tmp_path / "scores.json"
    assert ev.main(["--json", str(out), "--errors"]) == 0
    printed = capsys.readouterr().out
    assert "micro on heldout documents" in printed
    assert "FALSE NEGATIVES (gold events not found): 0" in printed
    numbers = json.loads(out.read_text(encoding="utf-8"))
    assert numbers["micro"]["f1"] == 1.0
    assert numbers["attributes"]["date"]["accuracy"] == 1.0
    assert numbers["subsets"]["heldout"]["micro"]["gold"] < numbers["micro"]["gold"]
