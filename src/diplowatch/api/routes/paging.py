"""Opaque cursors and the shared query parameters of list endpoints."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Annotated, Any

from fastapi import HTTPException, Query, Request
from pydantic import AfterValidator

from diplowatch.store.base import Store
from diplowatch.store.queries import DATE_PATTERN, check_filter_date

# a date filter: the pattern documents the shape in OpenAPI, the validator rejects impossible
# dates (2025-13-45) with a 422 that names the parameter
QueryDate = Annotated[
    str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]]"), AfterValidator(check_filter_date)
]


def encode_cursor(position: Any) -> str | None:
    if position is None:
        return None
    raw = json.dumps(position, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, *, size: int) -> list[str] | None:
    """The position a cursor stands for; 400 for anything this API did not hand out."""
    if cursor is None:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        value = None
    if not (
        isinstance(value, list) and len(value) == size and all(isinstance(v, str) for v in value)
    ):
        raise HTTPException(400, "invalid cursor: pass back the 'next' value of a previous page")
    return value


def store_of(request: Request) -> Store:
    """The calling thread's store (call inside the endpoint, which runs in a worker thread)."""
    store: Store = request.app.state.stores.get()
    return store
