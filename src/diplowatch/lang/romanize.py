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
def _tables(lang: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """The letters of ``lang`` and those spelled differently at the start of a word
    (Ukrainian "є" -> "ie", "Є" -> "Ye"); empty when the language has no table."""
    if lang is None or lang not in available_languages():
        return {}, {}
    data = load_pack(lang).language
    return tuple(  # type: ignore[return-value]
        {str(k): str(v) for k, v in (data.get(key) or {}).items()}
        for key in ("romanization", "romanization_initial")
    )


def romanize(name: str, lang: str | None) -> str:
    """``name`` in Latin letters by ``lang``'s table; unchanged when it has none or when the
    name is already Latin."""
    table, initials = _tables(lang)
    if not table or not any(ch.lower() in table for ch in name):
        return name
    out = []
    for i, ch in enumerate(name):
        lower = ch.lower()
        at_start = i == 0 or not name[i - 1].isalpha()
        latin = initials.get(lower) if at_start else None
        if latin is None:
            latin = table.get(lower)
        if latin is None:
            out.append(ch)
            continue
        if ch.isupper() and latin:  # "Щ" -> "Sht", "Я" -> "Ya": only the first letter is upper
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)
