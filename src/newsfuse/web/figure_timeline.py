"""How each reconciled figure was reported over time, one series per claimant.

A single line through every claim of a row mixed claimants, so two sides disagreeing
on one day looked like a figure changing. Here each claimant (a named source, or an
outlet reporting on its own) is its own series on a date axis, each point is a
report's publication day with the figure written beside it, and reports without a
date are listed under the chart instead of being placed on it. A row stated once
reads as a sentence, not a chart. Drawn on the server as SVG; the legend is text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from .charts import day_label, nice_ticks, parse_day

SERIES_COLOURS = 8  # .series-0 … .series-7 in app.css; later claimants share the last colour
WIDTH, HEIGHT = 560, 200
LEFT, RIGHT, TOP, BOTTOM = 62, 24, 16, 40


@dataclass
class Point:
    """One claimant's figure in one report (reports of the same day and figure are merged)."""

    day: date | None
    value: float
    text: str
    claims: list[dict[str, Any]] = field(default_factory=list)

    @property
    def href(self) -> str:
        return self.claims[0]["href"]

    @property
    def refs(self) -> str:
        return "".join(f"[{c['ref']}]" for c in self.claims if c.get("ref"))


@dataclass
class Series:
    claimant: str
    colour: int
    points: list[Point] = field(default_factory=list)


def claimant_name(claim: dict[str, Any]) -> str:
    """Who states the figure: the named claimant, else the outlet on its own account."""
    return claim.get("claimant") or f"{claim.get('outlet') or 'the report'} (own report)"


def claim_value(claim: dict[str, Any]) -> float | None:
    return claim["number"] if claim.get("number") is not None else claim.get("low")


def series_of(claims: list[dict[str, Any]]) -> list[Series]:
    """The claims grouped by claimant (first reported first), each series in date order."""
    by_claimant: dict[str, Series] = {}
    ordered = sorted(claims, key=lambda c: (parse_day(c.get("published")) is None, c.get("published") or "",
                                            c.get("ref") or 0))
    for c in ordered:
        value = claim_value(c)
        if value is None:
            continue
        name = claimant_name(c)
        series = by_claimant.setdefault(name, Series(name, min(len(by_claimant), SERIES_COLOURS - 1)))
        day = parse_day(c.get("published"))
        same = next((p for p in series.points if p.day == day and p.text == c["figure"]), None)
        if same:
            same.claims.append(c)
        else:
            series.points.append(Point(day, value, c["figure"], [c]))
    return list(by_claimant.values())


def figure_timeline(row: dict[str, Any], days: tuple[date, date] | None) -> dict[str, Any]:
    """What the page shows for one casualty row: ``{row, series, single, chart}``. ``single``
    is the one point when the row rests on one claim; ``chart`` the SVG, or None when
    no claim is dated. ``days``: the first and last report day of the event, so every
    row of an event shares one axis."""
    series = series_of(row["earlier"] + row["current"])
    points = [p for s in series for p in s.points]
    single = points[0] if len(points) == 1 else None
    chart = None if single or not days or not any(p.day for p in points) else timeline_svg(series, days, row.get("category", ""))
    return {"row": row, "series": series, "single": single, "chart": chart,
            "undated": sum(1 for p in points if p.day is None)}


def report_days(claims: list[dict[str, Any]]) -> tuple[date, date] | None:
    """The first and last publication day among ``claims``; None when none is dated."""
    dated = [d for c in claims if (d := parse_day(c.get("published")))]
    return (min(dated), max(dated)) if dated else None


def timeline_svg(series: list[Series], days: tuple[date, date], y_title: str = "") -> Markup:
    """The chart: a date axis (one tick per day, up to seven), a value axis from 0, a line and
    labelled points per claimant; points of one day are set side by side."""
    first, last = days
    span = max((last - first).days, 0) + 1  # half a day of margin at each end
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    values = [p.value for s in series for p in s.points if p.day]
    ticks = nice_ticks(max(values))
    scale = plot_h / ticks[-1]

    def x_of(day: date) -> float:
        return LEFT + ((day - first).days + 0.5) / span * plot_w

    def y_of(value: float) -> float:
        return TOP + plot_h - value * scale

    parts = [f'<svg class="chart figure-timeline" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
             f'role="img" aria-label="The figure by report date, one line per claimant" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for t in ticks:
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y_of(t):.1f}" x2="{WIDTH - RIGHT}" y2="{y_of(t):.1f}"/>'
                     f'<text class="tick y" x="{LEFT - 5}" y="{y_of(t) + 4:.1f}">{t:,g}</text>')
    base = TOP + plot_h
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}"/>')
    step = max(1, -(-span // 7))
    for i in range(0, span, step):
        day = first + timedelta(days=i)
        parts.append(f'<line class="axis" x1="{x_of(day):.1f}" y1="{base}" x2="{x_of(day):.1f}" y2="{base + 4}"/>'
                     f'<text class="tick x" x="{x_of(day):.1f}" y="{base + 17}">'
                     f'{escape(day_label(day, with_year=i == 0))}</text>')
    parts.append(f'<text class="axis-title" x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 4}">date of the report</text>')
    if y_title:
        parts.append(f'<text class="axis-title" transform="translate(12,{TOP + plot_h / 2:.0f}) rotate(-90)">'
                     f'{escape(y_title)}</text>')
    # points of one day sit side by side, so claimants that agree stay visible
    same_day: dict[date, list[tuple[Series, Point]]] = {}
    for s in series:
        for p in s.points:
            if p.day:
                same_day.setdefault(p.day, []).append((s, p))
    where: dict[int, tuple[float, float]] = {}
    for day, group in same_day.items():
        for k, (s, p) in enumerate(group):
            where[id(p)] = (x_of(day) + (k - (len(group) - 1) / 2) * 9, y_of(p.value))
    for s in series:
        line = [where[id(p)] for p in s.points if p.day]
        if len(line) > 1:
            parts.append(f'<polyline class="series-line series-{s.colour}" '
                         f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in line)}"/>')
    taken: list[tuple[float, float, float, float]] = []
    for s in series:
        for p in s.points:
            if not p.day:
                continue
            x, y = where[id(p)]
            tip = escape(f"{p.text} — {s.claimant}, {p.day.isoformat()} {p.refs}".strip())
            parts.append(f'<a href="{escape(p.href)}"><circle class="point series-{s.colour}" cx="{x:.1f}" '
                         f'cy="{y:.1f}" r="4.5"><title>{tip}</title></circle></a>')
            lx, ly, anchor = _value_spot(x, y, p.text, taken)
            parts.append(f'<text class="value series-{s.colour}" x="{lx:.1f}" y="{ly:.1f}" '
                         f'text-anchor="{anchor}">{escape(p.text)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _value_spot(x: float, y: float, text: str, taken: list) -> tuple[float, float, str]:
    """Above, below, right or left of a point: the first place no earlier value's box covers."""
    width, tall = 6.4 * len(text) + 2, 12
    spots = [(x, y - 8, "middle"), (x, y + 17, "middle"), (x + 8, y + 4, "start"), (x - 8, y + 4, "end"),
             (x, y - 20, "middle"), (x, y + 29, "middle")]
    for lx, ly, anchor in spots:
        left = lx if anchor == "start" else lx - width if anchor == "end" else lx - width / 2
        box = (left, ly - tall + 2, left + width, ly + 2)
        inside = box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT - BOTTOM + 12
        if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            taken.append(box)
            return lx, ly, anchor
    return spots[0]
