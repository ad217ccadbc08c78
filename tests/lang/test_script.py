"""The pipeline's script test (a third of the letters Cyrillic) counted on UTF-8 bytes."""

from __future__ import annotations

import random

import pytest

from diplowatch.pipeline import _script


def _cyrillic_share(text: str) -> str:
    """The definition, letter by letter."""
    cyrillic = sum(1 for char in text if "\u0400" <= char <= "\u04ff")
    return "Cyrl" if cyrillic * 3 > len(text) else "Latn"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("", "Latn"),
        ("Vučić je v torek govoril z Orbánom.", "Latn"),
        ("Вучић је у уторак разговарао са Орбаном.", "Cyrl"),
        ("Вучић said it", "Cyrl"),
        ("Вучић said it again", "Latn"),
        ("Ѐ\u04ff", "Cyrl"),
        ("\u03ff\u0500\u0500", "Latn"),  # the neighbours of the Cyrillic block
    ],
)
def test_script(text: str, script: str) -> None:
    assert _script(text) == script == _cyrillic_share(text)


def test_script_agrees_with_the_definition_on_mixed_strings() -> None:
    rng = random.Random(7)
    alphabet = "ab čšž őé ЀЁЂабвщъыјљ ӀӿԀ\u03ff\u0500—\ud800\n\U0001f600"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        assert _script(text) == _cyrillic_share(text), repr(text)
