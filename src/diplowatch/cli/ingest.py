"""``diplowatch ingest``: read inputs, run the per-article pipeline, store the results."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable

import click
from tqdm import tqdm

from diplowatch.cli import main
from diplowatch.cli.options import db_option
from diplowatch.ingest.readers import read_inputs
from diplowatch.kb.actors import load_kb
from diplowatch.model import Article, FailedArticle
from diplowatch.pipeline import process_article
from diplowatch.resolve.merge import block_key
from diplowatch.store.events import article_blocks, update_events
from diplowatch.store.sqlite import Store, open_store


def ingest_items(
    store: Store, items: Iterable[Article | FailedArticle], *, progress: bool = False
) -> tuple[Counter[str], list[FailedArticle]]:
    """Process and store every item; one bad article never stops the batch.

    Afterwards only the event blocks whose reports changed are merged again (issue #5).
    """
    counts: Counter[str] = Counter()
    failures: list[FailedArticle] = []
    actor_ids: set[str] = set()
    touched: set[str] = set()
    for item in tqdm(items, disable=not progress, unit=" articles", file=sys.stderr):
        counts["read"] += 1
        if isinstance(item, FailedArticle):
            touched |= article_blocks(store, item.id)
            store.save_failure(item)
            failures.append(item)
            continue
        if store.is_unchanged(item.id, store.article_hash(item)):
            counts["unchanged"] += 1
            continue
        touched |= article_blocks(store, item.id)  # the version it replaces stops counting
        try:
            result = process_article(item)
        except Exception as exc:  # a bug on one article must not lose the batch; it is recorded
            failed = FailedArticle(item.id, f"processing failed: {type(exc).__name__}: {exc}", "pipeline")
            store.save_failure(failed)
            failures.append(failed)
            continue
        counts[store.save_result(result)] += 1
        touched.update(block_key(report) for report in result.reports)
        actor_ids.update(m.actor_id for m in result.mentions if m.actor_id)
    kb = load_kb()
    store.save_actors(actor for a in sorted(actor_ids) if (actor := kb.get(a)))
    update_events(store, touched)
    counts["failed"] = len(failures)
    return counts, failures


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def ingest(paths: tuple[str, ...], db: str, progress: bool | None) -> None:
    """Ingest articles from files, folders, JSON Lines or '-' (stdin).

    Text files may start with a line 'date YYYY-MM-DD'. JSON Lines records take id, text or
    html, and optional url, title, source, published, lang. Exit status 1 when any input failed.
    """
    show = sys.stderr.isatty() if progress is None else progress
    with open_store(db) as store:
        counts, failures = ingest_items(store, read_inputs(paths), progress=show)
    click.echo(
        f"read {counts['read']}, new {counts['new']}, updated {counts['updated']}, "
        f"unchanged {counts['unchanged']}, failed {counts['failed']}",
        err=True,
    )
    if counts["failed"]:
        for failed in failures:
            click.echo(f"  failed {failed.id} ({failed.origin}): {failed.reason}", err=True)
        sys.exit(1)
