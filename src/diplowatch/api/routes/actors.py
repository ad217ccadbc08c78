"""``/api/actors``: search by any name form; one actor; its contacts over time."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from diplowatch.api.routes.paging import QueryDate, store_of
from diplowatch.api.schemas import ActorOut, ContactOut, One, Page
from diplowatch.store.contacts import actor_contacts, get_actor, search_actors

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", response_model=Page[ActorOut])
def actors(
    request: Request,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="Name in any script or inflection.")
    ],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    """Actors a name may mean ('Putyinnal', 'Путин', 'putin'), most events first."""
    return {"ok": True, "items": search_actors(store_of(request), q, limit=limit), "next": None}


def _actor_or_404(request: Request, actor_id: str) -> dict[str, Any]:
    found = get_actor(store_of(request), actor_id)
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return found


@router.get(
    "/{actor_id}", response_model=One[ActorOut], responses={404: {"description": "No such actor."}}
)
def actor(request: Request, actor_id: str) -> dict[str, Any]:
    return {"ok": True, "item": _actor_or_404(request, actor_id)}


@router.get(
    "/{actor_id}/contacts",
    response_model=Page[ContactOut],
    responses={404: {"description": "No such actor."}},
)
def contacts(
    request: Request,
    actor_id: str,
    period: Literal["day", "month", "year"] = "month",
    since: QueryDate = None,
    until: QueryDate = None,
) -> dict[str, Any]:
    """Who the actor was in contact with, per period and counterpart, oldest first."""
    _actor_or_404(request, actor_id)
    items = actor_contacts(store_of(request), actor_id, period=period, since=since, until=until)
    return {"ok": True, "items": items, "next": None}
