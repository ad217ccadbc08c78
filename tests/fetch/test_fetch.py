"""``diplowatch fetch`` against a real loopback server (issue #16): listings, pages, failures, resuming."""

from __future__ import annotations

import json
import socket
import urllib.error
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from diplowatch.cli import main
from diplowatch.fetch.http import Fetcher, FetchError, describe
from diplowatch.fetch.poll import poll_all
from diplowatch.store.events import list_events
from diplowatch.store.opener import open_store
from diplowatch.store.queries import Filters
from diplowatch.store.sources import add_source, list_sources
from tests.fetch.conftest import Page, Site

pytestmark = pytest.mark.issue(16)

CALL = (
    "Washington, 4 November. US President Donald Trump spoke by phone with Russian President "
    "Vladimir Putin on Monday, the Kremlin said. The two leaders discussed trade."
)
MEETING = (
    "Berlin, 3 March. German Chancellor Friedrich Merz met French President Emmanuel Macron in "
    "Berlin on Tuesday. They discussed Ukraine and defence spending."
)


def page(title: str, body: str, *, canonical: str | None = None, lang: str = "en", date: str = "2025-11-04") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title} | Daily</title>{link}'
        f'<meta property="article:published_time" content="{date}T09:00:00Z"></head><body>'
        '<div class="menu"><a href="/">Home</a> <a href="/world">World</a></div>'
        f"<article><h1>{title}</h1><p>{body}</p></article>"
        '<div class="footer">© Daily 2025</div></body></html>'
    )


def rss(*items: tuple[str, str, str]) -> str:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>" for t, link, d in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Daily</title>{body}</channel></rss>'


def fetcher(**kwargs: float) -> Fetcher:
    waits: list[float] = []
    options = {"host_delay": 0.0, "timeout": 2.0, "retries": 1, "backoff": 0.0, **kwargs}
    made = Fetcher(sleep=waits.append, **options)  # type: ignore[arg-type]
    made.waits = waits  # type: ignore[attr-defined]
    return made


def poll(db: Path, **kwargs: float) -> dict[str, dict]:
    with open_store(db) as store:
        done = poll_all(store, fetcher(**kwargs))
    return {source.url: summary for source, summary in done}


def stored(db: Path) -> list[dict]:
    with open_store(db) as store:
        return store.query("SELECT id, version, status, error, url, title, published, lang, text, source"
                           " FROM articles ORDER BY url, version")  # fmt: skip


def add(db: Path, url: str, **kwargs: str) -> None:
    with open_store(db) as store:
        add_source(store, url, **kwargs)


def test_rss_feed_articles_are_fetched_extracted_and_merged(site: Site, db_path: Path) -> None:
    site.routes["/feed.xml"] = Page(rss(("Trump calls Putin", "/a/1", "Tue, 04 Nov 2025 09:00:00 GMT"),
                                        ("Merz meets Macron", site.url("/a/2"), "Tue, 04 Mar 2025 08:00:00 GMT")),
                                    content_type="application/rss+xml", etag='"v1"')  # fmt: skip
    site.routes["/a/1"] = Page(page("Trump calls Putin", CALL))
    site.routes["/a/2"] = Page(page("Merz meets Macron", MEETING, date="2025-03-04"))
    add(db_path, site.url("/feed.xml"), name="Daily")
    summary = poll(db_path)[site.url("/feed.xml")]
    assert (summary.kind, summary.new, summary.unchanged, summary.failed, summary.error) == ("rss", 2, 0, 0, None)
    rows = stored(db_path)
    assert [r["url"] for r in rows] == [site.url("/a/1"), site.url("/a/2")]
    first = rows[0]
    assert first["title"] == "Trump calls Putin" and first["published"] == "2025-11-04" and first["lang"] == "en"
    assert first["source"] == "Daily" and "Home" not in first["text"] and "Putin" in first["text"]
    with open_store(db_path) as store:
        events, _ = list_events(store, Filters())
    assert len(events) == 2
    assert all(agent.startswith("diplowatch/") for agent in site.agents)
    assert site.count("/robots.txt") == 1

    # second poll: the feed answers 304 to its ETag, and no article is asked for again
    again = poll(db_path)[site.url("/feed.xml")]
    assert again.not_modified and site.count("/a/1") == 1 and site.count("/feed.xml") == 2
    with open_store(db_path) as store:
        (source,) = list_sources(store)
    assert (source["kind"], source["last_status"], source["etag"], source["n_articles"]) == (
        "rss", "unchanged", '"v1"', 2,
    )  # fmt: skip


def test_atom_news_sitemap_and_sitemap_index(site: Site, db_path: Path) -> None:
    site.routes["/atom"] = Page(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        f'<entry><title>Call</title><link href="{site.url("/a/call")}"/><updated>2025-11-04T10:00:00Z</updated>'
        "</entry></feed>",
        content_type="application/atom+xml",
    )
    news = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>{loc}</loc><news:news>'
        "<news:publication><news:name>D</news:name><news:language>de</news:language></news:publication>"
        "<news:publication_date>2025-03-04T08:00:00+01:00</news:publication_date>"
        "<news:title>Merz trifft Macron</news:title></news:news></url></urlset>"
    )
    site.routes["/news.xml"] = Page(news.format(loc=site.url("/a/meet")), content_type="application/xml")
    site.routes["/index.xml"] = Page(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/news.xml')}</loc></sitemap><sitemap><loc>{site.url('/gone.xml')}</loc>"
        "</sitemap></sitemapindex>",
        content_type="application/xml",
    )
    site.routes["/a/call"] = Page(page("Call", CALL))
    site.routes["/a/meet"] = Page(page("Meeting", MEETING, lang="en"))
    for path in ("/atom", "/news.xml", "/index.xml"):
        add(db_path, site.url(path))
    summaries = poll(db_path)
    assert (summaries[site.url("/atom")].kind, summaries[site.url("/atom")].new) == ("atom", 1)
    index = summaries[site.url("/index.xml")]
    # sources are polled by URL: the index reads the news sitemap first; its missing child fails
    assert (index.kind, index.new, index.unchanged, index.failed) == ("sitemapindex", 1, 0, 1)
    news = summaries[site.url("/news.xml")]
    assert (news.kind, news.new, news.unchanged) == ("sitemap", 0, 1)
    meeting = next(r for r in stored(db_path) if r["url"] == site.url("/a/meet"))
    assert meeting["title"] == "Merz trifft Macron" and meeting["published"] == "2025-03-04"
    assert meeting["lang"] == "de"  # the sitemap's news:language wins over the page's <html lang>

    # a later <updated> in the Atom feed fetches the entry again; the changed text is version 2
    atom = site.routes["/atom"]
    site.routes["/atom"] = Page(atom.body.replace("2025-11-04T10", "2025-11-05T10"), content_type=atom.content_type)
    site.routes["/a/call"] = Page(page("Call", CALL + " A second call is planned."))
    assert poll(db_path)[site.url("/atom")].new == 1
    versions = [r["version"] for r in stored(db_path) if r["url"] == site.url("/a/call")]
    assert versions == [1, 2]

    # a refetch that fails is reported and leaves the stored article current
    site.routes["/atom"] = Page(atom.body.replace("2025-11-04T10", "2025-11-06T10"), content_type=atom.content_type)
    site.routes["/a/call"] = Page("gone", status=410, content_type="text/plain")
    assert poll(db_path)[site.url("/atom")].failed == 1
    with open_store(db_path) as store:
        current = store.query("SELECT status, version FROM articles WHERE url = ? AND is_current = 1",
                              (site.url("/a/call"),))  # fmt: skip
    assert current == [{"status": "ok", "version": 2}]


def test_failing_sources_are_recorded_and_the_others_go_on(site: Site, db_path: Path) -> None:
    site.routes["/broken.xml"] = Page('<?xml version="1.0"?><rss><channel><item>', content_type="application/xml")
    site.routes["/loop"] = Page(status=302, headers={"Location": "/loop2"})
    site.routes["/loop2"] = Page(status=302, headers={"Location": "/loop"})
    site.routes["/error"] = Page("oops", status=500, content_type="text/plain")
    site.routes["/slow"] = Page(page("Slow", CALL), delay=1.5)
    site.routes["/huge"] = Page(page("Huge", CALL * 2000))
    site.routes["/bomb.xml"] = Page('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>',
                                    content_type="application/xml")  # fmt: skip
    site.routes["/good"] = Page(page("Good", CALL))
    for path in ("/broken.xml", "/loop", "/error", "/slow", "/huge", "/bomb.xml", "/good"):
        add(db_path, site.url(path))
    add(db_path, "https" + site.url("/tls")[4:])  # TLS spoken to a plain-HTTP server
    summaries = poll(db_path, timeout=0.5, max_bytes=100_000)
    errors = {url.rsplit("/", 1)[-1]: s.error for url, s in summaries.items()}
    assert errors["broken.xml"].startswith("malformed XML")
    assert errors["loop"].startswith("redirect loop")
    assert errors["error"].startswith("HTTP 500") and site.count("/error") == 2  # retried once
    assert errors["slow"] == "timed out after 0.5s"
    assert errors["huge"].startswith("page too large")
    assert errors["bomb.xml"] == "malformed XML: entity declarations are not accepted"
    assert errors["good"] is None and summaries[site.url("/good")].new == 1
    assert errors["tls"].startswith("TLS error")
    with open_store(db_path) as store:
        recorded = {row["url"].rsplit("/", 1)[-1]: row for row in list_sources(store)}
    assert recorded["loop"]["last_status"] == "failed" and recorded["loop"]["last_error"] == errors["loop"]
    assert recorded["good"]["last_status"] == "ok" and recorded["good"]["kind"] == "page"


def test_failure_reasons_in_words() -> None:
    dns = describe(urllib.error.URLError(socket.gaierror(-2, "Name or service not known")), timeout=5)
    assert dns.reason == "DNS lookup failed: Name or service not known" and not dns.retry
    refused = describe(urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")), timeout=5)
    assert refused.reason == "connection failed: Connection refused" and refused.retry


def test_non_utf8_page_uses_the_declared_charset(site: Site, db_path: Path) -> None:
    text = "Президент Владимир Путин провёл телефонный разговор с президентом Турции Реджепом Эрдоганом."
    html = f'<html lang="ru"><head><title>Путин</title></head><body><article><p>{text}</p></article></body></html>'
    site.routes["/ru"] = Page(html.encode("windows-1251"), content_type="text/html; charset=windows-1251")
    french = page("Café", "Le président français a rencontré à l'Élysée le chancelier allemand.", lang="fr")
    latin = french.replace("<head>", '<head><meta charset="iso-8859-1">').encode("latin-1")
    site.routes["/latin"] = Page(latin, content_type="text/html")  # the charset only in the page
    add(db_path, site.url("/ru"))
    add(db_path, site.url("/latin"))
    poll(db_path)
    rows = {r["url"].rsplit("/", 1)[-1]: r for r in stored(db_path)}
    assert text in rows["ru"]["text"] and rows["ru"]["lang"] == "ru"
    assert "président français" in rows["latin"]["text"] and rows["latin"]["title"].startswith("Café")


def test_canonical_url_and_robots_txt(site: Site, db_path: Path) -> None:
    site.routes["/robots.txt"] = Page("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/feed"] = Page(rss(("a", "/a/1?utm=rss", "Tue, 04 Nov 2025 09:00:00 GMT"),
                                    ("b", "/amp/1", "Tue, 04 Nov 2025 09:00:00 GMT"),
                                    ("c", "/private/x", "Tue, 04 Nov 2025 09:00:00 GMT")),
                                content_type="application/rss+xml")  # fmt: skip
    site.routes["/a/1?utm=rss"] = Page(page("Call", CALL, canonical="/a/1"))
    site.routes["/amp/1"] = Page(page("Call", CALL, canonical=site.url("/a/1")))
    site.routes["/private/x"] = Page(page("Secret", MEETING))
    add(db_path, site.url("/feed"))
    summary = poll(db_path)[site.url("/feed")]
    assert (summary.new, summary.unchanged, summary.failed) == (1, 1, 1)
    rows = stored(db_path)
    ok = [r for r in rows if r["status"] == "ok"]
    assert [r["url"] for r in ok] == [site.url("/a/1")]  # one article under its canonical URL
    assert [r["error"] for r in rows if r["status"] == "failed"] == ["disallowed by robots.txt"]
    assert site.count("/private/x") == 0


def test_a_killed_run_resumes_without_refetching(site: Site, db_path: Path) -> None:
    paths = [f"/a/{n}" for n in range(4)]
    site.routes["/feed"] = Page(rss(*[("t", p, "Tue, 04 Nov 2025 09:00:00 GMT") for p in paths]),
                                content_type="application/rss+xml")  # fmt: skip
    for path in paths:
        site.routes[path] = Page(page(f"Call {path}", CALL.replace("Monday", f"Monday ({path})")))
    add(db_path, site.url("/feed"))

    def stop_after_two(line: str) -> None:
        if line.strip().startswith("new") and sum(site.count(p) for p in paths) == 2:
            raise KeyboardInterrupt

    with open_store(db_path) as store, pytest.raises(KeyboardInterrupt):
        poll_all(store, fetcher(), report=stop_after_two)
    assert len(stored(db_path)) == 2
    summary = poll(db_path)[site.url("/feed")]
    assert (summary.new, summary.unchanged) == (2, 2)
    assert [site.count(p) for p in paths] == [1, 1, 1, 1]


def test_changed_page_source_becomes_a_new_version(site: Site, db_path: Path) -> None:
    site.routes["/page"] = Page(page("Call", CALL), etag='"1"')
    add(db_path, site.url("/page"))
    assert poll(db_path)[site.url("/page")].new == 1
    assert poll(db_path)[site.url("/page")].not_modified
    site.routes["/page"] = Page(page("Call", CALL + " Further talks are planned."), etag='"2"')
    assert poll(db_path)[site.url("/page")].new == 1
    assert [r["version"] for r in stored(db_path)] == [1, 2]


def test_host_delay_and_crawl_delay_are_kept(site: Site, db_path: Path) -> None:
    site.routes["/robots.txt"] = Page("User-agent: *\nCrawl-delay: 3\n", content_type="text/plain")
    site.routes["/page"] = Page(page("Call", CALL))
    made = fetcher(host_delay=0.5)
    made.get(site.url("/page"))
    made.get(site.url("/page"))
    assert made.waits and max(made.waits) > 2.5  # type: ignore[attr-defined]


def test_retry_gives_up_on_4xx_at_once(site: Site) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher(retries=3).get(site.url("/missing"))
    assert site.count("/missing") == 1


def test_cli_sources_and_fetch(site: Site, db_path: Path) -> None:
    site.routes["/page"] = Page(page("Call", CALL))
    runner = CliRunner()
    db = str(db_path)
    added = runner.invoke(main, ["sources", "add", site.url("/page"), "--name", "Wire", "--lang", "en", "--db", db])
    assert added.exit_code == 0, added.output
    twice = runner.invoke(main, ["sources", "add", site.url("/page"), "--db", db])
    assert twice.exit_code == 2 and "already added" in twice.output
    bad = runner.invoke(main, ["sources", "add", "ftp://x", "--db", db])
    assert bad.exit_code == 2 and "not an http(s) URL" in bad.output
    add(db_path, site.url("/nothing"))
    result = runner.invoke(main, ["fetch", "--once", "--delay", "0", "--retries", "0", "--db", db])
    assert result.exit_code == 1  # the second source failed
    assert "Wire (page): new 1, unchanged 0, failed 0" in result.stderr
    assert f"{site.url('/nothing')}: failed: HTTP 404" in result.stderr
    listed = runner.invoke(main, ["sources", "list", "--db", db])
    assert "Wire" in listed.stdout and "error: HTTP 404" in listed.stdout
    removed = runner.invoke(main, ["sources", "remove", site.url("/nothing"), "--db", db])
    assert removed.exit_code == 0
    agent = "diplowatch (ops@example.org)"
    assert runner.invoke(main, ["fetch", "--delay", "0", "--user-agent", agent, "--db", db]).exit_code == 0
    assert site.agents[-1] == agent
    assert runner.invoke(main, ["fetch", "--once", "--every", "1m", "--db", db]).exit_code == 2
    assert runner.invoke(main, ["fetch", "--every", "soon", "--db", db]).exit_code == 2


def test_the_body_decides_the_kind_except_for_html(site: Site, db_path: Path) -> None:
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + page("Call", CALL).replace("<!doctype html>", "")
    site.routes["/xhtml"] = Page(xhtml, content_type="application/xhtml+xml")
    site.routes["/feed.txt"] = Page(rss(("m", "/a/m", "Tue, 04 Mar 2025 08:00:00 GMT")), content_type="text/plain")
    site.routes["/a/m"] = Page(page("Meeting", MEETING))
    site.routes["/pdf"] = Page(b"%PDF-1.4", content_type="application/pdf")
    for path in ("/xhtml", "/feed.txt", "/pdf"):
        add(db_path, site.url(path))
    summaries = poll(db_path)
    assert (summaries[site.url("/xhtml")].kind, summaries[site.url("/xhtml")].new) == ("page", 1)
    assert (summaries[site.url("/feed.txt")].kind, summaries[site.url("/feed.txt")].new) == ("rss", 1)
    assert summaries[site.url("/pdf")].failed == 1
    assert [r["error"] for r in stored(db_path) if r["status"] == "failed"] == ["not an HTML page (application/pdf)"]


def test_retry_after_is_honoured_within_a_cap(site: Site) -> None:
    site.routes["/busy"] = Page("busy", status=503, content_type="text/plain", headers={"Retry-After": "7"})
    made = fetcher(retries=2, backoff=0.5)
    with pytest.raises(FetchError, match="HTTP 503"):
        made.get(site.url("/busy"))
    assert made.waits == [7.0, 7.0] and site.count("/busy") == 3  # type: ignore[attr-defined]


def test_poll_interval() -> None:
    from diplowatch.cli.fetch import parse_interval

    assert [parse_interval(v) for v in ("900", "30s", "15m", "2h", "1d")] == [900, 30, 900, 7200, 86400]
    with pytest.raises(click.BadParameter):
        parse_interval("0m")


def test_failed_articles_are_retried_although_the_feed_did_not_change(site: Site, db_path: Path) -> None:
    site.routes["/feed"] = Page(rss(("a", "/a/1", "Tue, 04 Nov 2025 09:00:00 GMT")),
                                content_type="application/rss+xml", etag='"f"')  # fmt: skip
    site.routes["/a/1"] = Page("down", status=503, content_type="text/plain")
    add(db_path, site.url("/feed"))
    assert poll(db_path)[site.url("/feed")].failed == 1
    site.routes["/a/1"] = Page(page("Call", CALL))
    again = poll(db_path)[site.url("/feed")]
    assert (again.not_modified, again.new) == (False, 1)  # no ETag was kept after the failure
    assert poll(db_path)[site.url("/feed")].not_modified  # now it is
    assert [(r["version"], r["status"]) for r in stored(db_path)] == [(1, "failed"), (2, "ok")]


def test_robots_txt_is_read_again_after_a_day(site: Site) -> None:
    now = [0.0]
    made = Fetcher(host_delay=0, retries=0, sleep=lambda s: None, clock=lambda: now[0])
    site.routes["/page"] = Page(page("Call", CALL))
    made.get(site.url("/page"))
    site.routes["/robots.txt"] = Page("User-agent: *\nDisallow: /\n", content_type="text/plain")
    made.get(site.url("/page"))  # the cached rules still hold
    now[0] = 86401.0
    with pytest.raises(FetchError, match="robots.txt"):
        made.get(site.url("/page"))
    assert site.count("/robots.txt") == 2


def test_a_dripping_server_cannot_hold_the_poll(site: Site) -> None:
    site.routes["/drip"] = Page(page("Call", CALL) * 3, drip=0.1)  # each piece in time, the whole too late
    with pytest.raises(FetchError, match=r"too slow: body not read within 1\.2s"):
        fetcher(timeout=0.4, retries=0).get(site.url("/drip"))


def test_a_url_ingested_from_a_file_is_not_fetched(site: Site, db_path: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved.jsonl"
    saved.write_text(json.dumps({"id": "saved-1", "url": site.url("/a/1"), "text": CALL}) + "\n", encoding="utf-8")
    CliRunner().invoke(main, ["ingest", str(saved), "--db", str(db_path)], catch_exceptions=False)
    site.routes["/feed"] = Page(rss(("a", "/a/1", "Tue, 04 Nov 2025 09:00:00 GMT")), content_type="application/rss+xml")
    add(db_path, site.url("/feed"))
    assert poll(db_path)[site.url("/feed")].unchanged == 1
    assert site.count("/a/1") == 0


def test_an_article_stored_by_a_killed_run_before_its_merge_gets_its_events(site: Site, db_path: Path) -> None:
    from diplowatch.cli.ingest import store_outcomes
    from diplowatch.model import Article
    from diplowatch.pipeline import process_article
    from diplowatch.store.sources import article_id_for

    url = site.url("/a/1")
    with open_store(db_path) as store:  # what a run killed between storing and merging leaves
        store_outcomes(store, [process_article(Article(id=article_id_for(url), text=CALL, url=url))])
        assert list_events(store, Filters())[0] == []
    site.routes["/feed"] = Page(rss(("a", "/a/1", "Tue, 04 Nov 2025 09:00:00 GMT")), content_type="application/rss+xml")
    add(db_path, site.url("/feed"))
    assert poll(db_path)[site.url("/feed")].unchanged == 1 and site.count("/a/1") == 0
    with open_store(db_path) as store:
        events, _ = list_events(store, Filters())
    assert len(events) == 1
