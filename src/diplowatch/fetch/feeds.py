"""Article URLs from RSS 2.0, Atom, news sitemaps and sitemap indexes.

A source's kind is read from the document, not declared: the root element says which of the
four it is, and anything that is not XML is a single page. Entity declarations are refused
before parsing, so a hostile feed cannot expand itself into gigabytes ("billion laughs").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

_ATOM = "{http://www.w3.org/2005/Atom}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XML_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*(<\?xml|<rss|<feed|<urlset|<sitemapindex|<rdf:RDF)", re.IGNORECASE)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


class FeedError(Exception):
    """A listing that cannot be read (malformed XML, unknown root, entity declarations)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One article a listing points to, with the metadata the listing gives for it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    updated: str | None = None  # the listing's change date, ISO as given: a newer one refetches
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    kind: str  # rss | atom | sitemap | sitemapindex
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index


def is_listing(body: bytes, content_type: str) -> bool:
    """Whether a body is a feed or sitemap rather than a page (a page is one article).

    Servers label feeds as text/xml, application/xml, application/rss+xml or even text/plain,
    so the body decides, except that what is served as HTML (XHTML has an XML prolog too) is a page.
    """
    if content_type in ("text/html", "application/xhtml+xml"):
        return False
    return bool(_XML_START.match(body[:512]))


def parse_listing(body: bytes) -> Listing:
    """The entries of an RSS, Atom, sitemap or sitemap-index document."""
    if b"<!ENTITY" in body:
        raise FeedError("malformed XML: entity declarations are not accepted")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise FeedError(f"malformed XML: {exc}") from None
    tag = root.tag.rsplit("}", 1)[-1]
    if tag == "rss":
        return Listing("rss", [_rss_item(item) for item in root.iter("item") if _text(item, "link")])
    if tag == "feed" and root.tag.startswith(_ATOM):
        return Listing("atom", [e for entry in root.iter(_ATOM + "entry") if (e := _atom_entry(entry))])
    namespace = root.tag[: -len(tag)]
    if tag == "urlset":
        return Listing("sitemap", [_sitemap_url(u, namespace) for u in root.iter(namespace + "url")
                                   if _text(u, namespace + "loc")])  # fmt: skip
    if tag == "sitemapindex":
        return Listing("sitemapindex", sitemaps=[loc for s in root.iter(namespace + "sitemap")
                                                 if (loc := _text(s, namespace + "loc"))])  # fmt: skip
    raise FeedError(f"not a feed or sitemap: root element <{tag}>")


def _text(node: ET.Element, path: str) -> str | None:
    found = node.find(path)
    value = (found.text or "").strip() if found is not None else ""
    return value or None


def _day(value: str | None) -> str | None:
    """An ISO day from ISO 8601 or an RFC 822 date (RSS pubDate)."""
    if not value:
        return None
    match = _ISO.search(value)
    if match:
        return match.group(0)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def _rss_item(item: ET.Element) -> Entry:
    published = _text(item, "pubDate") or _text(item, _DC + "date")
    return Entry(
        url=_text(item, "link") or "",
        title=_text(item, "title"),
        published=_day(published),
        lang=_text(item, _DC + "language"),
    )


def _atom_entry(entry: ET.Element) -> Entry | None:
    links = entry.findall(_ATOM + "link")
    href = next((link.get("href") for link in links if link.get("rel", "alternate") == "alternate"), None)
    if not href:
        return None
    updated = _text(entry, _ATOM + "updated")
    return Entry(
        url=href.strip(),
        title=_text(entry, _ATOM + "title"),
        published=_day(_text(entry, _ATOM + "published") or updated),
        updated=updated,
        lang=entry.get("{http://www.w3.org/XML/1998/namespace}lang"),
    )


def _sitemap_url(node: ET.Element, namespace: str) -> Entry:
    news = node.find(_NEWS + "news")
    lastmod = _text(node, namespace + "lastmod")
    if news is None:
        return Entry(url=_text(node, namespace + "loc") or "", published=_day(lastmod), updated=lastmod)
    return Entry(
        url=_text(node, namespace + "loc") or "",
        title=_text(news, _NEWS + "title"),
        published=_day(_text(news, _NEWS + "publication_date")),
        updated=lastmod,
        lang=_text(news, f"{_NEWS}publication/{_NEWS}language"),
    )
