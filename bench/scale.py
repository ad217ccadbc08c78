"""Scaling benchmarks: ingest throughput and memory, merge of 1M reports, PostgreSQL vs SQLite.

Numbers only, never pass/fail. Each measured run is a separate process tree (the CLI, its pool
workers, Spark's JVM and Python workers); peak memory is the highest sum of their resident set
sizes, sampled every 0.1 s from /proc (Linux).

    python bench/scale.py ingest --sizes 1000,10000 --modes w1,w2,spark
    python bench/scale.py merge --reports 1000000 --modes embedded,spark
    python bench/scale.py stores --size 1000
Results are printed as Markdown table rows (docs/scaling.md collects them).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402  (bench/ is not a package)

BIN = Path(sys.executable).parent
WORK = Path(os.environ.get("BENCH_DIR", tempfile.gettempdir())) / "diplowatch-bench"


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """Run ``cmd``; return (wall seconds, CPU seconds of the process tree, peak MiB of the tree).

    CPU time is what the comparison rests on when other work shares the machine: wall time
    then says more about the neighbours than about diplowatch. Both are sampled from /proc every
    0.1 s, because pool workers (children of the forkserver) and Spark's JVM are not all
    reaped by the measured process, so getrusage would miss them.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, cpu_ticks = 0, {}
    while proc.poll() is None:
        rss, ticks = _sample_tree(proc.pid)
        peak = max(peak, rss)
        cpu_ticks.update(ticks)
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr.read() if proc.stderr else ''}")
    return seconds, sum(cpu_ticks.values()) / os.sysconf("SC_CLK_TCK"), peak / 1024


def _sample_tree(pid: int) -> tuple[int, dict[int, int]]:
    """(summed RSS in KiB, {pid: user+system clock ticks}) of ``pid`` and all its descendants."""
    rss, ticks, todo = 0, {}, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            rss += next(
                (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")),
                0,
            )
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            ticks[current] = int(fields[11]) + int(fields[12])  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return rss, ticks


def bench_ingest(sizes: list[int], modes: list[str]) -> None:
    print(
        "| corpus | mode | wall s | articles/s (wall) | CPU s | articles per CPU-second | peak RSS (MiB) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    for size in sizes:
        corpus = write_corpus(size, WORK / f"corpus-{size}.jsonl")
        for mode in modes:
            out = WORK / f"run-{size}-{mode}"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            if mode.startswith("w"):
                cmd = [
                    str(BIN / "diplowatch"),
                    "ingest",
                    str(corpus),
                    "--db",
                    str(out / "store.db"),
                    "--workers",
                    mode[1:],
                    "--no-progress",
                ]
            else:
                cmd = [
                    str(BIN / "diplowatch"),
                    "spark",
                    "run",
                    str(corpus),
                    "--out",
                    str(out / "tables"),
                    "--master",
                    "local[2]",
                    "--partitions",
                    str(max(4, size // 2500)),
                ]
            seconds, cpu, peak = measure(cmd)
            label = {"w1": "--workers 1", "w2": "--workers 2", "spark": "Spark local[2]"}.get(
                mode, mode
            )
            print(
                f"| {size:,} | {label} | {seconds:.1f} | {size / seconds:.1f} | {cpu:.1f} | {size / cpu:.1f} "
                f"| {peak:.0f} |",
                flush=True,
            )
            shutil.rmtree(out, ignore_errors=True)


def write_reports(count: int, path: Path) -> Path:
    """``count`` synthetic reports (JSON Lines of Report.to_dict) over 400 actors and two years."""
    from diplowatch.model import ActorRef, Report

    if path.exists():
        return path
    rng = random.Random(1)
    actors = [(f"actor-{n:03d}", f"Actor {n}", f"C{n % 60:02d}") for n in range(400)]
    modes = ["phone", "meet", "visit", "host", "unspecified"]
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            pair = rng.sample(actors, 2)
            day = rng.randrange(730)
            date = f"{2024 + day // 365}-{(day % 365) // 31 + 1:02d}-{day % 28 + 1:02d}"
            precision = rng.choice(["day", "day", "day", "month", None])
            shown = date if precision == "day" else date[:7] if precision == "month" else None
            report = Report(
                article_id=f"art-{n // 3:07d}",
                sent_start=(n % 3) * 200,
                sent_end=(n % 3) * 200 + 150,
                trigger_start=(n % 3) * 200 + 20,
                trigger_end=(n % 3) * 200 + 25,
                trigger="met",
                mode=rng.choice(modes),
                actors=tuple(ActorRef(a, nm, c, 0, 5) for a, nm, c in pair),
                date=shown,
                date_precision=precision if shown else None,
                lang=rng.choice(["en", "sl", "hu"]),
                confidence=0.6,
            )
            fh.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    return path


_EMBEDDED_MERGE = """
import json, sys
from diplowatch.model import Report
from diplowatch.resolve.merge import merge_reports
with open(sys.argv[1], encoding="utf-8") as fh:
    events = merge_reports(Report.from_dict(json.loads(line)) for line in fh)
print(len(events))
"""

_SPARK_MERGE = """
import sys
from pyspark.sql import functions as F
from diplowatch.spark.jobs import merge_block, start_session
from diplowatch.spark.rows import EVENT_COLUMNS
spark = start_session("local[2]", partitions=16)
lines = spark.read.text(sys.argv[1]).withColumnRenamed("value", "report")
block = F.concat_ws("|", F.get_json_object("report", "$.type"), F.array_join(F.array_sort(
    F.from_json(F.get_json_object("report", "$.actors"), "array<struct<actor_id:string>>").actor_id), ","))
times = {"published": F.lit(None).cast("string"), "first_seen": F.lit(None).cast("string")}
events = (lines.withColumn("block", block).withColumns(times)
          .groupBy("block").applyInPandas(merge_block, EVENT_COLUMNS))
events.write.mode("overwrite").parquet(sys.argv[2])
print(spark.read.parquet(sys.argv[2]).count())
spark.stop()
"""


def bench_merge(count: int, modes: list[str]) -> None:
    path = write_reports(count, WORK / f"reports-{count}.jsonl")
    print("| reports | engine | wall s | CPU s | reports per CPU-second | peak RSS (MiB) |")
    print("|---:|---|---:|---:|---:|---:|")
    for mode in modes:
        if mode == "embedded":
            cmd = [sys.executable, "-c", _EMBEDDED_MERGE, str(path)]
        else:
            cmd = [sys.executable, "-c", _SPARK_MERGE, str(path), str(WORK / "merge-events")]
        seconds, cpu, peak = measure(cmd)
        label = "embedded (one process)" if mode == "embedded" else "Spark local[2]"
        print(
            f"| {count:,} | {label} | {seconds:.1f} | {cpu:.1f} | {count / cpu:,.0f} | {peak:.0f} |",
            flush=True,
        )


def bench_stores(size: int) -> None:
    """Ingest rate into SQLite and into a throw-away PostgreSQL server, same corpus and workers."""
    from diplowatch.store.pgcluster import create_database, throwaway_cluster

    corpus = write_corpus(size, WORK / f"corpus-{size}.jsonl")
    print(
        "| corpus | store | workers | wall s | articles/s (wall) | CPU s (client) | peak RSS (MiB) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    with throwaway_cluster() as server:
        for workers in (1, 2):
            targets = {
                "SQLite": str(WORK / f"stores-{workers}.db"),
                "PostgreSQL": create_database(server, f"bench_{workers}"),
            }
            for name, db in targets.items():
                if name == "SQLite":
                    for suffix in ("", "-wal", "-shm"):
                        Path(db + suffix).unlink(missing_ok=True)
                cmd = [
                    str(BIN / "diplowatch"),
                    "ingest",
                    str(corpus),
                    "--db",
                    db,
                    "--workers",
                    str(workers),
                    "--no-progress",
                ]
                seconds, cpu, peak = measure(cmd)
                print(
                    f"| {size:,} | {name} | {workers} | {seconds:.1f} | {size / seconds:.1f} | {cpu:.1f} "
                    f"| {peak:.0f} |",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    ingest = sub.add_parser("ingest")
    ingest.add_argument("--sizes", default="1000,10000")
    ingest.add_argument("--modes", default="w1,w2,spark")
    merge = sub.add_parser("merge")
    merge.add_argument("--reports", type=int, default=1_000_000)
    merge.add_argument("--modes", default="embedded,spark")
    stores = sub.add_parser("stores")
    stores.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.what == "ingest":
        bench_ingest([int(s) for s in args.sizes.split(",")], args.modes.split(","))
    elif args.what == "merge":
        bench_merge(args.reports, args.modes.split(","))
    else:
        bench_stores(args.size)


if __name__ == "__main__":
    main()
