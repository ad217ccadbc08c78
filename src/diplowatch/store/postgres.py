"""The team store: the same Store on PostgreSQL, for several writers and readers at once.

Only the dialect differs from SQLite, and all of it is here:
 - placeholders are ``%s`` (the shared SQL is written with ``?``);
 - migration types: ``REAL`` becomes ``DOUBLE PRECISION`` (SQLite's REAL is 8 bytes) and text
   columns compare with ``COLLATE "C"``, so ``ORDER BY`` gives SQLite's (binary) order;
 - migrations run under a transaction advisory lock, so processes opening a fresh database at
   the same time do not race;
 - ``Store.lock`` takes a transaction advisory lock, so two ingest processes never both create
   version n+1 of the same article (the primary key (id, version) is the backstop).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from diplowatch.errors import StoreError
from diplowatch.store.base import Store

_MIGRATION_LOCK = 0x6469706C6F  # "diplo": one fixed advisory-lock id for schema changes
_REAL = re.compile(r"\bREAL\b", re.IGNORECASE)
# a column definition's type: after "(", "," or "ADD COLUMN" and the column name
_TEXT_COLUMN = re.compile(r"((?:[(,]|\bCOLUMN)\s*\"?\w+\"?\s+)TEXT\b(?!\s+COLLATE)", re.IGNORECASE)
_TABLE_DDL = re.compile(r"^\s*(CREATE\s+TABLE|ALTER\s+TABLE)", re.IGNORECASE)


class PostgresStore(Store):
    """A Store whose connection is a psycopg 3 connection to PostgreSQL."""

    placeholder = "%s"
    # a commit per article: ``lock`` holds each article's advisory lock until the commit, and
    # concurrent ingest processes holding a batch of them each could deadlock on one another
    write_batch = 1

    def __init__(self, conn: Any, *, location: str) -> None:
        self._writing = False
        super().__init__(conn, location=location)

    def lock_schema(self) -> None:
        """Migrations' transaction under one advisory lock, released by its commit or rollback."""
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))

    @staticmethod
    def adapt_ddl(sql: str) -> str:
        if not _TABLE_DDL.match(sql):
            return sql
        return _TEXT_COLUMN.sub(r'\1TEXT COLLATE "C"', _REAL.sub("DOUBLE PRECISION", sql))

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        if sql.lstrip()[:6].upper() != "SELECT":
            self._writing = True
        values = tuple(params)
        # without parameters psycopg leaves '%' alone (LIKE 'a%' written inline stays valid)
        return self.conn.execute(self._q(sql), values or None)

    def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._writing = True
        with self.conn.cursor() as cursor:
            cursor.executemany(self._q(sql), list(rows))

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        rows = super().query(sql, params)
        if not self._writing:
            # end read-only transactions at once: a long-lived reader (the API) must not sit
            # "idle in transaction" holding locks that block migrations and vacuum
            self.conn.commit()
        return rows

    def commit(self) -> None:
        self.conn.commit()
        self._writing = False

    def lock(self, key: str) -> None:
        self._writing = True  # the lock lasts until the writer's commit
        self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))


def open_postgres(url: str) -> PostgresStore:
    """Open (creating the schema if needed) a PostgreSQL store from a ``postgresql://`` URL."""
    try:
        import psycopg
    except ImportError as exc:  # the postgres extra is optional
        raise StoreError('PostgreSQL needs psycopg: pip install "diplowatch[postgres]"') from exc
    try:
        conn = psycopg.connect(url, connect_timeout=30)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to {_redact(url)}: {exc}") from exc
    return PostgresStore(conn, location=_redact(url))


def _redact(url: str) -> str:
    """The URL without its password, for messages and ``Store.location``."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
