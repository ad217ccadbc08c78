"""``/api/sources``: the polled sources with their last fetch; adding and removing need the token."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, Security

from diplowatch.api.auth import WriteRoute, bearer
from diplowatch.api.routes.paging import store_of
from diplowatch.api.schemas import ErrorOut, One, Page, SourceIn, SourceOut
from diplowatch.errors import SourceError
from diplowatch.store.sources import add_source, list_sources, remove_source

router = APIRouter(prefix="/api/sources", tags=["sources"])
write_router = APIRouter(prefix="/api/sources", tags=["sources"], route_class=WriteRoute)
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut},
}  # fmt: skip


@router.get("", response_model=Page[SourceOut])
def sources(request: Request) -> dict[str, Any]:
    """Every source with its kind, last fetch, counts of the last fetch and its last error."""
    return {"ok": True, "items": list_sources(store_of(request)), "next": None}


@write_router.post(
    "", response_model=One[SourceOut], status_code=201, responses=_WRITE_ERRORS, dependencies=[Security(bearer)]
)
def create(request: Request, body: SourceIn) -> dict[str, Any]:
    """Add a source (as `diplowatch sources add`); the next `diplowatch fetch` polls it.

    The caller is authorised (``WriteRoute``) before the body is read."""
    with request.app.state.write_lock:
        try:
            added = add_source(store_of(request), body.url, name=body.name, lang=body.lang)
        except SourceError as exc:
            raise HTTPException(400, str(exc)) from None
    return {"ok": True, "item": added}


@write_router.delete(
    "/{source_id}",
    response_model=One[SourceOut],
    responses={**_WRITE_ERRORS, 404: {"model": ErrorOut}},
    dependencies=[Security(bearer)],
)
def delete(request: Request, source_id: str) -> dict[str, Any]:
    """Stop polling a source; the articles fetched from it stay."""
    with request.app.state.write_lock:
        try:
            removed = remove_source(store_of(request), source_id)
        except SourceError as exc:
            raise HTTPException(404, str(exc)) from None
    return {"ok": True, "item": removed}
