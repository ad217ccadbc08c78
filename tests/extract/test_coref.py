"""Pronouns read as the person named just before them (for the report stage)."""

from __future__ import annotations

from diplowatch.extract.coref import resolve_pronouns
from diplowatch.model import Mention, Sentence

GENDERS = {"novak": "m", "kranjc": "f"}


def person(text: str, surface: str, actor: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, "person", actor, actor.title(), "SVN", "gazetteer.full")


def resolved(text: str, sentences: list[str], mentions: list[Mention], lang: str = "sl") -> list[tuple[str, str]]:
    spans, cursor = [], 0
    for index, sent in enumerate(sentences):
        start = text.index(sent, cursor)
        spans.append(Sentence(start, start + len(sent), index))
        cursor = start + len(sent)
    found = resolve_pronouns(text, spans, mentions, lang=lang, gender=GENDERS.get)
    return [(m.text, m.actor_id or "") for m in found]


def test_a_pronoun_stands_for_the_person_of_the_sentence_before() -> None:
    first, second = "Minister Novak je predlagal daljše obdobje.", "To je on povedal na sestanku z veleposlaniki."
    text = f"{first} {second}"
    assert resolved(text, [first, second], [person(text, "Novak", "novak")]) == [("on", "novak")]


def test_the_pronoun_must_fit_the_persons_gender() -> None:
    first, second = "Premierka Kranjc je predlagala rešitev.", "To je on povedal na sestanku."
    text = f"{first} {second}"
    assert resolved(text, [first, second], [person(text, "Kranjc", "kranjc")]) == []


def test_no_pronoun_without_a_person_named_before() -> None:
    text = "On je to povedal na sestanku."
    assert resolved(text, [text], []) == []


def test_pronouns_in_a_source_phrase_or_before_a_name_are_not_participants() -> None:
    first = "Minister Novak je odpotoval."
    second = "Po njegovih besedah se bo njegov kolega Horvat sestal s Kovačem."
    text = f"{first} {second}"
    mentions = [person(text, "Novak", "novak"), person(text, "Horvat", "horvat"), person(text, "Kovačem", "kovac")]
    assert resolved(text, [first, second], mentions) == []


def test_a_dropped_subject_is_the_person_of_the_sentence_before() -> None:
    first, second = "Novak je prispel v Berlin.", "Po srečanju z ministrom Horvatom je dejal, da je zadovoljen."
    text = f"{first} {second}"
    mentions = [person(text, "Novak", "novak"), person(text, "Horvatom", "horvat")]
    assert resolved(text, [first, second], mentions) == [("", "novak")]


def test_no_dropped_subject_when_the_sentence_names_one() -> None:
    first, second = "Novak je prispel v Berlin.", "Kranjc se je z ministrom Horvatom sestala v petek."
    text = f"{first} {second}"
    mentions = [person(text, "Novak", "novak"), person(text, "Kranjc", "kranjc"), person(text, "Horvatom", "horvat")]
    assert resolved(text, [first, second], mentions) == []
    third = "S to metaforo se bo moral na konferenci spopasti premier Horvat."  # "with" no partner
    text = f"{first} {third}"
    mentions = [person(text, "Novak", "novak"), person(text, "Horvat", "horvat")]
    assert resolved(text, [first, third], mentions) == []


def test_no_dropped_subject_behind_a_subject_noun_phrase() -> None:
    first = "Novak je prispel v Berlin."
    second = "Predstavniki članic varnostnega sveta bodo odpotovali v Washington na srečanje s Horvatom."
    text = f"{first} {second}"
    mentions = [person(text, "Novak", "novak"), person(text, "Horvatom", "horvat")]
    assert resolved(text, [first, second], mentions) == []


def test_on_the_part_of_is_no_with() -> None:
    # "ze strony Polski minister X" names the subject, not someone's partner
    first = "Novak przyjechał do Brukseli."
    second = "Uczestniczący w obradach ze strony Litwy minister Horvat przypomniał o umowie."
    text = f"{first} {second}"
    mentions = [person(text, "Novak", "novak"), person(text, "Horvat", "horvat")]
    assert resolved(text, [first, second], mentions, lang="pl") == []
    partner = "Po spotkaniu z ministrem Horvatem powiedział, że jest zadowolony."
    text = f"{first} {partner}"
    mentions = [person(text, "Novak", "novak"), person(text, "Horvatem", "horvat")]
    assert resolved(text, [first, partner], mentions, lang="pl") == [("", "novak")]


def test_no_dropped_subject_when_the_subject_follows_the_partner() -> None:
    first = "Novak přijel do Prahy."
    second = "Uvedli to po schůzkách s ministrem Horvatem premiér Kovář a ministryně Kranjc."
    text = f"{first} {second}"
    mentions = [
        person(text, "Novak", "novak"),
        person(text, "Horvatem", "horvat"),
        person(text, "Kovář", "kovar"),
        person(text, "Kranjc", "kranjc"),
    ]
    assert resolved(text, [first, second], mentions, lang="cs") == []
    partners_only = "Po schůzkách s ministrem Horvatem a Kovářem řekl, že je spokojen."
    text = f"{first} {partners_only}"
    mentions = [person(text, "Novak", "novak"), person(text, "Horvatem", "horvat"), person(text, "Kovářem", "kovar")]
    assert resolved(text, [first, partners_only], mentions, lang="cs") == [("", "novak")]


def test_a_sentence_opening_with_a_past_verb_continues_the_person_before() -> None:
    first, second = "Minister Novak był wczoraj w złym humorze.", "Przebywał wtedy z wizytą w Wilnie."
    text = f"{first} {second}"
    assert resolved(text, [first, second], [person(text, "Novak", "novak")], "pl") == [("", "novak")]
    she = "Przebywała wtedy z wizytą w Wilnie."  # a woman's verb: not Novak
    text = f"{first} {she}"
    assert resolved(text, [first, she], [person(text, "Novak", "novak")], "pl") == []
    noun = "Kanał był wtedy zamknięty."  # a noun that ends like a past verb: no dropped subject
    text = f"{first} {noun}"
    assert resolved(text, [first, noun], [person(text, "Novak", "novak")], "pl") == []


def test_an_opening_participle_needs_its_auxiliary_where_the_past_has_one() -> None:
    first = "Minister Novak je bil včeraj slabe volje."
    for second, found in (("Obiskal je tudi Dunaj.", [("", "novak")]), ("Obiskal tudi Dunaj.", [])):
        text = f"{first} {second}"
        assert resolved(text, [first, second], [person(text, "Novak", "novak")]) == found
    first, second = "Ministar Novak bio je ljut.", "Posjetio je i Beč."
    text = f"{first} {second}"
    assert resolved(text, [first, second], [person(text, "Novak", "novak")], "hr") == [("", "novak")]
