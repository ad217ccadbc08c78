"""``diplowatch load``: bring the Parquet tables of a Spark run into a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from diplowatch.cli import main
from diplowatch.cli.ingest import echo_counts, write_outcomes
from diplowatch.cli.options import db_option
from diplowatch.errors import DiplowatchError
from diplowatch.ingest.pool import Outcome, Unchanged
from diplowatch.model import ArticleResult
from diplowatch.store.base import Store
from diplowatch.store.opener import open_store

_BATCH_ROWS = 512  # Parquet rows per read: memory stays flat however large the table


def read_outcomes(folder: Path, store: Store) -> Iterator[Outcome]:
    """Every row of ``folder/articles`` as a pipeline outcome, read in batches (flat memory)."""
    try:
        import pyarrow.dataset as ds
    except ImportError as exc:  # the parquet extra is optional
        raise DiplowatchError(
            'loading Parquet needs pyarrow: pip install "diplowatch[parquet]"'
        ) from exc
    from diplowatch.spark.rows import outcome_from_row

    table = folder / "articles"
    if not table.is_dir():
        raise DiplowatchError(
            f"{table} not found; is {folder} the --out folder of 'diplowatch spark run'?"
        )
    for batch in ds.dataset(str(table), format="parquet").to_batches(batch_size=_BATCH_ROWS):
        for row in batch.to_pylist():
            outcome = outcome_from_row(row)
            if isinstance(outcome, ArticleResult) and store.is_unchanged(
                outcome.article.id, store.article_hash(outcome)
            ):
                yield Unchanged(outcome.article)
            else:
                yield outcome


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
def load(folder: Path, db: str) -> None:
    """Load the tables of 'diplowatch spark run --out FOLDER' into the store given by --db.

    Articles are versioned exactly as 'diplowatch ingest' versions them, so loading the same
    folder twice changes nothing, and the store then serves the API and web page as usual.
    """
    with open_store(db) as store:
        counts, failures = write_outcomes(store, read_outcomes(folder, store))
    echo_counts(counts, failures)
