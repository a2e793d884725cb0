"""The acceptance test: the seed article against seed_expected.json, with the bundled model."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from diplo_events import Event, Precision

from .conftest import FIXTURES, SEED_TEXT

pytestmark = pytest.mark.model

EXPECTED = json.loads((FIXTURES / "seed_expected.json").read_text(encoding="utf-8"))


def _matches(event: Event, spec: dict) -> bool:  # type: ignore[type-arg]
    if event.kind.value != spec["kind"] or spec["trigger"] not in event.trigger.text:
        return False
    if "agent" in spec and (event.agent is None or spec["agent"] not in event.agent.name):
        return False
    if "target" in spec and not any(spec["target"] in t.name for t in event.targets):
        return False
    if "date" in spec:
        if event.date is None or event.date.precision is not Precision(spec["precision"]):
            return False
        if event.date.timex != spec["date"]:
            return False
    return True


@pytest.fixture(scope="module")
def seed_events(extractor) -> list[Event]:  # type: ignore[no-untyped-def]
    return extractor.extract(SEED_TEXT)


@pytest.mark.parametrize("spec", EXPECTED["must_find"], ids=lambda s: f"{s['kind']}-{s['trigger']}")
def test_must_find(seed_events, spec) -> None:  # type: ignore[no-untyped-def]
    assert any(_matches(e, spec) for e in seed_events), (
        spec["why"],
        [
            (
                e.kind.value,
                e.trigger.text,
                e.agent and e.agent.name,
                [t.name for t in e.targets],
                e.date and e.date.timex,
            )
            for e in seed_events
        ],
    )


@pytest.mark.parametrize("spec", EXPECTED["must_not_find"], ids=lambda s: s["why"][:30])
def test_must_not_find(seed_events, spec) -> None:  # type: ignore[no-untyped-def]
    for e in seed_events:
        if "kind" in spec:
            assert e.kind.value != spec["kind"], (spec["why"], e)
        if "date" in spec:
            assert e.date is None or e.date.value != dt.date.fromisoformat(spec["date"]), e
        if "date_text_contains" in spec:
            assert e.date is None or spec["date_text_contains"] not in (e.date.text or ""), e


def test_publication_date_comes_from_the_header(seed_events) -> None:  # type: ignore[no-untyped-def]
    assert any(
        e.date and e.date.basis.value == "publication" and e.date.value == dt.date(2024, 4, 26)
        for e in seed_events
    )


def test_spans_are_exact(seed_events) -> None:  # type: ignore[no-untyped-def]
    for e in seed_events:
        for span in (e.trigger, e.sentence, *(a.span for a in (e.agent, *e.targets) if a)):
            assert SEED_TEXT[span.start : span.end] == span.text


def test_taxonomy_on_the_seed(seed_events) -> None:  # type: ignore[no-untyped-def]
    kinds = {e.kind.value for e in seed_events}
    assert "threat" not in kinds
    statements = [
        e
        for e in seed_events
        if e.kind.value == "statement"
        and e.trigger.text == "told"
        and e.agent
        and "Xi" in e.agent.name
    ]
    assert any(any("Blinken" in t.name for t in e.targets) for e in statements), statements
    aid = [e for e in seed_events if e.kind.value == "aid" and e.trigger.text == "supplied"]
    assert aid and all(e.negated for e in aid)
    ban = [e for e in seed_events if e.kind.value == "sanction" and e.trigger.text == "ban"]
    assert ban and all(e.hypothetical for e in ban)


def test_references_on_the_seed(seed_events) -> None:  # type: ignore[no-untyped-def]
    # "I proposed ... . These are ... lessons, he said.": the "I" is Xi
    proposal = [e for e in seed_events if e.kind.value == "proposal"]
    assert [(e.agent.text, e.agent.name, e.agent.code) for e in proposal] == [
        ("I", "Xi Jinping", "CHNGOV")
    ]
    # "the two sides also discussed": the United States and China, not Russia
    discussed = [e for e in seed_events if e.trigger.text == "discussed"]
    assert discussed
    sides = {discussed[0].agent.name, *(t.name for t in discussed[0].targets)}
    assert sides == {"United States", "China"}
    # the US promise to defend its ally
    promise = [e for e in seed_events if e.kind.value == "promise"]
    assert [e.agent.name for e in promise] == ["United States"]


def test_incidents_on_the_seed(seed_events) -> None:  # type: ignore[no-untyped-def]
    from diplo_events import EventKind, incidents_of

    incidents = incidents_of(seed_events)

    def of(kind: EventKind, agent: str, target: str | None = None) -> list[list[str]]:
        return [
            [e.trigger.text for e in inc.mentions]
            for inc in incidents
            if inc.kind is kind and inc.agent is not None and agent in inc.agent.name
            and (target is None or any(target in t.name for t in inc.targets))
        ]

    # Blinken's visit, told twice, is one incident dated by the mention that has a date
    [visit] = [inc for inc in incidents
               if inc.kind is EventKind.VISIT and inc.agent and "Blinken" in inc.agent.name]
    assert [e.trigger.text for e in visit.mentions] == ["visit", "arrived"]
    assert visit.date is not None and visit.date.timex == "2024-04-24"
    # the meetings with Xi and with Wang stay apart; so do Pelosi's visit and the signing
    assert of(EventKind.MEETING, "Blinken", "Xi") == [["meeting", "meetings"]]
    assert of(EventKind.MEETING, "Blinken", "Wang") == [["met"]]
    assert of(EventKind.VISIT, "Pelosi") == [["visit"]]
    assert of(EventKind.BILL_SIGNING, "Biden") == [["signed"]]
    # "talks" names no partner on a day with two meetings: it stays apart, and says why
    [talks] = [inc for inc in incidents if [e.trigger.text for e in inc.mentions] == ["talks"]]
    assert "could belong to 2 incidents" in talks.explanation
