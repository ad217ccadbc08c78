"""Script- and spelling-independent keys for names, so Putin = Putyin = Путин = Putinu's stem.

The key transliterates to ASCII (anyascii, ISC licence), lower-cases, and folds the spelling
differences of the target languages' transliteration traditions (sh/š/sz, ch/č/cs, zh/ž/zs,
kh/h, ts/c, j/y/i, w/v, gy/d, ty/t before a vowel, doubled letters). Keys are for lookup only;
the KB decides which candidate is a real person, so a fold may be generous without merging
people who are listed apart (Zaharova vs Zaharov keep different endings).
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_FOLDS = (
    ("szcz", "shch"),
    ("shch", "sc"),
    ("sch", "s"),
    ("sz", "s"),
    ("cs", "c"),
    ("zs", "z"),
    ("gy", "d"),
    ("ty", "t"),
    ("ny", "n"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "z"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("dj", "d"),
    ("dz", "d"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("x", "ks"),
    ("q", "k"),
    ("ph", "f"),
    ("ck", "k"),
)
_NON_LETTER = re.compile(r"[^a-z]+")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Fold one name or word to its lookup key ('Vlagyimir' -> 'vladimir', 'Путин' -> 'putin')."""
    key = _NON_LETTER.sub("", anyascii(text).lower())
    for old, new in _FOLDS:
        key = key.replace(old, new)
    key = _DOUBLE.sub(r"\1", key)
    return key.replace("ii", "i")


_WORD_BREAK = re.compile(r"[\s\-–—]+")


@lru_cache(maxsize=200_000)
def phrase_key(text: str) -> str:
    """Key of a multi-word name: word keys joined by single spaces (memoised like ``name_key``:
    the pairing and unknown-name checks key the same aliases over and over)."""
    return " ".join(k for k in (name_key(w) for w in _WORD_BREAK.split(text)) if k)
