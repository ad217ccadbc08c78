"""The pipeline as a Spark job: the unchanged per-article and merge functions, run by Spark.

Stages, in order (each writes one Parquet table under ``out``; see ``spark.rows``):
 1. read      text/HTML/JSON Lines files as ``binaryFile`` rows (parsed by the embedded readers),
              Parquet files as article records
 2. articles  ``mapInPandas``: ``process_article`` on every article; packs and KB load once per
              Python worker (lazy caches), never per row
 3. reports   every report of every article, with its merge block key
 4. events    ``groupBy(block).applyInPandas``: ``merge_reports`` per block. The block (contact
              type + unordered actor set) never splits a real event, so the union over blocks
              equals one merge over all reports, event ids included
 5. actors    the knowledge-base actors that mentions resolved to
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

import pandas as pd
from pyspark.sql import DataFrame, SparkSession

from diplowatch.ingest.pool import process_guarded
from diplowatch.ingest.readers import (
    JSONL_SUFFIXES,
    article_from_record,
    is_ignored,
    read_document,
    read_jsonl_line,
)
from diplowatch.kb.actors import load_kb
from diplowatch.kb.gazetteer import default_gazetteer
from diplowatch.model import Article, FailedArticle, Report
from diplowatch.resolve.merge import ReportRecord, merge_reports
from diplowatch.spark.rows import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    REPORT_COLUMNS,
    actor_row,
    article_row,
    event_row,
    report_rows,
)

TABLES = ("articles", "reports", "events", "actors")
# an Article's fields, or error + origin for an input that could not be read
INPUT_COLUMNS = (
    "id string, text string, url string, title string, source string, published string,"
    " lang string,"
    " html string, error string, origin string"
)
_RECORD_FIELDS = ("id", "text", "html", "url", "title", "source", "published", "lang")


def start_session(
    master: str | None = None,
    *,
    partitions: int = 8,
    arrow_batch_size: int = 1000,
    app: str = "diplowatch",
) -> SparkSession:
    """A session for ``local[N]``, ``spark://…`` (classic) or ``sc://…`` (Spark Connect).

    ``master`` None leaves the choice to ``spark-submit --master`` (or PySpark's default).
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local executors run this interpreter
    connect = bool(master and master.startswith("sc://"))
    builder = SparkSession.builder.appName(app)
    if connect:
        builder = builder.remote(master)
    elif master:
        builder = builder.master(master)
    settings = {
        "spark.sql.shuffle.partitions": str(partitions),
        "spark.sql.execution.arrow.maxRecordsPerBatch": str(arrow_batch_size),
    }
    if not connect:  # static settings a Connect client cannot change
        settings["spark.ui.showConsoleProgress"] = "false"
    if master and master.startswith("local"):
        settings["spark.ui.enabled"] = "false"  # no web UI port for one-machine runs and tests
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def run_pipeline(spark: SparkSession, inputs: list[str], out: str | Path, *, partitions: int = 8) -> dict[str, int]:
    """Run every stage (module docstring) and return the row count of each table."""
    out = str(out)
    articles = read_articles(spark, inputs, partitions=partitions)
    articles.write.mode("overwrite").parquet(f"{out}/articles")
    stored = spark.read.parquet(f"{out}/articles").filter("status = 'ok'")
    run_started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    explode = functools.partial(_explode_reports, first_seen=run_started)
    stored.select("result").mapInPandas(explode, REPORT_COLUMNS).write.mode("overwrite").parquet(f"{out}/reports")
    reports = spark.read.parquet(f"{out}/reports")
    events = (
        reports.select("block", "published", "first_seen", "report")
        .groupBy("block")
        .applyInPandas(merge_block, EVENT_COLUMNS)
    )
    events.write.mode("overwrite").parquet(f"{out}/events")
    actor_ids = stored.select("result").mapInPandas(_mentioned_actors, "actor_id string").distinct()
    kb = load_kb()
    found = [actor for (i,) in sorted(actor_ids.collect()) if (actor := kb.get(i))]
    actor_table = spark.createDataFrame(
        pd.DataFrame([actor_row(a) for a in found], columns=_names(ACTOR_COLUMNS)), ACTOR_COLUMNS
    )
    actor_table.write.mode("overwrite").parquet(f"{out}/actors")
    return {name: spark.read.parquet(f"{out}/{name}").count() for name in TABLES}


def read_articles(spark: SparkSession, inputs: list[str], *, partitions: int) -> DataFrame:
    """Stages 1-2: the articles table (one row per input article or failed input).

    Reading yields one row per article first and only then spreads rows over ``partitions``,
    so one large JSON Lines file is still processed in parallel.
    """
    parquet = [p for p in inputs if _is_parquet(p)]
    files = [p for p in inputs if not _is_parquet(p)]
    parts: list[DataFrame] = []
    if files:
        # list first (the path column alone reads no content), then read JSON Lines by line:
        # a feed of any size is split across tasks and never held whole by one of them
        listing = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(files)
        paths = [row.path for row in listing.select("path").collect() if not is_ignored(_local_path(row.path))]
        feeds = [p for p in paths if _local_path(p).suffix.lower() in JSONL_SUFFIXES]
        documents = [p for p in paths if p not in set(feeds)]
        if documents:
            raw = spark.read.format("binaryFile").load(documents)
            parts.append(raw.select("path", "content").mapInPandas(_read_files, INPUT_COLUMNS))
        parts.extend(_read_feed(spark, url) for url in feeds)
    if parquet:
        records = spark.read.parquet(*parquet)
        wanted = [c for c in _RECORD_FIELDS if c in records.columns]
        parts.append(records.select(*wanted).mapInPandas(_read_records, INPUT_COLUMNS))
    if not parts:
        raise ValueError("no inputs")
    table = parts[0]
    for part in parts[1:]:
        table = table.unionByName(part)
    return table.repartition(partitions).mapInPandas(_process_inputs, ARTICLE_COLUMNS)


def merge_block(block: pd.DataFrame) -> pd.DataFrame:
    """Stage 4 for one block: the one place Spark calls ``merge_reports``."""
    records = [
        ReportRecord(Report.from_dict(json.loads(text)), published=published, first_seen=first_seen)
        for text, published, first_seen in zip(block["report"], block["published"], block["first_seen"], strict=True)
    ]
    return pd.DataFrame([event_row(e) for e in merge_reports(records)], columns=_EVENT_NAMES)


def _read_files(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for batch in batches:
        rows = []
        for url, content in zip(batch["path"], batch["content"], strict=True):
            path = _local_path(url)
            if not is_ignored(path):
                rows.extend(_input_row(item) for item in read_document(path, bytes(content)))
        yield pd.DataFrame(rows, columns=_INPUT_NAMES)


def _read_feed(spark: SparkSession, url: str) -> DataFrame:
    """One JSON Lines file as input rows, line numbers kept (ids and errors name them)."""
    numbered = spark.sparkContext.textFile(url).zipWithIndex().map(lambda pair: (pair[0], pair[1] + 1))
    lines = spark.createDataFrame(numbered, "line string, lineno long")
    return lines.mapInPandas(functools.partial(_read_lines, origin=str(_local_path(url))), INPUT_COLUMNS)


def _read_lines(batches: Iterator[pd.DataFrame], *, origin: str) -> Iterator[pd.DataFrame]:
    for batch in batches:
        rows = [
            _input_row(item)
            for line, lineno in zip(batch["line"], batch["lineno"], strict=True)
            for item in read_jsonl_line(line, int(lineno), origin=origin)
        ]
        yield pd.DataFrame(rows, columns=_INPUT_NAMES)


def _read_records(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for batch in batches:
        records = batch.astype(object).where(batch.notna(), None).to_dict("records")
        rows = [_input_row(article_from_record(r, lineno=i, origin="parquet")) for i, r in enumerate(records, 1)]
        yield pd.DataFrame(rows, columns=_INPUT_NAMES)


def _input_row(item: Article | FailedArticle) -> dict[str, Any]:
    if isinstance(item, FailedArticle):
        # every column present (None, not NaN): a batch of failures only must still convert to Arrow
        return {**dict.fromkeys(_INPUT_NAMES), "id": item.id, "error": item.reason, "origin": item.origin}
    return {**asdict(item), "error": None, "origin": None}


def _process_inputs(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    gazetteer = default_gazetteer()  # once per partition (and cached per Python worker), never per row
    for batch in batches:
        rows = []
        for record in batch.astype(object).where(batch.notna(), None).to_dict("records"):
            error, origin = record.pop("error"), record.pop("origin")
            if error is not None:
                rows.append(article_row(FailedArticle(id=record["id"], reason=error, origin=origin)))
            else:
                rows.append(article_row(process_guarded(Article(**record), gazetteer=gazetteer)))
        yield pd.DataFrame(rows, columns=_ARTICLE_NAMES)


def _explode_reports(batches: Iterator[pd.DataFrame], *, first_seen: str) -> Iterator[pd.DataFrame]:
    for batch in batches:
        rows = [row for text in batch["result"] for row in report_rows(text, first_seen=first_seen)]
        yield pd.DataFrame(rows, columns=_REPORT_NAMES)


def _mentioned_actors(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for batch in batches:
        ids = {m["actor_id"] for text in batch["result"] for m in json.loads(text)["mentions"] if m["actor_id"]}
        yield pd.DataFrame({"actor_id": sorted(ids)}, dtype=object)


def _local_path(url: str) -> PurePosixPath:
    """``file:/a/b.txt`` -> /a/b.txt; other schemes keep their path (name and suffix matter)."""
    return PurePosixPath(unquote(urlparse(url).path))


def _is_parquet(path: str) -> bool:
    local = Path(path)
    return path.endswith(".parquet") or (local.is_dir() and any(local.glob("*.parquet")))


def _names(columns: str) -> list[str]:
    return [part.strip().split(" ")[0] for part in columns.split(", ")]


_INPUT_NAMES = _names(INPUT_COLUMNS)
_ARTICLE_NAMES = _names(ARTICLE_COLUMNS)
_REPORT_NAMES = _names(REPORT_COLUMNS)
_EVENT_NAMES = _names(EVENT_COLUMNS)
