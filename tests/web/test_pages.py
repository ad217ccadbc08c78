"""The web page's HTTP behaviour on a real ``diplowatch serve`` (issue #7), without a browser."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.issue(7)


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["content-type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["content-type"], error.read().decode()


def test_root_serves_the_page_and_the_json_api_is_unchanged(base_url: str) -> None:
    status, kind, body = _get(base_url + "/")
    assert status == 200 and kind.startswith("text/html") and 'id="total"' in body
    status, kind, body = _get(base_url + "/api/events?limit=1")
    assert status == 200 and kind.startswith("application/json")
    assert json.loads(body)["ok"] is True
    paths = json.loads(_get(base_url + "/openapi.json")[2])["paths"]
    assert not [p for p in paths if not p.startswith("/api/")]


def test_unknown_event_is_an_html_404(base_url: str) -> None:
    status, kind, body = _get(base_url + "/event/e_nope")
    assert status == 404 and kind.startswith("text/html") and "e_nope" in body


def test_unusable_filter_values_are_ignored_with_a_notice(base_url: str) -> None:
    status, _, body = _get(base_url + "/events?mode=teleport&since=yesterday")
    assert status == 200
    assert "ignored mode=&#39;teleport&#39;" in body and "ignored since=" in body


def test_only_the_pages_own_static_files_are_served(base_url: str) -> None:
    assert _get(base_url + "/static/network.js")[0] == 200
    assert _get(base_url + "/static/../pages.py")[0] == 404
    assert _get(base_url + "/static/pages.py")[0] == 404


@pytest.mark.issue(15)
@pytest.mark.parametrize("view", ["/events", "/timeline", "/network"])
def test_impossible_dates_are_ignored_with_a_notice(base_url: str, view: str) -> None:
    status, _, body = _get(base_url + view + "?since=2025-13-45&until=2025-02-30")
    assert status == 200
    assert "ignored since=&#39;2025-13-45&#39;" in body and "ignored until=&#39;2025-02-30&#39;" in body


@pytest.mark.issue(16)
def test_sources_view(tmp_path: Path) -> None:
    """The Sources view shows each source's kind, last status, error and counts."""
    from browser import serve

    from diplowatch.store.opener import open_store
    from diplowatch.store.sources import FetchSummary, add_source, pollable, record_poll

    db = tmp_path / "s.db"
    with open_store(db) as store:
        add_source(store, "http://127.0.0.1:9/feed.xml", name="Wire", lang="de")
        add_source(store, "http://127.0.0.1:9/page")
        add_source(store, "http://127.0.0.1:9/new")
        wire, other, _ = sorted(pollable(store), key=lambda s: s.url)
        record_poll(store, wire, FetchSummary(new=3, unchanged=2, kind="rss", etag='"e"'))
        record_poll(store, other, FetchSummary(error="HTTP 500 Internal Server Error"))
    with serve(db) as base:
        status, kind, body = _get(base + "/sources")
    assert status == 200 and kind.startswith("text/html") and 'aria-current="page">Sources' in body
    assert "<b>Wire</b>" in body and "German" in body and "<td>rss</td>" in body and "<td>3</td>" in body
    assert "failed: HTTP 500 Internal Server Error" in body and "never fetched" in body


@pytest.mark.issue(16)
def test_sources_view_without_sources(base_url: str) -> None:
    status, _, body = _get(base_url + "/sources")
    assert status == 200 and "No sources yet" in body
