"""Properties of the merge that the store's incremental updates and the Spark job rely on."""

from __future__ import annotations

import random

import pytest
from tests.random_reports import random_articles

from diplowatch.resolve.merge import merge_reports

pytestmark = pytest.mark.issue(14)


@pytest.mark.parametrize("seed", range(60))
def test_row_order_never_changes_the_events(seed: int) -> None:
    """The rows of a block reach the merge in whatever order a database or Spark returns them."""
    rng = random.Random(seed)
    skew = 0.9 if seed % 3 == 0 else 0.5
    rows = [r for a in random_articles(rng, rng.randrange(2, 40 if seed % 4 else 150), skew=skew) for r in a.records()]
    expected = merge_reports(rows)
    for _ in range(3):
        rng.shuffle(rows)
        assert merge_reports(rows) == expected
