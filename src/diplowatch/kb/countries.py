"""Countries as actors, with their names in every target language and their adjectives.

Standard names come from pycountry (English) and babel/CLDR (each language pack's own names,
``Rusija``, ``Oroszország``, ``Россия``); what they lack (short forms such as ZDA, SAD, США and
the adjective stems ruski, ameriški, orosz) comes from ``lexicons/<lang>/demonyms.tsv``.
Everything is read lazily and cached; the country actors are pickled between runs
(``cache.cached``), as reading CLDR's territory names took a third of a one-article command.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

from diplowatch.cache import cached
from diplowatch.kb import actors
from diplowatch.kb.actors import Actor
from diplowatch.lang.memo import lookup_all
from diplowatch.lang.packs import available_languages, load_pack, pack_folder

# Codes CLDR uses that pycountry does not know (user-assigned Kosovo).
_MAX_ENDING = 5  # letters an adjective ending adds to its stem (sl "ameriškega" = "amerišk" + "ega")
_EXTRA_ALPHA2 = {"XK": ("XKX", "Kosovo")}
# babel locales that add a second script of one pack language.
_EXTRA_LOCALES = {"sr": ("sr_Latn",), "bs": ("bs_Cyrl",)}


@lru_cache(maxsize=1)
def _alpha2_to_country() -> dict[str, tuple[str, str]]:
    import pycountry  # imported on first use: a command that needs no country starts sooner

    table = {
        c.alpha_2: (c.alpha_3, getattr(c, "common_name", None) or c.name)
        for c in pycountry.countries
    }
    table.update(_EXTRA_ALPHA2)
    return table


def alpha2_to_alpha3(code: str) -> str | None:
    """ISO3 for an ISO alpha-2 code (XK -> XKX), None when unknown."""
    entry = _alpha2_to_country().get(code)
    return entry[0] if entry else None


def cldr_locales() -> list[str]:
    """babel locales of the available languages (with a second script where one exists);
    a pack language CLDR does not know (Montenegrin, ``me``) contributes none."""
    from babel import localedata

    return [
        loc
        for lang in available_languages()
        for loc in (lang, *_EXTRA_LOCALES.get(lang, ()))
        if localedata.exists(loc)
    ]


@lru_cache(maxsize=1)
def country_actors() -> dict[str, Actor]:
    """ISO3 -> country actor whose aliases are its names in all available languages."""
    return cached("countries", _country_sources(), _build_country_actors)


def _country_sources() -> list[Path]:
    """What the country actors are built from: this code and the actors', the packs' demonyms
    and the installed pycountry and babel (an upgrade rewrites their ``__init__``)."""
    files = [Path(__file__), Path(actors.__file__)]
    for module in ("pycountry", "babel"):
        spec = importlib.util.find_spec(module)
        assert spec is not None and spec.origin is not None  # dependencies of diplowatch
        files.append(Path(spec.origin))
    for code in available_languages():
        folder = pack_folder(code)
        files += [f for f in (folder / "language.yaml", folder / "demonyms.tsv") if f.is_file()]
    return files


def _build_country_actors() -> dict[str, Actor]:
    import pycountry
    from babel import Locale, UnknownLocaleError

    names: dict[str, set[str]] = {}
    alpha2 = _alpha2_to_country()
    for country in pycountry.countries:
        forms = names.setdefault(country.alpha_3, set())
        forms.update({country.name, getattr(country, "common_name", country.name)})
    names.setdefault("XKX", set()).add("Kosovo")
    for lang in available_languages():
        for locale in (lang, *_EXTRA_LOCALES.get(lang, ())):
            try:
                territories = Locale.parse(locale).territories
            except (UnknownLocaleError, ValueError):
                continue
            for code, name in territories.items():
                if code in alpha2:
                    names.setdefault(alpha2[code][0], set()).add(name)
        for iso3, forms in load_pack(lang).demonyms.items():
            names.setdefault(iso3, set()).update(f for f in forms if not f.endswith("*"))
    english = {iso3: name for iso3, name in alpha2.values()}
    return {
        iso3: Actor(
            id=iso3,
            name=english.get(iso3, iso3),
            kind="country",
            country=iso3,
            aliases=tuple(sorted(forms)),
            source="pycountry + babel/CLDR + lexicons/*/demonyms.tsv",
        )
        for iso3, forms in names.items()
    }


def country_name(iso3: str) -> str:
    """English short name of a country ('RUS' -> 'Russia'); the code itself when unknown."""
    actor = country_actors().get(iso3)
    return actor.name if actor else iso3


@cache
def demonym_stems(lang: str | None) -> dict[str, str]:
    """Lower-cased adjective stem -> ISO3 for one language ('rusk' -> 'RUS')."""
    if lang is None or lang not in available_languages():
        return {}
    stems: dict[str, str] = {}
    for iso3, forms in load_pack(lang).demonyms.items():
        for form in forms:
            if form.endswith("*"):
                stems[form[:-1].lower()] = iso3
    return stems


@cache
def _demonym_memo(lang: str | None) -> dict[str, str]:
    """Word -> ISO3 of the country it is an adjective of ("" for none), per language: every
    word of every sentence is looked up, and the words of news repeat."""
    return {}


def demonym_country(word: str, lang: str | None) -> str | None:
    """ISO3 of the country an adjective refers to ('ameriškega' -> 'USA'), else None."""
    found = _demonym_memo(lang).get(word)
    if found is None:
        found = demonym_countries((word,), lang)[0]
    return found or None


def demonym_countries(words: Sequence[str], lang: str | None) -> list[str]:
    """``demonym_country`` of each word ("" for none), memoised per language."""
    return lookup_all(_demonym_memo(lang), words, lambda word: _stem_country(word.lower(), lang))


@cache
def _stem_openings(lang: str | None) -> frozenset[str]:
    """First two letters of every adjective stem: a word opening with none of them has no country."""
    return frozenset(stem[:2] for stem in demonym_stems(lang))


def _stem_country(lower: str, lang: str | None) -> str:
    """The country of the longest known stem that ``lower`` is, less an ending of up to
    ``_MAX_ENDING`` letters (and at least two letters of stem)."""
    stems = demonym_stems(lang)
    if stems and lower[:2] in _stem_openings(lang):
        for cut in range(len(lower), max(len(lower) - _MAX_ENDING, 2) - 1, -1):
            iso3 = stems.get(lower[:cut])
            if iso3:
                return iso3
    return ""


@cache
def local_country_names(lang: str | None) -> frozenset[str]:
    """Case-folded country names of one language (CLDR plus its demonyms.tsv nouns), to tell
    a country name from an adjective of the same stem (cs "Polsku" vs sl "Ruska")."""
    return frozenset(local_country_codes(lang))


@cache
def local_country_codes(lang: str | None) -> dict[str, str]:
    """``local_country_names`` with the ISO3 code (or CLDR region code) of each."""
    if lang is None or lang not in available_languages():
        return {}
    return _local_country_codes()[lang]


@lru_cache(maxsize=1)
def _local_country_codes() -> dict[str, dict[str, str]]:
    """``local_country_codes`` of every language, pickled like the country actors: reading
    CLDR's territory names for the article's language cost a one-article command ~40 ms."""
    languages = available_languages()
    return cached("country-names", _country_sources(), lambda: {lang: _read_local_codes(lang) for lang in languages})


def _read_local_codes(lang: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    names: dict[str, str] = {}
    for locale in (lang, *_EXTRA_LOCALES.get(lang, ())):
        try:
            territories = Locale.parse(locale).territories
        except (UnknownLocaleError, ValueError):
            continue
        names.update((n.casefold(), alpha2_to_alpha3(code) or code) for code, n in territories.items())
    for iso3, forms in load_pack(lang).demonyms.items():
        names.update((f.casefold(), iso3) for f in forms if not f.endswith("*"))
    return names
