"""Nouns for a nation's people ("Kitajci", "Slovencev", "Pakistanci") found by their shape.

The BSNLP guidelines count such nouns as people, and languages form them from the country's
name with a few endings, so listing every nation in every case is not needed: a capitalised
word is one when, less one of the language's ``nation_endings`` (names.yaml), it is most of a
country name of the language ("Kitaj" of Kitajska, "Italij" of Italija) while no candidate
base form of it is a country name itself ("Indiji" is Indija) and the stem is no adjective's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diplowatch.kb.countries import local_country_codes
from diplowatch.lang.names import base_candidates, nation_endings

_MIN_STEM = 4
_MAX_REST = 3  # letters of the country name after the stem: Kitaj|ska, Sloven|ija
# an adjective's suffix before an ending of up to three letters: sl "Kitajski", hr "Hrvatske"
_ADJECTIVE = re.compile(r"(?:sk|šk|čk|ck)\w{0,3}$")


@lru_cache(maxsize=100_000)
def nation_noun(word: str, lang: str | None) -> tuple[str, str] | None:
    """(code of the country, base form) when ``word`` is a noun for a country's people (see
    the module docstring); the BSNLP data links such nouns to the country itself."""
    endings = nation_endings(lang)
    if not endings or not word[:1].isupper():
        return None
    names = local_country_codes(lang)
    lower = word.casefold()
    if _ADJECTIVE.search(lower, len(lower) - 5) or any(c.casefold() in names for c in base_candidates(word, lang)):
        return None
    for ending, base in endings:
        stem = lower.removesuffix(ending)
        if stem == lower or len(stem) < _MIN_STEM:
            continue
        for name in names:
            if name.startswith(stem) and len(name) - len(stem) <= _MAX_REST and " " not in name:
                return names[name], word[: len(stem)] + base
    return None
