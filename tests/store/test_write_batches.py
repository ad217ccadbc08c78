"""Ingest commits a batch of articles at a time: same rows as a commit per article, a failure
inside a batch lands with the rest, a crash loses no more than the open batch (issue #14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplowatch.cli.ingest import ingest_items
from diplowatch.ingest.readers import read_inputs
from diplowatch.model import Article, FailedArticle
from diplowatch.store.base import Store
from diplowatch.store.opener import open_store

pytestmark = pytest.mark.issue(14)

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


def _articles() -> list[Article | FailedArticle]:
    return list(read_inputs([str(CORPUS)]))[:12]


def _rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row.values()) for row in store.query(sql)]


def _snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row but the ingest time, which differs between two runs."""
    return {
        "articles": _rows(store, "SELECT id, version, status, error, lang, published FROM articles ORDER BY id"),
        "mentions": _rows(store, "SELECT * FROM mentions ORDER BY article_id, start_pos, end_pos, actor_id"),
        "reports": _rows(store, "SELECT * FROM reports ORDER BY id"),
        "events": _rows(store, "SELECT * FROM events ORDER BY id"),
        "links": _rows(store, "SELECT * FROM event_reports ORDER BY event_id, report_id"),
    }


def test_batched_writes_store_the_same_rows_and_events_as_a_commit_per_article(tmp_path: Path) -> None:
    snapshots = []
    for batch in (1, 5):
        with open_store(tmp_path / f"b{batch}.db") as store:
            store.write_batch = batch
            counts, _ = ingest_items(store, _articles())
            assert counts["new"] == 12
            snapshots.append(_snapshot(store))
    assert snapshots[0]["events"] and snapshots[0] == snapshots[1]


def test_a_failure_inside_a_batch_is_recorded_and_the_rest_of_the_batch_lands(db_path: Path) -> None:
    articles = _articles()[:4]
    items = [*articles[:2], FailedArticle(id="bad", reason="empty file", origin="in/bad.txt"), *articles[2:]]
    with open_store(db_path) as store:
        store.write_batch = 10  # all five in one transaction
        counts, failures = ingest_items(store, items)
        assert (counts["new"], counts["failed"], [f.id for f in failures]) == (4, 1, ["bad"])
    with open_store(db_path) as store:  # committed, not just visible to the writer
        rows = {r["id"]: (r["status"], r["error"]) for r in store.query("SELECT id, status, error FROM articles")}
    assert rows.pop("bad") == ("failed", "empty file")
    assert set(rows) == {a.id for a in articles} and {s for s, _ in rows.values()} == {"ok"}


def test_the_same_article_twice_in_one_batch_is_stored_once(db_path: Path) -> None:
    article = _articles()[0]
    with open_store(db_path) as store:
        counts, _ = ingest_items(store, [article, article])
        assert (counts["new"], counts["unchanged"]) == (1, 1)
        assert store.query("SELECT COUNT(*) AS n FROM articles")[0]["n"] == 1


def test_a_crash_loses_only_the_open_batch(db_path: Path) -> None:
    articles = _articles()[:5]

    def crashing() -> Iterator[Article | FailedArticle]:
        yield from articles
        raise KeyboardInterrupt  # the reader stops dead after the fifth article

    with open_store(db_path) as store:
        store.write_batch = 2
        with pytest.raises(KeyboardInterrupt):
            ingest_items(store, crashing())
    with open_store(db_path) as store:
        kept = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]
        assert kept == sorted(a.id for a in articles[:4])  # two committed batches of two
        counts, _ = ingest_items(store, articles)  # a re-run stores the lost one alone
        assert (counts["unchanged"], counts["new"]) == (4, 1)


def test_a_json_line_with_half_a_surrogate_pair_fails_alone(tmp_path: Path, db_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a1", "text": "Putin met Xi in Beijing on Monday."}\n'
        '{"id": "a2", "text": "Broken \\ud800 text. Putin met Xi."}\n'
        '{"id": "a3", "text": "Lavrov phoned Rubio on Monday."}\n',
        encoding="utf-8",
    )
    with open_store(db_path) as store:
        counts, failures = ingest_items(store, read_inputs([str(feed)]))
        assert (counts["new"], [f.id for f in failures]) == (2, ["a2"])
        assert "surrogate" in failures[0].reason
        assert {r["id"] for r in store.query("SELECT id FROM articles WHERE status = 'ok'")} == {"a1", "a3"}
