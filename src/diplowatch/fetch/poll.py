"""One poll of every source: listing → new article URLs → page → Article → ``ingest_items``.

Articles go through the very function ``diplowatch ingest`` uses, one at a time, so each is
committed (with its merged events and its URL marked as done) before the next is fetched: a
poll killed half-way loses nothing, and the next one starts with the URLs not yet stored.

What is fetched again: a feed or page source is asked with its validators every poll (a 304
ends the poll at once); an article URL or canonical URL already stored is never fetched again,
unless a sitemap or Atom feed gives it a later change date than when it was fetched; a page
that did change becomes a new version of the same article id.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

from diplowatch.fetch.feeds import Entry, FeedError, Listing, is_listing, parse_listing
from diplowatch.fetch.http import Fetcher, FetchError, Response
from diplowatch.ingest.html import extract_page
from diplowatch.model import Article, FailedArticle
from diplowatch.store.base import Store
from diplowatch.store.pending import merge_pending
from diplowatch.store.sources import (
    FetchSummary,
    Source,
    article_id_for,
    known_url,
    pollable,
    record_poll,
    remember_url,
)

MAX_CHILD_SITEMAPS = 50  # a big site's index lists years of archives: read the first 50 per poll
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")

Progress = Callable[[str], None]  # receives one line of progress at a time


def poll_all(
    store: Store, fetcher: Fetcher, *, report: Progress = lambda line: None
) -> list[tuple[Source, FetchSummary]]:
    """Poll every source once; a source that fails is recorded and the others go on."""
    done = []
    for source in pollable(store):
        report(f"{source.name or source.url}: polling")
        summary = poll_source(store, fetcher, source, report=report)
        record_poll(store, source, summary)
        report(summary_line(source, summary))
        done.append((source, summary))
    return done


def summary_line(source: Source, summary: FetchSummary) -> str:
    """What a poll of one source did, in one line."""
    label = source.name or source.url
    if summary.error:
        return f"{label}: failed: {summary.error}"
    if summary.not_modified:
        return f"{label}: not modified since the last fetch"
    return f"{label} ({summary.kind}): new {summary.new}, unchanged {summary.unchanged}, failed {summary.failed}"


def poll_source(
    store: Store, fetcher: Fetcher, source: Source, *, report: Progress = lambda line: None
) -> FetchSummary:
    """Fetch a source and every article it lists that the store does not hold yet."""
    try:
        answer = fetcher.get(source.url, etag=source.etag, last_modified=source.last_modified)
    except FetchError as error:
        return FetchSummary(error=error.reason)
    if answer.not_modified:
        return FetchSummary(not_modified=True, kind=source.kind)
    validators = {"etag": answer.headers.get("ETag"), "last_modified": answer.headers.get("Last-Modified")}
    if not is_listing(answer.body, _content_type(answer)):
        counts = _ingest_page(store, source, Entry(url=source.url), answer, report=report)
        return FetchSummary(kind="page", **counts, **validators)
    try:
        listing = parse_listing(answer.body)
    except FeedError as error:
        return FetchSummary(error=str(error))
    entries, failed = _entries(fetcher, listing, report)
    counts = {"new": 0, "unchanged": 0, "failed": failed}
    for entry in entries:
        for key, n in _fetch_entry(store, fetcher, source, entry, report=report).items():
            counts[key] += n
    return FetchSummary(kind=listing.kind, **counts, **validators)


def _entries(fetcher: Fetcher, listing: Listing, report: Progress) -> tuple[list[Entry], int]:
    """The listing's entries; a sitemap index's children read one level down (failures counted)."""
    entries, failed = list(listing.entries), 0
    for url in listing.sitemaps[:MAX_CHILD_SITEMAPS]:
        try:
            child = parse_listing(fetcher.get(url).body)
        except (FetchError, FeedError) as error:
            report(f"  failed   {url}: {error}")
            failed += 1
            continue
        entries.extend(child.entries)
    return entries, failed


def _fetch_entry(store: Store, fetcher: Fetcher, source: Source, entry: Entry, *, report: Progress) -> dict[str, int]:
    url = urljoin(source.url, entry.url)
    known = known_url(store, url)
    if known and not known["fetched"]:
        return _adopt(store, source, {url}, known, entry)
    if known and not (known["updated"] and entry.updated and entry.updated > known["updated"]):
        return {"unchanged": 1}
    try:
        answer = fetcher.get(url, etag=known and known["etag"], last_modified=known and known["last_modified"])
    except FetchError as error:
        return _failed(store, source, url, error.reason, report, article_id=known and known["article_id"])
    if answer.not_modified:
        return {"unchanged": 1}
    return _ingest_page(store, source, replace(entry, url=url), answer, report=report)


def _ingest_page(store: Store, source: Source, entry: Entry, answer: Response, *, report: Progress) -> dict[str, int]:
    """Extract one fetched page and ingest it as ``diplowatch ingest`` would (committed now)."""
    from diplowatch.cli.ingest import ingest_items  # the CLI package imports this module

    kind = _content_type(answer)
    if kind not in _PAGE_TYPES:
        return _failed(store, source, entry.url, f"not an HTML page ({kind})", report)
    html = decode_page(answer.body, answer.headers)
    page = extract_page(html, answer.url)
    canonical = urljoin(answer.url, page.canonical) if page.canonical else None
    same = known_url(store, canonical) if canonical and canonical != entry.url else None
    if same and entry.url != source.url:
        # another name of a stored article (AMP, tracking parameters): remember it, ingest nothing
        return _adopt(store, source, {entry.url, answer.url}, same, entry)
    article_id = same["article_id"] if same else article_id_for(canonical or answer.url)
    if not page.text.strip():
        return _failed(store, source, entry.url, "HTML without readable text", report, article_id=article_id)
    article = Article(
        id=article_id,
        text=page.text,
        html=html,
        url=canonical or answer.url,
        title=entry.title or page.title,
        published=entry.published or page.published,
        lang=source.lang or _primary(entry.lang) or page.lang,
        source=source.name or urlsplit(answer.url).hostname,
    )
    counts, failures = ingest_items(store, [article])
    if failures:  # not marked as done: tried again next poll
        report(f"  failed   {entry.url}: {failures[0].reason}")
        return {"failed": 1}
    remember_url(
        store, {entry.url, answer.url, *([canonical] if canonical else [])}, source_id=source.id,
        article_id=article_id, updated=entry.updated, etag=answer.headers.get("ETag"),
        last_modified=answer.headers.get("Last-Modified"),
    )  # fmt: skip
    if counts["unchanged"]:
        return {"unchanged": 1}
    report(f"  {'updated' if counts['updated'] else 'new':<8} {entry.url}")
    return {"new": 1}


def _adopt(store: Store, source: Source, urls: set[str], known: dict[str, Any], entry: Entry) -> dict[str, int]:
    """Mark URLs of an article already stored as done, without fetching or ingesting it again.

    An article stored but not yet marked as fetched came from ``diplowatch ingest`` or from a
    run killed between storing it and merging its events: the blocks such a run left pending
    are merged (nothing to do for the first), so the kill cannot leave events behind.
    """
    if not known["fetched"]:
        merge_pending(store)
    remember_url(store, urls, source_id=source.id, article_id=known["article_id"], updated=entry.updated)
    return {"unchanged": 1}


def _failed(
    store: Store, source: Source, url: str, reason: str, report: Progress, *, article_id: str | None = None
) -> dict[str, int]:
    """Store the failure as a failed article (the store shows why); its URL is tried again next poll.

    A failed refetch of an article already stored is only reported: a passing 500 must not
    replace the good version as the current one.
    """
    from diplowatch.cli.ingest import ingest_items

    report(f"  failed   {url}: {reason}")
    article_id = article_id or article_id_for(url)
    stored = store.article(article_id)
    if not (stored and stored["status"] == "ok"):
        ingest_items(store, [FailedArticle(id=article_id, reason=reason, origin=url)])
    return {"failed": 1}


def decode_page(body: bytes, headers: Message) -> str:
    """The page as text: the charset the server declares, else the page's <meta>, else UTF-8."""
    declared = headers.get_content_charset()
    if not declared and (meta := _META_CHARSET.search(body[:4096])):
        declared = meta.group(1).decode("ascii")
    for charset in (declared, "utf-8"):
        if charset:
            try:
                return body.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("cp1252", "replace")


def _content_type(answer: Response) -> str:
    """The media type the server sent ('' without a Content-Type; Message assumes text/plain)."""
    return answer.headers.get_content_type() if answer.headers.get("Content-Type") else ""


def _primary(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None
