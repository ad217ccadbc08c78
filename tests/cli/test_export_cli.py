"""`diplowatch export`: every format is read back and agrees with the events in the store."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplowatch.cli import main
from diplowatch.store.events import list_events
from diplowatch.store.export import contact_network
from diplowatch.store.opener import open_store
from diplowatch.store.queries import Filters

pytestmark = pytest.mark.issue(5)
CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not CORPUS.is_dir():
        pytest.skip("demo corpus absent")
    path = str(tmp_path_factory.mktemp("export") / "demo.db")
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", path, "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> bytes:
    result = CliRunner().invoke(main, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def stored(db: str, **filters: str) -> list:
    with open_store(db) as store:
        return list_events(store, Filters(**filters))[0]


def test_jsonl_round_trip(db: str) -> None:
    events = stored(db)
    rows = [json.loads(line) for line in run("--db", db, "--format", "jsonl").decode().splitlines()]
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert [r["report_ids"] for r in rows] == [e.report_ids for e in events]
    assert [[a["id"] for a in r["actors"]] for r in rows] == [
        [a[0] for a in e.actors] for e in events
    ]


def test_csv_round_trip_with_a_filter(db: str) -> None:
    events = stored(db, status="occurred")
    rows = list(
        csv.DictReader(
            io.StringIO(run("--db", db, "--format", "csv", "--status", "occurred").decode())
        )
    )
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert {r["status"] for r in rows} == {"occurred"}
    assert [int(r["n_reports"]) for r in rows] == [len(e.report_ids) for e in events]


def test_parquet_round_trip(db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    run("--db", db, "--format", "parquet", "-o", str(out))
    table = pq.read_table(out).to_pylist()
    events = stored(db)
    assert [r["id"] for r in table] == [e.id for e in events]
    assert [r["actor_ids"] for r in table] == [[a[0] for a in e.actors] for e in events]
    assert [r["date"] for r in table] == [e.date for e in events]


def test_parquet_needs_an_output_file(db: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert result.exit_code == 2 and "-o" in result.output


def test_plover_records(db: str) -> None:
    events = stored(db)
    rows = [
        json.loads(line) for line in run("--db", db, "--format", "plover").decode().splitlines()
    ]
    assert {r["event_type"] for r in rows} == {"CONSULT"}
    assert [r["event_date"] for r in rows] == [e.date for e in events]
    for row, event in zip(rows, events, strict=True):
        people = [row["actor"], *row["recipients"]]
        assert [(p["id"], p["country"]) for p in people] == [(a[0], a[2]) for a in event.actors]


def test_graphml_read_back_by_networkx(db: str, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    out = tmp_path / "contacts.graphml"
    run("--db", db, "--format", "graphml", "-o", str(out))
    graph = nx.read_graphml(out)
    nodes, edges = contact_network(stored(db))
    assert set(graph.nodes) == set(nodes)
    assert {tuple(sorted(e)) for e in graph.edges} == set(edges)
    for (a, b), edge in edges.items():
        assert graph.edges[a, b]["weight"] == edge.contacts
        assert graph.edges[a, b]["events"] == edge.events


def test_gexf_read_back(db: str, tmp_path: Path) -> None:
    out = tmp_path / "contacts.gexf"
    run("--db", db, "--format", "gexf", "--country", "RUS", "-o", str(out))
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(out).getroot()
    nodes, edges = contact_network(stored(db, country="RUS"))
    assert edges, "the demo corpus has contacts with Russia"
    read_nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    read_edges = {(e.get("source"), e.get("target")): e for e in root.iterfind(".//g:edge", ns)}
    assert read_nodes == set(nodes)
    assert set(read_edges) == set(edges)
    for key, edge in edges.items():
        assert float(read_edges[key].get("weight") or "nan") == edge.contacts


def test_gexf_read_back_by_networkx(db: str, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    out = tmp_path / "contacts.gexf"
    run("--db", db, "--format", "gexf", "-o", str(out))
    graph = nx.read_gexf(out)
    nodes, edges = contact_network(stored(db))
    assert {graph.nodes[n]["label"] for n in graph.nodes} == {name for name, _ in nodes.values()}
    assert sum(d["events"] for _, _, d in graph.edges(data=True)) == sum(
        e.events for e in edges.values()
    )
