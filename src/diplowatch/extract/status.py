"""Decide whether a contact occurred, is planned, was cancelled, denied or is habitual.

``status.yaml`` maps each non-default status, ``evidential`` (reported/alleged: "naj bi",
"navodno", "reportedly") and ``negated`` (no contact is claimed at all: "a visit is not
planned") to cue patterns. Cues count only inside the trigger's clause, so "after the call,
Rubio advised Trump to cancel the summit" leaves the call occurred. Cancelled beats denied
beats planned beats habitual; among cues of one status the nearest wins. A status carried by
the trigger form itself comes first; with no cue the contact occurred. Languages with a
``fallback`` use their own cues and the fallback's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from diplowatch.extract.pairs import last_match, only_words, pairing_words
from diplowatch.lang.packs import available_languages, load_pack_chain
from diplowatch.lang.word_starts import WordStarts, matches_at

STATUS_KEYS = ("cancelled", "denied", "planned", "habitual")
CUE_KEYS = (*STATUS_KEYS, "evidential", "negated")


@dataclass(slots=True, unsafe_hash=True)
class StatusCue:
    """The status a trigger's clause gives it. Not frozen, for speed (one per trigger): a
    value all the same, hashed by its fields; never assign to a field."""

    status: str
    evidential: bool
    cue: str | None
    negated: bool = False


@cache
def _compile(lang: str) -> tuple[WordStarts | None, dict[str, re.Pattern[str]]]:
    """Where any cue may start, and one pattern per cue key.

    The screen also finds where a source cue of pairing may start ("according to"): both are
    rare, so one scan serves both (see ``cue_places``).
    """
    if lang not in available_languages():
        return None, {}
    compiled = {}
    every: list[str] = list(pairing_words(lang).source_patterns)
    for key in CUE_KEYS:
        patterns = [p for pack in load_pack_chain(lang) for p in (pack.status.get(key) or [])]
        if patterns:
            alternation = "|".join(f"(?:{p})" for p in patterns)
            compiled[key] = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
            every += patterns
    return (WordStarts(every) if every else None), compiled


@lru_cache(maxsize=32)
def _sentence_scan(
    text: str, start: int, end: int, lang: str
) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    """Every cue of the sentence as (start, end, key), scanned once for all its triggers, and
    the places where a status or source cue may start.

    One scan finds where any cue may start; each key's pattern is tried only there, which
    yields what its ``finditer`` would (most sentences hold no cue at all).
    """
    screen, compiled = _compile(lang)
    places = tuple(screen.find(text, start, end)) if screen else ()
    if not places:
        return (), places
    cues = tuple(
        (match.start(), match.end(), key)
        for key, pattern in compiled.items()
        for match in matches_at(pattern, text, places, start, end)
    )
    return cues, places


def _sentence_cues(text: str, start: int, end: int, lang: str) -> tuple[tuple[int, int, str], ...]:
    return _sentence_scan(text, start, end, lang)[0]


def cue_places(text: str, start: int, end: int, *, lang: str) -> tuple[int, ...]:
    """Where a status cue or a source cue ("according to", ``pairing``) may start in the
    sentence: the source rule of pairing reads them from the scan the status cues made."""
    return _sentence_scan(text, start, end, lang)[1]


def find_status(
    text: str,
    start: int,
    end: int,
    trigger_start: int,
    *,
    lang: str,
    clause: tuple[int, int] | None = None,
    predicate: Sequence[tuple[int, int]] | None = None,
    trigger_status: str | None = None,
) -> StatusCue:
    """Status of the contact whose trigger starts at ``trigger_start`` in sentence [start, end).

    ``clause`` limits where status cues count (default: the whole sentence); ``predicate``
    are wider spans (the clause and, past a relative clause, its verb) where cancellations
    and denials count too; evidential cues count anywhere in the sentence.
    """
    c_start, c_end = clause or (start, end)
    spans = predicate or ((c_start, c_end),)
    cues = _sentence_cues(text, start, end, lang)
    if not cues:  # most sentences: the trigger's own status, or it occurred
        return StatusCue(trigger_status or "occurred", False, None)
    evidential = any(key == "evidential" for _s, _e, key in cues)
    in_clause = [
        (s, e, key)
        for s, e, key in cues
        if c_start <= s
        and e <= c_end
        or key in ("cancelled", "denied")
        and any(p_start <= s and e <= p_end for p_start, p_end in spans)
    ]
    negated = any(key == "negated" for _s, _e, key in in_clause)
    if trigger_status:
        return StatusCue(trigger_status, evidential, None, negated)
    during = during_phrase(text, c_start, trigger_start, lang)
    if during is not None:  # "during the talks, X denied the claim": the talks took place
        in_clause = [(s, e, key) for s, e, key in in_clause if during <= s < trigger_start]
    best: tuple[int, str, str] | None = None
    for cue_start, cue_end, key in in_clause:
        if key not in STATUS_KEYS or cue_start == trigger_start:
            continue  # the trigger word itself ("találkoznak") is no cue for its own status
        # a cancellation or denial outranks the plan it undoes: "talks on a possible
        # meeting ended" is a cancelled meeting however near "possible" stands
        rank = STATUS_KEYS.index(key) * 10_000 + abs(cue_start - trigger_start)
        if best is None or rank < best[0]:
            best = (rank, key, text[cue_start:cue_end])
    if best is None:
        return StatusCue("occurred", evidential, None, negated)
    return StatusCue(best[1], evidential, best[2], negated)


DURING_REACH = 5  # words from "during" to the trigger: "during her first two-day official visit"


def during_phrase(text: str, c_start: int, trigger_start: int, lang: str) -> int | None:
    """Start of the "during" phrase the trigger heads, if it heads one.

    A contact named as the time of the main clause ("během návštěvy Pekingu premiérka
    oznámila, že ...", "по време на участието си ... отрече обвинението") is presupposed to
    have taken place: the main verb's announcement, denial or cancellation is about its own
    object. Only cues inside the phrase ("during the planned visit") give the status; a
    planned contact of the main clause makes it planned too (``reports.py``).
    """
    found = last_match(pairing_words(lang).during, text, c_start, trigger_start)
    if found is None or not only_words(text[found.end() : trigger_start], DURING_REACH):
        return None
    return found.start()


def sentence_has_cues(text: str, start: int, end: int, *, lang: str) -> bool:
    """True when the sentence holds any status cue: else ``find_status`` needs no spans."""
    return bool(_sentence_cues(text, start, end, lang))


def sentence_has_plan(text: str, start: int, end: int, *, lang: str) -> bool:
    """True when any planned cue stands in the sentence ("scheduled for Friday")."""
    return any(key == "planned" for _s, _e, key in _sentence_cues(text, start, end, lang))
