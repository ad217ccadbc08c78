"""Seats of power read from ``kb/data/seats.tsv``: a place that stands for the holder of one
office in its country, so a head word before it is that office's title."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from diplowatch.errors import KnowledgeBaseError


def parse_seats(text: str, *, origin: str = "seats.tsv") -> dict[str, str]:
    """{place actor id: role id} from the TSV text (columns: place id, role id)."""
    seats = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 2 or not all(cells):
            raise KnowledgeBaseError(f"{origin}:{lineno}: expected place id and role id")
        seats[f"place:{cells[0]}"] = cells[1]
    return seats


@lru_cache(maxsize=1)
def seat_roles() -> dict[str, str]:
    """The shipped seats of power, by place actor id."""
    return parse_seats((resources.files("diplowatch.kb") / "data" / "seats.tsv").read_text(encoding="utf-8"))
