"""``diplowatch events`` and ``diplowatch show``: look at what was extracted."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click

from diplowatch.cli import main
from diplowatch.cli.options import db_option, filter_options
from diplowatch.cli.spans import mark_spans
from diplowatch.errors import DiplowatchError
from diplowatch.store.opener import open_store
from diplowatch.store.queries import Filters, article_events

_COLUMNS = ("article", "date", "mode", "status", "actors", "location", "report")


def _rows(objects: list[dict[str, Any]]) -> list[dict[str, str]]:
    rows = []
    for obj in objects:
        for event in obj["events"]:
            rows.append(
                {
                    "article": obj["id"],
                    "date": event["date"] or "-",
                    "mode": event["mode"],
                    "status": event["status"] + (" (reported)" if event.get("evidential") else ""),
                    "actors": " / ".join(event["actors"]),
                    "location": event["location"] or "-",
                    "report": event["reports"][0],
                }
            )
    return rows


def _print_table(rows: list[dict[str, str]]) -> None:
    if not rows:
        click.echo("no events")
        return
    widths = {c: min(48, max(len(c), *(len(r[c]) for r in rows))) for c in _COLUMNS}
    click.echo("  ".join(c.upper().ljust(widths[c]) for c in _COLUMNS))
    for row in rows:
        click.echo("  ".join(row[c][: widths[c]].ljust(widths[c]) for c in _COLUMNS))
    click.echo(f"{len(rows)} events")


@main.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def events(db: str, fmt: str, **filters: str | None) -> None:
    """List the contact events of each article.

    jsonl writes one object per article id in the gold format of shared/gold/README.md, so the
    output can be scored with 'diplowatch eval'.
    """
    with open_store(db) as store:
        objects = article_events(store, Filters(**filters))
    if fmt == "jsonl":
        for obj in objects:
            click.echo(json.dumps(obj, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(_COLUMNS))
        writer.writeheader()
        writer.writerows(_rows(objects))
    else:
        _print_table(_rows(objects))


@main.command()
@click.argument("report_id")
@db_option
def show(report_id: str, db: str) -> None:
    """Print the evidence of one event report with [actors] and {trigger} marked."""
    with open_store(db) as store:
        row = store.report(report_id)
        if row is None:
            raise DiplowatchError(f"no report with id {report_id!r} (ids are listed by 'diplowatch events')")
        article = store.article(row["article_id"]) or {}
    actors = json.loads(row["actors"])
    spans = [(a["start"], a["end"], "actor") for a in actors] + [(row["trigger_start"], row["trigger_end"], "trigger")]
    click.echo(f"report    {row['id']}")
    click.echo(
        f"article   {row['article_id']} (v{row['version']}, {row['lang']}, published {article.get('published')})"
    )
    click.echo(f"event     {row['mode']} / {row['status']}" + (" (reported)" if row["evidential"] else ""))
    click.echo(
        f"date      {row['event_date'] or '-'} ({row['date_basis']})" + (" doubtful" if row["date_doubtful"] else "")
    )
    click.echo(f"location  {row['location'] or '-'}")
    click.echo("actors    " + "; ".join(f"{a['name']} ({a['country']}) <- '{a_text(row, a)}'" for a in actors))
    click.echo(f"rule      {row['rule']}  confidence {row['confidence']:.2f}")
    click.echo(f"evidence  {mark_spans(row['sentence'], row['sent_start'], spans)}")


def a_text(row: dict[str, Any], actor: dict[str, Any]) -> str:
    start, end = actor["start"] - row["sent_start"], actor["end"] - row["sent_start"]
    return str(row["sentence"][start:end])
