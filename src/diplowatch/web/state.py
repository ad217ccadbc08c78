"""A view's state in its URL: read the query into filters, and write links that keep it.

Everything an analyst sets (filters, sort, page, zoom, lanes) is a query parameter, so any
view can be shared as a link. Values the page cannot use (an unknown mode, a malformed
date) are dropped with a notice instead of failing the page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from diplowatch.model import MODES, STATUSES
from diplowatch.store.browse import SORTS, Browse
from diplowatch.store.queries import Filters, check_filter_date

_LANG = re.compile(r"^[a-z]{2,3}$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
FILTER_KEYS = ("actor", "country", "mode", "status", "lang", "since", "until", "q", "ids")


@dataclass
class ViewState:
    """The parsed query of a list view: filters, plus sorting and the page number."""

    params: dict[str, str]
    browse: Browse
    sort: str = "date"
    descending: bool = True
    page: int = 1
    notices: list[str] = field(default_factory=list)

    def link(self, path: str, **changes: str | int | None) -> str:
        """``path`` with this view's parameters, some changed (None removes one)."""
        merged: dict[str, str] = dict(self.params)
        for key, value in changes.items():
            if value is None or value == "":
                merged.pop(key, None)
            else:
                merged[key] = str(value)
        return path + ("?" + urlencode(merged) if merged else "")

    def filter_link(self, path: str) -> str:
        """``path`` with only the filters (what carries over from one view to another)."""
        kept = {k: v for k, v in self.params.items() if k in FILTER_KEYS}
        return path + ("?" + urlencode(kept) if kept else "")


def _is_date(value: str) -> bool:
    try:
        check_filter_date(value)
    except ValueError:
        return False
    return True


def _clean(query: Mapping[str, str], notices: list[str]) -> dict[str, str]:
    checks = {
        "mode": lambda v: v in MODES,
        "status": lambda v: v in STATUSES,
        "lang": lambda v: bool(_LANG.match(v)),
        "country": lambda v: bool(_COUNTRY.match(v)),
        "since": _is_date,
        "until": _is_date,
        "sort": lambda v: v in SORTS,
        "dir": lambda v: v in ("asc", "desc"),
        "page": lambda v: v.isdigit() and int(v) >= 1,
    }
    params: dict[str, str] = {}
    for key, raw in query.items():
        value = raw.strip()[:200]
        if not value:
            continue
        check = checks.get(key)
        if check is not None and not check(value):
            notices.append(f"ignored {key}={value!r}")
            continue
        params[key] = value.upper() if key == "country" else value
    return params


def read_state(query: Mapping[str, str]) -> ViewState:
    """Parse a request's query parameters into the state of a list view."""
    notices: list[str] = []
    params = _clean(query, notices)
    filters = Filters(
        actor=params.get("actor"),
        country=params.get("country"),
        mode=params.get("mode"),
        status=params.get("status"),
        since=params.get("since"),
        until=params.get("until"),
        lang=params.get("lang"),
    )
    ids = tuple(i for i in params.get("ids", "").split(",") if i)
    browse = Browse(filters=filters, text=params.get("q"), actor_ids=ids)
    return ViewState(
        params=params,
        browse=browse,
        sort=params.get("sort", "date"),
        descending=params.get("dir", "desc") == "desc",
        page=int(params.get("page", "1")),
        notices=notices,
    )
