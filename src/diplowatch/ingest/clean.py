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

import yaml

from diplowatch.model import Paragraph

_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_DATE_HEADER = re.compile(r"^\ufeff?\s*date\s+\d{4}(?:-\d{2}){0,2}\b")
_DATELINE = re.compile(
    r"^\s*(?:[^\W\d_]+,?\s*)?\d{1,2}\.?\s*(?:\d{1,2}\.|[^\W\d_]+,?)\s*\d{4}\.?,?(?:\s*(?:u|ob|at|в|o)?\s*\d{1,2}[.:]\d{2})?\s*$"
    r"|^\s*\d{4}[.-]\s*\d{1,2}[.-]\s*\d{1,2}\.?(?:\s+\d{1,2}:\d{2})?\s*$"
)
_NON_WORD = re.compile(r"\W+")
_PROSE_LINE = 120  # characters; menus, bylines, credits and widgets are shorter
_PROSE_MARK = re.compile(r"[.!?,;]\s\w")  # sentence punctuation followed by more text
_SENTENCE_END = re.compile(r"[.!?…:;\"”»“)]\s*$")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’.][^\W_]+)*\.?", re.UNICODE)


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    path = resources.files("diplowatch.lexicons") / "_shared" / "cleaning.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        key: frozenset(v.casefold() for v in data.get(key, []))
        for key in ("widgets", "credits", "captions")
    }


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Split into non-empty lines with surrounding white space trimmed, as (start, end)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        segment = match.group()
        stripped = segment.strip()
        if not stripped:
            continue
        start += len(segment) - len(segment.lstrip())
        end -= len(segment) - len(segment.rstrip())
        spans.append((start, end))
    return spans


def _norm(text: str) -> str:
    """Key for duplicate detection; NFKC only when the line is not plain ASCII (it is slow)."""
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _is_widget(line: str) -> bool:
    stripped = re.sub(r"[\s:()\d]+$", "", line.strip()).casefold()
    return stripped in _cues()["widgets"]


def _lead_word(line: str) -> str | None:
    match = re.match(r"\s*\(?([^\W\d_]+)\s*:", line)
    return match.group(1).casefold() if match else None


def _is_byline(line: str, words: list[str]) -> bool:
    """Short name-like lines: 'Matic Tomšič', 'I.V./Hina', 'By Jane Doe'."""
    if _SENTENCE_END.search(line) and not line.rstrip().endswith(")"):
        return False
    if len(words) > 4 or not words:
        return False
    if "/" in line and len(line) < 40:
        return True
    return all(w[0].isupper() for w in words) and len(line) < 40


def _is_navigation(line: str, words: list[str]) -> bool:
    """Menus glued into one line: many capitalised items and no sentence punctuation."""
    if len(words) < 8 or re.search(r"[.!,;]\s", line):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def _is_prose(line: str) -> bool:
    """Sentences rather than a menu: sentence punctuation and mostly lower-case words."""
    words = _WORD.findall(line)
    if len(words) < 8 or not re.search(r"[.!?]\s", line + " "):
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) < 0.4


def clean_paragraphs(text: str) -> list[Paragraph]:
    """Label every line of ``text`` as body, or with the reason it is not article text."""
    cues = _cues()
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    after_widget = False
    for start, end in split_paragraphs(text):
        line = text[start:end]
        lead = _lead_word(line)
        long_prose = len(line) >= _PROSE_LINE and _PROSE_MARK.search(line)
        if long_prose and not after_widget and not _DATE_HEADER.match(line):
            # a long line of sentences is body or caption; the junk tests below are for short
            # lines and cost most of the cleaner's time on news text
            kind = "caption" if lead in cues["captions"] else "body"
            key = _norm(line)
            paragraphs.append(Paragraph(start, end, "duplicate" if key in seen else kind))
            seen.add(key)
            continue
        words = _WORD.findall(line)
        if _DATE_HEADER.match(line):
            header = _DATE_HEADER.match(line)
            assert header is not None
            paragraphs.append(Paragraph(start, start + header.end(), "header"))
            rest = line[header.end() :].strip()
            if rest:
                rest_start = text.index(rest, start + header.end())
                # seed 002: the first paragraph of the story can share the header line
                kind = "body" if _is_prose(rest) else "nav"
                paragraphs.append(Paragraph(rest_start, end, kind))
                if kind == "body":
                    seen.add(_norm(rest))
            continue
        if not words:
            kind = "nav"
        elif _is_widget(line):
            after_widget = True
            kind = "widget"
        elif after_widget:
            kind = "teaser"
        elif _IMAGE.match(line):
            kind = "image"
        elif lead in cues["captions"]:
            kind = "caption"
        elif (
            lead in cues["credits"]
            or re.search(r"\b(?:Izvor|Foto|Photo|Autor)\s*:", line)
            and len(words) <= 10
        ):
            kind = "credit"
        elif _DATELINE.match(line):
            kind = "dateline"
        elif _is_byline(line, words):
            kind = "byline"
        elif _is_navigation(line, words):
            kind = "nav"
        else:
            kind = "body"
        if kind in ("body", "caption"):
            key = _norm(line)
            if key in seen:
                kind = "duplicate"
            seen.add(key)
        paragraphs.append(Paragraph(start, end, kind))
    return paragraphs
