"""``diplowatch kb``: extend and inspect the knowledge base of actors."""

from __future__ import annotations

from pathlib import Path

import click

from diplowatch.cli import main
from diplowatch.kb.importer import FORMATS, people_yaml, read_people


@main.group("kb")
def kb() -> None:
    """Extend the knowledge base with your own people (see kb/data/README.md)."""


@kb.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), help="Input format (default: file extension)."
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False),
    help="People YAML file to write; put it in a folder listed in DIPLOWATCH_KB_PATH.",
)
def import_people(path: str, fmt: str | None, out: str) -> None:
    """Convert a CSV (name,country,role,start,end,...) or JSON Lines extract to people YAML."""
    actors = read_people(path, fmt=fmt)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(
        people_yaml(actors, source=f"imported from {Path(path).name}"), encoding="utf-8"
    )
    click.echo(
        f"wrote {len(actors)} people to {out}; "
        f"set DIPLOWATCH_KB_PATH={Path(out).parent} to use them"
    )
