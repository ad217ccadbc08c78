"""``diplowatch sources`` and ``diplowatch fetch``: read the news where it is published (issue #16)."""

from __future__ import annotations

import re
import sys
import time

import click

from diplowatch.cli import main
from diplowatch.cli.options import db_option
from diplowatch.errors import DiplowatchError
from diplowatch.fetch.http import MAX_BYTES, USER_AGENT, Fetcher
from diplowatch.fetch.poll import poll_all
from diplowatch.store.opener import open_store
from diplowatch.store.sources import add_source, list_sources, remove_source

_INTERVAL = re.compile(r"^(\d+)([smhd]?)$")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@main.group("sources")
def sources() -> None:
    """The feeds, news sitemaps, sitemap indexes and pages that `diplowatch fetch` polls."""


@sources.command("add")
@click.argument("url")
@click.option("--name", help="Name shown in summaries and stored as the articles' source (default: host).")
@click.option("--lang", help="Language of its articles (ISO 639-1), when the pages do not say it right.")
@db_option
def sources_add(url: str, name: str | None, lang: str | None, db: str) -> None:
    """Add a source: an RSS 2.0 or Atom feed, a news sitemap, a sitemap index or a page URL.

    Its kind is read from what the URL serves at the first fetch; nothing is fetched now.
    """
    with open_store(db) as store:
        added = add_source(store, url, name=name, lang=lang)
    click.echo(f"added {added['id']} {url}")


@sources.command("list")
@db_option
def sources_list(db: str) -> None:
    """Every source with its kind, last fetch, its counts and the last error."""
    with open_store(db) as store:
        rows = list_sources(store)
    if not rows:
        click.echo("no sources; add one with: diplowatch sources add URL", err=True)
    for row in rows:
        last = row["last_fetch"] or "never fetched"
        counts = f"new {row['n_new']}, unchanged {row['n_unchanged']}, failed {row['n_failed']}"
        click.echo(
            f"{row['id']}  {row['kind'] or '?':<12} {row['name'] or '-':<16} {row['url']}\n"
            f"    {last} {row['last_status'] or ''}: {counts}; {row['n_articles']} articles"
            + (f"\n    error: {row['last_error']}" if row["last_error"] else "")
        )


@sources.command("remove")
@click.argument("source")
@db_option
def sources_remove(source: str, db: str) -> None:
    """Stop polling a source (by id or URL); the articles fetched from it stay."""
    with open_store(db) as store:
        removed = remove_source(store, source)
    click.echo(f"removed {removed['id']} {removed['url']}")


def parse_interval(value: str) -> float:
    """Seconds of an interval written 900, 30s, 15m, 2h or 1d."""
    match = _INTERVAL.match(value.strip().lower())
    if not match or int(match.group(1)) == 0:
        raise click.BadParameter(f"{value!r} is not an interval like 30s, 15m, 2h or 1d")
    return float(int(match.group(1)) * _SECONDS[match.group(2)])


@main.command()
@db_option
@click.option("--once", is_flag=True, help="Poll every source once and exit (the default).")
@click.option("--every", metavar="INTERVAL", help="Poll again INTERVAL after each poll (30s, 15m, 2h) until stopped.")
@click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds between two requests to one host (robots.txt Crawl-delay wins when longer).")  # fmt: skip
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds to wait for a server before the request fails.")  # fmt: skip
@click.option("--retries", default=2, show_default=True, type=click.IntRange(min=0),
              help="Retries after a timeout, 429 or 5xx answer, pausing 2s, 4s, ... between them.")  # fmt: skip
@click.option("--max-bytes", default=MAX_BYTES, show_default=True, type=click.IntRange(min=1),
              help="Largest page, feed or sitemap read; a larger one fails.")  # fmt: skip
@click.option("--user-agent", default=USER_AGENT, show_default=True,
              help="User-Agent sent; add a contact (mail or URL) so site owners can reach you.")  # fmt: skip
def fetch(
    db: str, once: bool, every: str | None, delay: float, timeout: float, retries: int, max_bytes: int,
    user_agent: str,
) -> None:  # fmt: skip
    """Poll every source, fetch the articles not yet stored and ingest them like `ingest` does.

    Each article is committed when ingested, so a run killed half-way resumes where it stopped.
    A source that fails (DNS, TLS, HTTP error, malformed XML, redirect loop, too large) is
    recorded with its reason and the others go on. Exit status 1 when a source or article
    failed in the last poll.
    """
    if once and every:
        raise click.UsageError("--once and --every exclude each other")
    interval = parse_interval(every) if every else None
    fetcher = Fetcher(
        user_agent=user_agent, host_delay=delay, timeout=timeout, retries=retries, max_bytes=max_bytes
    )
    try:
        while True:
            failed = _poll(db, fetcher)
            if interval is None:
                break
            click.echo(f"next poll in {every}", err=True)
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("stopped; what was fetched is stored, the next run resumes", err=True)
        sys.exit(130)
    if failed:
        sys.exit(1)


def _poll(db: str, fetcher: Fetcher) -> bool:
    """One poll of all sources, printing progress and a summary line per source; True when anything failed."""
    with open_store(db) as store:
        polled = poll_all(store, fetcher, report=lambda line: click.echo(line, err=True))
    if not polled:
        raise DiplowatchError("no sources to fetch; add one with: diplowatch sources add URL --db FILE")
    return any(summary.error or summary.failed for _, summary in polled)
