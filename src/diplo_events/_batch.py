"""Batches: many documents through one model, streaming, in input order.

Documents are grouped into batches whose chunks stanza processes in bulk;
``n_process > 1`` fans batches out to worker processes that each hold one
model.  One bad document yields an error result, not an aborted batch,
unless ``fail_fast`` is asked for.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

import attrs

from ._bounds import SECTION_CHARS
from ._events import Event
from ._text import DateLike

__all__ = ["Article", "Extracts", "Result"]


class Extracts(Protocol):
    """What batches need of an extractor: its stages, its settings, and how to load one."""

    skip_untriggered: bool
    verify: bool
    device: str
    lexicon: Any
    model: Any

    @classmethod
    def load(
        cls,
        model_dir: str | None = ...,
        *,
        lexicon: Any = ...,
        device: str = ...,
        verify: bool = ...,
    ) -> Extracts: ...

    def prepare(self, text: str, published: DateLike = None) -> Any: ...

    def parse_many(self, docs: Any) -> list[Any]: ...

    def finish(self, doc: Any, sentences: Any) -> list[Event]: ...

    def events_of(self, doc: Any) -> list[Event]: ...


@attrs.frozen
class Article:
    """A document with an id and, optionally, its publication date and metadata."""

    text: str
    id: str | None = None
    published: DateLike = None
    metadata: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Result:
    """The outcome for one input item, in input order.

    ``context`` is what came with the text: the ``(text, context)`` pair's
    second element, or the :class:`Article`'s metadata.
    """

    index: int
    id: str | None
    events: tuple[Event, ...] = ()
    context: Any = None
    #: ``"TypeError: text must be str, not NoneType"`` when the document failed.
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _as_article(item: Any, index: int) -> tuple[Article, Any]:
    if isinstance(item, Article):
        return item, item.metadata
    if isinstance(item, tuple) and len(item) == 2:
        text, context = item
        doc_id = None
        published = None
        if isinstance(context, Mapping):
            doc_id = context.get("id")
            published = context.get("published")
        return Article(
            text=text, id=None if doc_id is None else str(doc_id), published=published
        ), context
    return Article(text=item), None


def run_batch(extractor: Extracts, batch: list[tuple[int, Any]], fail_fast: bool) -> list[Result]:
    """Extract events for one batch: a single bulk parse of every document's chunks.

    A document longer than a section (``_bounds.SECTION_CHARS``) is read on
    its own, section by section, so that a batch's memory stays bounded.
    """
    prepared = []
    results: dict[int, Result] = {}

    def failed(index: int, doc_id: str | None, context: Any, exc: BaseException) -> None:
        if fail_fast:
            raise exc
        results[index] = Result(
            index=index, id=doc_id, context=context, error=f"{type(exc).__name__}: {exc}"
        )

    for index, item in batch:
        try:
            article, context = _as_article(item, index)
            prep = extractor.prepare(article.text, article.published)
        except Exception as exc:
            failed(index, item.id if isinstance(item, Article) else None, None, exc)
            continue
        if prep.size > SECTION_CHARS:
            try:
                events = extractor.events_of(prep)
            except Exception as exc:
                failed(index, article.id, context, exc)
                continue
            results[index] = Result(
                index=index, id=article.id, events=tuple(events), context=context
            )
            continue
        prepared.append((index, article, context, prep))
    try:
        parsed = extractor.parse_many([p[3] for p in prepared])
    except Exception:
        if fail_fast:
            raise
        # Bulk parsing failed: fall back to one document at a time, so only
        # the culprit fails.
        parsed = []
        for p in prepared:
            try:
                parsed.extend(extractor.parse_many([p[3]]))
            except Exception as exc:
                parsed.append(exc)
    for (index, article, context, prep), sentences in zip(prepared, parsed, strict=True):
        if isinstance(sentences, Exception):
            failed(index, article.id, context, sentences)
            continue
        try:
            events = extractor.finish(prep, sentences)
        except Exception as exc:
            failed(index, article.id, context, exc)
            continue
        results[index] = Result(index=index, id=article.id, events=tuple(events), context=context)
    return [results[i] for i, _ in batch]


def batches(items: Iterable[Any], size: int) -> Iterator[list[tuple[int, Any]]]:
    it = enumerate(items)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch


# Worker-process state: one extractor per process.
_WORKER: list[Extracts] = []

#: The error of a document whose worker process died while it held the document.
WORKER_DIED = (
    "WorkerDied: the worker process ended while extracting this document "
    "(killed, or out of memory)"
)


@attrs.frozen
class WorkerSettings:
    """Everything a worker process needs to build an extractor like its parent's."""

    cls: type[Extracts]
    model_dir: str | None
    lexicon: Any
    device: str
    verify: bool
    skip_untriggered: bool
    threads: int

    @classmethod
    def of(cls, extractor: Extracts, n_process: int) -> WorkerSettings:
        import os

        return cls(
            cls=type(extractor),
            model_dir=None if extractor.model.name == "en_ewt" else str(extractor.model.path),
            lexicon=extractor.lexicon,
            device=extractor.device,
            verify=extractor.verify,
            skip_untriggered=extractor.skip_untriggered,
            threads=max(1, (os.cpu_count() or 1) // n_process),
        )


def _worker_init(settings: WorkerSettings) -> None:
    from ._nlp.driver import use_threads

    use_threads(settings.threads)
    extractor = settings.cls.load(
        settings.model_dir,
        lexicon=settings.lexicon,
        device=settings.device,
        verify=settings.verify,
    )
    extractor.skip_untriggered = settings.skip_untriggered
    _WORKER.append(extractor)


def _worker_run(batch: list[tuple[int, Any]], fail_fast: bool) -> list[Result]:
    return run_batch(_WORKER[0], batch, fail_fast)


def _ping() -> bool:
    return bool(_WORKER)


def _died(batch: list[tuple[int, Any]]) -> list[Result]:
    out = []
    for index, item in batch:
        article, context = _as_article(item, index)
        out.append(Result(index=index, id=article.id, context=context, error=WORKER_DIED))
    return out


def _discard(pool: Any) -> None:
    """End a broken pool: kill its workers, then shut it down.

    A plain ``shutdown(wait=True)`` of a broken pool can wait forever: the
    executor's own clean-up joins every worker, and a worker it did not
    manage to terminate idles on its queue for good (seen on CPython 3.11 when
    a worker dies with ``os._exit`` while another is busy).  Killed workers
    join at once.  ``kill_workers`` is CPython 3.14's way; before it, the
    executor's process table is the only handle on its workers.
    """
    kill = getattr(pool, "kill_workers", None)
    if callable(kill):
        kill()
    else:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def run_parallel(
    extractor: Extracts,
    items: Iterable[Any],
    *,
    batch_size: int,
    n_process: int,
    fail_fast: bool,
) -> Iterator[Result]:
    """Batches fanned out to ``n_process`` workers; results stay in input order.

    Workers build an extractor of the parent's class with its settings.
    At most two batches a worker are in flight, so memory stays bounded
    however long ``items`` is.  When a worker process dies (killed, out of
    memory), every batch it may have held is run again one document at a
    time in a fresh pool: the documents that end a worker again get a
    ``WorkerDied`` error, the others their events.
    """
    import collections
    import multiprocessing as mp
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    settings = WorkerSettings.of(extractor, n_process)

    def new_pool() -> ProcessPoolExecutor:
        # spawn: forking a process that already holds torch threads can deadlock.
        fresh = ProcessPoolExecutor(
            n_process,
            mp_context=mp.get_context("spawn"),
            initializer=_worker_init,
            initargs=(settings,),
        )
        # A worker that cannot even start (a missing model, a bad setting)
        # is an error of the whole call, not of the documents it would get.
        try:
            fresh.submit(_ping).result()
        except BrokenProcessPool:
            fresh.shutdown(wait=True, cancel_futures=True)
            raise RuntimeError(
                "extract_many: the worker processes could not start; run with "
                "n_process=1 to see why"
            ) from None
        return fresh

    pool = new_pool()
    in_flight: collections.deque[tuple[list[tuple[int, Any]], Future[list[Result]]]] = (
        collections.deque()
    )
    work = batches(items, batch_size)

    def one_by_one(batch: list[tuple[int, Any]]) -> Iterator[Result]:
        nonlocal pool
        for entry in batch:
            try:
                yield from pool.submit(_worker_run, [entry], fail_fast).result()
            except BrokenProcessPool:
                _discard(pool)
                if fail_fast:
                    raise
                pool = new_pool()
                yield from _died([entry])

    try:
        while True:
            unsent: list[list[tuple[int, Any]]] = []
            try:
                while len(in_flight) < 2 * n_process:
                    batch = next(work, None)
                    if batch is None:
                        break
                    # submit too finds the pool broken when a worker has just died
                    unsent.append(batch)
                    in_flight.append((batch, pool.submit(_worker_run, batch, fail_fast)))
                    unsent.clear()
                if not in_flight:
                    return
                # the batch stays in flight until its results are in
                results = in_flight[0][1].result()
                in_flight.popleft()
            except BrokenProcessPool:
                _discard(pool)
                if fail_fast:
                    raise
                # The pool is gone with every batch it held: start a fresh
                # one and run those batches again, a document at a time.
                suspects = [b for b, _ in in_flight] + unsent
                in_flight.clear()
                pool = new_pool()
                for b in suspects:
                    yield from one_by_one(b)
                continue
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
