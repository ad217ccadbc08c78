"""Random articles of report rows for the merge's property tests (seeded, no text).

Dates, precisions, modes, statuses and report times are drawn so that every merge rule fires
somewhere: neighbouring days (absorption), month, year and undated reports (coarse placement),
articles with several reports (the own-article rule), plans before and after held contacts,
cancellations, and one busy pair (a skewed block) next to rarer ones.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from diplowatch.model import ActorRef, Report
from diplowatch.resolve.merge import ReportRecord

ACTORS = (
    ActorRef("Q7747", "Vladimir Putin", "RUS", 0, 5),
    ActorRef("Q22686", "Donald Trump", "USA", 10, 15),
    ActorRef("Q57641", "Viktor Orbán", "HUN", 20, 25),
    ActorRef("Q3052772", "Emmanuel Macron", "FRA", 30, 35),
)
MODES = ("phone", "meet", "visit", "host", "multilateral", "unspecified")
STATUSES = ("occurred", "occurred", "occurred", "planned", "cancelled", "habitual")
START = dt.date(2025, 1, 20)


@dataclass(frozen=True)
class RandomArticle:
    """One article's rows: its id, publication day, first-seen time and reports."""

    article_id: str
    published: str
    first_seen: str
    reports: tuple[Report, ...]

    def records(self) -> list[ReportRecord]:
        return [ReportRecord(r, published=self.published, first_seen=self.first_seen) for r in self.reports]


def _date(rng: random.Random, day: dt.date) -> tuple[str | None, str | None]:
    precision = rng.choices(("day", "month", "year", None), (12, 3, 1, 4))[0]
    text = day.isoformat()
    return {"day": text, "month": text[:7], "year": text[:4], None: None}[precision], precision


def random_articles(rng: random.Random, n_articles: int, *, days: int = 40, skew: float = 0.5) -> list[RandomArticle]:
    """``n_articles`` articles over ``days`` days; ``skew`` of them about the busiest pair.

    Contacts fall on few days (so reports crowd the same and neighbouring days), each article
    reports one to four of them, and an article's report time is its publication day.
    """
    contacts = [START + dt.timedelta(days=rng.randrange(days)) for _ in range(max(2, days // 3))]
    articles = []
    for n in range(n_articles):
        published = START + dt.timedelta(days=rng.randrange(days + 5))
        reports = []
        for i in range(rng.choice((1, 1, 2, 3, 4))):
            pair = ACTORS[:2] if rng.random() < skew else tuple(rng.sample(ACTORS, 2))
            day = rng.choice(contacts) + dt.timedelta(days=rng.choice((0, 0, 0, 1, -1)))
            date, precision = _date(rng, day)
            start = 40 * i
            reports.append(
                Report(
                    article_id=f"a{n:03d}",
                    sent_start=start,
                    sent_end=start + 30,
                    trigger_start=start + 6,
                    trigger_end=start + 10,
                    trigger="talks",
                    mode=rng.choice(MODES),
                    actors=pair,
                    status=rng.choice(STATUSES),
                    date=date,
                    date_precision=precision,
                    date_basis="explicit" if date else "unknown",
                    lang=rng.choice(("en", "ru", "hu")),
                    confidence=round(0.5 + rng.random() / 2, 3),
                    location=rng.choice((None, "Moscow")),
                )  # fmt: skip
            )
        articles.append(
            RandomArticle(
                f"a{n:03d}", published.isoformat(), f"{published.isoformat()}T{n % 24:02d}:00:00+00:00", tuple(reports)
            )  # fmt: skip
        )
    return articles
