"""Heads of a seat of power ("глава Белого дома", "šéf Kremlu", "gospodarz Kremla") as role
mentions: Russian and Central European news name a president by the building as often as by
title (issue #13, periphrases). The head word is pack data (``titles.yaml`` ``heads``), the
seats and their offices are knowledge-base data (``kb/data/seats.tsv``); the office resolves
like any title, to the person the article named or the one holder at the article's date."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from diplowatch.extract.tokens import Words
from diplowatch.kb.gazetteer import Gazetteer
from diplowatch.kb.seats import seat_roles
from diplowatch.lang.names import stems_and_words
from diplowatch.lang.packs import available_languages, load_pack
from diplowatch.model import Mention
from diplowatch.resolve.link import holder_name, resolve_role


@cache
def head_words(lang: str | None) -> tuple[tuple[str, ...], frozenset[str]]:
    """(stems, exact words) of the pack's ``heads``: a final * matches any ending."""
    if lang is None or lang not in available_languages():
        return (), frozenset()
    return stems_and_words(load_pack(lang).titles.get("heads") or ())


def seat_heads(
    words: Words,
    sentence_mentions: Sequence[Mention],
    earlier: Sequence[Mention],
    *,
    gazetteer: Gazetteer,
    when: str | None,
    text: str,
    lang: str | None,
    window: int,
) -> list[tuple[Mention, Mention]]:
    """(person mention, the seat's place mention it replaces) for each head word right
    before a seat of power; a head whose office has no one holder is left out. ``window``: how
    many characters back a person named before may be the one meant (``BACKREF_WINDOW``)."""
    seats = seat_roles()
    places = [m for m in sentence_mentions if m.kind == "place" and m.actor_id in seats]
    if not places:
        return []
    stems, exact = head_words(lang)
    index = {start: i for i, start in enumerate(words.start)}
    found = []
    for place in places:
        k = index.get(place.start, 0) - 1
        if k < 0 or words.gap[k + 1].strip():
            continue
        head = words.lower[k]
        if head not in exact and not head.startswith(stems):
            continue
        start = words.start[k]
        resolved = resolve_role(
            seats[place.actor_id or ""],
            place.country,
            when=when,
            earlier=[m for m in earlier if m.end <= start],
            gazetteer=gazetteer,
            near=start - window,
        )
        if resolved is None:
            continue
        actor_id, rule = resolved
        name, country = holder_name(actor_id, earlier, gazetteer)
        person = Mention(start, place.end, text[start : place.end], "person", actor_id, name, country, rule, 0.7)
        found.append((person, place))
    return found
