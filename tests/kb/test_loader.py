"""The knowledge-base loader: shipped data loads, same-id entries merge, roles resolve by date."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplowatch.errors import KnowledgeBaseError
from diplowatch.kb.actors import KnowledgeBase, load_files, load_kb

NATIONAL = """
source: test
country: EST
people:
  - id: kaja-test
    name: Kaja Test
    gender: f
    aliases: [Кая Тест]
    roles:
      - {role: head_of_government, start: 2021-01-26, end: 2024-07-15}
"""
ORGANISATION = """
source: test
country: null
people:
  - id: kaja-test
    name: Kaja Test
    aliases: [Kaja Testová]
    roles:
      - {role: high_representative, org: eu, start: 2024-12-01, end: null}
"""


def test_shipped_knowledge_base_loads_with_roles() -> None:
    kb = load_kb()
    assert len(kb) > 500
    rubio = [a for a in kb.holders("foreign_minister", country="USA", when="2025-11-06")]
    assert [a.name for a in rubio] == ["Marco Rubio"]
    assert [a.name for a in kb.holders("foreign_minister", country="USA", when="2024-06")] == ["Antony Blinken"]


def test_same_person_in_two_files_is_merged(tmp_path: Path) -> None:
    (tmp_path / "est.yaml").write_text(NATIONAL, encoding="utf-8")
    (tmp_path / "int.yaml").write_text(ORGANISATION, encoding="utf-8")
    kb = KnowledgeBase()
    load_files(kb, sorted(tmp_path.iterdir()))
    actor = kb.actors["kaja-test"]
    assert actor.country == "EST" and actor.gender == "f"
    assert set(actor.aliases) == {"Кая Тест", "Kaja Testová"}
    assert len(actor.roles) == 2
    # the organisation post is not a national role of Estonia
    assert kb.holders("high_representative", country="EST", when="2025-01") == []
    assert [a.id for a in kb.holders("high_representative", country=None, when="2025-01", org="eu")] == ["kaja-test"]


def test_one_id_for_two_different_people_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(NATIONAL, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(NATIONAL.replace("name: Kaja Test", "name: Other Person"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="names both"):
        load_files(KnowledgeBase(), sorted(tmp_path.iterdir()))


def test_shipped_speakers_and_commissioners_of_2015_2019() -> None:
    kb = load_kb()
    assert [a.id for a in kb.holders("speaker_of_parliament", country="SVK", when="2018-05")] == ["andrej-danko"]
    # a European Commission post is no national office of the commissioner's country
    assert "maros-sefcovic" not in {a.id for a in kb.holders("vice_president", country="SVK", when="2018")}
    eu = kb.holders("vice_president", country=None, when="2018", org="european-commission")
    assert {"maros-sefcovic", "frans-timmermans"} <= {a.id for a in eu}
    assert kb.actors["maros-sefcovic"].country == "SVK"


FAMILY_FIRST = """
source: "invented for the test"
country: KOR
name_order: family_first
people:
  - id: pak-test
    name: Pak Sung-ho
    aliases: [Пак Сун Хо]
    roles: [{role: foreign_minister, start: 2020-01-01, end: null}]
  - id: tom-test
    name: Tom Bakerson
    name_order: given_first
    roles: [{role: ambassador, start: 2020-01-01, end: null}]
"""


def test_a_family_first_file_makes_the_first_word_the_surname(tmp_path: Path) -> None:
    from diplowatch.kb.gazetteer import build_gazetteer
    from diplowatch.lang.keys import phrase_key

    (tmp_path / "kor.yaml").write_text(FAMILY_FIRST, encoding="utf-8")
    kb = KnowledgeBase()
    load_files(kb, [tmp_path / "kor.yaml"])
    gazetteer = build_gazetteer(kb, extra=[])
    assert gazetteer.lookup_surname("pak") == {"pak-test"}
    assert gazetteer.lookup_surname(phrase_key("Пак")) == {"pak-test"}
    assert not gazetteer.lookup_surname("sung-ho")
    # a person of the file written in the western order keeps the last word
    assert gazetteer.lookup_surname("bakerson") == {"tom-test"}
    assert not gazetteer.lookup_surname("tom")
