"""``/api/articles``: stored articles, and one article with its text and paragraphs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from diplowatch.api.routes.paging import decode_cursor, encode_cursor, store_of
from diplowatch.api.schemas import ArticleDetailOut, ArticleOut, One, Page
from diplowatch.store.contacts import get_article, list_articles

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=Page[ArticleOut])
def articles(
    request: Request,
    lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> dict[str, Any]:
    """Current articles by id; follow `next` for more."""
    after = decode_cursor(cursor, size=1)
    rows, last = list_articles(
        store_of(request), lang=lang, limit=limit, after=after[0] if after else None
    )
    return {"ok": True, "items": rows, "next": encode_cursor([last] if last else None)}


@router.get(
    "/{article_id}",
    response_model=One[ArticleDetailOut],
    responses={404: {"description": "No such article."}},
)
def article(request: Request, article_id: str) -> dict[str, Any]:
    """One article: original text, paragraphs (offsets into the text), its reports and events."""
    found = get_article(store_of(request), article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return {"ok": True, "item": found}
