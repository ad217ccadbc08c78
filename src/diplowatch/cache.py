"""Derived data (the gazetteer, dictionary forms, the language-id tables) pickled between runs.

Building them from YAML and compressed dictionaries took most of a one-article command's
start-up; unpickling takes a few hundredths of a second. The YAML stays the source of truth
(DESIGN A.3): a pickle is named by a hash of everything it was built from (the files'
paths, contents and mtimes, the diplowatch version and the Python version), so a changed file
gives a new name and the stale pickle is never read. The folder is ``DIPLOWATCH_CACHE_DIR``,
else ``$XDG_CACHE_HOME/diplowatch``, else ``~/.cache/diplowatch``; when it cannot be written
(or read) the data are simply built, as without a cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
CACHE_ENV = "DIPLOWATCH_CACHE_DIR"


def cache_dir() -> Path:
    """Where pickles are kept (see the module docstring)."""
    if chosen := os.environ.get(CACHE_ENV):
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "diplowatch"


def _version() -> str:
    try:
        return metadata.version("diplowatch")
    except metadata.PackageNotFoundError:
        return "unknown"


def source_key(name: str, files: Iterable[Path]) -> str:
    """The hash naming a pickle: a change to any input file (or to the versions) changes it."""
    digest = hashlib.sha256(f"{name}\0{_version()}\0{sys.version}\0".encode())
    for path in sorted(files):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def cached(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or the pickle a previous run stored for exactly these ``files``."""
    path = cache_dir() / f"{name}-{source_key(name, files)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass  # no pickle yet, unreadable or from other code: build it
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write the pickle atomically (concurrent processes may build the same one) and drop the
    stale pickles of the same name; a folder that cannot be written keeps no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        stem = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return


def package_files(*parts: str) -> list[Path]:
    """Every file under the installed package's folder ``parts`` (code and data alike), the
    inputs of a pickle built from that code and those data."""
    root = Path(__file__).parent.joinpath(*parts)
    return [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
