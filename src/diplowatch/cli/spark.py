"""``diplowatch spark run``: the pipeline on Apache Spark, for corpora beyond one machine."""

from __future__ import annotations

import click

from diplowatch.cli import main
from diplowatch.errors import DiplowatchError


@main.group()
def spark() -> None:
    """Run the pipeline on Apache Spark (pip install "diplowatch[spark]"; Java 17)."""


@spark.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    required=True,
    help="Folder for the Parquet tables articles/, reports/, events/, actors/.",
)
@click.option(
    "--master",
    default=None,
    help="local[N], spark://host:7077 (classic) or sc://host:15002 (Spark Connect);"
    " default: the one spark-submit gives, else local[*].",
)
@click.option(
    "--partitions",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Partitions for the article and merge stages (about 2-4 per executor core).",
)
@click.option(
    "--arrow-batch-size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Rows per Arrow batch handed to the Python workers (memory per worker).",
)
def run(
    inputs: tuple[str, ...], out: str, master: str | None, partitions: int, arrow_batch_size: int
) -> None:
    """Process INPUTS (folders or files of text, HTML, JSON Lines; or Parquet) into --out.

    The per-article function and the merge are the embedded ones, so the tables hold what
    'diplowatch ingest' would store, event ids included. Bring them into a store with
    'diplowatch load OUT --db ...'.
    """
    try:
        from diplowatch.spark.jobs import run_pipeline, start_session
    except ImportError as exc:
        raise DiplowatchError(
            f'Spark needs the spark extra: pip install "diplowatch[spark]" ({exc})'
        ) from exc
    session = start_session(master, partitions=partitions, arrow_batch_size=arrow_batch_size)
    try:
        counts = run_pipeline(session, list(inputs), out, partitions=partitions)
    finally:
        session.stop()
    click.echo(", ".join(f"{name} {n}" for name, n in counts.items()), err=True)
