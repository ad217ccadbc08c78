"""Readable text from an HTML page, one paragraph per block element.

Page chrome (nav, header, footer, aside, form, script, style) is left out of the text here
because the raw HTML is stored beside it; what remains goes through the same paragraph cleaner
as plain text, so teaser blocks and bylines inside the article body are handled in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
         "svg", "button", "select", "iframe"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
          "ul", "ol", "blockquote", "figure", "figcaption", "table", "tr", "br", "hr", "pre",
          "dd", "dt", "title"}
_DATE_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "date",
              "dc.date", "dc.date.issued", "og:published_time")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}")


@dataclass(frozen=True, slots=True)
class ExtractedHtml:
    text: str
    title: str | None
    published: str | None
    lang: str | None = None  # primary subtag of <html lang> ('de' for 'de-AT')
    canonical: str | None = None  # <link rel="canonical">: the page's own name for itself


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title: str | None = None
        self.published: str | None = None
        self.lang: str | None = None
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.lang = values["lang"].split("-")[0].split("_")[0].strip().lower() or None
        if tag == "link" and "canonical" in values.get("rel", "").lower().split() and values.get("href"):
            self.canonical = self.canonical or values["href"].strip()
        if tag == "meta" and not self.published:
            name = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if name in _DATE_META:
                self.published = _first_iso(values.get("content", ""))
        if tag == "time" and not self.published and self.skip_depth == 0:
            self.published = _first_iso(values.get("datetime", ""))
        if tag in _SKIP:
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data.strip()
            return
        if self.skip_depth == 0:
            self.current.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []


def _first_iso(value: str) -> str | None:
    match = _ISO.search(value)
    return match.group(0) if match else None


def extract_html(html: str) -> ExtractedHtml:
    """Extract paragraphs, title and publication date from an HTML document."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    return ExtractedHtml(
        text="\n\n".join(parser.blocks), title=parser.title, published=parser.published,
        lang=parser.lang, canonical=parser.canonical,
    )  # fmt: skip


def extract_page(html: str, url: str | None = None) -> ExtractedHtml:
    """A fetched news page's article text: trafilatura's, else this module's reader.

    Live pages carry far more chrome than the files people save (menus in <div>s, related
    links, cookie banners, comment threads), which trafilatura's boilerplate removal drops and
    the block reader above keeps (docs/benchmarks.md compares both). Trafilatura gives up on
    some pages (very short ones, unusual markup); the block reader is the fallback then, and it
    always supplies the language and the canonical URL.
    """
    import trafilatura  # heavy (lxml): loaded only by the commands that fetch

    own = extract_html(html)
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(found, "text", None) or ""
    if not text.strip():
        return own
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return ExtractedHtml(
        text="\n\n".join(paragraphs),
        title=getattr(found, "title", None) or own.title,
        published=own.published or _first_iso(getattr(found, "date", None) or ""),
        lang=own.lang,
        canonical=own.canonical,
    )
