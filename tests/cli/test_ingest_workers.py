"""``ingest --workers 2`` stores exactly what ``--workers 1`` stores."""

from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path

import pytest

from diplowatch.cli.ingest import ingest_items
from diplowatch.ingest import pool
from diplowatch.model import Article, FailedArticle
from diplowatch.store.opener import open_store
from tests.conftest import CORPUS, run_cli

_ARTICLE_COLUMNS = "id, version, content_hash, is_current, status, lang, published, clean_text, paragraphs"


def _snapshot(db: str) -> dict[str, object]:
    with open_store(db) as store:
        return {
            "articles": store.query(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id, version"),
            "mentions": store.query("SELECT * FROM mentions ORDER BY article_id, version, start_pos, end_pos, kind"),
            "reports": store.query("SELECT * FROM reports ORDER BY id"),
            "actors": store.query("SELECT * FROM actors ORDER BY id"),
            "events": run_cli("events", "--db", db, "--format", "jsonl"),
        }


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    run_cli("ingest", str(CORPUS), "--db", one, "--workers", "1")
    run_cli("ingest", str(CORPUS), "--db", two, "--workers", "2")
    first = _snapshot(one)
    assert first["reports"]  # the corpus yields reports; comparing empty stores would prove nothing
    assert _snapshot(two) == first


def test_pool_keeps_input_order_counts_and_failures(tmp_path: Path) -> None:
    """Across batch boundaries: repeated ids version in input order, read failures stay in place."""
    texts = [
        "Merz met Macron in Paris on Monday.",
        "Scholz phoned Biden on Friday.",
        "Rutte visited Kyiv.",
    ]
    items: list[Article | FailedArticle] = []
    for n in range(70):
        items.append(Article(id=f"a{n % 25}", text=texts[n % 3] + f" ({n})", published="2025-05-05", lang="en"))
        if n % 20 == 0:
            items.append(FailedArticle(id=f"bad{n}", reason="empty file", origin="test"))
    results = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.db") as store:
            counts, failures = ingest_items(store, items, workers=workers)
            rows = store.query("SELECT id, version, content_hash, is_current FROM articles ORDER BY id, version")
        results.append((counts, [f.id for f in failures], rows))
    assert results[0][0]["updated"] == 45
    assert results[1] == results[0]


def test_one_task_of_input_is_computed_without_a_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``ingest one.txt`` with the default workers: starting a pool would cost more than the work."""

    def no_pool(method: str) -> None:
        raise AssertionError(f"a {method} pool was started")

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)  # pool.py imports it when it starts one
    text = "Scholz phoned Biden on Friday."
    few = [Article(id=f"a{n}", text=text, published="2025-05-05", lang="en") for n in range(3)]
    outcomes = list(pool.process_items(few, is_unchanged=lambda _article: False, workers=2))
    assert [o.article.id for o in outcomes] == ["a0", "a1", "a2"]  # type: ignore[union-attr]
    many = few * (pool.ARTICLES_PER_TASK + 1)
    with pytest.raises(AssertionError, match="pool was started"):
        list(pool.process_items(many, is_unchanged=lambda _article: False, workers=2))


def test_processing_raises_the_young_collection_threshold_and_restores_it_after() -> None:
    before = gc.get_threshold()
    seen: list[int] = []

    def unchanged(article: Article) -> bool:
        seen.append(gc.get_threshold()[0])
        return True

    articles = [Article(id=f"a{n}", text="x") for n in range(3)]
    outcomes = list(pool.process_items(articles, is_unchanged=unchanged))
    assert [type(o) for o in outcomes] == [pool.Unchanged] * 3
    assert seen == [max(before[0], pool.YOUNG_GC_THRESHOLD)] * 3
    assert gc.get_threshold() == before
