"""Choose which of a sentence's people take part in the contact a trigger names.

A sentence often names more people than the contact involves ("after the Lavrov-Rubio call,
Trump imposed sanctions"), so taking every person is wrong. The participants are chosen by the
first rule that applies, tightest binding first:

 1. dash pair     people joined by a dash next to the trigger ("Lavrov–Rubio call",
                  "Trump–Putyin-találkozó")
 2. between       a "between X and Y" group after the trigger, or a postposition before it
                  ("között" / "közötti")
 3. adjacent      a coordinated group right after a noun trigger ("pogovoru Lavrova in Rubia")
 4. clause        the nearest group before the trigger (subject) plus the first group after it
                  (object, comitative) inside the trigger's clause; a relative clause right after an
                  actorless noun ("the call during which Trump and Putin ...") is searched next
 5. sentence      when the mode needs two actors and the clause gives one, the nearest other
                  person of the sentence joins; a visit or summit with nobody in its clause
                  takes the first person of the sentence before it (the subject), or the
                  first one after an opening clause ("Commenting on his trip, X said")

People named as a source ("according to X", "po besedah X") never take part. The words these
rules need (and, between, with, relative pronouns, attribution cues) are per-language data in
``triggers.yaml`` under ``pairing``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from diplowatch.lang.packs import load_pack_chain
from diplowatch.lang.titles import title_index
from diplowatch.lang.word_starts import WordStarts, first_char_guard, matches_at, opening_letters
from diplowatch.model import Mention

# A punctuation mark, or a dash (or two hyphens) between spaces. Written to open with one
# character class of punctuation and dashes, so the regex engine skips the words and spaces
# between breaks in its own loop; a dash break is matched from the dash, the space before it
# checked behind (``Clauses`` widens its span to that space).
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]\"„“”«»–—-](?:(?<=[,;:()\[\]\"„“”«»])|(?<=\s[–—-])(?:(?<=-)-)?\s)"
)
_DASHES = "–—-"
_DASH_JOIN = re.compile(r"^\s?[-–—]\s?$")
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_REPORTING_GAP = re.compile(r"[,\"“”»«–—]\s*(?:je\s+|е\s+|sa\s+)?\Z")  # ", said" / ", je dejal"
REPORTING_GAP_CHARS = 12  # what _REPORTING_GAP can span before the verb (spaces included)
_ANTECEDENT_GAP = re.compile(r"\s*,?\s*")  # a name, then its relative clause
LOOSE_REFERENCES = frozenset({"coref.pronoun"})  # extract/coref.py
WITH_REACH = 8  # words between "with" and the partner's name: "with the British secretary for ..."
SOURCE_REACH = 5  # words between "according to" and the name: "the Kremlin's press secretary"
_APPOSITION = re.compile(r"[\s,]{0,3}")


@dataclass(frozen=True)
class PairingWords:
    """The closed-class words of one language that the pairing rules need."""

    conj: re.Pattern[str]  # joins two people: and, in, és, и
    between_after: re.Pattern[str]  # preposition: between, med, между
    between_before: re.Pattern[str]  # postposition: között(i)
    with_: re.Pattern[str]  # comitative: with, s, z, mit, с
    by: re.Pattern[str]  # agent of a noun: "a visit by X"
    relative: re.Pattern[str]  # opens a relative clause: which, ki, amely, который
    relative_subject: re.Pattern[str]  # a relative pronoun that is the clause's subject: who, který
    that: re.Pattern[str]  # opens a complement clause: that, da, что, dass
    during: re.Pattern[str]  # opens a time phrase around a contact: during, med, во время
    at: re.Pattern[str]  # locative preposition: in, v, u, в, w
    at_suffixes: tuple[str, ...]  # locative case endings where there is no preposition: -ban
    to: re.Pattern[str]  # directional preposition of a trip's destination: to, do, nach, в
    to_suffixes: tuple[str, ...]  # directional (illative) endings: Moszkvába
    source_before: re.Pattern[str]  # cue before a source: according to, po besedah
    source_after: re.Pattern[str]  # cue after a source: szerint
    said: re.Pattern[str]  # a speech verb that, after a comma or quote, names its speaker: ", said X"
    source_cues: WordStarts | None  # where either may start: most sentences name no source
    source_patterns: tuple[str, ...]  # the patterns of both, for screens shared with other cues
    journalist: re.Pattern[str]  # a press role before a name: the person is no actor
    he: re.Pattern[str]  # third person, possessives too: stands for a man named before (coref.py)
    she: re.Pattern[str]
    pronoun_cues: WordStarts | None  # where "he", "she" or a source cue may start; None: no pronouns
    was_he: re.Pattern[str]  # "byl", "был": the past of "be" agrees with a man as its subject
    was_she: re.Pattern[str]
    past_he: tuple[str, ...]  # endings of a man's past verb: "-ł" (coref.py, a dropped subject)
    past_she: tuple[str, ...]  # "-ła"
    infinitive: tuple[str, ...]  # what replaces them in the infinitive: "-ć" (przebywał -> przebywać)
    past_aux: re.Pattern[str] | None  # the auxiliary after the participle where the past needs one: sl "je"


def _words(items: Sequence[str]) -> re.Pattern[str]:
    """Any of ``items`` as a whole word, case-insensitively. When every item opens with a
    known letter, a class test of that letter comes first: at a word start that opens none
    of them (most) the regex engine then skips the alternation's branches in one test."""
    if not items:
        return re.compile(r"(?!x)x")
    alternation = "|".join(sorted((str(i) for i in items), key=len, reverse=True))
    letters = opening_letters(alternation)
    guard = first_char_guard(letters) if letters else ""
    return re.compile(rf"(?<!\w){guard}(?:{alternation})(?!\w)", re.IGNORECASE)


@cache
def pairing_words(lang: str) -> PairingWords:
    """Compile the ``pairing`` section of ``triggers.yaml`` (with fallback languages)."""
    data: dict[str, list[str]] = {}
    for pack in reversed(load_pack_chain(lang)):
        data.update(pack.triggers.get("pairing") or {})
    sources = [str(i) for key in ("according_to", "according_to_after_names", "said") for i in data.get(key, [])]
    return PairingWords(
        conj=_words(data.get("and", [])),
        between_after=_words(data.get("between", [])),
        between_before=_words(data.get("between_after_names", [])),
        with_=_words(data.get("with", [])),
        by=_words(data.get("by", [])),
        relative=_words(data.get("relative", [])),
        relative_subject=_words(data.get("relative_subject", [])),
        that=_words(data.get("that", [])),
        during=_words(data.get("during", [])),
        at=_words(data.get("at", [])),
        at_suffixes=tuple(str(x) for x in data.get("at_suffixes", [])),
        to=_words(data.get("to", [])),
        to_suffixes=tuple(str(x) for x in data.get("to_suffixes", [])),
        source_before=_words(data.get("according_to", [])),
        source_after=_words(data.get("according_to_after_names", [])),
        said=_words(data.get("said", [])),
        source_cues=WordStarts(sources) if sources else None,
        source_patterns=tuple(sources),
        journalist=_words(data.get("journalist", [])),
        he=_words(data.get("he", [])),
        she=_words(data.get("she", [])),
        pronoun_cues=WordStarts([str(i) for key in ("he", "she", "according_to") for i in data.get(key, [])])
        if data.get("he") or data.get("she")
        else None,
        was_he=_words(data.get("was_he", [])),
        was_she=_words(data.get("was_she", [])),
        past_he=tuple(str(x) for x in data.get("past_he", [])),
        past_she=tuple(str(x) for x in data.get("past_she", [])),
        infinitive=tuple(str(x) for x in data.get("infinitive", [])),
        past_aux=_words(data["past_aux"]) if data.get("past_aux") else None,
    )


def subject_gender(text: str, start: int, end: int, words: PairingWords) -> str | None:
    """The subject's gender, "m" or "f", when text[start:end] has the past of "be" in only that
    gender ("když byl na návštěvě"): Slavic verbs agree with the subject they leave out, so a
    woman named before cannot be it."""
    he = words.was_he.search(text, start, end) is not None
    she = words.was_she.search(text, start, end) is not None
    return "m" if he and not she else "f" if she and not he else None


class Clauses:
    """The clause breaks of sentence [start, end), found once for all its triggers and dates."""

    __slots__ = ("_break_ends", "_break_starts", "end", "start")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        self._break_starts: list[int] = []
        self._break_ends: list[int] = []
        last = start
        for match in _CLAUSE_BREAK.finditer(text, start, end):
            left, right = match.span()
            if text[left] in _DASHES:
                left -= 1  # the space before the dash, which a break before it may have taken
                if left < last:
                    continue
            self._break_starts.append(left)
            self._break_ends.append(right)
            last = right

    def around(self, pos: int) -> tuple[int, int]:
        """The clause that contains ``pos``: from the last break ending at or before it to the
        first break starting at or after it (a break around ``pos`` itself cuts neither side)."""
        before = bisect_right(self._break_ends, pos)
        after = bisect_left(self._break_starts, pos)
        left = self._break_ends[before - 1] if before else self.start
        right = self._break_starts[after] if after < len(self._break_starts) else self.end
        return left, right


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of sentence [start, end) that contains ``pos``, cut at punctuation."""
    return Clauses(text, start, end).around(pos)


def status_scope(
    text: str, sent_start: int, sent_end: int, pos: int, *, lang: str, clauses: Clauses | None = None
) -> tuple[tuple[int, int], ...]:
    """The clause of ``pos`` widened to the predicates that govern or complete it.

    "The meeting between X and Y, which was planned for Friday, was cancelled": the
    cancellation stands after the relative clause. "Peskov denied that Putin had talked with
    Radev": the denial stands in the clause before the "that" clause. Only cancellations and
    denials are read in these spans (see ``find_status``). The relative clause itself is left
    out: "the call, after which talks on a summit ended" tells of the summit, not the call.
    ``clauses`` are the sentence's, when the caller has them already.
    """
    words = pairing_words(lang)
    clauses = clauses or Clauses(text, sent_start, sent_end)
    start, end = clauses.around(pos)
    that = words.that.search(text, max(sent_start, start - 2), pos)
    if that is not None and not text[start : that.start()].strip(" ,"):
        start = clauses.around(max(sent_start, start - 2))[0]
    relative = _next_relative_clause(text, end, sent_end, words)
    if relative is None or relative[1] >= sent_end:
        return ((start, end),)
    return (start, end), clauses.around(relative[1] + 1)


def _groups(
    text: str, people: Sequence[Mention], words: PairingWords, lang: str
) -> list[list[Mention]]:
    """People joined by a coordinating word or a dash, in text order."""
    groups: list[list[Mention]] = []
    for mention in people:
        if groups:
            gap = text[groups[-1][-1].end : mention.start]
            same_span = (
                mention.start < groups[-1][-1].end
            )  # "the two leaders": one span, two people
            if (
                same_span
                or _DASH_JOIN.match(gap)
                or words.conj.fullmatch(gap.strip())
                or _titled_conjunct(gap, words, lang)
            ):
                groups[-1].append(mention)
                continue
        groups.append([mention])
    return groups


TITLED_REACH = 6  # words of the title between "and" and the name: "a predsedom vlády SR"


def _titled_conjunct(gap: str, words: PairingWords, lang: str) -> bool:
    """A conjunct whose name follows its title ("Kiska and the prime minister of Slovakia
    Fico"): the title, not a new clause, stands between the conjunction and the name,
    opening the gap or closing it."""
    gap = gap.strip()
    head = words.conj.match(gap)
    if head is None or _CLAUSE_BREAK.search(gap):
        return False
    tokens = _WORDS.findall(gap[head.end() :].lower())
    if not tokens or len(tokens) > TITLED_REACH:
        return False
    titles = title_index(lang)
    if any(titles.starting_at(tokens, i) is not None for i in range(min(2, len(tokens)))):
        return True
    # "ter belgijskim in luksemburškim premierjem Michelom": adjectives, then the title that
    # ends right before the name
    return any(
        (found := titles.starting_at(tokens, i)) is not None and found.last == len(tokens)
        for i in range(2, len(tokens))
    )


def last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in text[start:end], or None (the one nearest to ``end``)."""
    tail = deque(pattern.finditer(text, start, end), maxlen=1)
    return tail[0] if tail else None


def only_words(gap: str, limit: int) -> bool:
    """True when ``gap`` is at most ``limit`` words and holds no clause punctuation."""
    return not _CLAUSE_BREAK.search(gap) and len(_WORDS.findall(gap)) <= limit


def _drop_appositions(text: str, people: Sequence[Mention], triggers: Sequence[int] = ()) -> list[Mention]:
    """Drop a title standing by a name ("Marco Rubio, US secretary of state"): one person.

    The actor layer resolves titles on their own (rule "role"); beside a name the title only
    describes that name, and its own resolution may even point to someone else. A trigger
    between them ("the head of the White House will meet May") makes them two parties.
    """
    named = [m for m in people if m.rule != "role"]
    kept = []
    for m in people:
        if (
            m.rule == "role"
            and any(
                n.end <= m.start
                and _APPOSITION.fullmatch(text[n.end : m.start])  # name, then title
                or n.start >= m.end
                and only_words(text[m.end : n.start], 3)  # title "of Serbia", then name
                and not any(m.end <= t < n.start for t in triggers)
                for n in named
            )
        ):
            continue
        kept.append(m)
    return kept


def _sources(
    text: str,
    start: int,
    end: int,
    people: Sequence[Mention],
    words: PairingWords,
    cue_places: Sequence[int] | None = None,
    acts: Callable[[Mention], bool] = lambda _speaker: False,
) -> set[int]:
    """Start offsets of people named as a source ("according to the Kremlin spokesman Peskov").

    The first person within ``SOURCE_REACH`` words after the cue is the source, with any
    person right next to it (one description); for a postposition ("Peskov szerint") the
    person right before it. ``cue_places``: where a source cue may start, when the caller
    scanned the sentence for these and other cues at once (``status.cue_places``). A speaker
    after "said" for whom ``acts`` holds (a trigger follows in the speaker's clause: "je dejal
    Barnier po pogovorih z Davisom") is the subject of that contact, no mere source.
    """
    found: set[int] = set()
    if cue_places is not None:
        places = cue_places
    else:
        places = words.source_cues.find(text, start, end) if words.source_cues else []
    if not places:
        return found
    said = [  # "…, повідомив голова Європейської Ради Дональд Туск": the speaker, no actor
        c
        for c in matches_at(words.said, text, places, start, end)
        if _REPORTING_GAP.search(text, max(start, c.start() - REPORTING_GAP_CHARS), c.start())
    ]
    for cue in [*matches_at(words.source_before, text, places, start, end), *said]:
        after = [m for m in people if m.start >= cue.end()]
        if not after or not only_words(text[cue.end() : after[0].start], SOURCE_REACH):
            continue
        if cue in said and acts(after[0]):
            continue
        if cue not in said and (words.he.search(cue.group()) or words.she.search(cue.group())):
            continue  # "по её словам Трамп встретится": the pronoun is the source, not Trump
        found.add(after[0].start)
        for previous, m in zip(after, after[1:], strict=False):
            if text[previous.end : m.start].strip():
                break
            found.add(m.start)  # "Kremlja Dmitrija Peskova": one description of the source
    for cue in matches_at(words.source_after, text, places, start, end):
        before = [
            m for m in people if m.end <= cue.start() and only_words(text[m.end : cue.start()], 2)
        ]
        if before:
            found.add(before[-1].start)
    return found


def choose_participants(
    text: str,
    sent_start: int,
    sent_end: int,
    trigger: tuple[int, int],
    people: Sequence[Mention],
    *,
    lang: str,
    pairs_needed: bool,
    taken: frozenset[int] = frozenset(),
    next_triggers: Sequence[int] = (),
    states: Sequence[Mention] = (),
    prepared: PreparedPeople | None = None,
) -> tuple[list[list[Mention]], str]:
    """Participant groups of the trigger at ``trigger`` (start, end) and the rule that chose them.

    Usually one group; a lone subject with a coordinated partner ("Maduro talked with Putin and
    Lukashenko") gives one pair per partner, since such reports are of bilateral contacts.

    ``people`` are the sentence's person mentions in text order; ``taken`` holds start offsets
    of mentions another trigger bound tightly (rules 1-3), which this trigger may not reuse
    through the looser clause rules; ``next_triggers`` (trigger starts) end the search for a
    partner, so "talks about a meeting of Putin with Trump" gives the people to the meeting.
    ``states`` are country and organisation mentions: one standing before the trigger in its
    clause is the clause's subject ("Russia and Belarus talked with Maduro"), so no person
    from elsewhere in the sentence is borrowed. ``prepared`` is ``prepare_people`` of the
    sentence, when the caller pairs several triggers of it.
    """
    words = pairing_words(lang)
    t_start, t_end = trigger
    prepared = prepared or prepare_people(
        text, sent_start, sent_end, people, lang=lang, triggers=[t_start, *next_triggers]
    )
    people, groups = prepared.people, prepared.groups
    bound = [g for g in groups if any(m.start in taken for m in g)] if taken else []
    for group in groups:  # 1. dash pair touching the trigger
        if len(group) > 1 and any(
            _DASH_JOIN.match(text[a.end : b.start]) for a, b in zip(group, group[1:], strict=False)
        ):
            touches_before = (
                group[-1].end <= t_end and len(text[group[-1].end : t_start].strip(" -–—")) == 0
            )
            overlaps = group[0].start <= t_start < group[-1].end + 2
            if touches_before or overlaps:
                return [group], "pair.dash"
    after = [g for g in groups if g[0].start >= t_end and g not in bound]
    before = [g for g in groups if g[-1].end <= t_start and g not in bound]
    if after and len(after[0]) > 1:  # 2./3. "between X and Y" or a group right after a noun trigger
        gap = text[t_end : after[0][0].start]
        between = words.between_after.search(gap)
        adjacent = len(_WORDS.findall(gap)) <= 1 and not words.with_.search(gap)
        if only_words(gap, 3) and (between or adjacent):
            return [after[0]], "pair.between" if between else "pair.adjacent"
    if before and len(before[-1]) > 1:
        gap = text[before[-1][-1].end : t_start]
        if words.between_before.search(gap) and only_words(gap, 2):
            return [before[-1]], "pair.between"
    if not pairs_needed and after:  # "a possible visit by the Turkish leader": the visitor
        gap = text[t_end : after[0][0].start]
        if words.by.match(gap.strip()) and only_words(gap, 2):  # "by (the) Turkish leader"
            return [after[0]], "pair.agent"
    c_start, c_end = prepared.clauses.around(t_start)
    # the partner stands before the next trigger and before a "that" clause: "agreed at the
    # first meeting that they would coordinate with Maduro" names no partner of the meeting
    that = words.that.search(text, t_end, c_end)
    p_end = min(
        [c_end, *(s for s in next_triggers if s > t_start), *([that.start()] if that else [])]
    )
    free = [g for g in groups if g not in bound]
    chosen: list[Mention] = []
    subject = [g for g in free if c_start <= g[0].start and g[-1].end <= t_start]
    partner = [g for g in free if t_end <= g[0].start < p_end]
    clause_text = text[c_start:c_end].lstrip()
    relative = c_start > sent_start and words.relative.match(clause_text)
    if relative and not subject and words.relative_subject.match(clause_text):
        # "Hammond, who on a visit to Berlin said": the name the relative pronoun stands for
        subject = [g for g in free if g[-1].end <= c_start and _ANTECEDENT_GAP.fullmatch(text[g[-1].end : c_start])]
    if subject and len(subject[-1]) == 1 and partner:
        if len(partner[0]) > 1:
            return [[subject[-1][0], *_distinct(partner[0])]], "pair.clause.joint"
        first = partner[0][0]
        if words.with_.search(text, t_end, first.start) and (
            further := _repeated_with(text, first, free, words, lang)
        ):
            # "for talks with Borisov, with minister Pavlova and with ...": one meeting each
            return [[subject[-1][0], p] for p in _distinct([first, *further])], "pair.clause.each"
    if subject:
        chosen += subject[-1]
    if partner:
        chosen += partner[0]
        if len(partner) > 1 and not subject:  # "srečanju Putina s Trumpom": partner with partner
            gap = text[partner[0][-1].end : partner[1][0].start]
            if words.with_.search(gap) and only_words(gap, 4):
                chosen += partner[1]
    rule = "pair.clause"
    if not chosen:  # 4b. relative clause right after the trigger's clause
        next_clause = _next_relative_clause(text, c_end, sent_end, words)
        if next_clause:
            inside = [g for g in free if next_clause[0] <= g[0].start < next_clause[1]]
            if inside:
                chosen, rule = inside[0], "pair.relative"
    if pairs_needed and not chosen:  # 5. "the two leaders agreed that they would meet"
        plural = [
            g
            for g in groups
            if g[-1].end <= t_start
            and len(_distinct(g)) > 1
            and not _after_with(text, g[0], sent_start, words)
            and not _dashed(text, g)
        ]  # "at my meetings with X and Y": partners of someone unnamed, not a pair
        if plural and not any(m.start in taken for m in plural[0]):
            if _unnamed_partner(text, t_end, p_end, people, words):
                # "X and Y are in Berlin to meet business groups": co-travellers, not a pair
                return [], "pair.unnamed_partner"
            return [_distinct(plural[0])], "pair.sentence"
    # a relative clause ("the delegation, which will attend the summit") has its own subject
    if (
        not pairs_needed
        and not chosen
        and not relative
    ):  # 5. a lone traveller: the subject
        # a pronoun ("he", "his") stands too loosely for a person beyond the trigger's own
        # clause: "proud of the ministry under his leadership: a successful summit"
        named = [g for g in groups if any(m.rule not in LOOSE_REFERENCES for m in g)]
        before_trigger = [
            g
            for g in named
            if g[-1].end <= t_start and g not in bound and not words.that.search(text, g[-1].end, t_start)
        ]  # not the speaker of the trigger's "that" clause: "Tusk said that the summit ..."
        # "Commenting on his absence in Belgrade, the minister said": the subject follows
        main_after = [
            g
            for g in named
            if g[0].start >= c_end and g not in bound and not words.that.search(text, t_end, g[0].start)
        ]  # not from inside a reported clause: "denied the claim that he plotted with X"
        if before_trigger:
            chosen, rule = list(before_trigger[0]), "pair.sentence"
        elif main_after and c_start == sent_start:
            chosen, rule = list(main_after[0]), "pair.sentence"
    chosen_ids = {c.actor_id for c in chosen}
    # "at the meetings with X and Y", no subject: X and Y are partners of someone else
    with_group = (
        not subject
        and len(chosen_ids) > 1
        and words.with_.search(text, t_end, chosen[0].start) is not None
    )
    if pairs_needed and (len(chosen_ids) == 1 or with_group):
        state_subject = any(c_start <= m.start < t_start for m in states) and not any(
            c_start <= m.start < t_start for m in people
        )
        if state_subject:
            return [], "pair.state_subject"
        if _unnamed_partner(text, t_end, p_end, people, words):
            return [], "pair.unnamed_partner"  # "met with the members of the committee"
        comitative = words.with_.search(text, t_end, p_end)
        # "at his meetings with X and Y": both are partners of an unnamed subject
        lone_partner = comitative is not None and all(c.start >= comitative.end() for c in chosen)
        joined = _coordinated(text, people, groups, chosen) if lone_partner else set()
        others = [  # 5. nearest other person of the sentence
            m
            for m in people
            if m.start not in taken
            and m.actor_id not in chosen_ids
            and not p_end <= m.start < c_end  # behind the next trigger or a "that" clause
            and not (m.end <= t_start and words.that.search(text, m.end, t_start))  # a speaker
            and not (m.start >= t_end and words.that.search(text, t_end, m.start))  # reported
            and not (lone_partner and comitative.end() <= m.start < c_end and m.start in joined)  # a co-partner
            # "talks with May, and an audience with the queen": May is the earlier talks' partner
            and not (m.end <= t_start and _after_with(text, m, sent_start, words))
        ]
        if others:
            nearest = min(others, key=lambda m: min(abs(m.start - t_start), abs(m.end - t_end)))
            chosen, rule = [*chosen, nearest], "pair.sentence"
        elif with_group:
            return [], "pair.unnamed_subject"
    return ([_distinct(chosen)] if chosen else []), rule


def _coordinated(
    text: str, people: Sequence[Mention], groups: Sequence[list[Mention]], chosen: Sequence[Mention]
) -> set[int]:
    """Starts of the people coordinated with ``chosen`` ("with X and Y"), and of a word run
    on right after one of them ("Jeanem Caludem Junckerem": one misspelt name). Someone
    standing apart after the partner is the clause's subject instead ("before his meeting
    with May ... Tusk said")."""
    joined = {m.start for g in groups if any(c in g for c in chosen) for m in g}
    for before, m in zip(people, people[1:], strict=False):
        if before.start in joined and not text[before.end : m.start].strip():
            joined.add(m.start)
    return joined


_SPACED_DASH = re.compile(r"\s[-–—]\s")


def _dashed(text: str, group: Sequence[Mention]) -> bool:
    """A group joined by a dash with spaces around it is an apposition ("May's predecessor
    – Cameron –"), not two people acting together; "Lavrov–Rubio: a new call" is a pair."""
    return any(_SPACED_DASH.fullmatch(text[a.end : b.start]) for a, b in zip(group, group[1:], strict=False))


def _unnamed_partner(
    text: str, t_end: int, p_end: int, people: Sequence[Mention], words: PairingWords
) -> bool:
    """True when the trigger's "with" or "between" is followed by no named person: "met with
    the members of the committee", "talks between representatives of the two Koreas" name the
    other side only by a description, so no one else of the sentence may stand in for it."""
    for preposition in (words.with_, words.between_after):
        found = preposition.search(text, t_end, p_end)
        if found is not None and not any(
            found.end() <= m.start < p_end and only_words(text[found.end() : m.start], WITH_REACH)
            for m in people
        ):
            return True
    return False


REPEATED_WITH_REACH = 10  # "s ministrom za bolgarsko predsedovanje Svetu EU Pavlovo"


def _repeated_with(
    text: str, last: Mention, groups: Sequence[Sequence[Mention]], words: PairingWords, lang: str
) -> list[Mention]:
    """People after ``last`` each behind its own "with" (", with the minister X and with Y"),
    a title of at most ``REPEATED_WITH_REACH`` words between the preposition and the name; or
    listed after a comma or "and", each behind its own title ("with President X, Speaker Y
    and the Council's president Z"): a visitor's round of meetings, one each."""
    further: list[Mention] = []
    titles = title_index(lang)
    for mention in (m for group in groups for m in group):
        if mention.start < last.end:
            continue
        gap = text[last.end : mention.start].strip()
        listed = gap.startswith(",")
        gap = gap.removeprefix(",").strip()
        if (head := words.conj.match(gap)) is not None:
            gap, listed = gap[head.end() :].strip(), True
        comitative = words.with_.match(gap)
        if comitative is not None:
            if any(mention in group and len(group) > 1 for group in groups):
                continue  # "and with X and Y": partners of one meeting
            gap = gap[comitative.end() :]
        elif not listed or not (tokens := _WORDS.findall(gap.lower())) or titles.starting_at(tokens, 0) is None:
            break
        if _CLAUSE_BREAK.search(gap) or len(_WORDS.findall(gap)) > REPEATED_WITH_REACH:
            break
        further.append(mention)
        last = mention
    return further


def _after_with(text: str, mention: Mention, sent_start: int, words: PairingWords) -> bool:
    """True when a comitative word ("with", "s") governs ``mention``: at most ``WITH_REACH``
    words before it, no clause break between."""
    head = text[max(sent_start, mention.start - 120) : mention.start]
    last = last_match(words.with_, head, 0, len(head))
    return last is not None and only_words(head[last.end() :], WITH_REACH)


@dataclass(slots=True)
class PreparedPeople:
    """A sentence's participants-to-be, their groups and its clauses: once per sentence,
    not once per trigger (not frozen, for speed; never assign to a field)."""

    people: list[Mention]
    groups: list[list[Mention]]
    clauses: Clauses


def prepare_people(
    text: str,
    sent_start: int,
    sent_end: int,
    people: Sequence[Mention],
    *,
    lang: str,
    clauses: Clauses | None = None,
    cue_places: Sequence[int] | None = None,
    triggers: Sequence[int] = (),
) -> PreparedPeople:
    """Drop appositive titles and sources from the sentence's ``people`` and group the rest.

    ``cue_places`` (see ``_sources``) spare a scan for source cues; ``triggers`` are the
    sentence's trigger starts, which make a speaker before one in its clause a participant."""
    words = pairing_words(lang)
    clauses = clauses or Clauses(text, sent_start, sent_end)

    def acts(speaker: Mention) -> bool:
        clause_end = clauses.around(speaker.start)[1]
        return any(speaker.end <= t < clause_end for t in triggers)

    kept = _drop_appositions(text, people, triggers)
    sources = _sources(text, sent_start, sent_end, kept, words, cue_places, acts)
    kept = [m for m in kept if m.start not in sources and not _journalist(text, m, sent_start, words)]
    return PreparedPeople(kept, _groups(text, kept, words, lang), clauses)


JOURNALIST_REACH = 3  # words between the press role and the name: "BBC editor Andrew Marr"


def _journalist(text: str, mention: Mention, sent_start: int, words: PairingWords) -> bool:
    """True for a person introduced by a press role ("s redaktorem BBC Andrewem Marrem"):
    talking to a journalist is an interview, not a contact."""
    last = last_match(words.journalist, text, max(sent_start, mention.start - 60), mention.start)
    return last is not None and only_words(text[last.end() : mention.start], JOURNALIST_REACH)


def _next_relative_clause(
    text: str, c_end: int, sent_end: int, words: PairingWords
) -> tuple[int, int] | None:
    """The clause after ``c_end`` when it opens with a relative word ("amely során", "ki je")."""
    if c_end >= sent_end:
        return None
    start = c_end + 1
    head = text[start : min(sent_end, start + 20)]
    match = words.relative.search(head)
    if not match or head[: match.start()].strip():
        return None
    probe = start + match.end()
    return start, clause_bounds(text, start, sent_end, probe)[1]


def _distinct(mentions: Sequence[Mention]) -> list[Mention]:
    seen: set[str | None] = set()
    kept = []
    for m in mentions:
        if m.actor_id not in seen:
            seen.add(m.actor_id)
            kept.append(m)
    return kept
