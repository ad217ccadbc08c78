"""Alias index over the knowledge base: name keys -> actor ids.

Two indexes: full names and aliases (every word keyed), and single surnames. Both are built
once per process from the loaded KB (lazily: nothing happens at import).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from diplowatch.kb.actors import Actor, KnowledgeBase, load_kb
from diplowatch.lang.keys import phrase_key


@dataclass
class Gazetteer:
    kb: KnowledgeBase
    full: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    max_words: int = 1

    def add(self, actor: Actor) -> None:
        for form in (actor.name, *actor.aliases):
            key = phrase_key(form)
            if not key:
                continue
            self.full[key].add(actor.id)
            words = key.split()
            self.max_words = max(self.max_words, len(words))
            if actor.kind == "person" and len(words) > 1 and len(words[-1]) >= 3:
                self.surname[words[-1]].add(actor.id)

    def lookup_full(self, key: str) -> set[str]:
        return self.full.get(key, set())

    def lookup_surname(self, key: str) -> set[str]:
        return self.surname.get(key, set()) | {
            a for a in self.full.get(key, set()) if (actor := self.kb.get(a)) and actor.kind == "person"
        }


def build_gazetteer(kb: KnowledgeBase) -> Gazetteer:
    gazetteer = Gazetteer(kb=kb)
    for actor in kb:
        gazetteer.add(actor)
    return gazetteer


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the shipped knowledge base, built on first use."""
    return build_gazetteer(load_kb())
