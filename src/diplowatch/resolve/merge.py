"""The merge function: event reports in, real-world events out.

``merge_reports`` is a pure function over rows (a report plus when it was reported), so the
same code merges one article's reports (the per-article gold output), a whole store, the few
blocks touched by an ingest, or one Spark group (``block_key`` is the group key and
``merge_block`` the group function).

Stages, in order:
 1. block     by contact type and the unordered set of canonical actors (never splits an event)
 2. cluster   inside a block, finest dates first:
              a. day-dated reports group by (day, mode class); a group absorbs a neighbouring
                 day's group of at most half its size (time zones, "late on the 21st"), which
                 is then flagged as a date conflict; two calls on 10-21 and 10-24 stay apart.
                 A group that a neighbour could absorb absorbs nothing itself, so whether a
                 day's group is absorbed depends on the groups two days around it, never on a
                 run of consecutive days
              b. day-dated reports of unspecified mode join that day's largest group
              c. month-, year- and undated reports join the one finer cluster they fit
                 (2025-10 fits 2025-10-21), narrowed by report time when several fit (a report
                 of a planned contact cannot mean one held before it was published); otherwise
                 they gather with their own kind. When the report's own article has reports in
                 exactly one fitting cluster, that is the one (merging the article alone would
                 put it there, whatever the report times). Otherwise year- and undated reports
                 only look at events dated within ``UNDATED_WINDOW_DAYS`` of their report time
                 (or in its month), and those that join none gather within a fixed span of
                 report time (``_bucket``), not along chains of reports or over a whole year.
                 A coarse report never joins a cluster whose every report finer than it tells
                 the opposite outcome (held vs cancelled): a summit called off is not the one
                 held in August; nor does a plan join a contact told as held by the time the
                 plan was reported (a new plan after a meeting is a new event) unless it names
                 that contact's date. Of a finer cluster only the reports finer than the
                 report are asked, so the decision never rests on where other vague reports went
 3. settle    canonical date (most articles), mode, place (none for a call), status reconciled
              by report time (the latest outcome wins: planned -> occurred, planned ->
              cancelled), conflicts
 4. identify  the stable id (see ``event_id``)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from diplowatch.model import Event, Report

UNDATED_WINDOW_DAYS = 14

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
_MODE_CLASS = {
    "phone": "phone",
    "meet": "in_person",
    "visit": "in_person",
    "host": "in_person",
    "multilateral": "multilateral",
}
# Tie-break of modes with equal support: the more specific wording wins.
_MODE_ORDER = ("visit", "host", "meet", "phone", "multilateral")
_OUTCOMES = ("occurred", "cancelled", "denied")
_OPPOSITE_OUTCOME = {"occurred": "cancelled", "cancelled": "occurred"}


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """One input row of the merge: a report and when it was reported.

    ``published`` is the publication date of the reporting article (reconciles status over
    time); ``first_seen`` is when the store first ingested that article (orders the anchor of
    the stable id, see ``event_id``). Both are optional: one article's reports merge without.
    """

    report: Report
    published: str | None = None
    first_seen: str | None = None

    @property
    def reported_at(self) -> str:
        return self.published or (self.first_seen or "")[:10]


def block_key(report: Report) -> str:
    """Key that all reports of one real-world event share: type and the canonical actor set."""
    return report.type + "|" + ",".join(sorted({a.actor_id for a in report.actors}))


def event_block(event: Event) -> str:
    """The block an event was merged in (its reports' ``block_key``)."""
    return event.type + "|" + ",".join(sorted({a[0] for a in event.actors}))


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Dates that may name the same day at their precisions (None fits anything)."""
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def modes_compatible(a: str, b: str) -> bool:
    """Modes one contact may be reported with: a visit is also a meeting and a hosting."""
    class_a, class_b = _MODE_CLASS.get(a), _MODE_CLASS.get(b)
    return class_a is None or class_b is None or class_a == class_b


def _rank(report: Report) -> int:
    """How fine a report's date is: 3 day, 2 month, 1 year, 0 undated."""
    return _PRECISION_RANK.get(report.date_precision, 0) if report.date else 0


def parse_day(value: str | None) -> dt.date | None:
    """The day of an ISO date or time string, None when it names no whole day."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Cluster:
    """Reports believed to describe one contact, plus the date and mode class that define it.

    It keeps running summaries of its reports (articles, outcomes, report times), so testing
    whether a report may join costs the same however many reports a busy pair's contact has.
    Outcomes are kept per date precision: a report is judged by what the reports finer than
    it tell, not by the vaguer ones placed before it, so no chain of vague reports carries a
    decision from one cluster to the next.
    """

    def __init__(self, date: str | None, precision: str | None, mode_class: str | None) -> None:
        self.date = date
        self.precision = precision
        self.mode_class = mode_class
        self.records: list[ReportRecord] = []
        self.article_ids: set[str] = set()
        self._told: list[tuple[int, dict[str, int], str | None]] = [(0, {}, None)] * 4  # by _rank
        self.bucket: int | None = None  # report-time bucket of a year or undated cluster (``_bucket``)

    @property
    def articles(self) -> int:
        return len(self.article_ids)

    def add(self, record: ReportRecord) -> None:
        self.records.append(record)
        self.article_ids.add(record.report.article_id)
        rank, status = _rank(record.report), record.report.status
        count, statuses, first_held = self._told[rank]
        statuses = {**statuses, status: statuses.get(status, 0) + 1}
        if status == "occurred" and (first_held is None or record.reported_at < first_held):
            first_held = record.reported_at
        self._told[rank] = (count + 1, statuses, first_held)

    def told(self, min_rank: int) -> tuple[int, dict[str, int], str | None]:
        """(reports, their statuses, earliest report time of a held one) at ranks >= min_rank."""
        total, merged, earliest = 0, {}, None
        for count, statuses, first_held in self._told[min_rank:]:
            total += count
            for status, n in statuses.items():
                merged[status] = merged.get(status, 0) + n
            if first_held is not None and (earliest is None or first_held < earliest):
                earliest = first_held
        return total, merged, earliest

    def fits_mode(self, mode: str) -> bool:
        report_class = _MODE_CLASS.get(mode)
        return report_class is None or self.mode_class is None or report_class == self.mode_class


def finer_verdicts(records: Iterable[ReportRecord]) -> tuple[tuple[bool, bool, str | None], ...]:
    """All a coarse report's placement reads of a cluster's reports: for each precision a
    report may have (year, month, day), whether the cluster's reports finer than it all tell
    held, all tell called off, and the earliest report time of a held one.

    A cluster keeping its date, mode class and these verdicts is the same candidate for every
    month-, year- or undated report (``place_coarse``), however many reports it gains.
    """
    cluster = Cluster(None, None, None)
    for record in records:
        cluster.add(record)
    return _verdicts(cluster, (1, 2, 3))


def _verdicts(cluster: Cluster, levels: Iterable[int]) -> tuple[tuple[bool, bool, str | None], ...]:
    verdicts = []
    for min_rank in levels:
        count, statuses, first_held = cluster.told(min_rank)
        verdicts.append((statuses.get("occurred", 0) == count, statuses.get("cancelled", 0) == count, first_held))
    return tuple(verdicts)


def read_verdicts(cluster: Cluster) -> tuple[tuple[bool, bool, str | None], ...]:
    """What other reports' placement reads of a cluster's reports: as a finer cluster, the
    verdicts at the ranks below its precision (``may_join(c, rank + 1)``); as a peer, at its
    own (undated clusters are only ever peers)."""
    rank = _PRECISION_RANK.get(cluster.precision, 0)
    return _verdicts(cluster, range(1, rank + 1) if rank else (0,))


class Clusters:
    """The clusters of one block in creation order, indexed by date, date prefix and article.

    A report looks up only the clusters it may join (its day's, its month's, those within the
    undated window), so clustering a block costs about linear time even for a pair reported
    every day.
    """

    def __init__(self) -> None:
        self.all: list[Cluster] = []
        self._by_date: dict[tuple[str | None, str | None, int | None], list[Cluster]] = {}
        self._by_prefix: dict[str, list[Cluster]] = {}
        self._by_article: dict[str, list[Cluster]] = {}
        self._by_ordinal: dict[int, list[Cluster]] = {}  # day clusters by day number

    def register(self, cluster: Cluster) -> Cluster:
        self.all.append(cluster)
        self._by_date.setdefault((cluster.precision, cluster.date, cluster.bucket), []).append(cluster)
        if cluster.date is not None:
            for width in (4, 7):
                if len(cluster.date) >= width:
                    self._by_prefix.setdefault(cluster.date[:width], []).append(cluster)
            day = parse_day(cluster.date) if cluster.precision == "day" else None
            if day is not None:
                self._by_ordinal.setdefault(day.toordinal(), []).append(cluster)
        for article_id in cluster.article_ids:  # order is immaterial: only counted
            self._by_article.setdefault(article_id, []).append(cluster)
        return cluster

    def add(self, cluster: Cluster, record: ReportRecord) -> Cluster:
        if record.report.article_id not in cluster.article_ids:
            self._by_article.setdefault(record.report.article_id, []).append(cluster)
        cluster.add(record)
        return cluster

    def on_day(self, date: str) -> list[Cluster]:
        return self._by_date.get(("day", date, None), [])

    def peers(self, precision: str | None, date: str | None, reported: dt.date | None) -> list[Cluster]:
        """Clusters of that date and precision; of a year or none, those of the report-time bucket."""
        bucket = _bucket(reported) if precision in (None, "year") else None
        return self._by_date.get((precision, date, bucket), [])

    def of_article(self, article_id: str) -> list[Cluster]:
        return self._by_article.get(article_id, [])

    def dated(self, date: str | None) -> list[Cluster]:
        """Clusters that may be finer than a report of this date (a superset: the caller filters)."""
        if date is not None and len(date) in (4, 7):
            return self._by_prefix.get(date, [])
        return [c for c in self.all if c.date is not None]

    def near(self, reported: dt.date, reported_at: str) -> list[Cluster]:
        """Dated clusters a year- or undated report of that day may mean: days within
        ``UNDATED_WINDOW_DAYS``, the month it was reported in, or the year clusters of its
        report-time bucket."""
        found = [*self.peers("month", reported_at[:7], None), *self.peers("year", reported_at[:4], reported)]
        day = reported.toordinal()
        for ordinal in range(day - UNDATED_WINDOW_DAYS, day + UNDATED_WINDOW_DAYS + 1):
            found += self._by_ordinal.get(ordinal, [])
        return found


def _bucket(reported: dt.date | None) -> int | None:
    """Fixed spans of ``UNDATED_WINDOW_DAYS`` days: year- and undated reports that join no
    finer cluster gather within one.

    A fixed span, not "within the window of the cluster's latest report" nor "the whole
    year", so such a cluster cannot grow along a chain of reports without end and its members
    depend only on the reports of its own span.
    """
    return None if reported is None else reported.toordinal() // UNDATED_WINDOW_DAYS


def _order(record: ReportRecord, keys: dict[int, str]) -> tuple[str, str, str]:
    """Anchor order: first ingested, then first published, then report key (a total order)."""
    return (record.first_seen or "", record.published or "", keys[id(record.report)])


def group_days(records: list[ReportRecord], keys: dict[int, str]) -> Clusters:
    """Stages 2a and 2b: day-dated reports.

    A cluster dated d holds only reports of d-1..d+1, and which ones depends only on the day
    reports of d-3..d+3 (group sizes two days around each absorbed neighbour), which is what
    lets ``resolve.day_patch`` regroup a few days instead of the block.
    """
    groups: dict[tuple[str, str | None], Cluster] = {}
    for record in sorted(records, key=lambda r: (r.report.date or "", _order(r, keys))):
        mode_class = _MODE_CLASS.get(record.report.mode)
        if mode_class is None:
            continue
        date = record.report.date or ""
        groups.setdefault((date, mode_class), Cluster(date, "day", mode_class)).add(record)
    sizes = {key: group.articles for key, group in groups.items()}

    def bigger(key: tuple[str, str | None]) -> list[tuple[str, str | None]]:
        day = parse_day(key[0])
        if day is None:
            return []
        near = [((day + dt.timedelta(days=delta)).isoformat(), key[1]) for delta in (-1, 1)]
        return [n for n in near if n in sizes and 2 * sizes[key] <= sizes[n]]

    gone: set[tuple[str, str | None]] = set()
    absorbed: dict[tuple[str, str | None], list[tuple[str, str | None]]] = defaultdict(list)
    for key in sorted(groups):
        absorbers = [n for n in bigger(key) if not bigger(n)]
        if absorbers:
            absorbed[min(absorbers, key=lambda n: (-sizes[n], n))].append(key)
            gone.add(key)
    for key, neighbours in absorbed.items():
        for neighbour in neighbours:
            for record in groups[neighbour].records:
                groups[key].add(record)
    clusters = Clusters()
    for key in sorted(groups):
        if key not in gone:
            clusters.register(groups[key])
    for record in sorted(records, key=lambda r: (r.report.date or "", _order(r, keys))):
        if _MODE_CLASS.get(record.report.mode) is not None:
            continue
        same_day = clusters.on_day(record.report.date or "")
        if same_day:  # the largest, the first made among equals
            clusters.add(max(same_day, key=lambda c: c.articles), record)
        else:
            clusters.add(clusters.register(Cluster(record.report.date, "day", None)), record)
    return clusters


def _consistent_in_time(cluster: Cluster, record: ReportRecord) -> bool:
    """A held contact was not reported before it happened; a planned one not after."""
    reported = record.reported_at
    if not reported or cluster.date is None:
        return True
    width = min(len(cluster.date), len(reported))
    if record.report.status == "occurred":
        return cluster.date[:width] <= reported[:width]
    if record.report.status == "planned":
        return cluster.date[:width] >= reported[:width]
    return True


def _opposite_outcome(told: tuple[int, dict[str, int], str | None], record: ReportRecord) -> bool:
    """True when the report says held and every report told of the cluster says cancelled, or
    the other way round: without a shared date nothing suggests they are one contact."""
    opposite = _OPPOSITE_OUTCOME.get(record.report.status)
    return opposite is not None and told[1].get(opposite, 0) == told[0]


def _held_before_plan(cluster: Cluster, told: tuple[int, dict[str, int], str | None], record: ReportRecord) -> bool:
    """True when the report is a plan and the cluster a contact already told as held when the
    plan was reported ("they will meet again later this month"): that plan is for another
    occasion, unless it names the held contact's own date."""
    report = record.report
    if report.status != "planned" or (report.date is not None and report.date == cluster.date):
        return False
    return told[2] is not None and told[2] <= record.reported_at


def _may_join(cluster: Cluster, min_rank: int, record: ReportRecord) -> bool:
    told = cluster.told(min_rank)
    return not _opposite_outcome(told, record) and not _held_before_plan(cluster, told, record)


def finer_than(cluster: Cluster, record: ReportRecord) -> bool:
    """Whether the cluster is dated more finely than the report: one stage 2c's first step
    may put it in, not one of its peers."""
    return _PRECISION_RANK.get(cluster.precision, 0) > _rank(record.report)


def finer_fit(cluster: Cluster, record: ReportRecord) -> bool:
    """Whether a cluster is one a month-, year- or undated report may join as a finer one
    (date, mode class, and what its reports finer than the report tell)."""
    report = record.report
    return (
        finer_than(cluster, record)
        and dates_compatible(cluster.date, report.date)
        and cluster.fits_mode(report.mode)
        and _may_join(cluster, _rank(report) + 1, record)
    )


def finer_choice(record: ReportRecord, clusters: Clusters, own: Iterable[Cluster] | None = None) -> Cluster | None:
    """Stage 2c's first step: the one finer cluster a month-, year- or undated report joins
    (its own article's, else the only candidate), None when it goes on to its peers.

    ``own`` are the clusters holding the report's article when it is placed (by default those
    the index knows): a patch re-placing a stored report passes what they were then.
    """
    report = record.report
    rank = _rank(report)
    mine = clusters.of_article(report.article_id) if own is None else own
    fitting = {id(c): c for c in mine if finer_fit(c, record)}
    if len(fitting) == 1:  # the article itself names the date: merged alone it would join there
        return next(iter(fitting.values()))
    reported = parse_day(record.reported_at)
    if rank <= _PRECISION_RANK["year"] and reported is not None:  # a year says little more than none
        candidates = [c for c in clusters.near(reported, record.reported_at) if finer_fit(c, record)]
    else:
        candidates = [c for c in clusters.dated(report.date) if finer_fit(c, record)]
    if len(candidates) > 1:
        candidates = [c for c in candidates if _consistent_in_time(c, record)]
    return candidates[0] if len(candidates) == 1 else None


def peer_key(record: ReportRecord) -> tuple[str | None, str | None, dt.date | None]:
    """(precision, date, report day): what selects a coarse report's peers (``Clusters.peers``)."""
    report = record.report
    return (report.date_precision if report.date else None), report.date, parse_day(record.reported_at)


def join_peer(record: ReportRecord, peers: Iterable[Cluster]) -> Cluster:
    """Stage 2c's second step: the first peer (in creation order) the report may join, else a
    new cluster of its own (not yet registered)."""
    rank = _rank(record.report)
    for peer in peers:
        if peer.fits_mode(record.report.mode) and _may_join(peer, rank, record):
            return peer
    precision, date, reported = peer_key(record)
    cluster = Cluster(date, precision, _MODE_CLASS.get(record.report.mode))
    cluster.bucket = _bucket(reported) if precision in (None, "year") else None
    return cluster


def place_coarse(record: ReportRecord, clusters: Clusters) -> Cluster:
    """Stage 2c: a month-, year- or undated report joins the one finer cluster it fits, else
    the first peer it may join, else a cluster of its own; returns that cluster."""
    chosen = finer_choice(record, clusters) or join_peer(record, clusters.peers(*peer_key(record)))
    if not chosen.records:
        clusters.register(chosen)
    return clusters.add(chosen, record)


def coarse_order(record: ReportRecord, keys: dict[int, str]) -> tuple[int, str, str, tuple[str, str, str]]:
    """The order stage 2c places month-, year- and undated reports in: finest first, then by
    date, report time and anchor order."""
    return (-_rank(record.report), record.report.date or "", record.reported_at, _order(record, keys))


def restore_cluster(date: str | None, records: Sequence[ReportRecord], keys: dict[int, str]) -> Cluster:
    """The cluster a stored event was merged from, with what stage 2c reads of it.

    ``date`` is the event's date, which is its cluster's: a day cluster's own day has more
    articles than each neighbour it absorbed, and a coarse cluster's reports of its precision
    share its date. The precision is the finest of its reports'; a day cluster's mode class is
    that of its reports with one, a coarse cluster's that of the report that made it (the
    first placed), as is its report-time bucket.
    """
    rank = max(_rank(r.report) for r in records)
    precision = next(p for p, n in _PRECISION_RANK.items() if n == rank)
    if rank == _PRECISION_RANK["day"]:
        classes = (_MODE_CLASS.get(r.report.mode) for r in records if _rank(r.report) == rank)
        mode_class = next((c for c in classes if c), None)
        cluster = Cluster(date, precision, mode_class)
    else:
        maker = min(records, key=lambda r: coarse_order(r, keys))  # finest first
        cluster = Cluster(date, precision, _MODE_CLASS.get(maker.report.mode))
        cluster.bucket = _bucket(parse_day(maker.reported_at)) if rank <= _PRECISION_RANK["year"] else None
    for record in records:
        cluster.add(record)
    return cluster


def _cluster_block(records: Sequence[ReportRecord], keys: dict[int, str]) -> list[Cluster]:
    days = [r for r in records if r.report.date and r.report.date_precision == "day"]
    clusters = group_days(days, keys)
    coarse = [r for r in records if not (r.report.date and r.report.date_precision == "day")]
    coarse.sort(key=lambda r: coarse_order(r, keys))
    for record in coarse:
        place_coarse(record, clusters)
    return [c for c in clusters.all if c.records]


def event_id(block: str, anchor_key: str) -> str:
    """Stable event id: the block plus the key of the cluster's anchor report.

    The anchor is the report seen first (earliest ``first_seen``, then ``published``, then
    report key). Reports ingested later always sort after it, so new reports joining an event
    (more articles, more languages, a status change, a refined date) never change its id, and
    neither does re-running the merge, nor building incrementally instead of from scratch:
    the id depends only on the rows of its block. An id changes only when its anchor report
    leaves the event (its article was revised, or new reports made the anchor ambiguous).
    """
    return "e_" + hashlib.sha1(f"{block}|{anchor_key}".encode()).hexdigest()[:16]


def _canonical_date(records: list[ReportRecord]) -> tuple[str | None, str | None, str, bool]:
    """(date, precision, basis, conflicting): the finest date most articles give."""
    dated = [r.report for r in records if r.report.date]
    if not dated:
        return None, None, "unknown", False
    finest = max(_PRECISION_RANK.get(r.date_precision, 0) for r in dated)
    best = [r for r in dated if _PRECISION_RANK.get(r.date_precision, 0) == finest]
    support: dict[str, set[str]] = defaultdict(set)
    for r in best:
        support[r.date or ""].add(r.article_id)
    date = min(support, key=lambda d: (-len(support[d]), d))
    chosen = [r for r in best if r.date == date]
    basis = "explicit" if any(r.date_basis == "explicit" for r in chosen) else chosen[0].date_basis
    return date, chosen[0].date_precision, basis, len(support) > 1


def _status(records: list[ReportRecord]) -> tuple[str, bool]:
    """(status, conflicting): the outcome reported last wins over plans and older outcomes."""
    outcomes = [r for r in records if r.report.status in _OUTCOMES]
    if outcomes:
        latest = max(r.reported_at for r in outcomes)
        last = Counter(r.report.status for r in outcomes if r.reported_at == latest)
        status = min(last, key=lambda s: (-last[s], _OUTCOMES.index(s)))
        statuses = {r.report.status for r in outcomes}
        return status, "occurred" in statuses and len(statuses) > 1
    statuses = {r.report.status for r in records}
    return ("planned" if "planned" in statuses else sorted(statuses)[0]), False


def settle(block: str, records: Sequence[ReportRecord], keys: dict[int, str]) -> Event:
    """Stage 3 and 4: the event of one cluster's rows.

    The rows are first put in anchor order, so the event (down to the last bit of its
    confidence) depends only on which rows the cluster holds, not on the order they joined
    it: the store's incremental update re-settles a changed cluster from rows read back.
    """
    records = sorted(records, key=lambda r: _order(r, keys))
    reports = [r.report for r in records]
    date, precision, basis, date_conflict = _canonical_date(records)
    status, status_conflict = _status(records)
    modes = Counter(r.mode for r in reports if r.mode != "unspecified")
    mode = (
        min(modes, key=lambda m: (-modes[m], _MODE_ORDER.index(m) if m in _MODE_ORDER else 99, m))
        if modes
        else "unspecified"
    )
    # a call has no place: a place of a vaguer report of it is where someone spoke from
    places = Counter(r.location for r in reports if r.location and mode != "phone")
    actors: dict[str, tuple[str, str, str | None]] = {}
    for r in records:
        for a in r.report.actors:
            actors.setdefault(a.actor_id, (a.actor_id, a.name, a.country))
    per_article: dict[str, float] = {}
    for r in reports:
        per_article[r.article_id] = max(per_article.get(r.article_id, 0.0), r.confidence)
    doubt = 1.0
    for confidence in per_article.values():
        doubt *= 1.0 - min(confidence, 0.99)
    times = sorted(r.reported_at for r in records if r.reported_at)
    anchor = records[0]
    return Event(
        id=event_id(block, keys[id(anchor.report)]),
        type=reports[0].type,
        mode=mode,
        status=status,
        date=date,
        date_precision=precision,
        location=min(places, key=lambda p: (-places[p], p)) if places else None,
        actors=list(actors.values()),
        report_ids=sorted(keys[id(r)] for r in reports),
        article_ids=sorted(per_article),
        langs=sorted({r.lang for r in reports if r.lang}),
        confidence=round(min(0.99, 1.0 - doubt), 4),  # rounded as stored, so every path agrees
        conflicts=[name for name, flag in (("date", date_conflict), ("status", status_conflict)) if flag],
        evidential=all(r.evidential for r in reports),
        date_basis=basis,
        first_reported=times[0] if times else None,
        last_reported=times[-1] if times else None,
    )


def merge_block(block: str, records: Sequence[ReportRecord]) -> list[Event]:
    """Merge the rows of one block (all share ``block_key``) into events, in a stable order."""
    keys = {id(r.report): r.report.key for r in records}
    events = [settle(block, cluster.records, keys) for cluster in _cluster_block(records, keys)]
    return sorted(events, key=lambda e: (e.date or "", e.id))


def merge_reports(reports: Iterable[Report | ReportRecord]) -> list[Event]:
    """Group reports into real-world events (see the module docstring for the stages).

    Args:
        reports: bare reports (one article) or ``ReportRecord`` rows carrying report times.

    Returns:
        Events ordered by date then id; the same input always gives the same events and ids.
    """
    blocks: dict[str, list[ReportRecord]] = defaultdict(list)
    for item in reports:
        record = item if isinstance(item, ReportRecord) else ReportRecord(item)
        blocks[block_key(record.report)].append(record)
    events = [event for key in sorted(blocks) for event in merge_block(key, blocks[key])]
    events.sort(key=lambda e: (e.date or "", e.id))
    return events
