"""Benchmark: articles per second per core of the per-article pipeline.

Run: ``.venv/bin/python bench/pipeline.py [OPTIONS] [CORPUS]...``, the same as ``diplowatch
bench pipeline`` (``--articles``, ``--warmup``, ``--json``; CORPUS paths time real articles
instead). Generated 3-5k-character articles in six languages; see
diplowatch/evaluate/throughput.py.
"""

from __future__ import annotations

import sys

from diplowatch.cli import main

if __name__ == "__main__":
    main(["bench", "pipeline", *sys.argv[1:]])
