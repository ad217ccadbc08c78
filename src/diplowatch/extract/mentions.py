"""Find actor mentions: runs of capitalised words matched against the gazetteer.

Inflected forms are undone with the language pack's ``names.yaml`` suffix rules, which propose
candidate base forms ("Rubiem" -> Rubio, "Lavrovval" -> Lavrov); the gazetteer decides which
candidate is a real actor. Where a surname fits several actors, a full-name mention elsewhere
in the article, then a role held at the publication date, picks one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from diplowatch.kb.gazetteer import Gazetteer
from diplowatch.lang.keys import name_key
from diplowatch.lang.packs import available_languages, load_pack
from diplowatch.model import Mention, Sentence

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_JOINER = re.compile(r"^[ \t]+$")  # only plain spaces may join words of one name


@lru_cache(maxsize=None)
def _suffix_rules(lang: str | None) -> tuple[tuple[str, str], ...]:
    """(ending, replacement) pairs, longest ending first."""
    if lang is None or lang not in available_languages():
        return ()
    pack = load_pack(lang)
    rules = [tuple(r) for r in pack.names.get("suffixes", [])]
    if pack.fallback and not rules:
        rules = [tuple(r) for r in load_pack(pack.fallback).names.get("suffixes", [])]
    return tuple(sorted(((str(a), str(b)) for a, b in rules), key=lambda r: -len(r[0])))


def base_candidates(word: str, lang: str | None) -> list[str]:
    """Possible nominative forms of ``word``, the word itself first."""
    candidates = [word]
    lower = word.lower()
    for ending, replacement in _suffix_rules(lang):
        if lower.endswith(ending) and len(word) - len(ending) >= 2:
            candidates.append(word[: len(word) - len(ending)] + replacement)
    return list(dict.fromkeys(candidates))


def _runs(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words within [start, end) as lists of (start, end)."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        if not word[0].isupper():
            if current:
                runs.append(current)
            current = []
            continue
        if current and not _JOINER.match(text[current[-1][1] : match.start()]):
            runs.append(current)
            current = []
        current.append(match.span())
    if current:
        runs.append(current)
    return runs


def _match_span(
    words: Sequence[str], gazetteer: Gazetteer, lang: str | None
) -> tuple[set[str], str] | None:
    """Actor ids for a word sequence (full-name match), or for a lone surname."""
    options = [[name_key(c) for c in base_candidates(w, lang)] for w in words]
    if len(words) > 1:
        for combo in itertools.islice(itertools.product(*options), 64):
            ids = gazetteer.lookup_full(" ".join(combo))
            if ids:
                return ids, "gazetteer.full"
        return None
    for key in options[0]:
        ids = gazetteer.lookup_surname(key) or gazetteer.lookup_full(key)
        if ids:
            return ids, "gazetteer.surname"
    return None


def find_mentions(
    text: str,
    sentences: Sequence[Sentence],
    *,
    lang: str | None,
    gazetteer: Gazetteer,
    when: str | None = None,
) -> list[Mention]:
    """Known actors named in the sentences, longest match first, ambiguity settled per article."""
    raw: list[tuple[int, int, set[str], str]] = []
    for sent in sentences:
        for run in _runs(text, sent.start, sent.end):
            i = 0
            while i < len(run):
                for j in range(min(len(run), i + gazetteer.max_words), i, -1):
                    words = [text[s:e] for s, e in run[i:j]]
                    found = _match_span(words, gazetteer, lang)
                    if found:
                        raw.append((run[i][0], run[j - 1][1], *found))
                        i = j
                        break
                else:
                    i += 1
    resolved_unique = {next(iter(ids)) for _, _, ids, _ in raw if len(ids) == 1}
    mentions = []
    for start, end, ids, rule in raw:
        actor_id = _choose(ids, resolved_unique, gazetteer, when)
        if actor_id is None:
            continue
        actor = gazetteer.kb.actors[actor_id]
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                kind=actor.kind,
                actor_id=actor.id,
                name=actor.name,
                country=actor.country,
                rule=rule,
                confidence=0.9 if rule == "gazetteer.full" else 0.75,
            )
        )
    return mentions


def _choose(ids: set[str], elsewhere: set[str], gazetteer: Gazetteer, when: str | None) -> str | None:
    if len(ids) == 1:
        return next(iter(ids))
    named = ids & elsewhere
    if len(named) == 1:
        return next(iter(named))
    active = [a for a in sorted(ids) if gazetteer.kb.actors[a].roles_at(when)]
    if len(active) == 1:
        return active[0]
    return None
