"""The REST API against a real uvicorn server on 127.0.0.1 (a free port), through httpx."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

httpx = pytest.importorskip("httpx")

from diplowatch.api.app import create_app  # noqa: E402
from diplowatch.cli.ingest import ingest_items  # noqa: E402
from diplowatch.ingest.readers import read_inputs  # noqa: E402
from diplowatch.store.events import list_events  # noqa: E402
from diplowatch.store.opener import open_store  # noqa: E402
from diplowatch.store.queries import Filters  # noqa: E402

pytestmark = pytest.mark.issue(5)
CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
TOKEN = "test-token-5"
CALL = (
    "Washington, 4 November. US President Donald Trump spoke by phone with Russian President "
    "Vladimir Putin on Monday, the Kremlin said.\n\nThe two leaders discussed trade."
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not CORPUS.is_dir():
        pytest.skip("demo corpus absent")
    path = str(tmp_path_factory.mktemp("api") / "demo.db")
    with open_store(path) as store:
        ingest_items(store, read_inputs([str(CORPUS)]))
    return path


def _serve(db: str, token: str | None) -> Iterator[httpx.Client]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=port,
                                           log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "server did not start"
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        yield client
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def api(db: str) -> Iterator[httpx.Client]:
    yield from _serve(db, None)


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[httpx.Client]:
    yield from _serve(str(tmp_path / "w.db"), TOKEN)


def _all_pages(api: httpx.Client, **params: str | int) -> list[dict]:
    items, cursor = [], None
    for _ in range(100):
        body = api.get(
            "/api/events", params={**params, **({"cursor": cursor} if cursor else {})}
        ).json()
        assert body["ok"] is True
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items
    raise AssertionError("paging did not end")


def test_events_paged_to_the_end_equal_the_store(api: httpx.Client, db: str) -> None:
    with open_store(db) as store:
        expected = [e.id for e in list_events(store)[0]]
    assert [e["id"] for e in _all_pages(api, limit=4)] == expected


@pytest.mark.parametrize("name", ["Putin", "Путин", "Putyinnal"])
def test_events_filtered_by_any_name_form(api: httpx.Client, db: str, name: str) -> None:
    with open_store(db) as store:
        expected = [e.id for e in list_events(store, Filters(actor="Putin"))[0]]
    assert expected, "the demo corpus reports contacts of Putin"
    assert [e["id"] for e in _all_pages(api, actor=name, limit=50)] == expected


def test_event_detail_has_reports_with_evidence_spans(api: httpx.Client) -> None:
    first = api.get("/api/events", params={"limit": 1}).json()["items"][0]
    body = api.get(f"/api/events/{first['id']}").json()
    event = body["item"]
    assert body["ok"] and event["id"] == first["id"]
    assert sorted(r["id"] for r in event["reports"]) == event["report_ids"]
    for report in event["reports"]:
        sentence = report["evidence"]["sentence"]
        kinds = {s["kind"] for s in report["evidence"]["spans"]}
        assert kinds == {"actor", "trigger"}
        for span in report["evidence"]["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(sentence)
        trigger = next(s for s in report["evidence"]["spans"] if s["kind"] == "trigger")
        assert sentence[trigger["start"] : trigger["end"]] == report["trigger"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events/e_missing", 404),
        ("/api/events?mode=telepathy", 422),
        ("/api/events?limit=0", 422),
        ("/api/events?since=October", 422),
        ("/api/events?cursor=bm90IGEgY3Vyc29y", 400),
        ("/api/actors", 422),
        ("/api/actors/nobody-at-all", 404),
        ("/api/articles/none", 404),
        ("/api/nothing-here", 404),
    ],
)
def test_errors_use_the_envelope(api: httpx.Client, path: str, status: int) -> None:
    response = api.get(path)
    body = response.json()
    assert response.status_code == status
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert "Traceback" not in response.text


def test_actor_search_by_any_form_and_contacts(api: httpx.Client) -> None:
    for query in ("Путин", "Putyinnal", "putin"):
        ids = [a["id"] for a in api.get("/api/actors", params={"q": query}).json()["items"]]
        assert ids and ids[0] == "vladimir-putin", query
    actor = api.get("/api/actors/vladimir-putin").json()["item"]
    contacts = api.get("/api/actors/vladimir-putin/contacts").json()["items"]
    events = _all_pages(api, actor="vladimir-putin", limit=100)
    assert actor["n_events"] == len(events)
    partners = {a["id"] for e in events for a in e["actors"]} - {"vladimir-putin"}
    assert {c["counterpart"]["id"] for c in contacts} == partners
    periods = [c["period"] or "" for c in contacts]
    assert periods == sorted(periods)


def test_articles_with_text_and_paragraphs(api: httpx.Client) -> None:
    page = api.get("/api/articles", params={"limit": 3}).json()
    assert len(page["items"]) == 3 and page["next"]
    second = api.get("/api/articles", params={"limit": 3, "cursor": page["next"]}).json()
    assert not {a["id"] for a in page["items"]} & {a["id"] for a in second["items"]}
    article = api.get(f"/api/articles/{page['items'][0]['id']}").json()["item"]
    assert article["text"] and article["paragraphs"]
    assert all(0 <= p["start"] <= p["end"] <= len(article["text"]) for p in article["paragraphs"])


def test_openapi_documents_every_route(api: httpx.Client) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors",
                 "/api/actors/{actor_id}/contacts",
                 "/api/articles", "/api/articles/{article_id}", "/api/ingest",
                 "/api/sources", "/api/sources/{source_id}"):  # fmt: skip
        assert path in paths


def test_ingest_is_refused_without_a_token_at_start(api: httpx.Client) -> None:
    response = api.post("/api/ingest", json={"articles": [{"id": "x", "text": CALL}]},
                        headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert response.status_code == 403 and response.json()["ok"] is False


def test_ingest_needs_the_token_and_updates_events(writable: httpx.Client) -> None:
    payload = {
        "articles": [{"id": "call-1", "text": CALL, "published": "2025-11-04", "lang": "en"}]
    }
    assert writable.post("/api/ingest", json=payload).status_code == 401
    wrong = writable.post("/api/ingest", json=payload, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    bad = writable.post(
        "/api/ingest", json={"articles": []}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert bad.status_code == 422 and bad.json()["errors"]
    done = writable.post(
        "/api/ingest", json=payload, headers={"Authorization": f"Bearer {TOKEN}"}
    ).json()
    assert done["ok"] and done["counts"]["new"] == 1
    [event] = writable.get("/api/events").json()["items"]
    assert {a["id"] for a in event["actors"]} == {"donald-trump", "vladimir-putin"}
    assert event["mode"] == "phone" and event["article_ids"] == ["call-1"]


# issue 15: writes are authorised before their body is read, so a caller without the token
# learns nothing about the request format
BODIES = [
    {"content": b"{not json", "headers": {"Content-Type": "application/json"}},
    {"json": {"articles": "not a list"}},
    {"json": {"articles": [{"id": "x", "text": CALL}]}},
    {"content": b""},
]


def _post(client: httpx.Client, body: dict, authorization: str | None) -> int:
    headers = {**body.get("headers", {}), **({"Authorization": authorization} if authorization else {})}
    rest = {k: v for k, v in body.items() if k != "headers"}
    return client.post("/api/ingest", headers=headers, **rest).status_code


@pytest.mark.issue(15)
@pytest.mark.parametrize("authorization", [None, f"Basic {TOKEN}", "Bearer"])
def test_write_without_a_bearer_token_is_401_whatever_the_body(
    writable: httpx.Client, authorization: str | None
) -> None:
    assert [_post(writable, body, authorization) for body in BODIES] == [401] * len(BODIES)


@pytest.mark.issue(15)
def test_write_with_a_wrong_token_is_403_whatever_the_body(writable: httpx.Client) -> None:
    assert [_post(writable, body, "Bearer nope") for body in BODIES] == [403] * len(BODIES)


@pytest.mark.issue(15)
@pytest.mark.parametrize("authorization", [None, f"Bearer {TOKEN}"])
def test_write_to_a_read_only_server_is_403_whatever_the_body(api: httpx.Client, authorization: str | None) -> None:
    assert [_post(api, body, authorization) for body in BODIES] == [403] * len(BODIES)


@pytest.mark.issue(15)
def test_the_right_token_reaches_validation(writable: httpx.Client) -> None:
    assert _post(writable, BODIES[0], f"Bearer {TOKEN}") == 422


@pytest.mark.issue(15)
def test_openapi_declares_bearer_security_on_write_routes(api: httpx.Client) -> None:
    document = api.get("/openapi.json").json()
    bearer = [
        name
        for name, scheme in document["components"]["securitySchemes"].items()
        if scheme["type"] == "http" and scheme["scheme"].lower() == "bearer"
    ]
    assert len(bearer) == 1
    assert document["paths"]["/api/ingest"]["post"]["security"] == [{bearer[0]: []}]
    assert "security" not in document["paths"]["/api/events"]["get"]


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/events?since=2025-13-45", "since"),
        ("/api/events?until=2025-02-30", "until"),
        ("/api/events?since=0000", "since"),
        ("/api/actors/vladimir-putin/contacts?since=2025-00", "since"),
        ("/api/actors/vladimir-putin/contacts?until=2024-04-31", "until"),
    ],
)
def test_impossible_dates_are_422_naming_the_parameter(api: httpx.Client, path: str, parameter: str) -> None:
    response = api.get(path)
    body = response.json()
    assert response.status_code == 422 and body["ok"] is False
    assert [error["loc"] for error in body["errors"]] == [["query", parameter]]
    assert f"query.{parameter}" in body["error"]


@pytest.mark.issue(15)
def test_real_dates_still_filter(api: httpx.Client) -> None:
    assert api.get("/api/events?since=2024-02-29&until=2030-12").status_code == 200


@pytest.mark.issue(16)
def test_sources_are_listed_and_written_only_with_the_token(writable: httpx.Client) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    source = {"url": "http://127.0.0.1:9/feed.xml", "name": "Wire", "lang": "en"}
    assert writable.post("/api/sources", json=source).status_code == 401
    added = writable.post("/api/sources", json=source, headers=auth)
    assert added.status_code == 201 and added.json()["item"]["name"] == "Wire"
    assert writable.post("/api/sources", json=source, headers=auth).status_code == 400  # twice
    assert writable.post("/api/sources", json={"url": "ftp://x/y"}, headers=auth).status_code == 422
    [item] = writable.get("/api/sources").json()["items"]
    assert (item["url"], item["kind"], item["last_fetch"], item["n_articles"]) == (source["url"], None, None, 0)
    assert writable.delete(f"/api/sources/{item['id']}").status_code == 401
    assert writable.delete(f"/api/sources/{item['id']}", headers=auth).json()["item"]["id"] == item["id"]
    assert writable.delete(f"/api/sources/{item['id']}", headers=auth).status_code == 404
    assert writable.get("/api/sources").json()["items"] == []


@pytest.mark.issue(16)
def test_sources_cannot_be_added_on_a_read_only_server(api: httpx.Client) -> None:
    response = api.post("/api/sources", json={"url": "http://127.0.0.1:9/x"}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403
