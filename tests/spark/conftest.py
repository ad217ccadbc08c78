"""One local[2] SparkSession for all Spark tests (starting one costs seconds).

Skips when PySpark or Java is missing; ``make test`` installs both (``make system-deps`` and the
dev extra), so there the tests always run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    pytest.importorskip("pandas")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (run: make system-deps)")
    from diplowatch.spark.jobs import start_session

    session = start_session("local[2]", partitions=4, arrow_batch_size=16, app="diplowatch-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
