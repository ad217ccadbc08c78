"""Read functions over actors and articles, shared by the REST API and the web page.

Actor search accepts any name form (script, inflection: "Putyinnal", "Путин") through
``queries.resolve_actor_query``, plus a substring match on stored names and aliases; an
actor's contacts are its merged events bucketed by period and counterpart.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from diplowatch.kb.actors import load_kb
from diplowatch.lang.keys import phrase_key
from diplowatch.store.base import Store
from diplowatch.store.queries import resolve_actor_query

_PERIOD_WIDTH = {"year": 4, "month": 7, "day": 10}


def _actor_item(actor_id: str, name: str, kind: str | None, country: str | None,
                aliases: Sequence[str]) -> dict[str, Any]:  # fmt: skip
    return {
        "id": actor_id,
        "name": name,
        "kind": kind,
        "country": country,
        "aliases": list(aliases),
    }


def _event_counts(store: Store, ids: Sequence[str]) -> dict[str, int]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = store.query(
        "SELECT actor_id, COUNT(*) AS n FROM event_actors"
        f" WHERE actor_id IN ({marks}) GROUP BY actor_id",
        list(ids),
    )
    return {row["actor_id"]: row["n"] for row in rows}


def search_actors(store: Store, query: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Actors a name query may mean, most contacts first, each with its number of events."""
    key = phrase_key(query)
    wanted = resolve_actor_query(query)
    found: dict[str, dict[str, Any]] = {}
    for row in store.query("SELECT id, name, kind, country, aliases FROM actors"):
        aliases = json.loads(row["aliases"] or "[]")
        forms = (phrase_key(f) for f in (row["name"], *aliases))
        if row["id"] in wanted or (key and any(key in form for form in forms)):
            found[row["id"]] = _actor_item(
                row["id"], row["name"], row["kind"], row["country"], aliases
            )
    kb = load_kb()
    for actor_id in wanted - set(found):
        if actor := kb.get(actor_id):
            found[actor_id] = _actor_item(
                actor.id, actor.name, actor.kind, actor.country, actor.aliases
            )
    if key:
        for row in store.query(
            "SELECT DISTINCT actor_id, name, country FROM event_actors"
            " WHERE name_key = ? OR last_key = ?",
            (key, key),
        ):
            found.setdefault(
                row["actor_id"], _actor_item(row["actor_id"], row["name"], None, row["country"], [])
            )
    counts = _event_counts(store, sorted(found))
    items = [{**item, "n_events": counts.get(actor_id, 0)} for actor_id, item in found.items()]
    items.sort(key=lambda a: (-a["n_events"], a["name"], a["id"]))
    return items[:limit]


def get_actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """One actor from the store, the knowledge base, or (outside both) its events."""
    rows = store.query(
        "SELECT id, name, kind, country, aliases, roles FROM actors WHERE id = ?", (actor_id,)
    )
    if rows:
        row = rows[0]
        item = _actor_item(
            row["id"], row["name"], row["kind"], row["country"], json.loads(row["aliases"] or "[]")
        )
        item["roles"] = json.loads(row["roles"] or "[]")
    elif actor := load_kb().get(actor_id):
        item = _actor_item(actor.id, actor.name, actor.kind, actor.country, actor.aliases)
    else:
        seen = store.query(
            "SELECT name, country FROM event_actors WHERE actor_id = ? LIMIT 1", (actor_id,)
        )
        if not seen:
            return None
        item = _actor_item(actor_id, seen[0]["name"], None, seen[0]["country"], [])
    item["n_events"] = _event_counts(store, [actor_id]).get(actor_id, 0)
    return item


def actor_contacts(
    store: Store,
    actor_id: str,
    *,
    period: str = "month",
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """The actor's contacts over time: one item per (period, counterpart), oldest first."""
    width = _PERIOD_WIDTH[period]
    sql = (
        "SELECT e.id, e.event_date, e.mode, e.status, o.actor_id, o.name, o.country"
        " FROM event_actors me JOIN events e ON e.id = me.event_id"
        " JOIN event_actors o ON o.event_id = me.event_id AND o.actor_id <> me.actor_id"
        " WHERE me.actor_id = ?"
    )
    params: list[Any] = [actor_id]
    if since:
        sql += (
            " AND e.event_date IS NOT NULL AND e.event_date >= substr(?, 1, length(e.event_date))"
        )
        params.append(since)
    if until:
        sql += " AND e.event_date IS NOT NULL AND substr(e.event_date, 1, length(?)) <= ?"
        params.extend([until, until])
    buckets: dict[tuple[str, str], dict[str, Any]] = {}
    for row in store.query(sql + " ORDER BY e.sort_date, e.id", params):
        date = row["event_date"]
        bucket_period = date[:width] if date and len(date) >= width else date
        item = buckets.setdefault(
            (bucket_period or "", row["actor_id"]),
            {
                "period": bucket_period,
                "counterpart": {
                    "id": row["actor_id"], "name": row["name"], "country": row["country"],
                },
                "contacts": 0, "events": 0, "modes": {}, "event_ids": [],
            },
        )  # fmt: skip
        item["events"] += 1
        item["contacts"] += row["status"] == "occurred"
        item["modes"][row["mode"]] = item["modes"].get(row["mode"], 0) + 1
        item["event_ids"].append(row["id"])
    return [buckets[key] for key in sorted(buckets)]


def list_articles(
    store: Store, *, lang: str | None = None, limit: int = 50, after: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """Current articles by id (keyset paging); returns (page, id to continue after)."""
    sql = (
        "SELECT id, version, status, error, lang, published, published_doubtful, title, url,"
        " source, ingested_at"
        " FROM articles WHERE is_current = 1"
    )
    params: list[Any] = []
    if lang:
        sql += " AND lang = ?"
        params.append(lang)
    if after:
        sql += " AND id > ?"
        params.append(after)
    rows = store.query(sql + " ORDER BY id LIMIT ?", [*params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    for row in rows:
        row["published_doubtful"] = bool(row["published_doubtful"])
    return rows, (rows[-1]["id"] if more else None)


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One current article with its text, paragraphs (offsets into text), reports and events."""
    rows = store.query(
        "SELECT id, version, status, error, lang, published, published_source, published_doubtful,"
        " published_note, title, url, source, text, paragraphs, ingested_at"
        " FROM articles WHERE id = ? AND is_current = 1",
        (article_id,),
    )
    if not rows:
        return None
    article = rows[0]
    article["published_doubtful"] = bool(article["published_doubtful"])
    article["paragraphs"] = [
        {"start": p[0], "end": p[1], "kind": p[2], "lang": p[3]}
        for p in json.loads(article["paragraphs"] or "[]")
    ]
    article["report_ids"] = [
        row["id"]
        for row in store.query(
            "SELECT id FROM reports WHERE article_id = ? AND version = ? ORDER BY sent_start",
            (article_id, article["version"]),
        )
    ]
    article["event_ids"] = sorted(
        {
            row["event_id"]
            for row in store.query(
                "SELECT event_id FROM event_reports WHERE article_id = ?", (article_id,)
            )
        }
    )
    return article
