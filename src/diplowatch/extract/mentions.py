"""Find the actors an article names: people (known or not), organisations, countries, places,
and role phrases that stand for a person ("ameriški zunanji minister", "the two leaders").

Stages, per article:
 1. words       words with offsets, once per sentence (extract/tokens.py)
 2. names       runs of capitalised words, matched longest-first against the gazetteer; each
                word may be replaced by a nominative candidate from names.yaml (lang/names.py)
 3. unknown     leftover capitalised runs that look like a person (extract/unknown_people.py)
 4. adjectives  country adjectives (ruski, orosz, American) from demonyms.tsv
 5. roles       title phrases from titles.yaml not followed by a name, resolved by
                resolve/link.py to the office holder at the article date or to a person
                named earlier in the article
 6. groups      nouns for a nation's or party's people (``group_nouns`` in names.yaml)
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, compress
from typing import Any

from diplowatch.extract.initials import split_glued, with_initials
from diplowatch.extract.nations import nation_noun
from diplowatch.extract.seats import seat_heads
from diplowatch.extract.tokens import Words, sentence_words
from diplowatch.extract.unknown_people import FIRST_NAME_RULE, GROUP_RULE, find_unknown_people
from diplowatch.kb.actors import Actor
from diplowatch.kb.countries import country_name, demonym_countries, demonym_country, local_country_names
from diplowatch.kb.gazetteer import Gazetteer
from diplowatch.lang.common import is_own_word
from diplowatch.lang.keys import name_key
from diplowatch.lang.memo import MEMO_WORDS, lookup_all
from diplowatch.lang.names import base_candidates, group_nouns, nation_endings
from diplowatch.lang.titles import TitleMatch, title_index
from diplowatch.model import Mention, Sentence
from diplowatch.resolve.link import choose_actor, holder_name, resolve_plural, resolve_role

_JOINERS = frozenset({" ", "-", "‐"})
_MAX_PRODUCT = 64
OF_PHRASE_WORDS = 2  # "на", "of the": short lower-case words between a title and its body
OF_WORD_LETTERS = 3
BACKREF_WINDOW = 400  # characters back a title without a country may refer
_CYRILLIC = re.compile("[\u0400-\u052f]")
_ROMAN_NUMERAL = re.compile("[IVXLC]+")
_CASE_TAIL = re.compile(r"[-‐][^\W\d_A-ZА-Я]{1,3}\b")
# Offices whose holders are named by surname alone in the news without introduction.
NEWSMAKER_ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "secretary_general",
        "special_envoy",
        "president_of_organisation",
        "vice_president",
    }
)


def _runs(words: Words, gazetteer: Gazetteer, lang: str | None) -> list[list[int]]:
    """Index runs of capitalised words joined only by a space or hyphen; a lower-case word
    that occurs inside known names ("České republiky", "Bosna i Hercegovina") may join.

    Only capitalised words start a run, so the loop visits those and the lower-case words
    right after a run, not every word of the sentence.
    """
    runs: list[list[int]] = []
    cap, gap, word = words.cap, words.gap, words.word
    inner = _word_memo(gazetteer, "inner", lang)
    size = len(cap)
    end = -2  # the last index of runs[-1]
    for i in compress(range(size), cap):
        if i <= end:
            continue  # already taken as the word after a lower-case joiner
        if end == i - 1 and gap[i] in _JOINERS and _one_script(word[i - 1], word[i]):
            runs[-1].append(i)
        else:
            runs.append([i])
        end = i
        k = i + 1
        while k < size and gap[k] in _JOINERS and _one_script(word[k - 1], word[k]):
            if not cap[k] and not (gap[k] == "-" and len(word[k]) >= 3 and not word[k - 1].isupper()):
                joins = inner.get(word[k])
                if joins is None:
                    joins = _inner_word(word[k], gazetteer, lang)
                if not joins:
                    break
            runs[-1].append(k)  # a capital, "Son-hui" (not the case ending of "NATO-om"), an inner word
            end = k
            k += 1
    return runs


def _one_script(a: str, b: str) -> bool:
    """A name is written in one script: a Latin word beside Cyrillic ones is another name
    ("Vereinigung Cockpit Мартін Лохер", "Brexit Естер Маквей"). A regnal number goes with
    either ("Бенедикт XVI"); a word with a Cyrillic letter is Cyrillic ("Tранскордонної",
    a look-alike capital typed in the wrong script)."""
    sa, sb = _script(a), _script(b)
    return sa == sb or not (sa and sb)


def _script(word: str) -> int:
    """1 Cyrillic, 2 any other script, 0 a Roman numeral (no script of its own)."""
    if _CYRILLIC.search(word):
        return 1
    return 0 if _ROMAN_NUMERAL.fullmatch(word) else 2


def _word_memo(gazetteer: Gazetteer, kind: str, lang: str | None) -> dict[Any, Any]:
    """A per-language memo of one kind of word lookup, kept in the gazetteer's memo (and
    cleared with it): the same words recur in every article."""
    memo: dict[Any, Any] | None = gazetteer.memo.get((kind, lang))  # type: ignore[assignment]
    if memo is None or len(memo) > MEMO_WORDS:
        memo = gazetteer.memo[kind, lang] = {}
    return memo


def _inner_word(word: str, gazetteer: Gazetteer, lang: str | None) -> bool:
    """Some candidate base form of ``word`` is a lower-case word inside known names."""
    memo = _word_memo(gazetteer, "inner", lang)
    known = memo.get(word)
    if known is None:
        known = memo[word] = any(name_key(c) in gazetteer.inner_words for c in base_candidates(word, lang))
    return known


def _starts_long_name(word: str, gazetteer: Gazetteer, lang: str | None) -> bool:
    """Some candidate key of ``word`` is the first word of a multi-word name; when none is,
    ``_lookup`` rejects every longer span starting here, so ``_names`` need not build them."""
    memo = _word_memo(gazetteer, "first", lang)
    known = memo.get(word)
    if known is None:
        known = memo[word] = any(k in gazetteer.first_words for k, _ in _candidate_keys(word, lang))
    return known


@lru_cache(maxsize=200_000)
def _candidate_keys(word: str, lang: str | None) -> tuple[tuple[str, str], ...]:
    """(key, base form) for each nominative candidate of a word."""
    return tuple((name_key(c), c) for c in base_candidates(word, lang))


_Hit = tuple[set[str] | frozenset[str], str, str]


def _match(words: tuple[str, ...], gazetteer: Gazetteer, lang: str | None) -> _Hit | None:
    """Memoised ``_lookup`` of a span of words: names recur across articles."""
    memo = _word_memo(gazetteer, "span", lang)
    if words not in memo:
        memo[words] = _lookup(words, gazetteer, lang)
    return memo[words]


def _lookup(
    words: Sequence[str], gazetteer: Gazetteer, lang: str | None
) -> tuple[set[str] | frozenset[str], str, str] | None:
    """(actor ids, rule, base form) for a word sequence, or None.

    Every nominative candidate is tried; a hit whose base form is spelt exactly as a known
    alias wins over one that only shares its key ("Италии" -> Италия, not "Италии").
    """
    options = [_candidate_keys(w, lang) for w in words]
    hits: list[tuple[set[str] | frozenset[str], str, str]] = []
    if len(words) > 1:
        if not any(k in gazetteer.first_words for k, _ in options[0]) or not any(
            k in gazetteer.last_words for k, _ in options[-1]
        ):
            return None  # no combination can hit: spare building them
        for combo in _combinations(options, gazetteer):
            ids = gazetteer.lookup_full(" ".join(k for k, _ in combo))
            if ids:
                hits.append((ids, "gazetteer.full", " ".join(b for _, b in combo)))
    else:
        word = words[0]
        for key, base in options[0]:
            if len(key) <= 3 and base not in gazetteer.exact and not _short_surname(base, gazetteer, lang):
                continue  # short keys (US, SAD, ОН) only as written: not "Są", "Он"
            if key in gazetteer.acronyms and not word.isupper():
                continue  # "Още" is not ОССЕ
            ids = gazetteer.lookup_full(key)
            people = gazetteer.lookup_surname(key)
            if ids and not (people and ids <= people):
                hits.append((ids, "gazetteer.full", base))
            elif people:
                hits.append((people, "gazetteer.surname", base))
    if not hits:
        return None
    ids, rule, base = next((h for h in hits if h[2].casefold() in gazetteer.forms), hits[0])
    if base.isupper() and len(base) > 3:  # "ПАКИСТАН" -> Пакистан, as the alias is written
        base = gazetteer.spelling.get(base.casefold(), base)
    return ids, rule, base


def _short_surname(word: str, gazetteer: Gazetteer, lang: str | None) -> bool:
    """A short word spelt as the last word of a known person's name ("May", "Kim") that is no
    word of the article's own language: a surname (pl "Gabinet May"), which the lone-surname
    check then admits only beside that person's full name or a title."""
    return word in gazetteer.short_surnames and not is_own_word(word, lang)


def _combinations(
    options: list[tuple[tuple[str, str], ...]], gazetteer: Gazetteer
) -> Iterator[tuple[tuple[str, str], ...]]:
    """The first ``_MAX_PRODUCT`` combinations of one candidate per word, in product order,
    less those holding a key that is no first, inner or last word of a known name there
    (they cannot hit; skipping them before joining keys saves most of ``_lookup``)."""
    places = [gazetteer.first_words] + [gazetteer.name_words] * (len(options) - 2)
    places.append(gazetteer.last_words)
    if math.prod(map(len, options)) <= _MAX_PRODUCT:  # the usual case: all are tried
        yield from itertools.product(
            *[
                [(k, b) for k, b in o if k in place]
                for o, place in zip(options, places, strict=True)
            ]
        )
        return
    usable = [
        [i for i, (k, _) in enumerate(o) if k in place]
        for o, place in zip(options, places, strict=True)
    ]
    weights = [math.prod(len(o) for o in options[p + 1 :]) for p in range(len(options))]
    for indices in itertools.product(*usable):
        if sum(i * w for i, w in zip(indices, weights, strict=True)) >= _MAX_PRODUCT:
            return  # past the first _MAX_PRODUCT of the full product (ranks only grow)
        yield tuple(options[p][i] for p, i in enumerate(indices))


def _one_word(word: str, gazetteer: Gazetteer, lang: str | None) -> _Hit | None:
    """The hit of one word as a name of its own (None: none), memoised per language;
    ``find_mentions`` reads the memo before calling ``_names``, so a word known to name nobody
    costs one dict lookup."""
    memo = _word_memo(gazetteer, "one word", lang)
    if word not in memo:
        memo[word] = None if _adjective_only(word, lang) else _lookup((word,), gazetteer, lang)
        if memo[word] is None and (glued := split_glued(word)):  # "Б.Джонсон"
            hit = _one_word(glued[1], gazetteer, lang)
            memo[word] = (hit[0], hit[1], glued[0] + hit[2]) if hit else None
    return memo[word]


@dataclass
class _Found:
    start: int
    end: int
    ids: set[str] | frozenset[str]
    rule: str
    base: str
    first: int  # token index in its sentence
    last: int


def _names(sentence: Words, run: list[int], gazetteer: Gazetteer, lang: str | None) -> list[_Found]:
    """Known names in a run, longest match first."""
    if len(run) == 1:  # most runs: one capitalised word
        k = run[0]
        word = sentence.word[k]
        hit = _one_word(word, gazetteer, lang)
        return [_Found(sentence.start[k], sentence.end[k], *hit, k, k + 1)] if hit else []
    found: list[_Found] = []
    words = [sentence.word[k] for k in run]
    i = 0
    while i < len(run):
        if not sentence.cap[run[i]]:
            i += 1
            continue
        longest = i + 1
        if len(run) > longest and _starts_long_name(words[i], gazetteer, lang):
            longest = min(len(run), i + gazetteer.max_words)
        for j in range(longest, i, -1):
            hit = _one_word(words[i], gazetteer, lang) if j == i + 1 else _match(tuple(words[i:j]), gazetteer, lang)
            if hit:
                first, last = run[i], run[j - 1]
                found.append(_Found(sentence.start[first], sentence.end[last], *hit, first, last + 1))
                i = j
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=200_000)
def _adjective_only(word: str, lang: str | None) -> bool:
    """A country adjective of the article's language that no candidate base form spells as
    one of its country names (sl "Ruska", cs "Irská"; not cs "Polsku")."""
    names = local_country_names(lang)
    return bool(demonym_country(word, lang)) and not any(
        c.casefold() in names for c in base_candidates(word, lang)
    )


def _case_tail(text: str, end: int) -> int:
    """Extend a name over a hyphenated case ending ("OSCE-a", "NATO-m", "SAD-u")."""
    match = _CASE_TAIL.match(text, end)
    return match.end() if match else end


def _leftovers(run: list[int], kept: Sequence[_Found], cap: Sequence[bool]) -> list[list[int]]:
    """Capitalised sub-runs of ``run`` that no kept name covers."""
    covered = {i for f in kept for i in range(f.first, f.last)}
    parts: list[list[int]] = []
    for i in run:
        if i in covered or not cap[i]:
            if not cap[i]:
                parts.append([])
            continue
        if parts and parts[-1] and parts[-1][-1] == i - 1:
            parts[-1].append(i)
        else:
            parts.append([i])
    return parts


def _glued(
    f: _Found,
    run: list[int],
    covered: set[int],
    words: Words,
    gazetteer: Gazetteer,
    lang: str | None,
) -> bool:
    """True when a one-word name touches an unknown capitalised word of its run: it is then
    part of another name ("Air France", "Kenny Jacobs", "Juan Fernández"). A neighbour that is
    itself a word of known names ("Великій" of Велика Британія) does not count."""
    if f.last - f.first != 1:
        return False
    if all(gazetteer.actor(a).kind == "person" for a in f.ids):

        def free(i: int) -> bool:
            return i in run and i not in covered and words.cap[i]

        # "Ana Kovač", "Juan Fernández": another person of that surname; "Филип Хамънд": a
        # first name that is also someone's surname, before a surname the KB lacks
        before = f.first - 1
        return (free(before) and _is_given(words.word[before], gazetteer, lang)) or (
            free(f.last) and _is_given(words.word[f.first], gazetteer, lang)
        )
    for i in (f.first - 1, f.last):
        if i in run and i not in covered and i > 0 and words.cap[i]:
            if any(c.casefold() in gazetteer.forms for c in base_candidates(words.word[i], lang)):
                continue
            if not demonym_country(words.word[i], lang) and not title_index(lang).starting_at(words.lower, i):
                return True
    return False


def find_mentions(
    text: str,
    sentences: Sequence[Sentence],
    *,
    lang: str | None,
    gazetteer: Gazetteer,
    when: str | None = None,
) -> list[Mention]:
    """Every actor, place and role mention in the sentences, in text order.

    Args:
        when: the article's publication date; role titles resolve to who held them then.
    """
    sent_words = sentence_words(text, sentences)
    seen_words = {w for words in sent_words for w in compress(words.word, words.cap)}
    sent_titles = title_index(lang).matches([words.lower for words in sent_words])
    one_words = _word_memo(gazetteer, "one word", lang)
    per_sentence = []
    for words, titles in zip(sent_words, sent_titles, strict=True):
        runs = [
            (run, [])
            if len(run) == 1 and one_words.get(words.word[run[0]], True) is None
            else (run, _names(words, run, gazetteer, lang))
            for run in _runs(words, gazetteer, lang)
        ]
        per_sentence.append((words, titles, runs))
    all_found = [f for _, _, runs in per_sentence for _, found in runs for f in found]
    named = {next(iter(f.ids)) for f in all_found if len(f.ids) == 1}
    named_in_full = {
        next(iter(f.ids)) for f in all_found if len(f.ids) == 1 and f.last - f.first > 1
    }
    adjectives = demonym_countries(list(chain.from_iterable(w.word for w in sent_words)), lang)
    at = 0
    mentions: list[Mention] = []
    unknown_surnames: dict[str, tuple[str, str, str]] = {}
    first_names: dict[str, tuple[str, str, str]] = {}  # of people named in full so far
    for words, titles, runs in per_sentence:
        countries, at = adjectives[at : at + len(words)], at + len(words)
        sentence_mentions: list[Mention] = []
        leftovers: list[list[int]] = []
        for run, found in runs:
            if not found:  # the usual case: nothing known in the run
                if len(run) == 1:
                    leftovers.append(run)
                else:
                    leftovers.extend(p for p in _leftovers(run, (), words.cap) if p)
                continue
            kept: list[tuple[_Found, str]] = []
            for f in found:
                actor_id = choose_actor(f.ids, named, gazetteer, when)
                if actor_id is None:
                    continue
                if f.rule == "gazetteer.surname" and not _surname_plausible(
                    actor_id, f, titles, named_in_full, gazetteer, when
                ) and not _mononym(gazetteer.actor(actor_id), f, run, words, titles):
                    continue
                if (
                    f.rule == "gazetteer.surname"
                    and f.first == 0
                    and actor_id not in named_in_full
                    and is_own_word(words.word[f.first], lang)
                ):  # "Други", "Drugi", "Метою": a capital the sentence start gave a common word
                    # of the language ("Tusk", "Macron" are English words, not Polish ones)
                    continue
                if (
                    f.rule == "gazetteer.surname"
                    and actor_id not in named_in_full
                    and name_key(f.base) in unknown_surnames
                ):
                    continue  # "Janez Novak ... Novak": the one the article named, not a KB Novak
                if (
                    f.rule == "gazetteer.surname"
                    and actor_id not in named_in_full
                    and f.last < len(titles)
                    and titles[f.last] is not None
                    and is_own_word(words.word[f.first], lang)
                ):  # "з Першим віце-президентом": a common word the title's capital gave
                    continue
                kept.append((f, actor_id))
            kept = [(f, a) for f, a in kept if not _doubtful_first_word(f, gazetteer, a)]
            covered = {i for f, _ in kept for i in range(f.first, f.last)}
            kept = [
                (f, a)
                for f, a in kept
                if gazetteer.actor(a).kind not in ("place", "country", "person")
                or f.last - f.first > 1
                or not _glued(f, run, covered, words, gazetteer, lang)
            ]
            leftovers.extend(p for p in _leftovers(run, [f for f, _ in kept], words.cap) if p)
            for f, actor_id in kept:
                f.end = _case_tail(text, f.end)
                actor = gazetteer.actor(actor_id)
                confidence = 0.9 if f.rule == "gazetteer.full" else 0.75
                sentence_mentions.append(
                    Mention(
                        f.start,
                        f.end,
                        text[f.start : f.end],
                        actor.kind,
                        actor.id,
                        actor.name,
                        actor.country,
                        f.rule,
                        confidence,
                        f.base,
                    )
                )
        if leftovers:
            sentence_mentions.extend(
                find_unknown_people(
                    words,
                    leftovers,
                    titles,
                    gazetteer,
                    lang,
                    seen_words,
                    unknown_surnames,
                    text,
                    [(m.start, m.end) for m in sentence_mentions if m.kind == "person"],
                    first_names,
                )
            )
        sentence_mentions = [
            with_initials(text, m, words.start[0]) if m.kind == "person" else m for m in sentence_mentions
        ]
        if any(countries):
            sentence_mentions.extend(_adjectives(words, countries))
        sentence_mentions.sort(key=lambda m: m.start)
        if any(titles):
            person_starts = {m.start for m in sentence_mentions if m.kind == "person"}
            sentence_mentions += _roles(
                words,
                titles,
                sentence_mentions,
                person_starts,
                mentions,
                gazetteer,
                when,
                text,
            )
        if heads := seat_heads(
            words,
            sentence_mentions,
            mentions,
            gazetteer=gazetteer,
            when=when,
            text=text,
            lang=lang,
            window=BACKREF_WINDOW,
        ):
            seats = {id(place) for _, place in heads}  # "глава Белого дома" is no location
            sentence_mentions = [m for m in sentence_mentions if id(m) not in seats]
            sentence_mentions += [person for person, _ in heads]
        sentence_mentions += _groups(words, sentence_mentions, lang)
        _note_first_names(sentence_mentions, first_names, gazetteer)
        mentions.extend(sorted(sentence_mentions, key=lambda m: (m.start, m.end)))
    return mentions


def _note_first_names(
    mentions: Sequence[Mention], first_names: dict[str, tuple[str, str, str]], gazetteer: Gazetteer
) -> None:
    """Remember the first name of each person named in full ("Johnny" of Johnny Depp): a
    feature article goes on to call them by it alone. Only a known person's, a known first
    name or one a title or cue introduced: an unknown run found by its shape alone may start
    with any capitalised word ("Брекзит Найджъл Фарадж")."""
    for m in mentions:
        if m.kind != "person" or m.rule == GROUP_RULE or not m.base or " " not in m.base or not m.actor_id:
            continue
        first = m.base.split()[0]
        key = name_key(first)
        trusted = not m.actor_id.startswith("x-") or key in gazetteer.given or m.rule.startswith("unknown.cue")
        if trusted and len(first) > 2 and not first.endswith("."):
            first_names.setdefault(key, (m.actor_id, m.name or m.base, FIRST_NAME_RULE))


def _groups(words: Words, sentence_mentions: Sequence[Mention], lang: str | None) -> list[Mention]:
    """Group nouns no other mention covers (a country adjective may: "Brytyjczycy" is no
    adjective, but a stem list may reach it) as entity-only people: the named-entity scheme
    counts "Britové" and "лейбористы" as people, while no contact has them as a party.

    Each word is looked up in a per-language memo at C speed (``lookup_all``): the stem and
    nation-noun tests cost a Python step per word of every sentence, and words recur."""
    stems, exact = group_nouns(lang)
    if not (stems or exact or nation_endings(lang)):
        return []
    groups = lookup_all(_group_memo(lang), words.word, lambda word: _group_of(word, lang) or False)
    if not any(groups):
        return []
    covered = [(m.start, m.end) for m in sentence_mentions if m.rule != "demonym"]
    found = []
    for i in compress(range(len(groups)), groups):
        start, end = words.start[i], words.end[i]
        if not any(s < end and start < e for s, e in covered):
            group, base = groups[i]
            found.append(Mention(start, end, words.word[i], "person", group, base, None, GROUP_RULE, 0.5, base))
    return found


@lru_cache(maxsize=64)
def _group_memo(lang: str | None) -> dict[str, tuple[str, str] | bool]:
    """Word -> ``_group_of`` it (False for none), for ``lookup_all``."""
    return {}


def _group_of(word: str, lang: str | None) -> tuple[str, str] | None:
    """(group id, base form) when ``word`` is a group noun of ``group_nouns`` or a nation's
    people (``nation_noun``), else None."""
    stems, exact = group_nouns(lang)
    lower = word.lower()
    if lower in exact or lower.startswith(stems):
        return "g-" + name_key(word), word
    return nation_noun(word, lang)


def _surname_plausible(
    actor_id: str,
    found: _Found,
    titles: Sequence[TitleMatch | None],
    named_in_full: set[str],
    gazetteer: Gazetteer,
    when: str | None,
) -> bool:
    """A lone surname is that person only with support: the full name elsewhere in the
    article, a title right before it, or an office the person holds at the article date
    (so "Mají" is not Theresa May and "Райънеър" in 2018 is not Angela Rayner). A surname of
    up to three letters ("Мей", "May", spelt as the knowledge base writes it: ``_lookup``
    lets no other short form through) needs an office that puts its holder in the news by
    surname alone."""
    if actor_id in named_in_full:
        return True
    if any(t is not None and t.last == found.first for t in titles[: found.first]):
        return True
    spells = gazetteer.actor(actor_id).roles_at(when)
    if len(name_key(found.base)) < 4:
        return any(s.role in NEWSMAKER_ROLES for s in spells)
    return bool(spells)


def _is_given(word: str, gazetteer: Gazetteer, lang: str | None) -> bool:
    return any(name_key(c) in gazetteer.given for c in base_candidates(word, lang))


def _mononym(
    actor: Actor, found: _Found, run: list[int], words: Words, titles: Sequence[TitleMatch | None]
) -> bool:
    """A word that is the whole name of a person known by one name alone ("Mahometa",
    "Akihito"): there is no surname to doubt, so it needs no support, unless a capitalised
    word that is no title joins it in the run ("Mohamed Afzal Kadri", "Ali Mohamed": there it
    is part of another person's name)."""
    if actor.kind != "person" or len(actor.name.split()) > 1:
        return False
    before, after = found.first - 1, found.last
    return not (
        (after in run and words.cap[after]) or (before in run and words.cap[before] and not titles[before])
    )


def _doubtful_first_word(f: _Found, gazetteer: Gazetteer, actor_id: str) -> bool:
    """A capital at the start of a sentence says nothing: a lone first word counts as a place
    or country only when spelt like a known name, not merely sharing its key ("Ряд" ≠ Рияд)."""
    return (
        f.first == 0
        and f.last - f.first == 1
        and gazetteer.actor(actor_id).kind in ("place", "country")
        and f.base.casefold() not in gazetteer.forms
    )


def _adjectives(words: Words, countries: Sequence[str]) -> list[Mention]:
    """Country adjectives ("ruski", "orosz") as country mentions with rule "demonym"
    (``countries``: ISO3 of the country each word is an adjective of, or "")."""
    return [
        Mention(
            words.start[i],
            words.end[i],
            words.word[i],
            "country",
            countries[i],
            country_name(countries[i]),
            countries[i],
            "demonym",
            0.8,
            words.word[i],
        )
        for i in compress(range(len(countries)), countries)
    ]


def _is_abbreviation(word: str) -> bool:
    """A short all-capitals word ("SR", "ČR", "RF"): a country or body named by its initials."""
    return 2 <= len(word) <= 4 and word.isalpha() and word.isupper()


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()


def _unknown_name_at(words: Words, at: int, mention_starts: set[int]) -> bool:
    """True when two capitalised words that start no known mention follow a title: a name
    the knowledge base lacks, which the title describes (it names no other holder)."""
    return (
        at + 1 < len(words)
        and words.start[at] not in mention_starts
        and _capitalised(words.word[at])
        and _capitalised(words.word[at + 1])
    )


def _roles(
    words: Words,
    titles: Sequence[TitleMatch | None],
    sentence_mentions: Sequence[Mention],
    person_starts: set[int],
    before: Sequence[Mention],
    gazetteer: Gazetteer,
    when: str | None,
    text: str,
) -> list[Mention]:
    """Person mentions for title phrases that stand alone (no name right after them).

    ``before``: the mentions of the sentences before, which with ``sentence_mentions`` are
    read back only for a title that stands alone (copying them for every sentence with a
    title made the stage quadratic in the article's mentions)."""
    countries = {m.start: m for m in sentence_mentions if m.kind == "country"}
    person_ends = {m.end for m in sentence_mentions if m.kind == "person"}
    covered = [(m.start, m.end) for m in sentence_mentions if m.kind != "country"]
    mention_starts = {m.start for m in sentence_mentions}
    found: list[Mention] = []
    i = 0  # the first token after the last title taken
    for match in filter(None, titles):
        if match.first < i or match.role in ("cue", "body"):
            continue
        start, end = words.start[match.first], words.end[match.last - 1]
        i = match.last
        if any(s < end and start < e for s, e in covered):
            continue
        after = match.last
        while after < len(words) - 1 and (
            words.start[after] in countries or _is_abbreviation(words.word[after])
        ):
            after += 1  # "predsjednik Rusije Vladimir Putin", "predseda vlády SR Robert Fico"
        if after < len(words) and words.start[after] in person_starts:
            continue  # apposition: "zunanji minister Sergej Lavrov" is the name's mention
        named = _named_after_body(words, match.last, sentence_mentions, person_starts)
        if named is not None:  # "главния преговарящ на ЕС Мишел Барние": past "of the EU"
            found.append(replace(named, start=start, end=end, text=text[start:end], rule="role", base=None))
            continue  # a title mention all the same: the body it names is no location
        if _unknown_name_at(words, after, mention_starts):
            continue  # "бывшим премьером Девидом Кэмеронм": a name, though no one we know
        if match.first > 0 and words.end[match.first - 1] in person_ends:
            continue  # name first, then title: "Szijjártó Péter külügyminiszter"
        earlier = [m for m in chain(before, sentence_mentions) if m.end <= start]
        if match.role == "plural":
            for person in resolve_plural(earlier):
                found.append(
                    replace(
                        person,
                        start=start,
                        end=end,
                        text=text[start:end],
                        rule="backref",
                        confidence=0.6,
                        base=None,
                    )
                )
            continue
        country, span_start = _title_country(words.start, match, countries)
        resolved = resolve_role(
            match.role,
            country,
            when=when,
            earlier=earlier,
            gazetteer=gazetteer,
            female=match.female,
            near=start - BACKREF_WINDOW,
        )
        if resolved is None:
            continue
        actor_id, rule = resolved
        name, country_code = holder_name(actor_id, earlier, gazetteer)
        found.append(
            Mention(
                span_start,
                end,
                text[span_start:end],
                "person",
                actor_id,
                name,
                country_code,
                rule,
                0.7 if rule == "role" else 0.6,
            )
        )
    return found


def _named_after_body(
    words: Words, after: int, sentence_mentions: Sequence[Mention], person_starts: set[int]
) -> Mention | None:
    """The person named after the title past a preposition and a country or body (one
    capitalised word when no mention covers it): "chief negotiator of the EU Michel Barnier",
    "главния преговарящ на Съюза Мишел Барние"."""
    k = after
    while (
        k < len(words)
        and k - after < OF_PHRASE_WORDS
        and not words.cap[k]
        and len(words.word[k]) <= OF_WORD_LETTERS
        and not words.gap[k].strip()
    ):
        k += 1  # prepositions only: "přijal na Hradě Petera Pellegriniho" is a verb's object
    if k >= len(words) or words.gap[k].strip():
        return None
    bodies = [(m.start, m.end) for m in sentence_mentions if m.kind in ("country", "org")]
    inside = next((e for s, e in bodies if s == words.start[k]), None)
    if inside is not None:
        while k < len(words) and words.start[k] < inside:
            k += 1
    elif words.cap[k] and words.start[k] not in person_starts:
        k += 1  # a body we do not know by that name ("на Съюза", "of the Union")
    else:
        return None
    if k >= len(words) or words.gap[k].strip() not in ("", ",") or words.start[k] not in person_starts:
        return None
    return next((m for m in sentence_mentions if m.kind == "person" and m.start == words.start[k]), None)


def _title_country(
    starts: Sequence[int], match: TitleMatch, countries: dict[int, Mention]
) -> tuple[str | None, int]:
    """Country a title names (an adjective or name just before it, or a name just after)."""
    start = starts[match.first]
    for back in (1, 2):
        k = match.first - back
        if k >= 0 and starts[k] in countries:
            return countries[starts[k]].country, starts[k]
    for k in range(match.last, min(len(starts), match.last + 3)):
        if starts[k] in countries:
            return countries[starts[k]].country, start
    return None, start
