"""Helpers for the web tests: local pages and feeds only (pytest-httpserver on 127.0.0.1), no outside network."""
from __future__ import annotations

import socket

import pytest

from scoop.web.config import FetchSettings

REAL_GETADDRINFO = socket.getaddrinfo


def local_only(host, *args, **kwargs):
    """getaddrinfo that resolves only the loopback: a test that tried the outside network fails loudly."""
    if host in ("127.0.0.1", "localhost", "::1", None):
        return REAL_GETADDRINFO(host, *args, **kwargs)
    raise socket.gaierror(socket.EAI_NONAME, f"test resolver: {host} is not local")


@pytest.fixture(autouse=True)
def no_outside_network(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", local_only)


FAST = FetchSettings(contact="tests@example.invalid", rate_limit=200.0, connect_timeout=1.0, read_timeout=0.3,
                     retries=2, backoff=0.01, max_bytes=20_000, max_redirects=3)

SETTINGS_TOML = """[fetch]
contact = "tests@example.invalid"
rate_limit = 200.0
connect_timeout = 1.0
read_timeout = 0.3
retries = 2
backoff = 0.01
max_bytes = 20000
"""


def article(title: str, sentence: str) -> str:
    paragraphs = "".join(f"<p>{sentence} Paragraph {i} adds detail about the production and its cast.</p>"
                         for i in range(3))
    return (f"<html><head><title>{title}</title><meta name='author' content='Ann Lee'>"
            f"<meta property='article:published_time' content='2025-06-01T10:00:00Z'></head>"
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def rss(base: str, items: list[tuple[str, str]], *, duplicate: bool = False) -> str:
    """RSS 2.0 with (path, updated) items; ``duplicate`` lists the first item twice."""
    rows = [f"<item><title>Item {path}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
            f"<pubDate>{updated}</pubDate></item>" for path, updated in items]
    if duplicate and rows:
        rows.append(rows[0])
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>'
            f"<link>{base}</link>{''.join(rows)}</channel></rss>")


def serve_robots(httpserver, text: str = "User-agent: *\nAllow: /\n") -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(text, content_type="text/plain")
