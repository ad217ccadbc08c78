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


def test_bench_ingest_times_a_whole_ingest_process_of_copied_samples() -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "bench" / "bench_ingest.py"
    out = subprocess.run([sys.executable, str(script), "--articles", "3", "--json"], check=True, capture_output=True)
    data = json.loads(out.stdout)
    assert data["articles"] == 3 and data["cpu_seconds"] > 0 and data["articles_per_second_per_core"] > 0
