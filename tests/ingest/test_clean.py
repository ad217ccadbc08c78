"""The cleaner drops junk and repeats, keeps every article paragraph, and never moves offsets."""

from __future__ import annotations

import random
import re
import unicodedata

from diplowatch.ingest.clean import _SeenLines, clean_paragraphs, split_paragraphs

# Self-written page in the shape of a scraped Slovenian news site.
PAGE = """date 2025-03-04 Novice Šport Kultura Vreme Horoskop Kontakt Oglasi Naročnina Prijava Iskanje
Janez Novak
Janez Novak
Torek, 4. 3. 2025, 10.15
Zunanja ministrica se je sestala s kolegom iz Avstrije

Zunanja ministrica Tanja Fajon se je v torek v Ljubljani sestala z avstrijsko kolegico.
![Ministrici na srečanju](https://example.org/slika.jpg)
Foto: STA
Pogovarjali sta se o energetski povezavi in o meji.
Zunanja ministrica Tanja Fajon se je v torek v Ljubljani sestala z avstrijsko kolegico.
Na sliki: ministrici pred stavbo ministrstva.
Deli:
Komentarji (3)
Premier se je sestal s kmeti
Vlada je včeraj sprejela nov sveženj ukrepov.
"""


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, text[p.start : p.end]) for p in clean_paragraphs(text)]


def test_junk_is_labelled_and_article_paragraphs_are_kept() -> None:
    kinds = _kinds(PAGE)
    labels = dict((line, kind) for kind, line in reversed(kinds))
    assert labels["date 2025-03-04"] == "header"
    assert labels["Novice Šport Kultura Vreme Horoskop Kontakt Oglasi Naročnina Prijava Iskanje"] == "nav"
    assert labels["Janez Novak"] == "byline"
    assert labels["Torek, 4. 3. 2025, 10.15"] == "dateline"
    assert labels["![Ministrici na srečanju](https://example.org/slika.jpg)"] == "image"
    assert labels["Foto: STA"] == "credit"
    assert labels["Na sliki: ministrici pred stavbo ministrstva."] == "caption"
    body = [line for kind, line in kinds if kind == "body"]
    assert body == [
        "Zunanja ministrica se je sestala s kolegom iz Avstrije",
        "Zunanja ministrica Tanja Fajon se je v torek v Ljubljani sestala z avstrijsko kolegico.",
        "Pogovarjali sta se o energetski povezavi in o meji.",
    ]


def test_repeated_paragraph_is_a_duplicate_and_first_copy_stays() -> None:
    kinds = _kinds(PAGE)
    repeated = "Zunanja ministrica Tanja Fajon se je v torek v Ljubljani sestala z avstrijsko kolegico."
    assert [k for k, line in kinds if line == repeated] == ["body", "duplicate"]


def test_everything_after_the_share_widget_is_teaser() -> None:
    kinds = _kinds(PAGE)
    assert ("widget", "Deli:") in kinds
    assert ("teaser", "Premier se je sestal s kmeti") in kinds
    assert ("teaser", "Vlada je včeraj sprejela nov sveženj ukrepov.") in kinds


def test_header_sharing_a_line_with_the_lead_keeps_the_lead() -> None:
    text = "date 2024-11 Predsednik vlade je danes obiskal Zagreb, kjer se je sestal s kolegom.\n"
    kinds = _kinds(text)
    assert kinds == [
        ("header", "date 2024-11"),
        ("body", "Predsednik vlade je danes obiskal Zagreb, kjer se je sestal s kolegom."),
    ]


def test_offsets_round_trip_into_the_original_text() -> None:
    text = "\ufeff  Prvi odstavek članka.  \r\n\n\tDrugi odstavek z več besedami.\n"
    for para in clean_paragraphs(text):
        segment = text[para.start : para.end]
        assert segment == segment.strip()
        assert segment in ("Prvi odstavek članka.", "Drugi odstavek z več besedami.")


def test_no_real_paragraph_is_dropped_from_a_plain_article() -> None:
    text = (
        "Hungarian Foreign Minister Péter Szijjártó met his Serbian counterpart in Belgrade on Monday.\n"
        "The two ministers discussed the new oil pipeline.\n"
        "Talks will continue next month, the ministry said.\n"
    )
    assert all(p.kind == "body" for p in clean_paragraphs(text))


def test_lines_with_the_same_words_are_duplicates_whatever_their_case_or_punctuation() -> None:
    text = (
        "Ministra sta se sestala v Rimu, 12. maja 2025.\n"
        "MINISTRA sta se sestala v Rimu 12 maja 2025\n"
        "Ministra sta se sestala v Rimu, 21. maja 2025.\n"
        "Ministra sta se sestala – v Rimu (12. maja 2025)!\n"
    )
    assert [p.kind for p in clean_paragraphs(text)] == ["body", "duplicate", "body", "duplicate"]


def _plain_repeats(lines: list[str]) -> list[bool]:
    """The duplicate test without shortcuts: NFKC, case-folded, non-word runs as one space."""
    seen: set[str] = set()
    repeats = []
    for line in lines:
        key = re.sub(r"\W+", " ", unicodedata.normalize("NFKC", line).casefold()).strip()
        repeats.append(key in seen)
        seen.add(key)
    return repeats


def test_seen_lines_find_the_repeats_the_plain_key_finds() -> None:
    rng = random.Random(5)
    words = ["Rim", "rim", "RIM", "maja", "2025", "12", "21", "ﬁ", "fi", "Straße", "STRASSE", "а", "А", "е"]
    for _ in range(300):
        lines = [
            rng.choice(["", "(", "– "]).join(rng.choice(words) + rng.choice([" ", ", ", ". ", "-"]) for _ in range(3))
            for _ in range(rng.randint(1, 12))
        ]
        seen = _SeenLines()
        assert [seen.add(line) for line in lines] == _plain_repeats(lines), lines


def test_split_paragraphs_trims_each_line_like_str_strip() -> None:
    blank = " \t\f\v\r\u00a0\ufeff\u200b"
    rng = random.Random(9)
    pieces = [*blank, "\n", "\n\n", "a", "bc", " x ", "\u2009", "\u3000"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        expected, at = [], 0
        for line in text.split("\n"):
            if line.strip(blank):
                start = at + len(line) - len(line.lstrip(blank))
                expected.append((start, start + len(line.strip(blank))))
            at += len(line) + 1
        assert split_paragraphs(text) == expected, repr(text)
