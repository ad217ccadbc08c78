"""Impossible dates in the CLI's filters are usage errors naming the option (issue #15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplowatch.cli import main

pytestmark = pytest.mark.issue(15)


@pytest.mark.parametrize("command", ["events", "export"])
@pytest.mark.parametrize(
    ("option", "value"), [("--since", "2025-13-45"), ("--until", "2025-02-30"), ("--since", "2025-1")]
)
def test_impossible_date_is_a_usage_error_naming_the_option(
    tmp_path: Path, command: str, option: str, value: str
) -> None:
    result = CliRunner().invoke(main, [command, "--db", str(tmp_path / "x.db"), option, value])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}'" in result.output and value in result.output
    assert not (tmp_path / "x.db").exists()  # refused before the store is opened


def test_real_dates_are_accepted(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["events", "--db", str(tmp_path / "x.db"), "--since", "2024-02-29", "--until", "2025"]
    )
    assert result.exit_code == 0, result.output
