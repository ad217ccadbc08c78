"""Fixtures for the web page: the sample store, a real ``diplowatch serve``, headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CORPUS, build_sample_store, chromium, chromium_available, serve


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.is_dir():
        pytest.skip("demo corpus absent")
    path = tmp_path_factory.mktemp("web") / "sample.db"
    build_sample_store(path)
    return path


@pytest.fixture(scope="session")
def base_url(sample_db: Path) -> Iterator[str]:
    with serve(sample_db) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not chromium_available():
        pytest.skip("Debian chromium/chromium-driver not installed (make browser-deps)")
    pytest.importorskip("selenium")
    with chromium() as driver:
        yield driver
