"""A polite HTTP client on the standard library: the only code of diplowatch that opens sockets.

Polite, because news sites block crawlers that are not: every request names itself in the
User-Agent, asks robots.txt first (``urllib.robotparser``, its Crawl-delay honoured), waits
between two requests to one host, sends the validators of the last answer (304 costs the
site nothing), gives up after a timeout and retries only what may pass on a second try
(timeouts, 429, 5xx), with a growing pause or the one the server's Retry-After asks for.
Every failure becomes a ``FetchError`` with a reason a person can act on; a body is never
read beyond a byte limit.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from importlib.metadata import version
from urllib.parse import urlsplit

USER_AGENT = f"diplowatch/{version('diplowatch')} (news research crawler)"
MAX_BYTES = 5_000_000
ROBOTS_TTL = 86400.0  # RFC 9309: robots.txt is not cached for longer than a day
MAX_RETRY_AFTER = 120.0
BODY_TIMEOUTS = 3  # a whole body may take three timeouts to arrive
CHUNK = 65536  # a longer Retry-After is cut: the next poll comes round anyway
_RETRIED = {429, 500, 502, 503, 504}
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` is what the summary and the store show."""

    def __init__(self, reason: str, *, retry: bool = False, wait: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry
        self.wait = wait  # seconds the server asked for (Retry-After), at least the back-off


@dataclass(frozen=True, slots=True)
class Response:
    """A 200 answer (with its body) or a 304 (empty body: the stored copy is current)."""

    url: str  # after redirects
    status: int
    body: bytes = b""
    headers: Message = field(default_factory=Message)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def describe(exc: BaseException, *, timeout: float) -> FetchError:
    """The reason of a failed request in words (DNS, TLS, timeout, HTTP status, redirect loop)."""
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in _REDIRECTS:
            return FetchError(f"redirect loop or too many redirects (HTTP {exc.code})")
        after = (exc.headers.get("Retry-After") or "").strip() if exc.headers else ""
        wait = min(float(after), MAX_RETRY_AFTER) if after.isdigit() else 0.0
        return FetchError(f"HTTP {exc.code} {exc.reason}".rstrip(), retry=exc.code in _RETRIED, wait=wait)
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return FetchError(f"DNS lookup failed: {reason.strerror or reason}")
    if isinstance(reason, ssl.SSLError):
        return FetchError(f"TLS error: {getattr(reason, 'reason', None) or reason}")
    if isinstance(reason, TimeoutError | socket.timeout):
        return FetchError(f"timed out after {timeout:g}s", retry=True)
    if isinstance(reason, ConnectionError):
        return FetchError(f"connection failed: {reason.strerror or type(reason).__name__}", retry=True)
    return FetchError(f"request failed: {reason}")


class Fetcher:
    """GET with robots.txt, per-host delay, conditional requests, retries and a byte limit.

    ``sleep`` and ``clock`` are parameters so that tests and the benchmark run without waiting.
    """

    def __init__(
        self, *, user_agent: str = USER_AGENT, timeout: float = 20.0, max_bytes: int = MAX_BYTES,
        host_delay: float = 1.0, retries: int = 2, backoff: float = 2.0,
        sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
    ) -> None:  # fmt: skip
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.host_delay = host_delay
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser, float]] = {}
        self._delays: dict[str, float] = {}  # Crawl-delay of a host's robots.txt
        # an empty ProxyHandler: requests go only where the user's source URLs point
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """Fetch ``url`` (200 or 304) or raise FetchError with the reason."""
        if not self.allowed(url):
            raise FetchError("disallowed by robots.txt")
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._request(url, headers)
            except FetchError as error:
                if not error.retry or attempt >= self.retries:
                    raise
                pause = max(error.wait, self.backoff * 2**attempt)
            attempt += 1
            self._sleep(pause)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets this User-Agent fetch it (RFC 9309 rules).

        A host that cannot be reached at all fails with that reason rather than with
        "disallowed", and its robots.txt is asked again on the next request.
        """
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or cached[1] < self._clock():
            cached = self._robots[origin] = self._read_robots(origin)
        return cached[0].can_fetch(self.user_agent, url)

    def _read_robots(self, origin: str) -> tuple[urllib.robotparser.RobotFileParser, float]:
        """The host's rules and until when they hold (a day; an hour when the server failed)."""
        robots = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        ttl = ROBOTS_TTL
        try:
            answer = self._request(origin + "/robots.txt", {})
            robots.parse(answer.body.decode("utf-8", "replace").splitlines())
        except FetchError as error:
            if not error.reason.startswith("HTTP "):
                raise
            # missing (4xx): no rules; refused (401/403) or failing (5xx): stay out
            refused = error.reason.startswith(("HTTP 401", "HTTP 403", "HTTP 5"))
            robots.disallow_all, robots.allow_all = refused, not refused
            ttl = ROBOTS_TTL / 24 if error.reason.startswith("HTTP 5") else ttl
        delay = robots.crawl_delay(self.user_agent)
        if delay is not None:
            self._delays[urlsplit(origin).netloc] = float(delay)
        return robots, self._clock() + ttl

    def _wait_turn(self, host: str) -> None:
        delay = max(self.host_delay, self._delays.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - self._clock()
            if pause > 0:
                self._sleep(pause)
        self._last[host] = self._clock()

    def _read_body(self, answer: http.client.HTTPResponse) -> bytes:
        """The body within the byte limit and a whole-body deadline.

        The socket timeout bounds each wait only, so a server dripping a byte a second would
        otherwise hold the poll for as long as it likes.
        """
        deadline = time.monotonic() + BODY_TIMEOUTS * self.timeout
        chunks, size = [], 0
        while chunk := answer.read1(CHUNK):  # read1: what has arrived, so the deadline is checked
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"page too large: over the limit of {self.max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"too slow: body not read within {BODY_TIMEOUTS * self.timeout:g}s", retry=True)
        return b"".join(chunks)

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_turn(urlsplit(url).netloc)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers})
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                size = answer.headers.get("Content-Length")
                if size and size.isdigit() and int(size) > self.max_bytes:
                    raise FetchError(f"page too large: {int(size)} bytes, limit {self.max_bytes}")
                body = self._read_body(answer)
                return Response(answer.url, answer.status, body, answer.headers)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url, 304, headers=exc.headers)
            raise describe(exc, timeout=self.timeout) from None
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            raise describe(exc, timeout=self.timeout) from None
