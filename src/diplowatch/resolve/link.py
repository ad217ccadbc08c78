"""Mention -> canonical actor: settle ambiguous names, resolve role titles by date, and link
back-references ("the Russian minister", "the two leaders") to people named earlier.

Kept apart from finding (extract/mentions.py), which only proposes candidates. Rules:
 * an ambiguous name goes to the candidate named unambiguously elsewhere in the article, then
   to the one candidate holding any role at the article date; otherwise it stays unresolved,
   so two people who share a surname are never merged;
 * a specific title with a country ("ameriški zunanji minister") is whoever held that role
   for that country on the article date;
 * a generic or country-less title refers back to the latest person named before it who fits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from diplowatch.extract.unknown_people import GROUP_RULE
from diplowatch.kb.gazetteer import Gazetteer
from diplowatch.model import Mention

# Generic title words stand for several KB roles.
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    "leader": ("head_of_state", "head_of_government"),
    "minister": (
        "foreign_minister",
        "defence_minister",
        "interior_minister",
        "finance_minister",
        "minister",
        "deputy_head_of_government",
    ),
    # the KB files a chief negotiator as an envoy (Barnier) or as the minister for the talks
    "negotiator": ("special_envoy", "minister"),
}
GENERIC_ROLES = frozenset(ROLE_GROUPS)


def choose_actor(
    ids: Iterable[str], named: set[str], gazetteer: Gazetteer, when: str | None
) -> str | None:
    """One actor for a name that several actors share, or None when nothing settles it."""
    ids = sorted(ids)
    if len(ids) == 1:
        return ids[0]
    chosen = [a for a in ids if a in named]
    if len(chosen) == 1:
        return chosen[0]
    actors = [gazetteer.actor(a) for a in ids]
    if {a.kind for a in actors} <= {"country", "place"} and len({a.country for a in actors}) == 1:
        # "Алжир", "Kuwait", "Luxembourg": a capital spelt like its country -> the country
        countries = [a.id for a in actors if a.kind == "country"]
        if len(countries) == 1:
            return countries[0]
    if when:
        active = [a for a in ids if gazetteer.actor(a).roles_at(when)]
        if len(active) == 1:
            return active[0]
    return None


def _roles(role: str) -> tuple[str, ...]:
    return ROLE_GROUPS.get(role, (role,))


def _fits(
    mention: Mention,
    role: str,
    country: str | None,
    gazetteer: Gazetteer,
    when: str | None,
    female: bool,
) -> bool:
    if mention.kind != "person" or not mention.actor_id or mention.rule == GROUP_RULE:
        return False  # "the negotiator" is one person, never "Labour"
    if country and mention.country and mention.country != country:
        return False
    actor = gazetteer.entities.get(mention.actor_id)
    if female and actor is not None and actor.gender not in (None, "f"):
        return False
    if actor is None or not actor.roles:  # unknown person: the title is our only knowledge
        return country is None or mention.country == country
    wanted = _roles(role)
    return any(spell.role in wanted for spell in actor.roles_at(when))


def resolve_role(
    role: str,
    country: str | None,
    *,
    when: str | None,
    earlier: Sequence[Mention],
    gazetteer: Gazetteer,
    female: bool = False,
    near: int = 0,
) -> tuple[str, str] | None:
    """(actor id, rule) for a title, or None when it cannot be pinned to one person.

    Args:
        earlier: mentions before the title, in text order.
        female: the title is a feminine form; only a woman (or someone of unknown gender) fits.
        near: without a country, only people named at or after this offset are referred to.
    """
    holders: list[str] = []
    if country:
        found = {
            a.id for r in _roles(role) for a in gazetteer.kb.holders(r, country=country, when=when)
        }
        holders = sorted(found)
    if female:
        holders = [a for a in holders if gazetteer.actor(a).gender in (None, "f")]
    if holders and role not in GENERIC_ROLES and when and len(holders) == 1:
        return holders[0], "role"
    for mention in reversed(earlier):
        if country is None and mention.start < near:
            break
        if _fits(mention, role, country, gazetteer, when, female):
            return str(mention.actor_id), "backref"
    if len(holders) == 1 and when:
        return holders[0], "role"
    return None


def holder_name(actor_id: str, earlier: Sequence[Mention], gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """(name, country) of the person ``resolve_role`` gave: the knowledge base's, or, for
    someone it does not know, that of the earlier mention the title referred back to."""
    actor = gazetteer.entities.get(actor_id)
    if actor is not None:
        return actor.name, actor.country
    prior = next(m for m in reversed(earlier) if m.actor_id == actor_id)
    return prior.name, prior.country


def resolve_plural(earlier: Sequence[Mention], *, count: int = 2) -> list[Mention]:
    """The last ``count`` distinct people named before a plural reference ("the two leaders")."""
    chosen: list[Mention] = []
    for mention in reversed(earlier):
        if (
            mention.kind == "person"
            and mention.actor_id
            and all(m.actor_id != mention.actor_id for m in chosen)
        ):
            chosen.append(mention)
            if len(chosen) == count:
                break
    return chosen[::-1] if len(chosen) == count else []
