"""Inflection-aware base forms of names, driven by each language pack's ``names.yaml``.

Slavic languages and Hungarian inflect names ("Putina", "Rubiem", "Lavrovval"). The pack lists
suffix rules ``[ending, replacement]`` that *propose* nominative candidates; callers choose
among them with the knowledge base (a candidate that is a known name wins) or with the other
words of the same article (a candidate that occurs there on its own wins). Endings listed as
``oblique`` never end a nominative name, so with no other evidence the first candidate that
removes one is taken. Rules are tried longest ending first, then in file order, so the file
says which replacement to prefer (cs: Irsku -> Irsko before Irska).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import cache, lru_cache

from diplowatch.lang.keys import name_key
from diplowatch.lang.packs import available_languages, load_pack


@cache
def _names_data(lang: str | None) -> dict[str, object]:
    if lang is None or lang not in available_languages():
        return {}
    pack = load_pack(lang)
    if not pack.names.get("suffixes") and pack.fallback:
        return dict(load_pack(pack.fallback).names)
    return dict(pack.names)


@cache
def suffix_rules(lang: str | None) -> tuple[tuple[str, str], ...]:
    """(ending, replacement) pairs of the language, longest ending first."""
    rules = _names_data(lang).get("suffixes") or []
    pairs = dict.fromkeys((str(a), str(b)) for a, b in rules)  # type: ignore[union-attr]
    return tuple(sorted(pairs, key=lambda r: -len(r[0])))  # stable: file order breaks ties


@cache
def _rules_by_ending(lang: str | None) -> tuple[tuple[int, dict[str, list[str]]], ...]:
    """``suffix_rules`` grouped as (ending length, {ending: replacements in file order}),
    longest first: a word is then checked once per length, not once per rule."""
    grouped: dict[int, dict[str, list[str]]] = {}
    for ending, replacement in suffix_rules(lang):
        grouped.setdefault(len(ending), {}).setdefault(ending, []).append(replacement)
    return tuple(sorted(grouped.items(), key=lambda item: -item[0]))


def _matching_rules(lower: str, lang: str | None) -> list[tuple[str, str]]:
    """The ``suffix_rules`` whose ending ``lower`` ends with, in rule order."""
    return [
        (ending, replacement)
        for length, endings in _rules_by_ending(lang)
        if length <= len(lower)
        for ending in (lower[len(lower) - length :],)
        for replacement in endings.get(ending, ())
    ]


@cache
def oblique_endings(lang: str | None) -> tuple[str, ...]:
    """Endings that mark a non-nominative name form, longest first."""
    endings = _names_data(lang).get("oblique") or []
    return tuple(sorted((str(e) for e in endings), key=len, reverse=True))  # type: ignore[union-attr]


@cache
def _oblique_rules(lang: str | None) -> tuple[tuple[str, ...], dict[str, str]]:
    """``oblique_endings`` and, for those a suffix rule has, its first replacement."""
    replacements: dict[str, str] = {}
    for ending, replacement in suffix_rules(lang):
        replacements.setdefault(ending, replacement)
    endings = oblique_endings(lang)
    return endings, {e: replacements[e] for e in endings if e in replacements}


@cache
def person_cues(lang: str | None) -> tuple[tuple[str, ...], frozenset[str]]:
    """(stems, exact words) of the nouns of profession, faith or kinship that stand right
    before a person's name (``person_cues`` in names.yaml; a final ``*`` marks a stem)."""
    return _stems_and_words(lang, "person_cues")


@cache
def group_nouns(lang: str | None) -> tuple[tuple[str, ...], frozenset[str]]:
    """(stems, exact words) of the nouns for a group of people by nation or party
    ("Brytyjczycy", "лейбористы"; ``group_nouns`` in names.yaml): people in the named-entity
    sense, yet no single actor of a contact."""
    return _stems_and_words(lang, "group_nouns")


@cache
def place_cues(lang: str | None) -> tuple[tuple[str, ...], frozenset[str]]:
    """(stems, exact words) of the nouns of a square, street or building whose capitalised
    next words are its name (``place_cues`` in names.yaml, the format of ``person_cues``)."""
    return _stems_and_words(lang, "place_cues")


@cache
def nation_endings(lang: str | None) -> tuple[tuple[str, str], ...]:
    """(ending, ending of the base form) of the nouns for a nation's people, longest first
    (``nation_endings`` in names.yaml: sl "Kitajcev" -> "Kitajci")."""
    pairs = [(str(e), str(b)) for e, b in _names_data(lang).get("nation_endings") or ()]  # type: ignore[union-attr]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def stems_and_words(items: Iterable[object]) -> tuple[tuple[str, ...], frozenset[str]]:
    """(stems, exact words) of a pack word list in which a final * matches any ending."""
    words = [str(w).lower() for w in items]
    stems = tuple(w[:-1] for w in words if w.endswith("*"))
    return stems, frozenset(w for w in words if not w.endswith("*"))


def _stems_and_words(lang: str | None, key: str) -> tuple[tuple[str, ...], frozenset[str]]:
    return stems_and_words(_names_data(lang).get(key) or ())  # type: ignore[arg-type]


@cache
def fleeting_vowels(lang: str | None) -> tuple[str, ...]:
    """Vowels that drop out of a stem when an ending is added (sl Bruselj -> Bruslja)."""
    return tuple(str(v) for v in _names_data(lang).get("fleeting") or ())  # type: ignore[union-attr]


_VOWELS = frozenset("aeiouyáéíóúýěůäöüőűąęаеиоуыэюяіїєёѐѝ")
_DIGRAPHS = ("lj", "nj", "dž", "љ", "њ")


def _with_fleeting(stem: str, vowels: tuple[str, ...]) -> list[str]:
    """``stem`` with a fleeting vowel put back before its last consonant (Zadr -> Zadar)."""
    lower = stem.lower()
    unit = 2 if lower.endswith(_DIGRAPHS[:3]) else 1
    if len(stem) < unit + 2 or lower[-1] in _VOWELS or lower[-unit - 1] in _VOWELS:
        return []
    return [stem[:-unit] + v + stem[-unit:] for v in vowels]


@lru_cache(maxsize=500_000)
def base_candidates(word: str, lang: str | None) -> tuple[str, ...]:
    """Possible nominative forms of ``word``, the word itself first."""
    candidates = [word]
    lower = word.lower()
    vowels = fleeting_vowels(lang)
    for ending, replacement in _matching_rules(lower, lang):
        if len(word) - len(ending) >= 2:
            # "Farage'owi", "George'a": the apostrophe only sets the ending off
            stem = word[: len(word) - len(ending)].removesuffix("'").removesuffix("’")
            candidates.append(stem + (replacement.upper() if stem.isupper() else replacement))
            if vowels and not replacement:
                candidates.extend(_with_fleeting(stem, vowels))
    return tuple(dict.fromkeys(candidates))


def guess_base(word: str, lang: str | None, *, seen: Collection[str] = ()) -> str:
    """Best nominative guess for a word no knowledge-base entry confirms.

    A candidate that occurs elsewhere in the article as a word of its own wins ("Gayle" beside
    "Gaylea"); otherwise an oblique ending is removed by its first rule; otherwise the word
    stays as written.
    """
    for candidate in base_candidates(word, lang)[1:]:
        if candidate in seen:
            return candidate
    return _unseen_base(word, lang)


@lru_cache(maxsize=200_000)
def _unseen_base(word: str, lang: str | None) -> str:
    """``guess_base`` when no candidate occurs in the article (memoised: it does not depend on
    the article)."""
    if word.isupper():
        return word
    lower = word.lower()
    endings, replacements = _oblique_rules(lang)
    if not lower.endswith(endings):
        return word
    for ending in endings:
        # a stem of three letters, or of two before a longer ending (ru Асии -> Асия)
        if lower.endswith(ending) and len(word) - len(ending) >= max(2, 4 - len(ending)):
            return word[: len(word) - len(ending)] + replacements.get(ending, "")
    return word


def guess_name(
    words: Sequence[str],
    lang: str | None,
    *,
    seen: Collection[str] = (),
    given: Collection[str] = (),
) -> list[str]:
    """Nominative guess for an unknown multi-word name ("Janeza Novaka" -> Janez Novak).

    The first name shows the case: when a suffix rule turns it into a known given name (keys
    in ``given``), the same ending is removed from the other words that carry it; the rest
    fall back to ``guess_base``.
    """
    first = words[0]
    if len(words) > 1 and name_key(first) not in given:
        vowels = fleeting_vowels(lang)
        for ending, replacement in _matching_rules(first.lower(), lang):
            if len(first) - len(ending) < 2:
                continue
            stem = first[: len(first) - len(ending)]
            # the vowel the ending dropped first: pl "Jackiem" is Jacek before the English Jack,
            # "Pawłem" is Paweł (no given name "Pawł")
            options = [*(_with_fleeting(stem, vowels) if vowels and not replacement else ()), stem + replacement]
            candidate = next((c for c in options if name_key(c) in given), "")
            if candidate:
                rest = [
                    w[: len(w) - len(ending)]
                    if w.lower().endswith(ending) and len(w) - len(ending) >= 3
                    else guess_base(w, lang, seen=seen)
                    for w in words[1:]
                ]
                return [candidate, *rest]
    return [guess_base(w, lang, seen=seen) for w in words]
