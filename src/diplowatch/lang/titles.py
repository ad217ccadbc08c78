"""Role titles from each pack's ``titles.yaml``, compiled into a token matcher.

A pattern is a word sequence; a word ending in ``*`` matches any word starting with it
(zunanj* -> zunanji, zunanjega); ``not`` lists words (or stems with ``*``) that only look like
titles ("ministrstvo", plural "ministri"), ``bodies`` phrases in which the title word is a
plural though alone it may be a singular form ("przywódcy krajów"), ``female`` lists stems
that make a title female ("ministric*"), so it only refers back to a woman. Patterns are indexed by their first word,
exact words in a dict and stems by length, so matching a token costs a few dict lookups
(no regex per token).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, compress

from diplowatch.lang.memo import lookup_all
from diplowatch.lang.packs import available_languages, load_pack

_SPLIT = re.compile(r"[\s\-‐–]+")


@dataclass(frozen=True, slots=True)
class TitlePattern:
    words: tuple[tuple[str, bool], ...]  # (lower-case word or stem, is_stem)
    role: str  # a role id, "plural" (several people named before), "cue" (precedes a name)
    # or "body" (a title phrase for a body of people, no one person: "przywódcy krajów")


@dataclass(frozen=True, slots=True)
class TitleMatch:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    role: str
    female: bool = False


@dataclass(frozen=True)
class TitleIndex:
    exact: dict[str, tuple[TitlePattern, ...]]
    stems: dict[str, tuple[TitlePattern, ...]]
    stem_lengths: tuple[int, ...]
    blocked_exact: frozenset[str] = frozenset()
    blocked_stems: tuple[str, ...] = ()
    female: tuple[str, ...] = ()
    former: tuple[str, ...] = ()  # stems of "former", "ex": such a title names no current holder
    openings: frozenset[str] | None = None  # first two letters of every first word (None: no screen)
    _options: dict[str, tuple[TitlePattern, ...]] = field(default_factory=dict, repr=False)

    def options(self, token: str) -> tuple[TitlePattern, ...]:
        """Patterns whose first word fits ``token`` (memoised per distinct token)."""
        found = self._options.get(token)
        return lookup_all(self._options, (token,), self._first_options)[0] if found is None else found

    def _first_options(self, token: str) -> tuple[TitlePattern, ...]:
        """``options`` unmemoised; a token whose first two letters open no first word needs no
        lookup at all."""
        found: list[TitlePattern] = []
        if self.openings is None or token[:2] in self.openings:
            found.extend(self.exact.get(token, ()))
            for length in self.stem_lengths:
                if length <= len(token):
                    found.extend(self.stems.get(token[:length], ()))
        return tuple(found)

    def matches(self, sentences: Sequence[Sequence[str]]) -> list[list[TitleMatch | None]]:
        """``starting_at`` for every word of every sentence (lower-cased words per sentence).

        One dict lookup per word over the whole article, then patterns are tried only at
        words that start one, in sentences that have such a word.
        """
        options = lookup_all(self._options, list(chain.from_iterable(sentences)), self._first_options)
        found: list[list[TitleMatch | None]] = []
        at = 0
        for lowers in sentences:
            size = len(lowers)
            row: list[TitleMatch | None] = [None] * size
            own = options[at : at + size]
            at += size
            if any(own):
                for i in compress(range(size), own):
                    row[i] = self._longest(lowers, i, own[i])
            found.append(row)
        return found

    def _blocked(self, token: str) -> bool:
        return token in self.blocked_exact or token.startswith(self.blocked_stems)

    def starting_at(self, lowers: Sequence[str], i: int) -> TitleMatch | None:
        """The longest pattern that starts at token ``i``."""
        return self._longest(lowers, i, self.options(lowers[i]))

    def _longest(
        self, lowers: Sequence[str], i: int, options: tuple[TitlePattern, ...]
    ) -> TitleMatch | None:
        if not options or self._blocked(lowers[i]):
            return None
        if i > 0 and self.former and lowers[i - 1].startswith(self.former):
            return None  # "the former prime minister": not the one in office
        best: TitleMatch | None = None
        size = len(lowers)
        for pattern in options:
            end = i + len(pattern.words)
            if end > size or (best and end <= best.last):
                continue
            if end > i + 1:  # the second word first: common first words ("the", "a") start many
                second, stem = pattern.words[1]
                if not (lowers[i + 1].startswith(second) if stem else lowers[i + 1] == second):
                    continue
            if all(
                lowers[i + k].startswith(w) if stem else lowers[i + k] == w
                for k, (w, stem) in enumerate(pattern.words)
            ):
                best = TitleMatch(i, end, pattern.role)
        if best is not None and self.female:
            female = any(lowers[k].startswith(self.female) for k in range(best.first, best.last))
            best = TitleMatch(best.first, best.last, best.role, female)
        return best


def _words(text: str) -> tuple[tuple[str, bool], ...]:
    return tuple(
        (w[:-1], True) if w.endswith("*") else (w, False)
        for w in _SPLIT.split(text.lower().replace(".", " ").strip())
        if w and w != "*"
    )


def _pattern(text: str, role: str) -> TitlePattern:
    return TitlePattern(words=_words(text), role=role)


@cache
def title_index(lang: str | None) -> TitleIndex:
    """Compiled titles of one language (empty when it has no titles.yaml)."""
    exact: dict[str, list[TitlePattern]] = defaultdict(list)
    stems: dict[str, list[TitlePattern]] = defaultdict(list)
    blocked: list[str] = []
    female: tuple[str, ...] = ()
    former: tuple[str, ...] = ()
    if lang is not None and lang in available_languages():
        data = load_pack(lang).titles
        entries = [(p, role) for role, ps in (data.get("roles") or {}).items() for p in ps]
        entries += [(p, "plural") for p in data.get("plural") or ()]
        entries += [(p, "cue") for p in data.get("cues") or ()]
        entries += [(p, "body") for p in data.get("bodies") or ()]
        female = tuple(str(f).lower().rstrip("*") for f in data.get("female") or ())
        former = tuple(str(f).lower().rstrip("*") for f in data.get("former") or ())
        blocked = [str(b).lower() for b in data.get("not") or ()]
        for text, role in entries:
            pattern = _pattern(str(text), str(role))
            if not pattern.words:
                continue
            first, is_stem = pattern.words[0]
            (stems if is_stem else exact)[first].append(pattern)
    firsts = [*exact, *stems]
    return TitleIndex(
        openings=frozenset(w[:2] for w in firsts) if all(len(w) >= 2 for w in stems) else None,
        exact={k: tuple(v) for k, v in exact.items()},
        stems={k: tuple(v) for k, v in stems.items()},
        stem_lengths=tuple(sorted({len(k) for k in stems})),
        blocked_exact=frozenset(b for b in blocked if not b.endswith("*")),
        blocked_stems=tuple(b[:-1] for b in blocked if b.endswith("*")),
        female=female,
        former=former,
    )
