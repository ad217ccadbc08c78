"""A real HTTP server on 127.0.0.1 (a thread) serving what each test writes: no mocks, no network."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Page:
    """One answer: body, status, headers; ``etag`` makes the server answer 304 when it matches."""

    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0  # seconds before answering
    drip: float = 0.0  # seconds between two 100-byte pieces of the body


@dataclass
class Site:
    base: str
    routes: dict[str, Page | Callable[[], Page]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)  # paths requested, robots.txt included
    agents: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return self.hits.count(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.hits.append(self.path)
            site.agents.append(self.headers.get("User-Agent", ""))
            route = site.routes.get(self.path)
            page = route() if callable(route) else route
            if page is None:
                page = Page(b"not here", status=404, content_type="text/plain")
            time.sleep(page.delay)
            if page.etag and self.headers.get("If-None-Match") == page.etag:
                self.send_response(304)
                self.end_headers()
                return
            body = page.body.encode() if isinstance(page.body, str) else page.body
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(body)))
            if page.etag:
                self.send_header("ETag", page.etag)
            for name, value in page.headers.items():
                self.send_header(name, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                if not page.drip:
                    self.wfile.write(body)
                for start in range(0, len(body), 100) if page.drip else ():
                    self.wfile.write(body[start : start + 100])
                    self.wfile.flush()
                    time.sleep(page.drip)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Site("")))
    site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
