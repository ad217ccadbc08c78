"""Cities and venues as place actors, read from ``kb/data/places.tsv``.

A place actor's id is ``place:<id>``; its ``country`` is the ISO3 code, so the event layer
can report the location by name and country. Inflected and other-script forms are found by
the name keys and the language packs' suffix rules, not listed here.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources

from diplowatch.errors import KnowledgeBaseError
from diplowatch.kb.actors import Actor


def parse_places(text: str, *, origin: str = "places.tsv") -> list[Actor]:
    """Place actors from the TSV text (columns: id, ISO3, English name, other spellings)."""
    places = []
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) < 3:
            raise KnowledgeBaseError(f"{origin}:{lineno}: expected id, country, name[, spellings]")
        spellings = row[3].split("|") if len(row) > 3 else []
        places.append(
            Actor(
                id=f"place:{row[0].strip()}",
                name=row[2].strip(),
                kind="place",
                country=row[1].strip().upper() or None,
                aliases=tuple(s.strip() for s in spellings if s.strip()),
                source=origin,
            )
        )
    return places


@lru_cache(maxsize=1)
def place_actors() -> dict[str, Actor]:
    """The shipped places, by id."""
    text = (resources.files("diplowatch.kb") / "data" / "places.tsv").read_text(encoding="utf-8")
    return {place.id: place for place in parse_places(text)}
