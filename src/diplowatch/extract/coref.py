"""Third-person pronouns that stand for a person named just before them.

News names a person once and goes on with "he", "ona", "він", "his": "Barnier proposed a
longer transition. He said so at a meeting with the ambassadors." Without the pronoun the
second sentence has nobody to report on. A pronoun is read as the first person of its own
sentence before it, else as the first person of the nearest earlier sentence that names one
(at most ``REACH`` sentences back, within the paragraph or the one before), provided the
person's gender, when known, fits the pronoun's. Pronoun lists are per-language data
(``triggers.yaml`` ``pairing``: ``he`` and ``she``, possessives included).

Slavic languages also drop the subject: "Pompeo je prispel v Berlin. Po srečanju z Maasom je
dejal ..." When a sentence's first person is a partner after "with" and no pronoun stands for
the subject, the subject is the first person of the sentence before (same reach), as an empty
mention at the sentence start. So is a sentence that names no one and opens with a past verb
agreeing with that person ("Williamson was furious. Przebywał wówczas z wizytą w Estonii"):
the past endings and the infinitive ending that replaces them are per-language data
(``pairing``: ``past_he``, ``past_she``, ``infinitive``, ``past_aux``).

The resolved pronouns are mentions for the report stage only: they are not names, so the
actor layer's own output (and its evaluation) does not list them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from diplowatch.extract.pairs import PairingWords, only_words, pairing_words
from diplowatch.lang.common import is_own_word
from diplowatch.lang.word_starts import matches_at
from diplowatch.model import Mention, Sentence

DETERMINER_REACH = 3  # "his Macedonian colleague X": the pronoun belongs to X's description
REACH = 2  # sentences back to look for the person a pronoun stands for
RULE = "coref.pronoun"
ZERO_WITH_REACH = 4  # "s predsednikom Evropske komisije Junckerjem"; not "s to metaforo ... premierju"
ZERO_HEAD_WORDS = 5  # "Srečala naj bi se s", "Na vprašanje, ali sta se s": no room for a subject phrase
_WORD = re.compile(r"[^\W\d_]+")
ZERO_RULE = "coref.zero"  # a subject the verb leaves out, carried over from the sentence before


def resolve_pronouns(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    *,
    lang: str | None,
    gender: Callable[[str], str | None],
) -> list[Mention]:
    """A person mention for every pronoun whose person the text names just before it.

    ``mentions`` are the article's mentions in text order; ``gender`` gives "m", "f" or None
    for an actor id.
    """
    words = pairing_words(lang) if lang else None
    if words is None or words.pronoun_cues is None:
        return []
    source_cue, with_ = words.source_before, words.with_
    people = [m for m in mentions if m.kind == "person" and m.actor_id]
    if not people:
        return []
    found: list[Mention] = []
    index = 0
    recent: list[tuple[int, int, Mention]] = []  # (sentence number, paragraph, first person)
    for number, sent in enumerate(sentences):
        while index < len(people) and people[index].start < sent.start:
            index += 1
        own = []
        j = index
        while j < len(people) and people[j].start < sent.end:
            own.append(people[j])
            j += 1
        earlier = [  # one entry a sentence, in order: only the last REACH can be near enough
            m
            for n, paragraph, m in reversed(recent[-REACH:])
            if number - n <= REACH and sent.paragraph - paragraph <= 1
        ]
        if own or earlier:
            # one scan for where a pronoun or source cue may start, each pattern tried there
            places = words.pronoun_cues.find(text, sent.start, sent.end)
            cues = [c.span() for c in matches_at(source_cue, text, places, sent.start, sent.end)]
            here = len(found)
            for wanted, pattern in (("m", words.he), ("f", words.she)):
                for match in matches_at(pattern, text, places, sent.start, sent.end):
                    if _not_a_participant(text, match, own, cues):
                        continue
                    before = [m for m in own if m.end <= match.start()]
                    candidates = [before[0]] if before else earlier[:1]
                    for person in candidates:
                        if gender(person.actor_id or "") in (None, wanted):
                            found.append(_as_mention(match, person))
            if (
                own
                and earlier
                and len(found) == here
                and _partner_first(text, sent, own[0], with_)
                and not _subject_after(text, own, words)
            ):
                topic = earlier[0]
                if topic.actor_id not in {m.actor_id for m in own}:
                    found.append(_zero_subject(sent, topic))
            elif not own and earlier and len(found) == here:
                wanted = _opening_past(text, sent, words, lang)
                if wanted is not None and gender(earlier[0].actor_id or "") in (None, wanted):
                    found.append(_zero_subject(sent, earlier[0]))
        if own:
            recent.append((number, sent.paragraph, own[0]))
    return sorted(found, key=lambda m: m.start)


def _opening_past(text: str, sent: Sentence, words: PairingWords, lang: str | None) -> str | None:
    """"m" or "f" when the sentence opens with a past verb of that gender ("Przebywał
    wówczas ..."), else None: the word has a past ending, and put in the infinitive it is a
    word of the language ("przebywać"), which a noun ending alike ("kanał") is not."""
    first = _WORD.match(text, sent.start, sent.end)
    if first is None or not words.infinitive:
        return None
    word = first.group().lower()
    if words.past_aux is not None and not words.past_aux.match(text, first.end() + 1, sent.end):
        return None  # sl "Obiskal je": the participle alone is no past
    for wanted, endings in (("f", words.past_she), ("m", words.past_he)):
        for ending in endings:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= 3 and any(is_own_word(stem + i, lang) for i in words.infinitive):
                return wanted
    return None


def _partner_first(text: str, sent: Sentence, first: Mention, with_: re.Pattern[str]) -> bool:
    """True when the sentence's first person is someone's partner ("Po srečanju z Maasom je
    dejal", "Srečala naj bi se s Tuskom"): a "with" governs it and no subject is named."""
    head = text[sent.start : first.start]
    found = with_.search(head)
    return (
        found is not None
        and len(_WORD.findall(head[: found.start()])) <= ZERO_HEAD_WORDS
        and only_words(head[found.end() :], ZERO_WITH_REACH)
    )


_SUBJECT_BREAK = re.compile(r"[,;:()\[\]\"„“”«»]")


def _subject_after(text: str, own: Sequence[Mention], words: PairingWords) -> bool:
    """True when another person follows the partner in its clause, neither coordinated with
    it nor a name beside its title: the subject comes after the verb ("Uvedli to po schůzkách
    s Davisem premiér Babiš"), so none is dropped."""
    previous = own[0]
    for mention in own[1:]:
        gap = text[previous.end : mention.start]
        if _SUBJECT_BREAK.search(gap) or words.that.search(gap):
            return False
        joined = not gap.strip() or words.conj.fullmatch(gap.strip()) is not None
        if not joined and mention.actor_id != previous.actor_id:
            return True
        previous = mention
    return False


def _zero_subject(sent: Sentence, topic: Mention) -> Mention:
    """The dropped subject, as an empty mention at the sentence start: the topic person."""
    return Mention(
        sent.start,
        sent.start,
        "",
        "person",
        topic.actor_id,
        topic.name,
        topic.country,
        ZERO_RULE,
        topic.confidence,
        topic.base,
    )


def _not_a_participant(
    text: str, match: re.Match[str], own: Sequence[Mention], cues: Sequence[tuple[int, int]]
) -> bool:
    """A pronoun inside a name or a source phrase ("za його словами"), or one that only
    determines a name after it ("his colleague X", "неговия колега Y")."""
    at = match.start()
    if any(m.start <= at < m.end for m in own) or any(s <= at < e for s, e in cues):
        return True
    return any(
        m.start >= match.end() and only_words(text[match.end() : m.start], DETERMINER_REACH)
        for m in own
    )


def _as_mention(match: re.Match[str], person: Mention) -> Mention:
    return Mention(
        match.start(),
        match.end(),
        match.group(),
        "person",
        person.actor_id,
        person.name,
        person.country,
        RULE,
        person.confidence,
        person.base,
    )
