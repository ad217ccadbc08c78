"""Label each paragraph of a scraped article as article text or as junk, without editing text.

Scraped pages mix the article with site navigation, bylines, photo credits, image markdown,
repeated paragraphs and related-article teasers after the share/comment widget. Offsets into
the original text are what evidence points to, so the cleaner returns labelled spans rather
than a new string; ``ArticleResult.clean_text`` joins the kept ones.

Stages, in order: split into lines → header/date line → image markdown → credits/captions →
widget (everything after it is teaser) → bylines and datelines → navigation → duplicates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from diplowatch.cache import cached
from diplowatch.model import Paragraph
from diplowatch.yamlio import safe_load

_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_DATE_HEADER = re.compile(r"\ufeff?\s*date\s+\d{4}(?:-\d{2}){0,2}(?=\s|$)")
_DATELINE = re.compile(
    r"^\s*(?:[^\W\d_]+,?\s*)?\d{1,2}\.?\s*(?:\d{1,2}\.|[^\W\d_]+,?)\s*\d{4}\.?,?(?:\s*(?:u|ob|at|в|o)?\s*\d{1,2}[.:]\d{2})?\s*$"
    r"|^\s*\d{4}[.-]\s*\d{1,2}[.-]\s*\d{1,2}\.?(?:\s+\d{1,2}:\d{2})?\s*$"
)
_BLANK = " \t\f\v\r\u00a0\ufeff\u200b"
_NON_WORD = re.compile(r"\W+")
_PROSE_LINE = 120  # characters; menus, bylines, credits and widgets are shorter
_PROSE_MARK = re.compile(r"[.!?,;]\s\w")  # sentence punctuation followed by more text
_CREDIT_INSIDE = re.compile(r"\b(?:Izvor|Foto|Photo|Autor)\s*:")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»“)]\s*$")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’.][^\W_]+)*\.?", re.UNICODE)
# from the first to the last non-blank character of a line; a line of blanks has none
_TRIMMED_LINE = re.compile(rf"[^\n{_BLANK}][^\n]*(?<![{_BLANK}])")
_WIDGET_TAIL = re.compile(r"[\s:()\d]*")  # matched on the reversed line: its tail, at once
_LEAD = re.compile(r"\s*\(?((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)\s*:")
_SPACES = re.compile(r"\s+")
_PUNCT_SPACE = re.compile(r"[.!,;]\s")


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    """The shared cue words, pickled between runs: the one YAML file every article needs would
    otherwise import PyYAML into a start-up that reads everything else from the cache."""
    path = Path(str(resources.files("diplowatch.lexicons") / "_shared" / "cleaning.yaml"))
    return cached("cleaning", [path, Path(__file__)], lambda: _read_cues(path))


def _read_cues(path: Path) -> dict[str, frozenset[str]]:
    data = safe_load(path.read_text(encoding="utf-8"))
    return {key: frozenset(v.casefold() for v in data.get(key, [])) for key in ("widgets", "credits", "captions")}


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Split into non-empty lines with surrounding white space trimmed, as (start, end)."""
    return [match.span() for match in _TRIMMED_LINE.finditer(text)]


def _folded(text: str) -> str:
    """Case-folded; NFKC first only when the line is not plain ASCII (it is slow)."""
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


_COUNTED = "eaеа"  # common letters in Latin and Cyrillic script
_NOT_DIGITS = bytes(b for b in range(256) if not 0x30 <= b <= 0x39)  # UTF-8 holds ASCII digits as themselves only


class _SeenLines:
    """Lines seen so far, compared by their words only: case, punctuation and spacing aside.

    Building that key (a regex pass over the whole line) for every line was half of the
    cleaner's time, and repeats are rare. Lines with equal keys have equal counts of every
    letter and the same ASCII digits in the same order, so keys are built only among lines
    whose counts of a few common letters and whose digits match those of an earlier line
    (deleting every other byte of the UTF-8 text leaves the digits in one C-level pass).
    """

    def __init__(self) -> None:
        # (letter counts, digits) -> the one line with them so far (folded), or the keys of all such lines
        self._by_counts: dict[tuple[int | bytes, ...], str | set[str]] = {}

    def add(self, line: str) -> bool:
        """Remember ``line``; True when an earlier line had the same words."""
        folded = _folded(line)
        counts = (*map(folded.count, _COUNTED), folded.encode("utf-8", "surrogatepass").translate(None, _NOT_DIGITS))
        earlier = self._by_counts.get(counts)
        if earlier is None:
            self._by_counts[counts] = folded
            return False
        if isinstance(earlier, str):
            earlier = self._by_counts[counts] = {_key(earlier)}
        key = _key(folded)
        repeated = key in earlier
        earlier.add(key)
        return repeated


def _key(folded: str) -> str:
    return _NON_WORD.sub(" ", folded).strip()


def _is_widget(line: str) -> bool:
    line = line.strip()
    tail = _WIDGET_TAIL.match(line[::-1]).end()  # type: ignore[union-attr]
    stripped = line[: len(line) - tail].casefold()
    return stripped in _cues()["widgets"]


def _lead_words(line: str) -> str | None:
    """The one to three words before a leading colon ('Foto:', 'Na sliki:'), case-folded."""
    match = _LEAD.match(line) if ":" in line else None  # the test alone is much faster
    return _SPACES.sub(" ", match.group(1)).casefold() if match else None


def _is_byline(line: str) -> bool:
    """Short name-like lines: 'Matic Tomšič', 'I.V./Hina', 'By Jane Doe'."""
    if _SENTENCE_END.search(line) and not line.rstrip().endswith(")"):
        return False
    words = _WORD.findall(line)  # only now: most lines end a sentence
    if len(words) > 4 or not words:
        return False
    if "/" in line and len(line) < 40:
        return True
    return all(w[0].isupper() for w in words) and len(line) < 40


def _is_navigation(line: str) -> bool:
    """Menus glued into one line: many capitalised items and no sentence punctuation."""
    if _PUNCT_SPACE.search(line) or _SENTENCE_END.search(line):
        return False
    words = _WORD.findall(line)
    if len(words) < 8:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def _classify(line: str, *, after_widget: bool) -> str:
    """The kind of one line, ignoring duplicates (which need the lines before it)."""
    cues = _cues()
    lead = _lead_words(line)
    if not after_widget and len(line) >= _PROSE_LINE and _PROSE_MARK.search(line):
        # a long line of sentences is body or caption; the junk tests below are for short
        # lines and cost most of the cleaner's time on news text
        return "caption" if lead in cues["captions"] else "body"
    if not _WORD.search(line):
        return "nav"
    if _is_widget(line):
        return "widget"
    if after_widget:
        return "teaser"
    if _IMAGE.match(line):
        return "image"
    if lead in cues["captions"]:
        return "caption"
    if lead in cues["credits"] or (
        ":" in line and _CREDIT_INSIDE.search(line) and len(_WORD.findall(line)) <= 10
    ):
        return "credit"
    if _DATELINE.match(line):
        return "dateline"
    if _is_byline(line):
        return "byline"
    if _is_navigation(line):
        return "nav"
    return "body"


def clean_paragraphs(text: str) -> list[Paragraph]:
    """Label every line of ``text`` as body, or with the reason it is not article text."""
    paragraphs: list[Paragraph] = []
    seen = _SeenLines()
    after_widget = False
    for start, end in split_paragraphs(text):
        header = _DATE_HEADER.match(text, start, end)
        if header:
            # the scraper's header line may carry navigation junk or the lead paragraph after it
            paragraphs.append(Paragraph(start, header.end(), "header"))
            rest = text[header.end() : end]
            start = header.end() + len(rest) - len(rest.lstrip())
            if start >= end:
                continue
        line = text[start:end]
        kind = _classify(line, after_widget=after_widget)
        after_widget = after_widget or kind == "widget"
        if kind in ("body", "caption") and seen.add(line):
            kind = "duplicate"
        paragraphs.append(Paragraph(start, end, kind))
    return paragraphs
