"""The web page's router: events, timeline, network, event, actor, article and sources views.

Each view is server-rendered HTML from the read functions the JSON API uses (``store.events``,
``store.contacts``) plus ``store.browse``; the only scripts are the package's own
``static/app.js`` (actor suggestions from ``/api/actors``) and ``static/network.js`` (the
network drawn on a canvas). Nothing is fetched from outside the server.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from importlib import resources
from typing import Any

from babel import Locale
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from diplowatch.api.routes.paging import store_of
from diplowatch.kb.actors import load_kb
from diplowatch.lang.packs import available_languages
from diplowatch.model import MODES, STATUSES
from diplowatch.store.browse import (
    Browse,
    actor_surfaces,
    article_marks,
    contact_network,
    count_events,
    event_countries,
    page_events,
    timeline_events,
)
from diplowatch.store.contacts import actor_contacts, get_actor, get_article
from diplowatch.store.events import event_reports, event_to_dict, get_event
from diplowatch.store.sources import list_sources
from diplowatch.web.charts import build_bars, build_timeline
from diplowatch.web.marks import split_marked
from diplowatch.web.state import ViewState, read_state

router = APIRouter(include_in_schema=False)
_WEB = resources.files("diplowatch.web")
templates = Jinja2Templates(directory=str(_WEB / "templates"))
_STATIC = {"style.css": "text/css", "app.js": "text/javascript", "network.js": "text/javascript"}
PER_PAGE = 50
TIMELINE_LIMIT = 3000
NETWORK_NODES = 2000
NETWORK_EDGES = 6000
_ENGLISH = Locale("en")


def language_name(code: str | None) -> str:
    """English name of a language code ('sl' → 'Slovenian'), the code when unknown."""
    return _ENGLISH.languages.get(code or "", code or "?")


templates.env.filters["language"] = language_name


def _render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _missing(request: Request, what: str) -> HTMLResponse:
    return _render(request, "missing.html", status_code=404, what=what)


def _list_context(request: Request, state: ViewState, view: str) -> dict[str, Any]:
    store = store_of(request)
    return {
        "state": state,
        "view": view,
        "modes": MODES,
        "statuses": STATUSES,
        "languages": available_languages(),
        "countries": event_countries(store),
    }


@router.get("/", response_class=HTMLResponse)
@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    """The events table: filters, counts per mode and status, sorting and numbered pages."""
    state = read_state(request.query_params)
    store = store_of(request)
    events = page_events(
        store, state.browse, sort=state.sort, descending=state.descending,
        page=state.page, per_page=PER_PAGE,
    )  # fmt: skip
    counts = count_events(store, state.browse)
    return _render(
        request,
        "events.html",
        **_list_context(request, state, "events"),
        events=[event_to_dict(e) for e in events],
        total=counts.total,
        pages=max(1, -(-counts.total // PER_PAGE)),
        mode_counts=counts.modes,
        status_counts=counts.statuses,
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> HTMLResponse:
    """Events over time, one lane per actor pair (or actor), zoomed by the date filter."""
    state = read_state(request.query_params)
    lanes_by = "actor" if state.params.get("lanes") == "actor" else "pair"
    rows = timeline_events(store_of(request), state.browse, limit=TIMELINE_LIMIT)
    timeline = build_timeline(
        rows, since=state.browse.filters.since, until=state.browse.filters.until, lanes_by=lanes_by
    )
    return _render(
        request, "timeline.html", **_list_context(request, state, "timeline"),
        timeline=timeline, lanes_by=lanes_by, capped=len(rows) >= TIMELINE_LIMIT,
        limit=TIMELINE_LIMIT,
    )  # fmt: skip


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    """Actors and their contacts under the current filter, drawn by static/network.js."""
    state = read_state(request.query_params)
    network = contact_network(store_of(request), state.browse, max_nodes=NETWORK_NODES, max_edges=NETWORK_EDGES)
    names = {n["id"]: n["name"] for n in network["nodes"]}
    return _render(
        request, "network.html", **_list_context(request, state, "network"),
        network=network, names=names, top_nodes=network["nodes"][:30], top_pairs=network["edges"][:30],
    )  # fmt: skip


def _group_reports(reports: list[dict[str, Any]]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Reports by language, then by article, each with its evidence split for highlighting."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for report in reports:
        evidence = report["evidence"]
        report["pieces"] = split_marked(evidence["sentence"], evidence["spans"])
        grouped[report.get("lang") or "?"][report["article"]["id"]].append(report)
    return {lang: dict(articles) for lang, articles in sorted(grouped.items())}


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """One event's canonical facts and every report behind it with highlighted evidence."""
    store = store_of(request)
    found = get_event(store, event_id)
    if found is None:
        return _missing(request, f"event {event_id}")
    reports = event_reports(store, event_id)
    return _render(
        request, "event.html", event=event_to_dict(found), by_lang=_group_reports(reports),
        n_reports=len(reports),
    )  # fmt: skip


def _script(name: str) -> str:
    """Unicode script of a name's first letter ('Путин' → 'Cyrillic')."""
    for char in name:
        if char.isalpha():
            return unicodedata.name(char, "OTHER ?").split(" ")[0].title()
    return "Other"


@router.get("/actor/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    """One actor: names by script, roles over time, contacts chart, counterparts, events."""
    store = store_of(request)
    actor = get_actor(store, actor_id)
    if actor is None:
        return _missing(request, f"actor {actor_id}")
    roles = actor.get("roles")
    if roles is None and (known := load_kb().get(actor_id)):
        roles = [{"role": s.role, "start": s.start, "end": s.end, "title": s.title,
                  "org": s.org, "portfolio": s.portfolio} for s in known.roles]  # fmt: skip
    seen = actor_surfaces(store, actor_id)
    names = Counter({actor["name"]: 0, **{a: 0 for a in actor["aliases"]}}) + seen
    by_script: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name in sorted({actor["name"], *actor["aliases"], *seen}):
        by_script[_script(name)].append((name, seen.get(name, 0)))
    counterparts: dict[str, dict[str, Any]] = {}
    for item in actor_contacts(store, actor_id):
        other = counterparts.setdefault(item["counterpart"]["id"], {**item["counterpart"], "events": 0})
        other["events"] += item["events"]
    ranked = sorted(counterparts.values(), key=lambda c: (-c["events"], c["name"]))
    browse = Browse(actor_ids=(actor_id,))
    dates = [row["event_date"] for row in timeline_events(store, browse, limit=TIMELINE_LIMIT)]
    events = page_events(store, browse, per_page=25)
    roles = sorted(roles or [], key=lambda r: r.get("start") or "")
    return _render(
        request, "actor.html", actor=actor, roles=roles,
        by_script=dict(sorted(by_script.items())), n_names=len(names), counterparts=ranked[:15],
        bars=build_bars(dates), events=[event_to_dict(e) for e in events],
        total=actor["n_events"],
    )  # fmt: skip


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """An article's original text: mentions and triggers marked, dropped blocks greyed."""
    store = store_of(request)
    article = get_article(store, article_id)
    if article is None:
        return _missing(request, f"article {article_id}")
    text = article["text"] or ""
    marks = article_marks(store, article_id, article["version"])
    paragraphs = article["paragraphs"] or [{"start": 0, "end": len(text), "kind": "body"}]
    blocks = [
        {**p, "kept": p["kind"] in ("body", "caption"),
         "pieces": split_marked(text[p["start"]:p["end"]], marks, offset=p["start"])}
        for p in paragraphs
    ]  # fmt: skip
    dropped = Counter(b["kind"] for b in blocks if not b["kept"])
    return _render(
        request, "article.html", article=article, blocks=blocks, dropped=dict(dropped),
        n_mentions=sum(m["kind"] == "mention" for m in marks),
        n_triggers=sum(m["kind"] == "trigger" for m in marks),
    )  # fmt: skip


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    """The polled sources: kind, status of the last fetch, its counts and its error."""
    return _render(request, "sources.html", view="sources", sources=list_sources(store_of(request)))


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    """The page's own CSS and scripts, from the installed package."""
    if name not in _STATIC:
        return Response("not found", status_code=404, media_type="text/plain")
    body = (_WEB / "static" / name).read_bytes()
    return Response(body, media_type=_STATIC[name], headers={"Cache-Control": "max-age=300"})
