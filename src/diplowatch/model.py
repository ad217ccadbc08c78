"""Plain data passed between the pipeline stages.

Every span is a pair of character offsets into ``Article.text`` (the original text as it was
ingested), so provenance is never lost by cleaning: cleaning only labels paragraphs, it never
rewrites the text that evidence points into.

The per-article types (paragraphs, sentences, mentions, reports) are not frozen: a frozen
dataclass costs five times as much to build, and the pipeline builds a few hundred of them
per article (bench/pipeline.py). They are values all the same, hashed by their fields: derive a
changed copy with ``dataclasses.replace``, never assign to a field.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from hashlib import sha1
from typing import Any, Literal

Mode = Literal["phone", "meet", "visit", "host", "multilateral", "unspecified"]
Status = Literal["occurred", "planned", "cancelled", "denied", "habitual"]
Precision = Literal["day", "month", "year"]

MODES: tuple[str, ...] = ("phone", "meet", "visit", "host", "multilateral", "unspecified")
STATUSES: tuple[str, ...] = ("occurred", "planned", "cancelled", "denied", "habitual")


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as the reader found it; ``text`` is never modified afterwards."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date at the precision the metadata gives
    lang: str | None = None
    html: str | None = None  # the raw HTML when the input was HTML; text is extracted from it


@dataclass(frozen=True, slots=True)
class FailedArticle:
    """An input that could not be read; stored with its reason so nothing is silently lost."""

    id: str
    reason: str
    origin: str


@dataclass(slots=True, unsafe_hash=True)
class Paragraph:
    """A block of the original text with the cleaner's verdict on it."""

    start: int
    end: int
    kind: str  # "body", or why it was dropped: nav, byline, image, credit, duplicate, teaser, ...
    lang: str | None = None

    @property
    def kept(self) -> bool:
        """Captions stay in: they may report a contact with its own date (seeds 000, 001)."""
        return self.kind in ("body", "caption")


@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into the article's paragraphs


@dataclass(frozen=True, slots=True)
class PubDate:
    """Publication date with where it came from and whether the content contradicts it."""

    value: str | None  # YYYY-MM-DD or YYYY-MM or YYYY
    source: str  # metadata, header, dateline, none
    doubtful: bool = False
    reason: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """A span naming an actor, a place, or a role that the actor layer resolved."""

    start: int
    end: int
    text: str
    kind: str  # person, country, org, place, role
    actor_id: str | None = None
    name: str | None = None  # canonical name or normalised base form
    country: str | None = None  # ISO 3166-1 alpha-3
    rule: str = ""
    confidence: float = 1.0
    base: str | None = None  # nominative of the surface form, in the article's own language


@dataclass(slots=True, unsafe_hash=True)
class ActorRef:
    """An actor taking part in a reported event, with the span that named it."""

    actor_id: str
    name: str
    country: str | None
    start: int
    end: int


@dataclass(slots=True, unsafe_hash=True)
class Report:
    """One article's claim that a contact happened (or was planned, cancelled, ...)."""

    article_id: str
    sent_start: int
    sent_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    mode: str
    actors: tuple[ActorRef, ...]
    status: str = "occurred"
    date: str | None = None
    date_precision: str | None = None
    date_basis: str = "unknown"  # explicit, relative, unknown
    date_doubtful: bool = False
    location: str | None = None
    evidential: bool = False  # reported/alleged ("naj bi", "reportedly")
    lang: str | None = None
    rule: str = ""
    confidence: float = 0.5
    type: str = "CONSULT"

    @property
    def key(self) -> str:
        """Deterministic id: the same claim in the same article text always gets the same key."""
        raw = f"{self.article_id}|{self.sent_start}|{self.trigger_start}|{self.mode}|" + ",".join(
            sorted(a.actor_id for a in self.actors)
        )
        return "r_" + sha1(raw.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["id"] = self.key
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        fields["actors"] = tuple(ActorRef(**a) for a in data.get("actors", ()))
        return cls(**fields)


@dataclass(slots=True)
class Event:
    """A real-world contact, merged from one or more reports."""

    id: str
    type: str
    mode: str
    status: str
    date: str | None
    date_precision: str | None
    location: str | None
    actors: list[tuple[str, str, str | None]]  # (actor_id, name, country)
    report_ids: list[str]
    article_ids: list[str]
    langs: list[str]
    confidence: float
    conflicts: list[str] = field(default_factory=list)
    evidential: bool = False
    date_basis: str = "unknown"
    first_reported: str | None = None  # publication date of the earliest report
    last_reported: str | None = None


@dataclass(slots=True)
class ArticleResult:
    """Everything ``process_article`` learnt about one article."""

    article: Article
    paragraphs: list[Paragraph]
    lang: str | None
    published: PubDate
    sentences: list[Sentence]
    mentions: list[Mention]
    reports: list[Report]

    @property
    def clean_text(self) -> str:
        return "\n\n".join(self.article.text[p.start : p.end] for p in self.paragraphs if p.kept)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data, so results can cross process and Spark boundaries as rows."""
        return {
            "article": asdict(self.article),
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "lang": self.lang,
            "published": asdict(self.published),
            "sentences": [asdict(s) for s in self.sentences],
            "mentions": [asdict(m) for m in self.mentions],
            "reports": [r.to_dict() for r in self.reports],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleResult:
        return cls(
            article=Article(**data["article"]),
            paragraphs=[Paragraph(**p) for p in data["paragraphs"]],
            lang=data["lang"],
            published=PubDate(**data["published"]),
            sentences=[Sentence(**s) for s in data["sentences"]],
            mentions=[Mention(**m) for m in data["mentions"]],
            reports=[Report.from_dict(r) for r in data["reports"]],
        )
