"""Docs cannot drift: the CLI reference is what the code generates, and every command has help."""

from __future__ import annotations

import click

from diplowatch.cli import main
from diplowatch.cli.reference import render_reference
from tests.conftest import REPO


def _commands(group: click.Group, prefix: str = "diplowatch") -> list[tuple[str, click.Command]]:
    ctx = click.Context(group)
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{prefix} {name}"))
    return found


def test_every_command_has_help() -> None:
    for name, command in _commands(main):
        assert (command.help or "").strip(), f"{name} has no help text"


def test_cli_reference_is_up_to_date() -> None:
    committed = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == render_reference(), "docs/cli.md is stale: run `make docs`"
