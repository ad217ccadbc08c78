"""The web page in a real headless Chromium against a real ``diplowatch serve`` (issue #7).

Expected results come from the JSON API of the same server, so the page is checked against
the shared read functions rather than against numbers written here.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.issue(7)]
By = pytest.importorskip("selenium.webdriver.common.by").By
Keys = pytest.importorskip("selenium.webdriver.common.keys").Keys
ActionChains = pytest.importorskip("selenium.webdriver.common.action_chains").ActionChains
WebDriverWait = pytest.importorskip("selenium.webdriver.support.ui").WebDriverWait


def _api(base_url: str, path: str, **params: str) -> dict[str, Any]:
    query = ("?" + urllib.parse.urlencode(params)) if params else ""
    with urllib.request.urlopen(base_url + path + query, timeout=10) as response:
        return json.load(response)


def _row_event_ids(browser: Any) -> list[str]:
    links = browser.find_elements(By.CSS_SELECTOR, "table.events a.event-link")
    return [link.get_attribute("href").rsplit("/", 1)[-1] for link in links]


def _wait_url(browser: Any, part: str) -> None:
    WebDriverWait(browser, 10).until(lambda d: part in d.current_url)


def test_filter_by_inflected_name_shows_that_actors_events(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/events")
    field = browser.find_element(By.ID, "f-actor")
    field.send_keys("Putyinnal")  # Hungarian instrumental of Putin's name
    field.send_keys(Keys.ENTER)
    _wait_url(browser, "actor=Putyinnal")
    expected = {e["id"] for e in _api(base_url, "/api/events", actor="Vladimir Putin")["items"]}
    assert expected, "the sample has events with Putin"
    assert set(_row_event_ids(browser)) == expected
    for row in browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr"):
        assert "Vladimir Putin" in row.text


def test_actor_field_suggests_canonical_names_for_other_scripts(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/events")
    browser.find_element(By.ID, "f-actor").send_keys("Путин")
    options = WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#actor-suggestions option"))
    assert "Vladimir Putin" in [o.get_attribute("value") for o in options]


def test_event_page_highlights_actor_and_trigger_in_evidence(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/events?actor=Lavrov")
    browser.find_element(By.CSS_SELECTOR, "table.events a.event-link").click()
    _wait_url(browser, "/event/")
    event_id = browser.current_url.rsplit("/", 1)[-1]
    reports = {r["id"]: r for r in _api(base_url, f"/api/events/{event_id}")["item"]["reports"]}
    quotes = browser.find_elements(By.CSS_SELECTOR, "blockquote.evidence")
    # the page groups reports by language and article, so quotes pair with reports by id
    assert sorted(q.get_attribute("data-report") for q in quotes) == sorted(reports)
    for quote in quotes:
        report = reports[quote.get_attribute("data-report")]
        sentence = report["evidence"]["sentence"]
        triggers = [m.text for m in quote.find_elements(By.CSS_SELECTOR, "mark.trigger")]
        actors = [m.text for m in quote.find_elements(By.CSS_SELECTOR, "mark.actor")]
        assert triggers and actors
        spans = report["evidence"]["spans"]
        marked = {sentence[s["start"] : s["end"]] for s in spans}
        assert set(triggers) | set(actors) <= marked
    assert browser.find_elements(By.CSS_SELECTOR, ".report-article h4 a[href^='/article/']")


def _wait_network(browser: Any) -> None:
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.diplowatchNetwork"))


def _click_node(browser: Any, actor_id: str) -> None:
    canvas = browser.find_element(By.ID, "network")
    _wait_network(browser)
    spot = browser.execute_script(f"return window.diplowatchNetwork.position({actor_id!r})")
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(spot["x"] - size["width"] / 2), int(spot["y"] - size["height"] / 2)
    ).click().perform()


def test_network_node_to_actor_to_event(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/network")
    _click_node(browser, "sergey-lavrov")
    _wait_url(browser, "/actor/sergey-lavrov")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Sergey Lavrov")
    browser.find_element(By.CSS_SELECTOR, "table.events a.event-link").click()
    _wait_url(browser, "/event/")
    event_id = browser.current_url.rsplit("/", 1)[-1]
    actors = [a["id"] for a in _api(base_url, f"/api/events/{event_id}")["item"]["actors"]]
    assert "sergey-lavrov" in actors


def test_network_edge_opens_the_pairs_events(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/network")
    data = json.loads(browser.find_element(By.ID, "network-data").get_attribute("textContent"))
    edge = max(data["edges"], key=lambda e: (e["events"], e["source"]))
    spots = [
        browser.execute_script(f"return window.diplowatchNetwork.position({node!r})")
        for node in (edge["source"], edge["target"])
    ]
    canvas = browser.find_element(By.ID, "network")
    middle = {k: (spots[0][k] + spots[1][k]) / 2 for k in ("x", "y")}
    ActionChains(browser).move_to_element_with_offset(
        canvas,
        int(middle["x"] - canvas.size["width"] / 2),
        int(middle["y"] - canvas.size["height"] / 2),
    ).click().perform()
    _wait_url(browser, "ids=")
    shown = _row_event_ids(browser)
    assert len(shown) == edge["events"]
    for event_id in shown:
        actors = {a["id"] for a in _api(base_url, f"/api/events/{event_id}")["item"]["actors"]}
        assert {edge["source"], edge["target"]} <= actors


def test_shared_events_url_restores_filters_sort_and_rows(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/events")
    browser.find_element(By.CSS_SELECTOR, "select[name=mode] option[value=meet]").click()
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    _wait_url(browser, "mode=meet")
    browser.find_element(By.LINK_TEXT, "Confidence").click()
    _wait_url(browser, "sort=confidence")
    shared, rows = browser.current_url, _row_event_ids(browser)
    browser.get("about:blank")
    browser.get(shared)
    assert _row_event_ids(browser) == rows
    selected = browser.find_element(By.CSS_SELECTOR, "select[name=mode] option:checked")
    assert selected.get_attribute("value") == "meet"
    header = browser.find_element(By.CSS_SELECTOR, "th[aria-sort]")
    assert "Confidence" in header.text


def test_shared_network_url_restores_zoom_and_pan(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/network")
    canvas = browser.find_element(By.ID, "network")
    canvas.send_keys("+", "+", Keys.ARROW_RIGHT)
    _wait_url(browser, "view=")
    view = browser.execute_script("return window.diplowatchNetwork.view()")
    shared = browser.current_url
    browser.get("about:blank")
    browser.get(shared)
    _wait_network(browser)
    restored = browser.execute_script("return window.diplowatchNetwork.view()")
    for key, precision in (("cx", 0.06), ("cy", 0.06), ("k", 0.001)):  # as rounded in the URL
        assert restored[key] == pytest.approx(view[key], abs=precision)


def test_timeline_draws_planned_events_apart_and_zooms_through_url(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/timeline")
    planned = {e["id"] for e in _api(base_url, "/api/events", status="planned")["items"]}
    marks = browser.find_elements(By.CSS_SELECTOR, "a.tl-mark")
    assert marks
    for mark in marks:
        event_id = mark.get_dom_attribute("href").rsplit("/", 1)[-1]
        shape = mark.find_element(By.CSS_SELECTOR, "circle, rect")
        assert ("s-planned" in shape.get_attribute("class")) == (event_id in planned)
    before = browser.find_element(By.CSS_SELECTOR, "nav.zoom span").text
    browser.find_element(By.ID, "zoom-in").click()
    _wait_url(browser, "since=")
    assert browser.find_element(By.CSS_SELECTOR, "nav.zoom span").text != before


def test_article_greys_what_the_cleaner_dropped(browser: Any, base_url: str) -> None:
    event = _api(base_url, "/api/events", actor="Lavrov")["items"][0]
    article = _api(base_url, f"/api/articles/{event['article_ids'][0]}")["item"]
    browser.get(base_url + f"/article/{article['id']}")
    dropped = [p for p in article["paragraphs"] if p["kind"] not in ("body", "caption")]
    assert len(browser.find_elements(By.CSS_SELECTOR, ".article-text p.dropped")) == len(dropped)
    assert browser.find_elements(By.CSS_SELECTOR, ".article-text mark.trigger")
    assert browser.find_elements(By.CSS_SELECTOR, ".article-text mark.actor")


def test_keyboard_reaches_the_skip_link_then_the_views(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/events")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Skip to content"
    browser.switch_to.active_element.send_keys(Keys.TAB, Keys.TAB, Keys.TAB)
    assert browser.switch_to.active_element.text == "Timeline"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    _wait_url(browser, "/timeline")
