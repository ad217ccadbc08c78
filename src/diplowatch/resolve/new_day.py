"""A new day cluster in a merged block, checked against the stored coarse reports (issue #14).

When a new day-dated article starts a day group of its own (a day with no cluster of that
mode class yet), ``resolve.day_patch`` settles the new cluster alone. That is the whole
merge's result only if no stored month-, year- or undated report would have joined it, nor
gone elsewhere because it exists: a new day cluster is one more candidate of stage 2c's
first step (``merge.finer_choice``), and nothing else of the block changes (the clusters
the new reports join keep what coarse reports read of them).

Its candidates are a report's own article's clusters, else those its month names (a month
report) or those near its report time (a year or undated report: days within
``UNDATED_WINDOW_DAYS``, its report month's and year's clusters). So only the month reports
of a new cluster's month and the year and undated reports reported within
``UNDATED_WINDOW_DAYS`` of its day can see it; each of those it fits is placed again by
``finer_choice`` among the clusters rebuilt from the stored events it can see, and must come
out where it is stored. Placement is by rank, finest first, and by what finer reports tell,
so if none moves, no report placed after them moves either.

A year or undated report without a report day looks at every cluster of its year or block:
one that a new cluster fits is not re-placed here (``None`` from ``seen_by``'s caller).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from diplowatch.resolve.coarse_patch import CoarseWindow
from diplowatch.resolve.merge import (
    UNDATED_WINDOW_DAYS,
    Cluster,
    Clusters,
    ReportRecord,
    coarse_order,
    finer_choice,
    finer_fit,
    finer_than,
    parse_day,
    restore_cluster,
)

_SPAN = dt.timedelta(days=UNDATED_WINDOW_DAYS)


def new_day_window(days: Sequence[Cluster]) -> CoarseWindow:
    """The stored events whose reports may see the new day clusters, with every cluster those
    reports may see: dated events of the new days' months and within two windows of them,
    the month and year events of report months around them, and undated events of the
    report-time buckets around them."""
    dated: list[tuple[str, str]] = []
    undated: list[tuple[str, str]] = []
    for cluster in days:
        day = dt.date.fromisoformat(cluster.date or "")
        month = day.isoformat()[:7]
        dated.append((min(month, (day - 2 * _SPAN).isoformat()), max(month + "~", (day + 2 * _SPAN).isoformat())))
        for edge in (day - _SPAN, day + _SPAN):  # report months and years of the reports that see it
            dated += [(edge.isoformat()[:7], edge.isoformat()[:7]), (edge.isoformat()[:4], edge.isoformat()[:4])]
        first = dt.date.fromordinal((day - _SPAN).toordinal() // UNDATED_WINDOW_DAYS * UNDATED_WINDOW_DAYS)
        undated.append((first.isoformat(), (day + 2 * _SPAN).isoformat()))
    return CoarseWindow(dated, undated)


def _sees(cluster: Cluster, record: ReportRecord) -> bool | None:
    """Whether the new cluster is among the report's candidates (None: the report has no
    report day, so it looks at clusters this patch does not read)."""
    report = record.report
    if report.date_precision == "month" and report.date:
        return (cluster.date or "").startswith(report.date)
    reported = parse_day(record.reported_at)
    if reported is None:
        return None
    day = dt.date.fromisoformat(cluster.date or "")
    return abs((day - reported).days) <= UNDATED_WINDOW_DAYS


def seen_by(days: Sequence[Cluster], records: Iterable[ReportRecord]) -> list[ReportRecord] | None:
    """The coarse records some new day cluster is a candidate for; None when one of them has
    no report day (its other candidates are anywhere in its year or block)."""
    seen = []
    for record in records:
        if record.report.date_precision == "day" and record.report.date:
            continue
        sees = [_sees(cluster, record) for cluster in days if finer_fit(cluster, record)]
        if None in sees:
            return None
        if any(sees):
            seen.append(record)
    return seen


def unmoved(
    stored: Mapping[str, tuple[str | None, Sequence[tuple[str, ReportRecord]]]],
    days: Sequence[Cluster],
    seen: Sequence[str],
) -> bool:
    """Whether every seen report (by key) stays where it is stored when the new day clusters
    exist.

    Args:
        stored: event id -> (event date, its (report key, row) pairs): the events of
            ``new_day_window`` and every event holding an article of a seen report.
        days: the new day clusters.
        seen: keys of the coarse reports ``seen_by`` found.
    """
    keys = {id(record.report): key for _, rows in stored.values() for key, record in rows}
    keys.update((id(record.report), record.report.key) for cluster in days for record in cluster.records)
    index = Clusters()
    cluster_of: dict[str, Cluster] = {}
    record_of: dict[str, ReportRecord] = {}
    of_article: dict[str, list[str]] = {}
    for date, rows in stored.values():
        cluster = index.register(restore_cluster(date, [record for _, record in rows], keys))
        for key, record in rows:
            cluster_of[key], record_of[key] = cluster, record
            of_article.setdefault(record.report.article_id, []).append(key)
    for cluster in days:
        index.register(cluster)
    for key in seen:
        record = record_of[key]
        at = coarse_order(record, keys)
        own = [  # the article's clusters when the report was placed: finer reports go first
            cluster_of[other]
            for other in of_article[record.report.article_id]
            if other != key and coarse_order(record_of[other], keys) < at
        ]
        stays = cluster_of[key] if finer_than(cluster_of[key], record) else None
        if finer_choice(record, index, own) is not stays:
            return False
    return True
