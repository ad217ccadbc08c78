"""Choose where a contact took place from the place mentions the actor layer found.

The actor layer emits place and country mentions (``kind`` "place" or "country") with the
English name in ``name``. A phone call has no place, and unspecified talks only one in
their own clause. A place counts only in locative use: right
after a locative preposition ("v Budimpešti", "in Abu Dhabi", "в Москве") or with a locative
case ending ("Moszkvában"), from the ``pairing`` words of ``triggers.yaml``; a country named as
an actor ("Russia and Serbia agreed") or as an adjective ("ruski", rule "demonym") is no place.
The nearest such place inside the trigger's clause wins, then the nearest in the sentence; a
city beats a country at equal standing, because the gold names the most specific place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from diplowatch.model import Mention

PLACE_KINDS = ("place", "country")
_GAP = re.compile(r"\s+")


def is_locative(
    text: str, mention: Mention, *, at: re.Pattern[str], suffixes: Sequence[str]
) -> bool:
    """True when ``mention`` says where: after a locative preposition or with a locative ending."""
    if any(mention.text.casefold().endswith(s) for s in suffixes):
        return True
    head = text[max(0, mention.start - 12) : mention.start]
    return any(_GAP.fullmatch(head[match.end() :]) for match in at.finditer(head))


def choose_location(
    text: str,
    mentions: Sequence[Mention],
    *,
    mode: str,
    trigger: tuple[int, int],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    at: re.Pattern[str],
    suffixes: Sequence[str] = (),
) -> Mention | None:
    """The place mention that says where the contact at ``trigger`` happened, or None."""
    if mode == "phone":
        return None
    t_start, t_end = trigger
    places = [
        m
        for m in mentions
        if m.kind in PLACE_KINDS
        and m.name
        and m.rule != "demonym"
        and sentence[0] <= m.start < sentence[1]
        and is_locative(text, m, at=at, suffixes=suffixes)
    ]
    if mode == "unspecified":  # talks with no channel: only a place in their own clause
        places = [m for m in places if clause[0] <= m.start < clause[1]]
    if not places:
        return None

    def rank(m: Mention) -> tuple[int, int, int]:
        in_clause = clause[0] <= m.start < clause[1]
        distance = m.start - t_end if m.start >= t_end else t_start - m.end
        return (0 if in_clause else 1, 0 if m.kind == "place" else 1, abs(distance))

    return min(places, key=rank)
