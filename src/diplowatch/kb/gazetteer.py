"""Alias index over every named thing the actor layer knows: people, organisations,
countries and places. Name keys (lang/keys.py) make the index script- and spelling-blind.

Indexes: ``full`` (whole names and aliases, any kind), ``surname`` (last words of people's
names), ``first_words`` (first word keys of multi-word entries, to skip hopeless spans fast),
``name_words`` and ``last_words`` (any and last word keys of multi-word entries, to drop the
candidate keys that cannot be part of one before trying their combinations),
``given`` (first names of KB people and of ``kb/data/given_names.txt``, a cue that an unknown
capitalised pair is a person), ``forms`` (every alias and alias word, case-folded, to prefer
the candidate base form that is really spelt so), ``exact`` (aliases as written: short keys
must match one exactly), ``acronyms`` (keys known only in capitals: "ОССЕ" must not match
"Още") and ``inner_words`` (lower-case words inside names: "republika", "nad").
Built once per process from the loaded KB, lazily: nothing happens at import.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from diplowatch.cache import cached, package_files
from diplowatch.kb.actors import Actor, KnowledgeBase, read_kb, user_kb_files
from diplowatch.kb.countries import country_actors
from diplowatch.kb.places import place_actors
from diplowatch.lang.keys import name_key, phrase_key
from diplowatch.lang.packs import available_languages, load_pack

_NO_IDS: frozenset[str] = frozenset()
_ROMAN = re.compile(r"[IVX]+")


@dataclass
class Gazetteer:
    kb: KnowledgeBase
    entities: dict[str, Actor] = field(default_factory=dict)
    full: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    first_words: set[str] = field(default_factory=set)
    name_words: set[str] = field(default_factory=set)
    last_words: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    short_surnames: set[str] = field(default_factory=set)  # "May", "Kim": as written in a name
    acronyms: set[str] = field(default_factory=set)
    inner_words: set[str] = field(default_factory=set)
    max_words: int = 1
    spelling: dict[str, str] = field(default_factory=dict)  # case-folded alias -> as written
    memo: dict[object, object] = field(default_factory=dict, repr=False)  # finders' lookups

    def add(self, actor: Actor) -> None:
        self.entities[actor.id] = actor
        english = actor.name.split()
        # "Abdullah II" / "Abdalla Drugi": a regnal number is no surname
        regnal = bool(english) and _ROMAN.fullmatch(english[-1]) is not None
        surname_of_name = phrase_key(english[-1]) if english else ""
        for form in (actor.name, *actor.aliases, *_feminine_forms(actor), *_schwa_forms(actor)):
            key = phrase_key(form)
            if not key:
                continue
            folded = form.casefold()
            self.forms.add(folded)
            self.forms.update(folded.split())
            self.exact.add(form)
            self.spelling.setdefault(folded, form)
            if form.isupper() and " " not in form:
                self.acronyms.add(key)
            for word in form.split()[1:]:
                if word.islower():  # "Česká republika", "Frankfurt nad Mohanem"
                    self.inner_words.add(phrase_key(word))
            self.full[key].add(actor.id)
            words = key.split()
            self.max_words = max(self.max_words, len(words))
            if len(words) > 1:
                self.first_words.add(words[0])
                self.name_words.update(words)
                self.last_words.add(words[-1])
            if actor.kind == "person" and len(words) > 1 and actor.family_first:
                if len(words[0]) >= 3:  # "Kim" (never "Xi", "Li": too like words)
                    self.surname[words[0]].add(actor.id)
                    if len(words[0]) == 3:
                        self.short_surnames.add(form.split()[0])
            elif actor.kind == "person" and len(words) > 1:
                last = words[-1]
                # "Szijjártó Péter" (Hungarian order): a first name is no surname
                first_name = last in _shipped_given() and last != surname_of_name
                # "Ferenc pápa": a last word in lower case is a title, no surname
                title = form.split()[-1].islower()
                if len(last) >= 3 and not regnal and not first_name and not title:
                    self.surname[last].add(actor.id)
                    if len(last) <= 3:
                        self.short_surnames.add(form.split()[-1])
                if len(words[0]) >= 3:
                    self.given.add(words[0])

    def lookup_full(self, key: str) -> set[str] | frozenset[str]:
        return self.full.get(key, _NO_IDS)

    def lookup_surname(self, key: str) -> set[str] | frozenset[str]:
        """People whose surname (or single-word alias) has this key."""
        found = self.surname.get(key, _NO_IDS)
        alone = {a for a in self.full.get(key, _NO_IDS) if self.entities[a].kind == "person"}
        return found | alone if alone else found

    def actor(self, actor_id: str) -> Actor:
        return self.entities[actor_id]


def _packs_names(key: str) -> list[Any]:
    """The value of ``key`` in every language pack's ``names.yaml`` that sets it."""
    return [value for code in available_languages() if (value := load_pack(code).names.get(key))]


@lru_cache(maxsize=1)
def _feminine_endings() -> tuple[str, ...]:
    """Endings some languages add to a foreign woman's surname (cs, sk: Merkel -> Merkelová),
    from the packs' ``names.yaml`` key ``foreign_feminine``."""
    return tuple(dict.fromkeys(str(e) for endings in _packs_names("foreign_feminine") for e in endings))


def _feminine_forms(actor: Actor) -> list[str]:
    """"Marianne Thyssenová" for a woman whose surname ends in a consonant; never for a man,
    so that "Babišová" (his wife) cannot become Babiš."""
    if actor.kind != "person" or actor.gender != "f":
        return []
    words = actor.name.split()
    if len(words) < 2 or not words[-1][-1:].isalpha() or words[-1][-1].lower() in "aáeéiíoóuúyý":
        return []
    return [" ".join([*words[:-1], words[-1] + ending]) for ending in _feminine_endings()]


@lru_cache(maxsize=1)
def _schwa_spellings() -> tuple[tuple[dict[str, str], re.Pattern[str]], ...]:
    """How some languages write the vowel of an English surname's last syllable (bg: Johnson ->
    Джонсън), from the packs' ``names.yaml`` key ``foreign_schwa``: the vowels with their
    spelling, and the consonants of which one or two may follow to the word's end."""
    found = []
    for data in _packs_names("foreign_schwa"):
        vowels = {str(k): str(v) for k, v in data["vowels"].items()}
        ending = re.compile(f"([{''.join(vowels)}])([{data['consonants']}]{{1,2}})$")
        found.append((vowels, ending))
    return tuple(found)


def _schwa_forms(actor: Actor) -> list[str]:
    """"Борис Джонсън" beside the alias "Борис Джонсон": aliases whose surname's last syllable
    a pack's ``foreign_schwa`` spells otherwise, so written."""
    if actor.kind != "person":
        return []
    forms = []
    for vowels, ending in _schwa_spellings():
        for alias in actor.aliases:
            words = alias.split()
            found = ending.search(words[-1]) if words and len(words[-1]) >= 4 else None
            if found:
                surname = words[-1][: found.start()] + vowels[found.group(1)] + found.group(2)
                forms.append(" ".join([*words[:-1], surname]))
    return forms


def build_gazetteer(kb: KnowledgeBase, *, extra: Iterable[Actor] | None = None) -> Gazetteer:
    """Index ``kb`` plus countries and places (or ``extra`` instead of them, for tests)."""
    gazetteer = Gazetteer(kb=kb)
    others = (
        list(extra) if extra is not None else [*country_actors().values(), *place_actors().values()]
    )
    for actor in (*others, *kb):
        gazetteer.add(actor)
    gazetteer.given.update(_shipped_given())
    # a key also spelt in lower or mixed case somewhere ("Nato") is not only an acronym
    gazetteer.acronyms -= {
        phrase_key(f) for f in gazetteer.exact if not f.isupper() and " " not in f
    }
    return gazetteer


def _shipped_given() -> frozenset[str]:
    return given_names()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Keys of the shipped common first names (whitespace-separated, # starts a comment line)."""
    path = resources.files("diplowatch.kb") / "data" / "given_names.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        name_key(w) for line in lines if not line.startswith("#") for w in line.split()
    )


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the knowledge base, built on first use or read from the cache."""
    files = [*package_files(), *user_kb_files()]
    return cached("gazetteer", files, lambda: build_gazetteer(read_kb()))
