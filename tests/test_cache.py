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


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An input file ("x"), with the cache folder ``tmp_path/cache``."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    path = tmp_path / "data"
    path.write_text("x")
    return path


def test_a_mapped_value_comes_back_equal_aligned_read_only_and_rebuilt_when_its_input_changes(
    tmp_path: Path, source: Path
) -> None:
    np = pytest.importorskip("numpy")
    source.write_bytes(b"1")
    builds: list[int] = []

    def build() -> dict[str, object]:
        builds.append(1)
        scale = int(source.read_bytes())
        return {"rows": np.arange(1000, dtype=np.float32) * scale, "small": np.arange(3), "label": "x"}

    built = cache.cached_mapped("m", [source], build)
    read = cache.cached_mapped("m", [source], build)
    assert len(builds) == 1
    assert read["label"] == "x" and read["rows"].tolist() == built["rows"].tolist()
    assert read["small"].tolist() == [0, 1, 2]
    for array in (read["rows"], read["small"]):
        assert not array.flags.writeable  # mapped from the file, not copied
        assert array.ctypes.data % 64 == 0
    source.write_bytes(b"2")
    assert cache.cached_mapped("m", [source], build)["rows"][1] == 2.0
    assert len(builds) == 2
    assert len(list((tmp_path / "cache").glob("m-*"))) == 1


def test_a_truncated_cache_file_is_built_again(tmp_path: Path, source: Path) -> None:
    assert cache.cached_mapped("m", [source], lambda: [1, 2]) == [1, 2]
    (stored,) = (tmp_path / "cache").glob("m-*.mapped")
    stored.write_bytes(stored.read_bytes()[:5])
    assert cache.cached_mapped("m", [source], lambda: [3]) == [3]


def test_storing_one_name_keeps_the_pickles_of_longer_names_that_start_like_it(source: Path) -> None:
    cache.cached("lang-rules", [source], lambda: 1)
    cache.cached("lang", [source], lambda: 2)
    assert cache.cached("lang-rules", [source], lambda: 3) == 1
