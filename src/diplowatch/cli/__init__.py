"""The ``diplowatch`` command: a click group; each module of this package adds its commands.

A command's module is imported when the command is looked up (``_COMMANDS``), not at start:
a one-article ``walk`` or ``ingest`` then does not import the HTTP stack of ``fetch``, the
evaluation, export or Spark code, which took about a tenth of its start-up.
"""

from __future__ import annotations

import importlib
import sys

import click

from diplowatch.errors import DiplowatchError

# command name -> the module of this package that defines it
_COMMANDS = {
    "bench": "bench",
    "eval": "evaluate",
    "eval-entities": "entities",
    "events": "query",
    "export": "export",
    "fetch": "fetch",
    "ingest": "ingest",
    "kb": "kb",
    "load": "load",
    "merge": "merge",
    "serve": "serve",
    "show": "query",
    "sources": "fetch",
    "spark": "spark",
    "walk": "walk",
}


class _Group(click.Group):
    """Print user errors as one line (no traceback) and exit with status 2; import a
    command's module on first lookup."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _COMMANDS:
            importlib.import_module(f"{__name__}.{_COMMANDS[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DiplowatchError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplowatch")
def main() -> None:
    """Extract diplomatic contact events from multilingual news and query them."""


__all__ = ["main"]
