"""Language packs (and the language-id rules drawn from them) are pickled between runs: a
changed pack file must be read again, an unchanged pack must come from the pickle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diplowatch import cache
from diplowatch.lang import detect, packs


@pytest.fixture
def lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A lexicon root with one language, ``xx``, and an empty cache folder."""
    root = tmp_path / "lexicons"
    (root / "xx").mkdir(parents=True)
    (root / "xx" / "language.yaml").write_text("code: xx\nletters: {own: 'ħ', foreign: 'q'}\n")
    (root / "xx" / "triggers.yaml").write_text("meet: [sastanak]\n")
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(packs, "_root", lambda: root)
    for memo in (packs.available_languages, packs.load_pack, detect._rules):
        memo.cache_clear()
    yield root
    for memo in (packs.available_languages, packs.load_pack, detect._rules):
        memo.cache_clear()


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    read_pack = packs._read_pack
    monkeypatch.setattr(packs, "_read_pack", lambda code: reads.append(code) or read_pack(code))
    return reads


def test_an_unchanged_pack_is_read_from_the_cache_and_a_changed_file_is_parsed_again(
    lexicons: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _reads(monkeypatch)
    assert packs.load_pack("xx").triggers == {"meet": ["sastanak"]}
    packs.load_pack.cache_clear()  # a new process
    assert packs.load_pack("xx").triggers == {"meet": ["sastanak"]}
    assert reads == ["xx"]
    (lexicons / "xx" / "triggers.yaml").write_text("meet: [susret]\n")
    packs.load_pack.cache_clear()
    assert packs.load_pack("xx").triggers == {"meet": ["susret"]}
    assert reads == ["xx", "xx"]


def test_a_new_pack_file_is_read_too(lexicons: Path) -> None:
    assert packs.load_pack("xx").demonyms == {}
    (lexicons / "xx" / "demonyms.tsv").write_text("RUS\truski*|Rusija\n")
    packs.load_pack.cache_clear()
    assert packs.load_pack("xx").demonyms == {"RUS": ["ruski*", "Rusija"]}


def test_the_language_id_rules_follow_a_changed_language_yaml(lexicons: Path) -> None:
    assert detect._rules()["xx"].foreign_letters == frozenset("q")
    (lexicons / "xx" / "language.yaml").write_text("code: xx\nletters: {own: 'ħ', foreign: 'w'}\n")
    packs.load_pack.cache_clear()
    detect._rules.cache_clear()
    assert detect._rules()["xx"].foreign_letters == frozenset("w")
