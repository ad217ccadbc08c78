"""Find words that signal a contact event, from the language pack's ``triggers.yaml``.

``triggers.yaml`` maps a mode (phone, meet, visit, host, multilateral, unspecified) to regular
expression fragments matched case-insensitively on word boundaries. An entry is either a
pattern, or ``{pattern: ..., status: ...}`` when the form itself carries a status (Bulgarian
present "разговарят по телефона" is habitual, "неявяване" is a visit that did not happen).
Languages with a ``fallback`` (bs -> hr) use their own patterns and the fallback's. Patterns
are compiled once per language and cached.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from diplowatch.lang.packs import available_languages, load_pack_chain
from diplowatch.model import MODES, STATUSES

_ANY_WORD = "\\w*"  # a pattern opening with it matches inside a word: "\w*gipfel"
_QUANTIFIERS = ("?", "*", "+", "{")


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str
    mode: str
    rule: str
    status: str | None = None  # a status the trigger form itself carries


def _entry(item: Any, where: str) -> tuple[str, str | None]:
    if isinstance(item, str):
        return item, None
    if isinstance(item, dict) and isinstance(item.get("pattern"), str):
        status = item.get("status")
        if status is not None and status not in STATUSES:
            raise ValueError(f"{where}: unknown status {status!r}")
        return item["pattern"], status
    raise ValueError(f"{where}: expected a pattern or {{pattern, status}}, got {item!r}")


@cache
def _grouped(lang: str) -> dict[tuple[str, str | None], list[str]]:
    """The trigger patterns of ``lang`` per (mode, status), in pack order."""
    grouped: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    if lang not in available_languages():
        return grouped
    for pack in load_pack_chain(lang):
        for mode, items in pack.triggers.items():
            if mode not in MODES:
                continue
            for item in items or []:
                pattern, status = _entry(item, f"{pack.code}/triggers.yaml:{mode}")
                grouped[(mode, status)].append(pattern)
    return grouped


@cache
def compile_triggers(lang: str) -> tuple[tuple[str, str | None, re.Pattern[str]], ...]:
    """One alternation per (mode, status) for ``lang`` (empty when it has no triggers)."""
    return tuple(
        (
            mode,
            status,
            re.compile(
                rf"(?<!\w)(?:{'|'.join(f'(?:{p})' for p in patterns)})(?!\w)", re.IGNORECASE
            ),
        )
        for (mode, status), patterns in _grouped(lang).items()
    )


class _Openers:
    """Which of the (mode, status) alternations may match at a word starting with a letter.

    Most trigger patterns open with a literal letter, so at a candidate position only the
    few alternations holding a pattern that opens with that letter (case-insensitively) are
    tried. The answer per character is worked out by the regex engine once and kept.
    """

    def __init__(self, alternations: list[list[str]]) -> None:
        self._classes = [_opening_letters(patterns) for patterns in alternations]
        self._by_char: dict[str, tuple[int, ...]] = {}

    def at(self, char: str) -> tuple[int, ...]:
        """Indexes (in ``compile_triggers`` order) of the alternations that may open with ``char``."""
        found = self._by_char.get(char)
        if found is None:
            found = tuple(
                index
                for index, letters in enumerate(self._classes)
                if letters is None or letters.fullmatch(char)
            )
            self._by_char[char] = found
        return found


def _opening_letters(patterns: list[str]) -> re.Pattern[str] | None:
    """The letters ``patterns`` open with, as a case-insensitive class; None when one of them
    may open otherwise (a group, a class, ``\\w*``, an optional letter)."""
    if not all(_opens_with_letter(p) for p in patterns):
        return None
    return re.compile(f"[{''.join(sorted({p[0] for p in patterns}))}]", re.IGNORECASE)


def _opens_with_letter(pattern: str) -> bool:
    return (
        pattern[:1].isalpha()
        and pattern[1:2] not in _QUANTIFIERS
        and not _has_top_level_bar(pattern)
    )


@cache
def _openers(lang: str) -> _Openers:
    return _Openers(list(_grouped(lang).values()))


@cache
def _any_trigger(lang: str) -> WordStarts | None:
    """Where any trigger pattern starts: most sentences hold no trigger and need one scan only."""
    patterns = [p for alternation in _grouped(lang).values() for p in alternation]
    return WordStarts(patterns) if patterns else None


class WordStarts:
    """Every position at a word start where one of ``patterns`` matches (case-insensitively),
    found in one scan: the only places a single pattern's ``finditer`` can match.

    The scan looks for a non-word character followed by a pattern, so the regex engine skips
    the letters inside words with its own character-set loop instead of trying each of them;
    the span's first position, which has no such character inside the span, is tried alone.
    The patterns are a lookahead, so overlapping starts are all found.
    """

    __slots__ = ("_after_gap", "_first")

    def __init__(self, patterns: list[str]) -> None:
        alternation = _by_first_letter(patterns)
        self._first = re.compile(rf"(?<!\w)(?=(?:{alternation}))", re.IGNORECASE)
        self._after_gap = re.compile(rf"\W(?=(?:{alternation}))", re.IGNORECASE)

    def find(self, text: str, start: int, end: int) -> list[int]:
        """Start offsets in text[start:end], in order."""
        found = [start] if self._first.match(text, start, end) else []
        found += [m.end() for m in self._after_gap.finditer(text, start, end)]
        return found


def _by_first_letter(patterns: list[str]) -> str:
    """The alternation of ``patterns`` with a leading literal letter factored out
    ("m(?:(?:et)|(?:eet\\w*))"): a word start then costs one test per letter, not per pattern.
    Patterns that open with ``\\w*`` ("\\w*gipfel") share one such run, so a word is read
    once for all of them, not once each. Patterns that open otherwise (a group, a class, an
    optional letter) stay as they are."""
    grouped: dict[str, list[str]] = defaultdict(list)
    rest: list[str] = []
    for p in patterns:
        if _has_top_level_bar(p):
            rest.append(p)
        elif p.startswith(_ANY_WORD) and p[3:4] not in _QUANTIFIERS:
            grouped[_ANY_WORD].append(p[3:])
        elif _opens_with_letter(p):
            grouped[p[0]].append(p[1:])
        else:
            rest.append(p)
    branches = [
        f"{first}(?:{_by_first_letter(tails) if first == _ANY_WORD else _plain(tails)})"
        for first, tails in grouped.items()
    ]
    return "|".join(branches + [f"(?:{p})" for p in rest])


def _plain(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _has_top_level_bar(pattern: str) -> bool:
    """True when ``pattern`` is an alternation at its outer level ("met|meet")."""
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def find_triggers(text: str, start: int, end: int, *, lang: str) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], earliest and longest first."""
    screen = _any_trigger(lang)
    if screen is None:
        return []
    candidates = screen.find(text, start, end)
    if not candidates:
        return []
    found = []
    alternations, openers = compile_triggers(lang), _openers(lang)
    free = [start] * len(alternations)  # what each one's ``finditer`` would yield, tried only here
    for at in candidates:
        for index in openers.at(text[at]):
            if at >= free[index] and (m := alternations[index][2].match(text, at, end)):
                mode, status = alternations[index][:2]
                found.append(
                    Trigger(at, m.end(), m.group(), mode, f"{lang}.triggers.{mode}", status)
                )
                free[index] = m.end()
    found.sort(key=lambda t: (t.start, -(t.end - t.start), t.status is None))
    kept: list[Trigger] = []
    for trigger in found:
        if kept and trigger.start < kept[-1].end:
            continue
        kept.append(trigger)
    return kept
