"""Canonical actors (people, organisations, countries) and their roles over time.

Facts live in ``kb/data`` as YAML/TSV with a ``source`` each; this module only reads them.
People files hold one country each (``people/<iso3>.yaml``); roles are time-bounded spells so
that "the US Secretary of State" resolves to Blinken in 2024 and to Rubio in 2025.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from diplowatch.errors import KnowledgeBaseError
from diplowatch.yamlio import YAMLError, safe_load


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """A role held during [start, end]; ``end`` None means still held."""

    role: str
    start: str | None
    end: str | None
    title: str | None = None
    org: str | None = None
    portfolio: str | None = None
    to_country: str | None = None
    approx: bool = False

    def holds_at(self, when: str) -> bool:
        """True when the spell covers ``when`` (YYYY, YYYY-MM or YYYY-MM-DD, compared by prefix)."""
        start = (self.start or "0000")[: len(when)]
        end = (self.end or "9999")[: len(when)]
        return start <= when <= end

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _by_fields(self)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str  # person, org, country
    country: str | None = None
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[RoleSpell, ...] = ()
    source: str = "kb"
    family_first: bool = False  # "Kim Jong Un", "Xi Jinping": the first word is the surname

    def roles_at(self, when: str | None) -> list[RoleSpell]:
        if when is None:
            return list(self.roles)
        return list(_roles_at(self.roles, when)) if self.roles else []

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _by_fields(self)


def _by_fields(obj: RoleSpell | Actor) -> tuple[type, tuple[Any, ...]]:
    """Pickle a frozen slotted actor or spell as a constructor call: the default for slotted
    dataclasses runs a Python ``__setstate__`` that looks up the fields of every object, half
    of unpickling the gazetteer's 5,500 actors and spells at each start."""
    return type(obj), tuple(getattr(obj, name) for name in obj.__slots__)  # type: ignore[union-attr]


@lru_cache(maxsize=65_536)
def _roles_at(roles: tuple[RoleSpell, ...], when: str) -> tuple[RoleSpell, ...]:
    return tuple(spell for spell in roles if spell.holds_at(when))


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    _index: dict[tuple[str, str | None], list[tuple[Actor, RoleSpell]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _index_size: int = field(default=-1, repr=False, compare=False)

    def add(self, actor: Actor) -> None:
        """Add an actor; the same id in another file (national and organisation posts) is merged."""
        known = self.actors.get(actor.id)
        if known is None:
            self.actors[actor.id] = actor
            return
        if known.kind != actor.kind or known.name != actor.name:
            raise KnowledgeBaseError(
                f"actor id {actor.id!r} names both {known.name!r} ({known.kind})"
                f" and {actor.name!r} ({actor.kind})"
            )
        self.merge(actor)

    def merge(self, actor: Actor) -> None:
        """Add ``actor`` or, when its id exists, extend that actor's aliases and roles
        (user files extend the shipped knowledge base rather than clash with it)."""
        old = self.actors.get(actor.id)
        if old is None:
            self.actors[actor.id] = actor
            return
        self._index_size = -1
        renamed = (actor.name,) if actor.name != old.name else ()
        self.actors[actor.id] = replace(
            old,
            country=old.country or actor.country,
            gender=old.gender or actor.gender,
            aliases=tuple(dict.fromkeys((*old.aliases, *renamed, *actor.aliases))),
            roles=tuple(dict.fromkeys((*old.roles, *actor.roles))),
        )

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def holders(
        self, role: str, *, country: str | None, when: str | None, org: str | None = None
    ) -> list[Actor]:
        """Actors holding ``role`` for ``country`` (or ``org``) at ``when``."""
        found: list[Actor] = []
        for actor, spell in self._role_index().get((role, country), ()):
            active = when is None or spell.holds_at(when)
            # an organisation post (spell.org set) is never a national role of the holder's country
            if active and spell.org == org and actor not in found:
                found.append(actor)
        return found

    def _role_index(self) -> dict[tuple[str, str | None], list[tuple[Actor, RoleSpell]]]:
        """(role, country) and (role, None) -> spells; rebuilt after the actors change."""
        if self._index_size != len(self.actors):
            index: dict[tuple[str, str | None], list[tuple[Actor, RoleSpell]]] = {}
            for actor in self.actors.values():
                if actor.kind != "person":
                    continue
                for spell in actor.roles:
                    index.setdefault((spell.role, actor.country), []).append((actor, spell))
                    index.setdefault((spell.role, None), []).append((actor, spell))
            self._index = index
            self._index_size = len(self.actors)
        return self._index

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)


def _iso(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _spell(raw: dict[str, Any], where: str) -> RoleSpell:
    if "role" not in raw:
        raise KnowledgeBaseError(f"{where}: role without 'role'")
    return RoleSpell(
        role=str(raw["role"]),
        start=_iso(raw.get("start")),
        end=_iso(raw.get("end")),
        title=raw.get("title"),
        org=raw.get("org"),
        portfolio=raw.get("portfolio"),
        to_country=raw.get("to_country"),
        approx=bool(raw.get("approx", False)),
    )


def parse_people(data: dict[str, Any], *, origin: str) -> Iterable[Actor]:
    """Actors from one people file (the format documented in kb/data/README.md)."""
    country = data.get("country")
    order = data.get("name_order", "given_first")
    for index, raw in enumerate(data.get("people") or []):
        where = f"{origin}: person #{index + 1}"
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name"):
            raise KnowledgeBaseError(f"{where}: needs 'id' and 'name'")
        yield Actor(
            id=str(raw["id"]),
            name=str(raw["name"]),
            kind="person",
            country=raw.get("country", country),
            gender=raw.get("gender"),
            aliases=tuple(str(a) for a in raw.get("aliases") or ()),
            roles=tuple(_spell(r, f"{where} ({raw['id']})") for r in raw.get("roles") or ()),
            source=str(raw.get("source", "kb")),
            family_first=raw.get("name_order", order) == "family_first",
        )


def parse_organisations(data: dict[str, Any], *, origin: str) -> Iterable[Actor]:
    for raw in data.get("organisations") or []:
        if not raw.get("id") or not raw.get("name"):
            raise KnowledgeBaseError(f"{origin}: organisation needs 'id' and 'name'")
        aliases = [raw["short"]] if raw.get("short") else []
        yield Actor(
            id=str(raw["id"]),
            name=str(raw["name"]),
            kind="org",
            aliases=tuple(aliases + [str(a) for a in raw.get("aliases") or ()]),
        )


def _load_yaml(path: Traversable | Path) -> dict[str, Any]:
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        raise KnowledgeBaseError(f"{path.name}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{path.name}: expected a mapping")
    return data


def _data_root() -> Traversable:
    return resources.files("diplowatch.kb") / "data"


def load_files(
    kb: KnowledgeBase, paths: Iterable[Traversable | Path], *, extend: bool = False
) -> None:
    """Add the actors of people/organisation YAML files to ``kb`` (``extend``: merge with
    actors of the same id instead of refusing duplicates)."""
    for path in paths:
        data = _load_yaml(path)
        parsed = (
            parse_organisations(data, origin=path.name)
            if "organisations" in data
            else parse_people(data, origin=path.name)
        )
        for actor in parsed:
            (kb.merge if extend else kb.add)(actor)


def extra_kb_dirs() -> list[Path]:
    """Folders named by the ``DIPLOWATCH_KB_PATH`` environment variable (os.pathsep-separated)
    whose ``*.yaml`` people files extend the shipped knowledge base (see kb/data/README.md)."""
    value = os.environ.get("DIPLOWATCH_KB_PATH", "")
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base plus the user folders of DIPLOWATCH_KB_PATH, once per process.

    It is the default gazetteer's: both come from one pickle (``diplowatch.cache``), so a
    command needing either reads no YAML when the files have not changed.
    """
    from diplowatch.kb.gazetteer import default_gazetteer

    return default_gazetteer().kb


def user_kb_files() -> list[Path]:
    """The YAML files of the DIPLOWATCH_KB_PATH folders, in the order they are read."""
    return [p for d in extra_kb_dirs() if d.is_dir() for p in sorted(d.glob("*.yaml"))]


def read_kb() -> KnowledgeBase:
    """Parse the shipped knowledge base plus the user folders of DIPLOWATCH_KB_PATH."""
    kb = KnowledgeBase()
    root = _data_root()
    people = root / "people"
    files: list[Traversable] = []
    if people.is_dir():
        files.extend(
            sorted((p for p in people.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
        )
    orgs = root / "organisations.yaml"
    if orgs.is_file():
        files.append(orgs)
    load_files(kb, files)
    for folder in extra_kb_dirs():
        if not folder.is_dir():
            raise KnowledgeBaseError(f"DIPLOWATCH_KB_PATH: {folder} is not a folder")
        load_files(kb, sorted(folder.glob("*.yaml")), extend=True)
    return kb
