"""Cities and venues as place actors, read from ``kb/data/places.tsv``.

A place actor's id is ``place:<id>``; its ``country`` is the ISO3 code, so the event layer
can report the location by name and country. Inflected and other-script forms are found by
the name keys and the language packs' suffix rules, not listed here. The cities of CLDR's
time zones (shipped with babel, localised in every pack language) are added on top.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from anyascii import anyascii

from diplowatch.errors import KnowledgeBaseError
from diplowatch.kb.actors import Actor
from diplowatch.lang.keys import phrase_key


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
    """The shipped places plus the CLDR zone cities, by id."""
    text = (resources.files("diplowatch.kb") / "data" / "places.tsv").read_text(encoding="utf-8")
    places = {place.id: place for place in parse_places(text)}
    return add_zone_cities(places)


# Zone cities of these regions are remote islands and stations, or (US, CA, AU, BR, MX, AR)
# small towns whose names are common words ("Center", "Regina"); their big cities are in
# places.tsv instead.
_SKIP_ZONES = ("Antarctica/", "Arctic/", "Etc/", "Pacific/", "Indian/", "Atlantic/")
_SKIP_TERRITORIES = frozenset({"ZZ", "AQ", "US", "CA", "AU", "BR", "MX", "AR", "001"})


def zone_cities() -> list[tuple[str, str, str, set[str]]]:
    """(zone, ISO3, English name, names in the pack languages) of CLDR's time-zone cities:
    babel ships them localised ("Europe/Budapest" -> Budimpešta, Budapešť, Будапешта).
    babel is imported here: the gazetteer these feed is read from the cache at most starts."""
    from babel import Locale
    from babel.core import get_global

    from diplowatch.kb.countries import alpha2_to_alpha3, cldr_locales

    territories = get_global("zone_territories")
    locales = [Locale.parse(code) for code in cldr_locales()]
    english = Locale.parse("en").time_zones
    cities = []
    for zone, territory in sorted(territories.items()):
        iso3 = alpha2_to_alpha3(territory)
        if zone.startswith(_SKIP_ZONES) or territory in _SKIP_TERRITORIES or iso3 is None:
            continue
        name = (english.get(zone) or {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        names = {(locale.time_zones.get(zone) or {}).get("city") for locale in locales}
        cities.append((zone, iso3, name, {n for n in names if n and n != name}))
    return cities


def add_zone_cities(places: dict[str, Actor]) -> dict[str, Actor]:
    """Merge the zone cities into ``places``: a city already listed gains the CLDR spellings."""
    by_key = {phrase_key(form): pid for pid, p in places.items() for form in (p.name, *p.aliases)}
    for zone, iso3, name, names in zone_cities():
        known = next((by_key[k] for k in map(phrase_key, (name, *names)) if k in by_key), None)
        if known is not None:
            place = places[known]
            extra = tuple(
                n for n in sorted(names | {name}) if n not in (place.name, *place.aliases)
            )
            places[known] = replace(place, aliases=place.aliases + extra)
            continue
        pid = "place:" + re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")
        places[pid] = Actor(
            pid,
            name,
            "place",
            iso3,
            aliases=tuple(sorted(names)),
            source=f"babel/CLDR time zone {zone}",
        )
    return places
