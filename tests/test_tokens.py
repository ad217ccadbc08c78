"""Words of sentences: offsets, case flags and the split of one article pass into sentences."""

from __future__ import annotations

from diplowatch.extract.tokens import sentence_words
from diplowatch.lang.segment import split_sentences
from diplowatch.model import Paragraph, Sentence


def _sentences(text: str, *pieces: str) -> list[Sentence]:
    found, at = [], 0
    for piece in pieces:
        start = text.index(piece, at)
        found.append(Sentence(start, start + len(piece), 0))
        at = start + len(piece)
    return found


def test_offsets_point_at_the_words_of_each_sentence() -> None:
    text = "Nav junk\n\nPutin met O'Leary in the U.S. on 12 March. Путин позвонил Си Цзиньпину.\n\nEnd"
    sents = _sentences(text, "Putin met O'Leary in the U.S. on 12 March.", "Путин позвонил Си Цзиньпину.")
    first, second = sentence_words(text, sents)
    assert first.word == ["Putin", "met", "O'Leary", "in", "the", "U.S", "on", "March"]
    assert second.word == ["Путин", "позвонил", "Си", "Цзиньпину"]
    for words in (first, second):
        assert [text[s:e] for s, e in zip(words.start, words.end, strict=True)] == words.word
        assert words.lower == [w.lower() for w in words.word]
    assert first.cap == [True, False, True, False, False, True, False, True]
    assert first.gap[0] == "" and first.gap[1] == " " and first.gap[7] == " 12 "


def test_gap_of_a_first_word_is_measured_from_its_sentence() -> None:
    text = "One two. «Three four»"
    sents = _sentences(text, "One two.", "«Three four»")
    _, second = sentence_words(text, sents)
    assert second.word == ["Three", "four"] and second.gap == ["«", " "]


def test_sentences_without_words_and_no_sentences() -> None:
    text = "2025. Ana je prišla."
    empty, full = sentence_words(text, _sentences(text, "2025.", "Ana je prišla."))
    assert len(empty) == 0 and empty.word == [] and empty.gap == []
    assert full.word == ["Ana", "je", "prišla"]
    assert sentence_words(text, []) == []


def test_a_word_glued_over_a_sentence_end_is_cut_there() -> None:
    text = "Govoril je Janez Kureši.Islamisti so grozili."
    sentences = split_sentences(text, [Paragraph(0, len(text), "body")], lang="sl")
    first, second = sentence_words(text, sentences)
    assert first.word[-1] == "Kureši" and text[first.start[-1] : first.end[-1]] == "Kureši"
    assert second.word[0] == "Islamisti" and second.start[0] == text.index("Islamisti")
