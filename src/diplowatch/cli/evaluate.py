"""``diplowatch eval``: score predicted events against a gold file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from diplowatch.cli import main
from diplowatch.cli.options import db_option
from diplowatch.errors import DiplowatchError
from diplowatch.evaluate.causes import ArticleTrace, explain, store_traces
from diplowatch.evaluate.events import load_events_file, load_export_file, score_by_language, score_events
from diplowatch.store.opener import open_store
from diplowatch.store.queries import article_events


def _describe(event: dict[str, Any]) -> str:
    return (
        f"{event.get('article')}: {event.get('mode')} {' / '.join(event.get('actors') or [])} "
        f"date={event.get('date')} status={event.get('status')} location={event.get('location')}"
    )


def _counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{cause} {n}" for cause, n in counts.items())


def _language_table(figures: dict[str, dict[str, Any]]) -> list[str]:
    """One row per language; "-" where a share has nothing to divide, unlike the 0.0 of --json."""

    def share(value: float, defined: bool) -> str:
        return f"{value:>6.3f}" if defined else f"{'-':>6}"

    lines = [f"{'lang':<5} {'art':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6} {'date':>6}"]
    for lang, f in figures.items():
        tp, fp, fn = f["tp"], f["fp"], f["fn"]
        lines.append(
            f"{lang:<5} {f['articles']:>4} {tp:>4} {fp:>4} {fn:>4} {share(f['precision'], tp + fp > 0)}"
            f" {share(f['recall'], tp + fn > 0)} {share(f['f1'], tp + fp + fn > 0)}"
            f" {share(f['date_accuracy'], tp > 0)}"
        )
    return lines


def _load_store(db: str, *, predict: bool) -> tuple[dict[str, dict[str, Any]] | None, dict[str, ArticleTrace]]:
    """Predictions (when ``predict``) and the traces that explain misses, from one store."""
    if not predict and "://" not in db and not Path(db).is_file():
        raise click.BadParameter(f"no store at {db}", param_hint="--db")
    with open_store(db) as store:
        traces = store_traces(store)
        if not predict:
            return None, traces
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "pred.jsonl"
            path.write_text("".join(json.dumps(o) + "\n" for o in article_events(store)), encoding="utf-8")
            return load_events_file(path), traces


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
    """Precision, recall, F1 and mode/status/date/location accuracy of predicted events.

    Also per article language, and with a cause for every miss and false alarm: from the store
    (--db, also read beside --pred when given on the command line) when it holds the articles, otherwise
    from the two files alone.
    """
    # DIPLOWATCH_DB alone does not count: scoring a prediction file never needed a store before
    db_given = click.get_current_context().get_parameter_source("db") is ParameterSource.COMMANDLINE
    if from_export and pred is None:
        raise DiplowatchError("--export scores an export file: give it with --pred")
    traces = None
    predictions = None
    if pred is None or db_given:
        predictions, traces = _load_store(db, predict=pred is None)
    if predictions is None:
        predictions = load_export_file(str(pred)) if from_export else load_events_file(str(pred))
    gold_objects = load_events_file(gold)
    score = score_events(gold_objects, predictions)
    result = score.as_dict()
    causes = explain(score, gold_objects, predictions, traces)
    per_language = score_by_language(gold_objects, predictions)
    if as_json:
        click.echo(json.dumps({**result, "per_language": per_language, "causes": causes}, ensure_ascii=False))
        return
    for item, cause in zip(result["misses"], causes["misses"], strict=True):
        click.echo("MISS         " + _describe(item) + f"  cause: {cause}")
    for item, cause in zip(result["false_alarms"], causes["false_alarms"], strict=True):
        click.echo("FALSE ALARM  " + _describe(item) + f"  cause: {cause}")
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
    click.echo(f"causes: {_counts_line(causes['miss_counts'])}")
    click.echo(f"false alarm causes: {_counts_line(causes['false_alarm_counts'])}")
    if traces is None:
        click.echo("(causes from the gold and prediction files alone; --db with the ingested articles tells more)")
    elif causes["articles_not_in_store"]:
        click.echo(
            f"({causes['articles_not_in_store']} gold articles are not in the store; "
            "their misses have causes from the files alone)"
        )
    click.echo("per language:")
    for line in _language_table(per_language):
        click.echo("  " + line)
