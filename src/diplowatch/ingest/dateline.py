"""Publication date: metadata first, then the ``date`` header, then a dateline in the text.

The header of a scraped file can be wrong (seed 003: a 2026 header on a 2022 story), so the
date is kept but marked doubtful when the article itself disagrees: a dateline with another
date, or explicit years in the body later than the publication year. Once actors are known,
``check_title_roles`` adds one more check: a title that did not hold at that date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from diplowatch.kb.actors import KnowledgeBase, RoleSpell
from diplowatch.lang.dates import find_dates
from diplowatch.lang.packs import available_languages, load_pack, load_pack_chain
from diplowatch.lang.titles import title_index
from diplowatch.model import Article, Mention, Paragraph, PubDate

_NUMERIC = re.compile(r"\b(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})[-.]\s*(\d{1,2})[-.]\s*(\d{1,2})\b")
_WORDY = re.compile(r"\b(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
# 1950-2049 not inside a longer number; the look-behind follows the first digit, so that the
# regex engine can skip ahead to the next 1 or 2 instead of trying the look-behind everywhere
_YEAR = re.compile(r"(1(?<![\d.]1)9[5-9]\d|2(?<![\d.]2)0[0-4]\d)(?![\d.])")


def _month_number(word: str, lang: str | None) -> int | None:
    word = word.casefold()
    codes = [lang] if lang in available_languages() else list(available_languages())
    for code in codes:
        assert code is not None
        for number, forms in (load_pack(code).calendar.get("months") or {}).items():
            if word in (f.casefold() for f in forms):
                return int(number)
    return None


def parse_dateline(line: str, *, lang: str | None = None) -> str | None:
    """Read a dateline such as '6. 11. 2025, 19.29', '11.12.2025 u 22:07', '6 Февруари, 2026'."""
    candidates: list[tuple[int, int, int]] = []
    if m := _ISO.search(line):
        candidates.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    if m := _NUMERIC.search(line):
        candidates.append((int(m.group(3)), int(m.group(2)), int(m.group(1))))
    if (m := _WORDY.search(line)) and (month := _month_number(m.group(2), lang)):
        candidates.append((int(m.group(3)), month, int(m.group(1))))
    for year, month, day in candidates:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def find_publication_date(
    article: Article, paragraphs: Sequence[Paragraph], *, lang: str | None = None
) -> PubDate:
    """Decide the publication date and whether the article contradicts it."""
    text = article.text
    header = next((p for p in paragraphs if p.kind == "header"), None)
    datelines = [
        d
        for p in paragraphs[:12]
        if p.kind == "dateline" and (d := parse_dateline(text[p.start : p.end], lang=lang))
    ]
    header_value = _header_value(text[header.start : header.end]) if header else None
    html_value = _html_date(article.html) if article.html and not article.published else None
    if article.published:
        value, source = article.published, "header" if header else "metadata"
    elif html_value:
        value, source = html_value, "metadata"
    elif header_value:
        value, source = header_value, "header"
    elif datelines:
        value, source = datelines[0], "dateline"
    else:
        return _from_content(text, paragraphs, lang)
    reason = None
    if datelines and not datelines[0].startswith(value) and source != "dateline":
        gap = abs((date.fromisoformat(datelines[0]) - _first_day(value)).days)
        if gap > 2:
            reason = f"dateline says {datelines[0]}"
    body_years = [
        int(y) for p in paragraphs if p.kept for y in _YEAR.findall(text[p.start : p.end])
    ]
    later = Counter(y for y in body_years if y > int(value[:4]))
    if reason is None and later:
        year, times = later.most_common(1)[0]
        # one later year named again and again: the article is about a later time than its
        # date says (a plan or a deadline, "until March 2019, then to 2020", is no contradiction)
        if times >= 2 and times > body_years.count(int(value[:4])):
            reason = f"the text mentions {year}, after the publication year"
    return PubDate(value, source, doubtful=reason is not None, reason=reason)


def _has_ended_office(spells: Sequence[RoleSpell], before: date) -> bool:
    """True when some office of the person ended before ``before`` (publication less grace)."""
    return any(spell.end and _first_day(spell.end[:10]) < before for spell in spells)


_HTML_DATE = re.compile(
    r"<time[^>]*\bdatetime=[\"']?(\d{4}-\d{2}-\d{2})"
    r"|<meta[^>]*(?:published_time|datePublished|pubdate)[^>]*content=[\"']?(\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)


def _html_date(html: str) -> str | None:
    """The first <time datetime> or published-time <meta> of the page, wherever it stands.

    The reader skips <header> blocks for text; the article's own date often sits there.
    """
    match = _HTML_DATE.search(html)
    return (match.group(1) or match.group(2)) if match else None


def _header_value(line: str) -> str | None:
    """The ISO date of a ``date YYYY[-MM[-DD]]`` header line."""
    match = re.search(r"\d{4}(?:-\d{2}){0,2}", line)
    return match.group() if match else None


def _from_content(text: str, paragraphs: Sequence[Paragraph], lang: str | None) -> PubDate:
    """With no date given, the latest full date the article states, marked as inferred.

    Seed 001 states its year only in a photo caption ("2025. január 16-án"); day-month dates in
    the text ("február 12-i") can then still get a year. The result is doubtful by nature:
    reports resolved from it carry ``date_doubtful``.
    """
    if lang is None or lang not in available_languages():
        return PubDate(None, "none")
    none = PubDate(None, "none")
    stated = [
        d.value
        for start, end in year_windows(text, paragraphs, lang)
        for d in find_dates(text, start, end, lang=lang, published=none)
        if d.basis == "explicit" and d.precision == "day"
    ]
    if not stated:
        return none
    return PubDate(
        max(stated), "content", doubtful=True, reason="no publication date; latest date in the text"
    )


_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # as \d{4}, but faster to scan for


@cache
def _month_forms(lang: str) -> tuple[str, ...]:
    """Every month form of ``lang`` and its fallbacks, case-folded, longest first."""
    forms = {
        str(form).casefold()
        for pack in load_pack_chain(lang)
        for forms in (pack.calendar.get("months") or {}).values()
        for form in forms or []
    }
    return tuple(sorted(forms, key=len, reverse=True))


def _month_start(lang: str, *, mirrored: bool = False) -> str:
    """A month form where a date pattern can start one: not after a letter, digit or dot.
    ``mirrored``: the same in the reversed text, where the form is spelt backwards. The
    look-ahead for a first letter spares trying every form at every word."""
    forms = [f[::-1] if mirrored else f for f in _month_forms(lang)]
    alternation = "|".join(map(re.escape, forms))
    if forms and all(forms):
        alternation = rf"(?=[{re.escape(''.join(sorted({f[0] for f in forms})))}])(?:{alternation})"
    return rf"(?:{alternation})(?![\w.])" if mirrored else rf"(?<![\w.])(?:{alternation})"


@cache
def _date_chunks(lang: str, *, mirrored: bool = False) -> re.Pattern[str]:
    """The rest of a chunk (a run of non-space), then the chunks after it that hold a digit or
    a month form: every chunk of a written date holds one."""
    part = rf"\d|{_month_start(lang, mirrored=mirrored)}"
    return re.compile(rf"\S*(?:\s+(?=\S*?(?:{part}))\S+)*", re.IGNORECASE)


@cache
def _full_date_shape(lang: str) -> re.Pattern[str]:
    """What no explicit day date is written without: an ISO or d.m.y tail, or a month form."""
    return re.compile(rf"\d{{4}}-\d\d-\d\d|\d\.\s?\d{{4}}|{_month_start(lang)}", re.IGNORECASE)


def year_windows(text: str, paragraphs: Sequence[Paragraph], lang: str) -> list[tuple[int, int]]:
    """Spans of kept paragraphs that can hold a full date, each around a four-digit number.

    Every explicit day date states its year, and running all date patterns over whole
    paragraphs made ``_from_content`` the slowest part of reading an undated article. A window
    grows over neighbouring chunks while they hold a digit or a month form, so no date can run
    across its edge: ``find_dates`` sees there exactly the matches it sees in the paragraph.
    """
    forward, backward = _date_chunks(lang), _date_chunks(lang, mirrored=True)
    shape = _full_date_shape(lang)
    n = len(text)
    mirrored = ""  # the text reversed, to grow leftwards with a forward regex (i is n - i)
    windows: list[tuple[int, int]] = []
    for p in paragraphs:
        if not p.kept:
            continue
        for year in _FOUR_DIGITS.finditer(text, p.start, p.end):
            if windows and year.start() < windows[-1][1]:
                continue  # inside the window of the year before
            mirrored = mirrored or text[::-1]
            start = n - backward.match(mirrored, n - year.start(), n - p.start).end()  # type: ignore[union-attr]
            end = forward.match(text, year.end(), p.end).end()  # type: ignore[union-attr]
            if shape.search(text, start, end):
                windows.append((start, end))
    return windows


@cache  # the same few publication dates and office ends, over and over
def _first_day(value: str) -> date:
    parts = [int(x) for x in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


ROLE_GRACE_DAYS = 90  # a title may outlive its office briefly in print ("outgoing minister")
TITLE_REACH = (
    60  # characters between a title and the name it qualifies ("minister of X of Serbia Y")
)
# between title and name: at most three words and no punctuation ("... на Сърбия Александър")
_TITLE_GAP = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}")


@cache
def _title_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(role id, pattern) from titles.yaml ``roles``; ``*`` in a title matches any word ending."""
    if lang not in available_languages():
        return ()
    roles = load_pack(lang).titles.get("roles") or {}
    compiled = []
    for role, titles in roles.items():
        for title in titles or []:
            compiled.append((str(role), re.compile(rf"(?<!\w){_title_body(title)}", re.IGNORECASE)))
    return tuple(compiled)


def _lapsed_titles(
    roles: Sequence[RoleSpell], when: str, ended_before: date, lang: str
) -> list[tuple[str, re.Pattern[str]]]:
    """The title patterns of the offices a person held but not at ``when``; none unless one
    of their offices ended before publication. A verdict needs the nearest title before the
    name to be one of these, so without one of them there, no title can give one."""
    if not _has_ended_office(roles, ended_before):
        return []
    lapsed = {s.role for s in roles} - {s.role for s in roles if s.holds_at(when)}
    by_role = _title_patterns_by_role(lang)
    return [(role, p) for role in sorted(lapsed) for p in by_role.get(role, ())]


@cache
def _title_patterns_by_role(lang: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """``_title_patterns`` of each role."""
    by_role: dict[str, list[re.Pattern[str]]] = {}
    for role, pattern in _title_patterns(lang):
        by_role.setdefault(role, []).append(pattern)
    return {role: tuple(patterns) for role, patterns in by_role.items()}


def _titles_before(
    patterns: Sequence[tuple[str, re.Pattern[str]]],
    text: str,
    start: int,
    name: int,
    former: tuple[str, ...] = (),
) -> list[tuple[int, int, str]]:
    """(end, length, role) of each title in text[start:name] that qualifies the name at
    ``name`` (only a short gap of words between them) and is no "former" title."""
    return [
        (match.end(), match.end() - match.start(), role)
        for role, pattern in patterns
        for match in pattern.finditer(text, start, name)
        if _TITLE_GAP.fullmatch(text[match.end() : name])
        and not _after_former(text, start, match.start(), former)
    ]


FORMER_REACH = 2  # words from "former" to the title: "the former British prime minister"
_WORD = re.compile(r"[^\W\d_][\w-]*")


def _after_former(text: str, start: int, title_start: int, former: tuple[str, ...]) -> bool:
    """True when a word for "former" stands just before the title: a former prime minister
    so called says nothing about the date, since the office has ended by definition."""
    if not former:
        return False
    words = _WORD.findall(text, start, title_start)[-FORMER_REACH:]
    return any(w.casefold().startswith(former) for w in words)


def _title_body(title: object) -> str:
    return re.escape(str(title)).replace(r"\*", r"\w*") + r"(?!\w)"


@cache
def _any_title(lang: str) -> re.Pattern[str]:
    """Matches wherever one of ``_title_patterns`` matches: one search rules out a window
    before running every pattern over it (most names have no title before them). Titles are
    grouped by first letter and a look-ahead checks that letter: a word is tried only against
    the titles it can start, not against all of them."""
    roles = load_pack(lang).titles.get("roles") or {}
    titles = [str(t) for titles in roles.values() for t in titles or []]
    if not titles or any(not t or t[0] == "*" for t in titles):
        return re.compile(rf"(?<!\w)(?:{'|'.join(map(_title_body, titles))})", re.IGNORECASE)
    by_first: dict[str, list[str]] = {}
    for title in titles:
        by_first.setdefault(title[0], []).append(_title_body(title[1:]))
    groups = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    first = re.escape("".join(by_first))
    return re.compile(rf"(?<!\w)(?=[{first}])(?:{groups})", re.IGNORECASE)


def check_title_roles(
    published: PubDate,
    text: str,
    mentions: Sequence[Mention],
    *,
    lang: str | None,
    kb: KnowledgeBase,
) -> PubDate:
    """Mark the publication date doubtful when a title given to a person did not hold then.

    Seed 003 carries a 2026 header but calls Vulin interior minister, an office he left in
    2022: the story is older than its header. Only titles of offices the person is known to
    have held count (a gap in the knowledge base proves nothing), and the title must stand
    right before the name (at most three words between): the nearest, then the longest one.
    """
    if not published.value or published.doubtful or lang is None:
        return published
    patterns = _title_patterns(lang)
    if not patterns:
        return published
    when = published.value
    ended_before = _first_day(when) - timedelta(days=ROLE_GRACE_DAYS)
    any_title = _any_title(lang)
    former = title_index(lang).former
    lapsed_of: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # per actor: the same few recur
    for mention in mentions:  # cheapest and most selective tests first: a title before the name is rare
        if not mention.actor_id or mention.rule in ("role", "backref"):
            continue
        actor = kb.get(mention.actor_id)
        if actor is None or actor.kind != "person":
            continue
        lapsed = lapsed_of.get(actor.id)
        if lapsed is None:
            lapsed = lapsed_of[actor.id] = _lapsed_titles(actor.roles, when, ended_before, lang)
        if not lapsed:
            continue
        window_start = max(0, mention.start - TITLE_REACH)
        if not any_title.search(text, window_start, mention.start):
            continue
        if not _titles_before(lapsed, text, window_start, mention.start, former):
            continue
        found = _titles_before(patterns, text, window_start, mention.start, former)
        role = max(found)[2]  # nearest to the name, then the longest title
        spells = [s for s in actor.roles if s.role == role]
        if not spells or any(s.holds_at(when) for s in spells):
            continue
        ended = max((s.end or "9999") for s in spells)
        if ended < "9999" and (_first_day(when) - _first_day(ended[:10])).days > ROLE_GRACE_DAYS:
            reason = f"{actor.name} is called {role}, an office held until {ended}"
            return replace(published, doubtful=True, reason=reason)
    return published
