"""API latency under concurrent clients on a store with >= 100k merged events.

``python bench/bench_api.py [--events 100000] [--clients 20] [--requests 2000] [--db PATH]``

Builds (once) a SQLite store from synthetic reports written straight into the tables, merges
them with ``rebuild_events``, starts ``diplowatch serve`` on a free loopback port in a
subprocess, and runs a bounded mix of event queries from concurrent httpx clients.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import COUNTRIES, actor, records  # noqa: E402

from diplowatch.store.events import rebuild_events  # noqa: E402
from diplowatch.store.opener import open_store  # noqa: E402


def build(db: str, n_events: int) -> None:
    with open_store(db) as store:
        if store.query("SELECT COUNT(*) AS n FROM events")[0]["n"] >= n_events:
            return
        started = time.perf_counter()
        n_reports = int(n_events * 2.2)
        cursor = store.conn.cursor()  # executemany through the store's placeholder (SQLite or PostgreSQL)
        rows = list(records(n_reports, n_actors=1500))
        cursor.executemany(
            store._q("INSERT INTO articles (id, version, content_hash, is_current, status, published, lang, text,"
            " paragraphs, ingested_at) VALUES (?, 1, ?, 1, 'ok', ?, ?, ?, '[]', ?)"),
            [(r.report.article_id, r.report.article_id, r.published, r.report.lang,
              "Synthetic sentence about a contact between two made-up people.", r.first_seen)
             for r in rows],
        )  # fmt: skip
        cursor.executemany(
            store._q("INSERT INTO reports (id, article_id, version, type, mode, status, event_date, date_precision,"
            " date_basis, lang, sent_start, sent_end, sentence, trigger_start, trigger_end, trigger_text,"
            " rule, confidence, actors) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 0, 60, ?, 20, 25, 'talks', ?, ?, ?)"),
            [(r.report.key, r.report.article_id, r.report.type, r.report.mode, r.report.status, r.report.date,
              r.report.date_precision, r.report.date_basis, r.report.lang,
              "Synthetic sentence about a contact between two made-up people.", r.report.rule,
              r.report.confidence,
              json.dumps([{"actor_id": a.actor_id, "name": a.name, "country": a.country, "start": a.start,
                           "end": a.end} for a in r.report.actors]))
             for r in rows],
        )  # fmt: skip
        cursor.executemany(
            store._q("INSERT INTO report_actors (report_id, actor_id, name, country, start_pos, end_pos)"
            " VALUES (?, ?, ?, ?, ?, ?)"),
            [
                (r.report.key, a.actor_id, a.name, a.country, a.start, a.end)
                for r in rows
                for a in r.report.actors
            ],
        )
        store.commit()
        loaded = time.perf_counter()
        blocks, events = rebuild_events(store)
        done = time.perf_counter()
        print(f"store: {len(rows)} reports loaded in {loaded - started:.1f} s; rebuild_events: {blocks} blocks"
              f" -> {events} events in {done - loaded:.1f} s")  # fmt: skip


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _queries(
    rng: random.Random, event_ids: list[str]
) -> list[tuple[str, str, dict[str, str | int]]]:
    name = actor(rng.randrange(1500))[1]
    year = str(rng.choice((2023, 2024, 2025)))
    return [
        ("list", "/api/events", {"limit": 50}),
        ("actor", "/api/events", {"actor": name.split()[-1], "limit": 50}),
        (
            "country+mode",
            "/api/events",
            {"country": rng.choice(COUNTRIES), "mode": "phone", "limit": 50},
        ),
        (
            "date range",
            "/api/events",
            {"since": f"{year}-03", "until": f"{year}-04-15", "limit": 50},
        ),
        ("detail", f"/api/events/{rng.choice(event_ids)}", {}),
    ]


def run(base: str, clients: int, total: int, event_ids: list[str]) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    lock = threading.Lock()
    per_client = total // clients

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=60) as http:
            for _ in range(per_client):
                kind, path, params = rng.choice(_queries(rng, event_ids))
                started = time.perf_counter()
                response = http.get(path, params=params)
                elapsed = time.perf_counter() - started
                assert response.status_code == 200, response.text
                with lock:
                    timings.setdefault(kind, []).append(elapsed)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--db", default="out/bench-api.db")
    parser.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL server instead of --db")
    args = parser.parse_args()
    Path("out").mkdir(exist_ok=True)
    if args.postgres:
        from diplowatch.store.pgcluster import create_database, throwaway_cluster

        with throwaway_cluster(max_connections=100) as server:
            measure(create_database(server, "bench_api"), Path("out/bench-api-pg.server.log"), args)
    else:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        measure(args.db, Path(args.db).with_suffix(".server.log"), args)


def measure(db: str, server_log: Path, args: argparse.Namespace) -> None:
    build(db, args.events)
    with open_store(db) as store:
        n_events = store.query("SELECT COUNT(*) AS n FROM events")[0]["n"]
        event_ids = [r["id"] for r in store.query("SELECT id FROM events ORDER BY id LIMIT 5000")]
    port = _free_port()
    exe = Path(sys.executable).with_name("diplowatch")
    log = server_log.open("w")  # the server's own log, for any 5xx
    server = subprocess.Popen([str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        run(base, 4, 100, event_ids)  # warm-up: gazetteer, caches
        started = time.perf_counter()
        timings = run(base, args.clients, args.requests, event_ids)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    every = [t for values in timings.values() for t in values]
    print(f"{n_events} events, {args.clients} concurrent clients, {len(every)} requests in {wall:.1f} s"
          f" ({len(every) / wall:.0f} req/s, one server process)")  # fmt: skip
    print(f"{'query':<14}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}")
    for kind, values in sorted(timings.items()):
        print(f"{kind:<14}{len(values):>6}{_pct(values, 0.5):>10.1f}{_pct(values, 0.99):>10.1f}")
    print(f"{'all':<14}{len(every):>6}{_pct(every, 0.5):>10.1f}{_pct(every, 0.99):>10.1f}")
    print(f"median of medians {statistics.median(every) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
