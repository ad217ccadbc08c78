"""Nouns for a nation's people found from the country's name and the language's endings."""

from __future__ import annotations

import pytest

from diplowatch.extract.nations import nation_noun


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Kitajcev", ("CHN", "Kitajci")),
        ("Švedi", ("SWE", "Švedi")),
        ("Italijanov", ("ITA", "Italijani")),
        ("Pakistanci", ("PAK", "Pakistanci")),
    ],
)
def test_a_noun_for_a_nation_is_found_with_its_country(word: str, expected: tuple[str, str]) -> None:
    assert nation_noun(word, "sl") == expected


@pytest.mark.parametrize("word", ["Kitajski", "Švedska", "Indiji", "kitajci", "Novak"])
def test_adjectives_country_names_and_other_words_are_no_nation_nouns(word: str) -> None:
    """An adjective, a form of the country's name, a lower-case word or a surname."""
    assert nation_noun(word, "sl") is None


def test_a_language_without_nation_endings_finds_none() -> None:
    assert nation_noun("Kitajci", "en") is None
