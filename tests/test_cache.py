"""The derived-data cache: a changed input file is never served stale, and a folder that
cannot be written still gives the built value."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplowatch import cache


def test_a_changed_input_builds_again_and_an_unchanged_one_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n")
    builds: list[str] = []

    def build() -> str:
        builds.append(source.read_text())
        return source.read_text()

    assert cache.cached("t", [source], build) == "a: 1\n"
    assert cache.cached("t", [source], build) == "a: 1\n"
    assert len(builds) == 1
    source.write_text("a: 2\n")
    assert cache.cached("t", [source], build) == "a: 2\n"
    assert len(builds) == 2
    assert len(list((tmp_path / "cache").glob("t-*.pickle"))) == 1  # the stale pickle is gone


def test_an_unwritable_cache_folder_still_gives_the_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    source = tmp_path / "data.yaml"
    source.write_text("x")
    assert cache.cached("t", [source], lambda: 42) == 42
