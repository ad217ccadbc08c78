"""PostgreSQL store on a real throw-away server: same results as SQLite, safe concurrent ingest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplowatch.model import Article
from diplowatch.store.opener import open_store
from tests.conftest import CORPUS, run_cli

pytestmark = pytest.mark.postgres


def _events(db: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in run_cli("events", "--db", db, "--format", "jsonl").splitlines()]


def _article_rows(db: str) -> list[tuple[object, ...]]:
    with open_store(db) as store:
        rows = store.query("SELECT id, version, content_hash, is_current, status FROM articles ORDER BY id, version")
    return [tuple(row.values()) for row in rows]


def test_postgres_store_gives_the_same_events_as_sqlite(pg_url: str, tmp_path: Path) -> None:
    sqlite_db = str(tmp_path / "embedded.db")
    run_cli("ingest", str(CORPUS), "--db", sqlite_db, "--workers", "1")
    run_cli("ingest", str(CORPUS), "--db", pg_url, "--workers", "1")
    assert _events(pg_url) == _events(sqlite_db)
    assert _article_rows(pg_url) == _article_rows(sqlite_db)
    with open_store(pg_url) as pg, open_store(sqlite_db) as lite:
        sql = "SELECT id, confidence, actors FROM reports ORDER BY id"
        assert pg.query(sql) == lite.query(sql)
        assert pg.query("SELECT * FROM actors ORDER BY id") == lite.query("SELECT * FROM actors ORDER BY id")


def test_postgres_store_versions_changed_articles(pg_url: str) -> None:
    from diplowatch.cli.ingest import ingest_items

    first = Article(id="a1", text="Merz met Macron in Paris on Monday.", published="2025-05-05", lang="en")
    changed = Article(id="a1", text="Merz met Macron in Berlin on Tuesday.", published="2025-05-06", lang="en")
    with open_store(pg_url) as store:
        assert ingest_items(store, [first])[0]["new"] == 1
        assert ingest_items(store, [first])[0]["unchanged"] == 1
        assert ingest_items(store, [changed])[0]["updated"] == 1
        rows = store.query("SELECT version, is_current FROM articles WHERE id = ? ORDER BY version", ("a1",))
    assert rows == [{"version": 1, "is_current": 0}, {"version": 2, "is_current": 1}]


def test_reopening_postgres_store_applies_no_migration_twice(pg_url: str) -> None:
    with open_store(pg_url) as store:
        names = [row["name"] for row in store.query("SELECT name FROM _migrations ORDER BY number")]
    with open_store(pg_url) as store:
        assert [row["name"] for row in store.query("SELECT name FROM _migrations ORDER BY number")] == names
    assert names and names[0] == "0001_initial.sql"


def test_concurrent_ingest_processes_lose_nothing_and_duplicate_nothing(pg_url: str, tmp_path: Path) -> None:
    """Four processes ingest overlapping halves of the corpus into one fresh database at once."""
    files = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name.lower() != "readme.md")
    half = len(files) // 2
    slices = [files[: half + 4], files[half - 4 :], files[::2], files[1::2]]
    command = [
        sys.executable,
        "-m",
        "diplowatch",
        "ingest",
        "--db",
        pg_url,
        "--workers",
        "1",
        "--no-progress",
    ]
    procs = [subprocess.Popen([*command, *map(str, part)], stderr=subprocess.PIPE, text=True) for part in slices]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    sqlite_db = str(tmp_path / "embedded.db")
    run_cli("ingest", str(CORPUS), "--db", sqlite_db, "--workers", "1")
    assert _article_rows(pg_url) == _article_rows(sqlite_db)  # one version per article, none lost
    assert _events(pg_url) == _events(sqlite_db)
    with open_store(pg_url) as store:
        dup = store.query("SELECT id, COUNT(*) AS n FROM actors GROUP BY id HAVING COUNT(*) > 1")
        reports = store.query("SELECT COUNT(*) AS n FROM reports")[0]["n"]
    with open_store(sqlite_db) as store:
        assert reports == store.query("SELECT COUNT(*) AS n FROM reports")[0]["n"]
    assert dup == []


def test_unreachable_postgres_is_a_store_error_without_the_password() -> None:
    pytest.importorskip("psycopg")
    from diplowatch.errors import StoreError

    with pytest.raises(StoreError) as info:
        open_store("postgresql://team:s3cret@127.0.0.1:1/diplowatch")
    assert "s3cret" not in str(info.value) and "127.0.0.1:1" in str(info.value)


def test_reading_leaves_no_transaction_open(pg_url: str) -> None:
    """A long-lived reader such as the API must not sit idle in a transaction between queries."""
    from psycopg.pq import TransactionStatus

    with open_store(pg_url) as store:
        store.articles()
        assert store.conn.info.transaction_status == TransactionStatus.IDLE
