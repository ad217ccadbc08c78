"""Offline language identification for articles and paragraphs.

py3langid ships its model in the wheel. It is restricted to the languages we have packs for,
then corrected by letters only one language of a script uses (language.yaml ``letters``:
Bulgarian ъ, Serbian ђ ћ џ, Macedonian ќ ѓ ѕ, Slovene has no ć/đ, ...), which settles the
close pairs the statistical model confuses on short text.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from diplowatch.lang.packs import available_languages, load_pack

MIN_CHARS = 40  # below this, py3langid labels are noise (TOOLKIT.md)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid.langid as langid

    identifier = langid._load_identifier(norm_probs=True)
    known = set(identifier.nb_classes)
    identifier.set_languages([c for c in available_languages() if c in known] or None)
    return identifier


@lru_cache(maxsize=1)
def _letter_rules() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    rules = {}
    for code in available_languages():
        letters = load_pack(code).language.get("letters") or {}
        rules[code] = (frozenset(letters.get("own", "")), frozenset(letters.get("foreign", "")))
    return rules


def _adjust(text: str, ranked: list[tuple[str, float]]) -> str:
    """Among the top candidates, drop those whose foreign letters occur; prefer own letters."""
    chars = Counter(text.lower())
    rules = _letter_rules()
    allowed = [
        code
        for code, _score in ranked[:4]
        if not any(chars[c] for c in rules.get(code, (frozenset(), frozenset()))[1])
    ]
    for code in allowed:
        if any(chars[c] for c in rules.get(code, (frozenset(), frozenset()))[0]):
            return code
    return allowed[0] if allowed else ranked[0][0]


def detect_language(text: str, *, hint: str | None = None) -> str | None:
    """Return the language code of ``text``, or ``hint`` when the text is too short to tell."""
    if len(text.strip()) < MIN_CHARS:
        return hint
    ranked = _identifier().rank(text)
    return _adjust(text, ranked)
