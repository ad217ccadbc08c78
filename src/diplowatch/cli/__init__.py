"""The ``diplowatch`` command: a click group; each module below adds its commands."""

from __future__ import annotations

import sys

import click

from diplowatch.errors import DiplowatchError


class _Group(click.Group):
    """Print user errors as one line (no traceback) and exit with status 2."""

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


# commands register on import (after `main` exists, hence E402), one module per line
from diplowatch.cli import (  # noqa: E402
    bench,
    entities,
    evaluate,
    export,
    fetch,
    ingest,
    kb,
    load,
    merge,
    query,
    serve,
    spark,
    walk,
)

__all__ = [
    "main",
    "bench",
    "entities",
    "evaluate",
    "export",
    "fetch",
    "ingest",
    "kb",
    "load",
    "merge",
    "query",
    "serve",
    "spark",
    "walk",
]
