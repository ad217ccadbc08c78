"""Benchmark: articles per second per core of the per-article pipeline.

Run: ``.venv/bin/python bench/pipeline.py [COUNT]`` (same as ``diplowatch bench pipeline``).
Generated 3-5k-character articles in six languages; see diplowatch/evaluate/throughput.py.
"""

from __future__ import annotations

import sys

from diplowatch.evaluate.throughput import generate_articles, measure_pipeline

if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    result = measure_pipeline(generate_articles(count))
    print(
        f"{result.articles} articles, mean {result.chars // result.articles} chars: "
        f"{result.per_core:.1f} articles/s per core "
        f"({result.cpu_seconds:.2f} s CPU, {result.wall_seconds:.2f} s wall, "
        f"{result.reports} reports)"
    )
