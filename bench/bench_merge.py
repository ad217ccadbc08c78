"""Merge benchmarks: ``python bench/bench_merge.py [N]`` and ``... skewed`` / ``... store``.

    python bench/bench_merge.py 100000                    # merge_reports, uniform pairs
    python bench/bench_merge.py skewed --sizes 10000,100000
    python bench/bench_merge.py store --reports 100000    # one article into a busy block
    python bench/bench_merge.py store --reports 1000000 --repeats 3   # ~10 min, 4 GB

``skewed``: Zipf pair frequencies, the top pair holding >= 10 % of the reports, so the busiest block
grows with the corpus; a per-report cost that stays flat from 10k to 100k means the merge is
linear. ``store``: a SQLite store of that corpus, then one new article of the top pair is
ingested and its block brought up to date (``update_events`` naming the new article), as
``diplowatch ingest`` does.
One process, one core. Timings live here and in docs/benchmarks.md, never in tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import records, zipf_pairs  # noqa: E402

from diplowatch.resolve.merge import ReportRecord, block_key, merge_reports  # noqa: E402
from diplowatch.store.base import Store  # noqa: E402
from diplowatch.store.events import rebuild_events, update_events  # noqa: E402
from diplowatch.store.opener import open_store  # noqa: E402

TOP_SHARE = 0.12  # of contacts; the top block then holds >= 10 % of the reports


def skewed(n: int) -> list[ReportRecord]:
    return list(records(n, pairs=zipf_pairs(max(200, n // 50), top_share=TOP_SHARE, seed=14)))


def best_merge(rows: list[ReportRecord]) -> tuple[float, int]:
    best, events = float("inf"), 0
    for _ in range(3):
        started = time.perf_counter()
        events = len(merge_reports(rows))
        best = min(best, time.perf_counter() - started)
    return best, events


def uniform(n: int) -> None:
    rows = list(records(n))
    best, events = best_merge(rows)
    print(f"merge_reports: {len(rows)} reports -> {events} events in {best:.2f} s "
          f"(best of 3, one core) = {len(rows) / best:,.0f} reports/s")  # fmt: skip


def bench_skewed(sizes: list[int]) -> None:
    print("| reports | top block | events | s (best of 3) | µs per report | ratio to first |")
    print("|---:|---:|---:|---:|---:|---:|")
    first = None
    for n in sizes:
        rows = skewed(n)
        top = Counter(block_key(r.report) for r in rows).most_common(1)[0][1]
        best, events = best_merge(rows)
        per_report = best / n * 1e6
        first = first or per_report
        print(f"| {n:,} | {top:,} | {events:,} | {best:.2f} | {per_report:.1f} | {per_report / first:.2f} |")


def _put(store: Store, batch: list[ReportRecord]) -> None:
    """The rows ``Store.save_result`` writes for one-report articles, without running the
    extractor, a batch per call: row by row, building the 1M store took longer than merging it."""
    store.execute_many(
        "INSERT INTO articles (id, version, content_hash, is_current, status, published, lang, text,"
        " ingested_at) VALUES (?, 1, ?, 1, 'ok', ?, ?, ?, ?)",
        [
            (r.report.article_id, r.report.article_id, r.published, r.report.lang, "x" * 60, r.first_seen)
            for r in batch
        ],
    )
    store._insert_reports([r.report for r in batch], 1, "x" * 60, replacing=False)


def bench_store(n: int, repeats: int) -> None:
    rows = skewed(n + repeats)
    rows, extra = rows[:n], rows[n:]
    top, top_count = Counter(block_key(r.report) for r in rows).most_common(1)[0]
    actors = next(r.report.actors for r in rows if block_key(r.report) == top)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        started = time.perf_counter()
        for start in range(0, len(rows), 10_000):
            _put(store, rows[start : start + 10_000])
        store.commit()
        print(f"store built in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        blocks, events = rebuild_events(store)
        print(f"store: {n:,} reports, {blocks:,} blocks, {events:,} events; top block {top_count:,} reports; "
              f"rebuild {time.perf_counter() - started:.1f} s")  # fmt: skip
        # the corpus stays in this process's memory; frozen, the collector stops walking it during
        # the timed updates (a `diplowatch ingest` process does not hold it: 5-250 ms pauses at 100k)
        gc.freeze()
        timings, by_kind = [], defaultdict(list)
        for record in extra:  # a new article about the top pair, reported last
            _put(store, [dataclasses.replace(record, report=dataclasses.replace(record.report, actors=actors))])
            store.commit()
            started = time.perf_counter()
            update_events(store, [top], articles=[record.report.article_id])
            timings.append(time.perf_counter() - started)
            kind = f"{record.report.date_precision}-dated" if record.report.date else "undated"
            by_kind[kind].append(timings[-1])
            print(f"  article {len(timings)}: {kind} report, "
                  f"{timings[-1] * 1000:.0f} ms")  # fmt: skip
        for kind, times in sorted(by_kind.items()):
            print(f"  {kind}: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
                  f"over {len(times)}")  # fmt: skip
        print(f"one article into the top block: median {statistics.median(timings) * 1000:.0f} ms, "
              f"max {max(timings) * 1000:.0f} ms over {repeats} articles")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB on Linux
    print(f"peak RSS {peak:.1f} GB")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1].isdigit():
        uniform(int(sys.argv[1]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command")
    sk = commands.add_parser("skewed")
    sk.add_argument("--sizes", default="10000,100000")
    st = commands.add_parser("store")
    st.add_argument("--reports", type=int, default=100_000)
    st.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.command == "skewed":
        bench_skewed([int(s) for s in args.sizes.split(",")])
    elif args.command == "store":
        bench_store(args.reports, args.repeats)
    else:
        uniform(100_000)


if __name__ == "__main__":
    main()
