"""Initials before a person's name ("T. May", "Д.Туск", "J. C. Juncker").

News abbreviates first names to initials; the BSNLP annotation takes the initials as part of
the person's mention, and without them the tokenizer's one word "Д.Туск" names nobody. The
name after the initials is looked up as usual; these helpers only split off or take in the
initials, so a capital followed by a stop is never a person by itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

from diplowatch.model import Mention

# Glued to the name in one word: "Б.Джонсон", "K.Jacobs" (the tokenizer keeps inner stops).
_GLUED = re.compile(r"((?:[^\W\d_a-zа-яё]\.)+)([^\W\d_]{2,})")
# Before the name with a space: "T. May", "J. C. Juncker".
_SPACED = re.compile(r"(?<![\w.])(?:[^\W\d_]\. ?){1,3}$")
_REACH = 8  # characters before a name that can hold up to three spaced initials


def split_glued(word: str) -> tuple[str, str] | None:
    """(initials, name) of a word that is capital initials glued to a name, else None."""
    match = _GLUED.fullmatch(word)
    if match is None or not match.group(1).isupper():
        return None
    return match.group(1), match.group(2)


def with_initials(text: str, mention: Mention, floor: int) -> Mention:
    """``mention`` widened to capital initials right before it (not before ``floor``, the
    sentence start), its base form keeping them as the annotation does ("T. May")."""
    start = mention.start
    match = _SPACED.search(text, max(floor, start - _REACH), start)
    if match is None or not match.group().replace(".", "").replace(" ", "").isupper():
        return mention
    initials = text[match.start() : start]
    base = mention.base or mention.text
    return replace(mention, start=match.start(), text=text[match.start() : mention.end], base=initials + base)
