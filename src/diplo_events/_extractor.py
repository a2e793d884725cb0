"""The extractor: one loaded parser, the rules, and the stages between them.

text -> ``prepare`` (checks, clean-up, dateline, chunks) -> ``parse_many``
(the parser backend) -> ``finish`` (the rule engine) -> events.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._batch import Result, batches, run_batch, run_parallel
from ._bounds import SECTION_CHARS, blank_overlong_tokens, bounded_runs
from ._dates.anchoring import date_words
from ._events import Actor, Event, EventDate, Span
from ._nlp.store import ModelInfo
from ._rules.engine import events_from_sentences
from ._rules.lexicon import Lexicon
from ._rules.triggers import PreFilter
from ._text import (
    DateLike,
    check_text,
    chunks,
    clean,
    find_dateline,
    looks_english,
    paragraphs,
    to_date,
)
from ._tokens import ParserBackend, Sentence
from .exceptions import NotEnglishWarning, UndatedWarning

__all__ = ["UNDATED_MESSAGE", "Extractor", "Prepared"]

#: The :class:`UndatedWarning` of a text without dateline or publication date.
UNDATED_MESSAGE = (
    "the text has no dateline and no published date, so relative dates (\"on Friday\", "
    "\"last year\") stay unresolved; pass the date it was written as "
    "published=\"YYYY-MM-DD\" (a date, datetime or ISO string)"
)


@attrs.frozen
class Prepared:
    """A document checked, cleaned and cut into chunks, ready to parse."""

    text: str  # as the caller passed it
    cleaned: str  # same length, markup blanked
    published: dt.date | None
    dateline_city: str | None
    pieces: tuple[tuple[int, int], ...]

    @property
    def size(self) -> int:
        """Characters to parse."""
        return sum(end - start for start, end in self.pieces)

    def sections(self, limit: int = SECTION_CHARS) -> list[Prepared]:
        """The document as runs of consecutive chunks of at most ``limit`` characters each.

        Each section is read as a discourse of its own, so the memory a
        document needs is bounded by a section's, whatever its length.
        """
        sizes = [end - start for start, end in self.pieces]
        return [
            attrs.evolve(self, pieces=self.pieces[a:b]) for a, b in bounded_runs(sizes, limit)
        ]


@attrs.define
class Extractor:
    """Loads the parser once and extracts events from many texts.

    Thread-safe: the parser backend serializes its own use (torch already
    spreads one parse over the cores); the rules after the parse run
    unlocked, so threads share one model and get the same results as serial
    use.

    .. versionadded:: 0.1.0
    """

    #: The parser backend (stanza's, as loaded by :meth:`load`).
    parser: ParserBackend
    model: ModelInfo
    lexicon: Lexicon = attrs.field(factory=Lexicon.bundled)
    device: str = "cpu"
    #: Parse only sentences that hold a possible trigger (same events, faster).
    skip_untriggered: bool = True
    #: Whether the model files were checked against the manifest (workers do the same).
    verify: bool = True
    #: Keep only events with a political participant (docs/datamodel.md says how
    #: that is decided); False keeps every event, each with ``not_political`` set
    #: to the reason the default would leave it out.
    political_only: bool = True
    _prefilter: PreFilter | None = attrs.field(default=None, init=False, repr=False)

    @classmethod
    def load(
        cls,
        model_dir: str | Path | None = None,
        *,
        lexicon: Lexicon | str | Path | None = None,
        device: str = "cpu",
        verify: bool = True,
        political_only: bool = True,
    ) -> Extractor:
        """Load the bundled model (default), or stanza's official models from ``model_dir``.

        ``lexicon`` is a :class:`Lexicon` or a path to a lexicon file merged over
        the bundled one.  ``device`` is ``"cpu"`` or ``"cuda"`` (``"cuda:1"``).
        ``political_only=False`` keeps events without a political participant
        (see :attr:`political_only`).  Never downloads anything.
        """
        if lexicon is None:
            lex = Lexicon.bundled()
        elif isinstance(lexicon, Lexicon):
            lex = lexicon
        else:
            lex = Lexicon.load(lexicon)
        from ._nlp.driver import StanzaDriver  # imports stanza: not at package import

        driver, info = StanzaDriver.load(model_dir, device=device, verify=verify)
        return cls(
            parser=driver,
            model=info,
            lexicon=lex,
            device=device,
            verify=verify,
            political_only=political_only,
        )

    @property
    def pipeline(self) -> Any:
        """The stanza pipeline of the bundled backend (None for another backend)."""
        return getattr(self.parser, "pipeline", None)

    @property
    def stats(self) -> dict[str, int]:
        """Sentences seen and dependency-parsed so far (for benchmarks)."""
        return self.parser.stats

    # -- the stages, public so batches and users can drive them ---------------

    def prepare(self, text: str, published: DateLike = None) -> Prepared:
        """Check and clean ``text``, find its dateline and cut it into chunks."""
        text = check_text(text)
        pub = to_date(published)
        cleaned = clean(text)
        dateline = find_dateline(cleaned)
        if pub is None:
            pub = dateline.published
        pieces: tuple[tuple[int, int], ...] = ()
        if cleaned.strip():
            if looks_english(cleaned[dateline.body_start :]):
                cleaned = blank_overlong_tokens(cleaned)
                pieces = tuple(chunks(cleaned, dateline.body_start))
                if pub is None:
                    warnings.warn(UNDATED_MESSAGE, UndatedWarning, stacklevel=3)
            else:
                warnings.warn(
                    "text does not look like English; diplo_events extracts events from "
                    "English only and returns none for it",
                    NotEnglishWarning,
                    stacklevel=3,
                )
        return Prepared(text, cleaned, pub, dateline.city, pieces)

    def parse(self, text: str) -> list[Sentence]:
        """Full parse views of ``text`` (every sentence parsed), offsets into ``text``."""
        doc = Prepared(text, text, None, None, tuple(chunks(check_text(text))))
        return self.parse_many([doc], full=True)[0]

    def parse_many(self, docs: Sequence[Prepared], *, full: bool = False) -> list[list[Sentence]]:
        """Parse the chunks of many documents in bulk calls of the parser backend.

        Unless ``full``, only sentences that hold a possible trigger get a
        dependency parse: the others cannot yield events, and nothing else
        reads their trees (name mentions are found on the surface), so the
        events are the same and the parser -- most of the cost -- runs less.
        """
        flat = [
            (i, start, end)
            for i, d in enumerate(docs)
            for a, b in d.pieces
            for start, end in paragraphs(d.cleaned, a, b)
        ]
        out: list[list[Sentence]] = [[] for _ in docs]
        if not flat:
            return out
        every = full or not self.skip_untriggered
        parsed = self.parser.parse(
            [(docs[i].cleaned, start, end) for i, start, end in flat],
            may_trigger=None if every else self._may_trigger(),
        )
        for (i, _, _), sentences in zip(flat, parsed, strict=True):
            out[i].extend(sentences)
        return out

    def _may_trigger(self) -> PreFilter:
        """The pre-filter of the current lexicon, its answers kept while the lexicon stays."""
        if self._prefilter is None or self._prefilter.lexicon is not self.lexicon:
            self._prefilter = PreFilter(self.lexicon)
        return self._prefilter

    def finish(
        self, doc: Prepared, sentences: Sequence[Sentence], *, political_only: bool | None = None
    ) -> list[Event]:
        """The events of a parsed document.

        ``political_only`` overrides the extractor's :attr:`political_only`.
        """
        events = events_from_sentences(
            sentences, doc.cleaned, doc.published, self.lexicon, dateline_city=doc.dateline_city
        )
        if self.political_only if political_only is None else political_only:
            events = [e for e in events if e.not_political is None]
        if doc.cleaned is not doc.text:
            events = [_retext(e, doc.text) for e in events]
        return events

    # -- the API ------------------------------------------------------------

    def extract(
        self,
        text: str,
        published: DateLike = None,
        *,
        on_section: Callable[[int, int], object] | None = None,
        political_only: bool | None = None,
    ) -> list[Event]:
        """Events in ``text``, in text order.

        ``published`` (date, datetime, ISO string or None) anchors relative
        dates; when None, a dateline at the start of the text is used, and
        without one relative dates stay unresolved.  ``on_section``, if given,
        is called after each section of a long document (see
        :func:`events_of`) with the characters read so far and in all: a
        progress bar for one large file.  ``political_only`` overrides the
        extractor's :attr:`political_only` for this call.
        """
        return self.events_of(
            self.prepare(text, published), on_section=on_section, political_only=political_only
        )

    def date_words(
        self, text: str, offsets: Sequence[int], published: DateLike = None
    ) -> list[EventDate | None]:
        """The date of an event whose trigger is the word at each offset of ``text``.

        The anchoring the library's own events get, for any trigger word:
        the time expressions the parse attaches to the word or its clause,
        an anchoring clause ("after the talks ended on Monday"), the clause
        it belongs to, then the discourse conventions among the words asked
        for ("the meeting" after "met on Monday"; a past-tense event
        continuing the day the paragraph set).  Otherwise the publication
        date, with basis ``publication``: the text gives no date of its own.
        ``published`` and the dateline work as in :meth:`extract`.  An
        offset that is not inside a word gives ``None``.

        See docs/dates.md for an example and the measured accuracy.
        """
        doc = self.prepare(text, published)
        out: list[EventDate | None] = [None] * len(offsets)
        # Section by section, as extract reads a long text: memory stays bounded,
        # and each section is a discourse of its own.
        for section in doc.sections():
            lo, hi = section.pieces[0][0], section.pieces[-1][1]
            asked = [i for i, off in enumerate(offsets) if lo <= off < hi]
            if not asked:
                continue
            sentences = self.parse_many([section], full=True)[0]
            dated = date_words(sentences, [offsets[i] for i in asked], doc.cleaned, doc.published)
            for i, date in zip(asked, dated, strict=True):
                out[i] = date
        return out

    def events_of(
        self,
        doc: Prepared,
        *,
        on_section: Callable[[int, int], object] | None = None,
        political_only: bool | None = None,
    ) -> list[Event]:
        """The events of a prepared document, parsed and read section by section."""
        events: list[Event] = []
        done = 0
        for section in doc.sections():
            sentences = self.parse_many([section])[0]
            events.extend(self.finish(section, sentences, political_only=political_only))
            done += section.size
            if on_section is not None:
                on_section(done, doc.size)
        return events

    def extract_many(
        self,
        items: Iterable[Any],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        fail_fast: bool = False,
        progress: bool = False,
    ) -> Iterator[Result]:
        """Results for many documents, streamed in input order.

        ``items`` are texts, ``(text, context)`` pairs (a context mapping may
        carry ``id`` and ``published``) or :class:`Article` objects.  Each
        batch of ``batch_size`` documents is parsed in one bulk call (the
        default, 64 news articles, gives the tokenizer enough paragraphs of
        similar length to batch; docs/accuracy.md has the measurements);
        ``n_process > 1`` runs worker processes that each load the model.
        A document that fails gives a :class:`Result` with ``error`` set,
        unless ``fail_fast`` re-raises.  ``progress`` shows a tqdm bar.
        """
        if batch_size < 1 or n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        if progress:
            items = _with_progress(items)
        if n_process > 1:
            yield from run_parallel(
                self, items, batch_size=batch_size, n_process=n_process, fail_fast=fail_fast
            )
            return
        for batch in batches(items, batch_size):
            yield from run_batch(self, batch, fail_fast)


def _with_progress(items: Iterable[Any]) -> Iterable[Any]:
    try:
        from tqdm.auto import tqdm
    except ImportError:  # progress is a nicety, not a requirement
        return items
    return tqdm(items, unit="doc")  # type: ignore[no-any-return]


def _retext(event: Event, text: str) -> Event:
    """Make every span's text the caller's own characters (cleaning blanked markup)."""

    def fix(span: Span) -> Span:
        return Span(span.start, span.end, text[span.start : span.end])

    def fix_actor(a: Actor) -> Actor:
        return attrs.evolve(a, span=fix(a.span), text=text[a.span.start : a.span.end])

    return attrs.evolve(
        event,
        trigger=fix(event.trigger),
        sentence=fix(event.sentence),
        agent=fix_actor(event.agent) if event.agent else None,
        targets=tuple(fix_actor(t) for t in event.targets),
        date=attrs.evolve(
            event.date,
            span=fix(event.date.span),
            text=text[event.date.span.start : event.date.span.end],
        )
        if event.date is not None and event.date.span is not None
        else event.date,
        location=attrs.evolve(event.location, span=fix(event.location.span))
        if event.location is not None and event.location.span is not None
        else event.location,
    )
