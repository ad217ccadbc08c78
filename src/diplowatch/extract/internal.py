"""Meetings inside one government are no diplomatic contacts.

A minister reporting to their own prime minister, a president receiving his own ambassador:
`../shared/gold/ANNOTATION.md` lists "cabinet sessions and other internal meetings" among the
non-events. A report whose actors are all people of one country, each in a national office of
its executive at the time (the knowledge base's roles, not an international organisation's
post), is such a meeting. Attending a summit together stays a report: both attended.
"""

from __future__ import annotations

from collections.abc import Sequence

from diplowatch.kb.actors import KnowledgeBase, RoleSpell
from diplowatch.model import Report

EXECUTIVE_ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "deputy_head_of_government",
        "vice_president",
        "foreign_minister",
        "defence_minister",
        "finance_minister",
        "interior_minister",
        "minister",
        "national_security_adviser",
        "chief_of_staff",
        "government_spokesperson",
        "presidential_spokesperson",
        "foreign_ministry_spokesperson",
        "ambassador",
        "special_envoy",
    }
)
BILATERAL_MODES = frozenset({"meet", "phone", "unspecified", "host", "visit"})


def drop_internal_meetings(reports: list[Report], kb: KnowledgeBase, when: str | None) -> list[Report]:
    """``reports`` less the contacts held inside one government (see module docstring);
    ``when`` is the publication date, used when a report has no date of its own."""
    return [r for r in reports if not _internal(r, kb, r.date or when)]


def _internal(report: Report, kb: KnowledgeBase, when: str | None) -> bool:
    if report.mode not in BILATERAL_MODES or len(report.actors) < 2 or when is None:
        return False
    countries = set()
    for ref in report.actors:
        actor = kb.get(ref.actor_id)
        if actor is None or actor.kind != "person" or not _in_executive(actor.roles_at(when)):
            return False
        countries.add(actor.country)
    return len(countries) == 1 and None not in countries


def _in_executive(spells: Sequence[RoleSpell]) -> bool:
    return any(s.role in EXECUTIVE_ROLES and s.org is None for s in spells)
