"""The embedded store: one SQLite file in WAL mode, one writer.

The shared SQL and the dialect hooks' defaults are SQLite's already (``store/base.py``), so
all this back-end adds is how to open the file.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from diplowatch.errors import StoreError
from diplowatch.store.base import Store

_BUSY_TIMEOUT = 30.0  # seconds a process waits for another one's write lock


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, retrying while another process holds the file.

    SQLite does not call the busy handler for the lock this switch needs, so two processes
    creating the same fresh file would otherwise fail at once with "database is locked".
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def open_sqlite(path: str | Path) -> Store:
    """Open (creating if needed) a SQLite store in WAL mode."""
    location = str(path)
    try:
        if location != ":memory:":
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(location, timeout=_BUSY_TIMEOUT)
        _use_wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database {location}: {exc}") from exc
    return Store(conn, location=location)
