"""A seat of power named for its holder, and the Russian reading cues that came with it (issue
#13, periphrases): self-written sentences through the whole per-article function."""

from __future__ import annotations

import pytest

from diplowatch.errors import KnowledgeBaseError
from diplowatch.kb.seats import parse_seats
from diplowatch.model import Article
from diplowatch.pipeline import process_article


def summary(text: str) -> list[tuple[str, str, list[str]]]:
    result = process_article(Article(id="t", text=text))
    return sorted((r.mode, r.status, sorted(a.actor_id for a in r.actors)) for r in result.reports)


def people(text: str) -> list[tuple[str, str | None]]:
    result = process_article(Article(id="t", text=text))
    return [(m.text, m.actor_id) for m in result.mentions if m.kind == "person"]


def test_the_head_of_the_white_house_is_the_president_of_the_day() -> None:
    text = "date 2018-07-10\nДональд Трамп прилетел в Брюссель. Глава Белого дома встретится с Терезой Мэй в пятницу.\n"
    assert ("Глава Белого дома", "donald-trump") in people(text)
    assert ("meet", "planned", ["donald-trump", "theresa-may"]) in summary(text)


def test_the_seat_with_a_head_word_is_no_location_and_without_one_stays_a_place() -> None:
    def places(text: str) -> list[str | None]:
        return [m.actor_id for m in process_article(Article(id="t", text=text)).mentions if m.kind == "place"]

    assert places("date 2018-07-10\nХозяин Белого дома встретился с Терезой Мэй.\n") == []
    assert places("date 2018-07-10\nТереза Мэй приехала в Белый дом.\n") == ["place:white-house"]


def test_a_head_word_before_an_ordinary_place_is_no_title() -> None:
    text = "date 2018-07-10\nГлава Брюсселя встретился с Терезой Мэй.\n"
    assert summary(text) == []


def test_by_her_words_names_the_source_so_the_next_person_is_a_party() -> None:
    # "по её словам Трамп ...": the pronoun is the source, Trump the subject of the meeting
    text = "date 2018-07-10\nПо ее словам Дональд Трамп планирует увидеться с Терезой Мэй 13 июля.\n"
    assert summary(text) == [("meet", "planned", ["donald-trump", "theresa-may"])]


def test_plans_to_visit_are_planned() -> None:
    text = "date 2018-07-10\nДональд Трамп не меняет своих планов посетить Лондон.\n"
    assert summary(text) == [("visit", "planned", ["donald-trump"])]


def test_seats_file_rows_are_checked() -> None:
    assert parse_seats("# comment\nkremlin\thead_of_state\n") == {"place:kremlin": "head_of_state"}
    with pytest.raises(KnowledgeBaseError):
        parse_seats("kremlin head_of_state\n")
