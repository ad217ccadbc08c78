"""A cause for every miss and false alarm, so that a score drop points at the stage to fix.

Actors are compared by surname key, as the matcher compares them (``events.actor_set``); the
matcher pairs a prediction with a gold event only when their actor sets are equal, and picks by
date, status and mode only among events of the same actors.

Miss causes with the store that produced the predictions (``store_traces``), first that holds:

- ``actor not found``: a gold actor has no person mention in the article (the gazetteer, name
  or role recognition never saw them);
- ``no trigger in the sentence``: every gold actor is mentioned, but no report of the article
  names any of them (no contact trigger was recognised where they appear);
- ``participants not paired``: reports name some gold actors, but none names exactly the gold
  set (a partner was left out or an extra one attached);
- ``wrong attribute``: a report names exactly the gold actors, but the events of those actors
  went to other gold events of the same actors that agree better on date, status and mode
  (two occasions merged into one, or one told with the wrong date, status or mode).

Without the store only the prediction file is known, so the miss causes are coarser:
``actor not predicted`` (a gold actor is in no predicted event of the article), ``pair not
predicted`` (each is, but no prediction has exactly the gold set) and ``wrong attribute`` (as
above, judged on the predicted events).

False alarm causes, from the files alone: ``actor not in gold`` (a predicted actor is in no gold
event of the article), ``pair not in gold`` (each is, but no gold event has exactly the predicted
set) and ``extra event`` (gold has the set, but its events went to other predictions: one
occasion told as two events).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from diplowatch.evaluate.events import Score, actor_set, surname_key
from diplowatch.store.base import Store

STORE_MISS_CAUSES = ("actor not found", "no trigger in the sentence", "participants not paired", "wrong attribute")
FILE_MISS_CAUSES = ("actor not predicted", "pair not predicted", "wrong attribute")
FALSE_ALARM_CAUSES = ("actor not in gold", "pair not in gold", "extra event")


@dataclass(frozen=True, slots=True)
class ArticleTrace:
    """What the extractor found in one stored article, in the matcher's surname keys."""

    mentioned: frozenset[str]
    reported: tuple[frozenset[str], ...]


def store_traces(store: Store) -> dict[str, ArticleTrace]:
    """Person mentions and report actor sets of every current article the store holds."""
    mentioned: dict[str, set[str]] = {a["id"]: set() for a in store.articles() if a["status"] == "ok"}
    rows = store.query(
        "SELECT m.article_id, m.name, m.surface FROM mentions m"
        " JOIN articles a ON a.id = m.article_id AND a.version = m.version"
        " WHERE a.is_current = 1 AND m.kind = 'person'"
    )
    for row in rows:
        mentioned.setdefault(row["article_id"], set()).add(surname_key(row["name"] or row["surface"]))
    reported: dict[str, list[frozenset[str]]] = defaultdict(list)
    for report in store.current_reports():
        reported[report.article_id].append(frozenset(surname_key(a.name) for a in report.actors))
    return {
        article_id: ArticleTrace(frozenset(keys), tuple(reported.get(article_id, ())))
        for article_id, keys in mentioned.items()
    }


def _consults(obj: dict[str, Any] | None) -> list[frozenset[str]]:
    return [actor_set(e) for e in (obj or {}).get("events") or [] if e.get("type", "CONSULT") == "CONSULT"]


def miss_cause(miss: dict[str, Any], predicted: list[frozenset[str]], trace: ArticleTrace | None) -> str:
    """Cause of one missed gold event (see the module docstring); ``trace`` None: files only."""
    wanted = actor_set(miss)
    if trace is None:
        if not wanted <= frozenset().union(*predicted):
            return "actor not predicted"
        return "wrong attribute" if wanted in predicted else "pair not predicted"
    if not wanted <= trace.mentioned:
        return "actor not found"
    if not any(actors & wanted for actors in trace.reported):
        return "no trigger in the sentence"
    return "wrong attribute" if wanted in trace.reported else "participants not paired"


def false_alarm_cause(alarm: dict[str, Any], gold_sets: list[frozenset[str]]) -> str:
    """Cause of one predicted event that matched no gold event (see the module docstring)."""
    actors = actor_set(alarm)
    if not actors <= frozenset().union(*gold_sets):
        return "actor not in gold"
    return "extra event" if actors in gold_sets else "pair not in gold"


def explain(
    score: Score,
    gold: dict[str, dict[str, Any]],
    pred: dict[str, dict[str, Any]],
    traces: dict[str, ArticleTrace] | None = None,
) -> dict[str, Any]:
    """Causes of ``score``'s misses and false alarms, in their order, with counts.

    Articles the store does not hold fall back to the file-only causes, and are counted so that
    a store of the wrong corpus is noticed rather than silently explaining nothing.
    """
    miss_causes = [
        miss_cause(m, _consults(pred.get(m["article"])), None if traces is None else traces.get(m["article"]))
        for m in score.misses
    ]
    alarm_causes = [false_alarm_cause(a, _consults(gold.get(a["article"]))) for a in score.false_alarms]
    return {
        "basis": "files" if traces is None else "store",
        "articles_not_in_store": None if traces is None else sum(1 for a in gold if a not in traces),
        "misses": miss_causes,
        "false_alarms": alarm_causes,
        "miss_counts": _counts(miss_causes, FILE_MISS_CAUSES if traces is None else STORE_MISS_CAUSES),
        "false_alarm_counts": _counts(alarm_causes, FALSE_ALARM_CAUSES),
    }


def _counts(causes: list[str], expected: tuple[str, ...]) -> dict[str, int]:
    """Counts in a fixed order, the expected causes even when zero so that lines compare by eye."""
    found = Counter(causes)
    others = sorted(c for c in found if c not in expected)
    return {cause: found[cause] for cause in (*expected, *others)}
