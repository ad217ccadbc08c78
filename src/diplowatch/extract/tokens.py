"""Word tokens with offsets, the unit the actor finders work on (one precompiled regex)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplowatch.model import Sentence

_WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*", re.UNICODE)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    word: str
    lower: str
    cap: bool
    sent_first: bool


def tokenize(text: str, sent: Sentence) -> list[Token]:
    """The words of one sentence; ``sent_first`` marks the first."""
    tokens = [
        Token(m.start(), m.end(), w, w.lower(), w[0].isupper(), False)
        for m in _WORD.finditer(text, sent.start, sent.end)
        for w in (m.group(),)
    ]
    if tokens:
        tokens[0].sent_first = True
    return tokens
