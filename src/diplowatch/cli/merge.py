"""``diplowatch merge``: rebuild every merged event from the stored reports."""

from __future__ import annotations

import click

from diplowatch.cli import main
from diplowatch.cli.options import db_option
from diplowatch.store.events import rebuild_events
from diplowatch.store.opener import open_store


@main.command()
@db_option
def merge(db: str) -> None:
    """Rebuild all events from the current reports (ingest keeps them current incrementally).

    Ids of unchanged events are kept: an event's id depends only on its own block's reports.
    """
    with open_store(db) as store:
        blocks, events = rebuild_events(store)
    click.echo(f"merged {blocks} blocks into {events} events", err=True)
