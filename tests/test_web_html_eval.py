"""The 20 real pages of ../shared/corpus/web-html: title, author and date match expected.json; clean bodies."""
from __future__ import annotations

import json
import re
from contextlib import nullcontext

import pytest

from scoop.read import RawFile
from scoop.read_formats import to_article

FLOOR = 0.85          # measured: title 0.95, author 1.00, date 0.95
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")
SCRIPT_RE = re.compile(r"function\s*\(|\bvar \w+\s*=|window\.\w|document\.\w|\{\s*[\w-]+\s*:\s*[^}]{1,40};\s*\}")


def norm(value) -> str:
    return " ".join(str(value or "").translate(_QUOTES).split()).casefold()


@pytest.fixture(scope="module")
def pages(shared_dir):
    folder = shared_dir / "corpus" / "web-html"
    if not (folder / "expected.json").exists():
        pytest.skip("../shared/corpus/web-html not present")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    out = []
    for exp in expected:
        path = folder / exp["file"]
        raw = RawFile(path=path, uri=f"web-html/{exp['file']}", size_bytes=path.stat().st_size, content_sha256="")
        article, _url = to_article(raw, path.read_bytes().decode("utf-8", "replace"), lambda stage: nullcontext())
        out.append((exp, article))
    return out


def test_metadata_matches_expected_per_field(pages):
    fields = {"title": "title", "author": "author", "published_on": "published_on"}
    scores = {}
    for field, attr in fields.items():
        hits = sum(norm(getattr(article, attr)) == norm(exp[field]) for exp, article in pages)
        scores[field] = hits / len(pages)
    assert all(score >= FLOOR for score in scores.values()), scores


def test_bodies_keep_no_tags_or_script(pages):
    for exp, article in pages:
        assert article.word_count > 100, exp["file"]
        assert not TAG_RE.search(article.body), (exp["file"], TAG_RE.search(article.body).group(0))
        assert not SCRIPT_RE.search(article.body), (exp["file"], SCRIPT_RE.search(article.body).group(0))
