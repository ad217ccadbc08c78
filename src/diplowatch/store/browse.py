"""Read functions behind the analyst's web page: sorted pages, counts, pairs, marks.

They extend ``store.events`` (whose filter SQL they reuse, so the page and ``/api/events``
select the same events) with what browsing needs and the JSON list does not: sorting by any
column with numbered pages, counts per mode and status, a free-text match on evidence,
events of an exact set of actors, the contact network, and the spans to highlight in an
article.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from diplowatch.model import Event
from diplowatch.store.base import Store
from diplowatch.store.events import _where, _with_reports
from diplowatch.store.queries import Filters

SORTS: dict[str, str] = {
    "date": "e.sort_date",
    "mode": "e.mode",
    "status": "e.status",
    "confidence": "e.confidence",
    "reports": "e.n_reports",
    "articles": "e.n_articles",
}


@dataclass(frozen=True)
class Browse:
    """The shared filters plus what only the page offers: free text and exact actor ids."""

    filters: Filters = field(default_factory=Filters)
    text: str | None = None
    actor_ids: tuple[str, ...] = ()


def _conditions(browse: Browse) -> tuple[str, list[Any]]:
    clauses, params = _where(browse.filters)
    for actor_id in browse.actor_ids:
        clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
        params.append(actor_id)
    if browse.text:
        like = f"%{browse.text}%"
        clauses.append(
            "(e.location LIKE ? OR e.actors LIKE ? OR e.id IN (SELECT l.event_id FROM"
            " event_reports l JOIN reports r ON r.id = l.report_id WHERE r.sentence LIKE ?))"
        )
        params.extend([like, like, like])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def page_events(
    store: Store, browse: Browse, *, sort: str = "date", descending: bool = True,
    page: int = 1, per_page: int = 50,
) -> list[Event]:  # fmt: skip
    """One numbered page of matching events in the chosen order."""
    where, params = _conditions(browse)
    direction = "DESC" if descending else "ASC"
    order = f"{SORTS.get(sort, SORTS['date'])} {direction}, e.id {direction}"
    rows = store.query(
        f"SELECT e.* FROM events e{where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, per_page, (max(page, 1) - 1) * per_page],
    )
    return _with_reports(store, rows)


@dataclass(frozen=True)
class Counts:
    total: int
    modes: dict[str, int]
    statuses: dict[str, int]


def _ranked(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def count_events(store: Store, browse: Browse) -> Counts:
    """How many events match, in all and per mode and status (most frequent first).

    Unfiltered, each count reads only its covering index; filtered, one pass over the
    matching rows gives all three (the ``+`` keeps SQLite from walking a mode or status
    index and fetching every row at random).
    """
    where, params = _conditions(browse)
    modes: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    if not where:
        for row in store.query("SELECT mode AS v, COUNT(*) AS n FROM events GROUP BY mode"):
            modes[row["v"]] = row["n"]
        for row in store.query("SELECT status AS v, COUNT(*) AS n FROM events GROUP BY status"):
            statuses[row["v"]] = row["n"]
    else:
        for row in store.query(
            f"SELECT e.mode AS m, e.status AS s, COUNT(*) AS n FROM events e{where} GROUP BY +e.mode, +e.status",
            params,
        ):
            modes[row["m"]] += row["n"]
            statuses[row["s"]] += row["n"]
    return Counts(sum(modes.values()), _ranked(modes), _ranked(statuses))


def timeline_events(store: Store, browse: Browse, *, limit: int) -> list[dict[str, Any]]:
    """Dated matching events (newest ``limit``) as light rows: id, date, mode, status, actors."""
    where, params = _conditions(browse)
    where += (" AND " if where else " WHERE ") + "e.event_date IS NOT NULL"
    rows = store.query(
        "SELECT e.id, e.event_date, e.date_precision, e.mode, e.status, e.location, e.actors"
        f" FROM events e{where} ORDER BY e.sort_date DESC, e.id DESC LIMIT ?",
        [*params, limit],
    )
    for row in rows:
        row["actors"] = [tuple(a) for a in json.loads(row["actors"])]
    return rows


def contact_network(store: Store, browse: Browse, *, max_nodes: int, max_edges: int) -> dict[str, Any]:
    """Actors (with event counts) and actor pairs (with event counts) of the matching events.

    Only the ``max_nodes`` most active actors are kept, and of the pairs between them the
    ``max_edges`` with most events (``pairs`` says how many there were): a drawing of every
    pair among thousands of actors is neither readable nor fast.
    """
    where, params = _conditions(browse)
    matching = f"SELECT e.id FROM events e{where}"
    nodes = store.query(
        "SELECT a.actor_id AS id, MIN(a.name) AS name, MIN(a.country) AS country,"
        f" COUNT(*) AS events FROM event_actors a WHERE a.event_id IN ({matching})"
        " GROUP BY a.actor_id ORDER BY events DESC, a.actor_id LIMIT ?",
        [*params, max_nodes],
    )
    kept = {node["id"] for node in nodes}
    pairs: Counter[tuple[str, str]] = Counter()
    for row in store.query(
        "SELECT a.actor_id AS s, b.actor_id AS t FROM event_actors a JOIN event_actors b"
        " ON b.event_id = a.event_id AND a.actor_id < b.actor_id"
        f" WHERE a.event_id IN ({matching})",
        params,
    ):
        if row["s"] in kept and row["t"] in kept:
            pairs[(row["s"], row["t"])] += 1
    strongest = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:max_edges]
    edges = [{"source": s, "target": t, "events": n} for (s, t), n in strongest]
    return {"nodes": nodes, "edges": edges, "pairs": len(pairs)}


def event_countries(store: Store) -> list[str]:
    """Countries of the actors seen in events, for the filter's suggestions.

    A loose index scan (one index seek per country) rather than DISTINCT over every row.
    """
    rows = store.query(
        "WITH RECURSIVE seen(country) AS ("
        " SELECT MIN(country) FROM event_actors WHERE country IS NOT NULL"
        " UNION ALL SELECT (SELECT MIN(x.country) FROM event_actors x"
        " WHERE x.country > seen.country) FROM seen WHERE seen.country IS NOT NULL)"
        " SELECT country FROM seen WHERE country IS NOT NULL"
    )
    return [row["country"] for row in rows]


def actor_surfaces(store: Store, actor_id: str) -> Counter[str]:
    """Every surface form an actor was mentioned by, with how often."""
    rows = store.query(
        "SELECT surface, COUNT(*) AS n FROM mentions WHERE actor_id = ? GROUP BY surface",
        (actor_id,),
    )
    return Counter({row["surface"]: row["n"] for row in rows})


def article_marks(store: Store, article_id: str, version: int) -> list[dict[str, Any]]:
    """Spans to highlight in an article: actor mentions and event triggers, by start."""
    marks = [
        {"start": row["start_pos"], "end": row["end_pos"], "kind": "mention",
         "label": row["name"] or row["kind"], "actor_id": row["actor_id"]}
        for row in store.query(
            "SELECT start_pos, end_pos, kind, name, actor_id FROM mentions"
            " WHERE article_id = ? AND version = ?",
            (article_id, version),
        )
    ]  # fmt: skip
    marks += [
        {"start": row["trigger_start"], "end": row["trigger_end"], "kind": "trigger",
         "label": f"{row['mode']} · {row['status']}", "report_id": row["id"]}
        for row in store.query(
            "SELECT id, trigger_start, trigger_end, mode, status FROM reports"
            " WHERE article_id = ? AND version = ?",
            (article_id, version),
        )
    ]  # fmt: skip
    return sorted(marks, key=lambda m: (m["start"], -m["end"]))
