"""Titles in real news: a negotiator named by the article, a title whose name follows past
"of the EU", plurals and adjectives that only look like titles, and a meeting of a named
person with a body of officials. Self-written sentences; the shipped knowledge base."""

from __future__ import annotations

import pytest

from diplowatch.model import Article
from diplowatch.pipeline import process_article
from tests.extract.test_mentions import people

WHEN = "2018-03-20"  # Barnier was the EU's Brexit negotiator


def summary(text: str) -> list[tuple[str, list[str]]]:
    result = process_article(Article(id="t", text=f"date {WHEN}\n{text}\n"))
    return sorted((r.mode, sorted(a.actor_id for a in r.actors)) for r in result.reports)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Spotkanie Michela Barniera z ministrami ds. europejskich było kolejnym krokiem.", "pl"),
        ("Srečanje Michela Barnierja z evropskimi ministri je bilo v torek.", "sl"),
        ("Setkání Michela Barniera s ministry pro evropské záležitosti skončilo.", "cs"),
    ],
)
def test_a_meeting_of_a_named_person_with_a_body_of_officials_is_his_attendance(
    text: str, lang: str
) -> None:
    assert summary(text) == [("multilateral", ["michel-barnier"])]


def test_a_negotiator_is_the_negotiator_the_article_named() -> None:
    text = "Michel Barnier przedstawił plan. Negocjator mówił potem o granicy."
    assert ("Negocjator", "michel-barnier") in people(text, "pl", WHEN)


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        ("Найджъл Фараж ще се срещне с главния преговарящ на ЕС Мишел Барние.", "bg", "преговарящ"),
        ("Nigel Farage se sestane z glavnim pogajalcem Unije Michelom Barnierjem.", "sl", "pogajalcem"),
    ],
)
def test_a_title_whose_name_follows_past_of_the_eu_is_that_name(text: str, lang: str, title: str) -> None:
    found = dict(people(text, lang, WHEN))
    assert found[title] == "michel-barnier"  # not Farage, the person named before it


def test_a_party_s_people_are_no_one_a_title_refers_back_to() -> None:
    for title in ("Negocjator", "Minister"):
        found = dict(people(f"Laburzyści poparli plan. {title} mówił potem o granicy.", "pl", WHEN))
        assert title not in found


def test_a_royal_adjective_is_no_title_before_a_name() -> None:
    assert people("Premier przemawiał w Królewskiej Akademii Muzycznej Glenmore.", "pl", WHEN) == []


def test_leaders_of_the_countries_are_a_body_not_the_person_named_before() -> None:
    text = "Mateusz Morawiecki przyjechał do Brukseli. Przywódcy krajów UE rozmawiali tam o handlu."
    assert [p for p in people(text, "pl", WHEN) if p[0] == "Przywódcy"] == []


@pytest.mark.parametrize(
    ("text", "lang", "plural"),
    [
        ("Бойко Борисов пристигна в Брюксел. Лидерите на ЕС обсъдиха там търговията.", "bg", "Лидерите"),
        ("Тереза Мэй прибыла в Брюссель. Лидеры стран ЕС обсудили там торговлю.", "ru", "Лидеры"),
        ("David Davis je prispel v Bruselj. Barnier bo nato seznanil ministre.", "sl", "ministre"),
    ],
)
def test_plural_titles_are_no_one_named_before(text: str, lang: str, plural: str) -> None:
    assert plural not in dict(people(text, lang, WHEN))


def test_an_ambassador_is_a_title_an_embassy_is_not() -> None:
    text = "Aleksander Jakowienko przyjechał na lunch. Rosyjski ambasador pytał o ambasadę."
    found = people(text, "pl", WHEN)
    assert ("ambasador", "alexander-yakovenko") in [(t.split()[-1], a) for t, a in found]
    assert not any(t.startswith("ambasad") and t != "ambasador" for t, _a in found)


def test_bulgarian_spellings_of_french_and_irish_names() -> None:
    # "Льо" for "Le", "ъ" for the English reduced vowel: the knowledge base lists both spellings
    found = people("Жан-Ив Льо Дриан се срещна със Саймън Коувъни.", "bg", WHEN)
    assert [a for _t, a in found] == ["jean-yves-le-drian", "simon-coveney"]
