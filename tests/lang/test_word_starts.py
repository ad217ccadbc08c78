"""One scan for a set of word patterns must find what each pattern's own ``finditer`` finds."""

from __future__ import annotations

import re

import pytest

from diplowatch.extract.triggers import _grouped
from diplowatch.lang.dates import _calendar
from diplowatch.lang.packs import available_languages
from diplowatch.lang.word_starts import (
    Openers,
    WordStarts,
    first_char_guard,
    matches_at,
    matches_opening_at,
    opening_letters,
)

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


LETTER_PATTERNS = [
    "met",
    r"meet\w*",
    "phone call",
    "Ω",
    "straße",
    "ſtand",
    "kelvin",
    "İzmir",
    "talks|talked",
    r"(?:attend|attends) (?:the )?\w+",
    r"(?<=za\s)pregovor\w*",
    r"(?:ready|willing)(?: \w+){1,3}",
]
LETTER_TEXTS = [
    *TEXTS,
    "STRASSE, Straße; \u212aelvin and Kelvin; ſtand Stand; izmir İZMİR",
    "Za pregovore, za  pregovor; they attend the talks, ready to go and willing now.",
]


def test_opening_letters_read_groups_alternations_and_lookbehinds() -> None:
    assert opening_letters(r"meet\w*") == "m"
    assert opening_letters("talks|talked") == "tt"
    assert opening_letters(r"(?:setkání|schůzk\w*) s (?:\w+ ){0,2}ministry") == "ss"
    assert opening_letters(r"(?<=za\s)pregovor\w*") == "p"
    assert opening_letters(r"(?:spreman|(?:gotov|hajl)and[oó])(?: \w+){1,3}") == "sgh"
    for pattern in (r"\w*gipfel", "m?et", r"(?:\w+ )?miniszterek", "(?:ab)?c", "(?:ab)*c", "a|e?x", "[ab]c", "(?=a)b"):
        assert opening_letters(pattern) is None, pattern


@pytest.mark.parametrize("text", LETTER_TEXTS)
def test_guarded_word_starts_equal_finditer(text: str) -> None:
    starts = WordStarts(LETTER_PATTERNS)  # all open with known letters: the scan is guarded
    assert "(?=[" in starts._after_gap.pattern
    for start in range(len(text)):
        places = starts.find(text, start, len(text))
        for pattern in map(compiled, LETTER_PATTERNS):
            expected = [m.span() for m in pattern.finditer(text, start, len(text))]
            assert [m.span() for m in matches_at(pattern, text, places, start, len(text))] == expected


def test_first_char_guard_admits_every_character_a_letter_matches() -> None:
    """Case-insensitive matching has odd pairs (Kelvin sign and k, long s and s, dotted I):
    the guard's class must admit every character that the letter itself matches."""
    every = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    firsts = set("abcdefghijklmnopqrstuvwxyzßſı")
    for lang in available_languages():
        cal = _calendar(lang)
        firsts |= {f[0] for forms in (cal.months, cal.weekdays, cal.relative) for f in forms if f}
        firsts |= {p[0] for ps in _grouped(lang).values() for p in ps if p[:1].isalpha()}
    for char in sorted(firsts):
        letter = set(re.findall(re.escape(char), every, re.IGNORECASE))
        guard = set(re.findall(rf"{first_char_guard(char)}.", every, re.IGNORECASE | re.DOTALL))
        assert letter <= guard, char
