"""A meeting inside one government is no diplomatic contact (ANNOTATION.md, Not events)."""

from __future__ import annotations

from diplowatch.extract.internal import drop_internal_meetings
from diplowatch.kb.actors import Actor, KnowledgeBase, RoleSpell
from diplowatch.model import ActorRef, Report


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for actor_id, country, role, org in (
        ("pm", "AAA", "head_of_government", None),
        ("fm", "AAA", "foreign_minister", None),
        ("leader", "AAA", "opposition_leader", None),
        ("guest", "BBB", "head_of_government", None),
        ("commissioner", "AAA", "vice_president", "european-commission"),
    ):
        kb.add(
            Actor(actor_id, actor_id.title(), "person", country, roles=(RoleSpell(role, "2020-01-01", None, org=org),))
        )
    return kb


def report(mode: str, *ids: str) -> Report:
    actors = tuple(ActorRef(i, i.title(), None, 0, 1) for i in ids)
    return Report("a", 0, 10, 0, 1, "met", mode, actors)


def test_a_minister_meeting_their_own_prime_minister_is_internal() -> None:
    assert drop_internal_meetings([report("meet", "pm", "fm")], _kb(), "2024-05-01") == []


def test_other_contacts_stay() -> None:
    kept = [
        report("meet", "pm", "guest"),  # two governments
        report("meet", "pm", "leader"),  # the opposition is no part of the executive
        report("meet", "pm", "commissioner"),  # a post in an international organisation
        report("multilateral", "pm", "fm"),  # both attended a summit
    ]
    assert drop_internal_meetings(kept, _kb(), "2024-05-01") == kept
    before_office = [report("meet", "pm", "fm")]
    assert drop_internal_meetings(before_office, _kb(), "2019-05-01") == before_office
