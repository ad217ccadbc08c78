"""The fast paths of name and date matching give what the plain versions give.

Each shortcut (date words as a trie, suffix rules indexed by ending, key combinations filtered
before joining) replaced a straightforward loop; these compare both on many inputs.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from diplowatch.extract import mentions
from diplowatch.lang.dates import _alternation
from diplowatch.lang.names import _matching_rules, suffix_rules
from diplowatch.lang.packs import available_languages


def _plain(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@pytest.mark.parametrize(
    "forms",
    [
        ["jan", "januar", "januarja", "junij", "julij", "jul"],
        ["мая", "май", "марта", "март", "ма"],
        ["last week", "last", "la", "this week"],
    ],
)
def test_trie_matches_like_the_sorted_alternation(forms: list[str]) -> None:
    trie = re.compile(rf"(?<!\w)({_alternation(forms)})(\w*)", re.I)
    plain = re.compile(rf"(?<!\w)({_plain(forms)})(\w*)", re.I)
    rng = random.Random(3)
    pieces = [*forms, " ", "x", "Jan", "JULI", "Март", "week"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert [m.groups() for m in trie.finditer(text)] == [
            m.groups() for m in plain.finditer(text)
        ], text


def test_alternation_keeps_the_plain_form_when_letters_fold_together() -> None:
    assert _alternation(["ſa", "sa"]) == _plain(["ſa", "sa"])  # long s equals s ignoring case


@pytest.mark.parametrize("lang", sorted(available_languages()))
def test_matching_rules_are_the_rules_the_word_ends_with(lang: str) -> None:
    rules = suffix_rules(lang)
    words = ["putina", "lavrovval", "rubiem", "a", "", "ivanovom", "путина", "novaka"]
    words += [e for e, _ in rules] + ["x" + e for e, _ in rules]
    for word in words:
        assert _matching_rules(word, lang) == [r for r in rules if word.endswith(r[0])]


class _Words:
    def __init__(self, rng: random.Random) -> None:
        self.first_words = set(rng.sample("abcdefgh", rng.randint(0, 8)))
        self.name_words = set(rng.sample("abcdefgh", rng.randint(0, 8))) | self.first_words
        self.last_words = set(rng.sample(sorted(self.name_words), rng.randint(0, len(self.name_words))))


def test_combinations_are_the_first_of_the_product_that_can_hit() -> None:
    rng = random.Random(1)
    for _ in range(2000):
        n = rng.randint(2, 4)
        options = [
            tuple((rng.choice("abcdefgh"), str(j)) for j in range(rng.randint(1, 9)))
            for _ in range(n)
        ]
        words = _Words(rng)
        places = [words.first_words] + [words.name_words] * (n - 2) + [words.last_words]
        expected = [
            combo
            for combo in itertools.islice(itertools.product(*options), mentions._MAX_PRODUCT)
            if all(k in place for (k, _), place in zip(combo, places, strict=True))
        ]
        assert list(mentions._combinations(options, words)) == expected  # type: ignore[arg-type]
