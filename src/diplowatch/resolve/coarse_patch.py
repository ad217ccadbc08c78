"""New month-, year- and undated reports into a merged block without re-merging the block
(issue #14).

Stage 2c places such a report by what it can see of a few clusters: those dated in its month
(a month report), or those dated within ``UNDATED_WINDOW_DAYS`` of its report time, of its
report month and year (a year or undated report), plus its peers (clusters of its own date
precision, date and report-time bucket). Each is rebuilt here from its stored event's rows
(``merge.restore_cluster``) and the new report placed among them by the merge's own steps:

- a finer cluster that takes it (``merge.finer_choice``) reads only reports finer than it,
  all placed before it, so the choice is the whole merge's;
- otherwise its peers decide (``merge.join_peer``), in placement order, by the reports of
  their own precision: that step is replayed over those reports with the new one among them,
  and the stored peers must come out unchanged (a new report placed before others may change
  where they went).

Then no other report moves as long as the cluster it joined keeps what later, vaguer reports
read of it (``merge.read_verdicts``), or it made an undated cluster, which no report can join
as a finer one (a new month or year cluster could draw vaguer reports from elsewhere: not
patched). The events that change are the clusters the new reports joined or made, settled
from their stored rows plus the new ones. In every other case ``None``: the caller re-merges
the block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from diplowatch.resolve.day_patch import DayPatch
from diplowatch.resolve.merge import (
    UNDATED_WINDOW_DAYS,
    Cluster,
    Clusters,
    ReportRecord,
    coarse_order,
    finer_choice,
    join_peer,
    parse_day,
    peer_key,
    read_verdicts,
    restore_cluster,
    settle,
)


@dataclass(frozen=True)
class CoarseWindow:
    """The stored events the patch needs: dated ones whose ``sort_date`` lies in one of
    ``dated`` and undated ones first reported in one of ``undated`` (report-time buckets)."""

    dated: list[tuple[str, str]]
    undated: list[tuple[str, str]]


def coarse_window(added: Sequence[ReportRecord]) -> CoarseWindow | None:
    """What ``patch_coarse`` reads for these new reports; None when one is day-dated, or a
    year- or undated one has no report time (it may mean any cluster of the block)."""
    dated: list[tuple[str, str]] = []
    undated: list[tuple[str, str]] = []
    span = dt.timedelta(days=UNDATED_WINDOW_DAYS)
    for record in added:
        report = record.report
        precision = report.date_precision if report.date else None
        if precision == "day":
            return None
        if precision == "month" and report.date:
            dated.append((report.date, report.date + "~"))  # the month and its days
            continue
        reported = parse_day(record.reported_at)
        if reported is None or precision not in (None, "year"):
            return None
        at = reported.isoformat()
        dated += [((reported - span).isoformat(), (reported + span).isoformat()), (at[:7], at[:7]), (at[:4], at[:4])]
        if report.date:
            dated.append((report.date, report.date))
        else:
            first = dt.date.fromordinal(reported.toordinal() // UNDATED_WINDOW_DAYS * UNDATED_WINDOW_DAYS)
            undated.append((first.isoformat(), (first + span - dt.timedelta(days=1)).isoformat()))
    return CoarseWindow(dated, undated)


def _join(index: Clusters, cluster: Cluster, record: ReportRecord, stored: bool) -> bool:
    """Add the report; False when that changes what other reports read of a stored cluster."""
    before = read_verdicts(cluster)
    index.add(cluster, record)
    return not stored or read_verdicts(cluster) == before


def _peer_step(record: ReportRecord, index: Clusters, keys: dict[int, str]) -> tuple[Cluster, bool] | None:
    """The report's place among its peers, as the whole merge would choose it: (cluster,
    whether it already existed), or None when the new report would move an earlier one.

    The reports of the report's precision in its peers all reached this step (no finer
    cluster took them), so replaying it over them in placement order, with the new one
    among them, is what the whole merge does; the stored peers must come out unchanged.
    """
    peers = index.peers(*peer_key(record))
    rank = coarse_order(record, keys)[0]

    def same(cluster: Cluster) -> frozenset[str]:
        return frozenset(keys[id(r.report)] for r in cluster.records if coarse_order(r, keys)[0] == rank)

    groups: list[Cluster] = []
    for peer_record in sorted(
        [r for peer in peers for r in peer.records if coarse_order(r, keys)[0] == rank] + [record],
        key=lambda r: coarse_order(r, keys),
    ):
        group = join_peer(peer_record, groups)
        if not group.records:
            groups.append(group)
        group.add(peer_record)
    mine = keys[id(record.report)]
    replayed = {same(group) - {mine} for group in groups}
    if replayed - {frozenset()} != {same(peer) for peer in peers}:
        return None
    held = next(same(group) - {mine} for group in groups if record in group.records)
    if not held:
        return join_peer(record, ()), False
    return next(peer for peer in peers if same(peer) == held), True


def patch_coarse(
    block: str,
    stored: Mapping[str, tuple[str | None, Sequence[tuple[str, ReportRecord]]]],
    members: Callable[[str], list[ReportRecord]],
    added: Sequence[ReportRecord],
) -> DayPatch | None:
    """The events that change when ``added`` (new month-, year- or undated reports) join a
    merged block.

    Args:
        block: the block's key.
        stored: event id -> (event date, its (report key, row) pairs) for the events of
            ``coarse_window``.
        members: all stored rows of a stored event (full reports, for settling).
        added: the new rows, none of them merged yet.
    """
    keys = {id(record.report): key for _, rows in stored.values() for key, record in rows}
    if {record.report.key for record in added} & set(keys.values()):
        return None
    keys.update((id(record.report), record.report.key) for record in added)
    restored = [
        (event_id, restore_cluster(date, [r for _, r in rows], keys)) for event_id, (date, rows) in stored.items()
    ]
    index, event_of = Clusters(), {}
    # peers are tried in the order they were made: by their first report's placement order
    for event_id, cluster in sorted(
        restored,
        key=lambda item: (item[1].precision != "day", min(coarse_order(r, keys) for r in item[1].records)),
    ):
        event_of[id(cluster)] = event_id
        index.register(cluster)
    touched: dict[int, Cluster] = {}
    for record in sorted(added, key=lambda r: coarse_order(r, keys)):
        target = finer_choice(record, index)
        if target is None:
            step = _peer_step(record, index, keys)
            if step is None:
                return None
            target, existed = step
            if not existed:
                if target.precision is not None:  # a month or year cluster is a candidate for others
                    return None
                index.register(target)
        if not _join(index, target, record, id(target) in event_of):
            return None
        touched[id(target)] = target
    new = {id(record.report) for record in added}
    replaced, events = [], []
    for cluster in touched.values():
        rows = [r for r in cluster.records if id(r.report) in new]
        event_id = event_of.get(id(cluster))
        if event_id is not None:
            old = members(event_id)
            if len(old) != len(cluster.records) - len(rows):  # the store does not hold what the event says
                return None
            replaced.append(event_id)
            rows = old + rows
        events.append(settle(block, rows, {id(r.report): r.report.key for r in rows}))
    return DayPatch(replaced, events)
