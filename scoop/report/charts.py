"""Charts: Vega-Lite specs built from warehouse rows, rendered offline to SVG by vl-convert.

Only dates, the claim-type and certainty vocabularies and season numbers go into a spec, never
article text, so the SVG carries nothing a source wrote.
"""
from __future__ import annotations

from datetime import date, timedelta

CERTAINTIES = ("official", "reported", "expected", "speculative", "rumor")
CERTAINTY_COLOURS = ("#1b7837", "#2166ac", "#8c510a", "#d6604d", "#9e9e9e")
STYLES = ("stated", "old plan, restated", "denied")
TYPE_LABELS = {"release": "Release", "production_start": "Production start",
               "production_wrap": "Production wrap"}
MAX_WINDOW_DAYS = 731          # wider windows ("the 2020s") would flatten every other bar
WIDTH = 640


def style_of(row: dict) -> str:
    """How a claim is drawn: a denial (negated) hollow, a restated old plan (superseded) faint."""
    if row.get("negated"):
        return "denied"
    if row.get("superseded"):
        return "old plan, restated"
    return "stated"


def panel_of(row: dict) -> str:
    label = TYPE_LABELS.get(row["claim_type"], row["claim_type"])
    season = row.get("season")
    return f"{label} · season {int(season)}" if season is not None else label


def drawable(row: dict) -> bool:
    start, end = row.get("value_start"), row.get("value_end")
    return (row.get("published_on") is not None and start is not None and end is not None
            and (end - start).days + 1 <= MAX_WINDOW_DAYS)


def timeline_points(rows: list[dict]) -> list[dict]:
    """One bar per source, panel, window, certainty and style (the same window said twice is one bar)."""
    seen: dict[tuple, dict] = {}
    for row in rows:
        if not drawable(row):
            continue
        point = {
            "published": row["published_on"].isoformat(),
            "start": row["value_start"].isoformat(),
            # the window is inclusive: the bar ends at the end of its last day
            "end": (row["value_end"] + timedelta(days=1)).isoformat(),
            "panel": panel_of(row),
            "certainty": row["certainty"] if row["certainty"] in CERTAINTIES else "reported",
            "style": style_of(row),
        }
        key = (row["source_id"], *point.values())
        seen.setdefault(key, point)
    points = sorted(seen.values(), key=lambda p: (p["panel"], p["published"], p["start"], p["end"]))
    return _side_by_side(_visible(points))


def _visible(points: list[dict]) -> list[dict]:
    """A window narrower than 1/40 of its panel's span is drawn that tall around its middle (a day is
    otherwise a hairline next to a year); the table under the chart gives the exact window."""
    panels: dict[str, list[dict]] = {}
    for point in points:
        panels.setdefault(point["panel"], []).append(point)
    for group in panels.values():
        low = min(date.fromisoformat(p["start"]) for p in group)
        high = max(date.fromisoformat(p["end"]) for p in group)
        least = (high - low).days / 40
        for point in group:
            start, end = date.fromisoformat(point["start"]), date.fromisoformat(point["end"])
            if (end - start).days < least:
                grow = timedelta(days=(least - (end - start).days) / 2)
                point["start"], point["end"] = (start - grow).isoformat(), (end + grow).isoformat()
    return points


def _side_by_side(points: list[dict]) -> list[dict]:
    """Bars of one panel and publication day are set a little apart (``x``), centred on the day."""
    if not points:
        return points
    days = [date.fromisoformat(p["published"]) for p in points]
    step = max(1.0, (max(days) - min(days)).days / 110)      # about one bar width
    groups: dict[tuple, list[dict]] = {}
    for point in points:
        groups.setdefault((point["panel"], point["published"]), []).append(point)
    for group in groups.values():
        for i, point in enumerate(group):
            shift = (i - (len(group) - 1) / 2) * step
            day = date.fromisoformat(point["published"])
            point["x"] = _shifted(day, shift)
    return points


def _shifted(day: date, days: float) -> str:
    from datetime import datetime

    moment = datetime(day.year, day.month, day.day, 12) + timedelta(days=days)
    return moment.isoformat(timespec="minutes")


def _panel_order(points: list[dict]) -> list[str]:
    def rank(label: str) -> tuple:
        head, _, season = label.partition(" · season ")
        kinds = list(TYPE_LABELS.values())
        return (-int(season) if season else 0, kinds.index(head) if head in kinds else 9)
    return sorted({p["panel"] for p in points}, key=rank)


def timeline_spec(rows: list[dict]) -> dict | None:
    """Publication date across, reported window up: one panel per claim type and season."""
    points = timeline_points(rows)
    if not points:
        return None
    dates = [date.fromisoformat(p["published"]) for p in points]
    pad = max(7, ((max(dates) - min(dates)).days) // 20)
    x_domain = [(min(dates) - timedelta(days=pad)).isoformat(), (max(dates) + timedelta(days=pad)).isoformat()]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": points},
        "facet": {"row": {"field": "panel", "type": "nominal", "sort": _panel_order(points),
                          "header": {"title": None, "labelAngle": 0, "labelAlign": "left",
                                     "labelAnchor": "start", "labelOrient": "top",
                                     "labelFontSize": 13, "labelFontWeight": "bold"}}},
        "spec": {
            "width": WIDTH, "height": 120,
            "mark": {"type": "bar", "width": 7, "strokeWidth": 1.5, "cornerRadius": 1},
            "encoding": {
                "x": {"field": "x", "type": "temporal", "title": "published on",
                      "scale": {"domain": x_domain}, "axis": {"labelOverlap": True}},
                "y": {"field": "start", "type": "temporal", "title": "reported window",
                      "axis": {"labelOverlap": True, "tickCount": 6}},
                "y2": {"field": "end"},
                "color": {"field": "certainty", "type": "nominal", "title": "certainty",
                          "scale": {"domain": list(CERTAINTIES), "range": list(CERTAINTY_COLOURS)}},
                "stroke": {"field": "certainty", "type": "nominal",
                           "scale": {"domain": list(CERTAINTIES), "range": list(CERTAINTY_COLOURS)}},
                "fillOpacity": {"field": "style", "type": "nominal",
                                "legend": None,
                                "scale": {"domain": list(STYLES), "range": [0.85, 0.2, 0.0]}},
                "strokeDash": {"field": "style", "type": "nominal", "legend": None,
                               "scale": {"domain": list(STYLES), "range": [[1, 0], [4, 2], [2, 2]]}},
            },
        },
        "resolve": {"scale": {"y": "independent"}},
        "config": {"font": "Helvetica, Arial, sans-serif", "view": {"stroke": "#ddd"},
                   "axis": {"labelFontSize": 11, "titleFontSize": 11, "titleColor": "#555"},
                   "legend": {"orient": "right", "labelFontSize": 11, "titleFontSize": 11}},
    }


def render_svg(spec: dict) -> str:
    """The spec as SVG, offline (vl-convert bundles Vega-Lite and its renderer)."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec)
    lowered = svg.lower()
    if "<script" in lowered or "foreignobject" in lowered:    # never expected: refuse to embed it
        raise ValueError("the chart renderer produced active content")
    return svg


def timeline_svg(rows: list[dict]) -> str | None:
    """The timeline chart of a work's release and production claims, or None when nothing is dated."""
    spec = timeline_spec(rows)
    return render_svg(spec) if spec else None


def undrawn(rows: list[dict]) -> int:
    """Claims the chart leaves out: no window, an undated source, or a window over two years."""
    return sum(1 for row in rows if not drawable(row))
