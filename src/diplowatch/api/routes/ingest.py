"""``POST /api/ingest``: the only writing endpoint, enabled by an API token at start-up."""

from __future__ import annotations

import hmac
import io
import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request

from diplowatch.api.routes.paging import store_of
from diplowatch.api.schemas import ErrorOut, IngestIn, IngestOut
from diplowatch.ingest.readers import read_inputs

router = APIRouter(prefix="/api", tags=["ingest"])


def check_token(request: Request, authorization: str | None) -> None:
    """Refuse a write unless the server has a token and the caller sends it (every write endpoint)."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "this server is read-only: start it with --token to allow writes")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.encode()
    ):
        raise HTTPException(
            401, "missing or wrong API token", headers={"WWW-Authenticate": "Bearer"}
        )


@router.post(
    "/ingest",
    response_model=IngestOut,
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
)
def ingest(
    request: Request, body: IngestIn, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    """Ingest articles (as `diplowatch ingest` reads JSON Lines) and update their events."""
    check_token(request, authorization)
    if any(not (a.text or a.html) for a in body.articles):
        raise HTTPException(400, "every article needs 'text' or 'html'")
    from diplowatch.cli.ingest import ingest_items  # the CLI imports this module's app

    lines = "".join(
        json.dumps(a.model_dump(exclude_none=True), ensure_ascii=False) + "\n"
        for a in body.articles
    )
    with request.app.state.write_lock:
        counts, failures = ingest_items(
            store_of(request), read_inputs(["-"], stdin=io.StringIO(lines))
        )
    return {
        "ok": True,
        "counts": dict(counts),
        "failures": [{"id": f.id, "reason": f.reason} for f in failures],
    }
