"""Find words that signal a contact event, from the language pack's ``triggers.yaml``.

``triggers.yaml`` maps a mode (phone, meet, visit, host, multilateral, unspecified) to regular
expression fragments matched case-insensitively on word boundaries. An entry is either a
pattern, or ``{pattern: ..., status: ...}`` when the form itself carries a status (Bulgarian
present "разговарят по телефона" is habitual, "неявяване" is a visit that did not happen).
Languages with a ``fallback`` (bs -> hr) use their own patterns and the fallback's. Patterns
are compiled once per language and cached.

``not_contact`` lists longer phrases that open like a trigger but name no contact: "pogovor za
televizijo" (an interview), "приняла отставку" (accepted a resignation). They compete with the
triggers for the same words, so the longer phrase wins and nothing is reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from diplowatch.lang.packs import available_languages, load_pack_chain
from diplowatch.lang.word_starts import (
    Openers,
    WordStarts,
    opening_letters,
)
from diplowatch.model import MODES, STATUSES

NOT_CONTACT = "not_contact"


@dataclass(slots=True, unsafe_hash=True)
class Trigger:
    """A trigger word found in a sentence. Not frozen, for speed (several per sentence): a
    value all the same, hashed by its fields; never assign to a field."""

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
            if mode not in MODES and mode != NOT_CONTACT:
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


def _opening_letters(patterns: list[str]) -> str | None:
    """The letters ``patterns`` open with; None when one of them may open otherwise
    (``word_starts.opening_letters``)."""
    letters = [opening_letters(p) for p in patterns]
    return None if None in letters else "".join(letters)  # type: ignore[arg-type]


class _Finder:
    """Everything ``find_triggers`` needs for one language, built once: the screen for where
    any trigger may start, the alternations of ``compile_triggers``, which of them may open
    with a character, and each one's (mode, rule, status)."""

    __slots__ = ("kinds", "openers", "patterns", "screen")

    def __init__(self, lang: str) -> None:
        compiled = compile_triggers(lang)
        grouped = _grouped(lang)
        every = [p for alternation in grouped.values() for p in alternation]
        self.screen = WordStarts(every) if every else None
        self.patterns = tuple(pattern for _mode, _status, pattern in compiled)
        self.kinds = tuple((mode, f"{lang}.triggers.{mode}", status) for mode, status, _p in compiled)
        self.openers = Openers([_opening_letters(patterns) for patterns in grouped.values()])


@cache
def _finder(lang: str) -> _Finder:
    return _Finder(lang)


def find_triggers(text: str, start: int, end: int, *, lang: str) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], earliest and longest first.

    Most sentences hold no trigger and cost one screen scan; at a place where one may start,
    only the alternations that may open with its character are tried (each alternation's
    matches do not overlap, as with its ``finditer``).
    """
    finder = _finder(lang)
    if finder.screen is None:
        return []
    places = finder.screen.find(text, start, end)
    if not places:
        return []
    patterns, kinds, openers = finder.patterns, finder.kinds, finder.openers
    free = [start] * len(patterns)
    found: list[Trigger] = []
    for at in places:
        for index in openers.at(text[at]):
            if at >= free[index] and (match := patterns[index].match(text, at, end)):
                mode, rule, status = kinds[index]
                found.append(Trigger(at, match.end(), match.group(), mode, rule, status))
                free[index] = match.end()
    if len(found) < 2:
        return [t for t in found if t.mode != NOT_CONTACT]
    # by start; then longest, a non-contact phrase, a form carrying its own status, the
    # pack's order ("переговорщик" is a negotiator, though "переговор\w*" matches it too)
    found.sort(key=lambda t: (t.start, -(t.end - t.start), t.mode != NOT_CONTACT, t.status is None))
    kept: list[Trigger] = []
    for trigger in found:
        if kept and trigger.start < kept[-1].end:
            continue
        kept.append(trigger)
    return [t for t in kept if t.mode != NOT_CONTACT]


@cache
def _process_forms(lang: str) -> re.Pattern[str] | None:
    patterns = [str(p) for pack in load_pack_chain(lang) for p in pack.triggers.get("process") or ()]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def names_a_process(trigger: Trigger, lang: str) -> bool:
    """Whether the trigger's form is one of the pack's ``process`` words: "the negotiations
    have gone on since summer" tells the treaty's talks, not again a contact reported before."""
    forms = _process_forms(lang)
    return forms is not None and forms.fullmatch(trigger.text) is not None
