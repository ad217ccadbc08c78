"""Extend the knowledge base from a user file: a CSV of role spells or a Wikidata-style
JSON Lines extract, converted to the people YAML format that ``load_kb`` reads.

CSV columns (header row required; extra columns ignored):
    name, country, role, start, end[, aliases][, title][, id][, gender][, source]
One row per role spell; rows with the same id (default: derived from the name) are one
person. ``aliases`` are separated by ``|``. Dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD);
an empty ``end`` means still in office.

JSON Lines, one person per line, in the shape of a trimmed Wikidata entity:
    {"id": "Q7747", "labels": {"en": "Vladimir Putin", "ru": "Владимир Путин"},
     "aliases": {"hu": ["Putyin"]}, "country": "RUS", "gender": "m",
     "roles": [{"role": "head_of_state", "start": "2012-05-07", "end": null}]}
The English label (else the first label) is the canonical name; the other labels and all
aliases become aliases.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

from diplowatch.errors import KnowledgeBaseError
from diplowatch.kb.actors import Actor, RoleSpell

FORMATS = ("csv", "jsonl")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")


def _date(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise KnowledgeBaseError(f"bad date {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    return text


def read_csv(path: str | Path) -> list[Actor]:
    """People from a CSV of role spells (columns in the module docstring)."""
    people: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"name", "country", "role"} - set(reader.fieldnames or ())
        if missing:
            raise KnowledgeBaseError(f"{path}: missing columns {', '.join(sorted(missing))}")
        for lineno, row in enumerate(reader, start=2):
            name = (row.get("name") or "").strip()
            if not name:
                raise KnowledgeBaseError(f"{path}:{lineno}: empty name")
            actor_id = (row.get("id") or "").strip() or _slug(name)
            person = people.setdefault(
                actor_id,
                {
                    "name": name,
                    "country": (row.get("country") or "").strip().upper() or None,
                    "aliases": [],
                    "roles": [],
                    "gender": (row.get("gender") or "").strip() or None,
                    "source": (row.get("source") or "").strip()
                    or f"imported from {Path(path).name}",
                },
            )
            person["aliases"].extend(
                a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()
            )
            try:
                spell = RoleSpell(
                    role=row["role"].strip(),
                    start=_date(row.get("start")),
                    end=_date(row.get("end")),
                    title=(row.get("title") or "").strip() or None,
                )
            except KnowledgeBaseError as exc:
                raise KnowledgeBaseError(f"{path}:{lineno}: {exc}") from exc
            if spell.role:
                person["roles"].append(spell)
    return [_actor(actor_id, p) for actor_id, p in people.items()]


def read_jsonl(path: str | Path) -> list[Actor]:
    """People from a Wikidata-style JSON Lines extract (shape in the module docstring)."""
    actors = []
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KnowledgeBaseError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
            labels = obj.get("labels") or {}
            name = labels.get("en") or next(iter(labels.values()), None) or obj.get("name")
            if not name:
                raise KnowledgeBaseError(f"{path}:{lineno}: no label")
            aliases = [v for v in labels.values() if v != name]
            for values in (obj.get("aliases") or {}).values():
                aliases.extend(values)
            try:
                roles = [
                    RoleSpell(
                        role=str(r["role"]),
                        start=_date(r.get("start")),
                        end=_date(r.get("end")),
                        title=r.get("title"),
                    )
                    for r in obj.get("roles") or ()
                ]
            except (KeyError, KnowledgeBaseError) as exc:
                raise KnowledgeBaseError(f"{path}:{lineno}: bad role ({exc})") from exc
            person = {
                "name": name,
                "country": obj.get("country"),
                "aliases": aliases,
                "roles": roles,
                "gender": obj.get("gender"),
                "source": f"wikidata {obj.get('id', '')}".strip(),
            }
            actors.append(_actor(str(obj.get("slug") or _slug(name)), person))
    return actors


def _actor(actor_id: str, person: dict[str, Any]) -> Actor:
    return Actor(
        id=actor_id,
        name=person["name"],
        kind="person",
        country=person["country"],
        gender=person["gender"],
        aliases=tuple(dict.fromkeys(person["aliases"])),
        roles=tuple(person["roles"]),
        source=person["source"],
    )


def read_people(path: str | Path, *, fmt: str | None = None) -> list[Actor]:
    """People from a user file; the format defaults to the file extension."""
    fmt = fmt or Path(path).suffix.lstrip(".").lower()
    if fmt == "csv":
        return read_csv(path)
    if fmt in ("jsonl", "json"):
        return read_jsonl(path)
    raise KnowledgeBaseError(
        f"{path}: unknown import format {fmt!r}; use one of {', '.join(FORMATS)}"
    )


def people_yaml(actors: Iterable[Actor], *, source: str) -> str:
    """The people YAML text (kb/data/README.md format) for ``actors``."""
    people = []
    for actor in actors:
        entry: dict[str, Any] = {"id": actor.id, "name": actor.name, "country": actor.country}
        if actor.gender:
            entry["gender"] = actor.gender
        entry["aliases"] = list(actor.aliases)
        entry["roles"] = [
            {
                k: v
                for k, v in (
                    ("role", s.role),
                    ("title", s.title),
                    ("start", s.start),
                    ("end", s.end),
                )
                if v is not None or k == "end"
            }
            for s in actor.roles
        ]
        entry["source"] = actor.source
        people.append(entry)
    return yaml.safe_dump({"source": source, "people": people}, allow_unicode=True, sort_keys=False)
