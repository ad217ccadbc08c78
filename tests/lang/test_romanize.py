"""Unknown Cyrillic names are written in Latin by their language's own romanisation."""

from __future__ import annotations

import pytest

from diplowatch.lang.romanize import romanize


@pytest.mark.parametrize(
    ("name", "lang", "latin"),
    [
        ("Йорданка Фандъкова", "bg", "Yordanka Fandakova"),  # ъ -> a, not an apostrophe
        ("Щерю Щерев", "bg", "Shteryu Shterev"),
        ("Евгений Хабаров", "ru", "Yevgeniy Khabarov"),  # initial е -> ye, х -> kh
        ("Олексій Гончаренко", "uk", "Oleksii Honcharenko"),  # г -> h
        ("Юрій Єхануров", "uk", "Yurii Yekhanurov"),  # word-initial ю, є
        ("Ивица Дачић", "sr", "Ivica Dačić"),
        ("Janez Novak", "sl", "Janez Novak"),  # no table: as written
        ("Janez Novak", "bg", "Janez Novak"),  # already Latin
    ],
)
def test_romanize(name: str, lang: str, latin: str) -> None:
    assert romanize(name, lang) == latin
