"""Event quality may not regress: scores stay at or above the floors in eval_baseline.json."""

from __future__ import annotations

import json

import pytest

from diplowatch.evaluate.gate import check, gold_digest, gold_sets, measure
from tests.conftest import REPO

BASELINE = json.loads((REPO / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["demo", "seeds"])
def test_scores_hold_their_floors(name: str) -> None:
    sets = gold_sets(REPO)
    if name not in sets:
        pytest.skip("../shared is not beside this checkout")
    corpus, gold = sets[name]
    assert check(name, measure(corpus, gold), BASELINE, gold_digest(gold)) == []


def test_a_drop_below_a_floor_is_reported() -> None:
    baseline = {"x": {"gold_sha256": "d", "precision": 0.9, "recall": 0.8, "f1": 0.85, "date_accuracy": 0.9}}
    scores = {"precision": 0.9, "recall": 0.7, "f1": 0.79, "date_accuracy": 0.9}
    assert check("x", scores, baseline, "d") == [
        "x: recall 0.700 fell below its floor 0.800",
        "x: f1 0.790 fell below its floor 0.850",
    ]
    assert "gold file changed" in check("x", scores, baseline, "other")[0]
