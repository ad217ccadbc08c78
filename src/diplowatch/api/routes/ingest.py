"""``POST /api/ingest``: the only writing endpoint, enabled by an API token at start-up."""

from __future__ import annotations

import io
import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Security

from diplowatch.api.auth import WriteRoute, bearer
from diplowatch.api.routes.paging import store_of
from diplowatch.api.schemas import ErrorOut, IngestIn, IngestOut
from diplowatch.ingest.readers import read_inputs

router = APIRouter(prefix="/api", tags=["ingest"], route_class=WriteRoute)


@router.post(
    "/ingest",
    response_model=IngestOut,
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
    dependencies=[Security(bearer)],
)
def ingest(request: Request, body: IngestIn) -> dict[str, Any]:
    """Ingest articles (as `diplowatch ingest` reads JSON Lines) and update their events.

    The caller is authorised (``WriteRoute``) before the body is read.
    """
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
