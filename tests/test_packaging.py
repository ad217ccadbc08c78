"""A plain ``pip install diplowatch`` can serve (issue #15)."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import requires
from pathlib import Path

import pytest

import diplowatch.cli.serve

pytestmark = pytest.mark.issue(15)
REPO = Path(__file__).resolve().parents[1]
SERVE_NEEDS = {"fastapi", "uvicorn", "jinja2"}


def _names(requirements: list[str]) -> set[str]:
    return {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in requirements}  # type: ignore[union-attr]


def test_serve_packages_are_base_dependencies() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert _names(project["dependencies"]) >= SERVE_NEEDS
    assert "api" in project["optional-dependencies"]  # `pip install diplowatch[api]` keeps working


def test_installed_metadata_requires_them_without_an_extra() -> None:
    unconditional = [r for r in requires("diplowatch") or [] if "extra ==" not in r]
    assert _names(unconditional) >= SERVE_NEEDS


def test_serve_has_no_missing_fastapi_fallback() -> None:
    source = Path(diplowatch.cli.serve.__file__).read_text(encoding="utf-8")
    handlers = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ExceptHandler)]
    assert not [h for h in handlers if isinstance(h.type, ast.Name) and h.type.id == "ImportError"]
    assert "needs FastAPI" not in source
