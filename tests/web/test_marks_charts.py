"""Highlight splitting and chart geometry, on hand-made inputs (issue #7)."""

from __future__ import annotations

import pytest

from diplowatch.web.charts import build_bars, build_timeline, date_span
from diplowatch.web.marks import split_marked

pytestmark = pytest.mark.issue(7)


def test_split_marked_keeps_text_and_wraps_each_span() -> None:
    text = "The minister met her counterpart in Vienna."
    spans = [{"start": 4, "end": 12, "kind": "actor"}, {"start": 13, "end": 16, "kind": "trigger"}]
    pieces = split_marked(text, spans)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.mark["kind"]) for p in pieces if p.mark] == [
        ("minister", "actor"),
        ("met", "trigger"),
    ]


def test_split_marked_drops_overlaps_and_spans_outside_the_slice() -> None:
    text = "abcdefghij"
    spans = [
        {"start": 102, "end": 106},
        {"start": 104, "end": 108},  # overlaps the first: dropped
        {"start": 95, "end": 101},  # starts before the slice: dropped
        {"start": 108, "end": 115},  # ends after the slice: dropped
    ]
    pieces = split_marked(text, spans, offset=100)
    assert "".join(p.text for p in pieces) == text
    assert [p.text for p in pieces if p.mark] == ["cdef"]


@pytest.mark.parametrize(("date", "days"), [("2024", 366), ("2025", 365), ("2024-02", 29), ("2025-02-28", 1)])
def test_date_span_covers_the_whole_period(date: str, days: int) -> None:
    first, after = date_span(date)
    assert after - first == days


def _row(event_id: str, date: str, status: str = "occurred") -> dict:
    precision = {4: "year", 7: "month"}.get(len(date), "day")
    actors = [("a", "Ana Novak", "SVN"), ("b", "Boris Petrov", "BGR")]
    return {"id": event_id, "event_date": date, "date_precision": precision, "mode": "meet",
            "status": status, "location": None, "actors": actors}  # fmt: skip


def test_timeline_draws_vague_dates_as_wider_bars_than_days() -> None:
    rows = [_row("e1", "2025-03-14"), _row("e2", "2025-03"), _row("e3", "2025")]
    timeline = build_timeline(rows, since=None, until=None, lanes_by="pair")
    assert timeline is not None
    (lane,) = timeline.lanes
    assert lane.label == "Ana Novak – Boris Petrov"
    width = {m.event_id: m.width for m in lane.marks}
    assert width["e1"] < width["e2"] < width["e3"]


def test_timeline_lanes_per_actor_repeat_an_event_in_each_lane() -> None:
    timeline = build_timeline([_row("e1", "2025-03-14")], since=None, until=None, lanes_by="actor")
    assert timeline is not None
    assert [lane.label for lane in timeline.lanes] == ["Ana Novak", "Boris Petrov"]
    assert all(lane.marks[0].event_id == "e1" for lane in timeline.lanes)


def test_timeline_zoom_narrows_and_widens_around_the_centre() -> None:
    timeline = build_timeline([_row("e1", "2025-06-15")], since="2025-01-01", until="2025-12-31", lanes_by="pair")
    assert timeline is not None
    zoom_in, zoom_out = timeline.zoom_in, timeline.zoom_out
    assert timeline.since < zoom_in[0] < zoom_in[1] < timeline.until
    assert zoom_out[0] < timeline.since and zoom_out[1] > timeline.until
    assert [t.period for t in timeline.ticks][:2] == ["2025-01", "2025-02"]


def test_bars_fill_months_without_events() -> None:
    bars = build_bars(["2025-01-05", "2025-01-20", "2025-04"])
    assert [(b.label, b.count) for b in bars] == [
        ("2025-01", 2), ("2025-02", 0), ("2025-03", 0), ("2025-04", 1),
    ]  # fmt: skip
    assert bars[0].height > bars[3].height > 0
