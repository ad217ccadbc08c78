"""Find where any of a set of word patterns may match, in one regex scan.

Several stages look for a few words in every sentence (trigger words, status cues, source
cues): scanning once for all of a set and trying each pattern only where one may start is
far cheaper than one ``finditer`` per pattern, since most sentences hold none of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

_ANY_WORD = "\\w*"  # a pattern opening with it matches inside a word: "\w*gipfel"
_QUANTIFIERS = ("?", "*", "+", "{")


class WordStarts:
    """Every position at a word start where one of ``patterns`` matches (case-insensitively),
    found in one scan: the only places a single pattern's ``finditer`` can match.

    The scan looks for a non-word character followed by a pattern, so the regex engine skips
    the letters inside words with its own character-set loop instead of trying each of them.
    The patterns are a lookahead, so overlapping starts are all found.
    """

    __slots__ = ("_after_gap",)

    def __init__(self, patterns: list[str]) -> None:
        alternation = _by_first_letter(patterns)
        letters = [opening_letters(p) for p in patterns]
        guard = "" if None in letters else first_char_guard("".join(letters))  # type: ignore[arg-type]
        self._after_gap = re.compile(rf"\W{guard}(?=(?:{alternation}))", re.IGNORECASE)

    def find(self, text: str, start: int, end: int) -> list[int]:
        """Start offsets in text[start:end], in order (the text's very first offset is always
        given, there being no character before it to scan for)."""
        return after_gap_starts(self._after_gap, text, start, end)


def first_char_guard(chars: str, also: str = "") -> str:
    """A lookahead for one of ``chars`` or of the class escapes ``also`` ("\\d"), matched
    case-insensitively as the patterns it guards are.

    The regex engine tests one character class at once, where an alternation of patterns
    opening with literal letters costs a try per branch: most words open with none of them.
    """
    return f"(?=[{also}{re.escape(''.join(sorted(set(chars))))}])"


def after_gap_starts(after_gap: re.Pattern[str], text: str, start: int, end: int) -> list[int]:
    """The ends of the one-character matches of ``after_gap`` in text[start - 1:end], the
    character before ``start`` included (one scan from there); offset 0 is always given
    (nothing stands before it)."""
    if start >= end:
        return []
    if start == 0:
        return [0, *[m.end() for m in after_gap.finditer(text, 0, end)]]
    return [m.end() for m in after_gap.finditer(text, start - 1, end)]


def _by_first_letter(patterns: list[str]) -> str:
    """The alternation of ``patterns`` with leading literal letters factored out, letter by
    letter ("m(?:e(?:(?:t)|e(?:(?:t\\w*))))"): a trie, so a word start costs one test per
    letter of its longest shared prefix, not one per pattern (the screen only asks whether
    some pattern matches, so the order of the branches does not matter).
    Patterns that open with ``\\w*`` ("\\w*gipfel") share one such run, so a word is read
    once for all of them, not once each. Patterns that open otherwise (a group, a class, an
    optional letter) stay as they are."""
    grouped: dict[str, list[str]] = defaultdict(list)
    rest: list[str] = []
    for p in patterns:
        if _has_top_level_bar(p):
            rest.append(p)
        elif p.startswith(_ANY_WORD) and p[3:4] not in _QUANTIFIERS:
            grouped[_ANY_WORD].append(p[3:])
        elif opens_with_letter(p):
            grouped[p[0]].append(p[1:])
        else:
            rest.append(p)
    branches = [f"{first}(?:{_by_first_letter(tails)})" for first, tails in grouped.items()]
    return "|".join(branches + [f"(?:{p})" for p in rest])


def _has_top_level_bar(pattern: str) -> bool:
    """True when ``pattern`` is an alternation at its outer level ("met|meet")."""
    return len(_top_level(pattern)[0]) > 1


def _top_level(pattern: str) -> tuple[list[str], int]:
    """The branches of ``pattern``'s outer alternation, read up to the ``)`` that closes a
    group it opens inside of (or to its end), and the offset where reading stopped."""
    branches, depth, escaped, in_class, begin = [], 0, False, False, 0
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return [*branches, pattern[begin:at]], at
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[begin:at])
            begin = at + 1
    return [*branches, pattern[begin:]], len(pattern)


def opening_letters(pattern: str) -> str | None:
    """The letters every match of ``pattern`` opens with, or None when it may open otherwise
    (``\\w*``, a class, an optional letter or group, a lookahead).

    Read from the pattern's text: a literal letter; an alternation, the letters of its
    branches; a leading ``(?:...)`` group that must match once, the letters of its inside; a
    leading lookbehind (``(?<=za\\s)pregovor``) matches nothing, so what follows it opens.
    The trigger and cue screens are guarded by these letters, so most word starts cost one
    class test rather than a try of the alternation ("sastaće|sastaju", "(?:ready|willing) ...").
    """
    branches, _ = _top_level(pattern)
    if len(branches) > 1:
        found = [opening_letters(b) for b in branches]
        return None if None in found else "".join(found)  # type: ignore[arg-type]
    if pattern.startswith(("(?<=", "(?<!")):
        _, close = _top_level(pattern[4:])
        return opening_letters(pattern[4 + close + 1 :])
    if pattern.startswith("(?:"):
        inside, close = _top_level(pattern[3:])
        after = pattern[3 + close + 1 : 3 + close + 2]
        if close == len(pattern) - 3 or after in _QUANTIFIERS:
            return None  # unclosed, or a group that may match nothing or repeat
        return opening_letters("|".join(inside))
    return pattern[0] if opens_with_letter(pattern) else None


class Openers:
    """Which of several patterns may match at a position, from the character there.

    Most patterns open with a literal letter, so at a candidate position only the few that
    open with its letter (case-insensitively) need a try. The answer per character is worked
    out by the regex engine once and kept.
    """

    def __init__(self, openings: Sequence[str | None]) -> None:
        """``openings``: per pattern, the characters it may open with (None: any)."""
        self._classes = [
            None if chars is None else re.compile(_one_of(chars), re.IGNORECASE)
            for chars in openings
        ]
        self._by_char: dict[str, tuple[int, ...]] = {}

    def at(self, char: str) -> tuple[int, ...]:
        """Indexes of the patterns that may open with ``char``, in order."""
        found = self._by_char.get(char)
        if found is None:
            found = tuple(
                index
                for index, chars in enumerate(self._classes)
                if chars is None or chars.fullmatch(char)
            )
            self._by_char[char] = found
        return found


def _one_of(chars: str) -> str:
    return f"[{re.escape(chars)}]" if chars else "(?!)"


def matches_opening_at(
    patterns: Sequence[re.Pattern[str]],
    openers: Openers,
    text: str,
    places: Sequence[int],
    start: int,
    end: int,
) -> list[list[re.Match[str]]]:
    """Per pattern, what its ``finditer(text, start, end)`` yields, when it can only match at
    ``places`` and only where ``openers`` allows it."""
    found: list[list[re.Match[str]]] = [[] for _ in patterns]
    free = [start] * len(patterns)
    for at in places:
        for index in openers.at(text[at]):
            if at >= free[index] and (match := patterns[index].match(text, at, end)):
                found[index].append(match)
                free[index] = match.end()
    return found


def matches_at(
    pattern: re.Pattern[str], text: str, places: Sequence[int], start: int, end: int
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` yields, when it can only match at ``places``
    (sorted offsets, such as ``WordStarts.find`` gives)."""
    free = start
    for at in places:
        if at >= free and (match := pattern.match(text, at, end)):
            yield match
            free = match.end()


def opens_with_letter(pattern: str) -> bool:
    """True when ``pattern`` can only match text that opens with its first letter ("met\\w*",
    not "m?et", not "met|sat")."""
    return (
        pattern[:1].isalpha()
        and pattern[1:2] not in _QUANTIFIERS
        and not _has_top_level_bar(pattern)
    )
