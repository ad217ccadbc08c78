"""Common words of a language, from simplemma's lemmatisation dictionaries.

A capitalised word whose lower-case form is a dictionary word of the article's language
("Nejvyšší", "Съд", "Unia") is more likely the start of an institution's name or a
sentence-like headline than part of a person's name, while foreign names ("Bibi", "Rizví",
"Ризви") are in no dictionary. The unknown-people finder uses this as a shape check for
names that no title, cue or given name introduces. Dictionaries load on first use per
language (and only for articles that have such a capitalised run).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Languages without a dictionary of their own that share one (Serbo-Croatian).
_DICTIONARY_OF = {"hr": "hbs", "sr": "hbs", "bs": "hbs", "me": "hbs"}


@lru_cache(maxsize=64)
def has_dictionary(lang: str | None) -> bool:
    """simplemma ships a dictionary for the language (no dictionary: no evidence either way)."""
    if lang is None:
        return False
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return _DICTIONARY_OF.get(lang, lang) in SUPPORTED_LANGUAGES


_LATIN = re.compile(r"[a-z]")


@lru_cache(maxsize=200_000)
def is_common_word(word: str, lang: str | None) -> bool:
    """The lower-case form of ``word`` is a form of a common (lower-case) dictionary word of
    the language, or, for a word in Latin letters, of English: English names of bodies and
    media stand in articles of every language ("Human Rights Watch", "Supreme Court").

    The dictionaries also hold proper names (cs "asii" -> "Asie"); a word whose lemma is
    capitalised is a name, not a common word.
    """
    if not has_dictionary(lang):
        return False
    lower = word.lower()
    codes = [_DICTIONARY_OF.get(lang or "", lang or "")]
    if lang != "en" and _LATIN.match(unicodedata.normalize("NFD", lower)):
        codes.append("en")
    return any(_common_in(lower, code) for code in codes)


def _common_in(lower: str, code: str) -> bool:
    import simplemma

    if not simplemma.is_known(lower, code):
        return False
    lemma = simplemma.lemmatize(lower, code)
    return not lemma[:1].isupper()
