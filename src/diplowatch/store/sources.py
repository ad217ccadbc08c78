"""News sources and the URLs fetched from them (issue #16), shared by the CLI, API and web page.

A source's id is derived from its URL, so adding the same feed twice is refused instead of
polling it twice. ``fetched_urls`` remembers every article URL (and the canonical URL the page
named) with the article id it became: a URL already stored is not fetched again, and a re-run
after a kill resumes where the last committed article left off.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from diplowatch.errors import SourceError
from diplowatch.store.base import Store

_COLUMNS = (
    "id, url, name, lang, kind, etag, last_modified, added_at, last_fetch, last_status, last_error,"
    " n_new, n_unchanged, n_failed"
)


@dataclass(frozen=True, slots=True)
class Source:
    """What a poll needs of a source: its URL and hints, and the validators of its last answer."""

    id: str
    url: str
    name: str | None
    lang: str | None
    kind: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class FetchSummary:
    """What one poll of a source did; ``error`` is set when the source itself failed."""

    new: int = 0
    unchanged: int = 0
    failed: int = 0
    error: str | None = None
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def source_id(url: str) -> str:
    """Stable short id of a source URL ('s_' + 10 hex digits)."""
    return "s_" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]


def article_id_for(url: str) -> str:
    """Stable article id of a fetched URL, so a changed page becomes a new version of it."""
    return "w_" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def add_source(store: Store, url: str, *, name: str | None = None, lang: str | None = None) -> dict[str, Any]:
    """Register a source; only http(s) URLs, each once."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourceError(f"not an http(s) URL: {url!r}")
    if store.query("SELECT id FROM sources WHERE url = ?", (url,)):
        raise SourceError(f"source already added: {url}")
    sid = source_id(url)
    store.execute(
        "INSERT INTO sources (id, url, name, lang, added_at) VALUES (?, ?, ?, ?, ?)",
        (sid, url, name, lang, _now()),
    )
    store.commit()
    found = get_source(store, sid)
    assert found is not None
    return found


def remove_source(store: Store, key: str) -> dict[str, Any]:
    """Forget a source by id or URL; the articles fetched from it stay in the store."""
    found = get_source(store, key)
    if found is None:
        raise SourceError(f"no source with id or URL {key!r}")
    store.execute("DELETE FROM sources WHERE id = ?", (found["id"],))
    store.commit()
    return found


def get_source(store: Store, key: str) -> dict[str, Any] | None:
    """One source by id or URL, with its article count."""
    rows = list_sources(store, where=("id = ? OR url = ?", (key, key)))
    return rows[0] if rows else None


def list_sources(store: Store, *, where: tuple[str, tuple[str, ...]] | None = None) -> list[dict[str, Any]]:
    """Every source (by name, then URL) with the number of distinct articles fetched from it."""
    clause, params = (f" WHERE {where[0]}", where[1]) if where else ("", ())
    rows = store.query(f"SELECT {_COLUMNS} FROM sources{clause} ORDER BY COALESCE(name, url), url", params)
    counts = {
        row["source_id"]: row["n"]
        for row in store.query("SELECT source_id, COUNT(DISTINCT article_id) AS n FROM fetched_urls GROUP BY source_id")
    }
    for row in rows:
        row["n_articles"] = counts.get(row["id"], 0)
    return rows


def pollable(store: Store) -> list[Source]:
    """The sources with what a poll needs (validators for the conditional GET)."""
    rows = store.query("SELECT id, url, name, lang, kind, etag, last_modified FROM sources ORDER BY url")
    return [Source(**row) for row in rows]


def record_poll(store: Store, source: Source, summary: FetchSummary) -> None:
    """Store the outcome of one poll.

    The validators of a fresh answer are kept only when every article it listed was stored:
    otherwise the next conditional GET would get a 304 and the failed articles would wait
    for the listing to change before they are tried again.
    """
    status = "failed" if summary.error else ("unchanged" if summary.not_modified else "ok")
    if summary.error or summary.not_modified:
        etag, modified = source.etag, source.last_modified
    elif summary.failed:
        etag, modified = None, None
    else:
        etag, modified = summary.etag, summary.last_modified
    store.execute(
        "UPDATE sources SET kind = ?, etag = ?, last_modified = ?, last_fetch = ?, last_status = ?,"
        " last_error = ?, n_new = ?, n_unchanged = ?, n_failed = ? WHERE id = ?",
        (
            summary.kind or source.kind, etag, modified, _now(), status, summary.error,
            summary.new, summary.unchanged, summary.failed, source.id,
        ),
    )  # fmt: skip
    store.commit()


def known_url(store: Store, url: str) -> dict[str, Any] | None:
    """The fetch record of a URL (``fetched`` true), or the article stored under that URL otherwise.

    An article can be stored without a fetch record: ingested from a file with its URL, or
    stored by a ``fetch`` killed before it recorded the URL.
    """
    rows = store.query("SELECT url, article_id, updated, etag, last_modified FROM fetched_urls WHERE url = ?", (url,))
    if rows:
        return {**rows[0], "fetched": True}
    rows = store.query("SELECT id FROM articles WHERE url = ? AND is_current = 1 AND status = 'ok' LIMIT 1", (url,))
    if rows:
        return {"url": url, "article_id": rows[0]["id"], "updated": None, "etag": None, "last_modified": None,
                "fetched": False}  # fmt: skip
    return None


def remember_url(
    store: Store, urls: set[str], *, source_id: str, article_id: str, updated: str | None,
    etag: str | None = None, last_modified: str | None = None,
) -> None:  # fmt: skip
    """Record the fetched URL and its canonical URL as done (committed with the article)."""
    for url in sorted(urls):
        # ON CONFLICT: two fetch processes on one PostgreSQL store may record the same URL
        store.execute(
            "INSERT INTO fetched_urls (url, source_id, article_id, updated, etag, last_modified, fetched_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id,"
            " article_id = excluded.article_id, updated = excluded.updated, etag = excluded.etag,"
            " last_modified = excluded.last_modified, fetched_at = excluded.fetched_at",
            (url, source_id, article_id, updated, etag, last_modified, _now()),
        )
    store.commit()
