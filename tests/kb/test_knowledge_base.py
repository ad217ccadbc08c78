"""Knowledge base: shipped data loads, roles are time-bounded, countries/places/importer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplowatch.errors import KnowledgeBaseError
from diplowatch.kb.actors import Actor, KnowledgeBase, RoleSpell, load_files, load_kb
from diplowatch.kb.countries import country_actors, country_name, demonym_country
from diplowatch.kb.gazetteer import build_gazetteer
from diplowatch.kb.importer import people_yaml, read_csv, read_jsonl, read_people
from diplowatch.kb.places import parse_places, place_actors
from diplowatch.lang.keys import phrase_key


def test_shipped_people_load_with_roles() -> None:
    kb = load_kb()
    assert kb.get("vladimir-putin") is not None
    assert all(actor.kind in ("person", "org") for actor in kb)


def test_secretary_of_state_changes_on_inauguration_day() -> None:
    kb = load_kb()
    assert [a.id for a in kb.holders("foreign_minister", country="USA", when="2025-01-19")] == [
        "antony-blinken"
    ]
    assert [a.id for a in kb.holders("foreign_minister", country="USA", when="2025-01-22")] == [
        "marco-rubio"
    ]


def test_spell_compares_dates_at_the_given_precision() -> None:
    spell = RoleSpell(role="foreign_minister", start="2021-01-26", end="2025-01-20")
    assert spell.holds_at("2021")
    assert spell.holds_at("2025-01")
    assert not spell.holds_at("2025-02-01")


def test_person_in_two_files_is_merged_not_refused() -> None:
    kb = KnowledgeBase()
    kb.add(Actor(id="p", name="P One", kind="person", country="DEU", aliases=("P",)))
    kb.add(Actor(id="p", name="P One", kind="person", aliases=("Пе",)))
    assert kb.actors["p"].aliases == ("P", "Пе")
    assert kb.actors["p"].country == "DEU"
    with pytest.raises(KnowledgeBaseError):
        kb.add(Actor(id="p", name="P One", kind="org"))
    with pytest.raises(KnowledgeBaseError):
        kb.add(Actor(id="p", name="Other Person", kind="person"))


def test_user_file_may_extend_a_person_under_another_spelling() -> None:
    kb = KnowledgeBase()
    kb.add(Actor(id="p", name="P One", kind="person"))
    kb.merge(
        Actor(id="p", name="Pe Ena", kind="person", roles=(RoleSpell("ambassador", "2030", None),))
    )
    assert kb.actors["p"].aliases == ("Pe Ena",)
    assert kb.holders("ambassador", country=None, when="2031") == [kb.actors["p"]]


def test_countries_have_names_in_target_languages() -> None:
    russia = country_actors()["RUS"]
    assert {"Rusija", "Oroszország", "Россия", "Rosja"} <= set(russia.aliases)
    assert country_name("USA") == "United States"
    assert "ZDA" in country_actors()["USA"].aliases  # from lexicons/sl/demonyms.tsv


@pytest.mark.parametrize(
    ("word", "lang", "iso3"),
    [
        ("ameriški", "sl", "USA"),
        ("ruskega", "sl", "RUS"),
        ("orosz", "hu", "RUS"),
        ("руски", "bg", "RUS"),
        ("američki", "hr", "USA"),
        ("Russian", "en", "RUS"),
    ],
)
def test_demonyms(word: str, lang: str, iso3: str) -> None:
    assert demonym_country(word, lang) == iso3


def test_demonym_does_not_match_other_words() -> None:
    assert demonym_country("minister", "sl") is None


def test_places_parse_and_ship() -> None:
    (place,) = parse_places("# c\nx\tHUN\tX Town\tIks|Икс\n")
    assert (place.id, place.country, place.aliases) == ("place:x", "HUN", ("Iks", "Икс"))
    assert place_actors()["place:budapest"].country == "HUN"
    with pytest.raises(KnowledgeBaseError):
        parse_places("only-one-column\n")


def test_gazetteer_indexes_all_kinds() -> None:
    kb = KnowledgeBase()
    kb.add(Actor(id="jane-roe", name="Jane Roe", kind="person", country="GBR"))
    gazetteer = build_gazetteer(
        kb, extra=[Actor(id="RUS", name="Russia", kind="country", aliases=("Rusija",))]
    )
    assert gazetteer.lookup_full(phrase_key("Jane Roe")) == {"jane-roe"}
    assert gazetteer.lookup_surname(phrase_key("Roe")) == {"jane-roe"}
    assert gazetteer.lookup_full(phrase_key("Rusija")) == {"RUS"}


def test_a_title_after_a_name_is_no_surname() -> None:
    """Hungarian puts a title after the name ("Ferenc pápa"): a lower-case last word of an
    alias is no surname, so a lone "Pápa" at a sentence start names nobody."""
    kb = KnowledgeBase()
    kb.add(Actor(id="pope-x", name="Pope X", kind="person", aliases=("Ferenc pápa",)))
    gazetteer = build_gazetteer(kb, extra=[])
    assert gazetteer.lookup_full(phrase_key("Ferenc pápa")) == {"pope-x"}
    assert not gazetteer.lookup_surname(phrase_key("pápa"))


CSV = """name,country,role,start,end,aliases
Jana Nováková,CZE,foreign_minister,2030-01-01,,Jany Novákové|Яна Новакова
Jana Nováková,CZE,ambassador,2025-01-01,2029-12-31,
"""


def test_csv_import_groups_spells_per_person(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    (actor,) = read_csv(path)
    assert actor.id == "jana-novakova"
    assert [s.role for s in actor.roles] == ["foreign_minister", "ambassador"]
    assert actor.roles[0].end is None
    assert "Яна Новакова" in actor.aliases


def test_csv_import_rejects_bad_dates(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("name,country,role,start,end\nX Y,CZE,minister,01.02.2030,\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="bad.csv:2"):
        read_csv(path)


def test_jsonl_import_takes_english_label_as_name(tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    entity = {
        "id": "Q1",
        "labels": {"sl": "Janez Primer", "en": "John Example"},
        "aliases": {"hu": ["Példa János"]},
        "country": "SVN",
        "roles": [{"role": "foreign_minister", "start": "2031-05-01", "end": None}],
    }
    path.write_text(json.dumps(entity) + "\n", encoding="utf-8")
    (actor,) = read_people(path)
    assert actor.name == "John Example"
    assert set(actor.aliases) == {"Janez Primer", "Példa János"}
    assert actor.source == "wikidata Q1"


def test_imported_yaml_extends_a_knowledge_base(tmp_path: Path) -> None:
    csv_path = tmp_path / "people.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    out = tmp_path / "extra.yaml"
    out.write_text(people_yaml(read_csv(csv_path), source="test"), encoding="utf-8")
    kb = KnowledgeBase()
    load_files(kb, [out], extend=True)
    assert [a.id for a in kb.holders("foreign_minister", country="CZE", when="2030-06-01")] == [
        "jana-novakova"
    ]


def test_jsonl_reports_line_of_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text("{nope\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=":1:"):
        read_jsonl(path)
