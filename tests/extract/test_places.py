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
