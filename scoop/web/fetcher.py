"""A polite, robust HTTP fetcher (httpx).

Polite: a User-Agent naming scoop and a contact, robots.txt honoured (RFC 9309),
at most ``rate_limit`` requests per second to one host, conditional GET.
Robust: connect and read timeouts, retries with exponential backoff on 5xx, 429
and timeouts, limits on size, redirects and content type. Every failure is a
``FetchError`` with a one-line human reason; nothing here raises anything else.
"""
from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from scoop.web.config import FetchSettings

PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "text/plain")
ROBOTS_MAX_BYTES = 500_000
_REDIRECTS = (301, 302, 303, 307, 308)
_GAVE_UP = "gave up after {n} attempt(s)"


class FetchError(Exception):
    """A URL could not be fetched. ``permanent``: retrying later will not help (404, robots, wrong type)."""

    def __init__(self, reason: str, *, permanent: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


@dataclass(slots=True)
class Fetched:
    url: str                   # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    location: str = ""         # a redirect's target

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def user_agent(contact: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("scoop")
    except PackageNotFoundError:
        ver = "0"
    return f"scoop/{ver} (news claims warehouse; contact: {contact or 'not configured'})"


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class Fetcher:
    """One refresh's HTTP client; use as a context manager."""

    def __init__(self, settings: FetchSettings, *, sleep=time.sleep, clock=time.monotonic):
        self.settings = settings
        self.agent = user_agent(settings.contact)
        self._sleep, self._clock = sleep, clock
        self._last: dict[str, float] = {}              # host -> when the last request started
        self._robots: dict[str, RobotFileParser | str] = {}   # host -> rules, or why nothing may be fetched
        self.requests = 0
        self._resolved: set[str] = set()
        timeout = httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                                write=settings.read_timeout, pool=settings.connect_timeout)
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                                    proxy=settings.proxy or None,
                                    headers={"User-Agent": self.agent, "Accept-Encoding": "gzip, deflate"})

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self._client.close()

    # ------------------------------------------------------------ public
    def get(self, url: str, *, accept: tuple[str, ...], etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        """GET ``url`` politely; ``FetchError`` says why it failed."""
        headers = {"Accept": ", ".join(accept) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        visited = [url]
        while True:
            self._check_robots(url)
            response = self._request(url, headers, limit=self.settings.max_bytes)
            if response.status not in _REDIRECTS:
                break
            url = self._next_hop(response, visited)
        return self._checked(response, accept)

    # ------------------------------------------------------------ steps
    def _next_hop(self, response: Fetched, visited: list[str]) -> str:
        if not response.location:
            raise FetchError(f"HTTP {response.status} redirect without a Location header", permanent=True)
        target = urljoin(response.url, response.location)
        if target in visited:
            raise FetchError("redirect loop: " + " -> ".join(visited + [target]), permanent=True)
        if len(visited) > self.settings.max_redirects:
            raise FetchError(f"more than {self.settings.max_redirects} redirects (last to {target})", permanent=True)
        if urlsplit(target).scheme not in ("http", "https"):
            raise FetchError(f"redirected to a non-web URL {target}", permanent=True)
        visited.append(target)
        return target

    def _checked(self, response: Fetched, accept: tuple[str, ...]) -> Fetched:
        status = response.status
        if status == 304 or 200 <= status < 300:
            if status != 304 and response.content_type and response.content_type not in accept:
                kind = "web page" if accept == PAGE_TYPES else "feed"
                raise FetchError(f"content type {response.content_type} is not a {kind}", permanent=True)
            return response
        phrase = httpx.codes.get_reason_phrase(status)
        if status in (404, 410):
            raise FetchError(f"HTTP {status} {phrase}: the page is gone", permanent=True)
        raise FetchError(f"HTTP {status} {phrase}", permanent=400 <= status < 500 and status != 429)

    def _wait_turn(self, host: str) -> None:
        gap = 1.0 / self.settings.rate_limit
        last = self._last.get(host)
        if last is not None and (wait := last + gap - self._clock()) > 0:
            self._sleep(wait)
        self._last[host] = self._clock()

    def _resolve(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        if host.endswith(".invalid") or host == "invalid":      # RFC 6761: never resolves
            raise FetchError(f"DNS lookup failed: host {host} does not exist")
        try:
            socket.getaddrinfo(host, urlsplit(url).port or 443, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise FetchError(f"DNS lookup failed: host {host} not found ({exc.strerror or exc})") from None
        except UnicodeError:
            raise FetchError(f"invalid host name {host!r}", permanent=True) from None

    def _request(self, url: str, headers: dict, *, limit: int) -> Fetched:
        """One GET with retries on 5xx, 429 and timeouts (exponential backoff)."""
        if urlsplit(url).hostname not in self._resolved:
            self._resolve(url)
            self._resolved.add(urlsplit(url).hostname)
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            last_try = attempt == attempts - 1
            self._wait_turn(_host_key(url))
            try:
                response = self._once(url, headers, limit)
            except (httpx.TimeoutException, httpx.RemoteProtocolError) as exc:
                if last_try:
                    kind = "timed out" if isinstance(exc, httpx.TimeoutException) else "connection dropped"
                    raise FetchError(f"{kind} ({type(exc).__name__}); {_GAVE_UP.format(n=attempts)}") from None
            except httpx.ConnectError as exc:
                if last_try:
                    raise FetchError(f"cannot connect to {urlsplit(url).netloc}: {_short(exc)}; "
                                     f"{_GAVE_UP.format(n=attempts)}") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"request failed: {type(exc).__name__}: {_short(exc)}") from None
            else:
                if response.status < 500 and response.status != 429:
                    return response
                if last_try:
                    raise FetchError(f"HTTP {response.status} {httpx.codes.get_reason_phrase(response.status)}; "
                                     f"{_GAVE_UP.format(n=attempts)}")
            self._sleep(self.settings.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict, limit: int) -> Fetched:
        self.requests += 1
        with self._client.stream("GET", url, headers=headers) as r:
            if r.status_code in _REDIRECTS:
                return Fetched(url=url, status=r.status_code, location=r.headers.get("location", ""))
            content_type = r.headers.get("content-type", "").split(";")[0].strip().lower()
            length = r.headers.get("content-length", "")
            if length.isdigit() and int(length) > limit:
                raise FetchError(f"page is {_size(int(length))}, over the {_size(limit)} limit",
                                 permanent=True)
            body = bytearray()
            if r.status_code == 200:
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"page is over the {_size(limit)} limit (stopped reading)",
                                         permanent=True)
            return Fetched(url=url, status=r.status_code, content=bytes(body), content_type=content_type,
                           charset=r.charset_encoding, etag=r.headers.get("etag"),
                           last_modified=_http_date(r.headers.get("last-modified")))

    # ------------------------------------------------------------ robots.txt
    def _check_robots(self, url: str) -> None:
        host = _host_key(url)
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        rules = self._robots[host]
        if isinstance(rules, str):
            raise FetchError(rules)
        if not rules.can_fetch(self.agent, url):
            raise FetchError(f"robots.txt of {urlsplit(url).netloc} disallows this page for scoop", permanent=True)

    def _load_robots(self, host: str) -> RobotFileParser | str:
        """RFC 9309: 4xx -> everything allowed; 5xx or unreachable -> nothing fetched this run."""
        rules = RobotFileParser()
        try:
            response = self._request(host + "/robots.txt", {"Accept": "text/plain"}, limit=ROBOTS_MAX_BYTES)
            hops = 0
            while response.status in _REDIRECTS and hops < 5:
                hops += 1
                target = urljoin(response.url, response.location)
                response = self._request(target, {"Accept": "text/plain"}, limit=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            return f"robots.txt of {urlsplit(host).netloc} could not be read ({exc.reason}); not fetched to be safe"
        if 200 <= response.status < 300:
            rules.parse(response.content.decode("utf-8", "replace").splitlines())
        else:
            rules.parse([])             # no robots.txt: everything is allowed
        return rules


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _http_date(value: str | None) -> str | None:
    """Keep a Last-Modified value only when it is a real HTTP date (it is sent back verbatim)."""
    if not value:
        return None
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return value
