"""Fetching news pages (issue #16): extractor quality and cost, and pages/s through ``fetch``.

The sample corpus's plain-text articles are dressed as live news pages the way sites serve
them: a cookie banner, a menu and breadcrumbs in <div>s, share buttons, "related" headlines
(taken from the other sample articles, so they name other contacts), a comment and a footer.
Then:

 1. extraction, per extractor (the hand-written block reader ``extract_html``, and
    ``extract_page``: trafilatura with that reader as fallback): milliseconds per page (best of
    3), share of the article's paragraphs kept, share of the chrome snippets leaked into the
    text, and the event scores against ``samples/gold.jsonl`` when the extracted text is
    ingested (the plain-text corpus is the ceiling);
 2. throughput: a loopback HTTP server serves an RSS feed of N such pages; ``poll_all`` (no
    per-host delay) fetches, extracts, ingests and merges them into a fresh SQLite store.
    Fetching alone is timed too.

    .venv/bin/python bench/fetch.py --pages 200

A benchmark, never a test; results go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from diplowatch.cli.ingest import ingest_items
from diplowatch.evaluate.events import load_events_file, score_events
from diplowatch.fetch.http import Fetcher
from diplowatch.fetch.poll import poll_all
from diplowatch.ingest.html import ExtractedHtml, extract_html, extract_page
from diplowatch.ingest.readers import read_inputs
from diplowatch.model import Article
from diplowatch.store.opener import open_store
from diplowatch.store.queries import article_events
from diplowatch.store.sources import add_source

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "samples" / "corpus"
GOLD = REPO / "samples" / "gold.jsonl"
CHROME = [
    "We use cookies to improve your experience. Accept all cookies or manage your preferences.",
    "Home World Politics Economy Sport Culture Opinion Video Podcasts Newsletter",
    "You are here: Home / World / Politics",
    "Share on Facebook Share on X Copy link Print",
    "Most read today",
    "Comments (12): I do not trust a word of this, said a reader from Lyon.",
    "© 2025 Daily Courier. All rights reserved. Imprint Privacy Terms Contact Advertise",
]


def corpus_articles() -> list[Article]:
    """The plain-text sample articles (the HTML sample is a page already)."""
    return [a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article) and a.html is None]


def _title(article: Article) -> str:
    lines = [line for line in article.text.splitlines() if line.strip() and not line.startswith("date ")]
    return lines[0].strip()


def _body(article: Article) -> list[str]:
    lines = [line for line in article.text.splitlines() if not line.startswith("date ")]
    return [p.strip() for p in "\n".join(lines).split("\n\n") if p.strip()]


def dress(article: Article, related: list[Article], *, labelled: bool = True) -> str:
    """A live-looking news page around one article's paragraphs.

    ``labelled=False`` gives every block a meaningless class ('c1', 'c2', ...), as sites built
    with CSS-in-JS do, so an extractor cannot lean on names like 'menu' or 'comments'.
    """
    lang = article.id.split("_", 1)[0]
    esc = html.escape
    paragraphs = _body(article)
    menu = "".join(f'<a href="/{w.lower()}">{w}</a> ' for w in CHROME[1].split())
    links = "".join(f'<div class="teaser"><a href="/r/{r.id}">{esc(_title(r))}</a></div>' for r in related)
    date = f'<meta property="article:published_time" content="{article.published}">' if article.published else ""
    page = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(paragraphs[0])} | Daily'
        f' Courier</title>{date}<link rel="canonical" href="/articles/{article.id}"></head><body>'
        f'<div id="cookie-consent" class="banner">{CHROME[0]}</div>'
        f'<div class="site-menu">{menu}</div><div class="breadcrumbs">{CHROME[2]}</div>'
        f'<div class="article-content"><h1>{esc(paragraphs[0])}</h1>'
        + "".join(f"<p>{esc(p)}</p>" for p in paragraphs[1:])
        + f'</div><div class="share">{CHROME[3]}</div>'
        f'<div class="related"><h3>{CHROME[4]}</h3>{links}</div>'
        f'<div class="comments"><p>{CHROME[5]}</p></div><div class="site-footer">{CHROME[6]}</div>'
        "</body></html>"
    )
    if labelled:
        return page
    names = iter(range(1, 1000))
    return re.sub(r'(class|id)="[^"]*"', lambda _: f'class="c{next(names)}"', page)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quality(extract: Callable[[str], ExtractedHtml], pages: list[tuple[Article, str]]) -> dict[str, float]:
    """Cost and completeness of one extractor, and the event scores of what it extracted."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        extracted = [extract(page) for _, page in pages]
        best = min(best, time.perf_counter() - start)
    kept = leaked = paragraphs = 0
    for (article, _), found in zip(pages, extracted, strict=True):
        text = _norm(found.text)
        body = _body(article)
        paragraphs += len(body)
        kept += sum(_norm(p) in text for p in body)
        leaked += sum(_norm(c) in text for c in CHROME) + sum(_norm(_title(r)) in text for r in _related(article))
    articles = [
        Article(id=a.id, text=f.text, html=page, title=f.title, published=f.published)
        for (a, page), f in zip(pages, extracted, strict=True)
    ]
    return {
        "ms_per_page": 1000 * best / len(pages),
        "paragraphs_kept": kept / paragraphs,
        "chrome_leaked": leaked / (len(pages) * (len(CHROME) + 3)),
        **_scores(articles),
    }


_ALL: list[Article] = []


def _related(article: Article) -> list[Article]:
    index = _ALL.index(article)
    return [_ALL[(index + k) % len(_ALL)] for k in (1, 2, 3)]


def _scores(articles: list[Article]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "q.db") as store:
            ingest_items(store, articles)
            predicted = article_events(store)
        path = Path(tmp) / "pred.jsonl"
        path.write_text("".join(json.dumps(o) + "\n" for o in predicted), encoding="utf-8")
        gold = {k: v for k, v in load_events_file(GOLD).items() if k in {a.id for a in articles}}
        score = score_events(gold, load_events_file(path)).as_dict()
    return {k: score[k] for k in ("precision", "recall", "f1", "date_accuracy")}


class _Site(BaseHTTPRequestHandler):
    pages: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        body = self.pages.get(self.path)
        kind = "application/rss+xml" if self.path == "/feed.xml" else "text/html; charset=utf-8"
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args: object) -> None:
        pass


def throughput(pages: list[tuple[Article, str]], n: int) -> dict[str, float]:
    """Pages/s of fetching alone, and of ``poll_all`` (fetch, extract, ingest, merge, commit)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    items = []
    for i in range(n):
        article, page = pages[i % len(pages)]
        path = f"/a/{i}"
        # each copy its own canonical URL and id, and a different first paragraph: all new
        _Site.pages[path] = page.replace(f"/articles/{article.id}", path).replace("<p>", f"<p>({i}) ", 1).encode()
        items.append(f"<item><title>{html.escape(_title(article))}</title><link>{base}{path}</link></item>")
    _Site.pages["/feed.xml"] = (f'<?xml version="1.0"?><rss version="2.0"><channel>{"".join(items)}'
                                "</channel></rss>").encode()  # fmt: skip
    fetcher = Fetcher(host_delay=0.0)
    start = time.perf_counter()
    for i in range(n):
        fetcher.get(f"{base}/a/{i}")
    fetch_only = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "t.db") as store:
        add_source(store, base + "/feed.xml")
        start = time.perf_counter()
        [(_, summary)] = poll_all(store, Fetcher(host_delay=0.0))
        total = time.perf_counter() - start
    server.shutdown()
    assert summary.new == n, summary
    return {"pages": n, "fetch_pages_per_s": n / fetch_only, "poll_pages_per_s": n / total, "poll_s": total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="pages in the throughput feed")
    args = parser.parse_args()
    _ALL.extend(corpus_articles())
    pages = [(a, dress(a, _related(a))) for a in _ALL]
    unlabelled = [(a, dress(a, _related(a), labelled=False)) for a in _ALL]
    extract_page(pages[0][1])  # load trafilatura and lxml before timing
    rows = {
        "plain text (ceiling)": {"ms_per_page": 0.0, "paragraphs_kept": 1.0, "chrome_leaked": 0.0, **_scores(_ALL)},
        "block reader (extract_html)": quality(extract_html, pages),
        "trafilatura + fallback (extract_page)": quality(extract_page, pages),
        "block reader, unlabelled classes": quality(extract_html, unlabelled),
        "trafilatura + fallback, unlabelled classes": quality(extract_page, unlabelled),
    }
    print(f"{len(pages)} sample articles dressed as news pages\n")
    print("| extractor | ms/page | paragraphs kept | chrome leaked | precision | recall | F1 | date acc. |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in rows.items():
        print(f"| {name} | {r['ms_per_page']:.1f} | {r['paragraphs_kept']:.1%} | {r['chrome_leaked']:.1%} |"
              f" {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['date_accuracy']:.3f} |")  # fmt: skip
    result = throughput(pages, args.pages)
    print(f"\nloopback feed of {result['pages']} pages: fetch only {result['fetch_pages_per_s']:.0f} pages/s;"
          f" fetch + extract + ingest + merge {result['poll_pages_per_s']:.1f} pages/s"
          f" ({result['poll_s']:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
