"""The words of a sentence with offsets, the unit the actor finders work on.

Words are kept as parallel lists rather than one object per word: building ~600 word objects
per article cost more than the mention finder's own work (bench/pipeline.py), while the lists
come from C-level ``re.split``, ``accumulate``, ``map`` and slicing without a Python step per
word or per sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

from diplowatch.cache import cached
from diplowatch.model import Sentence

_WORD_SHAPE = "([{letter}]+(?:['’.][{letter}]+)*)"
_LETTER = r"^\W\d_"
_WORD = re.compile(_WORD_SHAPE.format(letter=_LETTER))
_FIRST = itemgetter(0)
# Zero-width spaces (web copy puts them between words: "Тереза \u200b\u200bМей") are spaces.
ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_RARE = re.compile("[\u200b\u2060\ufeff\U00010000-\U0010ffff]")  # ZERO_WIDTH or _ASTRAL: one scan for both


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


def sentence_words(text: str, sentences: Sequence[Sentence]) -> list[Words]:
    """The words of each sentence (sentences in text order).

    The article is split once and each sentence takes slices of the lists: one ``re.split``
    with the word pattern captured alternates gaps and words, so running sums of the part
    lengths are the offsets of every word. A word that crosses a sentence boundary (a
    sentence glued to the next, "Otavi.Danes") is cut there, so the words are those of each
    sentence alone.
    """
    if not sentences:
        return []
    first, last = sentences[0].start, sentences[-1].end
    rare = _RARE.search(text, first, last)
    astral = rare is not None and _ASTRAL.search(text, first, last) is not None
    parts = (_WORD if astral else _bmp_word()).split(text[first:last])
    offsets = list(accumulate(map(len, parts), initial=first))
    word = parts[1::2]
    start = offsets[1:-1:2]
    end = offsets[2::2]
    gap = parts[0:-1:2]
    if rare is not None and ZERO_WIDTH.search(text, first, last):
        gap = [_visible(g) for g in gap]
    _split_glued(text, sentences, word, start, end, gap)
    lower = list(map(str.lower, word))
    cap = list(map(str.isupper, map(_FIRST, word)))
    found = []
    i = 0
    for sent in sentences:
        i = bisect_left(start, sent.start, i)
        j = bisect_left(start, sent.end, i)
        gaps = gap[i:j]
        if gaps:
            gaps[0] = text[sent.start : start[i]]
        found.append(Words(start[i:j], end[i:j], word[i:j], lower[i:j], cap[i:j], gaps))
        i = j
    return found


@cache
def _bmp_word() -> re.Pattern[str]:
    """``_WORD`` for text of the Basic Multilingual Plane, its letter class spelt out as the
    ranges of the letters there (pickled between runs: finding them takes ~13 ms).

    The engine tests ``[^\\W\\d_]`` by looking each character up in three Unicode categories,
    a spelt-out class by one bitmap lookup: the split of an article is about 2.5 times as fast.
    A bitmap covers only that plane, so text with a character beyond it keeps ``_WORD``."""
    return re.compile(_WORD_SHAPE.format(letter=cached("bmp-letters", [Path(__file__)], _bmp_letters)))


def _bmp_letters() -> str:
    """The characters of the Basic Multilingual Plane that ``[^\\W\\d_]`` matches, as the
    inside of a character class of ranges."""
    plane = "".join(map(chr, range(0x10000)))
    runs = (m.span() for m in re.finditer(f"[{_LETTER}]+", plane))
    return "".join(
        re.escape(plane[a]) if b - a == 1 else f"{re.escape(plane[a])}-{re.escape(plane[b - 1])}" for a, b in runs
    )


def _visible(gap: str) -> str:
    """A gap read without its zero-width spaces: one space if only spaces remain."""
    seen = ZERO_WIDTH.sub("", gap)
    return " " if seen != gap and not seen.strip() else seen


def _split_glued(
    text: str,
    sentences: Sequence[Sentence],
    word: list[str],
    start: list[int],
    end: list[int],
    gap: list[str],
) -> None:
    """Cut, in place, the words that run over a sentence end ("Kureši.Islamisti"): the part
    before the mark ends the sentence, the mark is the next part's gap. Rare, so lists are
    patched rather than the split done per sentence."""
    for sent in sentences[:-1]:
        k = bisect_left(end, sent.end)
        if k >= len(word) or not start[k] < sent.end < end[k]:
            continue
        cut, first = sent.end - start[k], word[k]
        head = first[:cut].rstrip(".!?…")
        tail_start = start[k] + cut
        word[k : k + 1] = [head, first[cut:]]
        start[k : k + 1] = [start[k], tail_start]
        end[k : k + 1] = [start[k] + len(head), end[k]]
        gap[k + 1 : k + 1] = [text[start[k] + len(head) : tail_start]]
