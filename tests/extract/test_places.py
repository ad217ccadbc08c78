"""Location choice from place mentions (hand-built, as the actor layer would emit them)."""

from __future__ import annotations

from diplowatch.extract.pairs import pairing_words
from diplowatch.extract.places import choose_location, is_locative
from diplowatch.model import Mention


def place(
    text: str, surface: str, name: str, kind: str = "place", rule: str = "gazetteer"
) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, kind, None, name, None, rule)


def choose(
    text: str, trigger: str, mentions: list[Mention], lang: str, mode: str = "meet"
) -> str | None:
    start = text.index(trigger)
    words = pairing_words(lang)
    found = choose_location(
        text,
        mentions,
        mode=mode,
        trigger=(start, start + len(trigger)),
        clause=(0, len(text)),
        sentence=(0, len(text)),
        at=words.at,
        suffixes=words.at_suffixes,
        lang=lang,
    )
    return found.name if found else None


def test_city_after_locative_preposition() -> None:
    text = "Srečanje Putina in Trumpa naj bi potekalo v Budimpešti."
    assert choose(text, "Srečanje", [place(text, "Budimpešti", "Budapest")], "sl") == "Budapest"


def test_country_as_actor_is_no_place() -> None:
    text = "Rusija in Srbija sta se dogovorili o srečanju."
    assert choose(text, "srečanju", [place(text, "Rusija", "Russia", "country")], "sl") is None


def test_demonym_is_no_place() -> None:
    text = "Ruski minister je v četrtek obiskal kolego."
    mention = place(text, "Ruski", "Russia", "country", rule="demonym")
    assert choose(text, "obiskal", [mention], "sl") is None


def test_phone_call_has_no_place() -> None:
    text = "Minister je iz Bruslja telefoniral kolegu."
    assert (
        choose(text, "telefoniral", [place(text, "Bruslja", "Brussels")], "sl", mode="phone")
        is None
    )


def test_city_beats_country() -> None:
    text = "They met in Turkey, in Ankara."
    mentions = [place(text, "Turkey", "Turkey", "country"), place(text, "Ankara", "Ankara")]
    assert choose(text, "met", mentions, "en") == "Ankara"


def test_hungarian_locative_ending() -> None:
    text = "Szijjártó Péter Moszkvában tárgyalt."
    mention = place(text, "Moszkvában", "Moscow")
    words = pairing_words("hu")
    assert is_locative(text, mention, at=words.at, suffixes=words.at_suffixes)
    assert choose(text, "tárgyalt", [mention], "hu") == "Moscow"


def role(text: str, surface: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, "person", "x", "X", None, "role")


def test_country_completing_a_title_is_no_place() -> None:
    text = "След срещата с министъра на финансите на Гърция Иванов каза, че е доволен."
    mentions = [role(text, "министъра на финансите"), place(text, "Гърция", "Greece", "country")]
    assert choose(text, "срещата", mentions, "bg") is None


def test_place_after_a_title_and_a_verb_still_counts() -> None:
    text = "Министърът на финансите пристигна на Кипър за срещата."
    mentions = [role(text, "Министърът на финансите"), place(text, "Кипър", "Cyprus", "country")]
    assert choose(text, "срещата", mentions, "bg") == "Cyprus"


def named(text: str, surface: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, "person", "x", "X", None, "gazetteer")


def test_place_in_an_apposition_to_a_person_is_where_they_serve() -> None:
    text = "Ministar se u petak sastao s Novakom, veleposlanikom Hrvatske u Moskvi."
    mentions = [named(text, "Novakom"), place(text, "Moskvi", "Moscow")]
    assert choose(text, "sastao", mentions, "hr") is None


def test_place_set_off_by_a_comma_without_a_title_still_counts() -> None:
    text = "Ministar se u petak sastao s Novakom, i to u Moskvi."
    mentions = [named(text, "Novakom"), place(text, "Moskvi", "Moscow")]
    assert choose(text, "sastao", mentions, "hr") == "Moscow"


def test_place_in_a_title_right_before_the_name_is_where_they_serve() -> None:
    text = "Minister spotkał się z ambasadorem Niemiec w Paryżu Hansem Müllerem."
    mentions = [named(text, "Hansem Müllerem"), place(text, "Paryżu", "Paris")]
    assert choose(text, "spotkał", mentions, "pl") is None
    kept = "Minister spotkał się w Paryżu z Hansem Müllerem."  # no title: the meeting's place
    assert choose(kept, "spotkał", [named(kept, "Hansem Müllerem"), place(kept, "Paryżu", "Paris")], "pl") == "Paris"


def test_a_place_of_a_reported_clause_after_the_trigger_is_not_the_contact_s() -> None:
    from diplowatch.model import Article
    from diplowatch.pipeline import process_article

    def where(sentence: str) -> list[str | None]:
        result = process_article(Article(id="t", text=f"date 2018-01-29\n{sentence}\n"))
        return [r.location for r in result.reports]

    said = (
        "Uczestniczący w obradach minister Konrad Szymański przypomniał, że Polacy mieszkający"
        " w Wielkiej Brytanii są chronieni."
    )
    assert where(said) == [None]
    before = "W Brukseli uczestniczący w obradach minister Konrad Szymański przypomniał, że Polacy są chronieni."
    assert where(before) == ["Brussels"]
