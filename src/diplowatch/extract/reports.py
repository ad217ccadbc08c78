"""Assemble event reports: a trigger, the actors around it, its date, status and place.

One report per trigger whose sentence names enough actors: two or more people, or one person
for a visit or a multilateral meeting. Finding (triggers, mentions, dates, cues) is done by the
other modules; this one only decides how they combine.
"""

from __future__ import annotations

from collections.abc import Sequence

from diplowatch.extract.status import find_status
from diplowatch.extract.triggers import find_triggers
from diplowatch.lang.dates import find_dates
from diplowatch.model import ActorRef, Mention, PubDate, Report, Sentence

SOLO_MODES = ("visit", "multilateral")


def _actors(mentions: Sequence[Mention]) -> tuple[ActorRef, ...]:
    seen: dict[str, ActorRef] = {}
    for m in mentions:
        if m.kind == "person" and m.actor_id and m.actor_id not in seen:
            seen[m.actor_id] = ActorRef(m.actor_id, m.name or m.text, m.country, m.start, m.end)
    return tuple(seen.values())


def build_reports(
    article_id: str,
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    *,
    lang: str,
    published: PubDate,
) -> list[Report]:
    """Reports for every trigger that has its actors in the same sentence."""
    reports: list[Report] = []
    for sent in sentences:
        in_sentence = [m for m in mentions if sent.start <= m.start < sent.end]
        actors = _actors(in_sentence)
        if not actors:
            continue
        for trigger in find_triggers(text, sent.start, sent.end, lang=lang):
            if len(actors) < 2 and trigger.mode not in SOLO_MODES:
                continue
            cue = find_status(text, sent.start, sent.end, trigger.start, lang=lang)
            dates = find_dates(
                text, sent.start, sent.end, lang=lang, published=published, future=cue.status == "planned"
            )
            date = min(dates, key=lambda d: abs(d.start - trigger.start)) if dates else None
            reports.append(
                Report(
                    article_id=article_id,
                    sent_start=sent.start,
                    sent_end=sent.end,
                    trigger_start=trigger.start,
                    trigger_end=trigger.end,
                    trigger=trigger.text,
                    mode=trigger.mode,
                    actors=actors,
                    status=cue.status,
                    date=date.value if date else None,
                    date_precision=date.precision if date else None,
                    date_basis=date.basis if date else "unknown",
                    date_doubtful=date.doubtful if date else False,
                    evidential=cue.evidential,
                    lang=lang,
                    rule=trigger.rule + (f"+status:{cue.cue}" if cue.cue else ""),
                    confidence=min(0.95, 0.5 + 0.1 * len(actors) + (0.1 if date else 0.0)),
                )
            )
    return reports
