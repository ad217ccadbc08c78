"""Actors known only by an untied title leave the report (ANNOTATION.md: named actors only)."""

from __future__ import annotations

from diplowatch.extract.unnamed import drop_unnamed_roles
from diplowatch.model import ActorRef, Mention, Report


def mention(text: str, surface: str, actor: str, rule: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, "person", actor, actor.title(), None, rule)


def report(mode: str, *people: Mention) -> Report:
    actors = tuple(ActorRef(m.actor_id or "", m.name or "", None, m.start, m.end) for m in people)
    return Report("a", 0, 100, 0, 5, "met", mode, actors)


TEXT = "The German chancellor met Novak. Later the chancellor received Horvat. Kranjc came too."


def test_a_title_no_name_ties_gives_no_counterpart() -> None:
    chancellor = mention(TEXT, "German chancellor", "merz", "role")
    novak = mention(TEXT, "Novak", "novak", "gazetteer.full")
    assert drop_unnamed_roles([report("meet", chancellor, novak)], [chancellor, novak]) == []
    again = mention(TEXT, "the chancellor", "merz", "role")
    host = report("host", again, mention(TEXT, "Horvat", "horvat", "gazetteer.full"))
    (visit,) = drop_unnamed_roles([host], [chancellor, again])
    assert (visit.mode, [a.actor_id for a in visit.actors]) == ("visit", ["horvat"])


def test_a_title_the_article_ties_to_a_name_is_that_person() -> None:
    text = TEXT.replace("Kranjc", "Merz")
    chancellor = mention(text, "German chancellor", "merz", "role")
    named = mention(text, "Merz", "merz", "gazetteer.surname")
    novak = mention(text, "Novak", "novak", "gazetteer.full")
    meeting = report("meet", chancellor, novak)
    assert drop_unnamed_roles([meeting], [chancellor, novak, named]) == [meeting]
