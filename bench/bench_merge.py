"""Merge time for synthetic reports (default 100k): ``python bench/bench_merge.py [N]``.

One process, one core; prints reports per second. Timings live here, never in tests.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import records  # noqa: E402

from diplowatch.resolve.merge import merge_reports  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rows = list(records(n))
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        events = merge_reports(rows)
        best = min(best, time.perf_counter() - started)
    print(f"merge_reports: {len(rows)} reports -> {len(events)} events in {best:.2f} s "
          f"(best of 3, one core) = {len(rows) / best:,.0f} reports/s")  # fmt: skip


if __name__ == "__main__":
    main()
