"""The Spark job on the demo corpus in local[2]: same reports, events and ids as embedded runs."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.conftest import CORPUS, run_cli

from diplowatch.cli import main
from diplowatch.ingest.readers import read_inputs
from diplowatch.model import Article
from diplowatch.store.events import list_events
from diplowatch.store.opener import open_store

pytestmark = pytest.mark.spark


def _parquet_rows(folder: Path) -> list[dict[str, Any]]:
    import pyarrow.dataset as ds

    return ds.dataset(str(folder), format="parquet").to_table().to_pylist()


@pytest.fixture(scope="module")
def embedded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("embedded") / "corpus.db")
    run_cli("ingest", str(CORPUS), "--db", db, "--workers", "1")
    return db


@pytest.fixture(scope="module")
def spark_out(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from diplowatch.spark.jobs import run_pipeline

    out = tmp_path_factory.mktemp("spark") / "out"
    run_pipeline(spark, [str(CORPUS)], out, partitions=4)
    return out


def test_spark_events_equal_embedded_events_ids_included(spark_out: Path, embedded_db: str) -> None:
    with open_store(embedded_db) as store:  # the events table an embedded ingest wrote
        embedded = {e.id: asdict(e) for e in list_events(store)[0]}
    from_spark = {}
    for row in _parquet_rows(spark_out / "events"):
        row["actors"] = [tuple(a) for a in json.loads(row["actors"])]
        from_spark[row["id"]] = row
    assert embedded  # the demo corpus has events; an empty comparison would prove nothing
    assert sorted(from_spark) == sorted(embedded)
    differing = {
        (event_id, key): (from_spark[event_id].get(key), value)
        for event_id, event in embedded.items()
        for key, value in event.items()
        if from_spark[event_id].get(key) != value
    }
    assert differing == {}


def test_spark_reports_and_articles_equal_embedded(spark_out: Path, embedded_db: str) -> None:
    with open_store(embedded_db) as store:
        report_ids = sorted(r.key for r in store.current_reports())
        articles = sorted((a["id"], a["status"], a["lang"], a["published"]) for a in store.articles())
        actor_ids = [row["id"] for row in store.query("SELECT id FROM actors ORDER BY id")]
    assert sorted(r["id"] for r in _parquet_rows(spark_out / "reports")) == report_ids
    rows = _parquet_rows(spark_out / "articles")
    assert sorted((r["id"], r["status"], r["lang"], r["published"]) for r in rows) == articles
    assert sorted(r["id"] for r in _parquet_rows(spark_out / "actors")) == actor_ids


def test_load_brings_spark_tables_into_a_store_like_ingest(spark_out: Path, embedded_db: str, tmp_path: Path) -> None:
    db = str(tmp_path / "loaded.db")
    run_cli("load", str(spark_out), "--db", db)
    assert run_cli("events", "--db", db, "--format", "jsonl") == run_cli(
        "events", "--db", embedded_db, "--format", "jsonl"
    )
    again = CliRunner().invoke(main, ["load", str(spark_out), "--db", db], catch_exceptions=False)
    assert "new 0, updated 0, unchanged 32" in again.stderr


def test_spark_reads_parquet_article_records(spark: Any, embedded_db: str, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from diplowatch.spark.jobs import run_pipeline

    articles = [a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article)][:6]
    records = [{k: getattr(a, k) for k in ("id", "text", "published", "lang", "title", "url")} for a in articles]
    (tmp_path / "in").mkdir()
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "in" / "part-0.parquet")
    run_pipeline(spark, [str(tmp_path / "in")], tmp_path / "out", partitions=2)
    with open_store(embedded_db) as store:
        wanted = {a.id for a in articles}
        expected = sorted(r.key for r in store.current_reports() if r.article_id in wanted)
    assert sorted(r["id"] for r in _parquet_rows(tmp_path / "out" / "reports")) == expected


def test_spark_reads_a_feed_by_line_like_the_embedded_reader(spark: Any, tmp_path: Path) -> None:
    from diplowatch.spark.jobs import read_articles

    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    lines = [
        json.dumps({"id": "k1", "text": "Premier se je sestal s kolegom.", "lang": "sl"}),
        "{broken",
        "",
        json.dumps({"text": "Record without an id gets one from its line."}),
        json.dumps({"id": "k5", "text": "Ministri su razgovarali telefonom.", "published": "not a date"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "in" / "note.txt").write_text("A plain text article beside the feed.", encoding="utf-8")
    rows = read_articles(spark, [str(tmp_path / "in")], partitions=3).collect()
    from_spark = {(r["id"], r["status"], r["error"]) for r in rows}
    embedded = {
        (item.id, "failed", item.reason) if hasattr(item, "reason") else (item.id, "ok", None)
        for item in read_inputs([str(tmp_path / "in")])
    }
    assert from_spark == embedded
    assert ("feed:2", "failed", "malformed JSON: Expecting property name enclosed in double quotes") in embedded
    assert ("feed-4", "ok", None) in embedded
