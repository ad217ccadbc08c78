"""Run ``process_article`` over a stream of inputs, in this process or in a process pool.

The pool only computes: workers receive Articles and return ArticleResults (or a FailedArticle
saying why processing failed), and the caller stays the single writer to the store. Results
come back in input order, so ``--workers N`` stores exactly what ``--workers 1`` stores.

Stages per batch (a few hundred articles, so memory does not grow with the corpus):
 1. skip      inputs that failed to read, and articles whose content the store already holds
 2. compute   ``process_article`` on the rest (pool: batch k+1 computes while k is written)
 3. yield     one outcome per input, in input order
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from diplowatch.kb.gazetteer import Gazetteer
from diplowatch.model import Article, ArticleResult, FailedArticle
from diplowatch.pipeline import process_article

if TYPE_CHECKING:  # multiprocessing is imported when a pool starts: most runs need none
    from multiprocessing.pool import AsyncResult, Pool

ARTICLES_PER_TASK = (
    8  # one pickled task per 8 articles: small enough to balance, big enough to amortise IPC
)
# Objects allocated between two young-generation collections while articles are processed
# (Python's default: 700). An article allocates thousands of short-lived lists, dicts and
# match objects, so the default ran ~580 collections per 2,000 articles, each also walking what
# the one before had promoted (0.2 s of collector time per 2,000 seed articles); 10,000 leaves
# the peak memory as it was (docs/benchmarks.md, fifth round).
YOUNG_GC_THRESHOLD = 10_000


@dataclass(frozen=True, slots=True)
class Unchanged:
    """An article the store already holds with this exact content: nothing to compute."""

    article: Article


Outcome = ArticleResult | FailedArticle | Unchanged


def default_workers() -> int:
    """Cores this process may use (the default of ``ingest --workers``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_guarded(
    article: Article, *, gazetteer: Gazetteer | None = None
) -> ArticleResult | FailedArticle:
    """``process_article``, with a bug on one article turned into a recorded failure."""
    try:
        return process_article(article, gazetteer=gazetteer)
    except Exception as exc:  # one article must never lose the batch; the reason is stored
        return FailedArticle(
            article.id, f"processing failed: {type(exc).__name__}: {exc}", "pipeline"
        )


def process_items(
    items: Iterable[Article | FailedArticle],
    *,
    is_unchanged: Callable[[Article], bool],
    workers: int = 1,
) -> Iterator[Outcome]:
    """Yield one outcome per input item, in order (see the module docstring)."""
    with _fewer_collections():
        yield from _process_items(items, is_unchanged, workers)


def _collect_less() -> tuple[int, int, int]:
    """Raise the young-generation threshold to ``YOUNG_GC_THRESHOLD`` (also a pool worker's
    set-up); returns the thresholds before."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_GC_THRESHOLD), *before[1:])
    return before


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """``_collect_less`` while the items are processed; the caller's thresholds after."""
    before = _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _process_items(
    items: Iterable[Article | FailedArticle], is_unchanged: Callable[[Article], bool], workers: int
) -> Iterator[Outcome]:
    iterator = iter(items)
    # input of one task at most ("ingest one.txt"): starting a pool costs more than it saves
    head = list(islice(iterator, ARTICLES_PER_TASK + 1)) if workers > 1 else []
    if workers <= 1 or len(head) <= ARTICLES_PER_TASK:
        for item in chain(head, iterator):  # one by one, so a reader's crash loses nothing done
            yield _triage(item, is_unchanged) or process_guarded(item)  # type: ignore[arg-type]
        return
    import multiprocessing

    batches = _batches(chain(head, iterator), workers * ARTICLES_PER_TASK * 4)
    # forkserver: no fork of a threaded parent; workers load packs and KB once each, lazily
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_collect_less) as pool:
        pending: tuple[list[Outcome | None], AsyncResult[Any]] | None = None
        for batch in batches:
            submitted = _submit(pool, batch, is_unchanged)
            if pending:
                yield from _collect(*pending)
            pending = submitted
        if pending:
            yield from _collect(*pending)


def _triage(
    item: Article | FailedArticle, is_unchanged: Callable[[Article], bool]
) -> Outcome | None:
    """The outcome when no computation is needed, else None."""
    if isinstance(item, FailedArticle):
        return item
    if is_unchanged(item):
        return Unchanged(item)
    return None


def _batches(
    items: Iterable[Article | FailedArticle], size: int
) -> Iterator[list[Article | FailedArticle]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _submit(
    pool: Pool, batch: list[Article | FailedArticle], is_unchanged: Callable[[Article], bool]
) -> tuple[list[Outcome | None], AsyncResult[Any]]:
    outcomes = [_triage(item, is_unchanged) for item in batch]
    todo = [item for item, outcome in zip(batch, outcomes, strict=True) if outcome is None]
    return outcomes, pool.map_async(process_guarded, todo, chunksize=ARTICLES_PER_TASK)  # type: ignore[arg-type]


def _collect(outcomes: list[Outcome | None], job: AsyncResult[Any]) -> Iterator[Outcome]:
    computed = iter(job.get())
    for outcome in outcomes:
        yield outcome if outcome is not None else next(computed)
