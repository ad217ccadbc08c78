"""Turn paths, folders, JSON Lines and stdin into Articles.

Readers never raise on bad input: every problem becomes a FailedArticle with a reason, so one
broken file cannot stop a batch. Supported inputs: ``.txt`` (optional first line
``date YYYY-MM-DD``), ``.html``/``.htm``, ``.jsonl``/``.ndjson`` (one article per line), folders
(recursive, sorted) and ``-`` for JSON Lines or plain text on stdin.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO

from diplowatch.ingest.html import extract_html
from diplowatch.model import Article, FailedArticle

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_DATE_HEADER = re.compile(r"^\ufeff?\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s|$)")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
# JSON may escape half a UTF-16 pair ("\ud800"): such a string cannot be encoded or stored
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# control characters but tab, newline, form feed and carriage return: many of them mean binary
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")

Item = Article | FailedArticle


def read_inputs(paths: Iterable[str], *, stdin: IO[str] | None = None) -> Iterator[Item]:
    """Yield an Article or a FailedArticle for every document found under ``paths``."""
    for raw in paths:
        if raw == "-":
            yield from _read_stream((stdin or sys.stdin).read(), origin="<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not is_ignored(child):
                    yield from read_file(child)
        elif path.exists():
            yield from read_file(path)
        else:
            yield FailedArticle(id=path.stem or raw, reason="no such file or folder", origin=raw)


def is_ignored(path: PurePath) -> bool:
    """Files in an input folder that are not articles: hidden files and the folder's README."""
    return path.name.startswith(".") or path.name.lower() == "readme.md"


def read_file(path: Path) -> Iterator[Item]:
    """Read one file of any supported kind."""
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _stream_jsonl(path)  # line by line: memory stays flat for any file size
            return
        data = path.read_bytes()
    except OSError as exc:
        yield FailedArticle(id=path.stem, reason=f"unreadable: {exc.strerror}", origin=str(path))
        return
    yield from read_document(path, data)


def _stream_jsonl(path: Path) -> Iterator[Item]:
    """A JSON Lines file read one line at a time; a line that is not UTF-8 fails alone."""
    with path.open("rb") as fh:
        _, problem = _decode(fh.read(4096))
        if problem and not problem.startswith("not valid UTF-8"):  # a cut multi-byte char is fine
            yield FailedArticle(id=path.stem, reason=problem, origin=str(path))
            return
        fh.seek(0)
        for lineno, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                reason = f"not valid UTF-8 at byte {exc.start} of the line; convert the file to UTF-8"
                yield FailedArticle(id=f"{path.stem}:{lineno}", reason=reason, origin=f"{path}:{lineno}")
                continue
            yield from read_jsonl_line(line, lineno, origin=str(path))


def read_document(path: PurePath, data: bytes) -> Iterator[Item]:
    """Read the bytes of one file already in memory (Spark's binaryFile rows); name gives the kind."""
    suffix = path.suffix.lower()
    text, problem = _decode(data)
    if problem:
        yield FailedArticle(id=path.stem, reason=problem, origin=str(path))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin=str(path))
    elif suffix in HTML_SUFFIXES:
        yield _article_from_html(path.stem, text, origin=str(path))
    else:
        yield _article_from_text(path.stem, text, origin=str(path))


def _decode(data: bytes) -> tuple[str, str | None]:
    """Decode UTF-8 (with or without BOM); say why when the bytes are not usable text."""
    if not data.strip():
        return "", "empty file"
    if b"\x00" in data[:4096]:
        return "", "binary file (NUL bytes), not text"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return "", f"not valid UTF-8 at byte {exc.start}; convert the file to UTF-8"
    control = len(_CONTROL.findall(text, 0, 4096))
    if control > 0.02 * min(len(text), 4096):
        return "", "binary file (control characters), not text"
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _article_from_text(article_id: str, text: str, *, origin: str, **meta: str | None) -> Item:
    if not text.strip():
        return FailedArticle(id=article_id, reason="empty text", origin=origin)
    published = meta.pop("published", None)
    match = _DATE_HEADER.match(text)
    if match and not published:
        published = match.group(1)
    return Article(id=article_id, text=text, published=published, **meta)


def _article_from_html(article_id: str, html: str, *, origin: str, **meta: str | None) -> Item:
    extracted = extract_html(html)
    if not extracted.text.strip():
        return FailedArticle(id=article_id, reason="HTML without readable text", origin=origin)
    return Article(
        id=article_id,
        text=extracted.text,
        html=html,
        title=meta.pop("title", None) or extracted.title,
        published=meta.pop("published", None) or extracted.published,
        **meta,
    )


def _read_stream(text: str, *, origin: str) -> Iterator[Item]:
    """Stdin holds JSON Lines when its first non-blank character is '{', else one text article."""
    if text.lstrip().startswith("{"):
        yield from _read_jsonl(text, origin=origin)
    else:
        yield _article_from_text("stdin", text, origin=origin)


def _read_jsonl(text: str, *, origin: str) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        yield from read_jsonl_line(line, lineno, origin=origin)


def read_jsonl_line(line: str, lineno: int, *, origin: str) -> Iterator[Item]:
    """The article of one JSON Lines line (nothing for a blank line); ids fall back to the line."""
    if not line.strip():
        return
    where = f"{origin}:{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield FailedArticle(id=f"{Path(origin).stem}:{lineno}", reason=f"malformed JSON: {exc.msg}", origin=where)
        return
    if not isinstance(obj, dict):
        yield FailedArticle(id=f"{Path(origin).stem}:{lineno}", reason="JSON line is not an object", origin=where)
        return
    yield article_from_record(obj, lineno=lineno, origin=where)


def article_from_record(obj: dict[str, object], *, lineno: int, origin: str) -> Item:
    """One JSON Lines record or Parquet row as an Article (or why it is not one)."""
    article_id = str(obj.get("id") or f"{Path(origin.rsplit(':', 1)[0]).stem}-{lineno}")
    meta: dict[str, str | None] = {}
    for key in ("url", "title", "source", "lang"):
        value = obj.get(key)
        meta[key] = str(value) if value not in (None, "") else None
    published = obj.get("published")
    if published is not None:
        match = _ISO_DATE.match(str(published))
        if not match:
            return FailedArticle(id=article_id, reason=f"unreadable published date {published!r}", origin=origin)
        meta["published"] = match.group(0)
    text, html = obj.get("text"), obj.get("html")
    if any(isinstance(v, str) and _LONE_SURROGATE.search(v) for v in (article_id, text, html, *meta.values())):
        safe_id = article_id.encode("utf-8", "backslashreplace").decode("utf-8")
        reason = "half a UTF-16 surrogate pair (\\ud800-\\udfff) is no text"
        return FailedArticle(id=safe_id, reason=reason, origin=origin)
    if isinstance(text, str) and text.strip():
        return _article_from_text(article_id, text, origin=origin, **meta)
    if isinstance(html, str) and html.strip():
        return _article_from_html(article_id, html, origin=origin, **meta)
    return FailedArticle(id=article_id, reason="record has neither 'text' nor 'html'", origin=origin)
