"""A throw-away PostgreSQL server in a temporary folder, for tests and benchmarks.

``initdb`` in a fresh folder, ``postgres`` on 127.0.0.1 at a free port (plus a unix socket in
the same folder), trust authentication for loopback only, C collation, no fsync; stopped and
deleted on exit. PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` system user (``nobody`` when that user does not exist).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_server_bin() -> Path | None:
    """Folder holding initdb, pg_ctl and postgres (PATH first, then Debian's versioned dirs)."""
    candidates = [
        shutil.which("pg_ctl"),
        *sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True),
    ]
    for found in candidates:
        if found and Path(found).exists():
            folder = Path(os.path.realpath(found)).parent
            if (folder / "initdb").exists() and (folder / "postgres").exists():
                return folder
    return None


@contextmanager
def throwaway_cluster(*, max_connections: int = 60) -> Iterator[str]:
    """Run a server for the ``with`` block; yields ``postgresql://postgres@127.0.0.1:PORT/``."""
    bindir = find_server_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found (make system-deps)")
    root = Path(tempfile.mkdtemp(prefix="diplowatch-pg-"))
    root.chmod(0o755)
    user = _server_user()
    if user:
        os.chown(root, user.pw_uid, user.pw_gid)
    data, log, port = root / "data", root / "server.log", _free_port()

    def run(*cmd: str, check: bool = True) -> None:
        prefix = ["runuser", "-u", user.pw_name, "--"] if user else []
        subprocess.run([*prefix, *cmd], check=check, capture_output=True)

    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
            f" -c max_connections={max_connections}"
        )
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
        yield f"postgresql://postgres@127.0.0.1:{port}/"
    finally:
        if (data / "postmaster.pid").exists():
            run(
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-m",
                "immediate",
                "-w",
                "stop",
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


def create_database(server: str, name: str) -> str:
    """Create an empty database on ``server`` and return its URL."""
    import psycopg

    with psycopg.connect(server + "postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server + name


def _server_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        return pwd.getpwnam("nobody")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
