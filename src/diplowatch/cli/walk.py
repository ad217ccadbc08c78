"""``diplowatch walk``: show what each pipeline stage made of one article, for debugging rules."""

from __future__ import annotations

import click

from diplowatch.cli import main
from diplowatch.cli.spans import mark_spans
from diplowatch.errors import DiplowatchError
from diplowatch.ingest.readers import read_inputs
from diplowatch.model import Article, ArticleResult
from diplowatch.pipeline import process_article


def _print_result(result: ArticleResult, *, show_junk: bool) -> None:
    text = result.article.text
    pub = result.published
    click.echo(
        f"== {result.article.id}  lang={result.lang}  published={pub.value} ({pub.source})"
        + (f"  DOUBTFUL: {pub.reason}" if pub.doubtful else "")
    )
    click.echo("-- paragraphs")
    for para in result.paragraphs:
        if para.kept or show_junk:
            click.echo(f"  {para.kind:<9} {para.lang or '-':<3} {text[para.start : para.end][:100]!r}")
    click.echo("-- mentions")
    for m in result.mentions:
        click.echo(f"  {m.start:>6} {m.text!r:<32} {m.kind:<8} {m.name or '-'} ({m.country or '-'}) [{m.rule}]")
    click.echo("-- reports")
    for r in result.reports:
        spans = [(a.start, a.end, "actor") for a in r.actors] + [(r.trigger_start, r.trigger_end, "trigger")]
        click.echo(
            f"  {r.key} {r.mode}/{r.status}{' (reported)' if r.evidential else ''} date={r.date} "
            f"({r.date_basis}{', doubtful' if r.date_doubtful else ''}) at={r.location} [{r.rule}]"
        )
        click.echo("      " + mark_spans(text[r.sent_start : r.sent_end], r.sent_start, spans))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--junk/--no-junk", default=False, help="Also list the paragraphs the cleaner dropped.")
def walk(paths: tuple[str, ...], junk: bool) -> None:
    """Run the pipeline on articles and print every stage's output (nothing is stored)."""
    for item in read_inputs(paths):
        if not isinstance(item, Article):
            raise DiplowatchError(f"{item.origin}: {item.reason}")
        _print_result(process_article(item), show_junk=junk)
