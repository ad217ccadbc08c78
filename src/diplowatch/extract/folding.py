"""Fold what one contact produced twice: trigger words that name one contact, and reports.

Triggers (before pairing): a summit named as the setting of another contact is dropped; an
attendance word and its object ("took part in the meeting") are one multilateral trigger;
a phone adverb and a talk verb ("telefonon egyeztetett") are one call.
Reports (after pairing): one report per sentence, people and mode, an unspecified one
yielding to a known mode; a lone visit yields to its traveller's meeting in the article; a
contact of some of the people of a larger joint contact in the article is that joint contact.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from diplowatch.extract.pairs import last_match, only_words, pairing_words
from diplowatch.extract.triggers import Trigger
from diplowatch.lang.packs import load_pack_chain
from diplowatch.model import Report

ABSORB_GAP_WORDS = 5  # "took part on Thursday in the meeting"


TIME_REFERENCE_GAP_WORDS = 5  # "перед началом открывшегося в среду экстренного саммита"

# "vrh Trump-Kim", "саммит Путин – Трамп": two capitalised words joined by a dash name the
# summit's sides (pairing still needs them to be people)
_PAIR_AFTER = re.compile(r"\s+([^\W\d_])[\w'’]*\s?[-–—]\s?([^\W\d_])[\w'’]*(?!\w)")


def sides_after(text: str, trigger: Trigger) -> bool:
    """Whether a summit names its two sides right after it ("vrh Trump-Kim")."""
    found = _PAIR_AFTER.match(text, trigger.end)
    return found is not None and found.group(1).isupper() and found.group(2).isupper()


@cache
def _phrases(lang: str, key: str) -> re.Pattern[str]:
    """The phrases of ``triggers.yaml`` ``key``: ``setting`` names a summit as the setting of
    another contact ("ob robu", "am Rande"), ``time_reference`` as a point in time ("pred")."""
    phrases = [str(p) for pack in load_pack_chain(lang) for p in pack.triggers.get(key) or []]
    if not phrases:
        return re.compile(r"(?!x)x")
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


def _follows(
    text: str, trigger: Trigger, phrases: re.Pattern[str], gap_words: int, source_before: re.Pattern[str]
) -> bool:
    """True for a summit at most ``gap_words`` words after one of ``phrases``."""
    if trigger.mode != "multilateral":
        return False
    last = last_match(phrases, text, max(0, trigger.start - 80), trigger.start)
    return (
        last is not None
        and only_words(text[last.end() : trigger.start], gap_words)
        and not source_before.match(text, last.start())  # "po poročanju medijev": a source
    )


def absorb_objects(text: str, triggers: list[Trigger], lang: str) -> list[Trigger]:
    """Read "took part in the meeting" as one multilateral trigger, not a summit and a meeting.

    A summit right after a setting phrase ("on the sidelines of the summit") is dropped: the
    contact is the meeting held there. So is a summit named as a point in time ("the day
    before the summit", "after the session"): attendance is not stated. A meeting or talks word
    right after an attendance word (at most ``ABSORB_GAP_WORDS`` words between, no punctuation)
    is that verb's object. When a "with" follows ("took part in talks with Fidan"), the talks
    are a meeting with a named partner and the attendance word yields.
    """
    if len(triggers) == 1 and triggers[0].mode != "multilateral":
        return triggers  # most sentences: nothing to join, and only a summit can be a setting
    words = pairing_words(lang)
    setting, time_reference = _phrases(lang, "setting"), _phrases(lang, "time_reference")
    dropped = {
        t.start
        for t in triggers
        if _follows(text, t, setting, 1, words.source_before)
        or _follows(text, t, time_reference, TIME_REFERENCE_GAP_WORDS, words.source_before)
        and not words.with_.search(t.text)  # "after his meeting with the ministers": he met them
        and not sides_after(text, t)  # "after the Trump-Kim summit": they met
    }
    for first, second in zip(triggers, triggers[1:], strict=False):
        if first.mode != "multilateral" or second.mode not in (
            "meet",
            "unspecified",
            "multilateral",
        ):
            continue
        gap = text[first.end : second.start]
        if not only_words(gap, ABSORB_GAP_WORDS):
            continue
        after = text[second.end : second.end + 12].strip()
        with_partner = bool(words.with_.match(after))
        dropped.add(first.start if with_partner else second.start)
    kept = [t for t in triggers if t.start not in dropped]
    return _join_channel(text, kept)


def _join_channel(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """Read "telefonon egyeztetett" (by phone + talked) as one phone trigger."""
    joined: list[Trigger] = []
    for trigger in triggers:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and {previous.mode, trigger.mode} == {"phone", "unspecified"}
            and not text[previous.end : trigger.start].strip()
        ):
            status = previous.status or trigger.status
            joined[-1] = replace(
                previous if previous.mode == "phone" else trigger,
                start=previous.start,
                end=trigger.end,
                text=text[previous.start : trigger.end],
                status=status,
            )
            continue
        joined.append(trigger)
    return joined


def drop_visits_with_counterpart(reports: list[Report]) -> list[Report]:
    """Drop a lone visit when the article reports its traveller meeting someone then.

    "Choe came to Moscow ... Lavrov, after talks with Choe": a visit with a named counterpart
    counts only as the meeting (samples/README.md). Dates must be compatible at their
    precision and the status the same, so a later trip stays; a contact the visit's own
    sentence names takes its trip (and the traveller's other trips to that destination)
    whatever the statuses, and its place when it names none.
    """
    contacts = [  # a meeting with two named people in it ("appeared together at a conference")
        r for r in reports if r.mode in ("meet", "host", "unspecified", "multilateral") and len(r.actors) > 1
    ]

    lone = [r for r in reports if r.mode == "visit" and len(r.actors) == 1]
    lone_ids = {id(r) for r in lone}
    # "begins a visit to China, during which she will meet Xi": the trip is the frame of the
    # contact its own sentence names, whatever their statuses; so are the traveller's other
    # mentions of a trip to that destination ("on her trip to China she said")
    framed = {
        id(r): v
        for r in contacts
        for v in lone
        if v.sent_start == r.sent_start and v.actors[0].actor_id in {a.actor_id for a in r.actors}
    }

    def covering(visit: Report) -> list[Report]:
        traveller = visit.actors[0].actor_id
        return [
            r
            for r in contacts
            if traveller in {a.actor_id for a in r.actors}
            and (r.status == visit.status or (id(r) in framed and framed[id(r)].location == visit.location))
            and _dates_compatible(r.date, visit.date)
        ]

    dated: dict[int, Report] = {}  # id of the one undated contact covering a dated visit -> visit
    kept = []
    for report in reports:
        cover = covering(report) if id(report) in lone_ids else []
        if not cover:
            kept.append(report)
        elif report.date is not None and len({c.sent_start for c in cover}) == 1:
            # its one contact, or the round of meetings one sentence lists
            for contact in cover:
                if contact.date is None:
                    dated.setdefault(id(contact), report)
    # "during his Monday visit to Ireland ... Varadkar and Barnier appeared together": the
    # visit and its one contact (or one sentence's round of them) are one occasion, dated and
    # placed by the visit; so is a contact its sentence's trip frames
    settled = []
    for report in kept:
        key = id(report)  # the settled copies are new objects
        if key in dated:
            report = _placed(_dated_from(report, dated[key]), dated[key].location)
        settled.append(_framed_by(report, framed[key]) if key in framed else report)
    return settled


def _framed_by(contact: Report, trip: Report) -> Report:
    """A contact in its trip's place, and planned with it when no cue of its own says
    otherwise: "will visit England, where talks with May and an audience with the queen"."""
    if trip.status == "planned" and contact.status == "occurred" and not _status_cued(contact):
        contact = replace(contact, status="planned")
    return _placed(contact, trip.location)


def _placed(report: Report, place: str | None) -> Report:
    """``report`` at ``place`` when it names no place of its own."""
    return replace(report, location=place) if report.location is None and place else report


_IN_PERSON = ("meet", "host", "unspecified")


def fold_into_joint(reports: list[Report], *, headline: frozenset[int] = frozenset()) -> list[Report]:
    """Drop a contact whose people all take part in one larger joint contact of the article.

    "May will meet Barnier today ... Davis will meet Barnier at a lunch the prime minister
    attends ... besides the meeting with May and Davis, Barnier will visit": one occasion told
    pair by pair and then whole is one event with all its named participants (ANNOTATION.md,
    "one event"). The pair must fit the joint contact's date, be in person or of no channel
    like it, and tell the same status, unless the joint contact's status is only the default
    of a bare noun ("the meeting with May and Davis"), which then takes the pair's (and its
    date, when it has none). A pair that fits two different larger sets stays, and so does one
    whose larger set only the headline (sentence starts in ``headline``) names: a headline
    puts several contacts of the article in one phrase ("X talked with A and B").
    """
    joints = [
        r
        for r in reports
        if len({a.actor_id for a in r.actors}) > 2 and r.mode in _IN_PERSON and r.sent_start not in headline
    ]
    if not joints:
        return reports
    taken: dict[int, list[Report]] = {}  # id of a joint contact -> the pairs folded into it
    kept: list[Report] = []
    for report in reports:
        people = {a.actor_id for a in report.actors}
        covering = [
            j
            for j in joints
            if people < {a.actor_id for a in j.actors}
            and report.mode in _IN_PERSON
            and _dates_compatible(report.date, j.date)
            and (report.status == j.status or not _status_cued(j))
        ]
        if len(people) < 2 or len({frozenset(a.actor_id for a in j.actors) for j in covering}) != 1:
            kept.append(report)
            continue
        taken.setdefault(id(covering[0]), []).append(report)
    return [_joined(r, taken[id(r)]) if id(r) in taken else r for r in kept]


def _status_cued(report: Report) -> bool:
    """Whether a status cue, not the default of a bare trigger, gave the report its status."""
    return "+status:" in report.rule


def _joined(joint: Report, pairs: list[Report]) -> Report:
    """The joint contact with the cued status and the date its folded pairs tell."""
    for pair in pairs:
        if not _status_cued(joint) and _status_cued(pair):
            joint = replace(joint, status=pair.status, evidential=pair.evidential)
        joint = _dated_from(joint, pair)
    return joint


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def fold_sentence_reports(reports: list[Report]) -> list[Report]:
    """Keep one report per sentence, people and mode; an unspecified one yields to a known mode.

    "The call, during which Trump and Putin talked" names one contact twice; the specific
    report keeps the unspecified one's date when it has none, whichever comes first. The
    first report of a mode is kept, which is the dated one when only one is dated (see
    ``_dates_by_trigger``).
    """
    kept: list[Report] = []
    for report in reports:
        people = {a.actor_id for a in report.actors}
        same = [
            k
            for k in kept
            if k.sent_start == report.sent_start and {a.actor_id for a in k.actors} == people
        ]
        if "pair.sentence" in report.rule and any(k.mode != "unspecified" for k in same):
            continue  # a loosely paired trigger repeats people the sentence already reported
        if any(k.mode == report.mode for k in same):
            continue  # "udeležil zasedanja": two trigger words, one contact
        if report.mode == "unspecified":
            specific = next((k for k in same if k.mode != "unspecified"), None)
            if specific is not None:
                # "met ... at the end of June and agreed to resume talks": the date went to
                # the nearer, vaguer word
                kept[kept.index(specific)] = _dated_from(specific, report)
                continue
        else:
            for vague in [k for k in same if k.mode == "unspecified"]:
                kept.remove(vague)
                report = _dated_from(report, vague)
        kept.append(report)
    return kept


def _dated_from(report: Report, other: Report) -> Report:
    """``report`` with ``other``'s date when it has none of its own."""
    if report.date is not None or other.date is None:
        return report
    return replace(
        report,
        date=other.date,
        date_precision=other.date_precision,
        date_basis=other.date_basis,
        date_doubtful=other.date_doubtful,
    )
