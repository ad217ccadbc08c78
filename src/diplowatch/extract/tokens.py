"""The words of a sentence with offsets, the unit the actor finders work on.

Words are kept as parallel lists rather than one object per word: building ~600 word objects
per article cost more than the mention finder's own work (bench/pipeline.py), while the lists
come from C-level ``re.split``, ``accumulate`` and ``map`` without a Python step per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from diplowatch.model import Sentence

_WORD = re.compile(r"([^\W\d_]+(?:['’.][^\W\d_]+)*)", re.UNICODE)
_FIRST = itemgetter(0)


@dataclass(slots=True)
class Words:
    """Word ``i`` of a sentence is ``word[i]`` at ``text[start[i]:end[i]]``; ``gap[i]`` is the
    text between it and the word before (or the sentence start); word 0 starts the sentence."""

    start: list[int]
    end: list[int]
    word: list[str]
    lower: list[str]
    cap: list[bool]
    gap: list[str]

    def __len__(self) -> int:
        return len(self.word)


def split_words(text: str, sent: Sentence) -> Words:
    """The words of one sentence.

    ``re.split`` with the word pattern captured alternates gaps and words, so running sums of
    the part lengths are the offsets of every word.
    """
    parts = _WORD.split(text[sent.start : sent.end])
    offsets = list(accumulate(map(len, parts), initial=sent.start))
    words = parts[1::2]
    return Words(
        start=offsets[1:-1:2],
        end=offsets[2::2],
        word=words,
        lower=list(map(str.lower, words)),
        cap=list(map(str.isupper, map(_FIRST, words))),
        gap=parts[0:-1:2],
    )
