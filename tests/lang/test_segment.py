"""Sentence boundaries: where a sentence ends, and where a dot does not end one."""

from __future__ import annotations

import random
import re

from diplowatch.lang.common import is_own_word
from diplowatch.lang.segment import _abbreviations, split_sentences
from diplowatch.model import Paragraph


def _sentences(text: str, lang: str | None = "en") -> list[str]:
    paragraphs = [Paragraph(0, len(text), "body")]
    return [text[s.start : s.end] for s in split_sentences(text, paragraphs, lang=lang)]


def test_ends_at_punctuation_before_a_capital_digit_or_quote() -> None:
    text = 'The talks ended. 12 aides stayed! "Why?" she asked. Was it late? Yes.'
    assert _sentences(text) == ["The talks ended.", "12 aides stayed!", '"Why?" she asked.', "Was it late?", "Yes."]


def test_no_end_after_ordinals_initials_abbreviations_or_before_lower_case() -> None:
    assert _sentences("Na 20. Kongresu je govoril dr. Novak z J. D. Kovačem. Potem so odšli.", "sl") == [
        "Na 20. Kongresu je govoril dr. Novak z J. D. Kovačem.",
        "Potem so odšli.",
    ]
    assert _sentences("The figure was 3.5 percent, i.e. a rise. Then it fell.") == [
        "The figure was 3.5 percent, i.e. a rise.",
        "Then it fell.",
    ]


def test_a_unit_after_a_number_ends_a_sentence_before_a_common_word() -> None:
    assert _sentences("Umowa obowiązuje po 2020 r. Na początku marca Tusk ją odrzucił.", "pl") == [
        "Umowa obowiązuje po 2020 r.",
        "Na początku marca Tusk ją odrzucił.",
    ]
    assert _sentences("W 2020 r. Donald Tusk odrzucił plan.", "pl") == ["W 2020 r. Donald Tusk odrzucił plan."]
    assert _sentences("До 2020 г. В Москве так считали.", "ru") == ["До 2020 г.", "В Москве так считали."]


def test_a_lost_space_between_sentences_is_still_a_boundary() -> None:
    assert _sentences("Govoril je v Otavi.Danes je ministrstvo sporočilo.", "sl") == [
        "Govoril je v Otavi.",
        "Danes je ministrstvo sporočilo.",
    ]
    # not in host names or after initials
    assert _sentences("See www.Example.com and U.S.Aid today.") == ["See www.Example.com and U.S.Aid today."]


def test_initial_after_a_non_breaking_space_is_not_an_end() -> None:
    assert _sentences("Talks with\u00a0A. Novak went on. They ended late.") == [
        "Talks with\u00a0A. Novak went on.",
        "They ended late.",
    ]


def test_only_kept_paragraphs_are_split() -> None:
    text = "Menu Home News.\nThe minister came. She spoke."
    paragraphs = [Paragraph(0, 15, "nav"), Paragraph(16, len(text), "body")]
    found = [(text[s.start : s.end], s.paragraph) for s in split_sentences(text, paragraphs, lang="en")]
    assert found == [("The minister came.", 1), ("She spoke.", 1)]


def _plain_split(text: str, lang: str) -> list[tuple[int, int]]:
    """The rules spelled out directly: the token before the dot by a regex over the window."""
    spans, start = [], 0
    spaced = re.finditer(r"([.!?…]+[\"”»’)]*)\s+(?=[\"„“«‘(]?[\w\"„“«])", text)
    glued = [
        m
        for m in re.finditer(r"(?<=\w)([.!?…]+[\"”»’)]*)(?=([^\W\d_]+))", text)
        if m.start() >= 2 and text[m.start() - 1].islower() and text[m.start() - 2].isalpha()
        and m.group(2)[0].isupper() and len(m.group(2)) > 1 and m.group(2)[1].islower()
        and (m.end(2) == len(text) or text[m.end(2)].isspace() or text[m.end(2)] in ",;:!?")
    ]
    for match in sorted([*spaced, *glued], key=lambda m: m.start()):
        dot, after = match.start(1), match.end()
        next_char = text[after] if after < len(text) else ""
        before = re.search(r"(\S+)$", text[max(0, dot - 40) : dot + 1])
        token = before.group(1).rstrip('.!?…"”»’)') if before else ""
        ends = next_char.isupper() or next_char.isdigit() or next_char in '"„“«‘('
        if text[dot] == "." and (
            token.isdigit() or (len(token) == 1 and token.isalpha()) or token.casefold() in _abbreviations(lang)
        ):
            ends = False
        number_unit = re.search(r"(?:^|\s)\d+\s+(\S+)$", text[max(0, dot - 40) : dot + 1])
        if ends is False and number_unit and number_unit.group(1).rstrip(".").casefold() in _abbreviations(lang):
            word = re.match(r"[^\W\d_]+", text[after:])  # a unit after a number, then a common word
            ends = next_char.isupper() and word is not None and is_own_word(word.group(), lang)
        if ends:
            spans.append((start, match.end(1)))
            start = after
    return [*spans, (start, len(text))] if start < len(text) else spans


def test_splits_like_the_plain_rules_on_mixed_text() -> None:
    pieces = ["A", "b", "Dr", "dr", "12", "3", "x" * 45, "a" + "1" * 30, "I", "Ž", "„Kdo", "(Hina)"]
    pieces += [" ", "\u00a0", "\t"]
    pieces += [".", ". ", "! ", "? ", "… ", '." ', "). ", "...", " "]
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))).strip() or "x"
        found = [(s.start, s.end) for s in split_sentences(text, [Paragraph(0, len(text), "body")], lang="sl")]
        assert found == _plain_split(text, "sl"), repr(text)
