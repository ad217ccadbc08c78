"""Readers turn every input kind into Articles, and every bad input into a FailedArticle."""

from __future__ import annotations

import io
import json
from pathlib import Path

from diplowatch.ingest.readers import read_inputs
from diplowatch.model import Article, FailedArticle


def _one(items: list[Article | FailedArticle]) -> Article | FailedArticle:
    assert len(items) == 1
    return items[0]


def test_text_file_with_date_header(tmp_path: Path) -> None:
    path = tmp_path / "lj_story.txt"
    path.write_text("date 2025-10-02\nMinistra sta se sestala v Ljubljani.\n", encoding="utf-8")
    article = _one(list(read_inputs([str(path)])))
    assert isinstance(article, Article)
    assert article.id == "lj_story"
    assert article.published == "2025-10-02"
    assert article.text.startswith("date 2025-10-02")  # the original text is kept whole


def test_html_file_gives_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Talks in Vienna</title></head><body><nav>Home | World</nav>"
        "<article><time datetime='2025-05-06T10:00'>6 May</time><p>The two ministers met in Vienna.</p>"
        "<p>They agreed to talk again.</p></article><aside>Related: other story</aside></body></html>",
        encoding="utf-8",
    )
    article = _one(list(read_inputs([str(path)])))
    assert isinstance(article, Article)
    assert article.title == "Talks in Vienna"
    assert article.published == "2025-05-06"
    assert "The two ministers met in Vienna." in article.text
    assert "Home" not in article.text and "Related" not in article.text
    assert article.html is not None


def test_jsonl_records_and_their_errors(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Prvi članek.", "published": "2025-01-02T08:00:00Z", "lang": "sl"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no body"}),
        json.dumps({"id": "a4", "html": "<p>Drugi članek.</p>", "url": "https://example.org/a4"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "FailedArticle",
        "FailedArticle",
        "Article",
        "FailedArticle",
    ]
    first, bad_json, no_text, html, not_object = items
    assert isinstance(first, Article) and first.published == "2025-01-02" and first.lang == "sl"
    assert (
        isinstance(bad_json, FailedArticle) and "malformed JSON" in bad_json.reason and bad_json.origin.endswith(":2")
    )
    assert isinstance(no_text, FailedArticle) and no_text.id == "a3" and "neither" in no_text.reason
    assert isinstance(html, Article) and html.text == "Drugi članek." and html.url == "https://example.org/a4"
    assert isinstance(not_object, FailedArticle) and "not an object" in not_object.reason


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Besedilo A.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Besedilo C.", encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    assert [i.id for i in read_inputs([str(tmp_path)])] == ["a", "c"]


def test_stdin_jsonl_and_plain_text() -> None:
    feed = io.StringIO(json.dumps({"id": "s1", "text": "Tekst."}) + "\n")
    assert [i.id for i in read_inputs(["-"], stdin=feed)] == ["s1"]
    plain = io.StringIO("Just one article on stdin.")
    item = _one(list(read_inputs(["-"], stdin=plain)))
    assert isinstance(item, Article) and item.id == "stdin"


def test_bad_files_become_failures_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin2.txt").write_bytes("Predsednik je obiskal Češko.".encode("cp1250"))
    (tmp_path / "good.txt").write_text("Dober članek.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = {i.id: i for i in read_inputs([str(tmp_path), str(missing)])}
    assert isinstance(items["good"], Article)
    assert isinstance(items["empty"], FailedArticle) and items["empty"].reason == "empty file"
    assert isinstance(items["binary"], FailedArticle) and "binary" in items["binary"].reason
    assert isinstance(items["latin2"], FailedArticle) and "UTF-8" in items["latin2"].reason
    assert isinstance(items["missing"], FailedArticle) and "no such file" in items["missing"].reason


def test_byte_order_mark_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffdate 2025-02-03\r\nVrstica ena.\r\nVrstica dve.".encode())
    article = _one(list(read_inputs([str(path)])))
    assert isinstance(article, Article)
    assert article.published == "2025-02-03"
    assert "\r" not in article.text
