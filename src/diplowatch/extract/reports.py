"""Assemble event reports: a trigger, the people taking part, its date, status and place.

Finding is done elsewhere (triggers, mentions, dates, status cues, participants); this module
only decides how they combine. Per sentence, in order:

 1. triggers       from the language pack, folded (extract/folding.py: setting, attendance
                   objects, phone adverb + talk verb)
 2. participants   extract/pairs.py picks who takes part; two or more people, or one for a
                   visit or a multilateral meeting (a visit or summit "with" someone is a meeting)
 3. date           each date goes to the nearest trigger that can report; forward for plans
 4. back-reference a trigger without participants but with its own date ("the call, which took
                   place on 21 October") dates the latest earlier report of its mode nearby
 5. status, place  clause-scoped status cues; location from place mentions (an attendance
                   with no place of its own takes that of a summit named in the sentence
                   just before, in the same paragraph)
Then per article: reports of one contact are folded (extract/folding.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from operator import attrgetter

from diplowatch.extract.folding import (
    absorb_objects,
    drop_visits_with_counterpart,
    fold_into_joint,
    fold_sentence_reports,
    sides_after,
)
from diplowatch.extract.pairs import (
    Clauses,
    PairingWords,
    choose_participants,
    pairing_words,
    prepare_people,
    status_scope,
    subject_gender,
)
from diplowatch.extract.places import PLACE_KINDS, destinations, locative_places, nearest_place
from diplowatch.extract.status import (
    StatusCue,
    cue_places,
    during_phrase,
    find_status,
    sentence_has_cues,
    sentence_has_plan,
)
from diplowatch.extract.triggers import Trigger, find_triggers, names_a_process
from diplowatch.lang.dates import DateMention, edge_of_span, scan_dates
from diplowatch.model import ActorRef, Mention, PubDate, Report, Sentence

SOLO_MODES = ("visit", "multilateral")
_TIGHT_RULES = ("pair.dash", "pair.between", "pair.adjacent")
BACKREF_PARAGRAPHS = 2  # how far back (in paragraphs) an actorless dated trigger may refer


def _dates_by_trigger(
    triggers: Sequence[Trigger], dates: Sequence[DateMention], text: str, that: re.Pattern[str]
) -> dict[int, DateMention]:
    """Give each date to its nearest trigger; each trigger keeps its nearest own date.

    A date inside a "that" clause after a trigger is what was said, not when the contact
    was ("said at the meeting that since March there had been no progress"): it goes to no
    trigger before the clause.
    """
    owned: dict[int, DateMention] = {}
    for date in dates:

        def distance(t: Trigger, d: DateMention = date) -> int:
            return d.start - t.end if d.start >= t.end else t.start - d.end

        eligible = [t for t in triggers if not (t.end <= date.start and that.search(text, t.end, date.start))]
        if not eligible:
            continue
        nearest = min(eligible, key=distance)
        current = owned.get(nearest.start)
        if current is None or distance(nearest) < distance(nearest, current):
            owned[nearest.start] = date
    return owned


def _clipped_at_names(
    text: str, triggers: list[Trigger], people: Sequence[Mention], lang: str
) -> list[Trigger]:
    """Triggers cut short before a person they read past on the way to their "with": "the
    meeting of Barnier with the ministers" is an attendance only with its object, but Barnier
    is its participant, not part of the trigger phrase (which the participant rules read
    around). A person after the "with" stays inside: "the meeting of the foreign ministers"."""
    with_ = pairing_words(lang).with_
    clipped = triggers
    for index, trigger in enumerate(triggers):
        inside = next(
            (
                m
                for m in people
                if trigger.start < m.start < trigger.end and with_.search(text, m.end, trigger.end)
            ),
            None,
        )
        if inside is not None:
            head = text[trigger.start : inside.start].rstrip()
            if clipped is triggers:
                clipped = list(triggers)
            clipped[index] = replace(trigger, end=trigger.start + len(head), text=head)
    return clipped


def _mode(trigger: Trigger, people: Sequence[Mention], text: str, lang: str) -> str:
    """A summit "with" someone ("vrh s Putinom") or of two sides ("vrh Trump-Kim") is a meeting,
    and so is a visit to a named person.

    ``people`` are the sentence's people before participants are chosen, or the participants.
    """
    if trigger.mode not in SOLO_MODES:
        return trigger.mode
    if trigger.mode == "multilateral" and sides_after(text, trigger):
        return "meet"  # "the Trump-Kim summit": a meeting of two
    after = [m for m in people if m.start >= trigger.end]
    if after:
        gap = text[trigger.end : after[0].start]
        if pairing_words(lang).with_.match(gap.strip()) and len(gap.split()) <= 2:
            return "meet"
    return trigger.mode


def build_reports(
    article_id: str,
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    *,
    lang: str,
    published: PubDate,
    gender: Callable[[str], str | None] = lambda _actor: None,
) -> list[Report]:
    """Reports for every trigger whose participants the sentence names (see module docstring).

    ``gender`` gives "m", "f" or None for an actor id (the KB's), for verb agreement.
    """
    reports: list[Report] = []
    withhold = published.doubtful and published.source != "content"
    paragraph_of = {s.start: s.paragraph for s in sentences}
    by_sentence = _mentions_by_sentence(sentences, mentions)
    summit_at: dict[int, str] = {}  # sentence start -> where a summit it names is held
    previous: Sentence | None = None
    for index, sent in enumerate(sentences):
        before, previous = previous, sent
        in_sentence = by_sentence.get(sent.start, [])
        people = [m for m in in_sentence if m.kind == "person" and m.actor_id] if in_sentence else []
        if not people and not (
            reports
            and _may_add(sent, sentences[index + 1 : index + 2], in_sentence, reports[-1], paragraph_of)
        ):
            continue  # nobody to pair and nothing to add to: skip the trigger scan
        found = find_triggers(text, sent.start, sent.end, lang=lang)
        triggers = absorb_objects(text, found, lang) if found else found
        if not triggers:
            continue
        triggers = _clipped_at_names(text, triggers, people, lang)
        clauses = Clauses(text, sent.start, sent.end)
        clause_of = {t.start: clauses.around(t.start) for t in triggers}
        places = _SentencePlaces(text, sent, in_sentence, lang)
        summit = _summit_place(triggers, clause_of, places)
        if summit is not None:
            summit_at[sent.start] = summit
        has_cues = sentence_has_cues(text, sent.start, sent.end, lang=lang)
        cues = {
            t.start: find_status(
                text,
                sent.start,
                sent.end,
                t.start,
                lang=lang,
                clause=clause_of[t.start],
                predicate=status_scope(
                    text, sent.start, sent.end, t.start, lang=lang, clauses=clauses
                )
                if has_cues
                else None,
                trigger_status=t.status,
            )
            for t in triggers
        }
        if len(triggers) > 1:
            cues = _plans_over_during(text, triggers, cues, clause_of, lang)
        dates = _resolve_dates(text, sent, cues, clauses, lang=lang, published=published)
        agreement = _Agreement(text, clause_of, pairing_words(lang), gender)
        solo = {t.start: _mode(t, people, text, lang) in SOLO_MODES for t in triggers}
        chosen = _choose_all(text, sent, triggers, people, in_sentence, solo, clauses, lang=lang)
        # dates go to triggers that found their people; "took part on Thursday in a meeting"
        productive = [
            t
            for t in triggers
            if _can_report(chosen[t.start][0], solo=solo[t.start])
            or _backref(reports, t, sent, paragraph_of, people, agreement) is not None
        ] or list(triggers)
        own_dates = _dates_by_trigger(productive, dates, text, pairing_words(lang).that)
        for trigger in triggers:
            cue = cues[trigger.start]
            if cue.negated:
                continue
            groups, rule = chosen[trigger.start]
            date = own_dates.get(trigger.start)
            if date is not None and cue.status == "planned" and _before(date, published):
                date = None  # "last month he named an envoy for talks": the talks are to come
            if not groups:
                # "talks have gone on since last summer": a span's edge or a process re-dates
                # no contact
                if (
                    date is not None
                    and not edge_of_span(text, date.start, lang=lang)
                    and not names_a_process(trigger, lang)
                ):
                    earlier = _backref(reports, trigger, sent, paragraph_of, people, agreement)
                    # "after Monday's London meeting", of a meeting still to come: that Monday
                    # is the next one, never a past day the plan cannot have been held on
                    if earlier is not None and not (earlier.status == "planned" and _before(date, published)):
                        reports.append(_redate(earlier, date, sent, trigger, withhold))
                continue
            for participants in groups:
                report = _report(
                    article_id,
                    text,
                    sent,
                    trigger,
                    participants,
                    places=places,
                    clause=clause_of[trigger.start],
                    rule=rule,
                    cue=cue,
                    date=date,
                    withhold=withhold,
                    lang=lang,
                )
                if report is not None:
                    if (
                        report.mode == "multilateral"
                        and report.location is None
                        and before is not None
                        and before.paragraph == sent.paragraph
                        and before.start in summit_at
                    ):
                        report = replace(report, location=summit_at[before.start])
                    reports.append(report)
    headline = frozenset(s.start for s in sentences[:1])  # the article's first line
    return drop_visits_with_counterpart(fold_into_joint(fold_sentence_reports(reports), headline=headline))


def _plans_over_during(
    text: str,
    triggers: Sequence[Trigger],
    cues: dict[int, StatusCue],
    clause_of: dict[int, tuple[int, int]],
    lang: str,
) -> dict[int, StatusCue]:
    """A contact in a "during" phrase is planned when the main clause's contact is: "during
    the visit she will meet Xi" tells of a visit to come, as much as of the meeting."""
    changed = dict(cues)
    for trigger in triggers:
        cue = cues[trigger.start]
        if cue.status != "occurred" or during_phrase(text, clause_of[trigger.start][0], trigger.start, lang) is None:
            continue
        plan = next(
            (
                other
                for other in triggers
                if other.start > trigger.end and cues[other.start].status == "planned"
            ),
            None,
        )
        if plan is not None:
            changed[trigger.start] = replace(cue, status="planned", cue=plan.text)
    return changed


def _may_add(
    sent: Sentence,
    following: Sequence[Sentence],
    in_sentence: Sequence[Mention],
    latest: Report,
    paragraph_of: dict[int, int],
) -> bool:
    """Whether a sentence that names nobody can still add something, after ``latest``.

    It can date a report within ``BACKREF_PARAGRAPHS`` paragraphs before it ("the call took
    place on Monday"), or name the place of a summit that the next sentence of its paragraph
    attends; when neither can be, its triggers need no scan.
    """
    if sent.paragraph - paragraph_of[latest.sent_start] <= BACKREF_PARAGRAPHS:
        return True
    return bool(following) and following[0].paragraph == sent.paragraph and any(
        m.kind in PLACE_KINDS and m.name for m in in_sentence
    )


def _summit_place(
    triggers: Sequence[Trigger],
    clause_of: dict[int, tuple[int, int]],
    places: _SentencePlaces,
) -> str | None:
    """Where the first summit the sentence names is held, whoever attends it.

    "Russia's delegation to the G20 summit in South Africa ... The new head of the delegation
    is X": the next sentence's attendance takes this place when it names none itself.
    """
    for trigger in triggers:
        if trigger.mode != "multilateral":
            continue
        place = places.where("multilateral", trigger, clause_of[trigger.start])
        if place is not None:
            return place
    return None


class _SentencePlaces:
    """The sentence's places in locative use, found once and only when a location is asked."""

    def __init__(self, text: str, sent: Sentence, in_sentence: Sequence[Mention], lang: str):
        self._text, self._sent, self._mentions, self._lang = text, sent, in_sentence, lang
        self._places: list[Mention] | None = None

    def where(self, mode: str, trigger: Trigger, clause: tuple[int, int]) -> str | None:
        """The name of the place of a contact of ``mode`` at ``trigger``, or None."""
        place = self.place(mode, trigger, clause)
        return place.name if place else None

    def place(self, mode: str, trigger: Trigger, clause: tuple[int, int]) -> Mention | None:
        """The place mention of a contact of ``mode`` at ``trigger``, or None."""
        if mode == "phone":
            return None
        words = pairing_words(self._lang)
        if self._places is None:
            self._places = locative_places(
                self._text,
                self._mentions,
                sentence=(self._sent.start, self._sent.end),
                at=words.at,
                suffixes=words.at_suffixes,
                lang=self._lang,
            )
        span = (trigger.start, trigger.end)
        # "took part in the session and recalled that Poles living in Britain ...": a place of
        # the reported clause after the trigger is not where the contact was
        places = [
            m for m in self._places if m.start < trigger.end or not words.that.search(self._text, trigger.end, m.start)
        ]
        found = nearest_place(places, mode=mode, trigger=span, clause=clause)
        if found is not None or mode != "visit":
            return found
        ahead = destinations(
            self._text,
            self._mentions,
            trigger=span,
            clause=clause,
            to=words.to,
            suffixes=words.to_suffixes,
            lang=self._lang,
        )
        return nearest_place(ahead, mode=mode, trigger=span, clause=clause)


def _report(
    article_id: str,
    text: str,
    sent: Sentence,
    trigger: Trigger,
    participants: Sequence[Mention],
    *,
    places: _SentencePlaces,
    clause: tuple[int, int],
    rule: str,
    cue: StatusCue,
    date: DateMention | None,
    withhold: bool,
    lang: str,
) -> Report | None:
    """One report, or None when the mode needs more participants than were found."""
    mode = _mode(trigger, participants, text, lang)
    if mode == "visit" and len(participants) > 1:
        mode = "meet"  # a visit with a named counterpart counts as the meeting
    if len(participants) < 2 and mode not in SOLO_MODES:
        return None
    place = places.place(mode, trigger, clause)
    if mode == "visit" and len(participants) == 1 and (place is None or _at_home(participants[0], place)):
        # a lone visit names where it went: without a place it is a tour of a factory or a
        # school; to a place in the visitor's own country it meets no foreign counterpart
        return None
    value, precision, basis, doubtful, note = _date_fields(date, withhold)
    return Report(
        article_id=article_id,
        sent_start=sent.start,
        sent_end=sent.end,
        trigger_start=trigger.start,
        trigger_end=trigger.end,
        trigger=trigger.text,
        mode=mode,
        actors=tuple(
            [
                ActorRef(m.actor_id or "", m.name or m.text, m.country, m.start, m.end)
                for m in participants
            ]
        ),
        status=cue.status,
        date=value,
        date_precision=precision,
        date_basis=basis,
        date_doubtful=doubtful,
        location=place.name if place else None,
        evidential=cue.evidential,
        lang=lang,
        rule="+".join(
            filter(None, (trigger.rule, rule, f"status:{cue.cue}" if cue.cue else "", note))
        ),
        confidence=_confidence(rule, value is not None, doubtful),
    )


def _at_home(traveller: Mention, place: Mention | None) -> bool:
    """True when a lone visitor's destination lies in their own country (a domestic trip)."""
    return place is not None and traveller.country is not None and place.country == traveller.country


def _can_report(groups: list[list[Mention]], *, solo: bool) -> bool:
    """True when a trigger's participants are enough for a report of its mode (``solo``:
    one that needs one person)."""
    return any(solo or len({m.actor_id for m in group}) > 1 for group in groups)


def _mentions_by_sentence(
    sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> dict[int, list[Mention]]:
    """Mentions grouped by the start of their sentence, in one pass over both sorted lists
    (each sentence's share found by bisection)."""
    grouped: dict[int, list[Mention]] = {}
    ordered = sorted(mentions, key=attrgetter("start"))
    starts = [m.start for m in ordered]
    index = 0
    for sent in sentences:
        index = bisect_left(starts, sent.start, index)
        last = bisect_left(starts, sent.end, index)
        if last > index:
            grouped.setdefault(sent.start, []).extend(ordered[index:last])
            index = last
    return grouped


def _resolve_dates(
    text: str,
    sent: Sentence,
    cues: dict[int, StatusCue],
    clauses: Clauses,
    *,
    lang: str,
    published: PubDate,
) -> list[DateMention]:
    """The sentence's dates, each read forward when it belongs to a plan.

    A date looks forward when a trigger of the sentence is planned, or when a planned cue
    shares the date's own clause ("the meeting, scheduled for Friday, was cancelled");
    otherwise it is the latest such day up to publication.
    """
    found = scan_dates(text, sent.start, sent.end, lang=lang, published=published)
    if any(c.status == "planned" for c in cues.values()):
        return _without_dateline(found.read(future=True), text, sent, published)
    past = _without_dateline(found.read(future=False), text, sent, published)
    if not past or not sentence_has_plan(text, sent.start, sent.end, lang=lang):
        return past
    ahead = {d.start: d for d in found.read(future=True)}
    return [
        ahead.get(d.start, d)
        if sentence_has_plan(text, *clauses.around(d.start), lang=lang)
        else d
        for d in past
    ]


_NUMERIC_DATE = re.compile(r"\d")


def _without_dateline(
    dates: list[DateMention], text: str, sent: Sentence, published: PubDate
) -> list[DateMention]:
    """Drop a numeric publication date that opens the sentence ("14.02.2018 World: May will
    hold talks ..."): a page's dateline glued to the lead, not the date of the contact."""
    if not dates or dates[0].start != sent.start or dates[0].value != published.value:
        return dates
    if dates[0].basis != "explicit" or not _NUMERIC_DATE.match(text, dates[0].start):
        return dates
    return dates[1:]


def _choose_all(
    text: str,
    sent: Sentence,
    triggers: Sequence[Trigger],
    people: Sequence[Mention],
    mentions: Sequence[Mention],
    solo: dict[int, bool],
    clauses: Clauses,
    *,
    lang: str,
) -> dict[int, tuple[list[list[Mention]], str]]:
    """Participants per trigger start; tight bindings first, so looser rules never steal them.

    Every trigger is paired once; a trigger with a loose rule is paired again only when
    another trigger bound people tightly (dash pair, between, adjacent group). ``solo`` tells
    per trigger start whether its mode needs one person only.
    """
    starts = [t.start for t in triggers]
    states = [m for m in mentions if m.kind in ("country", "org") and m.rule != "demonym"]
    prepared = prepare_people(
        text,
        sent.start,
        sent.end,
        people,
        lang=lang,
        clauses=clauses,
        cue_places=cue_places(text, sent.start, sent.end, lang=lang),
        triggers=starts,
    )

    def pair(trigger: Trigger, taken: frozenset[int]) -> tuple[list[list[Mention]], str]:
        return choose_participants(
            text,
            sent.start,
            sent.end,
            (trigger.start, trigger.end),
            people,
            lang=lang,
            pairs_needed=not solo[trigger.start],
            taken=taken,
            next_triggers=starts,
            states=states,
            prepared=prepared,
        )

    chosen = {t.start: pair(t, frozenset()) for t in triggers}
    if len(triggers) == 1:
        return chosen  # a lone trigger has no other to yield people to
    taken = frozenset(
        m.start
        for groups, rule in chosen.values()
        if rule in _TIGHT_RULES
        for group in groups
        for m in group
    )
    if taken:
        for trigger in triggers:
            if chosen[trigger.start][1] not in _TIGHT_RULES:
                chosen[trigger.start] = pair(trigger, taken)
    return chosen


def _before(date: DateMention, published: PubDate) -> bool:
    """True when ``date`` ends before the publication date (compared at the coarser precision)."""
    if not published.value:
        return False
    size = min(len(date.value), len(published.value))
    return date.value[:size] < published.value[:size]


def _date_fields(
    date: DateMention | None, withhold: bool
) -> tuple[str | None, str | None, str, bool, str]:
    """(value, precision, basis, doubtful, provenance note) for a report's date.

    A date resolved from a publication date the article contradicts is withheld (the value is
    kept in the rule for provenance): a wrong date is worse than none (seed 003).
    """
    if date is None:
        return None, None, "unknown", False, ""
    if date.doubtful and withhold:
        return None, None, date.basis, True, f"date_withheld:{date.value}"
    return date.value, date.precision, date.basis, date.doubtful, ""


_RULE_CONFIDENCE = {
    "pair.dash": 0.85,
    "pair.between": 0.85,
    "pair.adjacent": 0.8,
    "pair.clause": 0.75,
    "pair.relative": 0.7,
    "pair.sentence": 0.55,
}


def _confidence(rule: str, dated: bool, doubtful: bool) -> float:
    base = _RULE_CONFIDENCE.get(rule, 0.6)
    return round(min(0.95, base + (0.05 if dated else 0.0) - (0.1 if doubtful else 0.0)), 3)


class _Agreement:
    """Whether a carried-over actor fits the gender of the past verb in a trigger's clause."""

    def __init__(
        self,
        text: str,
        clause_of: dict[int, tuple[int, int]],
        words: PairingWords,
        gender: Callable[[str], str | None],
    ) -> None:
        self._text, self._clause_of, self._words, self._gender = text, clause_of, words, gender

    def fits(self, trigger: Trigger, report: Report) -> bool:
        """False when the clause's verb is of one gender and the report's one actor of the other:
        "Už loni, když byl na návštěvě" does not continue a visit of Theresa May."""
        if len(report.actors) != 1:  # sl "sta bila": a pair's dual looks feminine
            return True
        start, end = self._clause_of[trigger.start]
        wanted = subject_gender(self._text, start, end, self._words)
        known = self._gender(report.actors[0].actor_id)
        return wanted is None or known is None or known == wanted


def _backref(
    reports: Sequence[Report],
    trigger: Trigger,
    sent: Sentence,
    paragraph_of: dict[int, int],
    people: Sequence[Mention],
    agreement: _Agreement,
) -> Report | None:
    """The latest earlier report of the trigger's mode within ``BACKREF_PARAGRAPHS`` paragraphs.

    None when the sentence names people and none of that report: "if Trump also holds a
    meeting with the Tories in July" is another contact, not a date for Bolton's meeting; and
    when the clause's verb cannot have that report's actor as its subject (``_Agreement``).
    """
    named = {m.actor_id for m in people}
    for report in reversed(reports):
        if report.mode != trigger.mode:
            continue
        if named and not named & {a.actor_id for a in report.actors}:
            return None
        paragraph = paragraph_of.get(report.sent_start, -99)
        if 0 <= sent.paragraph - paragraph <= BACKREF_PARAGRAPHS and agreement.fits(trigger, report):
            return report
        return None
    return None


def _redate(
    earlier: Report, date: DateMention, sent: Sentence, trigger: Trigger, withhold: bool
) -> Report:
    value, precision, basis, doubtful, note = _date_fields(date, withhold)
    return replace(
        earlier,
        sent_start=sent.start,
        sent_end=sent.end,
        trigger_start=trigger.start,
        trigger_end=trigger.end,
        trigger=trigger.text,
        date=value,
        date_precision=precision,
        date_basis=basis,
        date_doubtful=doubtful,
        rule="+".join(x for x in (trigger.rule, "pair.backref", note) if x),
        confidence=0.6,
    )
