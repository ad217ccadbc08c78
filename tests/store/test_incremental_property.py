"""Articles ingested one at a time, in random order, give the events of a full rebuild.

Each update names the article it stores, as ``diplowatch ingest`` does, so new articles of
day-dated reports take the patch path (``resolve.day_patch``) wherever it applies and the
rest re-merge their block; either way the events must be a full rebuild's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest

from diplowatch.model import Article, ArticleResult, Event, Paragraph, PubDate
from diplowatch.resolve.merge import block_key, merge_reports
from diplowatch.store.base import Store
from diplowatch.store.events import (
    article_blocks,
    list_events,
    patch_block,
    rebuild_events,
    report_records,
    update_events,
)
from diplowatch.store.opener import open_store
from tests.random_reports import START, RandomArticle, random_articles

pytestmark = pytest.mark.issue(14)


def _ingest(store: Store, article: RandomArticle, text: str) -> set[str]:
    """What ``write_outcomes`` does for one article: the blocks of the version it replaces too."""
    touched = article_blocks(store, article.article_id)
    result = ArticleResult(
        article=Article(id=article.article_id, text=text, published=article.published, lang="en"),
        paragraphs=[Paragraph(0, len(text), "body", "en")],
        lang="en",
        published=PubDate(article.published, "metadata"),
        sentences=[],
        mentions=[],
        reports=list(article.reports),
    )
    store.save_result(result, ingested_at=article.first_seen)
    return touched | {block_key(r) for r in article.reports}


def _events(store: Store) -> list[Event]:
    return sorted(list_events(store)[0], key=lambda e: e.id)


@pytest.mark.parametrize("seed", range(12))
def test_one_article_at_a_time_equals_a_full_rebuild(tmp_path: Path, seed: int) -> None:
    rng = random.Random(1000 + seed)
    articles = random_articles(rng, rng.randrange(5, 60), skew=0.9 if seed % 2 else 0.5)
    order = list(articles)
    rng.shuffle(order)
    revised = rng.sample(articles, min(3, len(articles)))  # later versions replace some articles
    stream = [(a, "x" * 200) for a in order]
    for a in revised:
        fewer = tuple(rng.sample(a.reports, max(1, len(a.reports) - 1)))
        stream.append((RandomArticle(a.article_id, a.published, a.first_seen, fewer), "y" * 200))
    with open_store(tmp_path / "s.db") as store:
        for article, text in stream:
            update_events(store, _ingest(store, article, text), articles=[article.article_id])
        incremental = _events(store)
        assert incremental == sorted(merge_reports(report_records(store)), key=lambda e: e.id)
        rebuild_events(store)
        assert _events(store) == incremental


def _busy_day_articles(rng: random.Random, n: int, start: int) -> list[RandomArticle]:
    """One-report articles of the busy pair on a few crowded days: new reports join clusters."""
    articles = random_articles(rng, n, days=12, skew=1.0)
    return [
        RandomArticle(
            name, a.published, a.first_seen, tuple(dataclasses.replace(r, article_id=name) for r in a.reports)
        )
        for a, name in ((a, f"b{start + i:04d}") for i, a in enumerate(articles))
    ]


def _coarse(articles: list[RandomArticle], precision: str | None) -> list[RandomArticle]:
    """The same articles with their reports' dates cut to ``precision`` (None: undated)."""
    width = {"month": 7, "year": 4, None: 0}[precision]
    return [
        RandomArticle(
            a.article_id,
            a.published,
            a.first_seen,
            tuple(
                dataclasses.replace(
                    r,
                    date=(r.date or "")[:width] or None,
                    date_precision=precision if r.date and width else None,
                    date_basis="explicit" if r.date and width else "unknown",
                )
                for r in a.reports
            ),
        )
        for a in articles
    ]


def _patched_into_busy_block(tmp_path: Path, base: list[RandomArticle], later: list[RandomArticle]) -> int:
    """Ingest ``later`` one at a time into a store of ``base``, patching where it applies and
    checking the events against a full merge after each; returns how many were patched."""
    with open_store(tmp_path / "s.db") as store:
        for article in base:
            _ingest(store, article, "x" * 200)
        rebuild_events(store)
        patched = 0
        for article in later:
            blocks = _ingest(store, article, "x" * 200)
            if patch_block(store, next(iter(blocks)), [article.article_id]) is None:
                update_events(store, blocks)
            else:
                patched += 1
            store.commit()
            assert _events(store) == sorted(merge_reports(report_records(store)), key=lambda e: e.id)
    return patched


@pytest.mark.parametrize("seed", range(6))
def test_day_reports_into_a_busy_block_patch_it_as_a_rebuild_would(tmp_path: Path, seed: int) -> None:
    """A busy block: most new day-dated articles are patched, and the events stay a rebuild's."""
    rng = random.Random(2000 + seed)
    assert _patched_into_busy_block(tmp_path, _busy_day_articles(rng, 300, 0), _busy_day_articles(rng, 40, 1000)) >= 5


@pytest.mark.parametrize("precision", ["month", "year", None])
@pytest.mark.parametrize("seed", range(4))
def test_coarse_reports_into_a_busy_block_patch_it_as_a_rebuild_would(
    tmp_path: Path, seed: int, precision: str | None
) -> None:
    """New month-, year- and undated articles of the busy pair (``resolve.coarse_patch``), among
    stored reports of every precision: many are patched, and the events stay a rebuild's."""
    rng = random.Random(3000 + seed)
    base = _busy_day_articles(rng, 240, 0)
    base += _coarse(_busy_day_articles(rng, 30, 500), "month") + _coarse(_busy_day_articles(rng, 30, 600), None)
    later = _coarse(_busy_day_articles(rng, 30, 1000), precision)
    assert _patched_into_busy_block(tmp_path, base, later) >= 5


def _scattered_day_articles(rng: random.Random, n: int, start: int) -> list[RandomArticle]:
    """One-report day-dated articles of the busy pair on days spread well beyond the crowded
    ones: many start a day group of their own (a day, or a mode class, with no cluster yet)."""
    articles = _busy_day_articles(rng, n, start)
    out = []
    for a in articles:
        report = a.reports[0]
        day = START + dt.timedelta(days=rng.randrange(-20, 45))
        published = day + dt.timedelta(days=rng.choice((-3, 0, 1, 2, 10)))
        out.append(
            RandomArticle(
                a.article_id,
                published.isoformat(),
                f"{published.isoformat()}T05:00:00+00:00",
                (dataclasses.replace(report, date=day.isoformat(), date_precision="day", date_basis="explicit"),),
            )
        )
    return out


def _alone(store: Store, article_id: str) -> bool:
    """Whether the article's report is in an event of its own reports only (a new day group)."""
    return any(
        event.article_ids == [article_id] for event in list_events(store)[0] if article_id in event.article_ids
    )


@pytest.mark.parametrize("seed", range(6))
def test_new_day_groups_patch_a_busy_block_as_a_rebuild_would(tmp_path: Path, seed: int) -> None:
    """Day-dated articles that start a day group next to stored month-, year- and undated
    reports (``resolve.new_day``): many are patched, and the events stay a rebuild's."""
    rng = random.Random(4000 + seed)
    base = _busy_day_articles(rng, 240, 0) + _coarse(_busy_day_articles(rng, 30, 500), "month")
    base += _coarse(_busy_day_articles(rng, 20, 600), "year") + _coarse(_busy_day_articles(rng, 30, 700), None)
    later = _scattered_day_articles(rng, 40, 1000)
    with open_store(tmp_path / "s.db") as store:
        for article in base:
            _ingest(store, article, "x" * 200)
        rebuild_events(store)
        new_groups = patched = 0
        for article in later:
            blocks = _ingest(store, article, "x" * 200)
            done = patch_block(store, next(iter(blocks)), [article.article_id]) is not None
            if not done:
                update_events(store, blocks)
            store.commit()
            if _alone(store, article.article_id):
                new_groups += 1
                patched += done
            assert _events(store) == sorted(merge_reports(report_records(store)), key=lambda e: e.id)
    assert new_groups >= 10
    assert patched >= new_groups // 3
