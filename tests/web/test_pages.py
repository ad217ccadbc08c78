"""The web page's HTTP behaviour on a real ``diplowatch serve`` (issue #7), without a browser."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

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
