"""The publication date as a caller gives it: a date, a datetime, an ISO string or None."""

from __future__ import annotations

import contextlib
import datetime as dt

from ..exceptions import InputError

__all__ = ["DateLike", "to_date"]

#: What a publication date may be given as.
DateLike = dt.date | dt.datetime | str | None


def to_date(value: object, what: str = "published") -> dt.date | None:
    """A date from a date, datetime, ISO string or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        with contextlib.suppress(ValueError):
            return dt.datetime.fromisoformat(text).date()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            raise InputError(
                f"{what} must be an ISO date like '2024-04-26', got {value!r}"
            ) from None
    raise TypeError(
        f"{what} must be a date, datetime, ISO string or None, not {type(value).__name__}"
    )
