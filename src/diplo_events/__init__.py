"""diplo_events: typed, dated diplomatic events from English news text.

>>> from diplo_events import extract_events          # doctest: +SKIP
>>> events = extract_events(article_text)            # doctest: +SKIP

Importing the package is cheap: stanza and torch load on the first extraction.
"""

from ._api import extract_events
from ._batch import Article, Result
from ._dates.resolver import resolve_date
from ._events import (
    Actor,
    ActorType,
    DateBasis,
    Event,
    EventDate,
    EventKind,
    Place,
    Precision,
    Span,
)
from ._extractor import Extractor
from ._incidents import Incident, group_incidents, incidents_of
from ._outputs import (
    PeriodCounts,
    count_by_period,
    from_json,
    incident_rows,
    incidents_to_dataframe,
    read_jsonl,
    to_dataframe,
    to_json,
    to_rows,
    to_tsv_rows,
    write_csv,
    write_incidents_csv,
    write_incidents_jsonl,
    write_jsonl,
    write_tsv,
)
from ._rules.lexicon import Lexicon
from .exceptions import (
    DiploEventsError,
    InputError,
    LexiconError,
    ModelIntegrityError,
    ModelNotFoundError,
    NotEnglishWarning,
    UndatedWarning,
)

__all__ = [
    "Actor",
    "ActorType",
    "Article",
    "DateBasis",
    "DiploEventsError",
    "Event",
    "EventDate",
    "EventKind",
    "Extractor",
    "Incident",
    "InputError",
    "Lexicon",
    "LexiconError",
    "ModelIntegrityError",
    "ModelNotFoundError",
    "NotEnglishWarning",
    "PeriodCounts",
    "Place",
    "Precision",
    "Result",
    "Span",
    "UndatedWarning",
    "__version__",
    "count_by_period",
    "extract_events",
    "from_json",
    "group_incidents",
    "incident_rows",
    "incidents_of",
    "incidents_to_dataframe",
    "read_jsonl",
    "resolve_date",
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


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("diplo-events")
    raise AttributeError(f"module 'diplo_events' has no attribute {name!r}")
