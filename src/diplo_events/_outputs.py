"""Outputs at the edge: JSON, JSON Lines, CSV, PETRARCH-style TSV and pandas.

Nothing in the pipeline imports this module.  cattrs and pandas are imported
on first use, so importing :mod:`diplo_events` stays cheap.

Every writer takes either events or *results*, one per document: the
:class:`Result` objects of ``Extractor.extract_many`` (their ``id`` is the
document id) or plain ``(doc_id, events)`` pairs, so that a batch over many
files keeps track of which file each event came from.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import importlib
import itertools
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO, TypeAlias

import attrs

from ._batch import Result
from ._dates.resolver import date_span
from ._events import Actor, Event, EventDate
from ._incidents import Incident
from .exceptions import InputError

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

__all__ = [
    "COLUMNS",
    "INCIDENT_COLUMNS",
    "PERIODS",
    "TSV_COLUMNS",
    "EventsOrResults",
    "PeriodCounts",
    "count_by_period",
    "from_json",
    "incident_rows",
    "incidents_to_dataframe",
    "read_jsonl",
    "to_dataframe",
    "to_json",
    "to_rows",
    "to_tsv_rows",
    "write_csv",
    "write_incidents_csv",
    "write_incidents_jsonl",
    "write_jsonl",
    "write_tsv",
]


#: A document's identifier and its events, as a batch produces them.
DocResult: TypeAlias = tuple[str | None, Iterable[Event]]
#: What the writers accept: events, or results (one per document).
EventsOrResults: TypeAlias = Iterable[Event] | Iterable[Result] | Iterable[DocResult]
#: A path to write to (created or overwritten, UTF-8), or an open text file.
Target: TypeAlias = str | os.PathLike[str] | TextIO
#: A value in a flat row.
Cell: TypeAlias = str | int | bool | dt.date | None

#: The columns of :func:`to_rows`, :func:`write_csv` and :func:`to_dataframe`,
#: in order; ``doc_id`` comes first when there is one.
COLUMNS: tuple[str, ...] = (
    "kind", "trigger", "trigger_start", "trigger_end",
    "agent", "agent_code", "agent_country", "agent_type", "targets", "target_codes",
    "target_types", "date", "date_precision", "date_start", "date_end", "timex", "date_basis",
    "negated", "hypothetical", "location", "topic", "cameo", "plover",
    "sentence", "explanation", "not_political",
)
#: The columns of :func:`to_tsv_rows` (PETRARCH order first, then ours).
TSV_COLUMNS: tuple[str, ...] = (
    "date", "source", "target", "cameo", "doc_id", "trigger", "kind", "plover",
)
#: PETRARCH's placeholder for an actor without a code.
NO_CODE = "---"


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------


@functools.cache
def _converter() -> JsonConverter:
    from cattrs.preconf.json import make_converter

    converter = make_converter()
    # The clock time of a date ("9 a.m. Tuesday") as ISO "HH:MM:SS".
    converter.register_unstructure_hook(dt.time, dt.time.isoformat)
    converter.register_structure_hook(dt.time, lambda value, _: dt.time.fromisoformat(value))
    return converter


def to_json(events: Iterable[Event], *, indent: int | None = None) -> str:
    """Events as a JSON array: dates as ISO strings, enums as their values.

    :func:`from_json` reads it back into equal events.

    .. versionadded:: 0.1.0
    """
    return json.dumps(_converter().unstructure(list(events), list[Event]), indent=indent,
                      ensure_ascii=False)


def from_json(data: str | bytes) -> list[Event]:
    """Events from a JSON array written by :func:`to_json`.

    Raises:
        InputError: ``data`` is not JSON or does not describe events.

    .. versionadded:: 0.1.0
    """
    try:
        raw = json.loads(data)
    except ValueError as exc:
        raise InputError(f"not valid JSON: {exc}") from None
    if not isinstance(raw, list):
        raise InputError(f"expected a JSON array of events, got {type(raw).__name__}")
    return _structure(raw, "JSON")


def _structure(raw: list[Any], where: str) -> list[Event]:
    from cattrs.errors import BaseValidationError

    try:
        return _converter().structure(raw, list[Event])
    except (BaseValidationError, ValueError, TypeError, KeyError) as exc:
        detail = "; ".join(_messages(exc)) or repr(exc)
        raise InputError(f"{where} does not describe diplo_events events: {detail}") from None


def _messages(exc: BaseException) -> list[str]:
    from cattrs import transform_error
    from cattrs.errors import BaseValidationError

    if isinstance(exc, BaseValidationError):
        return transform_error(exc, path="events")[:3]
    return [str(exc)]


def write_jsonl(events_or_results: EventsOrResults, fh_or_path: Target,
                doc_id: str | None = None) -> int:
    """Write one JSON object per event and line (JSON Lines); return the count.

    With results, or with ``doc_id``, each object carries its document's
    ``"doc_id"`` as well.

    .. versionadded:: 0.1.0
    """
    conv = _converter()
    n = 0
    with _opened(fh_or_path) as fh:
        for doc, event in _flatten(events_or_results, doc_id):
            obj = conv.unstructure(event, Event)
            if doc is not None:
                obj = {"doc_id": doc, **obj}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(fh_or_path: str | os.PathLike[str] | Iterable[str]) -> list[Event]:
    """Events from JSON Lines written by :func:`write_jsonl` (``doc_id`` is dropped).

    .. versionadded:: 0.1.0
    """
    if isinstance(fh_or_path, str | os.PathLike):
        with open(fh_or_path, encoding="utf-8") as fh:
            return read_jsonl(fh)
    raw: list[Any] = []
    for i, line in enumerate(fh_or_path, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise InputError(f"line {i} is not valid JSON: {exc}") from None
        if isinstance(obj, dict):
            obj.pop("doc_id", None)
        raw.append(obj)
    return _structure(raw, "JSON Lines")


# --------------------------------------------------------------------------
# Flat rows: CSV and pandas
# --------------------------------------------------------------------------


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def _party_cells(agent: Actor | None, targets: Sequence[Actor]) -> dict[str, Cell]:
    return {
        "agent": _name(agent),
        "agent_code": agent.code if agent else None,
        "agent_country": agent.country if agent else None,
        "agent_type": agent.type.value if agent and agent.type else None,
        "targets": "; ".join(t.name for t in targets),
        # Positions line up with ``targets``; a target without a code leaves a gap.
        "target_codes": "; ".join(t.code or "" for t in targets),
        "target_types": "; ".join(t.type.value if t.type else "" for t in targets),
    }


def _date_cells(date: EventDate | None) -> dict[str, Cell]:
    span = date_span(date) if date else None
    return {
        "date": date.value if date else None,
        "date_precision": date.precision.value if date else None,
        # The days the date covers: a year-precision 2023 is 2023-01-01 to
        # 2023-12-31, not a day in January.
        "date_start": span[0] if span else None,
        "date_end": span[1] if span else None,
        "timex": date.timex if date else None,
        "date_basis": date.basis.value if date else None,
    }


def _row(event: Event) -> dict[str, Cell]:
    return {
        "kind": event.kind.value,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        **_party_cells(event.agent, event.targets),
        **_date_cells(event.date),
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "location": event.location.name if event.location else None,
        "topic": event.topic,
        "cameo": event.cameo,
        "plover": event.plover,
        "sentence": event.sentence.text,
        "explanation": event.explanation,
        "not_political": event.not_political,
    }


def _is_result(item: object) -> bool:
    return (isinstance(item, tuple) and len(item) == 2) or hasattr(item, "events")


def _document(item: object) -> tuple[str | None, Iterable[object]]:
    """A result's document id and events: a ``(doc_id, events)`` pair or a Result."""
    if isinstance(item, tuple) and len(item) == 2:
        doc, events = item
    elif isinstance(item, Result) or hasattr(item, "events"):
        doc, events = getattr(item, "id", None), item.events
    else:
        raise TypeError(
            f"expected Event objects or results ((doc_id, events) pairs or Result objects), "
            f"got {type(item).__name__}"
        )
    if doc is not None and not isinstance(doc, str):
        doc = str(doc)
    if not isinstance(events, Iterable):
        raise TypeError(f"a result's events must be iterable, got {type(events).__name__}")
    return doc, events


def _flatten(items: EventsOrResults, doc_id: str | None) -> Iterator[tuple[str | None, Event]]:
    for item in items:
        if isinstance(item, Event):
            yield doc_id, item
            continue
        doc, events = _document(item)
        for event in events:
            if not isinstance(event, Event):
                raise TypeError(f"expected Event objects, got {type(event).__name__}")
            yield doc, event


def _peek(items: EventsOrResults) -> tuple[bool, EventsOrResults]:
    """Whether ``items`` are results, and the items again (nothing consumed)."""
    it = iter(items)
    try:
        first = next(it)
    except StopIteration:
        return False, ()
    return _is_result(first), itertools.chain([first], it)  # type: ignore[return-value]


def _columns(with_doc: bool) -> tuple[str, ...]:
    return ("doc_id", *COLUMNS) if with_doc else COLUMNS


def to_rows(events: EventsOrResults, doc_id: str | None = None) -> list[dict[str, Cell]]:
    """One flat dict per event.

    The keys, in order: ``kind``, ``trigger``, ``trigger_start``,
    ``trigger_end``, ``agent``, ``agent_code``, ``agent_country``,
    ``agent_type``, ``targets``, ``target_codes``, ``target_types``,
    ``date``, ``date_precision``, ``date_start``, ``date_end``, ``timex``,
    ``date_basis``, ``negated``, ``hypothetical``, ``location``, ``topic``,
    ``cameo``, ``plover``, ``sentence``, ``explanation`` and
    ``not_political``.

    Several targets are joined with ``"; "`` (``target_codes`` and
    ``target_types`` likewise, in the same order); ``date`` is a
    :class:`datetime.date`, the first day of a period of
    ``date_precision`` (a year's January 1, a week's Monday);
    ``date_start`` and ``date_end`` are the first and last days the date
    covers (2023-01-01 and 2023-12-31 for "last year", the same day for a
    day; a range's last period included), so counts and plots need not put
    a year's events in January; both are None for a ``reference`` date
    ("recently") and when undated.  Missing values are None.  A ``doc_id``
    key comes first when ``doc_id`` is given or the input is results.

    .. versionadded:: 0.1.0
    """
    is_results, items = _peek(events)
    with_doc = doc_id is not None or is_results
    rows = []
    for doc, event in _flatten(items, doc_id):
        row = _row(event)
        rows.append({"doc_id": doc, **row} if with_doc else row)
    return rows


@contextlib.contextmanager
def _opened(target: Target) -> Iterator[TextIO]:
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield target


def write_csv(events: EventsOrResults, fh_or_path: Target, doc_id: str | None = None) -> int:
    """Write :func:`to_rows` as CSV with a header line; return the number of rows.

    Streams: results from a generator are written as they come.  Open a file
    you pass yourself with ``newline=""``.

    .. versionadded:: 0.1.0
    """
    is_results, items = _peek(events)
    with_doc = doc_id is not None or is_results
    n = 0
    with _opened(fh_or_path) as fh:
        writer = csv.DictWriter(fh, fieldnames=_columns(with_doc), lineterminator="\n")
        writer.writeheader()
        for doc, event in _flatten(items, doc_id):
            row = _row(event)
            writer.writerow({"doc_id": doc, **row} if with_doc else row)
            n += 1
    return n


def to_dataframe(events: EventsOrResults, doc_id: str | None = None) -> Any:
    """The rows of :func:`to_rows` as a ``pandas.DataFrame``.

    ``date``, ``date_start`` and ``date_end`` are ``datetime64`` columns
    (``NaT`` when undated).  Group by month only the events whose date is
    that precise or finer (``df[df["date_end"] - df["date_start"] <
    pd.Timedelta(days=31)]``): ``df["date"].dt.to_period("M")`` puts a
    year-precision date in January.  Needs pandas:
    ``pip install diplo-events[pandas]``.

    Raises:
        ImportError: pandas is not installed.

    .. versionadded:: 0.1.0
    """
    is_results, items = _peek(events)
    rows = to_rows(items, doc_id)
    columns = _columns(doc_id is not None or is_results)
    return _frame("to_dataframe", rows, columns, ("trigger_start", "trigger_end"))


def _frame(
    caller: str, rows: list[dict[str, Cell]], columns: Sequence[str], counts: Sequence[str]
) -> Any:
    """``rows`` as a DataFrame with typed columns: dates as ``datetime64``,
    flags as bool, ``counts`` as int64."""
    try:
        pd = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            f"{caller}() needs pandas, which is not installed: "
            "pip install diplo-events[pandas]",
            name="pandas",
        ) from exc
    frame = pd.DataFrame(rows, columns=list(columns))
    for col in ("date", "date_start", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    for col in ("negated", "hypothetical"):
        frame[col] = frame[col].astype(bool)
    for col in counts:
        frame[col] = frame[col].astype("int64")
    return frame


# --------------------------------------------------------------------------
# PETRARCH-style TSV
# --------------------------------------------------------------------------


def _code(actor: Actor | None) -> str:
    if actor is None:
        return NO_CODE
    return actor.code or actor.country or NO_CODE


def to_tsv_rows(events: EventsOrResults, doc_id: str | None = None) -> list[list[str]]:
    """PETRARCH-style rows: one per event and target (or one if it has no target).

    Columns: the date as ``YYYYMMDD`` (empty when
    undated), the source (agent) code, the target code, the CAMEO event code,
    then the document id, the trigger's character offsets as ``start-end``,
    the event kind and the PLOVER category.  An actor code falls back to the
    actor's country and then to ``---``.

    .. versionadded:: 0.1.0
    """
    return list(_tsv_rows(events, doc_id))


def _tsv_rows(events: EventsOrResults, doc_id: str | None) -> Iterator[list[str]]:
    for doc, event in _flatten(events, doc_id):
        date = event.date.value.strftime("%Y%m%d") if event.date else ""
        tail = [doc or "", f"{event.trigger.start}-{event.trigger.end}", event.kind.value,
                event.plover or ""]
        targets: Sequence[Actor | None] = event.targets or (None,)
        for target in targets:
            yield [date, _code(event.agent), _code(target), event.cameo or "", *tail]


def write_tsv(events: EventsOrResults, fh_or_path: Target, doc_id: str | None = None, *,
              header: bool = False) -> int:
    """Write :func:`to_tsv_rows` tab-separated, PETRARCH-style; return the number of rows.

    No header line unless ``header=True`` (PETRARCH's output has none).

    .. versionadded:: 0.1.0
    """
    n = 0
    with _opened(fh_or_path) as fh:
        if header:
            fh.write("\t".join(TSV_COLUMNS) + "\n")
        for row in _tsv_rows(events, doc_id):
            fh.write("\t".join(_tsv_safe(c) for c in row) + "\n")
            n += 1
    return n


def _tsv_safe(cell: str) -> str:
    return cell.replace("\t", " ").replace("\r", " ").replace("\n", " ")


# -- counting -----------------------------------------------------------------

#: The periods :func:`count_by_period` counts by.
PERIODS = ("day", "week", "month", "year")


@attrs.frozen
class PeriodCounts:
    """Events counted by period, each in the one period its whole date lies in."""

    #: "day", "week", "month" or "year".
    period: str
    #: ``(period, kind) -> events``, sorted; periods are labelled "2024-04-26",
    #: "2024-W17" (ISO week), "2024-04" or "2024".
    counts: Mapping[tuple[str, str], int]
    #: Dated events whose date covers more than one period ("last year" when
    #: counting months, "in April" when counting weeks, "now"): not counted,
    #: rather than put on a day they may not be.
    coarser: tuple[Event, ...]
    #: Events without a date.
    undated: tuple[Event, ...]


def _period_label(day: dt.date, period: str) -> str:
    if period == "day":
        return day.isoformat()
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def count_by_period(events: EventsOrResults, period: str = "month") -> PeriodCounts:
    """Count events by kind and period without inventing days.

    An event counts in a period only when the days its date covers (see
    ``date_start`` and ``date_end`` in :func:`to_rows`) all lie in that
    period: "24 April 2024" counts in 2024-04, "last year" does not count by
    month and is returned in ``coarser`` instead (it counts by year).

    >>> import datetime as dt
    >>> from diplo_events import DateBasis, Event, EventDate, EventKind, Precision, Span
    >>> def event(value, precision, timex):
    ...     date = EventDate(value, precision, timex, DateBasis.EXPLICIT, Span(0, 1, "x"))
    ...     return Event(EventKind.MEETING, Span(0, 1, "x"), Span(0, 1, "x"), date=date)
    >>> counted = count_by_period([
    ...     event(dt.date(2024, 4, 24), Precision.DAY, "2024-04-24"),
    ...     event(dt.date(2024, 4, 26), Precision.DAY, "2024-04-26"),
    ...     event(dt.date(2022, 1, 1), Precision.YEAR, "2022"),
    ... ])
    >>> dict(counted.counts), [e.date.timex for e in counted.coarser]
    ({('2024-04', 'meeting'): 2}, ['2022'])
    >>> dict(count_by_period([event(dt.date(2022, 1, 1), Precision.YEAR, "2022")], "year").counts)
    {('2022', 'meeting'): 1}
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    counts: Counter[tuple[str, str]] = Counter()
    coarser: list[Event] = []
    undated: list[Event] = []
    for _, event in _flatten(events, None):
        if event.date is None:
            undated.append(event)
            continue
        span = date_span(event.date)
        if span is None or _period_label(span[0], period) != _period_label(span[1], period):
            coarser.append(event)
            continue
        counts[_period_label(span[0], period), event.kind.value] += 1
    return PeriodCounts(period, dict(sorted(counts.items())), tuple(coarser), tuple(undated))


# --------------------------------------------------------------------------
# Incidents
# --------------------------------------------------------------------------

#: The columns of :func:`incident_rows`, in order.
INCIDENT_COLUMNS = (
    "kind", "mentions", "sources", "triggers", "trigger_starts", "agent", "agent_code",
    "agent_country", "agent_type", "targets", "target_codes", "target_types", "date",
    "date_precision", "date_start", "date_end", "timex", "date_basis", "negated",
    "hypothetical", "location", "cameo", "plover", "explanation",
)  # fmt: skip


def incident_rows(incidents: Iterable[Incident]) -> list[dict[str, Cell]]:
    """One flat row per incident: its summary, a mention count and source ids.

    ``sources`` lists the distinct document ids of the mentions (``;``
    separated), ``triggers`` and ``trigger_starts`` every mention's trigger
    and offset in mention order; ``date_start``/``date_end`` are the days
    the incident's date covers, as in :func:`to_rows`.
    """
    rows = []
    for inc in incidents:
        rows.append({
            "kind": inc.kind.value,
            "mentions": len(inc.mentions),
            "sources": "; ".join(dict.fromkeys(s for s in inc.sources if s is not None)),
            "triggers": "; ".join(e.trigger.text for e in inc.mentions),
            "trigger_starts": "; ".join(str(e.trigger.start) for e in inc.mentions),
            **_party_cells(inc.agent, inc.targets),
            **_date_cells(inc.date),
            "negated": inc.negated,
            "hypothetical": inc.hypothetical,
            "location": inc.location.name if inc.location else None,
            "cameo": inc.cameo,
            "plover": inc.plover,
            "explanation": inc.explanation,
        })
    return rows


def write_incidents_csv(incidents: Iterable[Incident], fh_or_path: Target) -> int:
    """Write :func:`incident_rows` as CSV with a header line; return the number of rows."""
    n = 0
    with _opened(fh_or_path) as fh:
        writer = csv.DictWriter(fh, fieldnames=INCIDENT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in incident_rows(incidents):
            writer.writerow(row)
            n += 1
    return n


def write_incidents_jsonl(incidents: Iterable[Incident], fh_or_path: Target) -> int:
    """Write one JSON object per incident (:meth:`Incident.to_dict`, every
    mention in full); return the count."""
    n = 0
    with _opened(fh_or_path) as fh:
        for inc in incidents:
            fh.write(json.dumps(inc.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def incidents_to_dataframe(incidents: Iterable[Incident]) -> Any:
    """The rows of :func:`incident_rows` as a ``pandas.DataFrame`` (dates as
    ``datetime64``).  Needs pandas.

    Raises:
        ImportError: pandas is not installed.
    """
    return _frame("incidents_to_dataframe", incident_rows(incidents), INCIDENT_COLUMNS,
                  ("mentions",))
