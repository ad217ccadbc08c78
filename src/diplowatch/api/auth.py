"""Authorisation of write routes, decided before FastAPI reads the request body.

FastAPI parses and validates a body before it runs any dependency, so a token check written
as a dependency answers an anonymous caller's malformed body with 422 and tells it the
request format. ``WriteRoute`` wraps the route's handler instead: the token is checked
first, and only an authorised request is parsed. The route's ``Security(bearer)``
dependency only declares the scheme in the OpenAPI document.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiToken",
    description="The token `diplowatch serve --token` was started with.",
)


async def authorize_write(request: Request) -> None:
    """403 on a read-only server or for a wrong token; 401 when no bearer token is given."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "this server is read-only: start it with --token to allow ingest")
    credentials = await bearer(request)
    if credentials is None or not credentials.credentials:
        raise HTTPException(401, "missing API token", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(403, "wrong API token")


class WriteRoute(APIRoute):
    """A route that authorises the caller before its body is read or validated."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def authorized_handler(request: Request) -> Response:
            await authorize_write(request)
            return await handler(request)

        return authorized_handler
