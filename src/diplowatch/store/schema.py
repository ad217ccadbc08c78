"""Schema migrations, applied in order and recorded in ``_migrations``.

Migrations are the SQL files in ``store/migrations`` named ``NNNN_name.sql``; each runs once
per database, inside the transaction that holds the schema lock. A database with a migration
this code does not know was written by a newer diplowatch and is refused rather than misread.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from importlib import resources
from typing import Any, Protocol

from diplowatch.errors import StoreError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class Connection(Protocol):
    def execute(self, sql: str, params: Any = ...) -> Any: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) for every shipped migration, in order."""
    folder = resources.files("diplowatch.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def split_statements(sql: str) -> list[str]:
    """Statements of a migration file (comments removed; no ';' inside literals in our SQL)."""
    without_comments = re.sub(r"--[^\n]*", "", sql)
    return [s.strip() for s in without_comments.split(";") if s.strip()]


def _applied(conn: Connection) -> set[int] | None:
    """Numbers of the applied migrations, or None before the first one.

    Read-only on purpose: an up-to-date database is opened by every API worker thread and
    every ingest process, and a write on each open would make them queue for the write lock.
    """
    try:
        rows = conn.execute("SELECT number FROM _migrations").fetchall()
    except Exception:  # no such table (sqlite3 and psycopg raise different types)
        conn.rollback()
        return None
    conn.commit()  # end the read transaction (PostgreSQL opens one even for a SELECT)
    return {row[0] for row in rows}


def migrate(
    conn: Connection,
    *,
    lock: Callable[[], None],
    placeholder: str = "?",
    adapt: Callable[[str], str] = lambda sql: sql,
) -> list[str]:
    """Apply pending migrations; return the names applied.

    ``lock`` opens a transaction holding the back-end's exclusive schema lock (SQLite ``BEGIN
    IMMEDIATE``, a PostgreSQL advisory lock). Processes opening a fresh database at the same
    time queue on it, and each re-reads ``_migrations`` once it holds the lock, so the later
    ones find the work done instead of failing on "table already exists". ``adapt`` rewrites
    each statement for the back-end (PostgreSQL types), so the migration files stay one
    portable set.
    """
    known = migrations()
    done = _applied(conn)
    if done is not None and done >= {number for number, _, _ in known}:
        _refuse_unknown(done, known)
        return []
    lock()
    name = "_migrations"
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations"
            " (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in conn.execute("SELECT number FROM _migrations").fetchall()}
        _refuse_unknown(done, known)
        applied = []
        for number, name, sql in known:
            if number in done:
                continue
            for statement in split_statements(sql):
                conn.execute(adapt(statement))
            conn.execute(
                "INSERT INTO _migrations (number, name, applied_at)"
                f" VALUES ({placeholder}, {placeholder}, {placeholder})",
                (number, name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
            applied.append(name)
        conn.commit()
    except StoreError:
        conn.rollback()
        raise
    except Exception as exc:
        conn.rollback()
        raise StoreError(f"migration {name} failed: {exc}") from exc
    return applied


def _refuse_unknown(done: set[int], known: list[tuple[int, str, str]]) -> None:
    """A migration this code does not know means a newer diplowatch wrote the database."""
    unknown = done - {number for number, _, _ in known}
    if unknown:
        raise StoreError(f"database has migrations {sorted(unknown)} unknown to this version; upgrade diplowatch")
