"""``create_app(db)``: the FastAPI application and the one place that lists its routers.

JSON lives under ``/api``; ``/`` is left to the web page, whose router is passed in
``extra_routers`` (or appended to ``ROUTERS``). Every error, including unexpected ones, is
the JSON error envelope; stack traces go to the server log, never to clients. Each worker
thread reads through its own store connection (SQLite connections stay in their thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from diplowatch.api.routes import actors, articles, events, ingest, sources
from diplowatch.store.base import Store
from diplowatch.store.events import ensure_events
from diplowatch.store.opener import open_store
from diplowatch.web import pages

ROUTERS: list[APIRouter] = [
    events.router, actors.router, articles.router, ingest.router, sources.router, sources.write_router, pages.router,
]  # fmt: skip
log = logging.getLogger(__name__)


class StorePool:
    """One open store per thread, opened on first use."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db)
        return store


def _error(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    body = {"ok": False, "error": message, "errors": errors or [], "status": status}
    return JSONResponse(body, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "loc": [str(part) for part in e.get("loc", ())],
                "msg": str(e.get("msg", "")),
                "type": e.get("type"),
            }
            for e in exc.errors()
        ]
        return _error(
            422,
            "invalid request: " + "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors),
            errors,
        )

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        response = _error(exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error while serving %s", request.url.path)
        return _error(500, "internal error; see the server log")


def create_app(
    db: str, *, token: str | None = None, extra_routers: Sequence[APIRouter] = ()
) -> FastAPI:
    """Build the API over the store at ``db``; ingest is enabled only when ``token`` is given.

    Args:
        db: store location (SQLite path).
        token: API token that the writing endpoints (``POST /api/ingest``, ``POST`` and
            ``DELETE /api/sources``) require as ``Authorization: Bearer``.
        extra_routers: more routers (the web page) mounted after the JSON ones.
    """
    with open_store(db) as store:  # migrate once and build events for an older store
        ensure_events(store)
    app = FastAPI(
        title="diplowatch",
        version=version("diplowatch"),
        description="Diplomatic contact events merged from multilingual news. "
        "Read-only unless started "
        "with an API token.",
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.stores = StorePool(db)
    app.state.token = token
    app.state.write_lock = threading.Lock()
    for router in (*ROUTERS, *extra_routers):
        app.include_router(router)
    _install_error_handlers(app)
    return app
