"""Find words that signal a contact event, from the language pack's ``triggers.yaml``.

``triggers.yaml`` maps a mode (phone, meet, visit, host, multilateral, unspecified) to regular
expression fragments matched case-insensitively on word boundaries. Patterns are compiled once
per language and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from diplowatch.lang.packs import available_languages, load_pack
from diplowatch.model import MODES


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str
    mode: str
    rule: str


@cache
def compile_triggers(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One alternation per mode for ``lang`` (empty when the language has no triggers)."""
    if lang not in available_languages():
        return ()
    compiled = []
    for mode, patterns in load_pack(lang).triggers.items():
        if mode not in MODES or not patterns:
            continue
        alternation = "|".join(f"(?:{p})" for p in patterns)
        compiled.append((mode, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)))
    return tuple(compiled)


def find_triggers(text: str, start: int, end: int, *, lang: str) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], earliest and longest first."""
    found = [
        Trigger(m.start(), m.end(), m.group(), mode, f"{lang}.triggers.{mode}")
        for mode, pattern in compile_triggers(lang)
        for m in pattern.finditer(text, start, end)
    ]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for trigger in found:
        if kept and trigger.start < kept[-1].end:
            continue
        kept.append(trigger)
    return kept
