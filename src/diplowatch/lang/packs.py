"""Per-language knowledge, loaded from ``diplowatch/lexicons/<lang>/`` on first use.

A language exists when its folder holds a ``language.yaml``; there is no list of languages
anywhere else. Files have fixed names (see lexicons/README.md); a missing file means the
language has nothing of that kind. Packs are parsed lazily and cached per process, so a
worker only pays for the languages its articles use, and pickled between runs
(``cache.cached``, keyed on the folder's files): parsing a pack's YAML costs about ten times
reading its pickle.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from diplowatch import yamlio
from diplowatch.cache import cached
from diplowatch.errors import LexiconError
from diplowatch.yamlio import YAMLError, safe_load

YAML_FILES = ("language", "triggers", "status", "titles", "calendar", "names", "examples")


@dataclass(frozen=True)
class LangPack:
    """The raw data of one language folder; extractors compile what they need from it."""

    code: str
    language: dict[str, Any]
    triggers: dict[str, Any] = field(default_factory=dict)
    status: dict[str, Any] = field(default_factory=dict)
    titles: dict[str, Any] = field(default_factory=dict)
    calendar: dict[str, Any] = field(default_factory=dict)
    names: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, Any] = field(default_factory=dict)
    demonyms: dict[str, list[str]] = field(default_factory=dict)  # ISO3 -> forms

    @property
    def name(self) -> str:
        return str(self.language.get("name", self.code))

    @property
    def fallback(self) -> str | None:
        """A related language whose data fills what this one lacks (e.g. bs -> hr)."""
        value = self.language.get("fallback")
        return str(value) if value else None


def _root() -> Traversable:
    return resources.files("diplowatch.lexicons")


def pack_folder(code: str) -> Path:
    """The folder of a language's files (the inputs of data derived from them)."""
    return Path(str(_root() / code))


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """Codes of all language folders that contain a language.yaml, sorted."""
    return tuple(
        sorted(
            entry.name
            for entry in _root().iterdir()
            if entry.is_dir() and not entry.name.startswith("_") and (entry / "language.yaml").is_file()
        )
    )


def _read_yaml(folder: Traversable, stem: str) -> dict[str, Any]:
    path = folder / f"{stem}.yaml"
    if not path.is_file():
        return {}
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        raise LexiconError(f"{folder.name}/{stem}.yaml: invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconError(f"{folder.name}/{stem}.yaml: expected a mapping at the top level")
    return data


def _read_demonyms(folder: Traversable) -> dict[str, list[str]]:
    path = folder / "demonyms.tsv"
    if not path.is_file():
        return {}
    forms: dict[str, list[str]] = {}
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t")
    for lineno, row in enumerate(reader, start=1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) < 2:
            raise LexiconError(f"{folder.name}/demonyms.tsv:{lineno}: expected 'ISO3<TAB>forms'")
        forms.setdefault(row[0].strip().upper(), []).extend(
            f.strip() for f in row[1].split("|") if f.strip()
        )
    return forms


@cache
def load_pack(code: str) -> LangPack:
    """Load one language's data; raise LexiconError naming the file when it is malformed."""
    if code not in available_languages():
        raise LexiconError(f"no language pack for {code!r}; available: {', '.join(available_languages())}")
    folder = pack_folder(code)
    files = [Path(__file__), Path(yamlio.__file__), *(f for f in folder.iterdir() if f.is_file())]
    return cached(f"pack-{code}", files, lambda: _read_pack(code))


def _read_pack(code: str) -> LangPack:
    folder = _root() / code
    data = {stem: _read_yaml(folder, stem) for stem in YAML_FILES}
    if data["language"].get("code") != code:
        raise LexiconError(f"{code}/language.yaml: 'code' must be {code!r}")
    return LangPack(code=code, demonyms=_read_demonyms(folder), **data)


@lru_cache(maxsize=None)  # noqa: UP033 (same decorator as load_pack above)
def load_pack_chain(code: str) -> tuple[LangPack, ...]:
    """The pack of ``code`` followed by its fallbacks (bs -> hr), nearest first, without cycles."""
    chain: list[LangPack] = []
    current: str | None = code
    while current and current in available_languages() and all(p.code != current for p in chain):
        pack = load_pack(current)
        chain.append(pack)
        current = pack.fallback
    return tuple(chain)
