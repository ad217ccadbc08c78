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
from diplowatch.lang.word_starts import WordStarts, opens_with_letter
from diplowatch.model import MODES, STATUSES


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
    if not all(opens_with_letter(p) for p in patterns):
        return None
    return re.compile(f"[{''.join(sorted({p[0] for p in patterns}))}]", re.IGNORECASE)


@cache
def _openers(lang: str) -> _Openers:
    return _Openers(list(_grouped(lang).values()))


@cache
def _any_trigger(lang: str) -> WordStarts | None:
    """Where any trigger pattern starts: most sentences hold no trigger and need one scan only."""
    patterns = [p for alternation in _grouped(lang).values() for p in alternation]
    return WordStarts(patterns) if patterns else None


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
