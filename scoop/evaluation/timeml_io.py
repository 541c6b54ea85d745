"""TimeML (TempEval-3 .tml) reading and writing.

``read_tml`` gives the plain TEXT (tags stripped, entities decoded), the
document creation time and the gold TIMEX3s with offsets into that text.
``tag_tml_dir`` writes the same files with scoop's own TIMEX3 tags in TEXT, so
the output can be scored by the standard TempEval-3 method. Regex-based rather
than an XML parser: the TEXT element is mixed content and the files must be
written back byte-for-byte outside it.
"""
from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from scoop.extract.dates import tag_dates

_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4})-?(\d{2})-?(\d{2})", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r"([A-Za-z_]+)=\"([^\"]*)\"")


def _strip(inner: str) -> tuple[str, list[dict]]:
    """Plain text of a TEXT element and the TIMEX3s it held."""
    parts: list[str] = []
    length = 0
    timexes: list[dict] = []
    open_timex: dict | None = None
    pos = 0
    for m in _TAG.finditer(inner):
        chunk = html.unescape(inner[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_timex = dict(_ATTR.findall(m.group(3)))
            open_timex["char_start"] = length
        elif open_timex is not None:
            open_timex["char_end"] = length
            timexes.append(open_timex)
            open_timex = None
    tail = html.unescape(inner[pos:])
    parts.append(tail)
    text = "".join(parts)
    for t in timexes:
        t["text"] = text[t["char_start"]:t["char_end"]]
    return text, timexes


def read_tml(path: Path) -> tuple[str, date, list[dict]]:
    """(TEXT as plain text, creation date, gold TIMEX3 dicts with offsets and attributes)."""
    raw = Path(path).read_text(encoding="utf-8")
    m = _DCT.search(raw)
    dct = date(int(m[1]), int(m[2]), int(m[3])) if m else None
    body = _TEXT.search(raw)
    if body is None:
        return "", dct, []
    text, timexes = _strip(body.group(2))
    return text, dct, timexes


def render_text(text: str, rows: list[dict]) -> str:
    """TEXT content with one TIMEX3 element per row (TE-3 attributes: tid, type, value, mod)."""
    out: list[str] = []
    pos = 0
    for i, row in enumerate(sorted(rows, key=lambda r: r["char_start"]), start=1):
        if row["char_start"] < pos:
            continue
        out.append(escape(text[pos:row["char_start"]]))
        attrs = f'tid="t{i}" type={quoteattr(row["timex_type"])} value={quoteattr(row["value"])}'
        if row.get("mod"):
            attrs += f" mod={quoteattr(row['mod'])}"
        out.append(f"<TIMEX3 {attrs}>{escape(text[row['char_start']:row['char_end']])}</TIMEX3>")
        pos = row["char_end"]
    out.append(escape(text[pos:]))
    return "".join(out)


def tag_tml_dir(in_dir: Path, out_dir: Path) -> int:
    """Re-tag every .tml of ``in_dir`` with scoop's TIMEX3s into ``out_dir``; files written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for path in sorted(Path(in_dir).glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        text, dct, _ = read_tml(path)
        rows = tag_dates(text, dct, basis="header")
        m = _TEXT.search(raw)
        if m is None:
            continue
        new = raw[:m.start(2)] + render_text(text, rows) + raw[m.end(2):]
        (out_dir / path.name).write_text(new, encoding="utf-8")
        written += 1
    return written
