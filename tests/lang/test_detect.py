"""Language identification: the vectorised scorer must rank exactly as py3langid's own walk does."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from py3langid import langid

from diplowatch.ingest.clean import clean_paragraphs
from diplowatch.ingest.readers import read_inputs
from diplowatch.lang.detect import MIN_CHARS, _adjust, _by_cue_words, _encode, _model, detect_language
from diplowatch.lang.packs import available_languages
from diplowatch.model import Article

# Written for these tests: one news-style sentence per language.
SENTENCES = {
    "en": "The foreign minister said on Tuesday that the talks with his counterpart would continue next week.",
    "de": "Der Außenminister sagte am Dienstag, dass die Gespräche mit seinem Amtskollegen bald weitergehen.",
    "pl": "Minister spraw zagranicznych powiedział we wtorek, że rozmowy z jego odpowiednikiem będą kontynuowane.",
    "cs": "Ministr zahraničí v úterý řekl, že rozhovory s jeho protějškem budou pokračovat příští týden.",
    "hu": "A külügyminiszter kedden azt mondta, hogy a tárgyalások a jövő héten folytatódnak a fővárosban.",
    "ru": "Министр иностранных дел заявил во вторник, что переговоры с его коллегой продолжатся на этой неделе.",
    "uk": "Міністр закордонних справ заявив у вівторок, що переговори з його колегою триватимуть наступного тижня.",
    "bg": "Външният министър заяви във вторник, че разговорите с неговия колега ще продължат следващата седмица.",
    "sr": "Министар спољних послова рекао је у уторак да ће се разговори са његовим колегом наставити.",
    "mk": "Министерот за надворешни работи изјави во вторник дека разговорите со колегата ќе продолжат.",
}

EDGE_CASES = [
    "",
    "a",
    "ab",
    "Ћ",
    "abcde",
    "\U0001f600 emoji only \U0001f600",
    "ALL CAPS HEADLINE ABOUT A VISIT TO BELGRADE AND SARAJEVO",
    "Mixed: Vučić spoke with Путин and Szijjártó in Будимпешта.",
    "12.03.2025 17:45 | 1,234 | https://example.org/a/b?c=d",
]


def _texts() -> list[str]:
    sentences = list(SENTENCES.values())
    return EDGE_CASES + sentences + [s[:n] for s in sentences for n in (5, 6, 7, 41)] + [" ".join(sentences)]


@pytest.fixture(scope="module")
def reference() -> langid.LanguageIdentifier:
    """py3langid's own identifier, restricted to our languages as detect.py's model is."""
    identifier = langid._load_identifier(norm_probs=True)
    known = set(identifier.nb_classes)
    identifier.set_languages([code for code in available_languages() if code in known])
    return identifier


@pytest.mark.parametrize("text", _texts())
def test_features_are_those_of_the_per_byte_walk(text: str, reference: langid.LanguageIdentifier) -> None:
    data = _encode(text)
    walked = langid.visit_counts(reference.tk_nextmove, reference._rowbase, reference.tk_output, data)
    model = _model()
    found = model._features(data)
    assert len(found) == len(data)
    assert Counter(found[found != model.no_feature].tolist()) == (walked or Counter())


@pytest.mark.parametrize("text", _texts())
def test_rank_is_py3langids(text: str, reference: langid.LanguageIdentifier) -> None:
    expected = reference.rank(text)
    ranked = _model().rank(text)
    assert {code for code, _ in ranked} == {code for code, _ in expected}
    assert [code for code, p in ranked if p > 1e-6] == [code for code, p in expected if p > 1e-6]
    assert dict(ranked) == pytest.approx(dict(expected), abs=1e-4)


@pytest.mark.parametrize(("lang", "sentence"), sorted(SENTENCES.items()))
def test_sentence_languages(lang: str, sentence: str) -> None:
    assert detect_language(sentence) == lang


def test_short_text_keeps_the_hint() -> None:
    assert detect_language("Kratko.", hint="hr") == "hr"
    assert detect_language(" " * 100) is None
    assert len("Kratko.") < MIN_CHARS


def test_real_news_decisions_are_unchanged(shared: Path, reference: langid.LanguageIdentifier) -> None:
    """On real articles the decision equals the one made from py3langid's own ranking."""
    folders = sorted((shared / "bsnlp").glob("*/raw/*"))
    if not folders:
        pytest.skip("no BSNLP raw texts in ../shared")
    samples = []
    for folder in folders:
        for article in list(read_inputs([folder]))[:4]:
            if isinstance(article, Article):
                body = "\n".join(article.text[p.start : p.end] for p in clean_paragraphs(article.text) if p.kept)
                samples.append(body[:600])
    assert len(samples) > 20
    for sample in samples:
        assert detect_language(sample) == _adjust(sample, reference.rank(sample))


# Self-written paragraphs in the three close languages the model confuses on short samples.
_CLOSE = {
    "hr": "Glasnogovornik vlade rekao je da će se premijer u studenome sastati s veleposlanikom i "
    "izaslanstvom tvrtke iz Njemačke, a ministri su tijekom tjedna razgovarali o suradnji.",
    "sr": "Ministar spoljnih poslova saopštio je da će delegacija posetiti Beograd u sredu, gde će "
    "razgovarati o snabdevanju gasom, a predsednik će se posle toga obratiti javnosti.",
    "bs": "Ministrica je saopćenje objavila nakon sastanka, a delegacija će sljedeće sedmice "
    "doputovati u Sarajevo na razgovore o historijskoj saradnji dvije zemlje.",
}


@pytest.mark.parametrize("lang", sorted(_CLOSE))
def test_cue_words_settle_close_languages(lang: str) -> None:
    text = _CLOSE[lang]
    assert detect_language(text) == lang
    for best in _CLOSE:  # whichever of the three the model ranks first, the cue words decide
        assert _by_cue_words(text, best, [best, *(c for c in _CLOSE if c != best)]) == lang


def test_cue_words_only_decide_between_close_languages() -> None:
    slovene = "Predsednik vlade se je sestal z ministrom, ki je povedal, da bo sodelovanje dobro."
    assert _by_cue_words(slovene, "sl", ["sl", "sr", "hr"]) == "sl"  # "predsednik" is no Serbian cue here
