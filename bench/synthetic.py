"""Synthetic report rows for the benchmarks: many actor pairs, contacts reported 1-6 times.

Deterministic (seeded); no text is copied from anywhere: names are generated.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator

from diplowatch.model import ActorRef, Report
from diplowatch.resolve.merge import ReportRecord

MODES = ("phone", "meet", "visit", "host", "multilateral", "unspecified")
STATUSES = ("occurred",) * 6 + ("planned", "planned", "cancelled", "habitual")
LANGS = ("en", "sl", "hr", "sr", "bg", "hu", "ru", "de", "fr")
COUNTRIES = ("USA", "RUS", "CHN", "FRA", "DEU", "HUN", "SRB", "SVN", "HRV", "BGR", "UKR", "TUR")


def _letters(n: int) -> str:
    """Name keys drop digits, so synthetic names spell their number in letters."""
    return "".join("bcdfghklmnprstvz"[int(d, 16)] for d in f"{n:04x}")


def actor(n: int) -> tuple[str, str, str]:
    return (
        f"synthetic-{n:04d}",
        f"Test{_letters(n)}a Bench{_letters(n)}o",
        COUNTRIES[n % len(COUNTRIES)],
    )


def zipf_pairs(n_pairs: int, *, top_share: float, seed: int) -> Callable[[random.Random], tuple[int, int]]:
    """A draw of actor pairs with Zipf frequencies (1/rank), the top pair given ``top_share``.

    News is skewed: one pair (Putin-Trump) may be a tenth of all reports, which is where a merge
    that is quadratic in one block's reports shows.
    """
    rng = random.Random(seed)
    pairs: dict[tuple[int, int], None] = {}  # insertion-ordered: rank = position
    while len(pairs) < n_pairs:
        a, b = sorted(rng.sample(range(max(600, n_pairs // 3)), 2))
        pairs[(a, b)] = None
    ranked = list(pairs)
    weights = [1 / rank for rank in range(1, n_pairs + 1)]
    rest = sum(weights[1:])
    weights = [top_share] + [(1 - top_share) * w / rest for w in weights[1:]]
    return lambda r: r.choices(ranked, weights)[0]


def records(
    n_reports: int,
    *,
    n_actors: int = 600,
    seed: int = 5,
    pairs: Callable[[random.Random], tuple[int, int]] | None = None,
) -> Iterator[ReportRecord]:
    """About ``n_reports`` rows; each contact gets 1-6 reports at day, month or no precision.

    ``pairs`` draws the actor pair of each contact (default: uniform over ``n_actors``).
    """
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    made = article = 0
    while made < n_reports:
        a, b = pairs(rng) if pairs else rng.sample(range(n_actors), 2)
        day = start + dt.timedelta(days=rng.randrange(1000))
        mode, status = rng.choice(MODES), rng.choice(STATUSES)
        for k in range(min(rng.choice((1, 1, 1, 2, 3, 6)), n_reports - made)):
            article += 1
            precision = rng.choices(("day", "month", None), (8, 1, 1))[0]
            date = {"day": day.isoformat(), "month": day.isoformat()[:7], None: None}[precision]
            published = (day + dt.timedelta(days=rng.randrange(3))).isoformat()
            refs = tuple(
                ActorRef(*actor(x), start=10 * i, end=10 * i + 8) for i, x in enumerate((a, b))
            )
            report = Report(
                article_id=f"art-{article:07d}", sent_start=0, sent_end=60, trigger_start=20,
                trigger_end=25, trigger="talks", mode=mode, actors=refs, status=status, date=date,
                date_precision=precision, date_basis="explicit" if date else "unknown",
                lang=rng.choice(LANGS), confidence=0.5 + rng.random() / 2, rule="synthetic",
            )  # fmt: skip
            yield ReportRecord(
                report, published=published, first_seen=published + "T12:00:00+00:00"
            )
            made += 1
            if k and rng.random() < 0.5:
                day += dt.timedelta(days=rng.choice((0, 0, 1)))
