"""Latency of the web page's events view on a store of synthetic events (issue #7).

Builds (once, cached by path) a SQLite store with N merged events among 2,000 synthetic
actors in 60 countries over ten years, starts a real ``diplowatch serve`` on loopback, and
times GET requests for a fixed set of filter/sort/page variants. Prints p50/p99 per
variant as a Markdown table. A benchmark, never a test.

    .venv/bin/python bench/web_events.py --events 100000 --requests 40
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
from browser import serve  # noqa: E402

from diplowatch.model import MODES, STATUSES, Event  # noqa: E402
from diplowatch.store.events import _insert_event  # noqa: E402  (the one event writer)
from diplowatch.store.opener import open_store  # noqa: E402

FIRST = ["Ana", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Goran", "Hana", "Ivan", "Jana"]
LAST = [f"{a}{b}" for a in ("Kov", "Nov", "Pet", "Mar", "Hor", "Sza", "Lam", "Dur", "Vel", "Ost")
        for b in ("ac", "ić", "ov", "ani", "ek", "ski", "ero", "ado", "ova", "is")]  # fmt: skip
LANGS = ["en", "sl", "hr", "sr", "bg", "hu", "ru", "de", "fr", "es"]


def build(path: Path, n_events: int, seed: int = 7) -> None:
    """Write ``n_events`` synthetic events (2,000 actors, 60 countries, 2015–2025)."""
    rng = random.Random(seed)
    countries = [f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)]  # not ISO codes
    actors = [
        (f"synth-{i:04d}", f"{FIRST[i % 10]} {LAST[(i // 10) % 100]}", countries[i % 60])
        for i in range(2000)
    ]
    with open_store(str(path)) as store:
        for i in range(n_events):
            people = rng.sample(actors, 3 if rng.random() < 0.1 else 2)
            precision = rng.choices(["day", "month", "year"], [0.8, 0.15, 0.05])[0]
            day = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            date = {"day": day, "month": day[:7], "year": day[:4]}[precision]
            report_ids = [f"r_synth{i:07d}{k}" for k in range(rng.randint(1, 4))]
            event = Event(
                id=f"e_synth{i:07d}", type="CONSULT", mode=rng.choice(MODES),
                status=rng.choices(STATUSES, [0.75, 0.12, 0.05, 0.03, 0.05])[0],
                date=date, date_precision=precision, location=None, actors=people,
                report_ids=report_ids, article_ids=[f"a_synth{i:07d}"],
                langs=sorted(set(rng.sample(LANGS, rng.randint(1, 3)))),
                confidence=round(rng.uniform(0.4, 0.95), 3), date_basis="explicit",
            )  # fmt: skip
            _insert_event(store, event, {r: f"a_synth{i:07d}" for r in report_ids})
            if i % 5000 == 4999:
                store.commit()
        store.commit()


VARIANTS = {
    "no filter": "/events",
    "mode": "/events?mode=phone",
    "status": "/events?status=planned",
    "country": "/events?country=QAH",
    "actor surname": "/events?actor=Petov",
    "date range": "/events?since=2020-03&until=2020-06",
    "sort by confidence": "/events?sort=confidence&dir=asc",
    "page 200": "/events?page=200",
    "combined": "/events?mode=meet&country=QAM&since=2018&until=2022&sort=reports",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per variant")
    parser.add_argument("--db", default="/tmp/diplowatch-bench-web.db")
    args = parser.parse_args()
    db = Path(args.db)
    if not db.exists():
        started = time.perf_counter()
        build(db, args.events)
        print(
            f"built {args.events} events in {time.perf_counter() - started:.1f} s", file=sys.stderr
        )
    all_times: list[float] = []
    print("| variant | p50 ms | p99 ms | rows |\n|---|---:|---:|---:|")
    with serve(db) as base, httpx.Client(base_url=base, timeout=60) as client:
        for name, path in VARIANTS.items():
            client.get(path).raise_for_status()  # warm-up
            times = []
            for _ in range(args.requests):
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
            total = response.text.split('id="total">', 1)[1].split("<", 1)[0]
            all_times += times
            q = statistics.quantiles(times, n=100)
            print(f"| {name} | {statistics.median(times):.0f} | {q[98]:.0f} | {total} |")
    q = statistics.quantiles(all_times, n=100)
    median = statistics.median(all_times)
    print(f"| **all {len(all_times)} requests** | {median:.0f} | {q[98]:.0f} | |")


if __name__ == "__main__":
    main()
