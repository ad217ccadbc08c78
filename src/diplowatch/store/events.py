"""Merged events in the store: build them from reports, keep them current, read them back.

Events are derived data: a block (type + canonical actor set, ``resolve.merge.block_key``) is
re-merged from all its current reports and its stored rows made equal to the result (only
changed events are rewritten), or, for new articles, patched from the days or clusters around
them when ``resolve.day_patch``, ``resolve.new_day`` or ``resolve.coarse_patch`` shows that
gives the same result; so an
incremental update and a full rebuild write the same rows with the same ids. All SQL goes
through ``Store.execute``/``Store.query`` with ``?`` placeholders and portable syntax.

Writing: ``update_events`` (blocks touched by an ingest), ``rebuild_events`` (everything).
Reading: ``list_events`` (filters + keyset paging), ``get_event``, ``event_reports``.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from diplowatch.lang.keys import phrase_key
from diplowatch.model import Event
from diplowatch.resolve.coarse_patch import coarse_window, patch_coarse
from diplowatch.resolve.day_patch import DayPatch, day_ranges, patch_days
from diplowatch.resolve.merge import ReportRecord, block_key, event_block, merge_block
from diplowatch.resolve.new_day import new_day_window, seen_by, unmoved
from diplowatch.store.base import Store, in_chunks, report_from_row
from diplowatch.store.fresh import FreshRecords
from diplowatch.store.queries import Filters, resolve_actor_query
from diplowatch.store.windows import add_article_events, coarse_stored, day_window, vague_records

_RECORD_COLUMNS = (
    "SELECT r.*, a.published AS article_published,"
    " (SELECT MIN(f.ingested_at) FROM articles f WHERE f.id = r.article_id) AS first_seen"
)
# "+ 0" keeps SQLite off the articles_current index: with it, every block's query walked all
# current articles and their reports, however few reports the block's actors have
_RECORDS_SQL = (
    _RECORD_COLUMNS + " FROM reports r JOIN articles a ON a.id = r.article_id AND a.version = r.version"
    " WHERE a.is_current + 0 = 1"
)


# -- building -----------------------------------------------------------------------
def _record(row: dict[str, Any]) -> ReportRecord:
    return ReportRecord(report_from_row(row), published=row["article_published"], first_seen=row["first_seen"])


def report_records(store: Store, *, block: str | None = None, fresh: FreshRecords | None = None) -> list[ReportRecord]:
    """Merge input rows: current reports with report times, all or those of one block.

    ``fresh`` holds rows this process has just written: those are taken as kept, not read.
    """
    if block is None:
        return [_record(row) for row in store.query(_RECORDS_SQL)]
    where, params = _block_where(block)
    if fresh:
        records = _fresh_or_read(store, where, params, fresh)
    else:
        records = [_record(row) for row in store.query(_RECORDS_SQL + where, params)]
    return [record for record in records if block_key(record.report) == block]


def _block_where(block: str) -> tuple[str, list[str]]:
    """The condition (after ``_RECORDS_SQL``'s WHERE) and parameters of a block's reports: a
    superset, the caller keeps those whose ``block_key`` is the block."""
    actor_ids = [a for a in block.split("|", 1)[1].split(",") if a]
    if actor_ids:  # every actor narrows: a busy actor's reports with others are not read
        return " AND r.id IN (SELECT report_id FROM report_actors WHERE actor_id = ?)" * len(actor_ids), actor_ids
    return " AND NOT EXISTS (SELECT 1 FROM report_actors x WHERE x.report_id = r.id)", []


def _fresh_or_read(store: Store, where: str, params: list[str], fresh: FreshRecords) -> list[ReportRecord]:
    """Rows of ``where`` (a superset of a block's, as ``report_records`` filters them): the
    articles and current versions read, the kept rows of those articles taken, the others read."""
    current = store.query(
        "SELECT DISTINCT r.article_id, r.version FROM reports r"
        " JOIN articles a ON a.id = r.article_id AND a.version = r.version WHERE a.is_current + 0 = 1" + where,
        params,
    )
    records: list[ReportRecord] = []
    missing: list[str] = []
    for row in current:
        kept = fresh.get(row["article_id"], row["version"])
        if kept is None:
            missing.append(row["article_id"])
        else:
            records.extend(kept)
    for chunk, marks in in_chunks(missing):
        records.extend(
            map(_record, store.query(_RECORDS_SQL + where + f" AND r.article_id IN ({marks})", [*params, *chunk]))
        )
    return records


def article_blocks(store: Store, article_id: str) -> set[str]:
    """Blocks of an article's current reports (re-merge them when the article changes)."""
    rows = store.query(
        "SELECT r.* FROM reports r JOIN articles a ON a.id = r.article_id AND a.version = r.version"
        " WHERE a.is_current = 1 AND r.article_id = ?",
        (article_id,),
    )
    return {block_key(report_from_row(row)) for row in rows}


def _delete_events(store: Store, ids: Sequence[str]) -> None:
    for chunk, marks in in_chunks(ids):
        for table in ("event_actors", "event_reports"):
            store.execute(f"DELETE FROM {table} WHERE event_id IN ({marks})", chunk)
        store.execute(f"DELETE FROM events WHERE id IN ({marks})", chunk)


def _insert_event(store: Store, event: Event, article_of: dict[str, str]) -> None:
    sort_date = event.date or ""
    store.execute(
        "INSERT INTO events (id, block, type, mode, status, event_date, date_precision,"
        " date_basis, sort_date, location, actors, langs, n_reports, n_articles, first_reported,"
        " last_reported, confidence, conflicts, evidential)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.id,
            event_block(event),
            event.type,
            event.mode,
            event.status,
            event.date,
            event.date_precision,
            event.date_basis,
            sort_date,
            event.location,
            json.dumps(event.actors, ensure_ascii=False),
            json.dumps(event.langs),
            len(event.report_ids),
            len(event.article_ids),
            event.first_reported,
            event.last_reported,
            event.confidence,
            json.dumps(event.conflicts),
            int(event.evidential),
        ),
    )
    store.execute_many(  # one call for all links: a busy contact has thousands of reports
        "INSERT INTO event_reports (event_id, report_id, article_id) VALUES (?, ?, ?)",
        [(event.id, report_id, article_of[report_id]) for report_id in event.report_ids],
    )
    keys = [phrase_key(name) for _actor_id, name, _country in event.actors]
    store.execute_many(
        "INSERT INTO event_actors (event_id, actor_id, name, name_key, last_key, country,"
        " sort_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (event.id, actor_id, name, key, key.rsplit(" ", 1)[-1], country, sort_date)
            for (actor_id, name, country), key in zip(event.actors, keys, strict=True)
        ],
    )


def save_block_events(store: Store, block: str, records: Sequence[ReportRecord]) -> list[Event]:
    """Re-merge one block from its rows and make its stored events equal the result (no commit).

    Only events that changed are rewritten: a new article about a busy pair changes one or two
    of its thousands of events, and writing the rest again would cost more than the merge.
    """
    events = merge_block(block, records) if records else []
    article_of = {r.report.key: r.report.article_id for r in records}
    stored = {e.id: e for e in _with_reports(store, store.query("SELECT * FROM events WHERE block = ?", (block,)))}
    changed = [e for e in events if stored.get(e.id) != e]
    kept = {e.id for e in events}.difference(e.id for e in changed)
    _delete_events(store, sorted(set(stored) - kept))
    for event in changed:
        _insert_event(store, event, article_of)
    return events


MAX_PATCHED = 50  # more changed articles than this: one re-merge of the block is cheaper


def _new_records(store: Store, block: str, articles: Sequence[str]) -> list[ReportRecord] | None:
    """The current reports of ``articles`` in the block, or None when one of them was merged
    into it before (a revision: its old rows are gone, so only a re-merge knows their effect)."""
    marks = ", ".join("?" * len(articles))
    if store.query(
        "SELECT 1 FROM event_reports l JOIN events e ON e.id = l.event_id"
        f" WHERE l.article_id IN ({marks}) AND e.block = ? LIMIT 1",
        [*articles, block],
    ):
        return None
    rows = store.query(_RECORDS_SQL + f" AND r.article_id IN ({marks})", articles)
    return [record for record in map(_record, rows) if block_key(record.report) == block]


def _event_records(store: Store, event_id: str) -> list[ReportRecord]:
    """The merge rows of a stored event's reports (read from its links: the index leads)."""
    rows = store.query(
        _RECORD_COLUMNS + " FROM event_reports l JOIN reports r ON r.id = l.report_id"
        " JOIN articles a ON a.id = r.article_id AND a.version = r.version"
        " WHERE l.event_id = ? AND a.is_current = 1",
        (event_id,),
    )
    return [_record(row) for row in rows]


def _new_days_hold(store: Store, block: str, patch: DayPatch) -> bool:
    """Whether no stored coarse report would join, or leave for, the day clusters the patch
    makes (``resolve.new_day``)."""
    stored = coarse_stored(store, block, new_day_window(patch.new_days))
    seen = seen_by(patch.new_days, [r for _, rows in stored.values() for _, r in rows] + vague_records(store, block))
    if seen is None:
        return False
    keys = {id(record.report): key for _, rows in stored.values() for key, record in rows}
    seen_keys = [keys[id(record.report)] for record in seen]
    if seen_keys:
        add_article_events(store, block, stored, {record.report.article_id for record in seen})
    return unmoved(stored, patch.new_days, seen_keys)


def patch_block(store: Store, block: str, articles: Sequence[str]) -> int | None:
    """Bring the block up to date for new articles from a few of its days (``resolve.day_patch``)
    or, for month-, year- and undated reports, a few of its clusters (``resolve.coarse_patch``);
    returns the events written, or None, with nothing written, when the block must be re-merged."""
    added = _new_records(store, block, articles)
    if not added:
        return None if added is None else 0
    ranges = day_ranges(added)
    members = functools.partial(_event_records, store)
    if ranges is not None:
        window, event_of = day_window(store, block, ranges)
        patch = patch_days(block, window, event_of, members, added)
        if patch is not None and (not patch.events or (patch.new_days and not _new_days_hold(store, block, patch))):
            patch = None
    else:
        coarse = coarse_window(added)
        patch = None if coarse is None else patch_coarse(block, coarse_stored(store, block, coarse), members, added)
    if patch is None:
        return None
    marks = ", ".join("?" * len(patch.replaced))
    links = f"SELECT report_id, article_id FROM event_reports WHERE event_id IN ({marks})"
    article_of = {row["report_id"]: row["article_id"] for row in store.query(links, patch.replaced)} if marks else {}
    article_of.update((record.report.key, record.report.article_id) for record in added)
    _delete_events(store, patch.replaced)
    for event in patch.events:
        _insert_event(store, event, article_of)
    return len(patch.events)


def update_events(store: Store, blocks: Iterable[str], articles: Collection[str] = ()) -> int:
    """Bring the given blocks (those an ingest touched) up to date; returns the events written.

    ``articles`` are the articles stored since the blocks' events were last made: when they
    are few and new, a block is patched from the days around their reports, else re-merged.
    Either way its stored events end equal to a full rebuild's.
    """
    written = 0
    changed = sorted(articles) if len(articles) <= MAX_PATCHED else []
    for block in sorted(set(blocks)):
        # concurrent ingest processes (PostgreSQL) update one block at a time: the lock is
        # held from reading the block's reports until its events are replaced and committed
        store.lock("block:" + block)
        written += update_block(store, block, changed)
        store.commit()
    return written


def update_block(store: Store, block: str, articles: Sequence[str], fresh: FreshRecords | None = None) -> int:
    """Make one block's stored events current (no lock, no commit): patched for the new
    ``articles`` when that applies, else re-merged (taking the ``fresh`` rows this process
    has just written instead of reading them); returns the events written."""
    patched = patch_block(store, block, articles) if articles else None
    if patched is None:
        patched = len(save_block_events(store, block, report_records(store, block=block, fresh=fresh)))
    return patched


def rebuild_events(store: Store) -> tuple[int, int]:
    """Rebuild every event from the current reports; returns (blocks, events)."""
    by_block: dict[str, list[ReportRecord]] = defaultdict(list)
    for record in report_records(store):
        by_block[block_key(record.report)].append(record)
    for table in ("event_actors", "event_reports", "events"):
        store.execute(f"DELETE FROM {table}")
    written = 0
    for block in sorted(by_block):
        written += len(save_block_events(store, block, by_block[block]))
    store.commit()
    return len(by_block), written


def ensure_events(store: Store) -> None:
    """Build events once for a store that has reports but none yet (made before events existed)."""
    if not store.query("SELECT id FROM events LIMIT 1") and store.query("SELECT id FROM reports LIMIT 1"):
        rebuild_events(store)


# -- reading ------------------------------------------------------------------------
def _event_from_row(row: dict[str, Any], reports: list[tuple[str, str]]) -> Event:
    return Event(
        id=row["id"],
        type=row["type"],
        mode=row["mode"],
        status=row["status"],
        date=row["event_date"],
        date_precision=row["date_precision"],
        location=row["location"],
        actors=[(a[0], a[1], a[2]) for a in json.loads(row["actors"])],
        report_ids=sorted(r for r, _ in reports),
        article_ids=sorted({a for _, a in reports}),
        langs=json.loads(row["langs"]),
        confidence=row["confidence"],
        conflicts=json.loads(row["conflicts"]),
        evidential=bool(row["evidential"]),
        date_basis=row["date_basis"] or "unknown",
        first_reported=row["first_reported"],
        last_reported=row["last_reported"],
    )


def _with_reports(store: Store, rows: list[dict[str, Any]]) -> list[Event]:
    links: dict[str, list[tuple[str, str]]] = defaultdict(list)
    ids = [row["id"] for row in rows]
    for chunk, marks in in_chunks(ids):
        for link in store.query(
            f"SELECT event_id, report_id, article_id FROM event_reports WHERE event_id IN ({marks})",
            chunk,
        ):
            links[link["event_id"]].append((link["report_id"], link["article_id"]))
    return [_event_from_row(row, links[row["id"]]) for row in rows]


def _where(filters: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions of the shared filters (same meaning as queries.filter_events)."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.mode:
        clauses.append("e.mode = ?")
        params.append(filters.mode)
    if filters.status:
        clauses.append("e.status = ?")
        params.append(filters.status)
    if filters.country:
        clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)")
        params.append(filters.country.upper())
    if filters.lang:
        clauses.append("e.langs LIKE ?")
        params.append(f'%"{filters.lang}"%')
    if filters.actor:
        ids = sorted(resolve_actor_query(filters.actor))
        key = phrase_key(filters.actor)
        by_id = f"actor_id IN ({', '.join('?' * len(ids))}) OR " if ids else ""
        clauses.append(f"e.id IN (SELECT event_id FROM event_actors WHERE {by_id}name_key = ? OR last_key = ?)")
        params.extend([*ids, key, key])
    if filters.since:  # the sort_date bound uses the index: no kept date sorts before its year
        clauses.append("e.sort_date >= ? AND e.event_date >= substr(?, 1, length(e.event_date))")
        params.extend([filters.since[:4], filters.since])
    if filters.until:  # '~' sorts after digits and '-': dates starting with until stay below
        clauses.append("e.sort_date <= ? AND e.event_date IS NOT NULL")
        clauses.append("substr(e.event_date, 1, length(?)) <= ?")
        params.extend([filters.until + "~", filters.until, filters.until])
    return clauses, params


def list_events(
    store: Store,
    filters: Filters | None = None,
    *,
    limit: int | None = None,
    after: tuple[str, str] | None = None,
) -> tuple[list[Event], tuple[str, str] | None]:
    """Events matching the filters, newest first; returns (page, position after its last item).

    Paging is by keyset on (date, id), so a page never shifts when events are added elsewhere.
    """
    clauses, params = _where(filters or Filters())
    if after is not None:
        clauses.append("(e.sort_date < ? OR (e.sort_date = ? AND e.id < ?))")
        params.extend([after[0], after[0], after[1]])
    sql = "SELECT e.* FROM events e"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY e.sort_date DESC, e.id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit + 1)
    rows = store.query(sql, params)
    more = limit is not None and len(rows) > limit
    rows = rows[:limit] if limit is not None else rows
    position = (rows[-1]["sort_date"], rows[-1]["id"]) if more else None
    return _with_reports(store, rows), position


def get_event(store: Store, event_id: str) -> Event | None:
    rows = store.query("SELECT * FROM events WHERE id = ?", (event_id,))
    return _with_reports(store, rows)[0] if rows else None


def event_reports(store: Store, event_id: str) -> list[dict[str, Any]]:
    """The reports behind an event with their evidence: sentence, marked spans, article."""
    rows = store.query(
        "SELECT r.*, a.title AS article_title, a.url AS article_url,"
        " a.published AS article_published"
        " FROM event_reports l JOIN reports r ON r.id = l.report_id"
        " LEFT JOIN articles a ON a.id = r.article_id AND a.version = r.version"
        " WHERE l.event_id = ? ORDER BY a.published, r.article_id, r.sent_start",
        (event_id,),
    )
    out = []
    for row in rows:
        offset = row["sent_start"]
        spans = [
            {
                "kind": "actor",
                "actor_id": a["actor_id"],
                "start": a["start"] - offset,
                "end": a["end"] - offset,
            }
            for a in json.loads(row["actors"])
        ]
        spans.append(
            {
                "kind": "trigger",
                "start": row["trigger_start"] - offset,
                "end": row["trigger_end"] - offset,
            }
        )
        report = report_from_row(row).to_dict()
        report["article"] = {
            "id": row["article_id"],
            "title": row["article_title"],
            "url": row["article_url"],
            "published": row["article_published"],
        }
        report["evidence"] = {
            "sentence": row["sentence"],
            "spans": sorted(spans, key=lambda s: s["start"]),
        }
        out.append(report)
    return out


def event_to_dict(event: Event) -> dict[str, Any]:
    """The JSON form of a merged event, shared by the exports and the API."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "status": event.status,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "location": event.location,
        "actors": [{"id": a[0], "name": a[1], "country": a[2]} for a in event.actors],
        "n_reports": len(event.report_ids),
        "n_articles": len(event.article_ids),
        "langs": event.langs,
        "first_reported": event.first_reported,
        "last_reported": event.last_reported,
        "confidence": round(event.confidence, 3),
        "conflicts": event.conflicts,
        "evidential": event.evidential,
        "report_ids": event.report_ids,
        "article_ids": event.article_ids,
    }
