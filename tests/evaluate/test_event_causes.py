"""`diplowatch eval` files figures per language and gives every miss and false alarm a cause."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplowatch.cli import main
from diplowatch.evaluate.events import article_language
from tests.conftest import run_cli

TEXT = """date 2025-06-10
Lavrov and Rubio spoke by phone

Russian Foreign Minister Sergey Lavrov spoke by phone with US Secretary of State Marco Rubio on Monday.
Hungarian Prime Minister Viktor Orbán gave a speech in Budapest about the economy.
"""


def _event(mode: str, *actors: str, date: str | None = None, status: str = "occurred") -> dict[str, object]:
    return {"type": "CONSULT", "mode": mode, "actors": list(actors), "date": date, "status": status, "location": None}


GOLD = [
    {
        "id": "en_01_call",
        "lang": "en",
        "events": [
            _event("phone", "Sergey Lavrov", "Marco Rubio", date="2025-06-09"),
            _event("meet", "Sergey Lavrov", "Marco Rubio", date="2025-07", status="planned"),
            _event("meet", "Viktor Orbán", "Sergey Lavrov"),
            _event("visit", "Viktor Orbán"),
            _event("meet", "Vladimir Putin", "Donald Trump"),
        ],
    },
    {"id": "sl_02_golob", "events": [_event("meet", "Robert Golob", "Andrej Plenković")]},
    {"id": "brexit__bg__brexit_bg.txt_file_1", "events": []},
]
PRED = [
    {
        "id": "en_01_call",
        "events": [
            _event("phone", "Sergey Lavrov", "Marco Rubio", date="2025-06-09"),
            _event("meet", "Marco Rubio", "Viktor Orbán"),
            _event("visit", "Xi Jinping"),
        ],
    },
    {
        "id": "sl_02_golob",
        "events": [
            _event("meet", "Robert Golob", "Andrej Plenković"),
            _event("phone", "Robert Golob", "Andrej Plenković"),
        ],
    },
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Gold, predictions, and a store that holds only the first article (the others are absent)."""
    tmp_path = tmp_path_factory.mktemp("causes")
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(o) + "\n" for o in GOLD), encoding="utf-8")
    pred.write_text("".join(json.dumps(o) + "\n" for o in PRED), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "en_01_call.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "store.db"
    run_cli("ingest", str(corpus), "--db", str(db))
    return gold, pred, db


def test_language_comes_from_the_object_then_the_id() -> None:
    assert article_language("brexit__sl__sl-13", None, {"lang": "hr"}) == "hr"
    assert article_language("brexit__sl__sl-13", {}) == "sl"
    assert article_language("sl_02_lavrov_rubio") == "sl"
    assert article_language("ok") == "?"
    assert article_language("ukraine_talks") == "?"


def test_causes_from_the_store(files: tuple[Path, Path, Path]) -> None:
    gold, pred, db = files
    result = json.loads(run_cli("eval", "--gold", str(gold), "--pred", str(pred), "--db", str(db), "--json"))
    causes = result["causes"]
    assert causes["basis"] == "store" and causes["articles_not_in_store"] == 2
    by_actors = {tuple(m["actors"]): c for m, c in zip(result["misses"], causes["misses"], strict=True)}
    assert by_actors == {
        ("Sergey Lavrov", "Marco Rubio"): "wrong attribute",
        ("Viktor Orbán", "Sergey Lavrov"): "participants not paired",
        ("Viktor Orbán",): "no trigger in the sentence",
        ("Vladimir Putin", "Donald Trump"): "actor not found",
    }
    alarms = {tuple(a["actors"]): c for a, c in zip(result["false_alarms"], causes["false_alarms"], strict=True)}
    assert alarms == {
        ("Marco Rubio", "Viktor Orbán"): "pair not in gold",
        ("Xi Jinping",): "actor not in gold",
        ("Robert Golob", "Andrej Plenković"): "extra event",
    }
    assert causes["miss_counts"] == {
        "actor not found": 1,
        "no trigger in the sentence": 1,
        "participants not paired": 1,
        "wrong attribute": 1,
    }


def test_per_language_figures_add_up_and_keep_the_old_keys(files: tuple[Path, Path, Path]) -> None:
    gold, pred, _ = files
    result = json.loads(run_cli("eval", "--gold", str(gold), "--pred", str(pred), "--json"))
    assert {"precision", "recall", "f1", "tp", "fp", "fn", "date_accuracy", "misses"} <= set(result)
    per_language = result["per_language"]
    assert list(per_language) == ["bg", "en", "sl"]
    assert per_language["en"] == {
        "articles": 1,
        "tp": 1,
        "fp": 2,
        "fn": 4,
        "precision": 0.3333,
        "recall": 0.2,
        "f1": 0.25,
        "date_accuracy": 1.0,
    }
    for key in ("tp", "fp", "fn"):
        assert sum(f[key] for f in per_language.values()) == result[key]


def test_without_the_store_causes_come_from_the_files(files: tuple[Path, Path, Path]) -> None:
    gold, pred, _ = files
    text = run_cli("eval", "--gold", str(gold), "--pred", str(pred))
    assert "MISS         en_01_call: meet Vladimir Putin / Donald Trump" in text
    assert "cause: actor not predicted" in text
    assert "causes: actor not predicted 1, pair not predicted 2, wrong attribute 1" in text
    assert "false alarm causes: actor not in gold 1, pair not in gold 1, extra event 1" in text
    assert "from the gold and prediction files alone" in text
    assert "  sl       1    1    1    0  0.500  1.000  0.667  1.000" in text
    assert "  bg       1    0    0    0      -      -      -      -" in text


def test_an_explicit_store_that_does_not_exist_is_an_error(files: tuple[Path, Path, Path], tmp_path: Path) -> None:
    gold, pred, _ = files
    result = CliRunner().invoke(
        main, ["eval", "--gold", str(gold), "--pred", str(pred), "--db", str(tmp_path / "no.db")]
    )
    assert result.exit_code == 2 and "no store at" in result.output


def test_the_store_of_the_environment_alone_is_not_read_beside_pred(
    files: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    gold, pred, _ = files
    args = ["eval", "--gold", str(gold), "--pred", str(pred), "--json"]
    result = CliRunner().invoke(main, args, env={"DIPLOWATCH_DB": str(tmp_path / "no.db")})
    assert result.exit_code == 0 and json.loads(result.stdout)["causes"]["basis"] == "files"
