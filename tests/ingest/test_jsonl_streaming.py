"""JSON Lines files are read line by line: a bad line fails alone, ids keep their line numbers."""

from __future__ import annotations

from pathlib import Path

from diplowatch.ingest.readers import read_inputs
from diplowatch.model import Article, FailedArticle


def test_jsonl_file_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"id": "first", "text": "Rutte visited Kyiv."}\n'
        b"\n"
        b'{"id": "latin1", "text": "caf\xe9"}\r\n'
        b"not json\n"
        b'{"text": "Merz met Macron."}\n'
    )
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Article, FailedArticle, FailedArticle, Article]
    assert items[0].id == "first"
    assert items[1].id == "feed:3" and "UTF-8" in items[1].reason
    assert items[2].id == "feed:4" and "malformed JSON" in items[2].reason
    assert items[3].id == "feed-5" and items[3].text == "Merz met Macron."


def test_binary_jsonl_file_fails_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b"\x00\x01\x02" * 100)
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and isinstance(items[0], FailedArticle) and "binary" in items[0].reason
