"""Every language pack: its files follow the schema and its examples.yaml passes.

``examples.yaml`` is the executable spec of a language (lexicons/README.md): self-written
sentences with the triggers, status and dates the extractors must find in them. Parametrised
over ``available_languages()``, so a new language folder is tested without editing this file.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from diplowatch.extract.status import CUE_KEYS, find_status
from diplowatch.extract.triggers import compile_triggers, find_triggers
from diplowatch.lang.dates import RELATIVE_KINDS, find_dates
from diplowatch.lang.packs import available_languages, load_pack, load_pack_chain
from diplowatch.model import MODES, STATUSES, PubDate

LANGS = available_languages()
REQUIRED = {
    "sl",
    "hr",
    "bs",
    "sr",
    "me",
    "mk",
    "bg",
    "hu",
    "ru",
    "uk",
    "pl",
    "cs",
    "sk",
    "en",
    "de",
}
PAIRING_KEYS = {
    "he",
    "she",
    "was_he",
    "was_she",
    "past_he",
    "past_she",
    "infinitive",
    "past_aux",
    "journalist",
    "and",
    "between",
    "between_after_names",
    "with",
    "relative",
    "relative_subject",
    "according_to",
    "according_to_after_names",
    "said",
    "at",
    "at_suffixes",
    "to",
    "to_suffixes",
    "by",
    "that",
    "during",
}


def _examples(lang: str) -> list[dict[str, Any]]:
    return list(load_pack(lang).examples.get("examples") or [])


def test_all_required_languages_have_packs() -> None:
    assert set(LANGS) >= REQUIRED


@pytest.mark.parametrize("lang", LANGS)
def test_language_yaml(lang: str) -> None:
    pack = load_pack(lang)
    assert pack.language["code"] == lang
    assert pack.language.get("name")
    assert pack.language.get("sources"), "language.yaml needs a sources note"
    if pack.fallback:
        assert pack.fallback in LANGS and pack.fallback != lang


@pytest.mark.parametrize("lang", LANGS)
def test_triggers_yaml(lang: str) -> None:
    data = load_pack(lang).triggers
    for key, value in data.items():
        if key in ("setting", "not_contact", "time_reference", "process"):
            assert all(isinstance(p, str) for p in value)
            continue
        if key == "pairing":
            assert set(value) <= PAIRING_KEYS, f"unknown pairing keys {set(value) - PAIRING_KEYS}"
            continue
        assert key in MODES, f"unknown mode {key!r}"
        for item in value:
            pattern = item if isinstance(item, str) else item["pattern"]
            re.compile(pattern)
            if isinstance(item, dict):
                assert item.get("status") in STATUSES
    chain_modes = {k for p in load_pack_chain(lang) for k in p.triggers if k in MODES}
    assert chain_modes >= {"phone", "meet", "visit"}, "a language needs phone, meet and visit"
    assert compile_triggers(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_status_yaml(lang: str) -> None:
    data = load_pack(lang).status
    assert set(data) <= set(CUE_KEYS), f"unknown keys {set(data) - set(CUE_KEYS)}"
    for patterns in data.values():
        for pattern in patterns:
            re.compile(pattern)


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_yaml(lang: str) -> None:
    data = load_pack(lang).calendar
    assert set(data) <= {"months", "weekdays", "relative", "next", "span"}
    assert set(data.get("months") or {}) <= set(range(1, 13))
    assert set(data.get("weekdays") or {}) <= set(range(1, 8))
    kinds = set(RELATIVE_KINDS)
    assert set(data.get("relative") or {}) <= kinds
    if not load_pack(lang).fallback:
        assert len(data.get("months") or {}) == 12


@pytest.mark.parametrize("lang", LANGS)
def test_examples_exist(lang: str) -> None:
    assert len(_examples(lang)) >= 3, "write at least three examples per language"


CASES = [(lang, i) for lang in LANGS for i in range(len(_examples(lang)))]


@pytest.mark.parametrize(("lang", "index"), CASES)
def test_example(lang: str, index: int) -> None:
    example = _examples(lang)[index]
    text = example["text"]
    published = (
        PubDate(str(example["published"]), "metadata")
        if example.get("published")
        else PubDate(None, "none")
    )
    triggers = find_triggers(text, 0, len(text), lang=lang)
    if "triggers" in example:
        assert [[t.text, t.mode] for t in triggers] == example["triggers"]
    status = "occurred"
    if triggers:
        cue = find_status(
            text, 0, len(text), triggers[0].start, lang=lang, trigger_status=triggers[0].status
        )
        status = cue.status
        if "evidential" in example:
            assert cue.evidential == example["evidential"]
    if "status" in example:
        assert status == example["status"]
    if "dates" in example:
        dates = find_dates(
            text, 0, len(text), lang=lang, published=published, future=status == "planned"
        )
        assert [[text[d.start : d.end], d.value] for d in dates] == [
            [s, str(v)] for s, v in example["dates"]
        ]
