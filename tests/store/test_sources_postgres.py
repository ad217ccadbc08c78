"""Sources and fetched URLs on PostgreSQL (issue #16): the portable migration, the same poll."""

from __future__ import annotations

import pytest

from diplowatch.fetch.http import Fetcher
from diplowatch.fetch.poll import poll_all
from diplowatch.store.opener import open_store
from diplowatch.store.sources import add_source, list_sources, remove_source
from tests.fetch.conftest import Page, Site, site  # noqa: F401 (the loopback server fixture)
from tests.fetch.test_fetch import CALL, page

pytestmark = [pytest.mark.postgres, pytest.mark.issue(16)]


def test_poll_into_postgres(pg_url: str, site: Site) -> None:  # noqa: F811
    site.routes["/page"] = Page(page("Call", CALL), etag='"a"')
    with open_store(pg_url) as store:
        add_source(store, site.url("/page"), name="Wire")
        add_source(store, site.url("/gone"))
        fetcher = Fetcher(host_delay=0, retries=0, timeout=5)
        first = {s.url: summary for s, summary in poll_all(store, fetcher)}
        second = {s.url: summary for s, summary in poll_all(store, fetcher)}
        rows = {row["url"]: row for row in list_sources(store)}
        articles = store.query("SELECT url, status FROM articles WHERE status = 'ok'")
        remove_source(store, site.url("/gone"))
        assert [row["url"] for row in list_sources(store)] == [site.url("/page")]
    assert first[site.url("/page")].new == 1 and second[site.url("/page")].not_modified
    assert first[site.url("/gone")].error == "HTTP 404 Not Found"
    assert rows[site.url("/page")]["n_articles"] == 1 and rows[site.url("/page")]["last_status"] == "unchanged"
    assert articles == [{"url": site.url("/page"), "status": "ok"}]
