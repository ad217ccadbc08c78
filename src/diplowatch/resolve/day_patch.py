"""New day-dated reports into a merged block without re-merging the block (issue #14).

A busy pair's block holds a hundred thousand reports, and one new article changes one or two
of its events. Re-merging the block costs seconds; this module finds those events from a few
days of the block instead, or says it cannot (``None``), and the caller re-merges the block.

Why a few days are enough when every new report is day-dated:

- which reports a day cluster dated d holds depends only on the day reports of d-3..d+3
  (``merge.group_days``), so regrouping the stored day reports of d-6..d+6 with and without
  the new ones gives every day cluster the new reports can change, exactly;
- a month-, year- or undated report reads a day cluster only through its date, its mode
  class and ``merge.finer_verdicts`` of its reports (and, by the own-article rule, through the
  articles it holds: the new articles have no coarse report here). So when the new reports
  only join existing clusters, no other cluster changes membership and the joined clusters
  keep their verdicts, every coarse report stays where it was, and the events that change are
  the joined clusters' alone, re-settled from their stored rows plus the new ones.

- a new day group (a day or mode class with no cluster yet) changes no stored cluster either,
  but it is one more candidate of month-, year- and undated reports: the patch names it, and
  ``resolve.new_day`` checks that none of those would join it or leave for it.

Anything else (a changed absorption, a changed verdict, a report that is not day-dated)
returns ``None``: the rules of the whole merge decide, never an approximation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from diplowatch.model import Event
from diplowatch.resolve.merge import Cluster, ReportRecord, finer_verdicts, group_days, parse_day, settle

WINDOW_DAYS = 6  # day clusters within 3 days of a new report depend on day reports within 6


@dataclass(frozen=True)
class DayPatch:
    """Stored events to drop and the events that replace them."""

    replaced: list[str]
    events: list[Event]
    new_days: tuple[Cluster, ...] = ()  # day clusters the patch made (their events are in ``events``)


def day_ranges(added: Sequence[ReportRecord]) -> list[tuple[str, str]] | None:
    """The day ranges whose stored day reports ``patch_days`` needs, merged where they overlap;
    None when some new report is not dated to a day (the fast path does not apply)."""
    days: list[dt.date] = []
    for record in added:
        day = parse_day(record.report.date) if record.report.date_precision == "day" else None
        if day is None or record.report.date != day.isoformat():
            return None
        days.append(day)
    ranges: list[list[dt.date]] = []
    span = dt.timedelta(days=WINDOW_DAYS)
    for day in sorted(days):
        if ranges and day - span <= ranges[-1][1]:
            ranges[-1][1] = day + span
        else:
            ranges.append([day - span, day + span])
    return [(lo.isoformat(), hi.isoformat()) for lo, hi in ranges]


def _memberships(
    records: list[ReportRecord], keys: dict[int, str]
) -> dict[tuple[str | None, str | None, frozenset[str]], Cluster]:
    return {
        (c.date, c.mode_class, frozenset(keys[id(r.report)] for r in c.records)): c
        for c in group_days(records, keys).all
        if c.records
    }


def patch_days(
    block: str,
    window: Sequence[tuple[str, ReportRecord]],
    event_of: Mapping[str, str],
    members: Callable[[str], list[ReportRecord]],
    added: Sequence[ReportRecord],
) -> DayPatch | None:
    """The events that change when ``added`` (new day-dated reports) join a merged block.

    Args:
        block: the block's key.
        window: (report key, row) of every merged day report of the block in ``day_ranges``.
        event_of: the stored event of each window report.
        members: all stored rows of a stored event.
        added: the new rows, none of them merged yet.

    Returns:
        The patch, or None when the new reports may change more than the clusters they join
        or make. A patch that makes day clusters names them (``DayPatch.new_days``): it holds
        only if no stored coarse report would join one (``resolve.new_day``).
    """
    keys = {id(record.report): key for key, record in window}
    keys.update((id(record.report), record.report.key) for record in added)
    added_keys = {record.report.key for record in added}
    if added_keys & {key for key, _ in window}:
        return None
    rows = [record for _, record in window]
    before = _memberships(rows, keys)
    after = _memberships(rows + list(added), keys)
    changed = [(date, mode, held) for date, mode, held in after if (date, mode, held) not in before]
    joined = {(date, mode, held - added_keys): held for date, mode, held in changed if held - added_keys}
    if set(joined) != {membership for membership in before if membership not in after}:
        return None
    by_key = {record.report.key: record for record in added}
    replaced, events = [], []
    for (_, _, kept), held in sorted(joined.items(), key=lambda item: sorted(item[1])):
        stored = {event_of[key] for key in kept}
        if len(stored) != 1:
            return None
        event_id = stored.pop()
        old = members(event_id)
        day_keys = {r.report.key for r in old if r.report.date_precision == "day" and r.report.date}
        if day_keys != kept:  # the store does not hold what the day clusters say
            return None
        new = old + [by_key[key] for key in sorted(held - kept)]
        if finer_verdicts(new) != finer_verdicts(old):
            return None
        replaced.append(event_id)
        events.append(settle(block, new, {id(r.report): r.report.key for r in new}))
    made = [after[membership] for membership in changed if not membership[2] - added_keys]
    events += [settle(block, cluster.records, keys) for cluster in made]
    return DayPatch(replaced, events, tuple(made))
