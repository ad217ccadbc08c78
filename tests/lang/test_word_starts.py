"""One scan for a set of word patterns must find what each pattern's own ``finditer`` finds."""

from __future__ import annotations

import re

import pytest

from diplowatch.lang.word_starts import Openers, WordStarts, matches_at, matches_opening_at

PATTERNS = ["met", r"meet\w*", r"\w*gipfel", r"(?:attend|attends)", "talks|talked", "phone call", "Ω"]
TEXTS = [
    "They met, then meeting again; the Gipfeltreffen and the EU-Gipfel followed.",
    "Met at the summit: she attends talks, he talked by phone call (met twice).",
    "Nothing here, metal and helmet are no meetings.",
    "met",
    "ΩΩ Ω ω",
]


def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)


@pytest.mark.parametrize("text", TEXTS)
def test_matches_at_word_starts_equal_finditer(text: str) -> None:
    starts = WordStarts(PATTERNS)
    for start in range(len(text)):
        for end in (len(text), max(start, len(text) - 7)):
            places = starts.find(text, start, end)
            for pattern in map(compiled, PATTERNS):
                expected = [m.span() for m in pattern.finditer(text, start, end)]
                assert [m.span() for m in matches_at(pattern, text, places, start, end)] == expected


def test_openers_leave_out_only_patterns_that_cannot_open_there() -> None:
    openers = Openers(["mt", None, "", "ß"])
    assert openers.at("M") == (0, 1)
    assert openers.at("x") == (1,)
    assert openers.at("ẞ") == (1, 3)  # capital sharp s matches "ß" case-insensitively


@pytest.mark.parametrize("text", TEXTS)
def test_matches_opening_at_equal_finditer(text: str) -> None:
    patterns = [compiled(p) for p in ("met|meet\\w*", "talks|talked", "phone call")]
    openers = Openers(["m", "t", "p"])
    places = WordStarts(PATTERNS).find(text, 0, len(text))
    found = matches_opening_at(patterns, openers, text, places, 0, len(text))
    assert [[m.span() for m in ms] for ms in found] == [
        [m.span() for m in p.finditer(text)] for p in patterns
    ]
