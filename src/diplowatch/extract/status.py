"""Decide whether a contact occurred, is planned, was cancelled, denied or is habitual.

``status.yaml`` maps each non-default status, and ``evidential`` (reported/alleged), to cue
patterns. The cue nearest to the trigger inside the sentence wins; with no cue the contact
occurred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from diplowatch.lang.packs import available_languages, load_pack

STATUS_KEYS = ("cancelled", "denied", "planned", "habitual")


@dataclass(frozen=True, slots=True)
class StatusCue:
    status: str
    evidential: bool
    cue: str | None


@cache
def _compile(lang: str) -> dict[str, re.Pattern[str]]:
    if lang not in available_languages():
        return {}
    data = load_pack(lang).status
    compiled = {}
    for key in (*STATUS_KEYS, "evidential"):
        patterns = data.get(key) or []
        if patterns:
            alternation = "|".join(f"(?:{p})" for p in patterns)
            compiled[key] = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    return compiled


def find_status(text: str, start: int, end: int, trigger_start: int, *, lang: str) -> StatusCue:
    """Status of the contact whose trigger starts at ``trigger_start`` in sentence [start, end)."""
    compiled = _compile(lang)
    best: tuple[int, str, str] | None = None
    for status in STATUS_KEYS:
        pattern = compiled.get(status)
        if pattern is None:
            continue
        for match in pattern.finditer(text, start, end):
            distance = abs(match.start() - trigger_start)
            if best is None or distance < best[0]:
                best = (distance, status, match.group())
    evidential = bool(compiled.get("evidential") and compiled["evidential"].search(text, start, end))
    if best is None:
        return StatusCue("occurred", evidential, None)
    return StatusCue(best[1], evidential, best[2])
