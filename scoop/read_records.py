"""Files of article records: ``.jsonl`` / ``.ndjson`` (one JSON object a line) and ``.json`` (an array or one object).

Each record is its own input: its uri is ``<file uri>#<n>`` (the line number in a
JSON Lines file, the 1-based position in a JSON array), hashed on its own bytes,
so one bad record is quarantined while its neighbours load, and an edit to one
line re-reads only that record. A record holds ``url``, ``title``, ``author``,
``published`` and ``text`` or ``html`` (a few common aliases are read too).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from scoop.read import RawFile

LINE_EXTENSIONS = (".jsonl", ".ndjson")
ARRAY_EXTENSIONS = (".json",)
# a .json file is parsed whole: larger ones should be JSON Lines
MAX_JSON_FILE_BYTES = 64_000_000
FIELD_ALIASES = {
    "url": ("url", "link", "uri"),
    "title": ("title", "headline"),
    "author": ("author", "byline", "authors"),
    "published": ("published", "published_on", "date", "pubdate", "published_at"),
    "publisher": ("publisher", "site", "site_name", "source"),
    "text": ("text", "body", "content"),
    "html": ("html",),
}


class NotAnArticle(ValueError):
    """An input (a record, a page) that cannot be an article; the message is the quarantine reason."""


@dataclass(slots=True)
class Record:
    url: str | None
    title: str | None
    author: str | None
    published: str | None
    publisher: str | None
    text: str | None
    html: str | None


def is_records_file(path: Path) -> bool:
    return path.suffix.lower() in LINE_EXTENSIONS + ARRAY_EXTENSIONS


def _lines(raw: RawFile) -> Iterator[RawFile]:
    offset = 0
    with raw.path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            start, offset = offset, offset + len(line)
            body = line.rstrip(b"\r\n")
            if not body.strip():
                continue
            yield RawFile(path=raw.path, uri=f"{raw.uri}#{number}", size_bytes=len(body),
                          content_sha256=hashlib.sha256(body).hexdigest(), record=number, offset=start,
                          length=len(body))


def _array(raw: RawFile) -> Iterator[RawFile | tuple[str, str]]:
    if raw.size_bytes > MAX_JSON_FILE_BYTES:
        yield raw.uri, (f"JSON file is {raw.size_bytes / 1e6:.0f} MB, over the {MAX_JSON_FILE_BYTES / 1e6:.0f} MB "
                        "limit for a .json file; write it as JSON Lines (.jsonl), one article a line")
        return
    try:
        data = json.loads(raw.path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield raw.uri, f"JSON file is not UTF-8 (byte {exc.start})"
        return
    except json.JSONDecodeError as exc:
        yield raw.uri, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        return
    if isinstance(data, dict):
        yield raw                      # one article: the file is the record
        return
    if not isinstance(data, list):
        yield raw.uri, f"JSON file holds a {type(data).__name__}, not an article object or a list of them"
        return
    if not data:
        yield raw.uri, "JSON file holds an empty list: no articles"
    for number, item in enumerate(data, start=1):
        payload = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield RawFile(path=raw.path, uri=f"{raw.uri}#{number}", size_bytes=len(payload),
                      content_sha256=hashlib.sha256(payload).hexdigest(), record=number, payload=payload)


def expand(found: Iterator[RawFile | tuple]) -> Iterator[RawFile | tuple]:
    """``scoop.read.scan``'s items with every records file replaced by its records.

    A problem of the whole file (not valid JSON, too large, unreadable) yields
    ``(uri, reason)`` with the file's own uri.
    """
    for item in found:
        if isinstance(item, tuple) or not is_records_file(item.path):
            yield item
            continue
        try:
            if item.path.suffix.lower() in LINE_EXTENSIONS:
                yield from _lines(item)
            else:
                yield from _array(item)
        except OSError as exc:
            yield item.uri, f"cannot read file: {exc.strerror or exc}"


def _field(obj: dict, name: str) -> str | None:
    for key in FIELD_ALIASES[name]:
        value = obj.get(key)
        if isinstance(value, list):            # "authors": ["A", "B"]
            value = ", ".join(str(v.get("name", "")) if isinstance(v, dict) else str(v) for v in value)
        elif isinstance(value, dict):          # "author": {"name": ...}
            value = value.get("name")
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def parse_record(text: str) -> Record:
    """One record's JSON text -> its fields; ``NotAnArticle`` says why it is not an article."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotAnArticle(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise NotAnArticle(f"record is a JSON {type(obj).__name__}, not an object with url, title, text or html")
    record = Record(**{name: _field(obj, name) for name in FIELD_ALIASES})
    if not record.text and not record.html:
        keys = ", ".join(sorted(obj)[:8]) or "none"
        raise NotAnArticle(f"record has no 'text' or 'html' field (fields: {keys})")
    return record


def record_date(value: str | None) -> date | None:
    """``2025-07-23``, ``2025-07-23T10:00:00Z`` or a written date (``July 23, 2025``)."""
    if not value:
        return None
    from scoop.clean import parse_byline_date, parse_iso_date, plausible

    day = parse_iso_date(value[:10])
    if day is not None:
        return day if plausible(day) else None
    return parse_byline_date(value)
