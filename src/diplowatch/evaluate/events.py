"""Score predicted events against gold, as shared/gold/README.md describes.

Actors are compared by surname after transliteration and spelling folds; a prediction matches a
gold event of the same article when type and actor set agree; among several candidates the
pairing that agrees on most of date, status and mode wins (optimal per article and actor set).
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplowatch.errors import GoldFormatError
from diplowatch.lang.keys import name_key


def surname_key(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w]
    return name_key(words[-1]) if words else ""


def actor_set(event: dict[str, Any]) -> frozenset[str]:
    return frozenset(surname_key(a) for a in event.get("actors") or [])


def _json_lines(path: str | Path) -> Iterator[tuple[str, Any]]:
    """(``path:line`` for messages, parsed value) of each non-blank line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldFormatError(f"cannot read {path}: {exc.strerror}") from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
        yield f"{path}:{lineno}", value


def load_events_file(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a gold-format JSON Lines file into {article id: object}."""
    objects: dict[str, dict[str, Any]] = {}
    for where, obj in _json_lines(path):
        if not isinstance(obj, dict) or "id" not in obj or not isinstance(obj.get("events", []), list):
            raise GoldFormatError(f"{where}: expected an object with 'id' and 'events'")
        objects[str(obj["id"])] = obj
    return objects


def load_export_file(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a ``diplowatch export --format jsonl`` file into per-article form.

    A merged event is listed under each of its ``article_ids``, so the store's cross-article
    merge is scored against the same per-article gold as ``diplowatch events``: an event an
    article's reports were split over, or merged into the wrong contact, shows up as a miss or
    a false alarm of that article.
    """
    objects: dict[str, dict[str, Any]] = {}
    for where, event in _json_lines(path):
        if not isinstance(event, dict) or not isinstance(event.get("article_ids"), list):
            raise GoldFormatError(f"{where}: expected an exported event with 'article_ids'")
        actors = event.get("actors") or []
        scored = {
            **{k: event.get(k) for k in ("id", "type", "mode", "date", "date_basis", "location", "status")},
            "actors": [a["name"] for a in actors],
            "countries": [a.get("country") for a in actors],
        }
        for article_id in event["article_ids"]:
            objects.setdefault(str(article_id), {"id": str(article_id), "events": []})["events"].append(scored)
    return objects


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    agree: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = {k: (self.agree[k] / self.tp if self.tp else 0.0) for k in ("mode", "status", "date", "location")}
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            **{f"{k}_accuracy": round(v, 4) for k, v in acc.items()},
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "mismatches": self.mismatches,
        }


def _date_agrees(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return pred is None
    return pred is not None and pred[: len(gold)] == gold


def _location_agrees(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return pred is None
    return pred is not None and name_key(gold) == name_key(pred)


def _agreement(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    return {
        "mode": gold.get("mode") == pred.get("mode"),
        "status": gold.get("status") == pred.get("status"),
        "date": _date_agrees(gold.get("date"), pred.get("date")),
        "location": _location_agrees(gold.get("location"), pred.get("location")),
    }


def _best_pairing(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index) maximising agreement on date, status and mode."""
    small, large, flipped = (golds, preds, False) if len(golds) <= len(preds) else (preds, golds, True)
    best: tuple[int, list[tuple[int, int]]] = (-1, [])
    if len(large) > 8:  # greedy beyond what brute force affords
        used: set[int] = set()
        pairs = []
        for i, item in enumerate(small):
            scores = [
                (sum(list(_agreement(*((item, o) if not flipped else (o, item))).values())[:3]), j)
                for j, o in enumerate(large)
                if j not in used
            ]
            _, j = max(scores)
            used.add(j)
            pairs.append((j, i) if flipped else (i, j))
        return pairs
    for perm in itertools.permutations(range(len(large)), len(small)):
        total = 0
        for i, j in enumerate(perm):
            g, p = (small[i], large[j]) if not flipped else (large[j], small[i])
            agreement = _agreement(g, p)
            total += agreement["date"] + agreement["status"] + agreement["mode"]
        if total > best[0]:
            best = (total, [((i, j) if not flipped else (j, i)) for i, j in enumerate(perm)])
    return best[1]


def score_events(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]]) -> Score:
    """Score every gold article (a missing prediction counts as no events)."""
    score = Score()
    for article_id, gold_obj in sorted(gold.items()):
        pred_events = [
            e for e in (pred.get(article_id, {}).get("events") or []) if e.get("type", "CONSULT") == "CONSULT"
        ]
        gold_events = gold_obj.get("events") or []
        groups: dict[frozenset[str], tuple[list[dict[str, Any]], list[dict[str, Any]]]] = defaultdict(lambda: ([], []))
        for g in gold_events:
            groups[actor_set(g)][0].append(g)
        for p in pred_events:
            groups[actor_set(p)][1].append(p)
        for golds, preds in groups.values():
            pairs = _best_pairing(golds, preds) if golds and preds else []
            matched_g = {i for i, _ in pairs}
            matched_p = {j for _, j in pairs}
            for i, j in pairs:
                score.tp += 1
                agreement = _agreement(golds[i], preds[j])
                for key, ok in agreement.items():
                    score.agree[key] += ok
                if not all(agreement.values()):
                    score.mismatches.append(
                        {
                            "article": article_id,
                            "gold": golds[i],
                            "pred": preds[j],
                            "wrong": [k for k, ok in agreement.items() if not ok],
                        }
                    )
            for i, g in enumerate(golds):
                if i not in matched_g:
                    score.fn += 1
                    score.misses.append({"article": article_id, **g})
            for j, p in enumerate(preds):
                if j not in matched_p:
                    score.fp += 1
                    score.false_alarms.append({"article": article_id, **p})
    return score


PER_LANGUAGE_METRICS = ("tp", "fp", "fn", "precision", "recall", "f1", "date_accuracy")


def article_language(article_id: str, *objects: dict[str, Any] | None) -> str:
    """The language an article's figures are filed under, so that mixed sets can be read per language.

    Gold and prediction files need not carry ``lang``; the ids of the shared sets encode it
    (BSNLP ``<topic>__<lang>__<stem>``, samples ``sl_02_...``), and "?" keeps the rest visible.
    """
    for obj in objects:
        if obj and obj.get("lang"):
            return str(obj["lang"])
    parts = article_id.split("__")
    if len(parts) == 3 and parts[1]:
        return parts[1]
    prefix = article_id.split("_", 1)[0]
    if len(prefix) == 2 and prefix.isalpha() and "_" in article_id:
        return prefix.lower()
    return "?"


def score_by_language(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Event figures per article language; a total can hide one language that fails entirely.

    Articles are scored independently, so the per-language counts add up to the overall ones.
    """
    by_language: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for article_id, gold_obj in gold.items():
        by_language[article_language(article_id, gold_obj, pred.get(article_id))][article_id] = gold_obj
    figures = {}
    for lang, articles in sorted(by_language.items()):
        scores = score_events(articles, pred).as_dict()
        figures[lang] = {"articles": len(articles), **{key: scores[key] for key in PER_LANGUAGE_METRICS}}
    return figures
