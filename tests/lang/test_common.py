"""Common-word check of lang/common.py (simplemma dictionaries) on self-chosen words."""

from __future__ import annotations

from diplowatch.lang.common import has_dictionary, is_common_word


def test_dictionary_words_are_common_and_foreign_names_are_not() -> None:
    assert is_common_word("Soud", "cs")
    assert is_common_word("Съд", "bg")
    assert not is_common_word("Kabuliová", "cs")
    assert not is_common_word("Кабули", "bg")


def test_a_word_whose_lemma_is_a_proper_name_is_not_common() -> None:
    # cs "Asii" is a form of the continent's name "Asie", not of a common word.
    assert not is_common_word("Asii", "cs")


def test_latin_words_are_also_checked_in_english() -> None:
    assert is_common_word("Foundation", "bg")


def test_languages_share_or_lack_a_dictionary() -> None:
    assert has_dictionary("hr") and has_dictionary("sr")
    assert not has_dictionary(None) and not is_common_word("Soud", None)
