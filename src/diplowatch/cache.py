"""Derived data (the gazetteer, dictionary forms, the language-id tables) pickled between runs.

Building them from YAML and compressed dictionaries took most of a one-article command's
start-up; unpickling takes a few hundredths of a second. The YAML stays the source of truth
(DESIGN A.3): a pickle is named by a hash of everything it was built from (the files' paths,
contents and mtimes, the code that builds it among them, and the Python version), so a
changed file gives a new name and the stale pickle is never read. (The package version is
not part of it: a new version changes the files, and reading it imported ``importlib.metadata``
and the e-mail parser into every start.) The folder is ``DIPLOWATCH_CACHE_DIR``,
else ``$XDG_CACHE_HOME/diplowatch``, else ``~/.cache/diplowatch``; when it cannot be written
(or read) the data are simply built, as without a cache.

``cached_mapped`` is for values made of large numpy arrays (the 80 MB language-id tables):
their bytes are written out of band, each on a 64-byte boundary, and read back through a
read-only memory map, so a process copies nothing at start and touches only the pages it
reads; unpickling and copying them was a tenth of a one-article command.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")
CACHE_ENV = "DIPLOWATCH_CACHE_DIR"
_ALIGN = 64  # a cache line: the language-id scores are read one 64-byte row per feature
_KINDS = (".pickle", ".mapped")
_UNREADABLE = (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError)


def cache_dir() -> Path:
    """Where pickles are kept (see the module docstring)."""
    if chosen := os.environ.get(CACHE_ENV):
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "diplowatch"


def source_key(name: str, files: Iterable[Path]) -> str:
    """The hash naming a pickle: a change to any input file (or to Python's version) changes it."""
    digest = hashlib.sha256(f"{name}\0{sys.version}\0".encode())
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
    except _UNREADABLE:
        pass  # no pickle yet, unreadable or from other code: build it
    value = build()
    _store(path, lambda handle: pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def cached_mapped(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """``cached`` for a value holding large numpy arrays, which come back read-only and mapped
    from the file (see the module docstring); everything else in it is unpickled as usual."""
    path = cache_dir() / f"{name}-{source_key(name, files)}.mapped"
    try:
        return _load_mapped(path)  # type: ignore[no-any-return]
    except _UNREADABLE:
        pass
    value = build()
    _store(path, lambda handle: _dump_mapped(value, handle))
    return value


def _dump_mapped(value: object, handle: BinaryIO) -> None:
    """Layout: the offset of the header (8 bytes), each out-of-band buffer on a 64-byte
    boundary, then the header: the pickled (body, spans of the buffers)."""
    buffers: list[pickle.PickleBuffer] = []
    body = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    handle.write(bytes(8))
    spans = []
    for buffer in buffers:
        raw = buffer.raw()
        handle.write(bytes(-handle.tell() % _ALIGN))
        spans.append((handle.tell(), raw.nbytes))
        handle.write(raw)
    header = handle.tell()
    handle.write(pickle.dumps((body, spans), protocol=5))
    handle.seek(0)
    handle.write(header.to_bytes(8, "little"))


def _load_mapped(path: Path) -> object:
    with path.open("rb") as handle:
        view = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    body, spans = pickle.loads(view[int.from_bytes(view[:8], "little") :])
    return pickle.loads(body, buffers=[view[start : start + size] for start, size in spans])


def _store(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write the cache file atomically (concurrent processes may build the same one) and drop
    the stale files of the same name; a folder that cannot be written keeps no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(tmp, path)
        stem = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*"):
            # same name, any kind ("langid" once was a plain pickle), not a longer name
            if old != path and old.suffix in _KINDS and old.name.rsplit("-", 1)[0] == stem:
                old.unlink(missing_ok=True)
    except OSError:
        return


def package_files(*parts: str) -> list[Path]:
    """Every file under the installed package's folder ``parts`` (code and data alike), the
    inputs of a pickle built from that code and those data."""
    root = Path(__file__).parent.joinpath(*parts)
    return [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
