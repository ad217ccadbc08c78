"""Read functions shared by the CLI, the REST API and the web page.

Filters work on reports and events alike: an actor given by any name form (any script,
inflected: "Putyinnal", "Путин"), a country (ISO3), mode, status and a date range compared at
the precision of each date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from diplowatch.extract.mentions import base_candidates
from diplowatch.kb.gazetteer import Gazetteer, default_gazetteer
from diplowatch.lang.keys import name_key, phrase_key
from diplowatch.lang.packs import available_languages
from diplowatch.model import Event, Report
from diplowatch.resolve.merge import merge_reports
from diplowatch.store.base import Store

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # the shape of a filter date; check_filter_date also checks the calendar
_DATE = re.compile(DATE_PATTERN)


def check_filter_date(value: str) -> str:
    """``value`` when it is a real YYYY, YYYY-MM or YYYY-MM-DD date; else ValueError saying why.

    Filters compare dates as text at each date's precision, so an impossible date such as
    2025-13-45 would quietly match nothing; the CLI, the API and the web page refuse it
    instead, so a typo is seen as one.
    """
    if not _DATE.match(value):
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = ([int(part) for part in value.split("-")] + [1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a calendar date ({exc})") from None
    return value


@dataclass(frozen=True)
class Filters:
    actor: str | None = None
    country: str | None = None
    mode: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    lang: str | None = None


def resolve_actor_query(name: str, *, gazetteer: Gazetteer | None = None) -> set[str]:
    """Actor ids that a user's name query may mean, trying every language's inflection rules."""
    gazetteer = gazetteer or default_gazetteer()
    ids = set(gazetteer.lookup_full(phrase_key(name)))
    words = name.split()
    for lang in (None, *available_languages()):
        candidates = base_candidates(words[-1], lang) if words else []
        for candidate in candidates:
            key = name_key(candidate)
            ids |= gazetteer.lookup_surname(key)
            if len(words) > 1:
                ids |= gazetteer.lookup_full(phrase_key(" ".join([*words[:-1], candidate])))
    return ids


def _actor_matches(actor_ids: Iterable[str], names: Iterable[str], wanted_ids: set[str], query: str) -> bool:
    if wanted_ids & set(actor_ids):
        return True
    key = phrase_key(query)
    return any(key == phrase_key(n) or key == phrase_key(n).split(" ")[-1] for n in names)


def _date_in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if date is None:
        return False
    if since and date < since[: len(date)]:
        return False
    return not (until and date[: len(until)] > until)


def _keep(
    *, mode: str, status: str, date: str | None, countries: Sequence[str | None], langs: Sequence[str | None],
    actor_ids: Sequence[str], names: Sequence[str], filters: Filters, wanted: set[str],
) -> bool:
    if filters.mode and mode != filters.mode:
        return False
    if filters.status and status != filters.status:
        return False
    if filters.country and filters.country.upper() not in countries:
        return False
    if filters.lang and filters.lang not in langs:
        return False
    if filters.actor and not _actor_matches(actor_ids, names, wanted, filters.actor):
        return False
    return _date_in_range(date, filters.since, filters.until)


def filter_reports(reports: Iterable[Report], filters: Filters) -> list[Report]:
    wanted = resolve_actor_query(filters.actor) if filters.actor else set()
    return [
        r
        for r in reports
        if _keep(
            mode=r.mode, status=r.status, date=r.date, countries=[a.country for a in r.actors], langs=[r.lang],
            actor_ids=[a.actor_id for a in r.actors], names=[a.name for a in r.actors], filters=filters,
            wanted=wanted,
        )
    ]


def filter_events(events: Iterable[Event], filters: Filters) -> list[Event]:
    wanted = resolve_actor_query(filters.actor) if filters.actor else set()
    return [
        e
        for e in events
        if _keep(
            mode=e.mode, status=e.status, date=e.date, countries=[a[2] for a in e.actors], langs=e.langs,
            actor_ids=[a[0] for a in e.actors], names=[a[1] for a in e.actors], filters=filters, wanted=wanted,
        )
    ]


def event_to_gold(event: Event, evidence: str | None) -> dict[str, Any]:
    """One event in the gold format of shared/gold/README.md (plus provenance fields)."""
    return {
        "type": event.type,
        "mode": event.mode,
        "actors": [a[1] for a in event.actors],
        "countries": [a[2] for a in event.actors],
        "date": event.date,
        "date_basis": event.date_basis,
        "location": event.location,
        "status": event.status,
        "evidence": evidence,
        "evidential": event.evidential,
        "confidence": round(event.confidence, 3),
        "reports": event.report_ids,
    }


def article_events(store: Store, filters: Filters | None = None) -> list[dict[str, Any]]:
    """One gold-format object per current article, its reports merged within the article."""
    filters = filters or Filters()
    by_article: dict[str, list[Report]] = defaultdict(list)
    for report in store.current_reports():
        by_article[report.article_id].append(report)
    sentences = {
        row["id"]: row["sentence"] for row in store.query("SELECT id, sentence FROM reports")
    }
    output = []
    for article in store.articles():
        if article["status"] != "ok":
            continue
        events = filter_events(merge_reports(by_article.get(article["id"], [])), filters)
        output.append(
            {
                "id": article["id"],
                "lang": article["lang"],
                "published": article["published"],
                "published_doubtful": bool(article["published_doubtful"]),
                "events": [event_to_gold(e, sentences.get(e.report_ids[0])) for e in events],
            }
        )
    return output
