"""Event quality may not regress: scores stay at or above the floors in eval_baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplowatch.evaluate.gate import check, gold_digest, gold_sets, measure
from tests.conftest import REPO

BASELINE = json.loads((REPO / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name", ["demo", "seeds", "bsnlp-dev", "bsnlp-extra", "bsnlp-extra2", "bsnlp-extra3", "bsnlp-extra4"]
)
def test_scores_hold_their_floors(name: str) -> None:
    sets = gold_sets(REPO)
    if name not in sets:
        pytest.skip(f"the {name} gold set is not beside this checkout")
    assert check(name, measure(sets[name]), BASELINE, gold_digest(sets[name].gold)) == []


def test_a_drop_below_a_floor_is_reported() -> None:
    baseline = {"x": {"gold_sha256": "d", "precision": 0.9, "recall": 0.8, "f1": 0.85, "date_accuracy": 0.9}}
    scores = {"precision": 0.9, "recall": 0.7, "f1": 0.79, "date_accuracy": 0.9}
    assert check("x", scores, baseline, "d") == [
        "x: recall 0.700 fell below its floor 0.800",
        "x: f1 0.790 fell below its floor 0.850",
    ]
    assert "gold file changed" in check("x", scores, baseline, "other")[0]


def test_the_dev_set_needs_its_texts_and_tool_beside_the_checkout(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (tmp_path / "shared" / "gold").mkdir(parents=True)
    (tmp_path / "shared" / "gold" / "bsnlp-dev.jsonl").write_text("", encoding="utf-8")
    assert "bsnlp-dev" not in gold_sets(repo)
    (tmp_path / "shared" / "bsnlp").mkdir()
    (tmp_path / "shared" / "tools").mkdir()
    (tmp_path / "shared" / "tools" / "bsnlp_texts.py").write_text("", encoding="utf-8")
    assert gold_sets(repo)["bsnlp-dev"].texts_tool == tmp_path / "shared" / "tools" / "bsnlp_texts.py"
