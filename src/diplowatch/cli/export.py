"""``diplowatch export``: merged events, or their actor contact network, to a file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from diplowatch.cli import main
from diplowatch.cli.options import db_option, filter_options
from diplowatch.errors import DiplowatchError
from diplowatch.store.events import ensure_events, list_events
from diplowatch.store.export import FORMATS, export_events
from diplowatch.store.opener import open_store
from diplowatch.store.queries import Filters


@main.command()
@db_option
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help="csv/jsonl/parquet/plover: one row per event; graphml/gexf: the contact network.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout)."
)
def export(db: str, fmt: str, output: str | None, **filters: str | None) -> None:
    """Export merged events (one per real-world contact) with the filters of 'events'."""
    if fmt == "parquet" and output is None:
        raise DiplowatchError("parquet is binary: give an output file with -o")
    with open_store(db) as store:
        ensure_events(store)
        events, _ = list_events(store, Filters(**filters))
    data = export_events(events, fmt=fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        Path(output).write_bytes(data)
        click.echo(f"wrote {len(events)} events to {output}", err=True)
