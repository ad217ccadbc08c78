"""``diplowatch eval``: score predicted events against a gold file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import click

from diplowatch.cli import main
from diplowatch.cli.options import db_option
from diplowatch.errors import DiplowatchError
from diplowatch.evaluate.events import load_events_file, load_export_file, score_events
from diplowatch.store.queries import article_events
from diplowatch.store.sqlite import open_store


def _describe(event: dict[str, Any]) -> str:
    return (
        f"{event.get('article')}: {event.get('mode')} {' / '.join(event.get('actors') or [])} "
        f"date={event.get('date')} status={event.get('status')} location={event.get('location')}"
    )


@main.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold JSON Lines file.")
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False),
    help="Predictions in the same format; default: the events of --db.",
)
@click.option(
    "--export",
    "from_export",
    is_flag=True,
    help="--pred is a 'diplowatch export --format jsonl' file: each merged event is scored "
    "under every article it lists.",
)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def evaluate(gold: str, pred: str | None, from_export: bool, db: str, as_json: bool) -> None:
    """Precision, recall, F1 and mode/status/date/location accuracy of predicted events."""
    if from_export:
        if pred is None:
            raise DiplowatchError("--export scores an export file: give it with --pred")
        predictions = load_export_file(pred)
    elif pred is None:
        with open_store(db) as store, tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "pred.jsonl"
            path.write_text("".join(json.dumps(o) + "\n" for o in article_events(store)), encoding="utf-8")
            predictions = load_events_file(path)
    else:
        predictions = load_events_file(pred)
    result = score_events(load_events_file(gold), predictions).as_dict()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    for item in result["misses"]:
        click.echo("MISS         " + _describe(item))
    for item in result["false_alarms"]:
        click.echo("FALSE ALARM  " + _describe(item))
    for item in result["mismatches"]:
        click.echo(
            f"WRONG {','.join(item['wrong']):<6} "
            + _describe({**item["pred"], "article": item["article"]})
            + f"  (gold: date={item['gold'].get('date')} status={item['gold'].get('status')}"
            f" mode={item['gold'].get('mode')} location={item['gold'].get('location')})"
        )
    click.echo(
        f"events: tp {result['tp']}  fp {result['fp']}  fn {result['fn']}\n"
        f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}\n"
        f"accuracy over matched: mode {result['mode_accuracy']:.3f}  status {result['status_accuracy']:.3f}  "
        f"date {result['date_accuracy']:.3f}  location {result['location_accuracy']:.3f}"
    )
