"""Extractor.date_words on the bundled model: any trigger word dated as the events are."""

from __future__ import annotations

import pytest

from diplo_events import DateBasis
from diplo_events._extractor import Prepared

pytestmark = pytest.mark.model

TEXT = (
    "date 2025-01-10\n\nThe ministers met on Monday. They signed a deal.\n\n"
    "The envoy will travel to Paris on 8 July. Protesters gathered outside. Police are watching."
)


def test_words_are_dated_by_their_own_time_their_story_or_the_dateline(extractor) -> None:  # type: ignore[no-untyped-def]
    words = ["met", "signed", "travel", "gathered", "watching"]
    dates = extractor.date_words(TEXT, [TEXT.index(w) for w in words])
    assert [(d.timex, d.basis) for d in dates] == [
        ("2025-01-06", DateBasis.RELATIVE),
        ("2025-01-06", DateBasis.INHERITED),  # continues Monday's story
        ("2025-07-08", DateBasis.RELATIVE),  # the future tense picks the coming July
        ("2025-01-06", DateBasis.INHERITED),  # past, undated: on the lead's day
        ("2025-01-10", DateBasis.PUBLICATION),  # nothing in the text: flagged as the dateline
    ]


def test_offsets_outside_words_and_a_text_read_in_sections(  # type: ignore[no-untyped-def]
    extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert extractor.date_words(TEXT, [3, len(TEXT) + 10]) == [None, None]
    whole = extractor.date_words(TEXT, [TEXT.index("travel"), TEXT.index("met")])
    # cut into one section per paragraph, as a long text is read
    cut = Prepared.sections
    monkeypatch.setattr(Prepared, "sections", lambda self, limit=0: cut(self, 40))
    assert extractor.date_words(TEXT, [TEXT.index("travel"), TEXT.index("met")]) == whole
