"""Pick the back-end for a location, so neither back-end module has to know the other."""

from __future__ import annotations

from pathlib import Path

from diplowatch.store.base import Store
from diplowatch.store.sqlite import open_sqlite


def open_store(location: str | Path) -> Store:
    """Open the store at a file path (SQLite) or a ``postgresql://`` URL (PostgreSQL)."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from diplowatch.store.postgres import open_postgres  # psycopg only when asked for

        return open_postgres(text)
    return open_sqlite(text)
