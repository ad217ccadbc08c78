"""Two ingest processes on one fresh SQLite file both succeed (issue #15).

Real processes, released together by a barrier once their imports are done, so both find
the database without its schema; whichever takes the write lock second must see the
migrations as applied instead of failing on "table events already exists".
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from diplowatch.store.opener import open_store

ARTICLE = "date 2025-06-{day:02d}\nMerz met Macron in Paris on Monday, article {name}.\n"


def _folder(root: Path, name: str, count: int) -> list[str]:
    folder = root / name
    folder.mkdir()
    ids = [f"{name}{i}" for i in range(count)]
    for i, article_id in enumerate(ids):
        (folder / f"{article_id}.txt").write_text(ARTICLE.format(day=i + 1, name=article_id), encoding="utf-8")
    return ids


def _ingest(barrier: Any, argv: list[str]) -> None:
    """Child process: the real CLI, started the moment every child is ready."""
    from diplowatch.cli import main
    from diplowatch.cli.ingest import ingest  # noqa: F401  (registers the command)

    barrier.wait()
    try:
        main(argv)
    except SystemExit as done:
        sys.exit(done.code)


@pytest.mark.issue(15)
@pytest.mark.parametrize("attempt", range(4))
def test_two_ingesters_on_a_fresh_sqlite_file_both_succeed(tmp_path: Path, attempt: int) -> None:
    ids = _folder(tmp_path, "a", 3) + _folder(tmp_path, "b", 3)
    db = tmp_path / f"new{attempt}.db"
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    runs = [
        context.Process(
            target=_ingest,
            args=(barrier, ["ingest", "--db", str(db), "--workers", "1", "--no-progress", str(tmp_path / name)]),
        )
        for name in ("a", "b")
    ]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=300)
    assert [run.exitcode for run in runs] == [0, 0]
    with open_store(db) as store:
        stored = [row["id"] for row in store.query("SELECT id FROM articles ORDER BY id")]
        names = [row["name"] for row in store.query("SELECT name FROM _migrations ORDER BY number")]
    assert stored == sorted(ids)
    assert len(names) == len(set(names))


def test_a_block_lock_holds_off_another_sqlite_writer_before_it_reads(tmp_path: Path) -> None:
    """The lock is taken before the block is read, so no process writes events from a stale read."""
    db = tmp_path / "one.db"
    with open_store(db) as first, open_store(db) as second:
        first.lock("block:merz|macron")
        second.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            second.lock("block:merz|macron")
        first.commit()
        second.lock("block:merz|macron")  # free again after the first one's commit
        second.commit()
