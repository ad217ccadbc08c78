"""A trip named in a "during" phrase takes the plan of the contact the main clause tells of."""

from __future__ import annotations

from diplowatch.model import Article
from diplowatch.pipeline import process_article


def summary(text: str) -> list[tuple[str, str, list[str]]]:
    result = process_article(Article(id="t", text=text))
    return sorted((r.mode, r.status, sorted(a.actor_id for a in r.actors)) for r in result.reports)


def test_a_visit_in_a_during_phrase_is_planned_when_its_meeting_is() -> None:
    # "during the visit he will meet Merkel": one trip to come, not a held visit beside a plan
    text = "date 2018-01-29\nPodczas wizyty w Pekinie premier Morawiecki spotka się z Merkel i omówi handel.\n"
    assert summary(text) == [("meet", "planned", ["angela-merkel", "mateusz-morawiecki"])]
    held = text.replace("spotka się", "spotkał się")
    assert summary(held) == [("meet", "occurred", ["angela-merkel", "mateusz-morawiecki"])]


def test_a_contact_its_planned_trip_frames_is_planned_too() -> None:
    # the audience has no cue of its own in its clause: the trip it belongs to is to come
    text = (
        "date 2025-10-21\nКанцлер Олаф Шольц посетит Вену, где его ожидают переговоры с Карлом"
        " Нехаммером, а также аудиенция у президента Александра ван дер Беллена.\n"
    )
    assert [status for _mode, status, _actors in summary(text)] == ["planned", "planned"]
