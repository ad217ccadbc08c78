"""``diplowatch eval-entities``: score the actor layer on BSNLP-style annotated folders."""

from __future__ import annotations

import json

import click

from diplowatch.cli import main
from diplowatch.evaluate.entities import evaluate_entities, iter_table, write_predictions


@main.command("eval-entities")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--write-pred",
    "write_pred",
    type=click.Path(file_okay=False),
    help="Also write the system's .out files as OUT/<topic>/<lang>/<stem>.out (line 1 the document id).",
)
@click.option("--lang", "langs", multiple=True, help="Only these languages (repeatable).")
def eval_entities(
    directory: str, as_json: bool, write_pred: str | None, langs: tuple[str, ...]
) -> None:
    """Recognition P/R/F1 (relaxed and strict), base-form accuracy and linking F1 per language.

    DIRECTORY is a topic folder (raw/<lang>/*.txt, annotated/<lang>/*.out) or a folder of them.
    """
    result, docs = evaluate_entities(directory, langs=langs or None)
    if write_pred:
        count = write_predictions(docs, write_pred)
        click.echo(f"wrote {count} prediction files under {write_pred}", err=True)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    for line in iter_table(result):
        click.echo(line)
