"""Benchmark: accuracy and CPU cost of article language identification, per corpus and language.

Run: ``.venv/bin/python bench/language_id.py [SHARED]`` (SHARED defaults to ../shared).
Identifies every article as the pipeline does (``detect_language`` on the first LANGUAGE_SAMPLE
characters of the body, ignoring any language given with the article) and compares with the truth:
samples/gold.jsonl for samples/corpus, SHARED/gold/seeds.jsonl for the seeds, the folder name for
SHARED/bsnlp/<topic>/raw/<lang>.
The time is that of warm, back-to-back calls; inside the pipeline each call costs more (cold caches).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from diplowatch.ingest.clean import clean_paragraphs
from diplowatch.ingest.readers import read_inputs
from diplowatch.lang.detect import detect_language
from diplowatch.model import Article
from diplowatch.pipeline import LANGUAGE_SAMPLE

REPO = Path(__file__).resolve().parents[1]


def _gold_languages(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return {record["id"]: record["lang"] for record in map(json.loads, filter(str.strip, lines))}


def _corpora(shared: Path) -> dict[str, list[tuple[Article, str]]]:
    corpora: dict[str, list[tuple[Article, str]]] = {}
    for name, folder, gold in [
        ("samples", REPO / "samples" / "corpus", REPO / "samples" / "gold.jsonl"),
        ("seeds", shared / "seeds", shared / "gold" / "seeds.jsonl"),
    ]:
        truth = _gold_languages(gold)
        if folder.is_dir():
            articles = [a for a in read_inputs([folder]) if isinstance(a, Article) and a.id in truth]
            corpora[name] = [(a, truth[a.id]) for a in articles]
    bsnlp = [
        (article, folder.name)
        for folder in sorted((shared / "bsnlp").glob("*/raw/*"))
        for article in read_inputs([folder])
        if isinstance(article, Article)
    ]
    if bsnlp:
        corpora["bsnlp"] = bsnlp
    return corpora


def _sample(article: Article) -> str:
    text = article.text
    return "\n".join(text[p.start : p.end] for p in clean_paragraphs(text) if p.kept)[:LANGUAGE_SAMPLE]


if __name__ == "__main__":
    detect_language("Loading the model is not part of the measured time, so this warms it up.")
    for name, items in _corpora(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared").items():
        samples = [(_sample(article), truth) for article, truth in items]
        started = time.process_time()
        found = [detect_language(sample) for sample, _truth in samples]
        cpu = time.process_time() - started
        by_language: dict[str, Counter[str]] = defaultdict(Counter)
        for (_sample_text, truth), language in zip(samples, found, strict=True):
            by_language[truth][str(language)] += 1
        right = sum(counts[truth] for truth, counts in by_language.items())
        print(f"{name}: {right}/{len(samples)} right, {cpu / len(samples) * 1000:.3f} ms CPU per article")
        for truth, counts in sorted(by_language.items()):
            wrong = {language: n for language, n in counts.items() if language != truth}
            print(f"  {truth}: {counts[truth]}/{sum(counts.values())}" + (f"  wrong: {wrong}" if wrong else ""))
