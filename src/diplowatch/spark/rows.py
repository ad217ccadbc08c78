"""The Parquet tables a Spark run writes and ``diplowatch load`` reads, as plain rows.

No Spark import here: the same code turns pipeline outcomes into rows on executors and rows back
into outcomes in ``load``. Nested values (an article's whole result, a report) travel as JSON
built by ``ArticleResult.to_dict`` / ``Report.to_dict``, so nothing is re-derived on the way.

Tables (one folder each under the output folder):
 articles  id, status (ok|failed), lang, published, title, url, source, error, origin, result
 reports   id, article_id, block, type, mode, status, date, lang, published, first_seen, report
 events    id, type, mode, status, date, date_precision, location, actors, report_ids,
           article_ids, langs, confidence, conflicts, evidential, date_basis, first_reported,
           last_reported
 actors    id, name, kind, country, source, aliases, roles
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from diplowatch.ingest.pool import Outcome
from diplowatch.kb.actors import Actor
from diplowatch.model import ArticleResult, Event, FailedArticle, Report
from diplowatch.resolve.merge import block_key

ARTICLE_COLUMNS = (
    "id string, status string, lang string, published string, title string, url string, "
    "source string, error string, origin string, result string"
)
REPORT_COLUMNS = (
    "id string, article_id string, block string, type string, mode string, status string, "
    "date string, lang string, published string, first_seen string, report string"
)
EVENT_COLUMNS = (
    "id string, type string, mode string, status string, date string, date_precision string, "
    "location string, actors string, report_ids array<string>, article_ids array<string>, "
    "langs array<string>, confidence double, conflicts array<string>, evidential boolean, "
    "date_basis string, first_reported string, last_reported string"
)
ACTOR_COLUMNS = "id string, name string, kind string, country string, source string, aliases string, roles string"


def article_row(outcome: ArticleResult | FailedArticle) -> dict[str, Any]:
    """One row of the articles table."""
    if isinstance(outcome, FailedArticle):
        return {
            "id": outcome.id,
            "status": "failed",
            "lang": None,
            "published": None,
            "title": None,
            "url": None,
            "source": None,
            "error": outcome.reason,
            "origin": outcome.origin,
            "result": None,
        }
    article = outcome.article
    return {
        "id": article.id,
        "status": "ok",
        "lang": outcome.lang,
        "published": outcome.published.value,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "error": None,
        "origin": None,
        "result": json.dumps(outcome.to_dict(), ensure_ascii=False),
    }


def outcome_from_row(row: dict[str, Any]) -> Outcome:
    """The pipeline outcome an articles row holds (for ``load``)."""
    if row["status"] == "failed":
        return FailedArticle(id=row["id"], reason=row["error"], origin=row["origin"])
    return ArticleResult.from_dict(json.loads(row["result"]))


def report_rows(result_json: str, *, first_seen: str) -> list[dict[str, Any]]:
    """Rows of the reports table for one article's stored result.

    ``published`` and ``first_seen`` are the report times the merge needs (``ReportRecord``);
    a Spark run is one batch, so ``first_seen`` is the run's start, as one embedded ingest run.
    """
    result = json.loads(result_json)
    published = result["published"]["value"]
    rows = []
    for data in result["reports"]:
        report = Report.from_dict(data)
        rows.append(
            {
                "id": report.key,
                "article_id": report.article_id,
                "block": block_key(report),
                "type": report.type,
                "mode": report.mode,
                "status": report.status,
                "date": report.date,
                "lang": report.lang,
                "published": published,
                "first_seen": first_seen,
                "report": json.dumps(data, ensure_ascii=False),
            }
        )
    return rows


def event_row(event: Event) -> dict[str, Any]:
    """One row of the events table; actors as JSON [[actor_id, name, country], ...]."""
    data = asdict(event)
    data["actors"] = json.dumps([list(a) for a in event.actors], ensure_ascii=False)
    return data


def actor_row(actor: Actor) -> dict[str, Any]:
    """One row of the actors table (aliases and role spells as JSON, as the store keeps them)."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "source": actor.source,
        "aliases": json.dumps(list(actor.aliases), ensure_ascii=False),
        "roles": json.dumps([{k: getattr(s, k) for k in s.__slots__} for s in actor.roles]),
    }
