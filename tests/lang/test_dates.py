"""Date rules: explicit, day-month, weekday, relative; precision kept; no invented dates."""

from __future__ import annotations

import pytest

from diplowatch.lang.dates import find_dates, scan_dates
from diplowatch.model import PubDate


def dates(
    text: str, lang: str, published: str | None, *, future: bool = False, source: str = "metadata"
) -> list[tuple[str, str, str]]:
    pub = PubDate(published, source) if published else PubDate(None, "none")
    return [
        (text[d.start : d.end], d.value, d.precision)
        for d in find_dates(text, 0, len(text), lang=lang, published=pub, future=future)
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("cs", "Už loni v lednu tam byl.", [("loni v lednu", "2017-01", "month")]),
        ("ru", "Встреча прошла в январе прошлого года.", [("январе прошлого года", "2017-01", "month")]),
        ("pl", "Spotkali się w styczniu ubiegłego roku.", [("styczniu ubiegłego roku", "2017-01", "month")]),
        ("cs", "Sešli se loni 15. března.", [("loni 15. března", "2017-03-15", "day")]),
    ],
)
def test_a_month_next_to_a_relative_year_lies_in_that_year(
    lang: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    # published in January 2018: without the year word, January would be January 2018
    assert dates(text, lang, "2018-01-13") == expected


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        (
            "sl",
            "Klic 6. 11. 2025 je bil kratek.",
            "2025-11-07",
            [("6. 11. 2025", "2025-11-06", "day")],
        ),
        ("sl", "Bil je v EU decembra 2021.", "2024-11", [("decembra 2021", "2021-12", "month")]),
        (
            "hu",
            "Lavrov 2025. január 16-án telefonált.",
            None,
            [("2025. január 16", "2025-01-16", "day")],
        ),
        ("sl", "Klic je bil 21. oktobra.", "2025-11-06", [("21. oktobra", "2025-10-21", "day")]),
        (
            "hr",
            "Razgovor 21. studenoga bio je dug.",
            "2025-12-11",
            [("21. studenoga", "2025-11-21", "day")],
        ),
        ("hr", "Sastali su se u četvrtak.", "2025-12-11", [("četvrtak", "2025-12-11", "day")]),
        ("sl", "Danes sta se pogovarjala.", "2024-11", [("Danes", "2024-11", "month")]),
        ("en", "They spoke yesterday.", "2025-07-08", [("yesterday", "2025-07-07", "day")]),
        ("en", "They spoke last month.", "2025-07-08", [("last month", "2025-06", "month")]),
        (
            "sl",
            "Srečala sta se avgusta letos.",
            "2025-11-06",
            [("avgusta letos", "2025-08", "month")],
        ),
        (
            "ru",
            "Встреча 12 ноября прошла в Москве.",
            "2025-11-19",
            [("12 ноября", "2025-11-12", "day")],
        ),
        ("uk", "Розмова відбулася 9 жовтня.", "2025-10-10", [("9 жовтня", "2025-10-09", "day")]),
        (
            "pl",
            "Rozmowa odbyła się 20 października.",
            "2025-10-21",
            [("20 października", "2025-10-20", "day")],
        ),
        (
            "cs",
            "Setkání 9. června proběhlo ve Varšavě.",
            "2025-06-12",
            [("9. června", "2025-06-09", "day")],
        ),
        (
            "sk",
            "Stretnutie 12. septembra bolo krátke.",
            "2025-09-13",
            [("12. septembra", "2025-09-12", "day")],
        ),
        (
            "de",
            "Das Telefonat am 14. Juli war lang.",
            "2025-07-17",
            [("14. Juli", "2025-07-14", "day")],
        ),
        ("mk", "Средбата на 20 јуни е откажана.", "2025-06-18", [("20 јуни", "2025-06-20", "day")]),
        ("sr", "Састанак 3. јула у Београду.", "2025-07-04", [("3. јула", "2025-07-03", "day")]),
        ("bg", "Разговорът на 10 юни беше дълъг.", "2025-06-12", [("10 юни", "2025-06-10", "day")]),
    ],
)
def test_dates(
    lang: str, text: str, published: str | None, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang, published) == expected


def test_numeric_dates_are_day_first() -> None:
    assert dates("Objavljeno 11.12.2025 u 22:07.", "hr", None) == [
        ("11.12.2025", "2025-12-11", "day")
    ]


def test_no_false_dates_in_running_text() -> None:
    assert (
        dates("SAD i Rusija su u skladu s Rezolucijom 1244 razgovarali.", "hr", "2025-12-11") == []
    )


def test_no_date_without_a_reference() -> None:
    assert dates("Sastali su se u četvrtak, 21. studenoga.", "hr", None) == []


def test_planned_weekday_looks_forward() -> None:
    assert dates("Sastat će se u četvrtak.", "hr", "2025-05-19", future=True) == [
        ("četvrtak", "2025-05-22", "day")
    ]


def test_month_without_year_looks_back_or_forward() -> None:
    assert dates("Decembra bo na Malti.", "sl", "2024-11", future=True) == [
        ("Decembra", "2024-12", "month")
    ]
    assert dates("Decembra je bil na Malti.", "sl", "2025-02") == [("Decembra", "2024-12", "month")]


def test_inferred_reference_is_a_lower_bound() -> None:
    found = dates("A február 12-i hívás.", "hu", "2025-01-16", source="content")
    assert found == [("február 12-i", "2025-02-12", "day")]
    assert dates("Tegnap telefonáltak.", "hu", "2025-01-16", source="content") == []


def test_bosnian_uses_croatian_and_own_months() -> None:
    assert dates("Sastali su se 6. maja i 7. svibnja.", "bs", "2025-05-10") == [
        ("6. maja", "2025-05-06", "day"),
        ("7. svibnja", "2025-05-07", "day"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("They met last week.", "2025-07-15", "2025-07"),
        ("They met last week.", "2025-06-04", None),  # 26 May - 1 June: two months
        ("They spoke over the weekend.", "2025-07-15", "2025-07"),
        ("They will meet next week.", "2025-07-15", "2025-07"),
    ],
)
def test_weeks_have_month_precision_inside_one_month(
    text: str, published: str, expected: str | None
) -> None:
    found = dates(text, "en", published)
    assert [v for _s, v, _p in found] == ([expected] if expected else [])


def test_future_weekday_on_that_weekday_is_next_week() -> None:
    # 2025-05-14 is a Wednesday: "prihodnjo sredo" said that day means 21 May
    assert dates("Sestala se bosta prihodnjo sredo.", "sl", "2025-05-14", future=True) == [
        ("sredo", "2025-05-21", "day")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("cs", "Ve středu zahájí návštěvu.", "2025-05-14"),
        ("cs", "Příští středu zahájí návštěvu.", "2025-05-21"),
        ("pl", "W przyszłą środę rozpocznie wizytę.", "2025-05-21"),
        ("bg", "В сряда ще кацне в Пекин.", "2025-05-14"),
        ("bg", "Следващата сряда ще кацне в Пекин.", "2025-05-21"),
    ],
)
def test_planned_weekday_of_the_publication_day_is_that_day_unless_next(
    lang: str, text: str, expected: str
) -> None:
    # 2025-05-14 is a Wednesday
    assert [v for _s, v, _p in dates(text, lang, "2025-05-14", future=True)] == [expected]


def test_macedonian_definite_weekday_and_week() -> None:
    found = dates("Минатата недела, а во понеделникот разговараа.", "mk", "2025-06-18")
    assert found == [("Минатата недела", "2025-06", "month"), ("понеделникот", "2025-06-16", "day")]


def test_one_scan_reads_both_ways() -> None:
    text = "Met on Thursday, and they will meet again on 3 March and in May 2026."
    pub = PubDate("2025-06-18", "metadata")
    found = scan_dates(text, 0, len(text), lang="en", published=pub)
    for future in (False, True):
        expected = find_dates(text, 0, len(text), lang="en", published=pub, future=future)
        assert found.read(future=future) == expected
    assert [d.value for d in found.read(future=False)] == ["2025-06-12", "2025-03-03", "2026-05"]
    assert [d.value for d in found.read(future=True)] == ["2025-06-19", "2026-03-03", "2026-05"]
