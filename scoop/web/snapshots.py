"""Raw snapshots of fetched pages: ``<raw>/web/<host>/<sha256 of the URL>.html``.

One file per URL, so a page fetched again with the same bytes is ``unchanged`` and
a page that changed is ``changed`` (its article's rows are replaced), exactly as
for a file edited in place. The file is the page as served, decoded and stored as
UTF-8, after one comment line that records its URL (``scoop.read_html.page_url``).
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

WEB_FOLDER = "web"
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.IGNORECASE)


def snapshot_path(raw_dir: Path, url: str) -> Path:
    parts = urlsplit(url)
    host = re.sub(r"[^\w.-]", "_", parts.netloc.rsplit("@", 1)[-1].lower()) or "unknown-host"
    return Path(raw_dir) / WEB_FOLDER / host / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()}.html"


def decode_page(content: bytes, charset: str | None) -> str:
    """The page's text: the HTTP charset, else the page's ``<meta charset>``, else UTF-8, else Windows-1252."""
    candidates = [charset]
    if m := _META_CHARSET_RE.search(content[:4096]):
        candidates.append(m.group(1).decode("ascii", "ignore"))
    for encoding in [c for c in candidates if c] + ["utf-8"]:
        try:
            return content.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return content.decode("cp1252", "replace")


def write_snapshot(raw_dir: Path, url: str, content: bytes, charset: str | None) -> tuple[Path, bool]:
    """Store the page; (path, changed). Unchanged bytes are not rewritten."""
    path = snapshot_path(raw_dir, url)
    data = f"<!-- scoop-url: {url.replace('--', '%2D%2D')} -->\n".encode("utf-8") + decode_page(content, charset).encode("utf-8")
    try:
        if path.read_bytes() == data:
            return path, False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")      # hidden: never listed as an input
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path, True
