"""Outputs on hand-built events: JSON round trips, JSON Lines, CSV, TSV, pandas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_events import (
    Actor,
    DateBasis,
    Event,
    EventDate,
    EventKind,
    InputError,
    Place,
    Precision,
    Span,
)
from diplo_events._batch import Result
from diplo_events._outputs import (
    COLUMNS,
    TSV_COLUMNS,
    from_json,
    read_jsonl,
    to_dataframe,
    to_json,
    to_rows,
    to_tsv_rows,
    write_csv,
    write_jsonl,
    write_tsv,
)

TEXT = (
    "Blinken met Wang Yi and Xi Jinping in Beijing on Friday. "
    "Biden did not sign the bill. The United States warned China."
)


def span(needle: str, start: int = 0) -> Span:
    i = TEXT.index(needle, start)
    return Span(i, i + len(needle), needle)


def sentence(n: int) -> Span:
    parts = TEXT.split(". ")
    start = TEXT.index(parts[n])
    end = start + len(parts[n]) + (1 if n < len(parts) - 1 else 0)
    return Span(start, end, TEXT[start:end])


def sample_events() -> list[Event]:
    """Three events covering multiple targets, missing fields, negation and ranges."""
    meeting = Event(
        kind=EventKind.MEETING,
        trigger=span("met"),
        sentence=sentence(0),
        agent=Actor("Blinken", "Antony Blinken", span("Blinken"),
                    role="Secretary of State", country="USA", code="USAGOV"),
        targets=(
            Actor("Wang Yi", "Wang Yi", span("Wang Yi"), country="CHN", code="CHNGOV"),
            Actor("Xi Jinping", "Xi Jinping", span("Xi Jinping"), country="CHN"),
        ),
        date=EventDate(dt.date(2024, 4, 26), Precision.DAY, "2024-04-26", DateBasis.RELATIVE,
                       text="Friday", span=span("Friday")),
        location=Place("Beijing", "Beijing", "CHN", span("Beijing")),
        cameo="040", plover="CONSULT", explanation="meet (VERB) -> meeting",
    )
    signing = Event(
        kind=EventKind.BILL_SIGNING,
        trigger=span("sign"),
        sentence=sentence(1),
        agent=Actor("Biden", "Joe Biden", span("Biden"), country="USA"),
        date=EventDate(dt.date(2024, 4, 22), Precision.WEEK, "2024-W17", DateBasis.PUBLICATION,
                       end=dt.date(2024, 4, 26)),
        negated=True,
        topic="the bill",
        cameo="057", plover="AGREE", explanation="sign + bill -> bill_signing",
    )
    warning = Event(
        kind=EventKind.WARNING,
        trigger=span("warned"),
        sentence=sentence(2),
        targets=(Actor("China", "China", span("China"), country="CHN", code="CHN"),),
        hypothetical=True,
        cameo="130", plover="THREATEN",
    )
    return [meeting, signing, warning]


# -- JSON ---------------------------------------------------------------------


def test_json_round_trip_is_equal() -> None:
    events = sample_events()
    assert from_json(to_json(events)) == events
    assert from_json(to_json(events, indent=2).encode()) == events
    assert from_json(to_json([])) == []


def test_json_uses_iso_dates_enum_values_and_lists() -> None:
    raw = json.loads(to_json(sample_events()))
    meeting, signing, _ = raw
    assert meeting["kind"] == "meeting"
    assert meeting["date"]["value"] == "2024-04-26"
    assert meeting["date"]["precision"] == "day"
    assert meeting["date"]["basis"] == "relative"
    assert [t["name"] for t in meeting["targets"]] == ["Wang Yi", "Xi Jinping"]
    assert meeting["cameo"] == "040"  # a code, not a number
    assert signing["date"]["end"] == "2024-04-26"
    assert signing["location"] is None


def test_json_writes_a_clock_time_as_iso() -> None:
    meeting = sample_events()[0]
    timed = attrs.evolve(meeting, date=attrs.evolve(
        meeting.date, time=dt.time(9, 30), timex="2024-04-26T09:30"))
    raw = json.loads(to_json([timed]))
    assert raw[0]["date"]["time"] == "09:30:00"
    assert json.loads(to_json([meeting]))[0]["date"]["time"] is None
    assert from_json(to_json([timed])) == [timed]


def test_round_tripped_targets_are_a_tuple() -> None:
    back = from_json(to_json(sample_events()))
    assert isinstance(back[0].targets, tuple)
    assert back[0].kind is EventKind.MEETING


def test_json_keeps_non_ascii_text() -> None:
    text = "Lavrov trafił do Pekinu — «встреча»"
    event = Event(kind=EventKind.VISIT, trigger=Span(7, 13, "trafił"),
                  sentence=Span(0, len(text), text))
    out = to_json([event])
    assert "«встреча»" in out
    assert from_json(out) == [event]


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ("not json", "not valid JSON"),
        ('{"kind": "meeting"}', "JSON array"),
        ('[{"kind": "party"}]', "kind"),
        ('[{"kind": "meeting", "trigger": {"start": 0}}]', "trigger"),
    ],
)
def test_from_json_rejects_what_is_not_events(data: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        from_json(data)


_text = st.text(max_size=20)
_spans = st.builds(
    lambda start, length, text: Span(start, start + length, text),
    st.integers(0, 10_000), st.integers(0, 50), _text,
)
_codes = st.none() | st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=6)
_actors = st.builds(Actor, text=_text, name=_text, span=_spans, role=st.none() | _text,
                    country=_codes, code=_codes)
_dates = st.builds(EventDate, value=st.dates(), precision=st.sampled_from(Precision),
                   timex=_text, basis=st.sampled_from(DateBasis), text=st.none() | _text,
                   end=st.none() | st.dates(), span=st.none() | _spans,
                   time=st.none() | st.times())
_places = st.builds(Place, text=_text, name=_text, country=_codes, span=st.none() | _spans)
_events = st.builds(
    Event, kind=st.sampled_from(EventKind), trigger=_spans, sentence=_spans,
    agent=st.none() | _actors, targets=st.lists(_actors, max_size=3).map(tuple),
    date=st.none() | _dates, negated=st.booleans(), hypothetical=st.booleans(),
    location=st.none() | _places, topic=st.none() | _text, cameo=st.none() | _text,
    plover=st.none() | _text, explanation=_text,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_events, max_size=4))
def test_any_events_round_trip(events: list[Event]) -> None:
    assert from_json(to_json(events)) == events
    buf = io.StringIO()
    write_jsonl(events, buf)
    assert read_jsonl(io.StringIO(buf.getvalue())) == events


# -- JSON Lines -----------------------------------------------------------------


def test_jsonl_one_event_per_line_round_trips(tmp_path: Path) -> None:
    events = sample_events()
    path = tmp_path / "events.jsonl"
    assert write_jsonl(events, path) == 3
    lines = path.read_text("utf-8").splitlines()
    assert len(lines) == 3
    assert json.loads(lines[1])["kind"] == "bill_signing"
    assert read_jsonl(path) == events
    assert read_jsonl(str(path)) == events


def test_jsonl_results_carry_their_doc_id() -> None:
    events = sample_events()
    buf = io.StringIO()
    n = write_jsonl([("a.txt", events[:2]), ("b.txt", []), ("c.txt", events[2:])], buf)
    assert n == 3
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [obj["doc_id"] for obj in lines] == ["a.txt", "a.txt", "c.txt"]
    assert next(iter(lines[0])) == "doc_id"
    assert read_jsonl(io.StringIO(buf.getvalue())) == events  # doc_id is dropped
    buf = io.StringIO()
    write_jsonl(events, buf, doc_id="seed")
    assert {json.loads(line)["doc_id"] for line in buf.getvalue().splitlines()} == {"seed"}


def test_jsonl_takes_batch_results() -> None:
    events = sample_events()
    results = [Result(index=0, id="doc-1", events=tuple(events[:1])),
               Result(index=1, id=None, error="TypeError: boom"),
               Result(index=2, id="doc-3", events=tuple(events[1:]))]
    buf = io.StringIO()
    assert write_jsonl(results, buf) == 3
    ids = [json.loads(line)["doc_id"] for line in buf.getvalue().splitlines()]
    assert ids == ["doc-1", "doc-3", "doc-3"]


def test_read_jsonl_names_the_bad_line() -> None:
    good = to_json(sample_events()[:1])[1:-1]
    with pytest.raises(InputError, match="line 2"):
        read_jsonl(io.StringIO(good + "\n{oops\n"))


def test_writers_reject_other_things() -> None:
    with pytest.raises(TypeError, match="Event objects"):
        write_jsonl(["just a string"], io.StringIO())  # type: ignore[list-item]
    with pytest.raises(TypeError, match="Event objects"):
        to_rows([("doc", ["not an event"])])  # type: ignore[list-item]


# -- flat rows and CSV ----------------------------------------------------------


def test_rows_have_the_documented_columns() -> None:
    rows = to_rows(sample_events())
    assert [tuple(r) for r in rows] == [COLUMNS] * 3
    meeting, signing, warning = rows
    assert meeting["kind"] == "meeting"
    assert meeting["trigger"] == "met"
    assert TEXT[meeting["trigger_start"]:meeting["trigger_end"]] == "met"  # type: ignore[misc]
    assert meeting["agent"] == "Antony Blinken"
    assert meeting["agent_code"] == "USAGOV"
    assert meeting["agent_country"] == "USA"
    assert meeting["targets"] == "Wang Yi; Xi Jinping"
    assert meeting["target_codes"] == "CHNGOV; "  # positions line up with targets
    assert meeting["date"] == dt.date(2024, 4, 26)
    assert (meeting["date_precision"], meeting["timex"], meeting["date_basis"]) == (
        "day", "2024-04-26", "relative")
    assert (meeting["date_start"], meeting["date_end"]) == (dt.date(2024, 4, 26),) * 2
    assert meeting["location"] == "Beijing"
    assert (meeting["cameo"], meeting["plover"]) == ("040", "CONSULT")
    assert meeting["sentence"] == sample_events()[0].sentence.text
    assert meeting["explanation"] == "meet (VERB) -> meeting"
    assert signing["negated"] is True
    assert signing["topic"] == "the bill"
    assert warning["agent"] is None
    assert warning["date"] is None
    assert (warning["date_start"], warning["date_end"]) == (None, None)
    assert warning["hypothetical"] is True


def test_to_rows_documents_its_columns_in_order() -> None:
    doc = " ".join((to_rows.__doc__ or "").split())
    positions = [doc.find(f"``{name}``") for name in COLUMNS]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_rows_with_a_doc_id_put_it_first() -> None:
    rows = to_rows(sample_events(), doc_id="article-7")
    assert all(next(iter(r)) == "doc_id" and r["doc_id"] == "article-7" for r in rows)
    rows = to_rows([("a", sample_events()[:1]), ("b", sample_events()[1:])])
    assert [r["doc_id"] for r in rows] == ["a", "b", "b"]
    assert to_rows([]) == []


def test_csv_content(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert write_csv(sample_events(), path, doc_id="seed") == 3
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["doc_id", *COLUMNS]
    assert rows[0]["doc_id"] == "seed"
    assert rows[0]["targets"] == "Wang Yi; Xi Jinping"
    assert rows[0]["date"] == "2024-04-26"
    assert rows[0]["cameo"] == "040"
    assert rows[1]["negated"] == "True"
    assert rows[2]["agent"] == ""
    assert rows[2]["date"] == ""


def test_csv_without_doc_id_and_with_commas_and_quotes() -> None:
    text = 'Xi said, "we agree."'
    event = Event(kind=EventKind.STATEMENT, trigger=Span(3, 7, "said"),
                  sentence=Span(0, len(text), text))
    buf = io.StringIO()
    write_csv([event], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["sentence"] == text


def test_csv_streams_results_with_one_header() -> None:
    def results():  # type: ignore[no-untyped-def]
        yield "a.txt", sample_events()[:1]
        yield "b.txt", sample_events()[1:]

    buf = io.StringIO()
    assert write_csv(results(), buf) == 3
    lines = buf.getvalue().splitlines()
    assert lines[0].startswith("doc_id,kind,")
    assert sum(line.startswith("doc_id") for line in lines) == 1
    assert [r["doc_id"] for r in csv.DictReader(io.StringIO(buf.getvalue()))] == [
        "a.txt", "b.txt", "b.txt"]


def test_csv_of_nothing_is_a_header() -> None:
    buf = io.StringIO()
    assert write_csv([], buf) == 0
    assert buf.getvalue() == ",".join(COLUMNS) + "\n"


# -- PETRARCH-style TSV ------------------------------------------------------------


def test_tsv_rows_one_per_target() -> None:
    rows = to_tsv_rows(sample_events(), doc_id="d1")
    assert rows[0] == ["20240426", "USAGOV", "CHNGOV", "040", "d1", "8-11", "meeting", "CONSULT"]
    # a target without a code falls back to its country
    assert rows[1][:4] == ["20240426", "USAGOV", "CHN", "040"]
    # no target: '---'; an agent without a code: its country; the date of a week
    assert rows[2][:4] == ["20240422", "USA", "---", "057"]
    # undated and without agent
    assert rows[3][:4] == ["", "---", "CHN", "130"]
    assert len(rows) == 4
    assert all(len(r) == len(TSV_COLUMNS) for r in rows)


def test_tsv_file(tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    assert write_tsv([("doc\tone", sample_events())], path, header=True) == 4
    lines = path.read_text("utf-8").splitlines()
    assert lines[0].split("\t") == list(TSV_COLUMNS)
    assert len(lines) == 5
    assert all(len(line.split("\t")) == len(TSV_COLUMNS) for line in lines)
    assert lines[1].split("\t")[4] == "doc one"  # tabs cannot break the columns
    buf = io.StringIO()
    write_tsv(sample_events(), buf)
    assert not buf.getvalue().startswith("date")  # PETRARCH output has no header


# -- pandas ------------------------------------------------------------------------


def test_dataframe_columns_and_types() -> None:
    pd = pytest.importorskip("pandas")
    df = to_dataframe(sample_events())
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == 3
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    assert df["date"].isna().tolist() == [False, False, True]
    assert df["negated"].tolist() == [False, True, False]
    assert df["trigger_start"].dtype == "int64"
    by_month = df.groupby(df["date"].dt.to_period("M"))["kind"].count()
    assert by_month.to_dict() == {pd.Period("2024-04", "M"): 2}


def _dated(value: dt.date, precision: Precision, timex: str) -> Event:
    event = sample_events()[0]
    return attrs.evolve(event, date=EventDate(value, precision, timex, DateBasis.RELATIVE))


def test_dataframe_carries_the_days_a_date_covers() -> None:
    """A year is not a day in January: count by month only what is that precise."""
    pd = pytest.importorskip("pandas")
    events = [
        _dated(dt.date(2023, 1, 1), Precision.YEAR, "2023"),
        _dated(dt.date(2024, 4, 1), Precision.MONTH, "2024-04"),
        _dated(dt.date(2024, 4, 22), Precision.WEEK, "2024-W17"),
        _dated(dt.date(2023, 1, 9), Precision.DAY, "2023-01-09"),
        _dated(dt.date(2024, 4, 26), Precision.REFERENCE, "PAST_REF"),
    ]
    df = to_dataframe(events)
    assert list(df.columns) == list(COLUMNS)
    assert df["date_precision"].tolist() == ["year", "month", "week", "day", "reference"]
    for col in ("date", "date_start", "date_end"):
        assert pd.api.types.is_datetime64_any_dtype(df[col])
    spans = [(str(a.date()), str(b.date())) for a, b in
             zip(df["date_start"].iloc[:4], df["date_end"].iloc[:4], strict=True)]
    assert spans == [("2023-01-01", "2023-12-31"), ("2024-04-01", "2024-04-30"),
                     ("2024-04-22", "2024-04-28"), ("2023-01-09", "2023-01-09")]
    assert df["date_start"].iloc[4] is pd.NaT and df["date_end"].iloc[4] is pd.NaT
    # Within a month: the day and the week; the month itself; not the year.
    monthly = df[df["date_start"].dt.to_period("M") == df["date_end"].dt.to_period("M")]
    by_month = monthly.groupby(monthly["date_start"].dt.to_period("M"))["kind"].count()
    assert by_month.to_dict() == {pd.Period("2023-01", "M"): 1, pd.Period("2024-04", "M"): 2}


def test_csv_writes_the_span_as_iso_days(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_csv([_dated(dt.date(2023, 1, 1), Precision.YEAR, "2023")], path)
    with path.open(encoding="utf-8", newline="") as fh:
        (row,) = csv.DictReader(fh)
    assert (row["date"], row["date_precision"], row["date_start"], row["date_end"]) == (
        "2023-01-01", "year", "2023-01-01", "2023-12-31")


def test_dataframe_with_doc_ids_and_empty() -> None:
    pytest.importorskip("pandas")
    df = to_dataframe([("a", sample_events())])
    assert list(df.columns) == ["doc_id", *COLUMNS]
    assert set(df["doc_id"]) == {"a"}
    empty = to_dataframe([])
    assert list(empty.columns) == list(COLUMNS)
    assert len(empty) == 0


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(ImportError, match=r"pip install diplo-events\[pandas\]") as info:
        to_dataframe(sample_events())
    assert info.value.name == "pandas"


def test_count_by_period_counts_only_what_lies_in_one_period() -> None:
    import doctest

    from diplo_events import _outputs, count_by_period

    assert doctest.testmod(_outputs).failed == 0  # its examples run

    def event(kind: EventKind, value: dt.date, precision: Precision, timex: str) -> Event:
        date = EventDate(value, precision, timex, DateBasis.EXPLICIT, Span(0, 1, "x"))
        return Event(kind, Span(0, 1, "x"), Span(0, 1, "x"), date=date)

    friday = event(EventKind.MEETING, dt.date(2024, 4, 26), Precision.DAY, "2024-04-26")
    week = event(EventKind.BILL_SIGNING, dt.date(2024, 4, 22), Precision.WEEK, "2024-W17")
    april = event(EventKind.VISIT, dt.date(2024, 4, 1), Precision.MONTH, "2024-04")
    undated = Event(EventKind.WARNING, Span(0, 1, "x"), Span(0, 1, "x"))
    events = [friday, week, april, undated]
    by_week = count_by_period(events, "week")
    assert dict(by_week.counts) == {("2024-W17", "bill_signing"): 1, ("2024-W17", "meeting"): 1}
    assert by_week.coarser == (april,) and by_week.undated == (undated,)
    by_day = count_by_period(events, "day")  # a week is never put on its Monday
    assert dict(by_day.counts) == {("2024-04-26", "meeting"): 1}
    assert by_day.coarser == (week, april)
    by_month = count_by_period(events, "month")
    assert sum(by_month.counts.values()) == 3 and by_month.coarser == ()
    with pytest.raises(ValueError, match="period must be one of"):
        count_by_period(events, "fortnight")
