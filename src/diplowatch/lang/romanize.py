"""Latin spellings of names the knowledge base does not know, by the language's own system.

Gold and analysts write people in their English (Wikipedia) form, which for Cyrillic names
follows the romanisation of the person's language: Bulgarian "Фандъкова" is "Fandakova"
(ъ -> a), Ukrainian "Гончаренко" is "Honcharenko" (г -> h), Russian "Хабаров" is "Khabarov".
A generic transliteration gets those letters wrong, so each language pack lists its letters
(``language.yaml`` ``romanization``); a language without the table keeps the name as written.
"""

from __future__ import annotations

from functools import cache

from diplowatch.lang.packs import available_languages, load_pack


@cache
def _table(lang: str | None) -> dict[str, str]:
    if lang is None or lang not in available_languages():
        return {}
    table = load_pack(lang).language.get("romanization") or {}
    return {str(k): str(v) for k, v in table.items()}


def romanize(name: str, lang: str | None) -> str:
    """``name`` in Latin letters by ``lang``'s table; unchanged when it has none or when the
    name is already Latin."""
    table = _table(lang)
    if not table or not any(ch.lower() in table for ch in name):
        return name
    out = []
    for i, ch in enumerate(name):
        lower = ch.lower()
        latin = table.get(lower)
        if latin is None:
            out.append(ch)
            continue
        if ch.isupper() and latin:  # "Щ" -> "Sht", "Я" -> "Ya": only the first letter is upper
            latin = latin[0].upper() + latin[1:]
        start = i == 0 or not name[i - 1].isalpha()
        if start and lower in _table_initials(lang):
            latin = _table_initials(lang)[lower]
            latin = latin[0].upper() + latin[1:] if ch.isupper() else latin
        out.append(latin)
    return "".join(out)


@cache
def _table_initials(lang: str | None) -> dict[str, str]:
    """Letters spelled differently at the start of a word (Ukrainian "Є" -> "Ye", "є" -> "ie")."""
    if lang is None or lang not in available_languages():
        return {}
    table = load_pack(lang).language.get("romanization_initial") or {}
    return {str(k): str(v) for k, v in table.items()}
