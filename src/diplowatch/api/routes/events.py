"""``/api/events``: merged events, filtered and paged; one event with its reports and evidence."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from diplowatch.api.routes.paging import QueryDate, decode_cursor, encode_cursor, store_of
from diplowatch.api.schemas import EventDetailOut, EventOut, One, Page
from diplowatch.store.events import event_reports, event_to_dict, get_event, list_events
from diplowatch.store.queries import Filters

router = APIRouter(prefix="/api/events", tags=["events"])
Mode = Literal["phone", "meet", "visit", "host", "multilateral", "unspecified"]
Status = Literal["occurred", "planned", "cancelled", "denied", "habitual"]


@router.get("", response_model=Page[EventOut])
def events(
    request: Request,
    actor: Annotated[
        str | None, Query(max_length=200, description="Any name form, script or inflection.")
    ] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3.")
    ] = None,
    mode: Mode | None = None,
    status: Status | None = None,
    since: QueryDate = None,
    until: QueryDate = None,
    lang: Annotated[
        str | None, Query(pattern=r"^[a-z]{2,3}$", description="Language of a report.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> dict[str, Any]:
    """Events newest first, filtered like `diplowatch events`; follow `next` for more."""
    after = decode_cursor(cursor, size=2)
    filters = Filters(
        actor=actor, country=country, mode=mode, status=status, since=since, until=until, lang=lang
    )
    page, position = list_events(
        store_of(request), filters, limit=limit, after=(after[0], after[1]) if after else None
    )
    return {"ok": True, "items": [event_to_dict(e) for e in page], "next": encode_cursor(position)}


@router.get(
    "/{event_id}",
    response_model=One[EventDetailOut],
    responses={404: {"description": "No such event."}},
)
def event(request: Request, event_id: str) -> dict[str, Any]:
    """One event with every report behind it: article, evidence sentence and spans."""
    store = store_of(request)
    found = get_event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return {"ok": True, "item": {**event_to_dict(found), "reports": event_reports(store, event_id)}}
