"""Response models: the documented JSON envelope of every endpoint.

A list is ``{ok, items, next}`` where ``next`` is an opaque cursor (pass it back as
``cursor``); one resource is ``{ok, item}``; an error is ``{ok: false, error, errors, status}``.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    ok: bool = True
    items: list[T]
    next: str | None = Field(
        None, description="Opaque cursor of the next page; null on the last page."
    )


class One(BaseModel, Generic[T]):
    ok: bool = True
    item: T


class ErrorOut(BaseModel):
    ok: bool = False
    error: str
    errors: list[dict[str, Any]] = []
    status: int


class ActorRefOut(BaseModel):
    id: str
    name: str
    country: str | None


class EventOut(BaseModel):
    id: str
    type: str
    mode: str
    status: str
    date: str | None
    date_precision: str | None
    date_basis: str
    location: str | None
    actors: list[ActorRefOut]
    n_reports: int
    n_articles: int
    langs: list[str]
    first_reported: str | None
    last_reported: str | None
    confidence: float
    conflicts: list[str]
    evidential: bool
    report_ids: list[str]
    article_ids: list[str]


class SpanOut(BaseModel):
    kind: str
    start: int = Field(description="Offset into the evidence sentence.")
    end: int
    actor_id: str | None = None


class EvidenceOut(BaseModel):
    sentence: str
    spans: list[SpanOut]


class ReportOut(BaseModel):
    id: str
    article: dict[str, Any]
    mode: str
    status: str
    date: str | None
    date_precision: str | None
    date_basis: str
    location: str | None
    evidential: bool
    lang: str | None
    trigger: str
    rule: str
    confidence: float
    evidence: EvidenceOut


class EventDetailOut(EventOut):
    reports: list[ReportOut]


class ActorOut(BaseModel):
    id: str
    name: str
    kind: str | None
    country: str | None
    aliases: list[str]
    n_events: int
    roles: list[dict[str, Any]] | None = None


class ContactOut(BaseModel):
    period: str | None
    counterpart: ActorRefOut
    contacts: int = Field(description="Events with this counterpart in the period that took place.")
    events: int
    modes: dict[str, int]
    event_ids: list[str]


class ArticleOut(BaseModel):
    id: str
    version: int
    status: str
    error: str | None = None
    lang: str | None
    published: str | None
    published_doubtful: bool
    title: str | None
    url: str | None
    source: str | None = None
    ingested_at: str


class ParagraphOut(BaseModel):
    start: int
    end: int
    kind: str
    lang: str | None


class ArticleDetailOut(ArticleOut):
    published_source: str | None = None
    published_note: str | None = None
    text: str | None
    paragraphs: list[ParagraphOut]
    report_ids: list[str]
    event_ids: list[str]


class ArticleIn(BaseModel):
    id: str = Field(min_length=1, max_length=300)
    text: str | None = Field(None, max_length=2_000_000)
    html: str | None = Field(None, max_length=5_000_000)
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?")
    lang: str | None = Field(None, max_length=8)


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)


class IngestOut(BaseModel):
    ok: bool = True
    counts: dict[str, int]
    failures: list[dict[str, str]]


class SourceOut(BaseModel):
    id: str
    url: str
    name: str | None
    lang: str | None
    kind: str | None = Field(description="rss, atom, sitemap, sitemapindex or page; null before the first fetch.")
    added_at: str
    last_fetch: str | None
    last_status: str | None = Field(description="ok, unchanged (304) or failed, for the last fetch.")
    last_error: str | None
    n_new: int = Field(description="Articles new or changed in the last fetch.")
    n_unchanged: int
    n_failed: int
    n_articles: int = Field(description="Distinct articles stored from this source, all fetches.")


class SourceIn(BaseModel):
    url: str = Field(min_length=8, max_length=2000, pattern=r"^https?://")
    name: str | None = Field(None, max_length=200)
    lang: str | None = Field(None, pattern=r"^[a-z]{2,3}$")
