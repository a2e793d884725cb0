"""Batches: many documents through one model, streaming, in input order.

Documents are grouped into batches whose chunks stanza processes in bulk;
``n_process > 1`` fans batches out to worker processes that each hold one
model.  One bad document yields an error result, not an aborted batch,
unless ``fail_fast`` is asked for.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._model import Event

if TYPE_CHECKING:
    from ._extractor import Extractor

__all__ = ["Article", "Result"]

DateLike = dt.date | dt.datetime | str | None


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


def run_batch(extractor: Extractor, batch: list[tuple[int, Any]], fail_fast: bool) -> list[Result]:
    """Extract events for one batch: a single bulk parse of every document's chunks."""
    prepared = []
    results: dict[int, Result] = {}
    for index, item in batch:
        try:
            article, context = _as_article(item, index)
            prepared.append(
                (index, article, context, extractor.prepare(article.text, article.published))
            )
        except Exception as exc:
            if fail_fast:
                raise
            doc_id = item.id if isinstance(item, Article) else None
            results[index] = Result(index=index, id=doc_id, error=f"{type(exc).__name__}: {exc}")
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
                parsed.append(exc)  # type: ignore[arg-type]
    for (index, article, context, prep), sentences in zip(prepared, parsed, strict=True):
        if isinstance(sentences, Exception):
            results[index] = Result(
                index=index,
                id=article.id,
                context=context,
                error=f"{type(sentences).__name__}: {sentences}",
            )
            continue
        try:
            events = extractor.finish(prep, sentences)
            results[index] = Result(
                index=index, id=article.id, events=tuple(events), context=context
            )
        except Exception as exc:
            if fail_fast:
                raise
            results[index] = Result(
                index=index, id=article.id, context=context, error=f"{type(exc).__name__}: {exc}"
            )
    return [results[i] for i, _ in batch]


def batches(items: Iterable[Any], size: int) -> Iterator[list[tuple[int, Any]]]:
    it = enumerate(items)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch


# Worker-process state: one Extractor per process.
_WORKER: list[Extractor] = []


def _worker_init(model_dir: str | None, lexicon: Any, device: str, threads: int) -> None:
    import torch

    from ._extractor import Extractor

    torch.set_num_threads(threads)
    _WORKER.append(Extractor.load(model_dir, lexicon=lexicon, device=device))


def _worker_run(args: tuple[list[tuple[int, Any]], bool]) -> list[Result]:
    batch, fail_fast = args
    return run_batch(_WORKER[0], batch, fail_fast)


def run_parallel(
    extractor: Extractor,
    items: Iterable[Any],
    *,
    batch_size: int,
    n_process: int,
    fail_fast: bool,
) -> Iterator[Result]:
    """Batches fanned out to ``n_process`` workers; results stay in input order."""
    import multiprocessing as mp
    import os

    model_dir = None if extractor.model.name == "en_ewt" else str(extractor.model.path)
    threads = max(1, (os.cpu_count() or 1) // n_process)
    # spawn: forking a process that already holds torch threads can deadlock.
    ctx = mp.get_context("spawn")
    with ctx.Pool(
        n_process,
        initializer=_worker_init,
        initargs=(model_dir, extractor.lexicon, extractor.device, threads),
    ) as pool:
        work = ((batch, fail_fast) for batch in batches(items, batch_size))
        for results in pool.imap(_worker_run, work):
            yield from results
