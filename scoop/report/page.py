"""HTML pages from view dicts: Jinja2 with autoescape, styles and script inline, nothing fetched.

Every page carries a Content-Security-Policy that allows no network request at all and only the
page's own script (by its hash): article text is escaped by Jinja, and even text that slipped
through could neither run a script nor load anything.
"""
from __future__ import annotations

import base64
import hashlib
from datetime import date
from functools import lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("scoop.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["asset"] = asset
    return env


@lru_cache(maxsize=None)
def _asset_text(name: str) -> str:
    return resources.files("scoop.report").joinpath("templates", name).read_text(encoding="utf-8")


def asset(name: str) -> Markup:
    """A static file of ours (CSS, script) to inline; it holds no data, so it is not escaped."""
    text = _asset_text(name)
    if "</" in text and name.endswith(".js"):
        raise ValueError(f"{name} must not contain '</'")
    return Markup(text)


def csp() -> str:
    digest = base64.b64encode(hashlib.sha256(_asset_text("report.js").encode("utf-8")).digest()).decode()
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def render_work(view: dict, chart_svg: str | None, *, undrawn: int, index_href: str | None,
                generated: date) -> str:
    """The work's page. ``chart_svg`` comes from scoop.report.charts (vl-convert), not from articles."""
    return environment().get_template("work.html.j2").render(
        w=view, chart=Markup(chart_svg) if chart_svg else None, undrawn=undrawn, index_href=index_href,
        generated=generated, csp=csp())


def render_index(works: list[dict], *, totals: dict, generated: date) -> str:
    """The index: one row per work with a page, most sourced first."""
    return environment().get_template("index.html.j2").render(
        works=works, totals=totals, generated=generated, csp=csp())
