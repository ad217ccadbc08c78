"""Mention finding and linking on self-written sentences (issue #3): inflection, scripts,
roles by date, back-references and false merges. Uses the shipped knowledge base."""

from __future__ import annotations

import pytest

from diplowatch.extract.mentions import find_mentions
from diplowatch.extract.unknown_people import ENTITY_ONLY_RULES
from diplowatch.kb.gazetteer import default_gazetteer
from diplowatch.lang.segment import split_sentences
from diplowatch.model import Mention, Paragraph, Sentence


def mentions(text: str, lang: str, when: str | None = "2025-11-10") -> list[Mention]:
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            sentences.append(Sentence(start, i + 1, 0))
            start = i + 2
    if start < len(text):
        sentences.append(Sentence(start, len(text), 0))
    return find_mentions(text, sentences, lang=lang, gazetteer=default_gazetteer(), when=when)


def people(text: str, lang: str, when: str | None = "2025-11-10") -> list[tuple[str, str | None]]:
    return [(m.text, m.actor_id) for m in mentions(text, lang, when) if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "lang", "surface", "actor_id", "base"),
    [
        ("Pogovarjal se je z Marcom Rubiem.", "sl", "Marcom Rubiem", "marco-rubio", "Marco Rubio"),
        (
            "Srečal se je z Vladimirjem Putinom.",
            "sl",
            "Vladimirjem Putinom",
            "vladimir-putin",
            "Vladimir Putin",
        ),
        (
            "Ugovor s Vladimirja Putina ni bilo.",
            "sl",
            "Vladimirja Putina",
            "vladimir-putin",
            "Vladimir Putin",
        ),
        ("Szijjártó Péter tárgyalt Lavrovval.", "hu", "Lavrovval", "sergey-lavrov", "Lavrov"),
        (
            "Tárgyalt Szergej Lavrovval Moszkvában.",
            "hu",
            "Szergej Lavrovval",
            "sergey-lavrov",
            "Szergej Lavrov",
        ),
        ("Trump je razgovarao s Madurom.", "hr", "Madurom", "nicolas-maduro", "Maduro"),
        (
            "Вчера Лукашенко прие делегацията.",
            "bg",
            "Лукашенко",
            "alexander-lukashenko",
            "Лукашенко",
        ),
        ("Он встретился с Путиным в Кремле.", "ru", "Путиным", "vladimir-putin", "Путин"),
    ],
)
def test_inflected_name_resolves_with_base_form(
    text: str, lang: str, surface: str, actor_id: str, base: str
) -> None:
    found = {m.text: m for m in mentions(text, lang)}
    assert found[surface].actor_id == actor_id
    assert found[surface].base == base


def test_cyrillic_name_gets_english_canonical_name() -> None:
    (m,) = [m for m in mentions("Вчера Лукашенко прие делегацията.", "bg") if m.kind == "person"]
    assert m.name == "Alexander Lukashenko"
    assert m.country == "BLR"


def test_role_resolves_by_article_date() -> None:
    text = "Ameriški zunanji minister je prispel v Budimpešto."
    assert people(text, "sl", "2025-11-10") == [("Ameriški zunanji minister", "marco-rubio")]
    assert people(text, "sl", "2024-03-01") == [("Ameriški zunanji minister", "antony-blinken")]


def test_english_title_with_country_resolves_by_date() -> None:
    text = "The US Secretary of State arrived in Kyiv."
    assert people(text, "en", "2024-05-14") == [("US Secretary of State", "antony-blinken")]


def test_role_rule_and_span_cover_the_whole_phrase() -> None:
    (m,) = [
        m for m in mentions("Ameriški zunanji minister je prispel.", "sl") if m.kind == "person"
    ]
    assert (m.start, m.end, m.rule) == (0, len("Ameriški zunanji minister"), "role")


def test_title_before_a_name_is_not_a_second_mention() -> None:
    assert people("Ruski zunanji minister Sergej Lavrov je odpotoval.", "sl") == [
        ("Sergej Lavrov", "sergey-lavrov")
    ]


def test_generic_title_refers_back_to_person_named_before() -> None:
    text = "Sergey Lavrov arrived in Ankara. The Russian minister met the press."
    assert people(text, "en")[-1] == ("Russian minister", "sergey-lavrov")
    assert mentions(text, "en")[-1].rule == "backref"


def test_plural_reference_links_the_last_two_people() -> None:
    text = (
        "Vladimir Putin received Alexander Lukashenko in Moscow. The two leaders spoke for hours."
    )
    linked = [m.actor_id for m in mentions(text, "en") if m.rule == "backref"]
    assert linked == ["vladimir-putin", "alexander-lukashenko"]


def test_places_and_countries_carry_english_name_and_iso3() -> None:
    found = {m.text: m for m in mentions("Delegacija iz Rusije je prispela v Budimpešto.", "sl")}
    assert (found["Rusije"].kind, found["Rusije"].country) == ("country", "RUS")
    assert (found["Budimpešto"].kind, found["Budimpešto"].name, found["Budimpešto"].country) == (
        "place",
        "Budapest",
        "HUN",
    )


def test_country_adjective_is_a_demonym_mention() -> None:
    (m,) = [m for m in mentions("Ruska delegacija je odšla.", "sl") if m.kind == "country"]
    assert (m.country, m.rule) == ("RUS", "demonym")


def test_zaharova_is_not_merged_with_zaharov() -> None:
    assert ("Zaharova", "maria-zakharova") in people("Zaharova je to zanikala.", "sl")
    found = people("Veleposlanik Sergej Zaharov je to zanikal.", "sl")
    assert found and all(actor != "maria-zakharova" for _, actor in found)


def test_two_kims_stay_apart_and_lone_kim_stays_unresolved() -> None:
    found = people("Kim Jong Un met Kim Yo Jong. Later Kim said nothing.", "en")
    assert ("Kim Jong Un", "kim-jong-un") in found
    assert ("Kim Yo Jong", "kim-yo-jong") in found
    assert all(text != "Kim" for text, _ in found)


def test_other_person_with_a_known_surname_is_not_merged() -> None:
    found = people("Veleposlanica Ana Kovač je prispela.", "sl")
    assert found and all(actor != "zoltan-kovacs" for _, actor in found)


def test_unknown_person_gets_base_form_and_stable_id_across_articles_and_scripts() -> None:
    sl = [
        m for m in mentions("Minister se je sestal z Janezom Novakom.", "sl") if m.kind == "person"
    ]
    sr = [m for m in mentions("Министар Јанез Новак је допутовао.", "sr") if m.kind == "person"]
    assert sl[0].base == "Janez Novak"
    assert sl[0].actor_id == sr[0].actor_id
    assert sl[0].actor_id.startswith("x-")


def test_unknown_surname_later_in_article_links_to_full_name() -> None:
    found = mentions("Veleposlanik Janez Novak je prispel. Novak je dejal, da ostane.", "sl")
    ids = {m.actor_id for m in found if m.kind == "person"}
    assert len(ids) == 1


def test_lone_surname_of_a_former_office_holder_needs_support() -> None:
    # Angela Rayner held no office in 2018: a word that only sounds like her is not her.
    assert people("Рейнър обяви стачка.", "bg", "2018-07-01") == []


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("Donald Trump je prišel. Na Trumpovih sestankih ni bilo nikogar.", "sl", "Trumpovih"),
        ("Boris Johnson je odstopil. Johnsonovo vlado so kritizirali.", "sl", "Johnsonovo"),
        ("Boris Johnson přijel. Johnsonův plán selhal.", "cs", "Johnsonův"),
        ("Boris Johnson přijel. V Johnsonových plánech to není.", "cs", "Johnsonových"),
    ],
)
def test_possessive_adjective_of_a_person_is_a_mention_of_that_person(
    text: str, lang: str, surface: str
) -> None:
    assert (surface, "boris-johnson" if "Johnson" in surface else "donald-trump") in people(text, lang)


def test_lone_dictionary_word_after_a_title_written_lower_elsewhere_is_no_person() -> None:
    text = "Sjedište Europske komisije je u Bruxellesu. Predsjednik Komisije je rekao da ne."
    assert people(text, "hr") == []


def test_lone_unknown_surname_after_a_title_is_still_a_person() -> None:
    assert [t for t, _ in people("Predsjednik Horvatinčić je rekao da ne.", "hr")] == ["Horvatinčić"]


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("Борис Джонсон прибув. Потім Б.Джонсон мовчав.", "uk", "Б.Джонсон"),
        ("Boris Johnson je prišel. Nato je B. Johnson molčal.", "sl", "B. Johnson"),
    ],
)
def test_initials_before_a_known_name_belong_to_the_mention(text: str, lang: str, surface: str) -> None:
    sentences = split_sentences(text, [Paragraph(0, len(text), "body")], lang=lang)
    found = [
        m
        for m in find_mentions(text, sentences, lang=lang, gazetteer=default_gazetteer())
        if m.kind == "person"
    ]
    assert (found[-1].text, found[-1].actor_id, found[-1].base) == (surface, "boris-johnson", surface)


def test_lower_case_abbreviation_before_a_name_is_no_initial() -> None:
    found = [m.text for m in mentions("Boris Johnson je prišel. Nato je dr. Johnson molčal.", "sl")]
    assert "Johnson" in found


def test_short_surname_as_written_is_the_person_named_in_full() -> None:
    text = "Theresa May przyjechała wczoraj. W Brukseli May podjęła decyzję."
    assert people(text, "pl") == [("Theresa May", "theresa-may"), ("May", "theresa-may")]


def test_short_surname_that_is_a_word_of_the_language_is_no_person() -> None:
    text = "Theresa May arrived in London. They met in May."
    assert people(text, "en") == [("Theresa May", "theresa-may")]


def test_short_abbreviation_must_match_as_written() -> None:
    assert [m.actor_id for m in mentions("Są tacy, co mówią, że Sąd to wie.", "pl")] == []


def test_feminine_title_refers_back_only_to_a_woman() -> None:
    text = "Tanja Fajon je sprejela Sergeja Lavrova. Ministrica je nato odpotovala."
    assert [m.actor_id for m in mentions(text, "sl") if m.rule == "backref"] == ["tanja-fajon"]


def test_ministry_is_not_a_minister() -> None:
    text = "Sergej Lavrov je prispel. Predstavniki ministrstev so se sestali."
    assert [m for m in mentions(text, "sl") if m.rule in ("role", "backref")] == []


def test_title_country_name_sequence_is_one_apposition() -> None:
    found = people("Predsjednik Rusije Vladimir Putin stigao je u Minsk.", "hr")
    assert found == [("Vladimir Putin", "vladimir-putin")]


def test_genitive_complement_before_a_name_is_not_a_person() -> None:
    found = people("Predsjednik Narodne Skupštine Ana Brnabić je govorila.", "sr")
    assert all(not text.startswith("Narodne") for text, _ in found)


def test_country_less_title_does_not_reach_far_back() -> None:
    filler = " Vreme je bilo lepo in sončno ves dan." * 15
    text = "Sergej Lavrov je prispel." + filler + " Minister je odšel."
    assert [m for m in mentions(text, "sl") if m.rule == "backref"] == []


def test_cldr_zone_city_in_its_local_spelling() -> None:
    (m,) = [m for m in mentions("Pogovori so bili v Zürichu.", "sl") if m.kind == "place"]
    assert (m.name, m.country, m.base) == ("Zurich", "CHE", "Zürich")


def test_capital_spelt_like_its_country_is_the_country() -> None:
    (m,) = mentions("Делегация прибыла в Алжир.", "ru")
    assert (m.kind, m.actor_id) == ("country", "DZA")


def test_declined_given_names_before_a_known_surname_are_that_person() -> None:
    """Every word of a long name is declined, so only the surname matched on its own."""
    found = people("Ministar se u petak sastao s Jesusom Rafaelom Salazarom Velazquezom.", "hr")
    assert {actor for _, actor in found} == {"jesus-rafael-salazar-velazquez"}
    assert found[0][0] == "Jesusom Rafaelom Salazarom"


def test_other_given_names_before_a_known_surname_stay_someone_else() -> None:
    found = people("Ministar se u petak sastao s Pedrom Rafaelom Velazquezom.", "hr")
    assert ("Pedrom Rafaelom", "jesus-rafael-salazar-velazquez") not in found


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Sastanak je bio zakazan u Ohridu.", "hr", "Ohrid"),
        ("Самитот ќе се одржи во Охрид.", "mk", "Ohrid"),
        ("Делегација је допутовала у Казањ.", "sr", "Kazan"),
    ],
)
def test_lake_and_volga_cities_are_places(text: str, lang: str, name: str) -> None:
    assert [m.name for m in mentions(text, lang) if m.kind == "place"] == [name]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Prezident přijal na Hradě Petera Pellegriniho.", "cs"),
        ("Premiér zavolal Petrovi Pellegrinimu.", "sk"),
    ],
)
def test_foreign_surname_in_i_declines_like_an_adjective(text: str, lang: str) -> None:
    assert [m.name for m in mentions(text, lang) if m.kind == "person"] == ["Peter Pellegrini"]


@pytest.mark.parametrize(
    ("text", "lang", "surface", "base"),
    [
        # Made-up foreign names no title, cue or known first name introduces.
        ("Soud včera osvobodil Zarinu Kabuliovou z vězení.", "cs", "Zarinu Kabuliovou", None),
        ("Съдът освободи вчера Зарина Кабули от затвора.", "bg", "Зарина Кабули", "Зарина Кабули"),
        ("Sąd uwolnił wczoraj Faridę Kabulijską z więzienia.", "pl", "Faridę Kabulijską", None),
    ],
)
def test_unknown_name_shaped_pair_inside_a_sentence_is_a_person(
    text: str, lang: str, surface: str, base: str | None
) -> None:
    found = [m for m in mentions(text, lang) if m.kind == "person"]
    assert [(m.text, m.rule) for m in found] == [(surface, "unknown.shape")]
    if base:
        assert found[0].base == base


def test_capitalised_common_words_are_no_unknown_person() -> None:
    # Dictionary words (an institution's name) and an English body's name are no person.
    assert people("Rozhodl o tom Nejvyšší soud a také Human Rights Watch.", "cs") == []


def test_sentence_start_capital_is_no_evidence_of_a_name() -> None:
    assert people("Zarina Kabuli odešla.", "cs") == []


def test_unknown_name_shaped_surname_later_links_to_the_full_name() -> None:
    text = "Soud včera osvobodil Zarinu Kabuliovou z vězení. Kabuliová odletěla."
    ids = [m.actor_id for m in mentions(text, "cs") if m.kind == "person"]
    assert len(ids) == 2 and len(set(ids)) == 1


def test_people_known_only_by_name_shape_take_no_part_in_contact_events() -> None:
    from diplowatch.extract.unknown_people import ENTITY_ONLY_RULES

    text = "Soud včera osvobodil Zarinu Kabuliovou z vězení. Kabuliová odletěla."
    assert {m.rule for m in mentions(text, "cs") if m.kind == "person"} <= ENTITY_ONLY_RULES


def test_a_continent_as_first_word_may_start_an_unknown_name_but_a_country_may_not() -> None:
    found = people("Soud včera osvobodil Asii Kabuliovou z vězení.", "cs")
    assert [text for text, _ in found] == ["Asii Kabuliovou"]
    assert people("Soud včera osvobodil Pákistán Kabuliová.", "cs") == []


def test_a_rare_dictionary_word_as_last_word_of_a_name_shape_counts_unless_written_lower() -> None:
    # bg "мина" is a common noun (a mine) but also reads as a surname here.
    assert people("Съдът освободи вчера Фарида Мина от затвора.", "bg") == [
        ("Фарида Мина", "x-farida-mina")
    ]
    assert people("Съдът освободи вчера Фарида Мина, а една мина избухна.", "bg") == []


def test_name_shape_after_a_line_break_is_a_sentence_start() -> None:
    assert people("Soud včera rozhodl\nZarina Kabuliová odešla.", "cs") == []


def test_two_capitalised_words_after_a_profession_noun_are_a_person() -> None:
    # "Nurul" and "Kadri" are made up here; "advokát" is a cs person cue noun (names.yaml).
    found = [m for m in mentions("Soud včera vyslechl advokáta Nurula Kadriho.", "cs") if m.kind == "person"]
    assert [(m.text, m.rule) for m in found] == [("Nurula Kadriho", "unknown.cue_noun")]


def test_one_word_after_a_profession_noun_is_no_person() -> None:
    # "ředitel Skyjetu" names a body in the genitive (a made-up airline), not a person.
    assert people("Včera promluvil ředitel Skyjetu o cenách.", "cs") == []


def test_a_foreign_womans_surname_with_the_czech_feminine_ending_is_her() -> None:
    found = people("Premiér se setkal s komisařkou Marianne Thyssenovou. Thyssenová to potvrdila.", "cs")
    assert [actor for _, actor in found] == ["marianne-thyssen", "marianne-thyssen"]
    # only women get the ending: a man's wife is not the man
    assert all(actor != "andrej-babis" for _, actor in people("Monika Babišová to potvrdila.", "cs"))


def test_an_english_surname_with_the_bulgarian_schwa_is_the_kb_person() -> None:
    # the KB spells them the Russian way (Джонсон, Хамонд); bg writes "ъ" (names.yaml foreign_schwa)
    found = people("Борис Джонсън се срещна с Филип Хамънд. Хамънд не каза нищо.", "bg")
    assert [actor for _, actor in found] == ["boris-johnson", "philip-hammond", "philip-hammond"]


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("Brytyjczycy zagłosowali w referendum.", "pl", "Brytyjczycy"),
        ("Podle průzkumu labouristé ztrácejí.", "cs", "labouristé"),
        ("Според анкетата британците са против.", "bg", "британците"),
        ("Лейбористы выступили против.", "ru", "Лейбористы"),
        ("Anketa kaže, da Britanci ne želijo izstopa.", "sl", "Britanci"),
    ],
)
def test_a_group_noun_is_an_entity_only_person(text: str, lang: str, surface: str) -> None:
    # Nations' and parties' people are people in the named-entity sense (group_nouns in
    # names.yaml), but no one actor: the rule keeps them out of contact events.
    found = [(m.text, m.kind, m.rule) for m in mentions(text, lang) if m.rule == "group"]
    assert found == [(surface, "person", "group")]


def test_a_place_that_starts_like_a_group_noun_is_no_group() -> None:
    # bg "българи" is listed word by word because "България" (the country) shares its start.
    assert [m.text for m in mentions("България прие закона.", "bg") if m.rule == "group"] == []


def test_group_nouns_are_no_contact_parties() -> None:
    assert "group" in ENTITY_ONLY_RULES


def test_a_known_surname_that_is_a_first_name_before_an_unknown_surname_is_no_known_person() -> None:
    # "Филип" is Édouard Philippe's surname in Bulgarian and a first name; "Зарков" is made up.
    found = people("Вчера министърът Филип Зарков заяви това.", "bg")
    assert [text for text, _ in found] == ["Филип Зарков"]


def test_a_common_word_at_the_sentence_start_is_no_lone_surname() -> None:
    # "Други" (others) spells a KB surname key; its capital comes from the sentence start.
    assert [a for _, a in people("Други не са съгласни с решението.", "bg")] == []


def test_a_surname_that_is_an_english_word_opens_a_slavic_sentence() -> None:
    # "tusk" and "macron" are English words, not Polish ones: the capital is the name's
    assert people("Tusk spotkał się w piątek z premierem.", "pl", "2018-02-22") == [("Tusk", "donald-tusk")]
    assert people("Macron udzielił wywiadu podczas wizyty.", "pl", "2018-01-22") == [
        ("Macron", "emmanuel-macron")
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Wierni od wieków czczą Mahometa.", "pl", [("Mahometa", "prophet-muhammad")]),
        ("Kázal o Ježíšovi a o Mohamedovi.", "cs", [("Ježíšovi", "jesus"), ("Mohamedovi", "prophet-muhammad")]),
    ],
)
def test_a_mononym_needs_no_support(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    """A one-word name of someone known by it alone is no surname waiting for a full name."""
    assert people(text, lang) == expected


def test_a_mononym_beside_other_names_is_a_first_name() -> None:
    found = people("Za strankou stál Mohamed Karim Sáfí ze Lahauru.", "cs")
    assert all(actor != "prophet-muhammad" for _, actor in found)


def test_a_zero_width_space_inside_a_name_is_a_space() -> None:
    assert people("Вчора Тереза \u200b\u200bМей виступила в парламенті.", "uk", "2018-11-19") == [
        ("Тереза \u200b\u200bМей", "theresa-may")
    ]


@pytest.mark.parametrize(
    ("text", "lang", "when", "expected"),
    [
        ("Rząd May przegrał głosowanie.", "pl", "2018-12-10", [("May", "theresa-may")]),
        ("Rząd May przegrał głosowanie.", "pl", "2021-12-10", []),
    ],
)
def test_a_short_surname_alone_needs_a_newsmaker_office(
    text: str, lang: str, when: str, expected: list[tuple[str, str]]
) -> None:
    """A three-letter surname with no full name or title names the person only while they hold
    an office the news names by surname alone (in 2021 Theresa May was a backbencher)."""
    assert people(text, lang, when) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Речниця компанії Wizz Air Олена Коваль повідомила про рейси.", ("Олена Коваль", "x-olena-koval")),
        ("Колишній папа Бенедикт XVI прийняв делегацію.", ("Бенедикт XVI", "pope-benedict-xvi")),
    ],
)
def test_a_name_is_written_in_one_script(text: str, expected: tuple[str, str]) -> None:
    """A Latin word before Cyrillic names is another name; a regnal number joins either."""
    assert expected in people(text, "uk", "2018-08-10")


def test_a_person_named_in_full_may_be_called_by_first_name_alone() -> None:
    text = "Na festival je prišel igralec Kenny Jacobs. Kasneje se je Kenny smejal. Vsi so gledali Kennyja."
    found = [(m.text, m.actor_id, m.rule) for m in mentions(text, "sl") if m.kind == "person"]
    assert [f[:2] for f in found[-2:]] == [("Kenny", "x-ken-iacobs"), ("Kennyja", "x-ken-iacobs")]
    assert found[-1][2] in ENTITY_ONLY_RULES  # a first name alone makes no contact party



def test_a_run_found_by_shape_alone_lends_no_first_name() -> None:
    """The first word of an unknown run no title, cue or known first name introduced may be
    any capitalised word, so it names no one alone later."""
    text = "Vse je zmotil Brexit Orlando Pindrosz in podobni. Potem se je Brexit zgodil."
    assert all(m.text != "Brexit" or m.start < 20 for m in mentions(text, "sl") if m.kind == "person")


def test_croatian_doctor_of_science_is_a_cue() -> None:
    """The abbreviation "dr. sc." (doctor of science) ends no sentence and introduces a name
    the way a title does."""
    text = "Istraživanje je vodila dr. sc. Ozrenka Horvatinčić."
    sentences = split_sentences(text, [Paragraph(0, len(text), "body")], lang="hr")
    found = find_mentions(text, sentences, lang="hr", gazetteer=default_gazetteer())
    assert [(m.text, m.rule) for m in found] == [("Ozrenka Horvatinčić", "unknown.cue")]


def test_an_acronym_after_a_name_is_not_part_of_it() -> None:
    """A missed full stop leaves an acronym after the name ("... Zoran Kovačić EU je ...")."""
    assert ("Zoran Kovačić", "x-zoran-kovacic") in people("Govorio je ministar Zoran Kovačić EU je odgovorila.", "hr")


def test_a_title_complement_in_common_words_is_no_person() -> None:
    # after a title, capitalised dictionary words are what the title is of, not a name
    assert people("Премьер-министр Соединенного Королевства приехал в Москву.", "ru", "2018-07-09") == []
    assert people("Министр Иван Кузнецов приехал в Москву.", "ru", "2018-07-09") == [
        ("Иван Кузнецов", "x-ivan-kuznecov")
    ]


def test_a_known_full_name_with_a_stray_last_letter_is_that_person() -> None:
    # a typo ("Кэмеронм") or an ending the rules do not strip: still the known person
    assert people("Борис Джонсон встречался с Девидом Кэмеронм в Лондоне.", "ru", "2018-07-10") == [
        ("Борис Джонсон", "boris-johnson"),
        ("Девидом Кэмеронм", "david-cameron"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ministrica je na trgu Grand Placo kramljala z novinarji.", "sl"),
        ("Министр выступил на площади Жоржа Ламбера в центре города.", "ru"),
        ("Premier przemawiał na placu Tomasza Kowalczyka w stolicy.", "pl"),
    ],
)
def test_a_name_after_a_square_or_street_noun_is_no_person(text: str, lang: str) -> None:
    assert people(text, lang) == []


def test_a_ukrainian_mans_given_name_in_o_declines_with_his_surname() -> None:
    # "Павло" -> "Павла", "Павлом": the full name, not a surname of another person before it
    found = people("Уряд підтримав рішення Павла Клімкіна. Посол зустрівся з Павлом Клімкіним.", "uk", "2016-10-17")
    assert found == [("Павла Клімкіна", "pavlo-klimkin"), ("Павлом Клімкіним", "pavlo-klimkin")]


def test_a_common_word_capitalised_before_a_title_is_no_surname() -> None:
    # "з Першим віце-президентом" (with the First Vice-President): no Peres, whatever the date
    assert people("Міністр зустрівся з Першим віце-президентом комісії.", "uk", None) == []
