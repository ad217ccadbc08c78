"""Evidence with its actors and trigger marked, shared by ``show`` and ``walk``; a module of
its own so that ``walk`` does not import the store through ``query``."""

from __future__ import annotations


def mark_spans(text: str, offset: int, spans: list[tuple[int, int, str]]) -> str:
    """Insert markers into text (which starts at ``offset``): [actor] and {trigger}."""
    out, cursor = [], 0
    for start, end, kind in sorted(spans):
        start, end = start - offset, end - offset
        if start < cursor or start < 0 or end > len(text):
            continue
        left, right = ("{", "}") if kind == "trigger" else ("[", "]")
        out.extend([text[cursor:start], left, text[start:end], right])
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
