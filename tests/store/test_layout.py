"""The back-end modules do not import each other; the opener picks one (issue #15)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import diplowatch.store
from diplowatch.store.base import Store
from diplowatch.store.opener import open_store

STORE = Path(diplowatch.store.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports inside functions count too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.issue(15)
@pytest.mark.parametrize(("module", "other"), [("sqlite", "postgres"), ("postgres", "sqlite")])
def test_backend_modules_do_not_import_each_other(module: str, other: str) -> None:
    imported = _imported_modules(STORE / f"{module}.py")
    assert f"diplowatch.store.{other}" not in imported


@pytest.mark.issue(15)
def test_opener_opens_a_sqlite_store_by_path(tmp_path: Path) -> None:
    with open_store(tmp_path / "opened.db") as store:
        assert isinstance(store, Store)
        assert store.query("SELECT COUNT(*) AS n FROM articles") == [{"n": 0}]
