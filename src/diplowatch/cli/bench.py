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
@click.option(
    "--warmup",
    default=600,
    show_default=True,
    help="Untimed generated articles (another seed) run first, as in a long ingest; 0 times a fresh process.",
)
@click.argument("corpus", nargs=-1, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
def pipeline(count: int, seed: int, warmup: int, corpus: tuple[str, ...], as_json: bool) -> None:
    """Articles per second per core of process_article on generated 3-5k-character articles.

    Given CORPUS paths (files, folders, JSONL), their articles are timed instead, after the
    generated warm-up, so their own names and words are new to the memos.
    """
    from diplowatch.evaluate.throughput import generate_articles, measure_pipeline, read_corpus

    articles = read_corpus(corpus) if corpus else generate_articles(count, seed=seed)
    if not articles:
        raise click.UsageError("no readable article in CORPUS")
    result = measure_pipeline(articles, warmup=generate_articles(warmup, seed=seed + 1))
    data = {
        "articles": result.articles,
        "mean_chars": round(result.chars / result.articles),
        "warmup_articles": warmup,
        "cpu_seconds": round(result.cpu_seconds, 3),
        "wall_seconds": round(result.wall_seconds, 3),
        "articles_per_second_per_core": round(result.per_core, 1),
        "characters_per_second_per_core": round(result.chars / result.cpu_seconds),
        "reports": result.reports,
    }
    if as_json:
        click.echo(json.dumps(data))
        return
    for key, value in data.items():
        click.echo(f"{key:32} {value}")
