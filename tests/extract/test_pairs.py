"""Participant choice: which of a sentence's people take part in the contact."""

from __future__ import annotations

import re

import pytest

from diplowatch.extract.pairs import (
    Clauses,
    choose_participants,
    clause_bounds,
    pairing_words,
    prepare_people,
)
from diplowatch.extract.status import cue_places
from diplowatch.lang.packs import available_languages
from diplowatch.model import Mention


def person(
    text: str, surface: str, actor: str, *, nth: int = 0, rule: str = "gazetteer.full"
) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, "person", actor, actor.title(), None, rule)


def run(
    text: str,
    trigger: str,
    people: list[Mention],
    lang: str,
    *,
    pairs: bool = True,
    others: tuple[str, ...] = (),
) -> tuple[list[list[str]], str]:
    start = text.index(trigger)
    groups, rule = choose_participants(
        text,
        0,
        len(text),
        (start, start + len(trigger)),
        sorted(people, key=lambda m: m.start),
        lang=lang,
        pairs_needed=pairs,
        next_triggers=[text.index(o) for o in others],
    )
    return [[m.actor_id or "" for m in g] for g in groups], rule


def test_dash_pair_in_hungarian_compound() -> None:
    text = "Egyeztettek a Trump–Putyin-találkozó előkészítéséről, mondta Lavrov."
    people = [
        person(text, "Trump", "trump"),
        person(text, "Putyin", "putin"),
        person(text, "Lavrov", "lavrov"),
    ]
    assert run(text, "Putyin-találkozó", people, "hu") == ([["trump", "putin"]], "pair.dash")


def test_dash_pair_before_noun() -> None:
    text = "A Lavrov–Rubio telefonbeszélgetés folytatása volt ez."
    people = [person(text, "Lavrov", "lavrov"), person(text, "Rubio", "rubio")]
    assert run(text, "telefonbeszélgetés", people, "hu")[0] == [["lavrov", "rubio"]]


def test_between_excludes_the_sentence_subject() -> None:
    text = "Golob in Fajon sta na srečanju med Vučićem in Plenkovićem govorila o energiji."
    people = [person(text, w, w.lower()) for w in ("Golob", "Fajon", "Vučićem", "Plenkovićem")]
    assert run(text, "srečanju", people, "sl") == ([["vučićem", "plenkovićem"]], "pair.between")


def test_hungarian_postposition_between() -> None:
    text = "Ez összhangban van a Trump és Putyin közötti telefonbeszélgetés szellemiségével."
    people = [person(text, "Trump", "trump"), person(text, "Putyin", "putin")]
    assert run(text, "telefonbeszélgetés", people, "hu") == ([["trump", "putin"]], "pair.between")


def test_genitive_pair_right_after_noun() -> None:
    text = "Trump je po pogovoru Lavrova in Rubia uvedel sankcije."
    people = [
        person(text, "Trump", "trump"),
        person(text, "Lavrova", "lavrov"),
        person(text, "Rubia", "rubio"),
    ]
    assert run(text, "pogovoru", people, "sl") == ([["lavrov", "rubio"]], "pair.adjacent")


def test_subject_and_comitative_in_the_clause() -> None:
    text = "Po sestanku, ki je trajal dve uri, je Merz telefoniral s Trumpom, je sporočil Wadephul."
    people = [
        person(text, "Merz", "merz"),
        person(text, "Trumpom", "trump"),
        person(text, "Wadephul", "wadephul"),
    ]
    assert run(text, "telefoniral", people, "sl") == ([["merz", "trump"]], "pair.clause")


def test_object_of_an_english_verb() -> None:
    text = "On Monday Erdogan called Trump to discuss Gaza, Fidan said."
    people = [
        person(text, "Erdogan", "erdogan"),
        person(text, "Trump", "trump"),
        person(text, "Fidan", "fidan"),
    ]
    assert run(text, "called", people, "en")[0] == [["erdogan", "trump"]]


def test_subject_with_two_partners_is_one_joint_contact() -> None:
    text = "Maduro razgovarao s Putinom i Lukašenkom o krizi."
    people = [
        person(text, "Maduro", "maduro"),
        person(text, "Putinom", "putin"),
        person(text, "Lukašenkom", "lukashenko"),
    ]
    assert run(text, "razgovarao", people, "hr") == (
        [["maduro", "putin", "lukashenko"]],
        "pair.clause.joint",
    )


def test_a_titled_conjunct_joins_the_group() -> None:
    text = "Juncker sa stretol s Kiskom a predsedom vlády SR Ficom."
    people = [
        person(text, "Juncker", "juncker"),
        person(text, "Kiskom", "kiska"),
        person(text, "Ficom", "fico"),
    ]
    assert run(text, "stretol", people, "sk")[0] == [["juncker", "kiska", "fico"]]


def test_a_conjunct_of_adjectives_and_a_title_before_the_name_joins_the_group() -> None:
    text = "Novak se je pogovarjal z Horvatom ter belgijskim in luksemburškim premierjem Kranjcem."
    people = [
        person(text, "Novak", "novak"),
        person(text, "Horvatom", "horvat"),
        person(text, "Kranjcem", "kranjc"),
    ]
    assert run(text, "pogovarjal", people, "sl")[0] == [["novak", "horvat", "kranjc"]]


def test_a_new_clause_after_and_is_no_conjunct() -> None:
    text = "Juncker sa stretol s Kiskom a potom odcestoval za Ficom."
    people = [
        person(text, "Juncker", "juncker"),
        person(text, "Kiskom", "kiska"),
        person(text, "Ficom", "fico"),
    ]
    assert run(text, "stretol", people, "sk")[0] == [["juncker", "kiska"]]


def test_source_is_not_a_participant() -> None:
    text = "Prema riječima Peskova, Putin je razgovarao s Erdoganom."
    people = [
        person(text, "Peskova", "peskov"),
        person(text, "Putin", "putin"),
        person(text, "Erdoganom", "erdogan"),
    ]
    assert run(text, "razgovarao", people, "hr")[0] == [["putin", "erdogan"]]


def test_relative_clause_after_an_actorless_noun() -> None:
    text = "Folytatása annak a hívásnak, amely során Trump és Putyin egyeztetett."
    people = [person(text, "Trump", "trump"), person(text, "Putyin", "putin")]
    assert run(text, "hívásnak", people, "hu") == ([["trump", "putin"]], "pair.relative")


def test_partner_search_stops_at_the_next_trigger() -> None:
    text = "Konec pogovorov o srečanju Putina s Trumpom."
    people = [person(text, "Putina", "putin"), person(text, "Trumpom", "trump")]
    assert run(text, "pogovorov", people, "sl", others=("srečanju",))[0] == []
    assert run(text, "srečanju", people, "sl")[0] == [["putin", "trump"]]


def test_lone_traveller_is_the_subject() -> None:
    text = "Lavrov je bil decembra v EU, prav tako na srečanju zunanjih ministrov."
    people = [person(text, "Lavrov", "lavrov")]
    assert run(text, "srečanju zunanjih ministrov", people, "sl", pairs=False) == (
        [["lavrov"]],
        "pair.sentence",
    )


def test_no_lone_traveller_inside_a_relative_clause() -> None:
    text = "Putin je zamenjal vodjo delegacije, ki se bo udeležila vrha."
    people = [person(text, "Putin", "putin")]
    assert run(text, "udeležila", people, "sl", pairs=False)[0] == []


def test_title_beside_a_name_is_the_same_person() -> None:
    text = "Marco Rubio amerikai külügyminiszter telefonált Szergej Lavrovval."
    people = [
        person(text, "Marco Rubio", "rubio"),
        person(text, "amerikai külügyminiszter", "blinken", rule="role"),
        person(text, "Szergej Lavrovval", "lavrov"),
    ]
    assert run(text, "telefonált", people, "hu")[0] == [["rubio", "lavrov"]]


def test_clause_bounds_cut_at_commas() -> None:
    text = "Po klicu, ki je bil 21. oktobra, je Rubio svetoval."
    start, end = clause_bounds(text, 0, len(text), text.index("klicu"))
    assert text[start:end] == "Po klicu"


def test_clauses_cut_at_every_break_but_one_around_the_position() -> None:
    text = "Po klicu, ki je bil 21. oktobra -- kratek -- je Rubio (v Rimu) svetoval: počakaj."
    clauses = Clauses(text, 0, len(text))

    def clause(pos: int) -> str:
        start, end = clauses.around(pos)
        return text[start:end]

    assert clause(0) == "Po klicu"
    assert clause(text.index("kratek")) == "kratek"  # a dash between spaces is one break
    assert clause(text.index("Rimu")) == "v Rimu"
    assert clause(len(text)) == " počakaj."
    # a position inside a break: the clauses on both sides of it
    assert clause(text.index(" --") + 1) == " ki je bil 21. oktobra -- kratek"


def test_dash_breaks_take_the_space_before_the_dash() -> None:
    text = "- Uvod, - prvi – drugi — tretji-četrti - - konec"
    clauses = Clauses(text, 2, len(text))  # the dash before the span opens no break inside it

    def clause(pos: int) -> str:
        start, end = clauses.around(pos)
        return text[start:end]

    assert clause(text.index("Uvod")) == "Uvod"
    assert clause(text.index("prvi")) == "prvi"  # a comma, then a dash: two breaks
    assert clause(text.index("drugi")) == "drugi"
    assert clause(text.index("tretji")) == "tretji-četrti"  # a hyphen inside a word: no break
    # " - - ": the second dash has no space of its own before it, the first break took it
    assert clause(text.index("konec")) == "- konec"


def test_source_cue_found_by_the_shared_cue_scan() -> None:
    text = "Prema riječima Peskova, Putin je razgovarao s Erdoganom."
    people = [
        person(text, "Peskova", "peskov"),
        person(text, "Putin", "putin"),
        person(text, "Erdoganom", "erdogan"),
    ]
    places = cue_places(text, 0, len(text), lang="hr")
    screen = pairing_words("hr").source_cues
    assert screen is not None and set(screen.find(text, 0, len(text))) <= set(places)
    prepared = prepare_people(text, 0, len(text), people, lang="hr", cue_places=places)
    assert [m.actor_id for m in prepared.people] == ["putin", "erdogan"]


def test_plural_title_is_one_group_of_two() -> None:
    text = "A két vezető megegyezett abban, hogy hamarosan találkoznak."
    span = text.index("A két vezető")
    people = [
        Mention(span, span + 12, "A két vezető", "person", actor, actor, None, "backref")
        for actor in ("trump", "putin")
    ]
    assert run(text, "találkoznak", people, "hu") == ([["trump", "putin"]], "pair.sentence")


def test_states_as_subject_borrow_no_person() -> None:
    text = "Rusija i Bjelorusija razgovarale su s Madurom, dok Trump jača pritisak."
    people = [person(text, "Madurom", "maduro"), person(text, "Trump", "trump")]
    start = text.index("Rusija")
    russia = Mention(start, start + 6, "Rusija", "country", "RUS", "Russia", "RUS", "gazetteer")
    trigger = text.index("razgovarale")
    groups, rule = choose_participants(
        text,
        0,
        len(text),
        (trigger, trigger + 11),
        people,
        lang="hr",
        pairs_needed=True,
        states=[russia],
    )
    assert (groups, rule) == ([], "pair.state_subject")


def test_an_unnamed_partner_after_with_borrows_nobody() -> None:
    text = "Novak je govoril, potem ko je premierka Kranjc imela sestanek s člani odbora."
    people = [person(text, "Novak", "novak"), person(text, "Kranjc", "kranjc")]
    assert run(text, "sestanek", people, "sl") == ([], "pair.unnamed_partner")


def test_co_travellers_who_meet_an_unnamed_group_are_no_pair() -> None:
    # made-up names: the two ministers travel together; their partners are only described
    text = "Днес Иван Петров и Георги Колев са в Берлин, за да се срещнат с бизнес групи."
    people = [person(text, "Иван Петров", "petrov"), person(text, "Георги Колев", "kolev")]
    assert run(text, "срещнат", people, "bg") == ([], "pair.unnamed_partner")


def test_talks_between_described_sides_borrow_no_one_from_the_sentence() -> None:
    text = "Призивът на Петров идва след преговорите между представители на двете Кореи, каза Колев."
    people = [person(text, "Петров", "petrov"), person(text, "Колев", "kolev")]
    assert run(text, "преговорите", people, "bg") == ([], "pair.unnamed_partner")


def test_a_speaker_whose_clause_goes_on_to_the_contact_is_its_subject() -> None:
    # ", je dejal X po pogovorih z ...": X said it after the talks he held (names made up)
    text = "Ovire so neizogibne, je dejal Novak po pogovorih z Janezom Kranjcem in Petro Zupan."
    people = [
        person(text, "Novak", "novak"),
        person(text, "Janezom Kranjcem", "kranjc"),
        person(text, "Petro Zupan", "zupan"),
    ]
    assert run(text, "pogovorih", people, "sl") == ([["novak", "kranjc", "zupan"]], "pair.clause.joint")
    # the speaker of a quote about others' talks stays a source
    quote = "Pogovori Kranjca in Zupanove so bili dobri, je dejal Novak."
    people = [person(quote, "Kranjca", "kranjc"), person(quote, "Zupanove", "zupan"), person(quote, "Novak", "novak")]
    assert run(quote, "Pogovori", people, "sl")[0] == [["kranjc", "zupan"]]


def test_partners_of_an_unnamed_subject_are_not_paired_together() -> None:
    text = "Včera jsem na schůzkách s premiérem Petrem Novákem a ministrem Janem Dvořákem mluvil o obchodu."
    people = [person(text, "Petrem Novákem", "novak"), person(text, "Janem Dvořákem", "dvorak")]
    groups, _rule = run(text, "schůzkách", people, "cs")
    assert ["novak", "dvorak"] not in groups


def test_a_person_behind_a_that_clause_is_no_partner() -> None:
    text = "Minister Horvat je v pogovoru izrazil prepričanje, da ima Kovač podporo."
    people = [person(text, "Horvat", "horvat"), person(text, "Kovač", "kovac")]
    groups, _rule = run(text, "pogovoru", people, "sl")
    assert all(len(g) < 2 for g in groups)


def test_a_journalist_is_no_participant() -> None:
    text = "Premiér Novák hovořil s redaktorem BBC Petrem Dvořákem o brexitu."
    people = [person(text, "Novák", "novak"), person(text, "Petrem Dvořákem", "dvorak")]
    prepared = prepare_people(text, 0, len(text), people, lang="cs")
    assert [m.actor_id for m in prepared.people] == ["novak"]


def test_a_title_before_a_later_name_is_its_own_person() -> None:
    # the title "the Irish prime minister" stands by no name: a later name in the sentence
    # (the accuser) is someone else, and the title remains the attendee
    text = (
        "На срещата в Брюксел ирландският премиер отхвърли острите критики на бившия лидер"
        " на партията Найджъл Фараж."
    )
    people = [
        person(text, "ирландският премиер", "varadkar", rule="role"),
        person(text, "Найджъл Фараж", "farage"),
    ]
    assert run(text, "срещата", people, "bg", pairs=False) == ([["varadkar"]], "pair.clause")


def test_a_subject_after_the_partner_is_no_co_partner() -> None:
    text = "Преди срещата си с Тереза Мей председателят Доналд Туск заяви, че сделката е добра."
    people = [person(text, "Тереза Мей", "may"), person(text, "Доналд Туск", "tusk")]
    assert run(text, "срещата", people, "bg") == ([["may", "tusk"]], "pair.sentence")
    joint = "На срещите си с Тереза Мей и Доналд Туск министърът заяви, че сделката е добра."
    people = [person(joint, "Тереза Мей", "may"), person(joint, "Доналд Туск", "tusk")]
    assert run(joint, "срещите", people, "bg") == ([], "pair.unnamed_subject")


def test_a_pronoun_outside_the_clause_is_no_lone_attendee() -> None:
    text = "Ministerstvo pod jeho vedením bylo úspěšné: proběhl summit hlav vlád."
    pronoun = person(text, "jeho", "novak", rule="coref.pronoun")
    assert run(text, "summit", [pronoun], "cs", pairs=False) == ([], "pair.clause")
    named = text.replace("jeho", "Novakovým")
    name = person(named, "Novakovým", "novak")
    assert run(named, "summit", [name], "cs", pairs=False) == ([["novak"]], "pair.sentence")


def test_a_spaced_dash_is_an_apposition_not_a_pair() -> None:
    text = "Novak, který přesvědčil předchůdce Kranjcové – Horvata – k referendu, kritizuje jednání."
    people = [person(text, "Kranjcové", "kranjc"), person(text, "Horvata", "horvat")]
    assert run(text, "jednání", people, "cs")[0] == []
    headline = "Kranjc–Horvat: nové jednání po týdnu"
    people = [person(headline, "Kranjc", "kranjc"), person(headline, "Horvat", "horvat")]
    assert run(headline, "jednání", people, "cs")[0] == [["kranjc", "horvat"]]


def test_guarded_word_lists_match_as_the_plain_alternation() -> None:
    """Every pack's pairing words get a first-letter guard when all open with a known letter;
    a guarded list matches exactly where the plain alternation does, in either case."""
    text = "Z Maasom in s ŠEFOM, med njima: según él, WITH him and by the AND, Ɀ ſ K between"
    guarded = 0
    for lang in sorted(available_languages()):
        words = pairing_words(lang)
        for name in words.__dataclass_fields__:
            pattern = getattr(words, name)
            if not isinstance(pattern, re.Pattern) or pattern.pattern == "(?!x)x":
                continue
            plain = re.sub(r"^\(\?<!\\w\)\(\?=\[[^\]]*\]\)", r"(?<!\\w)", pattern.pattern)
            guarded += plain != pattern.pattern
            for sample in (text, text.upper(), text.lower()):
                expected = [m.span() for m in re.finditer(plain, sample, re.IGNORECASE)]
                assert [m.span() for m in pattern.finditer(sample)] == expected, (lang, name)
    assert guarded > 100


def test_the_partner_of_an_earlier_with_phrase_is_no_other_contact_s_party() -> None:
    # "talks with May and an audience with the king await him": the audience is his, not May's
    text = "В Лондоне его ожидают переговоры с Мэй, а также аудиенция у короля Карла."
    people = [
        person(text, "его", "trump", rule="coref.pronoun"),
        person(text, "Мэй", "may"),
        person(text, "Карла", "charles"),
    ]
    assert run(text, "аудиенция", people, "ru", others=()) == ([["charles", "trump"]], "pair.sentence")


@pytest.mark.parametrize(
    ("text", "trigger", "names", "lang"),
    [
        (
            "Novak se je srečal s predsednikom vlade Kranjcem, predsednikom parlamenta Zupanom "
            "in zunanjim ministrom Horvatom.",
            "srečal",
            [("Novak", "novak"), ("Kranjcem", "kranjc"), ("Zupanom", "zupan"), ("Horvatom", "horvat")],
            "sl",
        ),
        (  # "szefem gabinetu", "wiceszefem kancelarii": titles too
            "Nowak spotkał się z premierem Kowalskim, szefem gabinetu prezydenta Malinowskim "
            "i wiceszefem kancelarii Zielińskim.",
            "spotkał",
            [("Nowak", "nowak"), ("Kowalskim", "kowalski"), ("Malinowskim", "malinowski"), ("Zielińskim", "zielinski")],
            "pl",
        ),
    ],
)
def test_a_list_of_titled_counterparts_after_one_with_is_a_meeting_each(
    text: str, trigger: str, names: list[tuple[str, str]], lang: str
) -> None:
    # a visitor's round of meetings: each counterpart behind its own title (names made up)
    people = [person(text, surface, actor) for surface, actor in names]
    subject, *partners = [actor for _, actor in names]
    assert run(text, trigger, people, lang) == ([[subject, p] for p in partners], "pair.clause.each")


def test_coordinated_partners_without_titles_are_one_joint_meeting() -> None:
    # without titles the partners are coordinated: one joint meeting
    plain = "Novak se je srečal s Kranjcem in Zupanom."
    people = [person(plain, "Novak", "novak"), person(plain, "Kranjcem", "kranjc"), person(plain, "Zupanom", "zupan")]
    assert run(plain, "srečal", people, "sl") == ([["novak", "kranjc", "zupan"]], "pair.clause.joint")
