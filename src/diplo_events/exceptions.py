"""The exceptions diplo_events raises; all derive from :class:`DiploEventsError`."""

from __future__ import annotations

__all__ = [
    "DiploEventsError",
    "InputError",
    "LexiconError",
    "ModelError",
    "ModelIntegrityError",
    "ModelNotFoundError",
    "NotEnglishWarning",
    "UndatedWarning",
]


class DiploEventsError(Exception):
    """Base class of every error raised by diplo_events."""


class InputError(DiploEventsError, ValueError):
    """An argument has the right type but an unusable value (a bad date string, say)."""


class ModelError(DiploEventsError):
    """Base class of the model-loading errors."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """The model files are missing; the message names the fix."""


class ModelIntegrityError(ModelError):
    """A model file's sha256 does not match its manifest."""


class LexiconError(DiploEventsError, ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


class NotEnglishWarning(UserWarning):
    """The text does not look like English, so no events are extracted from it."""


class UndatedWarning(UserWarning):
    """A text has no dateline and no ``published`` date: relative dates stay unresolved.

    "On Friday" or "last year" need the day the text was written; without it
    only explicit dates ("April 26, 2024") are resolved.  Pass the date as
    ``published`` (``extract(text, published="2024-04-26")``, ``--published``
    on the command line), or silence the warning with
    ``warnings.simplefilter("ignore", UndatedWarning)``.

    .. versionadded:: 0.1.0
    """
