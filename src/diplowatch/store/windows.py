"""The few stored rows of a busy block that a patch reads instead of the block (issue #14).

``resolve.day_patch``, ``resolve.coarse_patch`` and ``resolve.new_day`` decide from the
clustering fields of some of a block's merged reports (date, mode, status, article, report
times) and the event each is linked to; these queries read just those, through the events'
``(block, sort_date)`` index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from diplowatch.model import Report
from diplowatch.resolve.coarse_patch import CoarseWindow
from diplowatch.resolve.merge import ReportRecord
from diplowatch.store.base import Store, in_chunks

StoredEvents = dict[str, tuple[str | None, list[tuple[str, ReportRecord]]]]

_LINKED_SQL = (
    "SELECT r.id, r.article_id, r.mode, r.status, r.event_date, r.date_precision, l.event_id,"
    " e.event_date AS merged_date, a.published AS article_published,"
    " (SELECT MIN(f.ingested_at) FROM articles f WHERE f.id = r.article_id) AS first_seen"
    " FROM events e JOIN event_reports l ON l.event_id = e.id JOIN reports r ON r.id = l.report_id"
    " JOIN articles a ON a.id = r.article_id AND a.version = r.version WHERE e.block = ?"
)
_WINDOW_SQL = (
    _LINKED_SQL + " AND e.sort_date >= ? AND e.sort_date <= ? AND e.date_precision = 'day'"
    " AND r.date_precision = 'day' AND r.event_date >= ? AND r.event_date <= ?"
)
# the partial index of migration 0006 leads (a CROSS JOIN keeps SQLite's join order; "+ 0" and
# "|| ''" keep it off the other indexes): only articles with a vague publication date are read
_VAGUE_SQL = (
    "SELECT r.id, r.article_id, r.mode, r.status, r.event_date, r.date_precision, a.published AS article_published,"
    " (SELECT MIN(f.ingested_at) FROM articles f WHERE f.id = r.article_id) AS first_seen"
    " FROM articles a CROSS JOIN reports r CROSS JOIN event_reports l CROSS JOIN events e"
    " WHERE length(a.published) < 10 AND a.is_current + 0 = 1 AND r.article_id = a.id AND r.version = a.version"
    " AND l.report_id = r.id AND e.id = l.event_id AND e.block || '' = ?"
    " AND (r.date_precision IS NULL OR r.date_precision = 'year' OR r.event_date IS NULL)"
)


def placement_record(row: dict[str, Any]) -> ReportRecord:
    """A linked report as the clustering reads it: date, mode, status, article, report times."""
    report = Report(
        row["article_id"], 0, 0, 0, 0, "", row["mode"], (), row["status"], row["event_date"], row["date_precision"]
    )
    return ReportRecord(report, row["article_published"], row["first_seen"])


def day_window(
    store: Store, block: str, ranges: list[tuple[str, str]]
) -> tuple[list[tuple[str, ReportRecord]], dict[str, str]]:
    """The merged day reports of the block in the ranges, as the rows ``group_days`` reads."""
    window, event_of = [], {}
    margin = dt.timedelta(days=2)  # a day cluster's event date is within 2 days of its reports'
    for lo, hi in ranges:
        low = (dt.date.fromisoformat(lo) - margin).isoformat()
        high = (dt.date.fromisoformat(hi) + margin).isoformat()
        for row in store.query(_WINDOW_SQL, (block, low, high, lo, hi)):
            window.append((row["id"], placement_record(row)))
            event_of[row["id"]] = row["event_id"]
    return window, event_of


def _add_rows(stored: StoredEvents, rows: list[dict[str, Any]]) -> None:
    """Add the events of ``rows`` not read before (an event read by an earlier query is complete)."""
    fresh: set[str] = set()
    for row in rows:
        if row["event_id"] not in stored:
            fresh.add(row["event_id"])
            stored[row["event_id"]] = (row["merged_date"], [])
        if row["event_id"] in fresh:
            stored[row["event_id"]][1].append((row["id"], placement_record(row)))


def coarse_stored(store: Store, block: str, window: CoarseWindow) -> StoredEvents:
    """The stored events of the window with their reports, as ``patch_coarse`` reads them."""
    queries = [(" AND e.sort_date >= ? AND e.sort_date <= ?", span) for span in window.dated]
    undated = " AND e.sort_date = '' AND e.first_reported >= ? AND e.first_reported <= ?"
    queries += [(undated, span) for span in window.undated]
    stored: StoredEvents = {}
    for condition, (lo, hi) in queries:
        _add_rows(stored, store.query(_LINKED_SQL + condition, (block, lo, hi)))
    return stored


def add_article_events(store: Store, block: str, stored: StoredEvents, articles: Collection[str]) -> None:
    """Add the block's events that hold any of ``articles`` (their own-article clusters)."""
    listed = sorted(articles)
    for chunk, marks in in_chunks(listed):
        held = f" AND e.id IN (SELECT x.event_id FROM event_reports x WHERE x.article_id IN ({marks}))"
        _add_rows(stored, store.query(_LINKED_SQL + held, [block, *chunk]))


def vague_records(store: Store, block: str) -> list[ReportRecord]:
    """The block's merged year- and undated reports whose article has no publication day:
    such a report may look at any cluster of its year or block.

    Reports of articles without a publication date take the day they were first ingested,
    which the store always writes as a timestamp.
    """
    return [placement_record(row) for row in store.query(_VAGUE_SQL, (block,))]
