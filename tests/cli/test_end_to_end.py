"""The CLI end to end on the bundled sample: ingest, list, show, score."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplowatch.cli import main
from tests.conftest import SAMPLES, run_cli


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    result = CliRunner().invoke(main, ["ingest", str(SAMPLES / "corpus"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_events_jsonl_has_one_object_per_article_in_gold_shape(sample_db: Path) -> None:
    objects = [json.loads(line) for line in run_cli("events", "--db", str(sample_db), "--format", "jsonl").splitlines()]
    gold_ids = {json.loads(line)["id"] for line in (SAMPLES / "gold.jsonl").read_text().splitlines()}
    assert {o["id"] for o in objects} == gold_ids
    events = [e for o in objects for e in o["events"]]
    assert events, "the sample corpus must yield events"
    for event in events:
        assert event["type"] == "CONSULT"
        assert event["mode"] in {"phone", "meet", "visit", "host", "multilateral", "unspecified"}
        assert len(event["actors"]) == len(event["countries"]) >= 1


def test_eval_prints_real_scores(sample_db: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run_cli("events", "--db", str(sample_db), "--format", "jsonl"), encoding="utf-8")
    scores = json.loads(run_cli("eval", "--gold", str(SAMPLES / "gold.jsonl"), "--pred", str(pred), "--json"))
    assert scores["tp"] + scores["fn"] == sum(
        len(json.loads(line)["events"]) for line in (SAMPLES / "gold.jsonl").read_text().splitlines()
    )
    assert scores["tp"] > 0 and 0 < scores["f1"] <= 1
    text = run_cli("eval", "--gold", str(SAMPLES / "gold.jsonl"), "--pred", str(pred))
    assert "precision" in text and "F1" in text


def test_show_marks_actor_and_trigger_spans(sample_db: Path) -> None:
    table = run_cli("events", "--db", str(sample_db), "--format", "csv").splitlines()
    report_id = table[1].split(",")[-1]
    shown = run_cli("show", report_id, "--db", str(sample_db))
    evidence = next(line for line in shown.splitlines() if line.startswith("evidence"))
    assert "[" in evidence and "{" in evidence


def test_filter_by_inflected_name_and_country(sample_db: Path) -> None:
    rows = run_cli("events", "--db", str(sample_db), "--format", "csv", "--actor", "Putinom").splitlines()[1:]
    assert rows and all("Vladimir Putin" in row for row in rows)
    rows = run_cli("events", "--db", str(sample_db), "--format", "csv", "--country", "HUN").splitlines()[1:]
    assert rows
    assert run_cli("events", "--db", str(sample_db), "--format", "csv", "--since", "2999").splitlines()[1:] == []


def test_bad_input_fails_cleanly_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Ministra sta se sestala.", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    db = tmp_path / "s.db"
    proc = subprocess.run(
        [sys.executable, "-m", "diplowatch", "ingest", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "failed 1" in proc.stderr and "broken" in proc.stderr
    assert "Traceback" not in proc.stderr
    objects = run_cli("events", "--db", str(db), "--format", "jsonl").splitlines()
    assert [json.loads(o)["id"] for o in objects] == ["ok"]


def test_user_errors_have_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "diplowatch", "show", "r_nope", "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and proc.stderr.startswith("error: no report")
    assert "Traceback" not in proc.stderr


def test_seeds_run_end_to_end(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    run_cli("ingest", str(shared / "seeds"), "--db", str(db))
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run_cli("events", "--db", str(db), "--format", "jsonl"), encoding="utf-8")
    scores = json.loads(run_cli("eval", "--gold", str(shared / "gold" / "seeds.jsonl"), "--pred", str(pred), "--json"))
    assert scores["tp"] > 0


def test_walk_prints_every_stage(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    path.write_text(
        "date 2025-06-10\nDeli:\n", encoding="utf-8"
    )  # junk only: the stages still print, with nothing found
    output = run_cli("walk", str(path), "--junk")
    for heading in ("-- paragraphs", "-- mentions", "-- reports"):
        assert heading in output
    assert "widget" in output


@pytest.mark.issue(14)
def test_seeds_export_read_per_article_scores_like_the_per_article_events(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    run_cli("ingest", str(shared / "seeds"), "--db", str(db))
    gold = str(shared / "gold" / "seeds.jsonl")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run_cli("events", "--db", str(db), "--format", "jsonl"), encoding="utf-8")
    exported = tmp_path / "export.jsonl"
    exported.write_text(run_cli("export", "--db", str(db), "--format", "jsonl"), encoding="utf-8")
    per_article = json.loads(run_cli("eval", "--gold", gold, "--pred", str(pred), "--json"))
    merged = json.loads(run_cli("eval", "--gold", gold, "--pred", str(exported), "--export", "--json"))
    keys = ("tp", "fp", "fn", "mode_accuracy", "status_accuracy", "date_accuracy", "location_accuracy")
    assert {k: merged[k] for k in keys} == {k: per_article[k] for k in keys}
    events = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]

    def phone_dates(*surnames: str) -> list[str | None]:
        return sorted(
            (e["date"] for e in events if e["mode"] == "phone"
             and sorted(a["name"].split()[-1] for a in e["actors"]) == sorted(surnames)),
            key=str,
        )  # fmt: skip

    assert phone_dates("Lavrov", "Rubio") == ["2025-10-21", None]
    assert phone_dates("Putin", "Trump") == ["2025-02-12"]
