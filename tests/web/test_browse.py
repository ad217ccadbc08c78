"""Read functions behind the web page, on the sample store (issue #7).

Each is checked against ``store.events.list_events`` (what ``/api/events`` serves), so the
page and the JSON API are seen to select the same events.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diplowatch.store.base import Store
from diplowatch.store.browse import (
    Browse,
    article_marks,
    contact_network,
    count_events,
    page_events,
    timeline_events,
)
from diplowatch.store.contacts import get_article
from diplowatch.store.events import list_events
from diplowatch.store.opener import open_store
from diplowatch.store.queries import Filters

pytestmark = pytest.mark.issue(7)


@pytest.fixture()
def store(sample_db: Path) -> Iterator[Store]:
    opened = open_store(sample_db)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(actor="Путин"), Filters(mode="meet"), Filters(since="2025-09",
     until="2025-11"), Filters(country="RUS", status="occurred"), Filters(lang="hu")],
)  # fmt: skip
def test_pages_and_counts_select_what_the_api_selects(store: Store, filters: Filters) -> None:
    expected, _ = list_events(store, filters)
    browse = Browse(filters=filters)
    counts = count_events(store, browse)
    assert counts.total == len(expected)
    assert sum(counts.modes.values()) == sum(counts.statuses.values()) == len(expected)
    pages = range(1, len(expected) // 4 + 2)
    paged = [e.id for page in pages for e in page_events(store, browse, page=page, per_page=4)]
    assert sorted(paged) == sorted(e.id for e in expected)


def test_sorting_by_confidence_orders_the_page(store: Store) -> None:
    events = page_events(store, Browse(), sort="confidence", descending=False, per_page=100)
    values = [e.confidence for e in events]
    assert values == sorted(values) and len(set(values)) > 1


def test_exact_actor_ids_keep_only_events_with_all_of_them(store: Store) -> None:
    network = contact_network(store, Browse(), max_nodes=2000, max_edges=10000)
    edge = max(network["edges"], key=lambda e: (e["events"], e["source"]))
    pair = (edge["source"], edge["target"])
    events = page_events(store, Browse(actor_ids=pair), per_page=100)
    assert len(events) == edge["events"]
    assert all(set(pair) <= {a[0] for a in e.actors} for e in events)


def test_network_nodes_count_each_actors_events(store: Store) -> None:
    network = contact_network(store, Browse(), max_nodes=2000, max_edges=10000)
    for node in network["nodes"][:5]:
        events = page_events(store, Browse(actor_ids=(node["id"],)), per_page=1000)
        assert node["events"] == len(events)
    capped = contact_network(store, Browse(), max_nodes=3, max_edges=10000)
    kept = {n["id"] for n in capped["nodes"]}
    assert len(kept) == 3
    assert all({e["source"], e["target"]} <= kept for e in capped["edges"])
    strongest = contact_network(store, Browse(), max_nodes=2000, max_edges=2)
    assert strongest["pairs"] == len(network["edges"]) and len(strongest["edges"]) == 2
    weights = sorted((e["events"] for e in network["edges"]), reverse=True)
    assert [e["events"] for e in strongest["edges"]] == weights[:2]


def _sentences(store: Store, event_id: str) -> list[str]:
    rows = store.query(
        "SELECT r.sentence FROM event_reports l JOIN reports r ON r.id = l.report_id WHERE l.event_id = ?",
        (event_id,),
    )
    return [row["sentence"] for row in rows]


def test_free_text_matches_evidence_sentences(store: Store) -> None:
    row = store.query("SELECT sentence FROM reports ORDER BY id LIMIT 1")[0]
    word = max(row["sentence"].split(), key=len).strip(".,:;\"'()")
    events = page_events(store, Browse(text=word), per_page=100)
    assert events
    for event in events:
        places = [event.location or "", *(a[1] for a in event.actors)]
        assert any(word in text for text in [*_sentences(store, event.id), *places])


def test_timeline_rows_are_dated_and_filtered(store: Store) -> None:
    rows = timeline_events(store, Browse(filters=Filters(mode="phone")), limit=100)
    assert rows and all(r["event_date"] and r["mode"] == "phone" for r in rows)


def test_article_marks_point_at_mentions_and_triggers(store: Store) -> None:
    article_id = store.query("SELECT article_id FROM reports ORDER BY id LIMIT 1")[0]["article_id"]
    article = get_article(store, article_id)
    assert article is not None
    marks = article_marks(store, article_id, article["version"])
    triggers = [m for m in marks if m["kind"] == "trigger"]
    assert triggers and any(m["kind"] == "mention" for m in marks)
    rows = store.query("SELECT id, trigger_text FROM reports WHERE article_id = ?", (article_id,))
    trigger_text = {row["id"]: row["trigger_text"] for row in rows}
    for mark in triggers:
        assert article["text"][mark["start"] : mark["end"]] == trigger_text[mark["report_id"]]
