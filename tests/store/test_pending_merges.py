"""An ingest killed after some batches committed, before its merge, loses no events (issue #14).

The crash is real: the input stream raises part-way, so the committed batches stay and the
open one is rolled back when the store closes, as a killed process would leave it. The next
ingest finds the committed articles unchanged; their blocks are still recorded as pending and
get merged. Both back-ends (PostgreSQL on a throw-away server).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from diplowatch.cli.ingest import ingest_items, store_outcomes
from diplowatch.ingest.pool import process_items
from diplowatch.ingest.readers import read_inputs
from diplowatch.model import Article, FailedArticle
from diplowatch.resolve.merge import merge_reports
from diplowatch.store.base import Store
from diplowatch.store.events import list_events, report_records
from diplowatch.store.opener import open_store
from tests.conftest import CORPUS

pytestmark = pytest.mark.issue(14)


class Crash(Exception):
    """The process dying part-way through the input."""


def _articles() -> list[Article | FailedArticle]:
    return list(read_inputs([str(CORPUS)]))[:12]


def _crashing(items: Iterable[Article | FailedArticle], after: int) -> Iterator[Article | FailedArticle]:
    for n, item in enumerate(items):
        if n == after:
            raise Crash
        yield item


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return request.getfixturevalue("pg_url") if request.param == "postgres" else str(tmp_path / "s.db")


def _pending(store: Store) -> set[str]:
    return {row["article_id"] for row in store.query("SELECT article_id FROM pending_merges")}


def _merged_as_a_rebuild(store: Store) -> bool:
    events = sorted(list_events(store)[0], key=lambda e: e.id)
    return bool(events) and events == sorted(merge_reports(report_records(store)), key=lambda e: e.id)


def test_articles_committed_before_a_crash_are_merged_by_the_next_ingest(db: str) -> None:
    articles = _articles()
    with open_store(db) as store:
        store.write_batch = min(store.write_batch, 3)
        with pytest.raises(Crash):
            ingest_items(store, _crashing(articles, 7))
    with open_store(db) as store:
        committed = {row["id"] for row in store.articles()}
        assert 0 < len(committed) <= 7
        assert list_events(store)[0] == []
        assert _pending(store) == _reporting_articles(store) and _pending(store)
        counts, _ = ingest_items(store, [a for a in articles if a.id in committed])  # all of them unchanged
        assert counts["unchanged"] == len(committed)
        assert _merged_as_a_rebuild(store) and _pending(store) == set()
        assert {a for e in list_events(store)[0] for a in e.article_ids} == _reporting_articles(store)
        ingest_items(store, articles)
        assert _merged_as_a_rebuild(store) and _pending(store) == set()


def _reporting_articles(store: Store) -> set[str]:
    return {row["article_id"] for row in store.query("SELECT DISTINCT article_id FROM reports")}


def test_blocks_left_pending_are_merged_by_an_ingest_with_nothing_new(db: str) -> None:
    with open_store(db) as store:  # stored and committed, then killed before the merge
        store_outcomes(store, process_items(_articles()[:4], is_unchanged=lambda a: False, workers=1))
    with open_store(db) as store:
        assert _pending(store) and list_events(store)[0] == []
        ingest_items(store, [])
        assert _merged_as_a_rebuild(store) and _pending(store) == set()
