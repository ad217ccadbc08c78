"""merge_reports: reports of one contact across articles, languages and days become one event."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from diplowatch.model import ActorRef, Report
from diplowatch.resolve.merge import ReportRecord, merge_reports

pytestmark = pytest.mark.issue(5)

PUTIN = ActorRef("Q7747", "Vladimir Putin", "RUS", 0, 5)
TRUMP = ActorRef("Q22686", "Donald Trump", "USA", 10, 15)
MACRON = ActorRef("Q3052772", "Emmanuel Macron", "FRA", 10, 16)


def record(
    article: str,
    *,
    date: str | None,
    published: str,
    mode: str = "phone",
    status: str = "occurred",
    lang: str = "en",
    actors: tuple[ActorRef, ...] = (PUTIN, TRUMP),
    seen: str | None = None,
    start: int = 0,
    location: str | None = None,
) -> ReportRecord:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""))
    report = Report(
        article_id=article,
        sent_start=start,
        sent_end=start + 40,
        trigger_start=start + 20,
        trigger_end=start + 25,
        trigger="call",
        mode=mode,
        actors=actors,
        status=status,
        date=date,
        date_precision=precision,
        date_basis="explicit" if date else "unknown",
        lang=lang,
        confidence=0.6,
        location=location,
    )
    return ReportRecord(
        report, published=published, first_seen=seen or published + "T08:00:00+00:00"
    )


def test_same_call_in_three_languages_on_three_days_is_one_event() -> None:
    rows = [
        record("en-1", date="2025-10-16", published="2025-10-16", lang="en"),
        record("ru-1", date="2025-10-16", published="2025-10-17", lang="ru"),
        record("sl-1", date="2025-10", published="2025-10-18", lang="sl"),
    ]
    [event] = merge_reports(rows)
    assert event.date == "2025-10-16" and event.date_precision == "day"
    assert event.langs == ["en", "ru", "sl"]
    assert event.article_ids == ["en-1", "ru-1", "sl-1"]
    assert (event.first_reported, event.last_reported) == ("2025-10-16", "2025-10-18")
    assert event.conflicts == []


def test_two_calls_between_the_same_pair_in_one_week_stay_apart() -> None:
    rows = [
        record("a", date="2025-10-21", published="2025-10-21"),
        record("b", date="2025-10-21", published="2025-10-22", lang="de"),
        record("c", date="2025-10-24", published="2025-10-24"),
        record("d", date="2025-10-24", published="2025-10-25", lang="hu"),
    ]
    events = merge_reports(rows)
    assert sorted(e.date for e in events) == ["2025-10-21", "2025-10-24"]
    assert len({e.id for e in events}) == 2


def test_phone_call_and_meeting_on_the_same_day_are_two_events() -> None:
    rows = [
        record("a", date="2025-10-21", published="2025-10-21"),
        record("b", date="2025-10-21", published="2025-10-21", mode="meet"),
    ]
    assert sorted(e.mode for e in merge_reports(rows)) == ["meet", "phone"]


def test_visit_and_hosting_of_the_same_trip_merge() -> None:
    rows = [
        record(
            "a",
            date="2025-03-02",
            published="2025-03-02",
            mode="visit",
            location="Paris",
            actors=(PUTIN, MACRON),
        ),
        record("b", date="2025-03-02", published="2025-03-03", mode="host", actors=(MACRON, PUTIN)),
        record(
            "c", date="2025-03-02", published="2025-03-03", mode="visit", actors=(MACRON, PUTIN)
        ),
    ]
    [event] = merge_reports(rows)
    assert event.mode == "visit" and event.location == "Paris"


def test_planned_then_held_is_one_occurred_event() -> None:
    rows = [
        record("plan", date="2025-10", published="2025-10-10", status="planned"),
        record("held", date="2025-10-21", published="2025-10-21"),
    ]
    [event] = merge_reports(rows)
    assert event.status == "occurred" and event.date == "2025-10-21"
    assert event.conflicts == []


def test_planned_then_cancelled_is_cancelled() -> None:
    rows = [
        record("plan-1", date="2025-11-05", published="2025-10-28", status="planned", mode="meet"),
        record(
            "plan-2",
            date="2025-11-05",
            published="2025-10-30",
            status="planned",
            mode="meet",
            lang="hu",
        ),
        record("off", date="2025-11-05", published="2025-11-02", status="cancelled", mode="meet"),
    ]
    [event] = merge_reports(rows)
    assert event.status == "cancelled" and event.date == "2025-11-05"


def test_a_later_outcome_overrides_an_earlier_one_and_is_flagged() -> None:
    rows = [
        record("off", date="2025-11-05", published="2025-11-01", status="cancelled", mode="meet"),
        record("on", date="2025-11-05", published="2025-11-06", status="occurred", mode="meet"),
    ]
    [event] = merge_reports(rows)
    assert event.status == "occurred" and event.conflicts == ["status"]


def test_minority_date_one_day_off_joins_and_is_flagged() -> None:
    rows = [record(f"a{i}", date="2025-10-21", published="2025-10-22") for i in range(3)]
    rows.append(record("late", date="2025-10-22", published="2025-10-22"))
    [event] = merge_reports(rows)
    assert event.date == "2025-10-21" and event.conflicts == ["date"]


def test_undated_report_joins_only_an_unambiguous_event() -> None:
    near = [
        record("a", date="2025-10-21", published="2025-10-21"),
        record("undated", date=None, published="2025-10-22"),
    ]
    assert len(merge_reports(near)) == 1
    ambiguous = [
        record("a", date="2025-10-18", published="2025-10-18"),
        record("b", date="2025-10-21", published="2025-10-21"),
        record("undated", date=None, published="2025-10-22"),
    ]
    events = merge_reports(ambiguous)
    assert len(events) == 3
    assert [e.article_ids for e in events if e.date is None] == [["undated"]]


def test_undated_report_months_later_is_not_attached() -> None:
    rows = [
        record("a", date="2025-03-02", published="2025-03-02"),
        record("undated", date=None, published="2025-10-22"),
    ]
    assert len(merge_reports(rows)) == 2


def test_month_report_picks_the_call_consistent_with_its_status() -> None:
    rows = [
        record("a", date="2025-10-03", published="2025-10-03"),
        record("b", date="2025-10-24", published="2025-10-24"),
        record("plan", date="2025-10", published="2025-10-15", status="planned"),
    ]
    events = {e.date: e for e in merge_reports(rows)}
    assert set(events) == {"2025-10-03", "2025-10-24"}
    assert "plan" in events["2025-10-24"].article_ids


def test_result_does_not_depend_on_input_order() -> None:
    rows = [
        record(f"x{i}", date=f"2025-10-{10 + i % 5}", published="2025-10-20", start=i)
        for i in range(20)
    ]
    rows += [
        record("m", date="2025-10", published="2025-10-30"),
        record("u", date=None, published="2025-10-12"),
    ]
    expected = [(e.id, e.report_ids) for e in merge_reports(rows)]
    shuffled = rows[:]
    random.Random(5).shuffle(shuffled)
    assert [(e.id, e.report_ids) for e in merge_reports(shuffled)] == expected


def test_id_survives_reports_joining_later() -> None:
    first = [record("en-1", date="2025-10-16", published="2025-10-16")]
    [before] = merge_reports(first)
    later = [
        *first,
        record("ru-1", date="2025-10-16", published="2025-10-17", lang="ru"),
        # a backfilled article published earlier but ingested later must not take over the id
        record(
            "old",
            date="2025-10-16",
            published="2025-10-15",
            status="planned",
            seen="2025-12-01T00:00:00+00:00",
        ),
    ]
    [after] = merge_reports(later)
    assert after.id == before.id
    assert len(after.report_ids) == 3


def test_id_of_an_untouched_event_is_kept_when_another_appears() -> None:
    rows = [record("a", date="2025-10-21", published="2025-10-21")]
    [before] = merge_reports(rows)
    events = merge_reports([*rows, record("c", date="2025-10-24", published="2025-10-24")])
    assert before.id in {e.id for e in events} and len(events) == 2


def test_bare_reports_of_one_article_still_merge() -> None:
    rows = [
        record("a", date="2025-10-21", published="2025-10-21").report,
        record("a", date=None, published="2025-10-21", start=100).report,
    ]
    [event] = merge_reports(rows)
    assert len(event.report_ids) == 2 and event.first_reported is None


def test_cancelled_undated_meeting_stays_apart_from_a_held_one() -> None:
    rows = [
        record("held", date="2025-08", published="2025-08-20", mode="meet", location="Anchorage"),
        record("off", date=None, published="2025-08-20", mode="meet", status="cancelled"),
    ]
    events = merge_reports(rows)
    assert sorted((e.date or "", e.status) for e in events) == [
        ("", "cancelled"),
        ("2025-08", "occurred"),
    ]


def test_undated_cancellation_still_joins_the_planned_contact() -> None:
    rows = [
        record("plan", date="2025-11-05", published="2025-10-28", mode="meet", status="planned"),
        record("off", date=None, published="2025-11-02", mode="meet", status="cancelled"),
    ]
    [event] = merge_reports(rows)
    assert event.status == "cancelled" and event.date == "2025-11-05"


def test_a_call_takes_no_place_from_a_vaguer_report_of_it() -> None:
    rows = [
        record("call", date="2025-03-12", published="2025-03-12", mode="phone"),
        record(
            "talks", date="2025-03-12", published="2025-03-12", mode="unspecified", location="Kyiv"
        ),
    ]
    [event] = merge_reports(rows)
    assert event.mode == "phone" and event.location is None


def test_a_meeting_keeps_the_place_of_a_vaguer_report_of_it() -> None:
    rows = [
        record("met", date="2025-03-12", published="2025-03-12", mode="meet"),
        record(
            "talks", date="2025-03-12", published="2025-03-12", mode="unspecified", location="Kyiv"
        ),
    ]
    [event] = merge_reports(rows)
    assert event.mode == "meet" and event.location == "Kyiv"


@pytest.mark.issue(14)
def test_undated_reports_join_the_one_dated_call_of_their_own_article() -> None:
    # published 16 days after the call: beyond the undated window, yet the article names it
    rows = [
        record("sl-1", date="2025-10-21", published="2025-11-06"),
        *(record("sl-1", date=None, published="2025-11-06", start=100 * i) for i in range(1, 5)),
    ]
    [event] = merge_reports(rows)
    assert event.date == "2025-10-21" and len(event.report_ids) == 5
    assert merge_reports([r.report for r in rows])[0].report_ids == event.report_ids


@pytest.mark.issue(14)
def test_undated_report_stays_apart_when_its_article_names_two_calls() -> None:
    rows = [
        record("a", date="2025-10-01", published="2025-11-06"),
        record("a", date="2025-10-21", published="2025-11-06", start=100),
        record("a", date=None, published="2025-11-06", start=200),
    ]
    assert sorted(e.date or "" for e in merge_reports(rows)) == ["", "2025-10-01", "2025-10-21"]


@pytest.mark.issue(14)
def test_plan_to_meet_again_is_not_the_meeting_just_held() -> None:
    # one article: "they met on the 15th and will meet again later this month"
    rows = [
        record("a", date="2025-10-15", published="2025-10-16", mode="meet"),
        record("a", date="2025-10", published="2025-10-16", mode="meet", status="planned", start=100),
    ]
    for merged in (merge_reports(rows), merge_reports([r.report for r in rows])):
        assert sorted((e.date, e.status) for e in merged) == [
            ("2025-10", "planned"),
            ("2025-10-15", "occurred"),
        ]


@pytest.mark.issue(14)
def test_plan_then_meeting_then_new_plan_is_two_events() -> None:
    rows = [
        record("plan-1", date=None, published="2025-10-01", mode="meet", status="planned"),
        record("held", date="2025-10-10", published="2025-10-10", mode="meet"),
        record("plan-2", date=None, published="2025-10-12", mode="meet", status="planned"),
        record("plan-2b", date=None, published="2025-10-14", mode="meet", status="planned", lang="de"),
    ]
    held, new_plan = sorted(merge_reports(rows), key=lambda e: e.date or "~")
    assert (held.date, held.status, held.article_ids) == ("2025-10-10", "occurred", ["held", "plan-1"])
    assert (new_plan.date, new_plan.status) == (None, "planned")
    assert new_plan.article_ids == ["plan-2", "plan-2b"]


@pytest.mark.issue(14)
def test_plan_naming_the_held_date_is_that_meeting() -> None:
    rows = [
        record("held", date="2025-10", published="2025-10-20", mode="meet"),
        record("late", date="2025-10", published="2025-10-22", mode="meet", status="planned"),
    ]
    [event] = merge_reports(rows)
    assert event.status == "occurred" and event.article_ids == ["held", "late"]


@pytest.mark.issue(14)
def test_absorption_does_not_cascade_along_consecutive_days() -> None:
    """Each day has half the articles of the day before; the last day's event is the same
    however far back the run goes (an update near it need not read the whole run)."""
    last_events = []
    for first in (1, 2, 3):
        rows = [
            record(f"d{day}-{n}", date=f"2025-03-0{day}", published=f"2025-03-0{day}")
            for day in range(first, 7)
            for n in range(2 ** (6 - day))
        ]
        [last] = [e for e in merge_reports(rows) if "d6-0" in e.article_ids]
        last_events.append(last.article_ids)
    assert last_events == [["d6-0"]] * 3


@pytest.mark.issue(14)
def test_undated_reports_do_not_chain_into_one_event_without_end() -> None:
    rows = [record(f"u{i}", date=None, published=f"2025-{1 + i // 3:02d}-{1 + 10 * (i % 3):02d}") for i in range(9)]
    events = merge_reports(rows)
    assert len(events) > 1  # one every 10 days over three months: not one undated event
    for event in events:
        first, last = (dt.date.fromisoformat(d) for d in (event.first_reported, event.last_reported))
        assert (last - first).days < 14


@pytest.mark.issue(14)
def test_year_report_looks_near_its_report_time_unless_its_article_names_the_day() -> None:
    call = record("call", date="2025-02-12", published="2025-02-12")
    late = record("late", date="2025", published="2025-09-01")
    assert len(merge_reports([call, late])) == 2
    own = record("call", date="2025", published="2025-02-12", start=100)
    [event] = merge_reports([call, own])
    assert event.date == "2025-02-12" and len(event.report_ids) == 2
