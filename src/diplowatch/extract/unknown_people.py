"""Unknown people: capitalised runs the knowledge base does not know that look like a name.

A run counts as a person when a title or cue stands right before it ("veleposlanik Janez
Novak"), when it starts with a known first name ("Kenny Jacobs"), or when it is the surname of
an unknown person named earlier in the article. It gets a nominative base form
(lang/names.py ``guess_name``) and the stable id ``x-<name key>``, the same in every article
and script ("Janez Novak" and "Јанез Новак" -> ``x-ianez-novak``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from diplowatch.extract.tokens import Words
from diplowatch.kb.countries import demonym_country
from diplowatch.kb.gazetteer import Gazetteer
from diplowatch.lang.common import has_dictionary, is_common_word, is_own_word, prepare
from diplowatch.lang.keys import name_key, phrase_key
from diplowatch.lang.names import base_candidates, guess_name, person_cues, place_cues
from diplowatch.lang.romanize import romanize
from diplowatch.lang.titles import TitleMatch
from diplowatch.model import Mention

_NEW_START = re.compile(r"[\n.!?]")
SHAPE_RULE = "unknown.shape"
SHAPE_SURNAME_RULE = "unknown.shape.surname"
# Rules of people found by the shape of their name alone: good enough to name the actors of
# an article (eval-entities) but too weak to make someone a party to a contact event, so the
# pipeline keeps them out of the report stage (they added false events on the dev set).
NOUN_CUE_RULE = "unknown.cue_noun"  # after a noun of profession, faith or kinship
GROUP_RULE = "group"  # a noun for a nation's or party's people ("Brytyjczycy"): nobody in particular
FIRST_NAME_RULE = "unknown.first_name"  # a person named in full before, by first name alone
ENTITY_ONLY_RULES = frozenset({SHAPE_RULE, SHAPE_SURNAME_RULE, NOUN_CUE_RULE, GROUP_RULE, FIRST_NAME_RULE})


def find_unknown_people(
    words: Words,
    leftovers: list[list[int]],
    titles: Sequence[TitleMatch | None],
    gazetteer: Gazetteer,
    lang: str | None,
    seen_words: set[str],
    surnames: dict[str, tuple[str, str, str]],
    text: str,
    person_spans: Sequence[tuple[int, int]] = (),
    first_names: dict[str, tuple[str, str, str]] | None = None,
) -> list[Mention]:
    """Capitalised runs the KB does not know that look like a person's name (a run right
    before a known person is a complement: "predsjednik Republike Srpske Milorad Dodik")."""
    if not leftovers:
        return []
    prepare(lang)
    cue_ends = {m.last for m in filter(None, titles) if m.role not in ("plural", "body")}
    noun_ends = _cue_noun_ends(words, leftovers, lang) - cue_ends
    cue_ends |= noun_ends
    found = []
    for part in leftovers:
        if len(part) == 1 and not (surnames or person_spans or first_names) and part[0] not in cue_ends:
            continue  # what the checks below decide for a lone word, without them
        part = _strip_titles(words, titles, part, lang)
        while len(part) > 2 and _acronym(words.word[part[-1]]):
            part = part[:-1]  # "Tomislav Tolušić CEF": an acronym after a name (a missed stop)
        if not part or len(part) > 4 or _after_place_noun(words, part[0], lang):
            continue
        part = _from_given_name(words.word, part, gazetteer, lang)
        if person_spans:
            known_given = _given_names_of_next(words, part, gazetteer, lang, person_spans, text)
            if known_given is not None:
                found.append(known_given)
                continue
        cued = part[0] in cue_ends and not _in_spans(words.start, part[-1] + 1, person_spans)
        if len(part) == 1 and not cued and not (surnames or first_names):
            continue  # a lone uncued word is only the surname or first name of someone named before
        names = [words.word[i] for i in part]
        if any(map(_acronym, names)):
            continue
        bases = guess_name(names, lang, seen=seen_words, given=gazetteer.given)
        last_key = name_key(bases[-1])
        given = len(part) > 1 and name_key(bases[0]) in gazetteer.given
        if len(part) == 1:
            known = _named_before(names[0], last_key, surnames, lang) or (
                None if is_own_word(names[0], lang) else _named_before(names[0], last_key, first_names or {}, lang)
            )
            if known:
                person_id, full, rule = known
                base = bases[0]
                if rule == FIRST_NAME_RULE and first_names:  # as the full name spells it: "Бориса" -> Борис
                    base = next((c for c in base_candidates(names[0], lang) if name_key(c) in first_names), base)
                found.append(replace(_unknown_mention(words, part, person_id, base, rule, text), name=full))
                continue
            if not cued or _lower_case_noun(names[0], lang, text):
                continue
        elif not (cued or given or _name_shaped(words, part, gazetteer, lang, text)):
            continue
        elif cued and not given and all(is_own_word(w, lang) for w in names):
            continue  # "премьер-министр Соединенного Королевства": a title's complement, in words
        base = " ".join(bases)
        known = _misspelt_known(base, gazetteer) if len(part) > 1 else None
        if known is not None:  # "Девидом Кэмеронм": a known full name with a stray last letter
            actor = gazetteer.actor(known)
            typo = _unknown_mention(words, part, known, base, TYPO_RULE, text)
            found.append(replace(typo, name=actor.name, country=actor.country))
            continue
        person_id = "x-" + phrase_key(base).replace(" ", "-")
        if cued:
            rule = NOUN_CUE_RULE if part[0] in noun_ends else "unknown.cue"
        else:
            rule = "unknown.given" if given else SHAPE_RULE
        name = romanize(base, lang)
        surnames.setdefault(
            last_key,
            (person_id, name, SHAPE_SURNAME_RULE if rule in ENTITY_ONLY_RULES else "unknown.surname"),
        )
        found.append(replace(_unknown_mention(words, part, person_id, base, rule, text), name=name))
    return found


def _named_before(
    word: str, key: str, names: dict[str, tuple[str, str, str]], lang: str | None
) -> tuple[str, str, str] | None:
    """The person whose name key (or that of a candidate base form of ``word``) is in ``names``."""
    return names.get(key) or next(
        (names[name_key(c)] for c in base_candidates(word, lang) if name_key(c) in names), None
    )


def _after_place_noun(words: Words, first: int, lang: str | None) -> bool:
    """A run right after "trg", "площадь", "hotel": the name of that place ("na trgu Grand
    Place"), however much it looks like a person's."""
    if first == 0 or words.gap[first] != " ":
        return False
    stems, exact = place_cues(lang)
    before = words.lower[first - 1]
    return before in exact or before.startswith(stems)


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _cue_noun_ends(words: Words, leftovers: list[list[int]], lang: str | None) -> set[int]:
    """First words of leftover runs right after a lower-case person cue noun of the language
    ("advokát", "журналистка"): nouns that name what a person is, not an office, so they are
    no titles, yet the capitalised words after them are a person's name."""
    stems, exact = person_cues(lang)
    if not (stems or exact):
        return set()
    found = set()
    for part in leftovers:
        i = part[0]
        if len(part) < 2:
            continue  # one word after such a noun is often a body's name ("direktor Ryanaira")
        if i > 0 and not words.cap[i - 1] and words.gap[i] == " ":
            before = words.lower[i - 1]
            if (before in exact or before.startswith(stems)) and not is_common_word(words.word[i], lang):
                found.add(i)  # not "судді Верховного суду": a dictionary word opens no name
    return found


def _name_shaped(
    words: Words, part: list[int], gazetteer: Gazetteer, lang: str | None, text: str
) -> bool:
    """Two or three capitalised words inside a sentence that are no common words of the
    language look like a foreign or unlisted person's name ("s Asiou Bibiovou").

    A capital at the sentence start says nothing, and a capitalised dictionary word
    ("Nejvyšší soud", "Европейския съюз") starts an institution's name rather than a
    person's; with no dictionary for the language there is no evidence, so no name.
    """
    if part[0] == 0 or not 2 <= len(part) <= 3 or not has_dictionary(lang):
        return False
    if _NEW_START.search(words.gap[part[0]]):
        return False  # after a line break or a stop the splitter missed: a sentence start
    names = [words.word[i] for i in part]
    if any(len(w) < 2 or demonym_country(w, lang) for w in names):
        return False
    if any(_known_place_word(w, k, gazetteer, lang) for k, w in enumerate(names)):
        return False
    common = [w for w in names if is_common_word(w, lang)]
    if not common:
        return True
    # One rare dictionary word of the language beside words in no dictionary ("Асия Биби":
    # bg "биби" is a form of a rare noun) is still a name when the article never writes it
    # in lower case.
    # A word English also has ("Wizz Air", "Ryanair Holdings") gets no such benefit.
    # Only as the last word (a surname's place): a common first word is a noun before a
    # name ("Piloti Ryanairu").
    return (
        common == names[-1:]
        and not is_common_word(common[0], "en")
        and not _written_lower(common[0], text)
    )


def _lower_case_noun(word: str, lang: str | None, text: str) -> bool:
    """A lone word after a title that is a common word of the language and that the article
    also writes in lower case is a body, not a surname ("predsjednik Komisije" beside
    "Europske komisije")."""
    return is_own_word(word, lang) and _written_lower(word, text)


def _written_lower(word: str, text: str) -> bool:
    """The lower-case form of ``word`` occurs in ``text`` as a word of its own."""
    lower = word.lower()
    at = text.find(lower)
    while at >= 0:
        end = at + len(lower)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(lower, at + 1)
    return False


def _known_place_word(word: str, at: int, gazetteer: Gazetteer, lang: str | None) -> bool:
    """A known country or body anywhere, or a known place after the first word, in a run
    ("Pakistan Hrw", "Pandžáb Láhaur"): the run is then no person's name. A place name as the
    first word may be a first name ("Asia", "Georgia")."""
    kinds = {
        gazetteer.actor(a).kind
        for c in base_candidates(word, lang)
        if c.casefold() in gazetteer.forms
        for a in gazetteer.lookup_full(name_key(c))
    }
    return bool(kinds & {"country", "org"}) or ("place" in kinds and at > 0)


def _in_spans(starts: Sequence[int], i: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Word ``i`` exists and starts inside one of ``spans``."""
    return i < len(starts) and any(s <= starts[i] < e for s, e in spans)


def _strip_titles(
    words: Words, titles: Sequence[TitleMatch | None], part: list[int], lang: str | None
) -> list[int]:
    """Drop leading capitalised title words or adjectives ("President", "Russian")."""
    while part and (titles[part[0]] or demonym_country(words.word[part[0]], lang)):
        part = part[1:]
    return part


def _is_given(word: str, gazetteer: Gazetteer, lang: str | None) -> bool:
    return any(name_key(c) in gazetteer.given for c in base_candidates(word, lang))


def _from_given_name(
    words: Sequence[str], part: list[int], gazetteer: Gazetteer, lang: str | None
) -> list[int]:
    """Start a capitalised run at its first known first name when one follows other words
    ("Cockpit Martin Locher", "Ryanairu Michael O'Leary")."""
    if len(part) < 3 or _is_given(words[part[0]], gazetteer, lang):
        return part
    for k in range(1, len(part) - 1):
        if _is_given(words[part[k]], gazetteer, lang):
            return part[k:]
    return part


def _given_names_of_next(
    words: Words,
    part: list[int],
    gazetteer: Gazetteer,
    lang: str | None,
    person_spans: Sequence[tuple[int, int]],
    text: str,
) -> Mention | None:
    """The run as the first names of the known person whose surname follows it.

    Every word of an inflected full name is declined ("s Jesusom Rafaelom Salazarom
    Velazquezom"), so the whole name is no alias and only its last word matched; the words
    before it are that person's given names when, in their base forms, they and the matched
    surname spell one of the person's names word for word.
    """
    after = part[-1] + 1
    if not _in_spans(words.start, after, person_spans):
        return None
    names = [words.word[i] for i in (*part, after)]
    options = [{name_key(c) for c in base_candidates(w, lang)} for w in names]
    people = sorted({a for key in options[-1] for a in gazetteer.lookup_surname(key)})
    for actor_id in people:
        actor = gazetteer.actor(actor_id)
        for form in (actor.name, *actor.aliases):
            keys = phrase_key(form).split()
            if len(keys) == len(names) and all(k in o for k, o in zip(keys, options, strict=True)):
                start, end = words.start[part[0]], words.end[part[-1]]
                return Mention(
                    start,
                    end,
                    text[start:end],
                    "person",
                    actor.id,
                    actor.name,
                    actor.country,
                    "gazetteer.given_names",
                    0.85,
                    " ".join(form.split()[: len(part)]),
                )
    return None


TYPO_RULE = "gazetteer.typo"  # a known full name misspelt by one stray final letter


def _misspelt_known(base: str, gazetteer: Gazetteer) -> str | None:
    """The one person of the knowledge base whose full name this is but for a stray last
    letter of the surname (a typo: "Кэмеронм" for "Кэмерон"); None when no one, or several."""
    key = phrase_key(base)
    if len(key) < 8 or " " not in key:
        return None
    people = [i for i in gazetteer.full.get(key[:-1], ()) if gazetteer.actor(i).kind == "person"]
    return people[0] if len(people) == 1 else None


def _unknown_mention(
    words: Words, part: list[int], person_id: str, base: str, rule: str, text: str
) -> Mention:
    start, end = words.start[part[0]], words.end[part[-1]]
    confidence = 0.5 if rule in ENTITY_ONLY_RULES else 0.6
    return Mention(start, end, text[start:end], "person", person_id, base, None, rule, confidence, base)
