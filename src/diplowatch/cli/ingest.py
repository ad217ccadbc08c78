"""``diplowatch ingest``: read inputs, run the per-article pipeline, store the results."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable, Iterator

import click

from diplowatch.cli import main
from diplowatch.cli.options import db_option
from diplowatch.ingest.pool import Outcome, Unchanged, default_workers, process_items
from diplowatch.ingest.readers import read_inputs
from diplowatch.kb.actors import load_kb
from diplowatch.model import Article, ArticleResult, FailedArticle
from diplowatch.resolve.merge import block_key
from diplowatch.store.base import Store
from diplowatch.store.events import article_blocks
from diplowatch.store.fresh import FreshRecords
from diplowatch.store.opener import open_store
from diplowatch.store.pending import mark_pending, merge_pending


def ingest_items(
    store: Store,
    items: Iterable[Article | FailedArticle],
    *,
    progress: bool = False,
    workers: int = 1,
) -> tuple[Counter[str], list[FailedArticle]]:
    """Process and store every item; one bad article never stops the batch.

    ``workers`` > 1 computes in a process pool; this process stays the only writer, and the
    stored results are the same as with one worker.
    """
    outcomes = process_items(
        items,
        is_unchanged=lambda a: store.is_unchanged(a.id, store.article_hash(a)),
        workers=workers,
    )
    if progress:
        from tqdm import tqdm  # imported for a bar only: it took a tenth of a one-article start

        outcomes = tqdm(outcomes, unit=" articles", file=sys.stderr)
    return write_outcomes(store, outcomes)


def write_outcomes(
    store: Store, outcomes: Iterable[Outcome]
) -> tuple[Counter[str], list[FailedArticle]]:
    """Store processed articles, failures and the actors they mention (ingest and ``load``).

    Articles are committed ``store.write_batch`` at a time (a failure is one of them, so the
    rest of its batch still lands), each with the blocks it changed recorded as pending;
    afterwards the pending blocks are merged again (issue #5), this run's and any that a
    killed run left (``store.pending``).
    """
    fresh = FreshRecords()
    counts, failures, actor_ids = store_outcomes(store, outcomes, fresh)
    kb = load_kb()
    store.save_actors(actor for a in sorted(actor_ids) if (actor := kb.get(a)))
    merge_pending(store, fresh)
    counts["failed"] = len(failures)
    return counts, failures


def store_outcomes(
    store: Store, outcomes: Iterable[Outcome], fresh: FreshRecords | None = None
) -> tuple[Counter[str], list[FailedArticle], set[str]]:
    """The writing half of ``write_outcomes``: every article committed with its pending blocks,
    nothing merged; returns the counts, the failures and the actor ids mentioned. The merge
    rows of new articles go to ``fresh``, so that the merge need not read them back."""
    counts: Counter[str] = Counter()
    failures: list[FailedArticle] = []
    actor_ids: set[str] = set()
    # one time for the whole batch: event ids anchor on (batch, published, report key), which a
    # Spark run over the same input reproduces (it is one batch too)
    batch_time = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for written, outcome in enumerate(_changed(outcomes, counts), start=1):
        article_id = outcome.id if isinstance(outcome, FailedArticle) else outcome.article.id
        touched = article_blocks(store, article_id)  # the version it replaces stops counting
        if isinstance(outcome, FailedArticle):
            saved = store.save_failure(outcome, ingested_at=batch_time, commit=False)
            failures.append(outcome)
        else:
            saved = store.save_result(outcome, ingested_at=batch_time, commit=False)
            counts[saved] += 1
            if saved == "new" and fresh is not None:
                fresh.add(outcome, ingested_at=batch_time)
            touched.update(block_key(report) for report in outcome.reports)
            actor_ids.update(m.actor_id for m in outcome.mentions if m.actor_id)
        if saved != "unchanged":
            mark_pending(store, article_id, touched)
        if written % store.write_batch == 0:
            store.commit()
    store.commit()
    return counts, failures, actor_ids


def _changed(
    outcomes: Iterable[Outcome], counts: Counter[str]
) -> Iterator[ArticleResult | FailedArticle]:
    """The outcomes that write something, counting every outcome read and those unchanged."""
    for outcome in outcomes:
        counts["read"] += 1
        if isinstance(outcome, Unchanged):
            counts["unchanged"] += 1
        else:
            yield outcome


def echo_counts(counts: Counter[str], failures: list[FailedArticle]) -> None:
    """Print the summary line and every failure; exit with status 1 when any input failed."""
    click.echo(
        f"read {counts['read']}, new {counts['new']}, updated {counts['updated']}, "
        f"unchanged {counts['unchanged']}, failed {counts['failed']}",
        err=True,
    )
    if counts["failed"]:
        for failed in failures:
            click.echo(f"  failed {failed.id} ({failed.origin}): {failed.reason}", err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: when stderr is a terminal).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=default_workers,
    show_default="number of cores",
    help="Processes computing articles in parallel; this process alone writes to the store.",
)
def ingest(paths: tuple[str, ...], db: str, progress: bool | None, workers: int) -> None:
    """Ingest articles from files, folders, JSON Lines or '-' (stdin).

    Text files may start with a line 'date YYYY-MM-DD'. JSON Lines records take id, text or
    html, and optional url, title, source, published, lang. Exit status 1 when any input failed.
    """
    show = sys.stderr.isatty() if progress is None else progress
    with open_store(db) as store:
        counts, failures = ingest_items(store, read_inputs(paths), progress=show, workers=workers)
    echo_counts(counts, failures)
