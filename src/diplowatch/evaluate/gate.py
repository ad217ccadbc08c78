"""Quality floors: event scores may not fall below what they were when last recorded.

``tests/eval_baseline.json`` pins, per gold set, a digest of the gold file and floors for
precision, recall, F1 and date accuracy. The test suite measures again and fails when a score
drops more than ``EPSILON`` below its floor, or when the gold changed without a new baseline.
``python -m diplowatch.evaluate.gate --update`` records the current scores; it refuses to lower
a floor unless given ``--allow-lower`` (a deliberate, reviewable act).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplowatch.cli.ingest import ingest_items
from diplowatch.evaluate.events import load_events_file, score_events
from diplowatch.ingest.readers import read_inputs
from diplowatch.store.opener import open_store
from diplowatch.store.queries import article_events

METRICS = ("precision", "recall", "f1", "date_accuracy")
EPSILON = 0.005  # the pipeline is deterministic; this only absorbs float rounding


def gold_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A gold file and its articles: a folder to ingest, or a tool that writes them into one.

    The real-news set ships as raw BSNLP files with header lines; ``texts_tool`` (run as
    ``TOOL GOLD OUTDIR``) turns them into texts named by the gold ids, so nothing is copied
    into the repository.
    """

    corpus: Path
    gold: Path
    texts_tool: Path | None = None


@contextmanager
def corpus_folder(gold_set: GoldSet) -> Iterator[Path]:
    """The folder of texts to ingest, written into a temporary one when the set needs its tool."""
    if gold_set.texts_tool is None:
        yield gold_set.corpus
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, str(gold_set.texts_tool), str(gold_set.gold), tmp, "--bsnlp", str(gold_set.corpus)],
            check=True,
            capture_output=True,
        )
        yield Path(tmp)


def measure(gold_set: GoldSet) -> dict[str, float]:
    """Ingest the set's articles into a throw-away store and score its per-article events."""
    with (
        corpus_folder(gold_set) as corpus,
        tempfile.TemporaryDirectory() as tmp,
        open_store(Path(tmp) / "gate.db") as store,
    ):
        ingest_items(store, read_inputs([str(corpus)]))
        predictions = {obj["id"]: obj for obj in article_events(store)}
    scores = score_events(load_events_file(gold_set.gold), predictions).as_dict()
    return {metric: float(scores[metric]) for metric in METRICS}


def check(name: str, scores: dict[str, float], baseline: dict[str, Any], digest: str) -> list[str]:
    """Problems with ``scores`` against the recorded baseline of gold set ``name``."""
    entry = baseline.get(name)
    if entry is None:
        return [f"{name}: no baseline recorded; run python -m diplowatch.evaluate.gate --update"]
    if entry["gold_sha256"] != digest:
        return [f"{name}: the gold file changed; record a new baseline with --update"]
    return [
        f"{name}: {metric} {scores[metric]:.3f} fell below its floor {entry[metric]:.3f}"
        for metric in METRICS
        if scores[metric] < entry[metric] - EPSILON
    ]


def update(path: Path, sets: dict[str, GoldSet], *, allow_lower: bool) -> list[str]:
    """Record current scores as floors; returns refusals (a floor that would go down)."""
    baseline = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    refusals = []
    for name, gold_set in sets.items():
        scores = measure(gold_set)
        gold = gold_set.gold
        old = baseline.get(name, {})
        same_gold = old.get("gold_sha256") == gold_digest(gold)
        lower = [m for m in METRICS if same_gold and scores[m] < old.get(m, 0.0) - EPSILON]
        if lower and not allow_lower:
            refusals.append(f"{name}: would lower {', '.join(lower)}; pass --allow-lower to accept")
            continue
        baseline[name] = {"gold_sha256": gold_digest(gold), **{m: round(scores[m], 4) for m in METRICS}}
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return refusals


def gold_sets(repo: Path) -> dict[str, GoldSet]:
    """The gold sets that exist beside this checkout: the bundled sample, the shared seeds and
    the real-news development sets, the shared one and our own (only with their texts and the
    tool that writes them)."""
    sets = {"demo": GoldSet(repo / "samples" / "corpus", repo / "samples" / "gold.jsonl")}
    shared = repo.parent / "shared"
    if (shared / "seeds").is_dir():
        sets["seeds"] = GoldSet(shared / "seeds", shared / "gold" / "seeds.jsonl")
    dev_gold, texts_tool = shared / "gold" / "bsnlp-dev.jsonl", shared / "tools" / "bsnlp_texts.py"
    if (shared / "bsnlp").is_dir() and dev_gold.is_file() and texts_tool.is_file():
        sets["bsnlp-dev"] = GoldSet(shared / "bsnlp", dev_gold, texts_tool)
        # our own annotation of other real articles of the same folder (eval/gold/README.md)
        for name in ("bsnlp-extra", "bsnlp-extra2", "bsnlp-extra3", "bsnlp-extra4"):
            sets[name] = GoldSet(shared / "bsnlp", repo / "eval" / "gold" / f"{name}.jsonl", texts_tool)
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--update", action="store_true", help="record the current scores as floors")
    parser.add_argument("--allow-lower", action="store_true", help="accept a lower floor")
    parser.add_argument("--repo", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    path = args.repo / "tests" / "eval_baseline.json"
    sets = gold_sets(args.repo)
    if args.update:
        refusals = update(path, sets, allow_lower=args.allow_lower)
        print("\n".join(refusals) or f"baseline written to {path}")
        return 1 if refusals else 0
    baseline = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    for name, gold_set in sets.items():
        scores = measure(gold_set)
        print(name, " ".join(f"{m}={scores[m]:.3f}" for m in METRICS))
        problems += check(name, scores, baseline, gold_digest(gold_set.gold))
    print("\n".join(problems) or "all floors hold")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
