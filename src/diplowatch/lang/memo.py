"""Per-word memos read for every word of an article at C speed.

The finders look every word up in a memo (title options, country adjectives); ``map`` over the
memo's ``get`` does that without a Python step per word, and only the few words the memo
has not seen yet (``None``) are computed, found by ``list.index`` rather than a Python pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
MEMO_WORDS = 200_000  # distinct words memoised before a memo starts afresh


def lookup_all(memo: dict[str, T], words: Sequence[str], compute: Callable[[str], T]) -> list[T]:
    """``memo[w]`` for every word, computing and storing what is missing (values are not None)."""
    found: list[T | None] = list(map(memo.get, words))
    at = -1
    try:
        while True:
            at = found.index(None, at + 1)
            value = memo.get(words[at])  # the same new word may occur twice
            if value is None:
                if len(memo) > MEMO_WORDS:
                    memo.clear()
                value = memo[words[at]] = compute(words[at])
            found[at] = value
    except ValueError:  # no None left
        return found  # type: ignore[return-value]
