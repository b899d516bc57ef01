"""An event's places on a map drawn on the server as inline SVG.

Country outlines come from the installed ``countryinfo`` package (its per-country
GeoJSON), read at run time: no tile server, no CDN, no JavaScript. The frame fits
the places where the event happened; places far from it (a capital that spoke, a
country's centre point) keep a marker pinned to the edge, pointing their way, so
every geocoded place has exactly one marker.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

WIDTH = 640
FINE = ("town", "district", "province")
Ring = list[tuple[float, float]]


@lru_cache(maxsize=1)
def country_shapes() -> tuple[tuple[str, str, tuple[float, float, float, float], tuple[Ring, ...]], ...]:
    """(iso2, name, bbox, rings) for every country the package ships a border for."""
    try:
        from countryinfo import CountryInfo

        countries = CountryInfo.all()
    except Exception:  # the map still shows the places without outlines
        return ()
    shapes = []
    for data in countries.values():
        rings: list[Ring] = []
        for feature in (data.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates", [])
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            elif geometry.get("type") != "MultiPolygon":
                continue
            for polygon in polygons:
                rings += [[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon if len(ring) > 2]
        if not rings:
            continue
        xs = [x for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        iso2 = (data.get("ISO") or {}).get("alpha2") or ""
        shapes.append((iso2, data.get("name", ""), (min(xs), min(ys), max(xs), max(ys)), tuple(rings)))
    return tuple(shapes)


def geocoded(locations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [x for x in locations if x.get("lat") is not None and x.get("lon") is not None]


def frame(points: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """(west, south, east, north): the event's own places, then nearby others, plus a margin."""
    focus = ([p for p in points if p.get("role") == "event" and p.get("precision") in FINE]
             or [p for p in points if p.get("precision") in FINE]
             or [p for p in points if p.get("precision") != "region"] or points)
    w, e = min(p["lon"] for p in focus), max(p["lon"] for p in focus)
    s, n = min(p["lat"] for p in focus), max(p["lat"] for p in focus)
    limit = max(3 * max(e - w, n - s), 6.0)
    cx, cy = (w + e) / 2, (s + n) / 2
    for p in sorted((p for p in points if p not in focus), key=lambda p: math.hypot(p["lon"] - cx, p["lat"] - cy)):
        w2, e2, s2, n2 = min(w, p["lon"]), max(e, p["lon"]), min(s, p["lat"]), max(n, p["lat"])
        if max(e2 - w2, n2 - s2) <= limit:
            w, e, s, n = w2, e2, s2, n2
    pad = max(e - w, n - s, 0.8) * 0.25
    return w - pad, s - pad, e + pad, n + pad


def _path(ring: Ring, project) -> str:
    """SVG path data for one ring, dropping points under half a pixel apart."""
    out, last = [], None
    for lon, lat in ring:
        x, y = project(lon, lat)
        if last and abs(x - last[0]) < 0.5 and abs(y - last[1]) < 0.5:
            continue
        out.append(f"{x:.1f},{y:.1f}")
        last = (x, y)
    return "M" + "L".join(out) + "Z" if len(out) > 2 else ""


def map_svg(locations: list[dict[str, Any]]) -> Markup | None:
    """The SVG map for an event's locations, or None when none has coordinates."""
    points = geocoded(locations)
    if not points:
        return None
    view = View(*frame(points))
    event_countries = {p.get("country") for p in points if p.get("role") == "event"}
    parts = [f'<svg class="map" viewBox="0 0 {WIDTH} {view.height}" width="{WIDTH}" height="{view.height}" role="img" '
             f'aria-label="Map of the event\'s places" xmlns="http://www.w3.org/2000/svg">']
    parts += _background(view, event_countries)
    taken: list[tuple[float, float, float, float]] = []
    for p in sorted(points, key=lambda p: p.get("role") == "event"):  # where it happened drawn on top
        parts.append(_marker(p, view.project, view.height, taken))
    parts.append(_scale_bar(view.w, view.e, view.kx, view.scale, view.height))
    parts.append("</svg>")
    return Markup("".join(parts))


class View:
    """The frame (west, south, east, north), widened so the map is never a sliver, and
    its projection (equirectangular, stretched by the cosine of the middle latitude)."""

    def __init__(self, w: float, s: float, e: float, n: float):
        kx = math.cos(math.radians(max(min((s + n) / 2, 80), -80)))
        aspect = (n - s) / max((e - w) * kx, 1e-9)
        if aspect < 0.55:  # widen the short side so the map is never a sliver
            grow = (0.55 * (e - w) * kx - (n - s)) / 2
            s, n = s - grow, n + grow
        elif aspect > 0.9:
            grow = ((n - s) / 0.9 / kx - (e - w)) / 2
            w, e = w - grow, e + grow
        self.w, self.s, self.e, self.n, self.kx = w, s, e, n, kx
        self.scale = WIDTH / ((e - w) * kx)
        self.height = round((n - s) * self.scale)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.w) * self.kx * self.scale, (self.n - lat) * self.scale


def _background(view: View, highlighted: set[str | None]) -> list[str]:
    """Sea, the countries in the frame (``highlighted`` ones shaded), graticule and country names."""
    w, s, e, n, project = view.w, view.s, view.e, view.n, view.project
    parts = [f'<rect class="sea" x="0" y="0" width="{WIDTH}" height="{view.height}"/>']
    labels = []
    for iso2, name, (bw, bs, be, bn), rings in country_shapes():
        if be < w or bw > e or bn < s or bs > n:
            continue
        d = "".join(_path(r, project) for r in rings)
        cls = "land involved" if iso2 in highlighted else "land"
        parts.append(f'<path class="{cls}" fill-rule="evenodd" d="{d}"><title>{escape(name)}</title></path>')
        labels.append((name, rings))
    parts += _graticule(w, s, e, n, project, view.height)
    for name, rings in labels:  # a country's name where its border runs inside the frame
        inside = [project(x, y) for r in rings for x, y in r if w < x < e and s < y < n]
        xs, ys = [x for x, _ in inside], [y for _, y in inside]
        if len(inside) >= 4 and max(xs) - min(xs) > 120 and max(ys) - min(ys) > 60:
            parts.append(f'<text class="country-label" x="{sum(xs) / len(xs):.0f}" y="{sum(ys) / len(ys):.0f}">'
                         f'{escape(name)}</text>')
    return parts


def _label_spot(x: float, y: float, r: float, text: str, taken: list) -> tuple[float, float, str]:
    """Right, left, above or below the marker: the first spot whose box overlaps no earlier label."""
    width, tall = 6.2 * len(text) + 4, 13
    spots = [(x + r + 3, y + 4, "start"), (x - r - 3, y + 4, "end"),
             (x, y - r - 4, "middle"), (x, y + r + 12, "middle")]
    for lx, ly, anchor in spots:
        left = lx if anchor == "start" else lx - width if anchor == "end" else lx - width / 2
        box = (left, ly - tall + 3, left + width, ly + 3)
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            taken.append(box)
            return lx, ly, anchor
    return spots[0]


def _marker(p: dict[str, Any], project, height: int, taken: list) -> str:
    x, y = project(p["lon"], p["lat"])
    name = escape(p["name"])
    tip = escape(f"{p['name']} · {p.get('precision')} · {p.get('role')} · {p['lat']:.3f}, {p['lon']:.3f}")
    role = "event" if p.get("role") == "event" else "mentioned"
    inside = 4 <= x <= WIDTH - 4 and 4 <= y <= height - 4
    if inside:
        r = 6 if role == "event" else 4
        lx, ly, anchor = _label_spot(x, y, r, p["name"], taken)
        return (f'<g class="marker role-{role}" data-place="{name}"><title>{tip}</title>'
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}"/>'
                f'<text class="place-label" text-anchor="{anchor}" x="{lx:.1f}" y="{ly:.1f}">{name}</text></g>')
    cx, cy = min(max(x, 10), WIDTH - 10), min(max(y, 10), height - 10)
    angle = math.degrees(math.atan2(y - cy, x - cx))
    anchor = "end" if cx > WIDTH / 2 else "start"
    dx = -12 if anchor == "end" else 12
    return (f'<g class="marker offmap role-{role}" data-place="{name}"><title>{tip} (outside this map)</title>'
            f'<path d="M8,0L-5,-6L-5,6Z" transform="translate({cx:.1f},{cy:.1f}) rotate({angle:.0f})"/>'
            f'<text class="place-label" text-anchor="{anchor}" x="{cx + dx:.1f}" y="{cy + 4:.1f}">{name} →</text></g>')


def _graticule(w: float, s: float, e: float, n: float, project, height: int) -> list[str]:
    span = max(e - w, n - s)
    step = next(st for st in (0.5, 1, 2, 5, 10, 20, 30, 60) if span / st <= 8)
    out = []
    lon = math.ceil(w / step) * step
    while lon <= e:
        x, _ = project(lon, n)
        out.append(f'<line class="grid" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}"/>'
                   f'<text class="grid-label" x="{x + 2:.1f}" y="{height - 4}">{lon:g}°{"E" if lon >= 0 else "W"}</text>')
        lon += step
    lat = math.ceil(s / step) * step
    while lat <= n:
        _, y = project(w, lat)
        out.append(f'<line class="grid" x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}"/>'
                   f'<text class="grid-label" x="2" y="{y - 2:.1f}">{abs(lat):g}°{"N" if lat >= 0 else "S"}</text>')
        lat += step
    return out


def _scale_bar(w: float, e: float, kx: float, scale: float, height: int) -> str:
    """A bar of a round number of kilometres, about a fifth of the map wide."""
    km_per_px = 111.32 / scale
    target = WIDTH / 5 * km_per_px
    km = next((k for k in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000) if k >= target * 0.6), 5000)
    px = km / km_per_px
    x0, y0 = WIDTH - px - 14, height - 14
    return (f'<g class="scale"><line x1="{x0:.1f}" y1="{y0}" x2="{x0 + px:.1f}" y2="{y0}"/>'
            f'<text x="{x0 + px / 2:.1f}" y="{y0 - 5}" text-anchor="middle">{km} km</text></g>')


MARK_MIN, MARK_MAX = 3.5, 22.0  # circle radii (px) for the fewest and the most fatalities
LABELLED = 8  # the most deadly events get their place's name beside the circle, where it fits


def largest_radius(count: int) -> float:
    """MARK_MAX for a few dozen events, smaller for many, so a crowded map stays legible."""
    return max(MARK_MAX * min(1.0, math.sqrt(40 / max(count, 1))), 7.0)


def mark_radius(fatalities: int | None, most: int, largest: float = MARK_MAX) -> float:
    """Circle area grows with fatalities (radius with the square root), the most at ``largest``."""
    if not fatalities or most <= 0:
        return MARK_MIN
    return MARK_MIN + (largest - MARK_MIN) * math.sqrt(fatalities / most)


def overview_frame(points: list[Any]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around every point, with a margin; at least a few degrees wide."""
    w, e = min(p.lon for p in points), max(p.lon for p in points)
    s, n = max(min(p.lat for p in points), -70.0), min(max(p.lat for p in points), 80.0)
    pad = max(e - w, n - s, 4.0) * 0.15
    return max(w - pad, -180.0), max(s - pad, -75.0), min(e + pad, 180.0), min(n + pad, 84.0)


def overview_map_svg(points: list[Any]) -> Markup | None:
    """All ``points`` (:class:`newsfuse.store.overview.MapPoint`) on one map, one circle
    per event sized by its fatalities and linked to its page; None without points."""
    if not points:
        return None
    view = View(*overview_frame(points))
    most = max((p.fatalities or 0) for p in points)
    largest = largest_radius(len(points))
    parts = [f'<svg class="map overview-map" viewBox="0 0 {WIDTH} {view.height}" width="{WIDTH}" '
             f'height="{view.height}" role="img" aria-label="Map of the events, circles sized by fatalities" '
             f'xmlns="http://www.w3.org/2000/svg">']
    parts += _background(view, set())
    marks = sorted(points, key=lambda p: -(p.fatalities or 0))  # the largest drawn first, small ones on top
    taken: list[tuple[float, float, float, float]] = []
    labels = []
    for rank, p in enumerate(marks):
        x, y = view.project(p.lon, p.lat)
        r = mark_radius(p.fatalities, most, largest)
        dead = "fatalities unknown" if p.fatalities is None else f"{p.fatalities:,} killed"
        tip = escape(f"{p.title} · {p.date or 'date unknown'} · {p.place} · {dead}")
        cls = "event-mark" + (" no-deaths" if not p.fatalities else "")
        parts.append(f'<a href="/events/{escape(p.event_id)}"><circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" '
                     f'r="{r:.1f}"><title>{tip}</title></circle></a>')
        if rank < LABELLED:
            before = len(taken)
            lx, ly, anchor = _label_spot(x, y, r, p.place, taken)
            if len(taken) > before:  # a free spot was found; a crowded label is left out
                labels.append(f'<text class="place-label" text-anchor="{anchor}" x="{lx:.1f}" y="{ly:.1f}">'
                              f'{escape(p.place)}</text>')
    parts += labels
    parts.append(_size_legend(most, largest, view.height))
    parts.append(_scale_bar(view.w, view.e, view.kx, view.scale, view.height))
    parts.append("</svg>")
    return Markup("".join(parts))


def _size_legend(most: int, largest: float, height: int) -> str:
    """Example circles in the bottom-left corner: the most fatalities shown, round values
    below it, and the hollow circle of an event with none (or none known)."""
    values = [most] if most > 0 else []
    for v in (100_000, 10_000, 1_000, 100, 10, 1):
        if values and v * 4 <= values[-1] and len(values) < 3:
            values.append(v)
    tallest = 2 * (largest if most else MARK_MIN)
    base = height - 18  # circles sit on this line, their numbers below it
    items, x = [], 12.0
    for v, cls in [(v, "event-mark") for v in values] + [(0, "event-mark no-deaths")]:
        r = mark_radius(v, most, largest)
        items.append(f'<circle class="{cls}" cx="{x + r:.1f}" cy="{base - r:.1f}" r="{r:.1f}"/>'
                     f'<text x="{x + r:.1f}" y="{base + 12}" text-anchor="middle">{f"{v:,}" if v else "none"}</text>')
        x += 2 * r + 16
    top = base - tallest - 18
    return (f'<g class="size-legend"><rect x="4" y="{top:.1f}" width="{x:.0f}" height="{height - 2 - top:.1f}"/>'
            f'<text class="legend-title" x="10" y="{top + 13:.1f}">killed</text>{"".join(items)}</g>')
