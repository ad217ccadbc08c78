"""The merge function: event reports in, real-world events out.

``merge_reports`` is a pure function over reports, so the same code merges one article's
reports (for the per-article gold output), a whole store, or one Spark block.

Stages, in order:
 1. block     by contact type and the unordered set of canonical actors (never splits an event)
 2. cluster   inside a block: compatible mode and dates compatible at their precision
              (2025-10 fits 2025-10-21; 10-21 and 10-24 are two events); undated reports join
              only when exactly one cluster fits
 3. settle    canonical date, mode, status (planned -> occurred/cancelled), place, conflicts
 4. identify  stable id from the block and the earliest report of the cluster
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from diplowatch.model import Event, Report

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
# Which status wins when reports disagree: a later fact beats an earlier plan.
_STATUS_RANK = {"occurred": 5, "cancelled": 4, "denied": 3, "habitual": 2, "planned": 1}


def block_key(report: Report) -> str:
    """Key that all reports of one real-world event share."""
    return report.type + "|" + ",".join(sorted({a.actor_id for a in report.actors}))


def dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def modes_compatible(a: str, b: str) -> bool:
    return a == b or "unspecified" in (a, b) or {a, b} <= {"visit", "host", "meet"}


class _Cluster:
    def __init__(self, report: Report) -> None:
        self.reports = [report]

    @property
    def date(self) -> str | None:
        dated = [r.date for r in self.reports if r.date]
        return max(dated, key=len) if dated else None

    @property
    def mode(self) -> str:
        return self.reports[0].mode

    def accepts(self, report: Report) -> bool:
        return dates_compatible(self.date, report.date) and all(
            modes_compatible(r.mode, report.mode) for r in self.reports
        )


def _cluster_block(reports: list[Report]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    ordered = sorted(
        reports, key=lambda r: (-_PRECISION_RANK[r.date_precision], r.article_id, r.sent_start)
    )
    for report in ordered:
        fitting = [c for c in clusters if c.accepts(report)]
        if report.date is not None:
            exact = [c for c in fitting if c.date == report.date]
            fitting = exact or fitting
        if len(fitting) == 1 or (fitting and report.date is not None):
            fitting[0].reports.append(report)
        else:
            clusters.append(_Cluster(report))
    return clusters


def _settle(block: str, cluster: _Cluster) -> Event:
    reports = cluster.reports
    dated = [r for r in reports if r.date]
    date = max((r.date for r in dated), key=lambda d: (len(d or ""), d)) if dated else None
    precision = next((r.date_precision for r in dated if r.date == date), None)
    basis = next((r.date_basis for r in dated if r.date == date), "unknown")
    modes = Counter(r.mode for r in reports if r.mode != "unspecified")
    mode = modes.most_common(1)[0][0] if modes else "unspecified"
    statuses = {r.status for r in reports}
    status = max(statuses, key=lambda s: _STATUS_RANK[s])
    places = Counter(r.location for r in reports if r.location)
    conflicts = []
    if len({r.date for r in dated if r.date_precision == precision}) > 1:
        conflicts.append("date")
    if {"occurred", "cancelled"} <= statuses or {"occurred", "denied"} <= statuses:
        conflicts.append("status")
    actors: dict[str, tuple[str, str, str | None]] = {}
    for r in reports:
        for a in r.actors:
            actors.setdefault(a.actor_id, (a.actor_id, a.name, a.country))
    first = min(r.key for r in reports)
    event_id = "e_" + hashlib.sha1(f"{block}|{first}".encode()).hexdigest()[:16]
    return Event(
        id=event_id,
        type=reports[0].type,
        mode=mode,
        status=status,
        date=date,
        date_precision=precision,
        location=places.most_common(1)[0][0] if places else None,
        actors=list(actors.values()),
        report_ids=sorted(r.key for r in reports),
        article_ids=sorted({r.article_id for r in reports}),
        langs=sorted({r.lang for r in reports if r.lang}),
        confidence=min(0.99, max(r.confidence for r in reports) + 0.05 * (len(reports) - 1)),
        conflicts=conflicts,
        evidential=all(r.evidential for r in reports),
        date_basis=basis,
    )


def merge_reports(reports: Iterable[Report]) -> list[Event]:
    """Group reports into real-world events (see the module docstring for the stages)."""
    blocks: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        blocks[block_key(report)].append(report)
    events = [
        _settle(key, cluster)
        for key, block in sorted(blocks.items())
        for cluster in _cluster_block(block)
    ]
    events.sort(key=lambda e: (e.date or "", e.id))
    return events
