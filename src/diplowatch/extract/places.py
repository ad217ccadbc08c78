"""Choose where a contact took place from the place mentions the actor layer found.

The actor layer emits place and country mentions (``kind`` "place" or "country") with the
English name in ``name``. A phone call has no place, and unspecified talks only one in
their own clause. A place counts only in locative use: right
after a locative preposition ("v Budimpešti", "in Abu Dhabi", "в Москве") or with a locative
case ending ("Moszkvában"), from the ``pairing`` words of ``triggers.yaml``; a country named as
an actor ("Russia and Serbia agreed") or as an adjective ("ruski", rule "demonym") is no place.
A place that completes a title is no location either: right after a role phrase with only a
preposition between ("министъра на вътрешните работи на Сърбия", where "на" is both "in" and
"of"), inside an apposition that describes a person ("with Novak, the ambassador in
Moscow"), or inside a title phrase right before the name it describes ("z ambasadorem Francji
w Londynie Jouyetem"). A place right before a name stays one ("V Moskvi Lavrov ...").
The nearest such place inside the trigger's clause wins, then the nearest in the sentence; a
city beats a country at equal standing, because the gold names the most specific place.
A visit also names its destination without a locative: after a directional preposition ("to
Kyiv", "do Warszawy") or as the visit verb's object ("posetiti Zagreb", "Kijev ... obiskal").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from diplowatch.extract.pairs import last_match
from diplowatch.lang.titles import title_index
from diplowatch.model import Mention

PLACE_KINDS = ("place", "country")
_GAP = re.compile(r"\s+")
_APPOSITION_OPEN = re.compile(r"\s*,\s")
_BREAK = re.compile(r"[,;:()\[\]\"„“”«»]|\s[–—-]\s")
_WORD = re.compile(r"[^\W\d_]+")


def is_locative(
    text: str, mention: Mention, *, at: re.Pattern[str], suffixes: Sequence[str]
) -> bool:
    """True when ``mention`` says where: after a locative preposition or with a locative ending."""
    if mention.text.casefold().endswith(tuple(suffixes)):
        return True
    head = text[max(0, mention.start - 12) : mention.start]
    return any(_GAP.fullmatch(head[match.end() :]) for match in at.finditer(head))


def completes_title(
    text: str, place: Mention, mentions: Sequence[Mention], *, at: re.Pattern[str]
) -> bool:
    """True when ``place`` belongs to a title: a role phrase ends right before it with only
    a preposition between ("the minister of X")."""
    for m in mentions:
        if m.kind == "person" and m.rule == "role" and m.end <= place.start:
            gap = text[m.end : place.start]
            if (
                _GAP.fullmatch(gap)
                or at.fullmatch(gap.strip())
                and _GAP.fullmatch(gap[0] + gap[-1])
            ):
                return True
    return False


def in_apposition(
    text: str, place: Mention, mentions: Sequence[Mention], *, lang: str | None
) -> bool:
    """True when ``place`` stands in a title phrase set off by a comma right after a named
    person ("s Novakom, veleposlanikom v Moskvi"): it says where that person serves."""
    index = title_index(lang)
    for m in mentions:
        if m.kind != "person" or m.rule == "role" or m.end > place.start:
            continue
        gap = text[m.end : place.start]
        if not _APPOSITION_OPEN.match(gap) or _BREAK.search(gap, gap.index(",") + 1):
            continue
        lowers = [w.lower() for w in _WORD.findall(gap)]
        if lowers and index.starting_at(lowers, 0) is not None:
            return True
    return False


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
    lang: str | None = None,
) -> Mention | None:
    """The place mention that says where the contact at ``trigger`` happened, or None."""
    if mode == "phone":
        return None
    places = locative_places(text, mentions, sentence=sentence, at=at, suffixes=suffixes, lang=lang)
    return nearest_place(places, mode=mode, trigger=trigger, clause=clause)


def locative_places(
    text: str,
    mentions: Sequence[Mention],
    *,
    sentence: tuple[int, int],
    at: re.Pattern[str],
    suffixes: Sequence[str] = (),
    lang: str | None = None,
) -> list[Mention]:
    """The sentence's place mentions in locative use: the same for all its triggers."""
    return [
        m
        for m in mentions
        if m.kind in PLACE_KINDS
        and m.name
        and m.rule != "demonym"
        and sentence[0] <= m.start < sentence[1]
        and is_locative(text, m, at=at, suffixes=suffixes)
        and not completes_title(text, m, mentions, at=at)
        and not in_apposition(text, m, mentions, lang=lang)
        and not in_title_before_name(text, m, mentions, sentence_start=sentence[0], lang=lang)
    ]


TITLE_REACH = 4  # words from a title to the place it names: "ambasadorem Francji w Londynie"


def in_title_before_name(
    text: str, place: Mention, mentions: Sequence[Mention], *, sentence_start: int, lang: str | None
) -> bool:
    """True when ``place`` ends a title phrase that a person's name follows at once: the
    place is where that person serves ("the French ambassador in London Jouyet")."""
    if not any(m.kind == "person" and _GAP.fullmatch(text[place.end : m.start]) for m in mentions):
        return False
    head = text[max(sentence_start, place.start - 80) : place.start]
    if (cut := last_match(_BREAK, head, max(0, len(head) - 40), len(head))) is not None:
        head = head[cut.end() :]
    lowers = [w.lower() for w in _WORD.findall(head)][-TITLE_REACH:]
    index = title_index(lang)
    return any(index.starting_at(lowers, i) is not None for i in range(len(lowers)))


DESTINATION_REACH = 2  # words between a visit verb and its bare object: "naj bi Kijev letos obiskal"


def destinations(
    text: str,
    mentions: Sequence[Mention],
    *,
    trigger: tuple[int, int],
    clause: tuple[int, int],
    to: re.Pattern[str],
    suffixes: Sequence[str] = (),
    lang: str | None = None,
) -> list[Mention]:
    """Places of the trigger's clause that a trip goes to: after a directional preposition or
    ending, or the visit word's own object (a bare place at most ``DESTINATION_REACH`` words
    from it, nothing but words between)."""
    t_start, t_end = trigger
    found = []
    for m in mentions:
        if m.kind not in PLACE_KINDS or not m.name or m.rule == "demonym":
            continue
        if not clause[0] <= m.start < clause[1]:
            continue
        span = (t_end, m.start) if m.start >= t_end else (m.end, t_start)
        gap = text[span[0] : span[1]]
        bare = (
            not _BREAK.search(gap)
            and len(_WORD.findall(gap)) <= DESTINATION_REACH
            and not any(p.kind == "person" and span[0] <= p.start < span[1] for p in mentions)
        )  # "Russia's Lavrov visited": the country is the visitor's, not the destination
        if (
            bare
            or is_locative(text, m, at=to, suffixes=suffixes)
        ) and not completes_title(text, m, mentions, at=to) and not in_apposition(
            text, m, mentions, lang=lang
        ):
            found.append(m)
    return found


def nearest_place(
    places: Sequence[Mention], *, mode: str, trigger: tuple[int, int], clause: tuple[int, int]
) -> Mention | None:
    """Of ``locative_places``, the one where the contact at ``trigger`` happened, or None."""
    if mode == "phone":
        return None
    t_start, t_end = trigger
    if mode == "unspecified":  # talks with no channel: only a place in their own clause
        places = [m for m in places if clause[0] <= m.start < clause[1]]
    if not places:
        return None

    def rank(m: Mention) -> tuple[int, int, int]:
        in_clause = clause[0] <= m.start < clause[1]
        distance = m.start - t_end if m.start >= t_end else t_start - m.end
        return (0 if in_clause else 1, 0 if m.kind == "place" else 1, abs(distance))

    return min(places, key=rank)
