"""Ingest is idempotent, a changed text is a new version, failures are recorded."""

from __future__ import annotations

from pathlib import Path

from diplowatch.cli.ingest import ingest_items
from diplowatch.model import Article, FailedArticle
from diplowatch.store.opener import open_store

TEXT = (
    "date 2025-06-10\n"
    "Srbski predsednik Aleksandar Vučić se je včeraj v Beogradu sestal z madžarskim premierom Viktorjem Orbánom.\n"
)


def _count(store, table: str) -> int:  # type: ignore[no-untyped-def]
    return store.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]


def test_same_article_twice_changes_nothing(db_path: Path) -> None:
    article = Article(id="bg1", text=TEXT, published="2025-06-10")
    with open_store(db_path) as store:
        first, _ = ingest_items(store, [article])
        snapshot = {t: _count(store, t) for t in ("articles", "mentions", "reports", "report_actors")}
        second, _ = ingest_items(store, [article])
        assert first["new"] == 1 and second["unchanged"] == 1 and second["new"] == 0
        assert {t: _count(store, t) for t in snapshot} == snapshot


def test_changed_text_is_a_new_version_not_an_overwrite(db_path: Path) -> None:
    with open_store(db_path) as store:
        ingest_items(store, [Article(id="x", text=TEXT)])
        counts, _ = ingest_items(store, [Article(id="x", text=TEXT + "Pogovor je trajal dve uri.\n")])
        assert counts["updated"] == 1
        rows = store.query("SELECT version, is_current FROM articles WHERE id = 'x' ORDER BY version")
        assert rows == [{"version": 1, "is_current": 0}, {"version": 2, "is_current": 1}]
        assert store.article("x")["text"].endswith("dve uri.\n")


def test_failure_is_recorded_with_reason_and_batch_goes_on(db_path: Path) -> None:
    items = [FailedArticle(id="bad", reason="empty file", origin="in/bad.txt"), Article(id="ok", text=TEXT)]
    with open_store(db_path) as store:
        counts, failures = ingest_items(store, items)
        assert counts["failed"] == 1 and counts["new"] == 1
        assert [f.id for f in failures] == ["bad"]
        row = store.query("SELECT status, error, origin FROM articles WHERE id = 'bad'")[0]
        assert row == {"status": "failed", "error": "empty file", "origin": "in/bad.txt"}


def test_reopening_applies_no_migration_twice(db_path: Path) -> None:
    open_store(db_path).close()
    with open_store(db_path) as store:
        numbers = [r["number"] for r in store.query("SELECT number FROM _migrations ORDER BY number")]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1
