"""People the knowledge base lists without any office, and strangers known by one word, are no contact actors."""

from __future__ import annotations

from diplowatch.model import Article
from diplowatch.pipeline import process_article


def test_a_private_person_in_the_knowledge_base_is_no_contact_actor() -> None:
    text = "date 2018-11-20\nPapež Frančišek se je v Vatikanu srečal z Asio Bibi in s Sergejem Lavrovom.\n"
    result = process_article(Article(id="t", text=text))
    people = {m.actor_id for m in result.mentions if m.kind == "person"}
    assert "asia-bibi" in people  # still recognised as a person
    assert all("asia-bibi" not in {a.actor_id for a in r.actors} for r in result.reports)
    assert any({a.actor_id for a in r.actors} >= {"sergey-lavrov"} for r in result.reports)


def test_an_unknown_person_known_by_one_word_is_no_contact_actor() -> None:
    text = "date 2018-11-20\nЛідер Консервативної взяв участь у саміті в Брюсселі.\n"
    result = process_article(Article(id="t", text=text))
    assert all(len(a.name.split()) > 1 or not a.actor_id.startswith("x-") for r in result.reports for a in r.actors)
