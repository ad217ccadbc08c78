"""``diplowatch bench pipeline`` runs and reports its fields (timings are never asserted)."""

from __future__ import annotations

import json

from tests.conftest import CORPUS, run_cli


def test_bench_pipeline_on_generated_articles() -> None:
    data = json.loads(run_cli("bench", "pipeline", "--articles", "4", "--warmup", "2", "--json"))
    assert data["articles"] == 4 and data["warmup_articles"] == 2
    assert 3000 <= data["mean_chars"] <= 5000
    assert data["reports"] > 0 and data["articles_per_second_per_core"] > 0


def test_bench_pipeline_on_a_corpus() -> None:
    data = json.loads(run_cli("bench", "pipeline", str(CORPUS), "--warmup", "0", "--json"))
    assert data["articles"] == len(list(CORPUS.glob("*.txt"))) + len(list(CORPUS.glob("*.html"))) + sum(
        1 for f in CORPUS.glob("*.jsonl") for line in f.read_text().splitlines() if line.strip()
    )
    assert data["reports"] > 50
