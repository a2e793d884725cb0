"""The time vocabulary, written once: month and weekday names and other time words."""

from __future__ import annotations

__all__ = ["MONTH_NAMES", "TIME_WORDS", "WEEKDAY_NAMES"]

#: January first.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
#: Monday first, as ``datetime.date.weekday`` counts.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Words that name a time, never an actor, whatever the parser says ("met Modi Friday").
TIME_WORDS = (
    frozenset(WEEKDAY_NAMES)
    | frozenset(MONTH_NAMES)
    | frozenset(
        ["today", "yesterday", "tomorrow", "tonight", "week", "month", "year", "day",
         "morning", "evening", "night", "weekend"]
    )
)  # fmt: skip
