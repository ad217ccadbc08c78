"""Split a text around spans to highlight, so templates can wrap each span in ``<mark>``.

Spans are offsets into the text (DESIGN principle 5). Overlapping spans cannot both be
wrapped; the earlier (then longer) one wins and the other is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Piece:
    """A run of text; ``mark`` is the span it belongs to, or None for plain text."""

    text: str
    mark: Mapping[str, Any] | None = None


def split_marked(text: str, spans: Iterable[Mapping[str, Any]], *, offset: int = 0) -> list[Piece]:
    """Pieces of ``text`` with each span (``start``/``end`` minus ``offset``) its own piece."""
    pieces: list[Piece] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        start, end = span["start"] - offset, span["end"] - offset
        if start < cursor or end <= start or end > len(text):
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], span))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return pieces
