"""Report assembly from hand-built sentences and mentions: pairing, dates, status, folding."""

from __future__ import annotations

from dataclasses import replace

from diplowatch.extract.reports import build_reports
from diplowatch.model import Mention, PubDate, Report, Sentence


def place(text: str, surface: str, name: str, country: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    key = name.lower()
    return Mention(start, start + len(surface), surface, "place", key, name, country, "gazetteer.full")


def person(text: str, surface: str, actor: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(
        start,
        start + len(surface),
        surface,
        "person",
        actor,
        actor.title(),
        "XXX",
        "gazetteer.full",
    )


def in_order(text: str, *named: tuple[str, str]) -> list[Mention]:
    """Person mentions of ``named`` (surface, actor id), each at its next occurrence in ``text``."""
    seen: dict[str, int] = {}
    found = []
    for surface, actor in named:
        found.append(person(text, surface, actor, seen.get(surface, 0)))
        seen[surface] = seen.get(surface, 0) + 1
    return found


def reports(
    text: str,
    mentions: list[Mention],
    lang: str,
    published: str | None = "2025-11-06",
    paragraphs: list[str] | None = None,
) -> list[Report]:
    sentences: list[Sentence] = []
    cursor = 0
    for index, para in enumerate(paragraphs or [text]):
        start = text.index(para, cursor)
        sentences.append(Sentence(start, start + len(para), index))
        cursor = start + len(para)
    pub = PubDate(published, "metadata") if published else PubDate(None, "none")
    return build_reports(
        "a1", text, sentences, sorted(mentions, key=lambda m: m.start), lang=lang, published=pub
    )


def summary(found: list[Report]) -> list[tuple[str, list[str], str | None, str]]:
    return [(r.mode, [a.actor_id for a in r.actors], r.date, r.status) for r in found]


def test_slovene_call_with_date_and_provenance() -> None:
    text = "Lavrov je 21. oktobra opravil telefonski klic z Rubiem."
    found = reports(text, [person(text, "Lavrov", "lavrov"), person(text, "Rubiem", "rubio")], "sl")
    assert summary(found) == [("phone", ["lavrov", "rubio"], "2025-10-21", "occurred")]
    report = found[0]
    assert text[report.trigger_start : report.trigger_end] == "telefonski klic"
    assert report.date_basis == "relative" and report.rule.startswith("sl.triggers.phone")


def test_generic_statement_without_contact_gives_nothing() -> None:
    text = "Lavrov je dejal, da Rubio ne razume Rusije."
    assert (
        reports(text, [person(text, "Lavrov", "lavrov"), person(text, "Rubio", "rubio")], "sl")
        == []
    )


def test_planned_croatian_meeting_resolves_weekday_forward() -> None:
    text = "Plenković će se u četvrtak sastati s Golobom."
    found = reports(
        text,
        [person(text, "Plenković", "plenkovic"), person(text, "Golobom", "golob")],
        "hr",
        published="2025-05-19",
    )
    assert summary(found) == [("meet", ["plenkovic", "golob"], "2025-05-22", "planned")]


def test_cancelled_outranks_possible() -> None:
    text = "Bilo je konec pogovorov o morebitnem srečanju Putina s Trumpom."
    found = reports(text, [person(text, "Putina", "putin"), person(text, "Trumpom", "trump")], "sl")
    assert summary(found) == [("meet", ["putin", "trump"], None, "cancelled")]


def test_status_cue_of_another_clause_does_not_count() -> None:
    text = "Po klicu Lavrova z Rubiem je Rubio Trumpu svetoval, naj prekliče vrh."
    mentions = [
        person(text, "Lavrova", "lavrov"),
        person(text, "Rubiem", "rubio"),
        person(text, "Rubio", "rubio"),
        person(text, "Trumpu", "trump"),
    ]
    found = reports(text, mentions, "sl")
    assert ("phone", ["lavrov", "rubio"], None, "occurred") in summary(found)


def test_cancellation_inside_a_following_relative_clause_is_not_the_triggers() -> None:
    text = (
        "Macron je imel telefonski klic s Scholzem, po katerem so odpovedali obisk v Berlinu, "
        "je sporočila vlada."
    )
    mentions = [person(text, "Macron", "macron"), person(text, "Scholzem", "scholz")]
    found = reports(text, mentions, "sl")
    assert ("phone", ["macron", "scholz"], None, "occurred") in summary(found)


def test_cancellation_after_a_relative_clause_still_counts() -> None:
    text = "Srečanje Putina s Trumpom, ki je bilo načrtovano za petek, so preklicali."
    found = reports(text, [person(text, "Putina", "putin"), person(text, "Trumpom", "trump")], "sl")
    assert [r.status for r in found] == ["cancelled"]


def test_summit_with_someone_is_a_meeting() -> None:
    text = "Trump je napovedal vrh s Putinom."
    found = reports(text, [person(text, "Trump", "trump"), person(text, "Putinom", "putin")], "sl")
    assert [r.mode for r in found] == ["meet"]


def test_attendance_and_its_object_are_one_multilateral_report() -> None:
    text = "Grlić Radman sudjelovao je u četvrtak na sastanku Ministarskog vijeća."
    found = reports(text, [person(text, "Grlić Radman", "grlic")], "hr", published="2025-12-05")
    assert summary(found) == [("multilateral", ["grlic"], "2025-12-04", "occurred")]


def test_unspecified_folds_into_phone_of_same_people() -> None:
    text = "Erdoğan je telefonom razgovarao s Putinom."
    found = reports(
        text, [person(text, "Erdoğan", "erdogan"), person(text, "Putinom", "putin")], "hr"
    )
    assert summary(found) == [("phone", ["erdogan", "putin"], None, "occurred")]


def two_paragraphs(first: str, second: str, named: list[tuple[str, str]], lang: str) -> list[Report]:
    """Reports of two paragraphs, ``named`` as (surface, actor id) in the first place each occurs."""
    text = first + "\n\n" + second
    return reports(text, [person(text, s, a) for s, a in named], lang, paragraphs=[first, second])


def test_actorless_dated_call_dates_the_previous_one() -> None:
    first = "Lavrov je opravil telefonski klic z Rubiem."
    second = "Po telefonskem klicu, ki je potekal 21. oktobra, so bila pogajanja končana."
    found = two_paragraphs(first, second, [("Lavrov", "lavrov"), ("Rubiem", "rubio")], "sl")
    assert summary(found)[-1] == ("phone", ["lavrov", "rubio"], "2025-10-21", "occurred")
    assert "pair.backref" in found[-1].rule


def test_the_edge_of_a_span_dates_no_earlier_contact() -> None:
    first = "Kowalski spotkał się z Novákem w Pradze."
    named = [("Kowalski", "kowalski"), ("Novákem", "novak")]
    until = two_paragraphs(first, "Do końca marca potrwa jeszcze spotkanie ekspertów.", named, "pl")
    assert summary(until) == [("meet", ["kowalski", "novak"], None, "occurred")]
    since = "Встреча экспертов продолжается с лета прошлого года."
    found = two_paragraphs("Иванов встретился с Петровым.", since, [("Иванов", "ivanov"), ("Петровым", "petrov")], "ru")
    assert [r.date for r in found] == [None]
    # a range of days is the contact's own time: "from 3 to 5 March" dates the talks
    ranged = two_paragraphs(first, "Spotkanie trwało od 3 do 5 marca.", named, "pl")
    assert summary(ranged)[-1] == ("meet", ["kowalski", "novak"], "2025-03-05", "occurred")


def test_a_process_word_re_dates_no_earlier_contact() -> None:
    first = "Иванов провёл переговоры с Петровым."
    named = [("Иванов", "ivanov"), ("Петровым", "petrov")]
    process = two_paragraphs(first, "Переговоры о новом договоре возобновятся в понедельник.", named, "ru")
    assert summary(process) == [("meet", ["ivanov", "petrov"], None, "occurred")]
    meeting = two_paragraphs(first, "Встреча прошла в понедельник.", named, "ru")
    assert summary(meeting)[-1] == ("meet", ["ivanov", "petrov"], "2025-11-03", "occurred")


def test_a_dated_meeting_of_other_named_people_does_not_date_the_previous_one() -> None:
    first = "Bolton se je srečal z Lavrovom."
    second = "Če se bo Trump 12. julija srečal še s poslanci, bo to oslabilo premierko."
    named = [("Bolton", "bolton"), ("Lavrovom", "lavrov"), ("Trump", "trump")]
    found = two_paragraphs(first, second, named, "sl")
    assert summary(found) == [("meet", ["bolton", "lavrov"], None, "occurred")]


def test_a_past_verb_of_the_other_gender_does_not_continue_a_visit() -> None:
    # cs "byl" is a man's "was": the woman's visit before is not what the clause dates
    first = "Premiérka Nováková byla na návštěvě ve Varšavě."

    def visits(second: str) -> list[tuple[str, list[str], str | None, str]]:
        text = first + "\n\n" + second
        found = build_reports(
            "a1",
            text,
            [Sentence(0, len(first), 0), Sentence(len(first) + 2, len(text), 1)],
            [person(text, "Nováková", "novakova"), place(text, "Varšavě", "Warsaw", "POL")],
            lang="cs",
            published=PubDate("2018-01-13", "metadata"),
            gender={"novakova": "f"}.get,
        )
        return summary(found)

    assert visits("Už loni v lednu, když byl na návštěvě Prahy, mluvil o tom.") == [
        ("visit", ["novakova"], None, "occurred")
    ]
    # her own verb ("byla") does continue it
    assert visits("Už loni v lednu, když byla na návštěvě Prahy, mluvila o tom.")[-1] == (
        "visit",
        ["novakova"],
        "2017-01",
        "occurred",
    )


def test_doubtful_publication_withholds_relative_dates() -> None:
    text = "Lavrov se je junija sestal z Vulinom."
    sent = [Sentence(0, len(text), 0)]
    mentions = [person(text, "Lavrov", "lavrov"), person(text, "Vulinom", "vulin")]
    pub = PubDate("2026-02-06", "dateline", doubtful=True, reason="test")
    found = build_reports("a1", text, sent, mentions, lang="sl", published=pub)
    assert found[0].date is None and found[0].date_doubtful
    assert "date_withheld:2025-06" in found[0].rule


def test_evidential_flag() -> None:
    text = "Lavrov naj bi se sestal z Rubiem."
    found = reports(text, [person(text, "Lavrov", "lavrov"), person(text, "Rubiem", "rubio")], "sl")
    assert found[0].evidential


def test_habitual_bulgarian_present() -> None:
    text = "Президентите Вучич и Путин разговарят по телефона."
    found = reports(text, [person(text, "Вучич", "vucic"), person(text, "Путин", "putin")], "bg")
    assert summary(found) == [("phone", ["vucic", "putin"], None, "habitual")]


def test_english_host_and_guest_order() -> None:
    text = "Erdogan hosted Orban in Ankara on Tuesday."
    found = reports(
        text,
        [person(text, "Erdogan", "erdogan"), person(text, "Orban", "orban")],
        "en",
        published="2025-03-26",
    )
    assert summary(found) == [("host", ["erdogan", "orban"], "2025-03-25", "occurred")]


def test_polish_call_and_czech_visit() -> None:
    text = "Sikorski w poniedziałek rozmawiał telefonicznie z Wadephulem."
    found = reports(
        text,
        [person(text, "Sikorski", "sikorski"), person(text, "Wadephulem", "wadephul")],
        "pl",
        published="2025-10-21",
    )
    assert summary(found) == [("phone", ["sikorski", "wadephul"], "2025-10-20", "occurred")]
    text = "Lipavský včera navštívil Kišiněv."
    mentions = [person(text, "Lipavský", "lipavsky"), place(text, "Kišiněv", "Chișinău", "MDA")]
    found = reports(text, mentions, "cs", published="2025-06-11")
    assert summary(found) == [("visit", ["lipavsky"], "2025-06-10", "occurred")]
    assert found[0].location == "Chișinău"  # the visit verb's object is its destination


def test_russian_and_ukrainian_calls() -> None:
    text = "Эрдоган 12 марта провел телефонный разговор с Путиным."
    found = reports(
        text,
        [person(text, "Эрдоган", "erdogan"), person(text, "Путиным", "putin")],
        "ru",
        published="2025-03-14",
    )
    assert summary(found) == [("phone", ["erdogan", "putin"], "2025-03-12", "occurred")]
    text = "Зеленський учора провів телефонну розмову з Ердоганом."
    found = reports(
        text,
        [person(text, "Зеленський", "zelensky"), person(text, "Ердоганом", "erdogan")],
        "uk",
        published="2025-10-10",
    )
    assert summary(found) == [("phone", ["zelensky", "erdogan"], "2025-10-09", "occurred")]


def test_german_serbian_macedonian_slovak() -> None:
    text = "Merz telefonierte am Montag mit Trump."
    found = reports(
        text,
        [person(text, "Merz", "merz"), person(text, "Trump", "trump")],
        "de",
        published="2025-07-17",
    )
    assert summary(found) == [("phone", ["merz", "trump"], "2025-07-14", "occurred")]
    text = "Вучић је у четвртак угостио Орбана."
    found = reports(
        text,
        [person(text, "Вучић", "vucic"), person(text, "Орбана", "orban")],
        "sr",
        published="2025-07-04",
    )
    assert summary(found) == [("host", ["vucic", "orban"], "2025-07-03", "occurred")]
    text = "Средбата на Мицкоски со Радев е откажана."
    found = reports(
        text, [person(text, "Мицкоски", "mickoski"), person(text, "Радев", "radev")], "mk"
    )
    assert summary(found) == [("meet", ["mickoski", "radev"], None, "cancelled")]
    text = "Fico sa v októbri stretne s Putinom."
    found = reports(
        text,
        [person(text, "Fico", "fico"), person(text, "Putinom", "putin")],
        "sk",
        published="2025-09-12",
    )
    assert summary(found) == [("meet", ["fico", "putin"], "2025-10", "planned")]


def test_cancellation_after_a_relative_clause_and_its_forward_date() -> None:
    text = "Средбата меѓу Мицкоски и Радев, која беше закажана за петок, е откажана."
    found = reports(
        text,
        [person(text, "Мицкоски", "mickoski"), person(text, "Радев", "radev")],
        "mk",
        published="2025-06-18",
    )
    assert summary(found) == [("meet", ["mickoski", "radev"], "2025-06-20", "cancelled")]


def test_past_date_stays_past_when_the_plan_is_in_another_clause() -> None:
    text = "Po klicu Lavrova z Rubiem, ki je bil 21. oktobra, so morebitna pogajanja zastala."
    found = reports(
        text, [person(text, "Lavrova", "lavrov"), person(text, "Rubiem", "rubio")], "sl"
    )
    assert summary(found) == [("phone", ["lavrov", "rubio"], "2025-10-21", "occurred")]


def test_visit_by_someone_names_the_visitor() -> None:
    text = "Rubio will prepare a possible visit by Erdogan to Washington."
    mentions = [
        person(text, "Rubio", "rubio"),
        person(text, "Erdogan", "erdogan"),
        place(text, "Washington", "Washington", "USA"),
    ]
    found = reports(text, mentions, "en")
    assert summary(found) == [("visit", ["erdogan"], None, "planned")]
    assert found[0].location == "Washington"  # "to Washington": the trip's destination


def test_denied_weekend_call_has_month_precision() -> None:
    text = "The Kremlin denied that Putin and Trump had spoken by phone over the weekend."
    found = reports(
        text,
        [person(text, "Putin", "putin"), person(text, "Trump", "trump")],
        "en",
        published="2025-07-15",
    )
    assert summary(found) == [("phone", ["putin", "trump"], "2025-07", "denied")]


def test_subject_after_an_opening_participle_clause() -> None:
    text = "Коментирайки неявяването си в Белград, Лавров каза, че нищо не се променя."
    mentions = [person(text, "Лавров", "lavrov"), place(text, "Белград", "Belgrade", "SRB")]
    assert summary(reports(text, mentions, "bg")) == [("visit", ["lavrov"], None, "cancelled")]


def test_talks_to_come_with_purpose_preposition() -> None:
    text = "Trump je imenovao izaslanika Coalea za pregovore s Lukašenkom."
    mentions = [
        person(text, "Trump", "trump"),
        person(text, "Coalea", "coale"),
        person(text, "Lukašenkom", "luka"),
    ]
    assert summary(reports(text, mentions, "hr")) == [
        ("unspecified", ["coale", "luka"], None, "planned")
    ]


def test_planned_contact_takes_no_past_date() -> None:
    text = "Prošlog mjeseca imenovao je Coalea za pregovore s Lukašenkom."
    mentions = [person(text, "Coalea", "coale"), person(text, "Lukašenkom", "luka")]
    found = reports(text, mentions, "hr", published="2025-12-11")
    assert summary(found) == [("unspecified", ["coale", "luka"], None, "planned")]


def test_summit_as_setting_of_a_meeting_is_no_report() -> None:
    text = "Lavrov in Rubio sta se srečala ob robu zasedanja Generalne skupščine."
    found = reports(text, [person(text, "Lavrov", "lavrov"), person(text, "Rubio", "rubio")], "sl")
    assert summary(found) == [("meet", ["lavrov", "rubio"], None, "occurred")]


def test_headline_infinitive_is_a_plan() -> None:
    text = "Pashinyan and Aliyev to meet in Abu Dhabi on Thursday"
    found = reports(
        text,
        [person(text, "Pashinyan", "pashinyan"), person(text, "Aliyev", "aliyev")],
        "en",
        published="2025-07-08",
    )
    assert summary(found) == [("meet", ["pashinyan", "aliyev"], "2025-07-10", "planned")]


def test_loosely_paired_trigger_does_not_repeat_a_pair() -> None:
    text = "Mirzoyan spoke with Bayramov by phone yesterday to prepare the talks."
    found = reports(
        text,
        [person(text, "Mirzoyan", "mirzoyan"), person(text, "Bayramov", "bayramov")],
        "en",
        published="2025-07-08",
    )
    assert [(r.mode, sorted(a.actor_id for a in r.actors), r.date) for r in found] == [
        ("phone", ["bayramov", "mirzoyan"], "2025-07-07")
    ]


def test_lone_visit_yields_to_the_meeting_of_its_traveller() -> None:
    first = "Choe je obiskala Moskvo."
    second = "Lavrov je po pogovorih s Choe poudaril tesne vezi."
    text = first + "\n\n" + second
    mentions = [
        person(text, "Choe", "choe"),
        person(text, "Lavrov", "lavrov"),
        person(text, "Choe", "choe", 1),
    ]
    found = reports(text, mentions, "sl", paragraphs=[first, second])
    assert [r.mode for r in found] == ["unspecified"]


def test_adopting_a_decision_is_no_hosting() -> None:
    text = "Odločitev o menjavi Lavrova je osebno sprejel predsednik Putin."
    found = reports(text, [person(text, "Lavrova", "lavrov"), person(text, "Putin", "putin")], "sl")
    assert found == []


def test_future_auxiliary_before_the_trigger_is_a_plan() -> None:
    text = "Golob se bo v sredo sestal s Plenkovićem."
    found = reports(
        text,
        [person(text, "Golob", "golob"), person(text, "Plenkovićem", "plenkovic")],
        "sl",
        published="2025-05-14",
    )
    # 2025-05-14 is a Wednesday: a plan "on Wednesday" written that day is for that day
    # (real reports: "ve středu zahajuje návštěvu", "В сряда ... ще кацнат"); "next
    # Wednesday" would be a week on (tests/lang/test_dates.py)
    assert summary(found) == [("meet", ["golob", "plenkovic"], "2025-05-14", "planned")]
    text = "Golob se bo v sredo sestal s Plenkovićem."
    found = reports(
        text,
        [person(text, "Golob", "golob"), person(text, "Plenkovićem", "plenkovic")],
        "sl",
        published="2025-05-13",
    )
    assert summary(found) == [("meet", ["golob", "plenkovic"], "2025-05-14", "planned")]


def test_phone_adverb_and_talk_verb_are_one_phone_call() -> None:
    text = "Orbán Viktor hétfőn telefonon egyeztetett Erdoğan elnökkel."
    found = reports(
        text,
        [person(text, "Orbán Viktor", "orban"), person(text, "Erdoğan", "erdogan")],
        "hu",
        published="2025-07-01",
    )
    assert summary(found) == [("phone", ["orban", "erdogan"], "2025-06-30", "occurred")]


def test_visit_next_year_has_year_precision() -> None:
    text = "Sibiha bi početkom iduće godine trebao posjetiti Zagreb."
    mentions = [person(text, "Sibiha", "sybiha"), place(text, "Zagreb", "Zagreb", "HRV")]
    found = reports(text, mentions, "hr", published="2025-12-05")
    assert summary(found) == [("visit", ["sybiha"], "2026", "planned")]


def test_a_lone_visit_without_a_place_is_no_contact() -> None:
    text = "Premierka je včeraj obiskala tovarno pohištva, kjer se je pogovarjala z delavci."
    assert reports(text, [person(text, "Premierka", "golob")], "sl") == []


def test_a_country_before_the_visitor_is_not_the_destination() -> None:
    text = "Russia's Lavrov visited the factory."
    mentions = [place(text, "Russia", "Russia", "RUS"), person(text, "Lavrov", "lavrov")]
    assert reports(text, mentions, "en") == []


def test_speaker_of_a_denial_is_no_participant() -> None:
    text = "Песков отрече информацията, че Путин е разговарял по телефона с Радев миналия месец."
    mentions = [
        person(text, "Песков", "peskov"),
        person(text, "Путин", "putin"),
        person(text, "Радев", "radev"),
    ]
    found = reports(text, mentions, "bg", published="2025-10-03")
    assert summary(found) == [("phone", ["putin", "radev"], "2025-09", "denied")]
    text = "Peskov je demantirao napise da je Putin ovaj tjedan razgovarao s Dodikom."
    mentions = [person(text, "Peskov", "peskov"), person(text, "Putin", "putin")]
    assert reports(text, mentions, "hr") == []


def _summit_text() -> tuple[str, str, str]:
    first = "Kovač je zamenjal vodjo delegacije, ki se bo udeležila prihodnjega vrha v Ženevi."
    second = "Novi vodja delegacije bo Novak."
    return first + " " + second, first, second


def _geneva(text: str) -> Mention:
    start = text.index("Ženevi")
    return Mention(start, start + 6, "Ženevi", "place", "geneva", "Geneva", "CHE", "gazetteer")


def test_delegation_head_takes_the_place_of_the_summit_named_just_before() -> None:
    text, first, second = _summit_text()
    mentions = [person(text, "Kovač", "kovac"), _geneva(text), person(text, "Novak", "novak")]
    sentences = [Sentence(0, len(first), 0), Sentence(len(first) + 1, len(text), 0)]
    found = build_reports(
        "a1", text, sentences, mentions, lang="sl", published=PubDate("2025-11-06", "metadata")
    )
    assert [(r.mode, r.location) for r in found if r.actors[0].actor_id == "novak"] == [
        ("multilateral", "Geneva")
    ]


def test_summit_place_does_not_cross_a_paragraph() -> None:
    first, second = _summit_text()[1:]
    text = first + "\n\n" + second
    mentions = [person(text, "Kovač", "kovac"), _geneva(text), person(text, "Novak", "novak")]
    found = reports(text, mentions, "sl", paragraphs=[first, second])
    assert [(r.mode, r.location) for r in found if r.actors[0].actor_id == "novak"] == [
        ("multilateral", None)
    ]


def test_an_interview_or_an_accepted_resignation_is_no_contact() -> None:
    text = "Minister Horvat je v pogovoru za televizijo s Kovačem govoril o krizi."
    people = [person(text, "Horvat", "horvat"), person(text, "Kovačem", "kovac")]
    assert reports(text, people, "sl") == []
    text = "Премьер Иванова приняла отставку министра Петрова."
    people = [person(text, "Иванова", "ivanova"), person(text, "Петрова", "petrov")]
    assert reports(text, people, "ru") == []
    text = "В отставку подал главный переговорщик Петров, следом ушел Иванов."
    people = [person(text, "Петров", "petrov"), person(text, "Иванов", "ivanov")]
    assert reports(text, people, "ru") == []  # a negotiator noun, as long as "переговор\w*"


def test_a_summit_named_as_a_point_in_time_states_no_attendance() -> None:
    text = "Predsednik Kovač je dan pred vrhom EU obžaloval, da dogovora ni."
    assert reports(text, [person(text, "Kovač", "kovac")], "sl") == []
    text = "Kovač se je po poročanju medijev decembra udeležil zasedanja na Malti."
    assert [r.mode for r in reports(text, [person(text, "Kovač", "kovac")], "sl")] == ["multilateral"]


def test_a_lone_visit_inside_the_visitors_own_country_is_no_contact() -> None:
    text = "Premierka Kranjc je bila na obisku v Mariboru."
    kranjc = Mention(0, 0, "", "person", "kranjc", "Kranjc", "SVN", "gazetteer.full")
    kranjc = replace(kranjc, start=text.index("Kranjc"), end=text.index("Kranjc") + 6)
    at = text.index("Mariboru")
    city = Mention(at, at + 8, "Mariboru", "place", "maribor", "Maribor", "SVN", "gazetteer.full")
    assert reports(text, [kranjc, city], "sl") == []
    abroad = replace(city, country="AUT")
    assert [r.mode for r in reports(text, [kranjc, abroad], "sl")] == ["visit"]


def test_speaking_at_a_conference_is_attendance_a_press_conference_is_not() -> None:
    text = "Kovač je na konferenci o varnosti v Münchnu opozoril na grožnje."
    assert [r.mode for r in reports(text, [person(text, "Kovač", "kovac")], "sl")] == ["multilateral"]
    text = "Kovač je na novinarski konferenci opozoril na grožnje."
    assert reports(text, [person(text, "Kovač", "kovac")], "sl") == []
    text = "Smith and Jones held a joint press conference in London."
    people = [person(text, "Smith", "smith"), person(text, "Jones", "jones")]
    assert [r.mode for r in reports(text, people, "en")] == ["meet"]
    text = "Kovač ga je spoznal na spletnem forumu."
    assert reports(text, [person(text, "Kovač", "kovac")], "sl") == []


def test_a_relative_pronoun_subject_stands_for_the_name_before_it() -> None:
    text = "Podporil ho ministr Novák, který při páteční návštěvě Berlína řekl, že chce dohodu."
    mentions = [person(text, "Novák", "novak"), place(text, "Berlína", "Berlin", "DEU")]
    found = reports(text, mentions, "cs", published="2018-06-10")
    assert summary(found) == [("visit", ["novak"], "2018-06-08", "occurred")]
    text = "Po klicu z Novakom, po katerem je bilo konec pogovorov o srečanju Kovača s Horvatom."
    people = [person(text, "Novakom", "novak"), person(text, "Kovača", "kovac"), person(text, "Horvatom", "horvat")]
    pairs = [ids for mode, ids, _date, _status in summary(reports(text, people, "sl")) if mode == "meet"]
    assert pairs in ([], [["kovac", "horvat"]])  # "po katerem" is oblique: Novak is no subject


def test_a_summit_as_the_topic_of_a_speech_states_no_attendance() -> None:
    text = "Premier Kovač bo danes govoril o zaključkih vrha G7."
    assert reports(text, [person(text, "Kovač", "kovac")], "sl") == []


def test_weekday_adjectives_date_the_event() -> None:
    text = "Kovač je na četrtkovem srečanju s Horvatom govoril o meji."
    people = [person(text, "Kovač", "kovac"), person(text, "Horvatom", "horvat")]
    assert summary(reports(text, people, "sl", published="2018-06-10")) == [
        ("meet", ["kovac", "horvat"], "2018-06-07", "occurred")
    ]
    text = "Po poniedziałkowej rozmowie Nowaka z Kowalskim nic się nie zmieniło."
    people = [person(text, "Nowaka", "nowak"), person(text, "Kowalskim", "kowalski")]
    assert [d for _m, _a, d, _s in summary(reports(text, people, "pl", published="2018-06-10"))] == ["2018-06-04"]


def test_cabinet_sessions_and_accepted_resignations_are_no_contacts() -> None:
    text = "Novák svolal mimořádné zasedání ministrů své vlády."
    assert reports(text, [person(text, "Novák", "novak")], "cs") == []
    text = "Отставку Петрова уже приняла премьер Иванова."
    people = [person(text, "Петрова", "petrov"), person(text, "Иванова", "ivanova")]
    assert reports(text, people, "ru") == []


def test_partners_after_with_are_no_plural_subject_of_a_later_trigger() -> None:
    text = "Včera jsem při schůzkách s premiérem Novákem a ministrem Dvořákem – šlo o první setkání – mluvil o obchodu."
    people = [person(text, "Novákem", "novak"), person(text, "Dvořákem", "dvorak")]
    assert reports(text, people, "cs") == []


def test_a_party_conference_is_an_internal_meeting() -> None:
    text = "Premierka Kranjc je na konferenci stranke napovedala nove volitve."
    assert reports(text, [person(text, "Kranjc", "kranjc")], "sl") == []
    text = "Smith spoke at the Conservative party conference in Manchester."
    assert reports(text, [person(text, "Smith", "smith")], "en") == []


def test_a_lone_visit_folds_into_a_joint_appearance_of_the_traveller() -> None:
    text = "Barnier przybył w poniedziałek do Irlandii. Varadkar i Barnier wystąpili razem na konferencji w Dundalk."
    mentions = [
        person(text, "Barnier", "barnier"),
        place(text, "Irlandii", "Ireland", "IRL"),
        person(text, "Varadkar", "varadkar"),
        person(text, "Barnier", "barnier", nth=1),
        place(text, "Dundalk", "Dundalk", "IRL"),
    ]
    first, second = text.split(". ")
    found = reports(text, mentions, "pl", published="2018-05-02", paragraphs=[first + ".", second])
    assert [(r.mode, len(r.actors)) for r in found] == [("multilateral", 2)]


def test_the_speaker_of_a_summit_clause_or_a_postposed_source_is_no_attendee() -> None:
    text = "Kovač je razglasil, da možnosti za dogovor na vrhu prihodnji teden ni več."
    assert reports(text, [person(text, "Kovač", "kovac")], "sl") == []
    text = "Угоду обговорять 25 листопада на саміті ЄС, повідомив голова Ради Петренко."
    assert reports(text, [person(text, "Петренко", "petrenko")], "uk") == []


def test_ready_to_meet_is_an_offer_not_a_contact() -> None:
    text = "Jestem gotowy przyjechać do Warszawy w każdej chwili - deklarował Nowak."
    mentions = [person(text, "Nowak", "nowak"), place(text, "Warszawy", "Warsaw", "POL")]
    assert reports(text, mentions, "pl") == []
    text = "Maduro je u telefonskom razgovoru rekao Trumpu da je spreman otići."
    people = [person(text, "Maduro", "maduro"), person(text, "Trumpu", "trump")]
    assert [r.mode for r in reports(text, people, "hr")] == ["phone"]  # the call happened


def test_an_interview_with_a_radio_or_paper_is_no_contact() -> None:
    text = "Komisař Novák kritizoval v rozhovoru s německým rádiem prezidenta Dvořáka."
    people = [person(text, "Novák", "novak"), person(text, "Dvořáka", "dvorak")]
    assert reports(text, people, "cs") == []


def test_a_session_of_a_national_chamber_is_no_contact() -> None:
    text = "Мэй выразила на заседании нижней палаты парламента благодарность министру."
    assert reports(text, [person(text, "Мэй", "may")], "ru") == []


def test_partners_each_behind_their_own_with_are_separate_meetings() -> None:
    text = (
        "Barnier je v Sofiji na pogovorih s premierom Borisovom, "
        "z ministrico za evropske zadeve Pavlovo in s poslanci."
    )
    found = reports(
        text,
        [person(text, "Barnier", "barnier"), person(text, "Borisovom", "borisov"),
         person(text, "Pavlovo", "pavlova")],
        "sl",
    )
    assert sorted(tuple(actors) for _, actors, _, _ in summary(found)) == [
        ("barnier", "borisov"), ("barnier", "pavlova")]


def test_a_date_in_a_that_clause_is_what_was_said_not_when_they_met() -> None:
    text = "Novak je na srečanju s Horvatom dejal, da se pogajanja od marca niso premaknila."
    found = reports(text, [person(text, "Horvatom", "horvat"), person(text, "Novak", "novak")], "sl")
    assert summary(found) == [("meet", ["novak", "horvat"], None, "occurred")]
    dated = "Novak se je v ponedeljek srečal s Horvatom in dejal, da je zadovoljen."
    found = reports(dated, [person(dated, "Novak", "novak"), person(dated, "Horvatom", "horvat")], "sl")
    assert summary(found) == [("meet", ["novak", "horvat"], "2025-11-03", "occurred")]


def test_after_a_meeting_with_a_body_its_subject_attended() -> None:
    # "after the meeting with the ministers" is no mere point in time: the speaker met them
    text = "Novak powiedział we wtorek po spotkaniu z ministrami, że jest zadowolony."
    found = reports(text, [person(text, "Novak", "novak")], "pl", published="2018-03-21")
    assert summary(found) == [("multilateral", ["novak"], "2018-03-20", "occurred")]
    summit = "Novak powiedział we wtorek po szczycie, że jest zadowolony."
    assert reports(summit, [person(summit, "Novak", "novak")], "pl", published="2018-03-21") == []


def test_a_dateline_glued_to_the_lead_dates_no_contact() -> None:
    text = "14.02.2018 Svet Premierka Kranjc se bo sestala s Horvatom."
    people = [person(text, "Kranjc", "kranjc"), person(text, "Horvatom", "horvat")]
    assert summary(reports(text, people, "sl", published="2018-02-14")) == [
        ("meet", ["kranjc", "horvat"], None, "planned")
    ]
    later = text.replace("14.02.2018", "16.02.2018")  # a date of its own, not the page's
    people = [person(later, "Kranjc", "kranjc"), person(later, "Horvatom", "horvat")]
    assert summary(reports(later, people, "sl", published="2018-02-14")) == [
        ("meet", ["kranjc", "horvat"], "2018-02-16", "planned")
    ]


def test_a_date_nearer_a_later_vaguer_trigger_dates_the_specific_one() -> None:
    # the date sits between "meeting" and "talks"; the talks report folds into the meeting
    text = (
        "Odkar sta se Novak in Horvat na srečanju v gorah konec junija dogovorila "
        "o pogovorih, ni bilo novic."
    )
    found = reports(text, [person(text, "Novak", "novak"), person(text, "Horvat", "horvat")], "sl")
    assert summary(found) == [("meet", ["novak", "horvat"], "2025-06", "occurred")]


def test_a_summit_naming_its_two_sides_after_a_time_word_is_their_meeting() -> None:
    text = "Vaje so zmanjšali po prvem vrhu Novak-Horvat lani v gorah."
    found = reports(text, [person(text, "Novak", "novak"), person(text, "Horvat", "horvat")], "sl")
    assert summary(found) == [("meet", ["novak", "horvat"], "2024", "occurred")]
    # without the sides the summit is only a point in time
    text = "Novak in Horvat sta vaje zmanjšala po prvem vrhu lani."
    found = reports(text, [person(text, "Novak", "novak"), person(text, "Horvat", "horvat")], "sl")
    assert summary(found) == []


def test_a_dated_visit_dates_its_one_undated_contact() -> None:
    # the lone visit yields to the meeting of its traveller, and gives it its day
    text = "Novak je v ponedeljek obiskal Zagreb. Novak in Horvat sta se sestala."
    mentions = [
        person(text, "Novak", "novak"),
        place(text, "Zagreb", "Zagreb", "HRV"),
        person(text, "Novak", "novak", nth=1),
        person(text, "Horvat", "horvat"),
    ]
    sentences = ["Novak je v ponedeljek obiskal Zagreb.", "Novak in Horvat sta se sestala."]
    found = reports(text, mentions, "sl", paragraphs=sentences)
    assert summary(found) == [("meet", ["novak", "horvat"], "2025-11-03", "occurred")]


def test_pairs_of_a_joint_meeting_are_that_meeting() -> None:
    first = "Novak will meet Horvat in Vienna today."
    second = "Kranjc will also meet Horvat at a working lunch."
    third = "Besides the meeting with Novak and Kranjc, Horvat will tour the old town."
    text = " ".join((first, second, third))
    mentions = in_order(
        text, ("Novak", "novak"), ("Horvat", "horvat"), ("Kranjc", "kranjc"), ("Horvat", "horvat"),
        ("Novak", "novak"), ("Kranjc", "kranjc"), ("Horvat", "horvat"),
    )
    found = reports(text, mentions, "en", paragraphs=[first, second, third])
    # told pair by pair, then whole: one event, planned and dated as the pairs tell it
    assert [(sorted(a.actor_id for a in r.actors), r.date, r.status) for r in found] == [
        (["horvat", "kranjc", "novak"], "2025-11-06", "planned")
    ]


def test_a_pair_met_again_on_another_day_is_not_the_joint_meeting() -> None:
    first = "Novak met Horvat on Monday."
    second = "On Friday Novak and Kranjc held talks with Horvat."
    text = " ".join((first, second))
    mentions = in_order(
        text, ("Novak", "novak"), ("Horvat", "horvat"), ("Novak", "novak"), ("Kranjc", "kranjc"), ("Horvat", "horvat")
    )
    found = reports(text, mentions, "en", published="2025-11-09", paragraphs=[first, second])
    assert sorted(len(r.actors) for r in found) == [2, 3]


def test_a_headline_naming_two_contacts_at_once_absorbs_neither() -> None:
    headline = "Novak talked with Horvat and Kranjc"
    body = "On Thursday Horvat held talks with Novak."
    text = headline + "\n\n" + body
    mentions = in_order(
        text, ("Novak", "novak"), ("Horvat", "horvat"), ("Kranjc", "kranjc"), ("Horvat", "horvat"), ("Novak", "novak")
    )
    found = reports(text, mentions, "en", paragraphs=[headline, body])
    assert sorted(len(r.actors) for r in found) == [2, 3]


def test_a_trip_framing_a_planned_meeting_is_that_meeting() -> None:
    first = "Novak is beginning a visit to Vienna, during which she will meet Horvat."
    second = "On her trip to Vienna, Novak said she would not resign."
    text = first + "\n\n" + second
    mentions = [
        person(text, "Novak", "novak"),
        place(text, "Vienna", "Vienna", "AUT"),
        person(text, "Horvat", "horvat"),
        place(text, "Vienna", "Vienna", "AUT", 1),
        person(text, "Novak", "novak", 1),
    ]
    found = reports(text, mentions, "en", paragraphs=[first, second])
    # one planned meeting at the trip's destination, no held lone visit beside it
    assert [(r.mode, sorted(a.actor_id for a in r.actors), r.status, r.location) for r in found] == [
        ("meet", ["horvat", "novak"], "planned", "Vienna")
    ]


def test_a_dated_trip_dates_and_places_the_round_of_meetings_its_next_sentence_lists() -> None:
    first = "Novak will travel to Vienna tomorrow."
    second = "She is to hold talks with President Horvat, Chancellor Kranjc and Foreign Minister Zupan."
    text = first + " " + second
    mentions = [
        person(text, "Novak", "novak"),
        place(text, "Vienna", "Vienna", "AUT"),
        Mention(len(first) + 1, len(first) + 4, "She", "person", "novak", "Novak", "XXX", "pronoun"),
        person(text, "Horvat", "horvat"),
        person(text, "Kranjc", "kranjc"),
        person(text, "Zupan", "zupan"),
    ]
    found = reports(text, mentions, "en", paragraphs=[first, second])
    assert [(sorted(a.actor_id for a in r.actors), r.date, r.location) for r in found] == [
        (["horvat", "novak"], "2025-11-07", "Vienna"),
        (["kranjc", "novak"], "2025-11-07", "Vienna"),
        (["novak", "zupan"], "2025-11-07", "Vienna"),
    ]


def test_a_past_day_does_not_redate_a_planned_meeting_by_back_reference() -> None:
    # published on a Thursday: "after Monday's meeting", of a meeting still to come, is no past Monday
    first = "Novak se bo v ponedeljek srečal s Kranjcem."
    second = "Po ponedeljkovem srečanju naj bi strokovnjaki nadaljevali pogajanja."
    found = two_paragraphs(first, second, [("Novak", "novak"), ("Kranjcem", "kranjc")], "sl")
    assert [r.date for r in found] == ["2025-11-10"]


def test_a_speaker_after_the_clause_is_no_participant() -> None:
    text = "Великобритания няма да участва в срещата на министрите, изтъкна Иванов."
    assert reports(text, [person(text, "Иванов", "ivanov")], "bg") == []
