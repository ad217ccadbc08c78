"""The merge rows an ingest keeps of what it just wrote equal the rows read back (issue #14).

``store.fresh.FreshRecords`` spares the merge reading back the reports it has just written;
that is only right if every kept row is exactly (``repr``: types too) the row the store would
give, and if no kept row outlives its report: a revision stored later in the same run, or
a later version stored by another process, replaces it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from diplowatch.cli.ingest import ingest_items, store_outcomes
from diplowatch.ingest.readers import read_inputs
from diplowatch.model import Article, FailedArticle
from diplowatch.pipeline import process_article
from diplowatch.resolve.merge import ReportRecord, block_key
from diplowatch.store.base import Store
from diplowatch.store.events import report_records
from diplowatch.store.fresh import FreshRecords
from diplowatch.store.opener import open_store
from tests.conftest import CORPUS

pytestmark = pytest.mark.issue(14)


def _articles() -> list[Article]:
    return [a for a in read_inputs([str(CORPUS)]) if not isinstance(a, FailedArticle)]


def _blocks(store: Store) -> list[str]:
    return sorted({block_key(record.report) for record in report_records(store)})


def _rows(records: list[ReportRecord]) -> str:
    return repr(sorted(records, key=lambda r: (r.report.key, repr(r))))


def _same_rows_either_way(store: Store, fresh: FreshRecords) -> None:
    blocks = _blocks(store)
    assert blocks
    for block in blocks:
        assert _rows(report_records(store, block=block, fresh=fresh)) == _rows(report_records(store, block=block))


def test_kept_rows_equal_the_rows_read_back(db_path: Path) -> None:
    with open_store(db_path) as store:
        fresh = FreshRecords()
        store_outcomes(store, [process_article(a) for a in _articles()], fresh)
        assert fresh
        _same_rows_either_way(store, fresh)


def test_a_revision_later_in_the_run_replaces_the_kept_rows(db_path: Path) -> None:
    articles = _articles()[:6]
    revised = [dataclasses.replace(a, text=a.text.replace(".", ". Today.", 1)) for a in articles[:3]]
    with open_store(db_path) as store:
        fresh = FreshRecords()
        store_outcomes(store, [process_article(a) for a in [*articles, *revised]], fresh)
        _same_rows_either_way(store, fresh)


def test_a_version_stored_since_by_another_writer_is_read(db_path: Path) -> None:
    articles = _articles()[:6]
    with open_store(db_path) as store:
        fresh = FreshRecords()
        store_outcomes(store, [process_article(a) for a in articles], fresh)
    with open_store(db_path) as other:  # another process revises two of them meanwhile: new
        # publication dates, so the same report ids get other report times
        revised = [dataclasses.replace(a, published="2001-01-01") for a in articles[:2]]
        ingest_items(other, revised)
    with open_store(db_path) as store:
        _same_rows_either_way(store, fresh)


def test_past_the_limit_rows_are_read(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FreshRecords, "LIMIT", 12)
    with open_store(db_path) as store:
        fresh = FreshRecords()
        store_outcomes(store, [process_article(a) for a in _articles()], fresh)
        assert 0 < len(fresh) <= 12
        _same_rows_either_way(store, fresh)
