"""Common words of a language, from simplemma's lemmatisation dictionaries.

A capitalised word whose lower-case form is a dictionary word of the article's language
("Nejvyšší", "Съд", "Unia") is more likely the start of an institution's name or a
sentence-like headline than part of a person's name, while foreign names ("Bibi", "Rizví",
"Ризви") are in no dictionary. The unknown-people finder uses this as a shape check for
names that no title, cue or given name introduces. Dictionaries load on first use per
language (and only for articles that have such a capitalised run).
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from array import array
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path

from diplowatch.cache import cached

# Languages without a dictionary of their own that share one (Serbo-Croatian).
_DICTIONARY_OF = {"hr": "hbs", "sr": "hbs", "bs": "hbs", "me": "hbs"}


@lru_cache(maxsize=64)
def has_dictionary(lang: str | None) -> bool:
    """simplemma ships a dictionary for the language (no dictionary: no evidence either way)."""
    if lang is None:
        return False
    return _dictionary_file(_DICTIONARY_OF.get(lang, lang)).is_file()


def _dictionary_file(code: str) -> Path:
    """simplemma's file for a language, found without importing simplemma (slow to import)."""
    spec = importlib.util.find_spec("simplemma")
    assert spec is not None and spec.origin is not None  # a dependency of diplowatch
    return Path(spec.origin).parent / "strategies" / "dictionaries" / "data" / f"{code}.plzma"


_LATIN = re.compile(r"[a-z]")


@lru_cache(maxsize=64)
def prepare(lang: str | None) -> None:
    """Load the dictionaries ``is_common_word`` needs for ``lang`` (its own and English) now:
    callers do this at a language's first article, so the one-off load (up to a few seconds)
    does not land in the middle of a run of articles (or of a timed benchmark)."""
    if has_dictionary(lang):
        _common_forms(_DICTIONARY_OF.get(lang or "", lang or ""))
        _common_forms("en")


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


@lru_cache(maxsize=200_000)
def is_own_word(word: str, lang: str | None) -> bool:
    """The lower-case form of ``word`` is a common word of the language's own dictionary,
    English aside: pl "May" is a name even though English "may" is a word.

    Memoised like ``is_common_word``: the unknown-people finder asks it of every capitalised
    run, and each answer is a binary search stepping through the blob in Python."""
    return has_dictionary(lang) and _common_in(word.lower(), _DICTIONARY_OF.get(lang or "", lang or ""))


def _common_in(lower: str, code: str) -> bool:
    """``lower`` is a form of a lower-case lemma in the dictionary of ``code``."""
    blob, offsets = _common_forms(code)
    key = lower.encode("utf-8")
    lo, hi = 0, len(offsets) - 1  # offsets[i]: start of form i; offsets[-1]: end of the blob
    while lo < hi:
        mid = (lo + hi) // 2
        form = blob[offsets[mid] : offsets[mid + 1] - 1]
        if form == key:
            return True
        if form < key:
            lo = mid + 1
        else:
            hi = mid
    return False


@cache
def _common_forms(code: str) -> tuple[bytes, array[int]]:
    """``_build_forms(code)``, pickled between runs (decoding a dictionary takes seconds)."""
    files = [_dictionary_file(code), Path(__file__)]
    return cached(f"forms-{code}", files, lambda: _build_forms(code))


def _build_forms(code: str) -> tuple[bytes, array[int]]:
    """The lower-case forms of lower-case lemmas of a simplemma dictionary, sorted, as one
    newline-separated blob and the offsets of its forms.

    simplemma keeps a dictionary as a dict of millions of small objects (pl: ~400 MB); held
    for the process's life, they slowed the whole pipeline by ~20% (``diplowatch bench
    pipeline``: the same drop with the dictionaries merely loaded and never used). Two flat
    objects answer the one question asked here, by binary search.
    """
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    forms = sorted(
        key
        for key, lemma in _load_dictionary_from_disk(code).items()
        if _lower_case(key) and not _capitalised(lemma)
    )
    offsets = array("Q", accumulate((len(f) + 1 for f in forms), initial=0))
    return b"\n".join(forms) + b"\n", offsets


def _lower_case(form: bytes) -> bool:
    text = form.decode("utf-8", "replace")
    return text == text.lower()


def _capitalised(lemma: bytes) -> bool:
    return lemma[:4].decode("utf-8", "ignore")[:1].isupper()
