"""Grouping event mentions into incidents, on hand-built events (no model)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from diplo_events import (
    Actor,
    DateBasis,
    Event,
    EventDate,
    EventKind,
    Incident,
    Precision,
    Result,
    Span,
    group_incidents,
    incident_rows,
    incidents_of,
    write_incidents_csv,
    write_incidents_jsonl,
)
from diplo_events._cli import EXIT_OK, EXIT_USAGE, main
from diplo_events._outputs import INCIDENT_COLUMNS

PUB = dt.date(2024, 4, 26)
_at = iter(range(0, 100_000, 10))


def actor(name: str, code: str | None = None, text: str | None = None) -> Actor:
    return Actor(text or name, name, Span(0, len(text or name), text or name), code=code,
                 country=code[:3] if code else None)


BLINKEN = actor("Antony Blinken", "USAGOV", "Blinken")
HE = actor("Antony Blinken", "USAGOV", "he")
XI = actor("Xi Jinping", "CHNGOV")
WANG = actor("Wang Yi", "CHNGOV")
CHINA = actor("China", "CHN")
BEIJING = actor("Beijing", "CHN")
PELOSI = actor("Nancy Pelosi")


def day(d: int, basis: DateBasis = DateBasis.RELATIVE) -> EventDate:
    return EventDate(dt.date(2024, 4, d), Precision.DAY, f"2024-04-{d:02d}", basis)


PUBLISHED = EventDate(PUB, Precision.DAY, PUB.isoformat(), DateBasis.PUBLICATION)
YEAR_2022 = EventDate(dt.date(2022, 1, 1), Precision.YEAR, "2022", DateBasis.EXPLICIT)
APRIL = EventDate(dt.date(2024, 4, 1), Precision.MONTH, "2024-04", DateBasis.RELATIVE)


def event(kind: EventKind, word: str, agent: Actor | None, *targets: Actor,
          date: EventDate = PUBLISHED, **kw: object) -> Event:
    start = next(_at)
    return Event(kind, Span(start, start + len(word), word), Span(start, start + 9, "sentence"),
                 agent=agent, targets=targets, date=date, **kw)  # type: ignore[arg-type]


def triggers(incidents: list[Incident]) -> list[list[str]]:
    return [[e.trigger.text for e in inc.mentions] for inc in incidents]


def test_a_visit_told_twice_is_one_incident_with_the_better_date() -> None:
    visit = event(EventKind.VISIT, "visit", HE, BEIJING)
    arrived = event(EventKind.VISIT, "arrived", BLINKEN, CHINA, date=day(24))
    pelosi = event(EventKind.VISIT, "visit", PELOSI, actor("Taiwan", "TWN"), date=YEAR_2022)
    incidents = incidents_of([visit, arrived, pelosi], source="seed")
    assert triggers(incidents) == [["visit", "arrived"], ["visit"]]
    blinken = incidents[0]
    assert blinken.date == day(24)  # the publication date says nothing
    assert blinken.agent == BLINKEN  # the name as written, not "he"
    assert [t.name for t in blinken.targets] == ["Beijing"]  # China and Beijing: one country
    assert blinken.sources == ("seed", "seed")
    assert "2 mentions of one visit" in blinken.explanation


def test_two_meetings_of_the_same_parties_on_different_days_stay_apart() -> None:
    first = event(EventKind.MEETING, "met", BLINKEN, XI, date=day(24))
    second = event(EventKind.MEETING, "met", BLINKEN, XI, date=day(26))
    assert triggers(incidents_of([first, second])) == [["met"], ["met"]]


def test_a_day_inside_the_month_of_another_mention_agrees() -> None:
    first = event(EventKind.MEETING, "talks", BLINKEN, XI, date=APRIL)
    second = event(EventKind.MEETING, "met", XI, BLINKEN, date=day(26))  # symmetric
    [inc] = incidents_of([first, second])
    assert inc.date == day(26)


def test_meetings_with_different_partners_stay_apart() -> None:
    xi = event(EventKind.MEETING, "meeting", BLINKEN, XI)
    wang = event(EventKind.MEETING, "met", BLINKEN, WANG, date=day(26))
    assert len(incidents_of([xi, wang])) == 2


def test_talks_without_a_partner_on_a_day_with_two_meetings_stay_apart_and_say_why() -> None:
    xi = event(EventKind.MEETING, "meeting", BLINKEN, XI)
    talks = event(EventKind.MEETING, "talks", BLINKEN)  # told before the second meeting
    wang = event(EventKind.MEETING, "met", BLINKEN, WANG, date=day(26))
    incidents = incidents_of([xi, talks, wang])
    assert triggers(incidents) == [["meeting"], ["talks"], ["met"]]
    assert "could belong to 2 incidents" in incidents[1].explanation


def test_talks_without_a_partner_join_the_one_meeting_that_fits() -> None:
    xi = event(EventKind.MEETING, "meeting", BLINKEN, XI)
    talks = event(EventKind.MEETING, "talks", BLINKEN)
    assert triggers(incidents_of([xi, talks])) == [["meeting", "talks"]]


def test_negated_and_asserted_mentions_never_merge() -> None:
    met = event(EventKind.MEETING, "met", BLINKEN, XI)
    not_met = event(EventKind.MEETING, "meet", BLINKEN, XI, negated=True)
    assert len(incidents_of([met, not_met])) == 2


def test_statements_of_one_speaker_merge_and_of_two_do_not() -> None:
    said = event(EventKind.STATEMENT, "said", XI)
    told = event(EventKind.STATEMENT, "told", XI, BLINKEN)
    other = event(EventKind.STATEMENT, "said", WANG)
    assert triggers(incidents_of([said, told, other])) == [["said", "told"], ["said"]]


def test_different_kinds_never_merge() -> None:
    assert len(incidents_of([event(EventKind.MEETING, "met", BLINKEN, XI),
                             event(EventKind.VISIT, "visit", BLINKEN, CHINA)])) == 2


def test_no_events_no_incidents() -> None:
    assert incidents_of([]) == []


def test_across_documents_only_the_same_known_day_merges() -> None:
    a = event(EventKind.MEETING, "met", BLINKEN, XI, date=day(26))
    b = event(EventKind.MEETING, "talks", XI, BLINKEN, date=day(26, DateBasis.EXPLICIT))
    undated = event(EventKind.MEETING, "met", BLINKEN, XI)
    docs = [Result(0, "a", (a,)), ("b", [b]), ("c", [undated])]
    assert len(group_incidents(docs)) == 3  # "story": no merging across documents
    corpus = group_incidents(docs, key="corpus")
    assert [inc.sources for inc in corpus] == [("a", "b"), ("c",)]
    assert "told by 2 documents" in corpus[0].explanation


def test_the_dataset_convention_keys_on_countries_code_and_day() -> None:
    a = event(EventKind.MEETING, "met", BLINKEN, XI, date=day(26), cameo="040")
    b = event(EventKind.MEETING, "met", actor("Joe Biden", "USAGOV"), WANG, date=day(26),
              cameo="040")
    c = event(EventKind.MEETING, "met", BLINKEN, XI, date=day(25), cameo="040")
    records = group_incidents([("a", [a, c]), ("b", [b])], key="dataset")
    assert sorted(len(r.mentions) for r in records) == [1, 2]
    assert "agent country USA, target country CHN, code 040 and day 2024-04-26" in "".join(
        r.explanation for r in records)


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(ValueError, match="key must be one of"):
        group_incidents([], key="week")


def test_incident_rows_csv_and_jsonl(tmp_path: Path) -> None:
    visit = event(EventKind.VISIT, "visit", HE, BEIJING)
    arrived = event(EventKind.VISIT, "arrived", BLINKEN, CHINA, date=day(24))
    incidents = group_incidents([("seed", [visit, arrived])])
    [row] = incident_rows(incidents)
    assert (row["mentions"], row["sources"], row["triggers"]) == (2, "seed", "visit; arrived")
    assert (row["date_start"], row["date_end"]) == (dt.date(2024, 4, 24),) * 2
    out = io.StringIO()
    assert write_incidents_csv(incidents, out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(INCIDENT_COLUMNS)
    path = tmp_path / "incidents.jsonl"
    assert write_incidents_jsonl(incidents, path) == 1
    obj = json.loads(path.read_text(encoding="utf-8"))
    assert obj["mention_count"] == 2
    assert [m["trigger"]["text"] for m in obj["mentions"]] == ["visit", "arrived"]
    assert obj["date"]["timex"] == "2024-04-24"


def test_the_command_line_writes_incidents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from diplo_events import _cli

    visit = event(EventKind.VISIT, "visit", HE, BEIJING)
    arrived = event(EventKind.VISIT, "arrived", BLINKEN, CHINA, date=day(24))

    class Fake:
        def extract(self, text: str, published: object = None, *, on_section: object = None
                    ) -> list[Event]:
            return [visit, arrived]

    monkeypatch.setattr(_cli, "_make_extractor", lambda args: Fake())
    article = tmp_path / "a.txt"
    article.write_text("Blinken arrived in China.", encoding="utf-8")
    assert main(["extract", str(article), "--incidents", "-f", "table"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "visit        Antony Blinken -> Beijing  [2024-04-24 (relative)]" in out
    assert "2 mentions in" in out
    assert main(["extract", str(article), "--incidents", "corpus"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["mention_count"] == 2
    assert main(["extract", str(article), "--incidents", "-f", "tsv"]) == EXIT_USAGE
    assert "--incidents writes csv, jsonl, table" in capsys.readouterr().err
