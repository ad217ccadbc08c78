"""``diplowatch serve``: the web page and the REST API over a store."""

from __future__ import annotations

import click

from diplowatch.cli import main
from diplowatch.cli.options import db_option


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port."
)
@click.option(
    "--token",
    envvar="DIPLOWATCH_API_TOKEN",
    help="API token (or env DIPLOWATCH_API_TOKEN); its holders may POST /api/ingest and add or remove sources.",
)
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the web page at / and the JSON API under /api (docs /docs, schema /openapi.json)."""
    # imported here, not at the top: every other command would pay FastAPI's import time
    import uvicorn

    from diplowatch.api.app import create_app

    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info")
