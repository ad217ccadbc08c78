"""A throw-away PostgreSQL cluster for the store tests: real server, no mocks.

``initdb`` in a temporary folder, ``postgres`` listening on 127.0.0.1 at a free port (and a
unix socket in the same folder), trust authentication for loopback only, stopped and deleted
at the end of the session. PostgreSQL refuses to run as root, so as root the server runs as
the ``postgres`` system user (``nobody`` when that does not exist). Tests skip when no
PostgreSQL server binaries are installed; ``make test`` installs them (``make system-deps``).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _server_bin() -> Path | None:
    candidates = [shutil.which("pg_ctl")] + sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True
    )
    for found in candidates:
        if found and Path(found).exists():
            folder = Path(os.path.realpath(found)).parent
            if (folder / "initdb").exists() and (folder / "postgres").exists():
                return folder
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    user = "postgres"
    try:
        pwd.getpwnam(user)
    except KeyError:
        user = "nobody"
    return ["runuser", "-u", user, "--", *cmd]


def _chown_to_server_user(path: Path) -> None:
    if os.geteuid() == 0:
        try:
            entry = pwd.getpwnam("postgres")
        except KeyError:
            entry = pwd.getpwnam("nobody")
        os.chown(path, entry.pw_uid, entry.pw_gid)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL prefix ``postgresql://postgres@127.0.0.1:PORT/`` of a running throw-away server."""
    pytest.importorskip("psycopg")
    bindir = _server_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed (run: make system-deps)")
    root = Path(tempfile.mkdtemp(prefix="diplowatch-pg-"))
    root.chmod(0o755)
    _chown_to_server_user(root)
    data, log = root / "data", root / "server.log"
    port = _free_port()
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=60"
    )
    subprocess.run(
        _as_server_user(
            [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/"
    finally:
        subprocess.run(
            _as_server_user(
                [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """URL of a fresh, empty database on the throw-away server (one per test)."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server + "postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_server + name
