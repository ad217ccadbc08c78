"""Benchmark: end-to-end ``diplowatch ingest`` throughput, store included (issue #14).

Run: ``.venv/bin/python bench/bench_ingest.py [--articles 2000] [--source DIR] [--json]``.
Writes that many copies of the plain-text articles of DIR (default ``samples/corpus``, our own,
shipped in the repo; ``../shared/seeds`` gives seed-length ones), each under its own id, into a
temporary folder, then times one whole ``python -m diplowatch ingest FOLDER --db FRESH.db
--workers 1`` process: start-up, reading, the pipeline,
the store writes and the event merge. Reported per core (the child's user + system CPU
seconds, so other jobs on a shared machine matter less) and per wall second. Run it under
``taskset -c 0`` to pin the process to one core, as the issue's target does.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def write_corpus(folder: Path, count: int, sources: list[Path]) -> int:
    """``count`` copies of ``sources`` round robin, named ``c<n>_<stem>.txt``; returns the characters."""
    chars = 0
    for n, source in enumerate(islice(cycle(sources), count)):
        text = source.read_text(encoding="utf-8")
        (folder / f"c{n:05d}_{source.name}").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(count: int, source: Path) -> dict[str, float | int]:
    sources = sorted(source.glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        chars = write_corpus(corpus, count, sources)
        command = [sys.executable, "-m", "diplowatch", "ingest", str(corpus), "--db", str(Path(tmp) / "b.db")]
        command += ["--workers", "1"]
        cpu, wall = child_cpu(), time.perf_counter()
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        cpu, wall = child_cpu() - cpu, time.perf_counter() - wall
    return {
        "articles": count,
        "mean_chars": round(chars / count),
        "cpu_seconds": round(cpu, 3),
        "wall_seconds": round(wall, 3),
        "articles_per_second_per_core": round(count / cpu, 1),
        "articles_per_second_wall": round(count / wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="copies to ingest (default 2000)")
    parser.add_argument("--source", type=Path, default=SAMPLES, help="folder of .txt articles to copy")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    data = measure(args.articles, args.source)
    if args.json:
        print(json.dumps(data))
    else:
        for key, value in data.items():
            print(f"{key:30} {value}")


if __name__ == "__main__":
    main()
