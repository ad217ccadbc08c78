"""Events in a real SQLite store: incremental updates equal a full rebuild, ids survive re-runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from diplowatch.cli.ingest import ingest_items
from diplowatch.ingest.readers import read_inputs
from diplowatch.model import ActorRef, Article, ArticleResult, Paragraph, PubDate, Report
from diplowatch.store.base import Store
from diplowatch.store.events import get_event, list_events, rebuild_events, update_events
from diplowatch.store.opener import open_store
from diplowatch.store.queries import Filters

pytestmark = pytest.mark.issue(5)

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
PUTIN = ActorRef("Q7747", "Vladimir Putin", "RUS", 0, 5)
TRUMP = ActorRef("Q22686", "Donald Trump", "USA", 10, 15)
ORBAN = ActorRef("Q57641", "Viktor Orbán", "HUN", 20, 25)


def save(
    store: Store,
    article_id: str,
    published: str,
    *rows: tuple[str | None, str, tuple[ActorRef, ...]],
    lang: str = "en",
    text: str = "x" * 200,
) -> set[str]:
    """Store a hand-built article with reports (date, status, actors); return the blocks touched."""
    from diplowatch.resolve.merge import block_key

    reports = [
        Report(
            article_id=article_id,
            sent_start=i * 40,
            sent_end=i * 40 + 30,
            trigger_start=i * 40 + 6,
            trigger_end=i * 40 + 10,
            trigger="call",
            mode="phone",
            actors=actors,
            status=status,
            date=date,
            date_precision={10: "day", 7: "month"}.get(len(date or "")),
            lang=lang,
            confidence=0.7,
        )
        for i, (date, status, actors) in enumerate(rows)
    ]
    article = Article(id=article_id, text=text, published=published, lang=lang)
    result = ArticleResult(
        article=article,
        paragraphs=[Paragraph(0, len(text), "body", lang)],
        lang=lang,
        published=PubDate(published, "metadata"),
        sentences=[],
        mentions=[],
        reports=reports,
    )
    store.save_result(result)
    return {block_key(r) for r in reports}


def snapshot(store: Store) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    events, _ = list_events(store)
    return sorted((e.id, e.status, e.date, tuple(e.report_ids)) for e in events)


def test_incremental_update_equals_full_rebuild(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        update_events(
            store, save(store, "a1", "2025-10-10", ("2025-10", "planned", (PUTIN, TRUMP)))
        )
        [planned] = list_events(store)[0]
        assert planned.status == "planned"
        update_events(
            store,
            save(
                store,
                "a2",
                "2025-10-21",
                ("2025-10-21", "occurred", (TRUMP, PUTIN)),
                ("2025-10-20", "occurred", (PUTIN, ORBAN)),
                lang="ru",
            ),
        )
        held = get_event(store, planned.id)  # the plan's event became the held call and kept its id
        assert held is not None and held.status == "occurred" and held.date == "2025-10-21"
        update_events(
            store, save(store, "a3", "2025-11-03", ("2025-11-03", "occurred", (PUTIN, TRUMP)))
        )
        incremental = snapshot(store)
        assert len(incremental) == 3
        rebuild_events(store)
        assert snapshot(store) == incremental
        rebuild_events(store)
        assert snapshot(store) == incremental


def test_revised_article_moves_its_reports(tmp_path: Path) -> None:
    with open_store(tmp_path / "b.db") as store:
        update_events(
            store, save(store, "a1", "2025-10-21", ("2025-10-21", "occurred", (PUTIN, TRUMP)))
        )
        assert len(list_events(store)[0]) == 1
        from diplowatch.store.events import article_blocks

        touched = article_blocks(store, "a1")
        touched |= save(
            store, "a1", "2025-10-21", ("2025-10-21", "occurred", (PUTIN, ORBAN)), text="y" * 200
        )
        update_events(store, touched)
        [event] = list_events(store)[0]
        assert {a[0] for a in event.actors} == {"Q7747", "Q57641"}
        before = snapshot(store)
        rebuild_events(store)
        assert snapshot(store) == before


def test_filters_and_keyset_paging(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        touched: set[str] = set()
        for day in range(1, 13):
            touched |= save(
                store,
                f"d{day}",
                f"2025-09-{day:02d}",
                (f"2025-09-{day:02d}", "occurred", (PUTIN, TRUMP)),
            )
        touched |= save(
            store, "hu", "2025-09-03", ("2025-09-03", "planned", (PUTIN, ORBAN)), lang="hu"
        )
        update_events(store, touched)
        seen, after = [], None
        while True:
            page, after = list_events(store, limit=5, after=after)
            seen.extend(e.id for e in page)
            if after is None:
                break
        assert len(seen) == len(set(seen)) == 13
        assert len(list_events(store, Filters(country="hun"))[0]) == 1
        assert len(list_events(store, Filters(status="planned"))[0]) == 1
        assert len(list_events(store, Filters(lang="hu"))[0]) == 1
        assert len(list_events(store, Filters(since="2025-09-10"))[0]) == 3
        assert len(list_events(store, Filters(until="2025-09-02"))[0]) == 2
        assert len(list_events(store, Filters(actor="Orbán"))[0]) == 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="demo corpus absent")
def test_ingest_in_two_batches_gives_the_ids_of_a_full_rebuild(tmp_path: Path) -> None:
    files = sorted(str(p) for p in CORPUS.iterdir())
    with open_store(tmp_path / "d.db") as store:
        ingest_items(store, read_inputs(files[::2]))
        first = snapshot(store)
        ingest_items(store, read_inputs(files[1::2]))
        incremental = snapshot(store)
        assert incremental, "the demo corpus yields events"
        rebuild_events(store)
        assert snapshot(store) == incremental
        untouched = [e for e in first if e in incremental]
        assert untouched, "events the second batch did not touch keep their rows and ids"


@pytest.mark.issue(14)
def test_update_rewrites_only_the_events_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path / "d.db") as store:
        for i in range(5):
            day = f"2025-10-{10 + 3 * i}"
            update_events(store, save(store, f"d{i}", day, (day, "occurred", (PUTIN, TRUMP))))
        blocks = save(store, "d-late", "2025-10-23", ("2025-10-22", "occurred", (TRUMP, PUTIN)), lang="ru")
        written: list[str] = []
        execute = store.execute

        def recording(sql: str, params: Any = ()) -> Any:
            if sql.startswith("INSERT INTO events "):
                written.append(params[0])
            return execute(sql, params)

        monkeypatch.setattr(store, "execute", recording)
        update_events(store, blocks)
        [late] = [e for e in list_events(store)[0] if e.date == "2025-10-22"]
        assert written == [late.id] and late.article_ids == ["d-late", "d4"]
        incremental = snapshot(store)
        rebuild_events(store)
        assert snapshot(store) == incremental
