"""Find date expressions in a sentence and resolve them against the publication date.

Off-the-shelf parsers invent dates in running text ("SAD" read as a date, "1244" as a year,
11.12.2025 read month-first), so this is a small rule layer over the pack's ``calendar.yaml``
(inflected month and weekday forms, relative words). Precision is kept: a month stays a month.
Dates resolved from a doubtful publication date are marked doubtful.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from diplowatch.lang.packs import available_languages, load_pack_chain
from diplowatch.lang.word_starts import (
    Openers,
    after_gap_starts,
    first_char_guard,
    matches_at,
    matches_opening_at,
)
from diplowatch.model import PubDate

_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "day_before_yesterday": -2, "tomorrow": 1}
_WEEKS = ("this_week", "last_week", "next_week", "weekend")
RELATIVE_KINDS = (
    "next_year",
    *_RELATIVE_DAYS,
    *_WEEKS,
    "this_year",
    "last_year",
    "this_month",
    "last_month",
    "next_month",
)


def _week_span(pub: dt.date, kind: str) -> tuple[dt.date, dt.date]:
    """First and last day of the week (Monday-Sunday) or the past weekend ``kind`` names."""
    monday = pub - dt.timedelta(days=pub.isoweekday() - 1)
    if kind == "weekend":  # the latest weekend not after publication
        sunday = pub if pub.isoweekday() == 7 else monday - dt.timedelta(days=1)
        return sunday - dt.timedelta(days=1), sunday
    if kind == "this_week":
        return monday, monday + dt.timedelta(days=6)
    shift = {"last_week": -7, "next_week": 7}[kind]
    start = monday + dt.timedelta(days=shift)
    return start, start + dt.timedelta(days=6)


@dataclass(slots=True, unsafe_hash=True)
class DateMention:
    """A date expression and its resolved value. Not frozen, for speed (a few per sentence):
    a value all the same, hashed by its fields; never assign to a field."""

    start: int
    end: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month, year
    basis: str  # explicit or relative
    doubtful: bool = False


@dataclass(frozen=True)
class _Calendar:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, str]  # phrase -> kind
    next_words: tuple[str, ...]  # stems of "next" before a weekday ("prihodnjo sredo")
    digit_patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), opening with a number
    word_kinds: tuple[str, ...]  # then the kinds opening with a calendar word
    word_patterns: tuple[re.Pattern[str], ...]  # and their patterns
    word_openers: Openers  # which word patterns may open with a letter
    after_gap: re.Pattern[str]  # a character before a digit or a calendar word (see scan_dates)
    span_before: re.Pattern[str] | None  # "since", "until" ending right before a date


# Patterns that open with a number; the others open with a calendar word, never with a digit.
_OPEN_WITH_DIGIT = ("iso", "dmy", "y_month_d", "d_month_y")
_YEAR_AFTER = re.compile(r"\s+\d{4}\b")  # "May 2025": a month with its year is read as such


def _alternation(forms: list[str]) -> str:
    """A regex matching exactly ``forms``, the longest that fits first, as a trie of letters.

    Scanning every sentence tries the alternation at every word start; with one branch per
    form that was most of ``find_dates``' time. Forms that match the same text are prefixes
    of one another, so a trie with greedy optional tails tries them longest first, as the
    plain alternation sorted by length does, unless two distinct letters are equal ignoring
    case: then the plain alternation is kept.
    """
    plain = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    letters = sorted({c for f in forms for c in f})
    if "" in forms or any(
        re.fullmatch(re.escape(a), b, re.IGNORECASE)
        for i, a in enumerate(letters)
        for b in letters[i + 1 :]
    ):
        return plain
    tree: dict[str, dict] = {}
    for form in forms:
        node = tree
        for letter in form:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(c) + _trie_regex(child) for c, child in node.items() if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


@cache
def _calendar(lang: str) -> _Calendar:
    chain = load_pack_chain(lang) if lang in available_languages() else ()
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    relative: dict[str, str] = {}
    next_words: list[str] = []
    spans: list[str] = []
    for pack in reversed(chain):  # nearest language last, so its forms win
        data = pack.calendar
        spans += [str(f) for f in data.get("span") or ()]
        next_words += [str(f).casefold() for f in data.get("next") or ()]
        months.update(
            {str(f).casefold(): int(n) for n, fs in (data.get("months") or {}).items() for f in fs}
        )
        weekdays.update(
            {
                str(f).casefold(): int(n)
                for n, fs in (data.get("weekdays") or {}).items()
                for f in fs
            }
        )
        relative.update(
            {str(f).casefold(): k for k, fs in (data.get("relative") or {}).items() for f in fs}
        )
    month = _alternation(list(months)) or r"(?!x)x"
    weekday = _alternation(list(weekdays)) or r"(?!x)x"
    rel = _alternation(list(relative)) or r"(?!x)x"
    b, e = r"(?<![\w.])", r"(?!\w)"
    kinds = (
        ("iso", re.compile(rf"{b}(\d{{4}})-(\d{{2}})-(\d{{2}}){e}")),
        ("dmy", re.compile(rf"{b}(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}}){e}")),
        ("y_month_d", re.compile(rf"{b}(\d{{4}})\.?\s+({month})\s+(\d{{1,2}})", re.I)),
        (
            "d_month_y",
            re.compile(
                rf"{b}(\d{{1,2}})\.?(?:-?(?:го|ого|th|st|nd|rd))?\s+({month}){e}(?:,?\s+(\d{{4}}))?",
                re.I,
            ),
        ),
        ("month_y", re.compile(rf"{b}({month})\s+(\d{{4}}){e}", re.I)),
        (
            "month_d",
            re.compile(
                rf"{b}({month})\s+(\d{{1,2}})(?!\d)(?:-?[^\W\d]{{0,3}})?(?:,?\s+(\d{{4}}))?{e}",
                re.I,
            ),
        ),
        (
            "relative",
            re.compile(rf"{b}({rel}){e}", re.I),
        ),  # before month and weekday: "minatata nedela" is a week
        ("month", re.compile(rf"{b}({month}){e}", re.I)),
        ("weekday", re.compile(rf"{b}({weekday}){e}", re.I)),
    )
    forms = [*months, *weekdays, *relative]
    if any(f[:1].isdecimal() for f in forms):
        raise ValueError(f"{lang}: a calendar form opens with a digit")
    words = _alternation(forms) or r"(?!x)x"
    guard = first_char_guard("".join(f[0] for f in forms), also=r"\d") if all(forms) else ""
    # every word pattern has a calendar word ending at a word boundary: "Mo" in "Moskau" is none
    after_gap = re.compile(rf"[^\w.]{guard}(?=\d|(?:{words}){e})", re.I)
    openings = {"relative": _openings(relative), "weekday": _openings(weekdays)}
    word_kinds = tuple(kind for kind, _p in kinds if kind not in _OPEN_WITH_DIGIT)
    return _Calendar(
        months,
        weekdays,
        relative,
        tuple(next_words),
        tuple((kind, p) for kind, p in kinds if kind in _OPEN_WITH_DIGIT),
        word_kinds,
        tuple(p for kind, p in kinds if kind not in _OPEN_WITH_DIGIT),
        Openers([openings.get(kind, _openings(months)) for kind in word_kinds]),
        after_gap,
        re.compile(rf"(?<!\w)(?:{'|'.join(spans)})\s+$", re.I) if spans else None,
    )


_RANGE_START = re.compile(r"\d\.?\s*$")  # "od 3. do 5. junija": a number before "do"


def edge_of_span(text: str, start: int, *, lang: str) -> bool:
    """Whether the date at ``start`` opens or closes a span ("since last summer", "by the end
    of February"): a process's edge, not the day of a contact. A range of days ("from 3 to
    5 June") is the contact's own time, so its end is no edge."""
    pattern = _calendar(lang).span_before
    if pattern is None:
        return False
    window = text[max(0, start - 40) : start]
    found = pattern.search(window)
    return found is not None and not _RANGE_START.search(window, 0, found.start())


def _openings(forms: dict[str, object]) -> str | None:
    """The characters the calendar ``forms`` open with (None: an empty form opens with any)."""
    return None if "" in forms else "".join({f[0] for f in forms})


@lru_cache(maxsize=64)
def _parse_pub(value: str | None) -> tuple[dt.date | None, str | None]:
    if not value:
        return None, None
    parts = value.split("-")
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    return dt.date(numbers[0], numbers[1], numbers[2]), precision


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, pub: dt.date, future: bool) -> int:
    """The year of a month named without one: the latest not after publication (next if planned)."""
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _resolve(
    kind: str,
    groups: tuple[str | None, ...],
    cal: _Calendar,
    pub: dt.date | None,
    pub_precision: str | None,
    future: bool,
    inferred: bool = False,
    strictly_ahead: bool = False,
) -> tuple[str, str, str] | None:
    """(value, precision, basis) for one match, or None when it cannot be resolved safely.

    ``strictly_ahead``: a planned weekday that is the publication's own weekday is a week
    later ("next Wednesday"); else it is the publication day ("begins on Wednesday").

    ``inferred``: the reference is the latest date the article states, not its publication
    date, so it is a lower bound: a month without a year falls in the reference year or later.
    """
    if kind in ("iso", "dmy", "y_month_d"):
        if kind == "iso":
            y, m, d = int(groups[0] or 0), int(groups[1] or 0), int(groups[2] or 0)
        elif kind == "dmy":
            d, m, y = int(groups[0] or 0), int(groups[1] or 0), int(groups[2] or 0)
        else:
            y, m, d = (
                int(groups[0] or 0),
                cal.months[(groups[1] or "").casefold()],
                int(groups[2] or 0),
            )
        day = _safe_date(y, m, d)
        return (day.isoformat(), "day", "explicit") if day else None
    if kind in ("d_month_y", "month_d"):
        if kind == "d_month_y":
            d, m, y_text = int(groups[0] or 0), cal.months[(groups[1] or "").casefold()], groups[2]
        else:
            m, d, y_text = cal.months[(groups[0] or "").casefold()], int(groups[1] or 0), groups[2]
        if y_text:
            day = _safe_date(int(y_text), m, d)
            return (day.isoformat(), "day", "explicit") if day else None
        if pub is None:
            return None
        day = _safe_date(_year_for(m, pub, future or inferred), m, d)
        return (day.isoformat(), "day", "relative") if day else None
    if kind == "month_y":
        m = cal.months[(groups[0] or "").casefold()]
        return f"{int(groups[1] or 0):04d}-{m:02d}", "month", "explicit"
    if pub is None:
        return None
    if kind == "month":
        m = cal.months[(groups[0] or "").casefold()]
        return f"{_year_for(m, pub, future or inferred):04d}-{m:02d}", "month", "relative"
    if inferred:
        return None  # "today" or "on Thursday" need the real publication day
    if kind == "weekday":
        if pub_precision != "day":
            return None
        target = cal.weekdays[(groups[0] or "").casefold()]
        delta = (target - pub.isoweekday()) % 7
        # past: the latest such day, possibly publication day; future: the next one from it
        day = pub + dt.timedelta(days=(delta or (7 if strictly_ahead else 0)) if future else delta - 7 if delta else 0)
        return day.isoformat(), "day", "relative"
    rel = cal.relative[(groups[0] or "").casefold()]
    if rel in _RELATIVE_DAYS:
        if pub_precision != "day":
            return pub.isoformat()[:7], "month", "relative"
        return (pub + dt.timedelta(days=_RELATIVE_DAYS[rel])).isoformat(), "day", "relative"
    if rel == "this_year":
        return f"{pub.year:04d}", "year", "relative"
    if rel == "last_year":
        return f"{pub.year - 1:04d}", "year", "relative"
    if rel == "next_year":
        return f"{pub.year + 1:04d}", "year", "relative"
    if rel in _WEEKS:
        # a week or weekend is given at month precision when it lies inside one month
        first, last = _week_span(pub, rel)
        if pub_precision != "day" or (first.year, first.month) != (last.year, last.month):
            return None
        return f"{first.year:04d}-{first.month:02d}", "month", "relative"
    if rel in ("this_month", "last_month", "next_month"):
        shift = {"this_month": 0, "last_month": -1, "next_month": 1}[rel]
        index = pub.year * 12 + pub.month - 1 + shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month", "relative"
    return None


def find_dates(
    text: str, start: int, end: int, *, lang: str, published: PubDate, future: bool = False
) -> list[DateMention]:
    """Date expressions in text[start:end], most specific first where they overlap."""
    return scan_dates(text, start, end, lang=lang, published=published).read(future=future)


class DateMatches:
    """The date expressions of a span, matched once and then read as past or as planned.

    Whether a date looks back or forward is only known once the sentence's status is, so the
    matching (the costly part) is done once for both readings.
    """

    def __init__(
        self,
        cal: _Calendar,
        text: str,
        end: int,
        published: PubDate,
        matches: list[tuple[str, re.Match[str]]],
    ) -> None:
        self._cal, self._text, self._end, self._published = cal, text, end, published
        self._matches = matches  # (kind, match) per pattern in priority order, then by position

    def _after_next(self, start: int) -> bool:
        """True when a word for "next" stands right before ``start`` ("příští středu")."""
        before = self._text[max(0, start - 30) : start].split()
        return bool(before) and before[-1].casefold().startswith(self._cal.next_words or ("\0",))

    def read(self, *, future: bool) -> list[DateMention]:
        """The dates resolved against publication, read forward when ``future``."""
        if not self._matches:
            return []
        published, cal = self._published, self._cal
        pub, pub_precision = _parse_pub(published.value)
        inferred = published.source == "content"
        found: list[DateMention] = []
        taken: list[tuple[int, int]] = []
        for kind, match in self._matches:
            m_start, m_end = match.span()
            if any(s < m_end and m_start < e for s, e in taken):
                continue
            ahead = future and kind == "weekday" and self._after_next(m_start)
            resolved = _resolve(kind, match.groups(), cal, pub, pub_precision, future, inferred, ahead)
            if resolved is None:
                continue
            value, precision, basis = resolved
            if kind == "month" and _has_year_after(self._text, m_end, self._end):
                continue
            taken.append((m_start, m_end))
            found.append(
                DateMention(
                    m_start,
                    m_end,
                    value,
                    precision,
                    basis,
                    doubtful=basis == "relative" and published.doubtful,
                )
            )
        if len(found) > 1:
            found.sort(key=lambda d: d.start)
            found = _with_year_words(found, self._text)
        return found


_YEAR_WORD_GAP = re.compile(r"\s*(?:[^\W\d_]{1,3}\s+)?")  # "loni v lednu": at most a preposition


def _with_year_words(found: list[DateMention], text: str) -> list[DateMention]:
    """A month or day named next to a relative year ("loni v lednu", "в январе прошлого
    года") lies in that year: one mention of both, not a month of the nearest year beside a
    bare year."""
    joined: list[DateMention] = []
    i = 0
    while i < len(found):
        here = found[i]
        after = found[i + 1] if i + 1 < len(found) else None
        if after is not None and _YEAR_WORD_GAP.fullmatch(text[here.end : after.start]):
            year, dated = (here, after) if here.precision == "year" else (after, here)
            if (
                year.precision == "year"
                and year.basis == "relative"
                and dated.basis == "relative"
                and dated.precision != "year"
            ):
                value = year.value + dated.value[4:]
                doubtful = here.doubtful or after.doubtful
                joined.append(DateMention(here.start, after.end, value, dated.precision, "relative", doubtful))
                i += 2
                continue
        joined.append(here)
        i += 1
    return joined


def scan_dates(text: str, start: int, end: int, *, lang: str, published: PubDate) -> DateMatches:
    """Match every date pattern in text[start:end] once (see ``DateMatches``).

    One scan finds where a pattern may start (a digit or a calendar word, not inside a word);
    each pattern is then tried only there, which yields what its ``finditer`` would: most
    sentences hold one or two such places, not one per pattern scan. The scan looks for the
    character before such a place, so the regex engine skips the letters inside words in its
    own loop.
    """
    cal = _calendar(lang)
    places = after_gap_starts(cal.after_gap, text, start, end)
    matches: list[tuple[str, re.Match[str]]] = []
    digit = [p for p in places if text[p].isdecimal()]
    if digit:
        for kind, pattern in cal.digit_patterns:
            matches += [(kind, m) for m in matches_at(pattern, text, digit, start, end)]
    word = [p for p in places if not text[p].isdecimal()]
    if word:
        found = matches_opening_at(cal.word_patterns, cal.word_openers, text, word, start, end)
        for kind, found_here in zip(cal.word_kinds, found, strict=True):
            if found_here:
                matches += [(kind, m) for m in found_here]
    return DateMatches(cal, text, end, published, matches)


def _has_year_after(text: str, pos: int, end: int) -> bool:
    return _YEAR_AFTER.match(text, pos, end) is not None
