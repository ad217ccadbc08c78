"""Choose where a contact took place from the place mentions the actor layer found.

The actor layer emits place and country mentions (``kind`` "place" or "country") with the
English name in ``name``. A phone call has no place. Otherwise the nearest place inside the
trigger's clause wins, then the nearest in the sentence; a city beats a country at equal
standing, because the gold names the most specific place the text gives ("Budapest", not
"Hungary"), and a place in the clause beats a nearer one outside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from diplowatch.model import Mention

PLACE_KINDS = ("place", "country")


def choose_location(
    mentions: Sequence[Mention],
    *,
    mode: str,
    trigger: tuple[int, int],
    clause: tuple[int, int],
    sentence: tuple[int, int],
) -> Mention | None:
    """The place mention that says where the contact at ``trigger`` happened, or None."""
    if mode == "phone":
        return None
    t_start, t_end = trigger
    places = [
        m
        for m in mentions
        if m.kind in PLACE_KINDS and m.name and sentence[0] <= m.start < sentence[1]
    ]
    if not places:
        return None

    def rank(m: Mention) -> tuple[int, int, int]:
        in_clause = clause[0] <= m.start < clause[1]
        distance = m.start - t_end if m.start >= t_end else t_start - m.end
        return (0 if in_clause else 1, 0 if m.kind == "place" else 1, abs(distance))

    return min(places, key=rank)
