"""The store over any back-end: the shared SQL, written in SQLite's dialect.

A back-end module opens the connection and overrides the dialect hooks (``store/sqlite.py``
needs none, ``store/postgres.py`` changes placeholders, types and locks); ``store/opener.py``
picks the back-end, so the back-ends never import each other.

Articles are versioned by content hash: the same text under the same id changes nothing; a
changed text becomes version n+1 and the old version stops being current (kept, never
overwritten). Everything derived from an article (mentions, reports) hangs off (id, version).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from diplowatch.kb.actors import Actor
from diplowatch.model import ActorRef, ArticleResult, FailedArticle, Report
from diplowatch.store.schema import migrate


def content_hash(*parts: str | None) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


IN_CHUNK = 500  # ids per "IN (...)" list: far below any backend's limit of bound parameters


def in_chunks(ids: Sequence[str]) -> Iterator[tuple[list[str], str]]:
    """``ids`` in slices of ``IN_CHUNK``, each with its "?, ?, ..." placeholders."""
    for start in range(0, len(ids), IN_CHUNK):
        chunk = list(ids[start : start + IN_CHUNK])
        yield chunk, ", ".join("?" * len(chunk))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """Read and write articles, mentions, reports and actors."""

    placeholder = "?"
    # articles written per transaction by ``write_outcomes``: a commit per article cost SQLite
    # about as much as writing the article (issue #14); a crash loses at most the open batch
    write_batch = 200

    def __init__(self, conn: Any, *, location: str) -> None:
        self.conn = conn
        self.location = location
        migrate(conn, lock=self.lock_schema, placeholder=self.placeholder, adapt=self.adapt_ddl)

    # -- dialect hooks (SQLite's; overridden by store.postgres.PostgresStore) -------
    @staticmethod
    def adapt_ddl(sql: str) -> str:
        """Migration SQL as this back-end needs it; the shipped SQL is SQLite's."""
        return sql

    def lock_schema(self) -> None:
        """Open the transaction that migrations run in, exclusive against other writers.

        ``BEGIN IMMEDIATE`` takes SQLite's write lock up front (waiting up to the busy
        timeout), so a second process opening a fresh file waits for the first one's schema
        instead of creating the same tables again.
        """
        self.conn.execute("BEGIN IMMEDIATE")

    def lock(self, key: str) -> None:
        """Serialise writers on ``key`` until the next commit.

        SQLite has one writer per file but starts a transaction only at the first write, so a
        process could read a block, wait for another's commit and then write events computed
        from the stale read; ``BEGIN IMMEDIATE`` (when no transaction is open) takes the write
        lock before the reads. PostgreSQL takes a transaction-level advisory lock on ``key``, so
        concurrent ingest processes cannot both create version n+1 of the same article.
        """
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")

    # -- plumbing ---------------------------------------------------------------
    def _q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self.conn.execute(self._q(sql), tuple(params))

    def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """One statement over many parameter rows (one call instead of a call per row)."""
        self.conn.executemany(self._q(sql), rows)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------
    def _current(self, article_id: str) -> dict[str, Any] | None:
        rows = self.query(
            "SELECT version, content_hash FROM articles WHERE id = ? ORDER BY version DESC LIMIT 1", (article_id,)
        )
        return rows[0] if rows else None

    def _new_version(self, article_id: str, digest: str) -> int | None:
        """Next version number (1 for a new id), or None when this exact content is already
        the latest."""
        latest = self._current(article_id)
        if latest and latest["content_hash"] == digest:
            return None
        if latest:
            self.execute("UPDATE articles SET is_current = 0 WHERE id = ?", (article_id,))
        return (latest["version"] + 1) if latest else 1

    def save_failure(
        self, failed: FailedArticle, *, ingested_at: str | None = None, commit: bool = True
    ) -> str:
        """Record an input that could not be read; returns 'new' or 'unchanged'.

        ``commit=False`` leaves the write in the open transaction (``write_outcomes`` commits
        a batch at a time)."""
        digest = content_hash("failed", failed.reason)
        self.lock("article:" + failed.id)
        version = self._new_version(failed.id, digest)
        if version is None:
            return "unchanged"
        self.execute(
            "INSERT INTO articles (id, version, content_hash, is_current, status, error, origin, ingested_at)"
            " VALUES (?, ?, ?, 1, 'failed', ?, ?, ?)",
            (failed.id, version, digest, failed.reason, failed.origin, ingested_at or _now()),
        )
        if commit:
            self.commit()
        return "new"

    @staticmethod
    def article_hash(result_or_article: Any) -> str:
        article = getattr(result_or_article, "article", result_or_article)
        return content_hash(article.text, article.url, article.title, article.published, article.lang)

    def is_unchanged(self, article_id: str, digest: str) -> bool:
        latest = self._current(article_id)
        return bool(latest and latest["content_hash"] == digest)

    def save_result(
        self,
        result: ArticleResult,
        *,
        origin: str | None = None,
        ingested_at: str | None = None,
        commit: bool = True,
    ) -> str:
        """Store one processed article; returns 'new', 'updated' (new version) or 'unchanged'.

        ``commit=False`` as in ``save_failure``."""
        article = result.article
        digest = self.article_hash(result)
        self.lock("article:" + article.id)
        version = self._new_version(article.id, digest)
        if version is None:
            return "unchanged"
        paragraphs = [[p.start, p.end, p.kind, p.lang] for p in result.paragraphs]
        self.execute(
            "INSERT INTO articles (id, version, content_hash, is_current, status, origin, url, title, source,"
            " published, published_source, published_doubtful, published_note, lang, text, html, clean_text,"
            " paragraphs, ingested_at) VALUES (?, ?, ?, 1, 'ok', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id, version, digest, origin, article.url, article.title, article.source,
                result.published.value, result.published.source, int(result.published.doubtful),
                result.published.reason, result.lang, article.text, article.html, result.clean_text,
                json.dumps(paragraphs), ingested_at or _now(),
            ),
        )
        self.execute_many(
            "INSERT INTO mentions (article_id, version, start_pos, end_pos, surface, kind, actor_id, name,"
            " country, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article.id, version, m.start, m.end, m.text, m.kind, m.actor_id, m.name, m.country, m.rule,
                 m.confidence)
                for m in result.mentions
            ],
        )
        self._insert_reports(result.reports, version, article.text, replacing=version > 1)
        if commit:
            self.commit()
        return "new" if version == 1 else "updated"

    def _insert_reports(self, reports: list[Report], version: int, text: str, *, replacing: bool) -> None:
        """Write an article's reports, replacing the rows of the same keys (a report that an
        earlier version made too). A key holds the article id, so the first version of an
        article (``replacing`` false) has no such rows to delete."""
        keys = [(report.key,) for report in reports]
        if replacing:
            self.execute_many("DELETE FROM report_actors WHERE report_id = ?", keys)
            self.execute_many("DELETE FROM reports WHERE id = ?", keys)
        self.execute_many(
            "INSERT INTO reports (id, article_id, version, type, mode, status, event_date, date_precision,"
            " date_basis, date_doubtful, location, evidential, lang, sent_start, sent_end, sentence,"
            " trigger_start, trigger_end, trigger_text, rule, confidence, actors)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    rid, report.article_id, version, report.type, report.mode, report.status, report.date,
                    report.date_precision, report.date_basis, int(report.date_doubtful), report.location,
                    int(report.evidential), report.lang, report.sent_start, report.sent_end,
                    text[report.sent_start : report.sent_end], report.trigger_start, report.trigger_end,
                    report.trigger, report.rule, report.confidence,
                    json.dumps([_actor_ref(a) for a in report.actors], ensure_ascii=False),
                )
                for (rid,), report in zip(keys, reports, strict=True)
            ],
        )
        self.execute_many(
            "INSERT INTO report_actors (report_id, actor_id, name, country, start_pos, end_pos)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (rid, a.actor_id, a.name, a.country, a.start, a.end)
                for (rid,), report in zip(keys, reports, strict=True)
                for a in report.actors
            ],
        )

    def save_actors(self, actors: Iterable[Actor]) -> None:
        """Upsert actors (the KB ones that events refer to, and discovered ones)."""
        for actor in actors:
            # ON CONFLICT (SQLite >= 3.24 and PostgreSQL): concurrent writers may save the same actor
            self.execute(
                "INSERT INTO actors (id, name, kind, country, source, aliases, roles) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
                " country = excluded.country, source = excluded.source, aliases = excluded.aliases,"
                " roles = excluded.roles",
                (
                    actor.id, actor.name, actor.kind, actor.country, actor.source,
                    json.dumps(list(actor.aliases), ensure_ascii=False),
                    json.dumps([_spell(s) for s in actor.roles]),
                ),
            )
        self.commit()

    # -- reading ----------------------------------------------------------------
    def current_reports(self) -> Iterator[Report]:
        rows = self.query(
            "SELECT r.* FROM reports r JOIN articles a ON a.id = r.article_id AND a.version = r.version"
            " WHERE a.is_current = 1 ORDER BY r.article_id, r.sent_start, r.trigger_start"
        )
        for row in rows:
            yield report_from_row(row)

    def articles(self, *, current: bool = True) -> list[dict[str, Any]]:
        where = "WHERE is_current = 1" if current else ""
        return self.query(
            "SELECT id, version, status, error, lang, published, published_doubtful, published_note, title, url"
            f" FROM articles {where} ORDER BY id"
        )

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM articles WHERE id = ? AND is_current = 1", (article_id,))
        return rows[0] if rows else None

    def report(self, report_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM reports WHERE id = ? OR id LIKE ?", (report_id, report_id + "%"))
        return rows[0] if len(rows) == 1 else None


def _actor_ref(ref: ActorRef) -> dict[str, Any]:
    return {"actor_id": ref.actor_id, "name": ref.name, "country": ref.country, "start": ref.start, "end": ref.end}


def _spell(spell: Any) -> dict[str, Any]:
    return {k: getattr(spell, k) for k in spell.__slots__}


def report_from_row(row: dict[str, Any]) -> Report:
    return Report(
        article_id=row["article_id"],
        sent_start=row["sent_start"],
        sent_end=row["sent_end"],
        trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"],
        trigger=row["trigger_text"],
        mode=row["mode"],
        actors=tuple(ActorRef(**a) for a in json.loads(row["actors"])),
        status=row["status"],
        date=row["event_date"],
        date_precision=row["date_precision"],
        date_basis=row["date_basis"] or "unknown",
        date_doubtful=bool(row["date_doubtful"]),
        location=row["location"],
        evidential=bool(row["evidential"]),
        lang=row["lang"],
        rule=row["rule"] or "",
        confidence=row["confidence"] or 0.0,
        type=row["type"],
    )
