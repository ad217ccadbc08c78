"""A throw-away PostgreSQL server for the store tests: a real server, no mocks.

Started once per session by ``store.pgcluster`` (temporary folder, loopback only, stopped at
the end). Tests skip when no PostgreSQL server binaries are installed; ``make test`` installs
them first (``make system-deps``), so there they always run.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL prefix ``postgresql://postgres@127.0.0.1:PORT/`` of a running throw-away server."""
    pytest.importorskip("psycopg")
    from diplowatch.store.pgcluster import find_server_bin, throwaway_cluster

    if find_server_bin() is None:
        pytest.skip("PostgreSQL server binaries not installed (run: make system-deps)")
    with throwaway_cluster() as server:
        yield server


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """URL of a fresh, empty database on the throw-away server (one per test)."""
    from diplowatch.store.pgcluster import create_database

    return create_database(pg_server, "t_" + uuid.uuid4().hex[:12])
