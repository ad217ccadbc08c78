"""Geometry of the server-drawn SVG charts: the events timeline and an actor's bar chart.

Dates keep their precision: a day is a dot, a month or a year is a bar over its whole
period, so a vague date never looks more exact than it is. The timeline's zoom is its
``since``/``until`` filter, which keeps zoom in the URL and the drawn events identical to
the filtered list.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

PLOT_LEFT = 230
PLOT_WIDTH = 980
LANE_HEIGHT = 24
AXIS_HEIGHT = 30
MAX_LANES = 40


@dataclass(frozen=True)
class Mark:
    x: float
    width: float
    event_id: str
    mode: str
    status: str
    title: str


@dataclass
class Lane:
    label: str
    y: int
    marks: list[Mark] = field(default_factory=list)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    period: str  # the period the tick stands for: zoom target of its link


@dataclass
class Timeline:
    lanes: list[Lane]
    ticks: list[Tick]
    since: str
    until: str
    height: int
    hidden_lanes: int
    zoom_in: tuple[str, str]
    zoom_out: tuple[str, str]
    earlier: tuple[str, str]
    later: tuple[str, str]
    width: int = PLOT_LEFT + PLOT_WIDTH + 10


def date_span(value: str) -> tuple[int, int]:
    """First day and the day after the last of a YYYY, YYYY-MM or YYYY-MM-DD date (ordinals)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1).toordinal(), dt.date(parts[0] + 1, 1, 1).toordinal()
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        first = dt.date(parts[0], parts[1], 1).toordinal()
        return first, first + last
    day = dt.date(parts[0], parts[1], parts[2]).toordinal()
    return day, day + 1


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(max(1, ordinal)).isoformat()


def _ticks(start: int, end: int) -> list[tuple[int, str, str]]:
    """(ordinal, label, period) at years, months or days, whichever fits ~12 ticks."""
    first, last = dt.date.fromordinal(start), dt.date.fromordinal(end - 1)
    days = end - start
    ticks: list[tuple[int, str, str]] = []
    if days > 3 * 366:
        step = max(1, (last.year - first.year + 1) // 12)
        for year in range(first.year, last.year + 1, step):
            ticks.append((dt.date(year, 1, 1).toordinal(), str(year), str(year)))
    elif days > 100:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = max(1, months // 12)
        for index in range(0, months, step):
            year, month = divmod(first.year * 12 + first.month - 1 + index, 12)
            day = dt.date(year, month + 1, 1)
            ticks.append((day.toordinal(), day.strftime("%b %Y"), day.strftime("%Y-%m")))
    else:
        step = max(1, days // 12)
        for ordinal in range(start, end, step):
            day = dt.date.fromordinal(ordinal)
            ticks.append((ordinal, day.strftime("%d %b"), day.isoformat()))
    return [t for t in ticks if start <= t[0] < end] or [(start, _iso(start), _iso(start))]


def _lane_keys(actors: Sequence[Sequence[Any]], by: str) -> list[str]:
    names = sorted(str(a[1]) for a in actors) or ["(no actor)"]
    return names if by == "actor" else [" – ".join(names)]


def build_timeline(
    rows: Iterable[dict[str, Any]], *, since: str | None, until: str | None, lanes_by: str
) -> Timeline | None:
    """Lay out dated events (``store.browse.timeline_events`` rows); None when there are none."""
    spans = [(row, *date_span(row["event_date"])) for row in rows]
    if not spans:
        return None
    start = date_span(since)[0] if since else min(s for _, s, _ in spans)
    end = date_span(until)[1] if until else max(e for _, _, e in spans)
    if not since and not until:  # a margin so edge events are not cut
        pad = max(1, (end - start) // 40)
        start, end = start - pad, end + pad
    end = max(end, start + 1)
    scale = PLOT_WIDTH / (end - start)

    by_lane: dict[str, list[Mark]] = defaultdict(list)
    for row, first, after in spans:
        x1 = PLOT_LEFT + max(0.0, (first - start) * scale)
        x2 = PLOT_LEFT + min(float(PLOT_WIDTH), (after - start) * scale)
        if x2 < PLOT_LEFT or x1 > PLOT_LEFT + PLOT_WIDTH:
            continue
        names = " – ".join(str(a[1]) for a in row["actors"])
        title = f"{row['event_date']} · {row['mode']} · {row['status']} · {names}"
        if row["location"]:
            title += f" · {row['location']}"
        mark = Mark(x1, max(0.0, x2 - x1), row["id"], row["mode"], row["status"], title)
        for key in _lane_keys(row["actors"], lanes_by):
            by_lane[key].append(mark)
    ordered = sorted(by_lane.items(), key=lambda item: (-len(item[1]), item[0]))
    lanes = [
        Lane(label, AXIS_HEIGHT + index * LANE_HEIGHT, marks)
        for index, (label, marks) in enumerate(ordered[:MAX_LANES])
    ]
    ticks = [Tick(PLOT_LEFT + (o - start) * scale, label, period)
             for o, label, period in _ticks(start, end)]  # fmt: skip
    centre, half = (start + end) // 2, max(1, (end - start) // 2)
    quarter = max(1, half // 2)
    return Timeline(
        lanes=lanes,
        ticks=ticks,
        since=_iso(start),
        until=_iso(end - 1),
        height=AXIS_HEIGHT + max(1, len(lanes)) * LANE_HEIGHT + 10,
        hidden_lanes=max(0, len(ordered) - MAX_LANES),
        zoom_in=(_iso(centre - quarter), _iso(centre + quarter)),
        zoom_out=(_iso(centre - 2 * half), _iso(centre + 2 * half)),
        earlier=(_iso(start - 2 * half), _iso(start - 1)),
        later=(_iso(end), _iso(end + 2 * half - 1)),
    )


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


def build_bars(periods: Iterable[str | None], *, width: int = 560, height: int = 120) -> list[Bar]:
    """Bars of events per month (or per year over long spans), gaps included."""
    dated = [p for p in periods if p]
    if not dated:
        return []
    months = Counter(p[:7] for p in dated if len(p) >= 7)
    years = sorted({p[:4] for p in dated})
    span_years = int(years[-1]) - int(years[0]) + 1
    if span_years > 4 or not months:
        counts = Counter(p[:4] for p in dated)
        keys = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    else:
        counts = months
        first, last = min(months), max(months)
        y0, m0 = int(first[:4]), int(first[5:7])
        total = (int(last[:4]) - y0) * 12 + int(last[5:7]) - m0 + 1
        keys = [f"{y0 + (m0 - 1 + i) // 12:04d}-{(m0 - 1 + i) % 12 + 1:02d}" for i in range(total)]
    top = max(counts.values())
    slot = min(40.0, width / len(keys))
    return [
        Bar(i * slot + 1, height - counts[k] / top * (height - 14), max(1.0, slot - 2),
            counts[k] / top * (height - 14), k, counts[k])
        for i, k in enumerate(keys)
    ]  # fmt: skip
