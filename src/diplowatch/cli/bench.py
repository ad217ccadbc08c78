"""``diplowatch bench``: throughput benchmarks (never pass/fail; see DEVELOPERS.md)."""

from __future__ import annotations

import json

import click

from diplowatch.cli import main


@main.group("bench")
def bench() -> None:
    """Measure throughput; results are per core (one process, CPU time)."""


@bench.command("pipeline")
@click.option(
    "--articles", "count", default=600, show_default=True, help="Generated articles to process."
)
@click.option("--seed", default=7, show_default=True, help="Seed of the article generator.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
def pipeline(count: int, seed: int, as_json: bool) -> None:
    """Articles per second per core of process_article on generated 3-5k-character articles."""
    from diplowatch.evaluate.throughput import generate_articles, measure_pipeline

    result = measure_pipeline(generate_articles(count, seed=seed))
    data = {
        "articles": result.articles,
        "mean_chars": round(result.chars / result.articles),
        "cpu_seconds": round(result.cpu_seconds, 3),
        "wall_seconds": round(result.wall_seconds, 3),
        "articles_per_second_per_core": round(result.per_core, 1),
        "reports": result.reports,
    }
    if as_json:
        click.echo(json.dumps(data))
        return
    for key, value in data.items():
        click.echo(f"{key:30} {value}")
