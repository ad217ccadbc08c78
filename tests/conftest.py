"""Shared fixtures: paths to the bundled sample and to ../shared (tests skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplowatch.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"
CORPUS = SAMPLES / "corpus"


def run_cli(*args: str) -> str:
    """Run ``diplowatch ARGS`` in-process; fail the test unless it exits 0; return its stdout."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def shared() -> Path:
    """The shared seeds/gold/bsnlp folder beside the repo; skip when this checkout lacks it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"
