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
    w, s, e, n = frame(points)
    kx = math.cos(math.radians(max(min((s + n) / 2, 80), -80)))
    aspect = (n - s) / max((e - w) * kx, 1e-9)
    if aspect < 0.55:  # widen the short side so the map is never a sliver
        grow = (0.55 * (e - w) * kx - (n - s)) / 2
        s, n = s - grow, n + grow
    elif aspect > 0.9:
        grow = ((n - s) / 0.9 / kx - (e - w)) / 2
        w, e = w - grow, e + grow
    scale = WIDTH / ((e - w) * kx)
    height = round((n - s) * scale)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - w) * kx * scale, (n - lat) * scale

    event_countries = {p.get("country") for p in points if p.get("role") == "event"}
    parts = [f'<svg class="map" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
             f'aria-label="Map of the event\'s places" xmlns="http://www.w3.org/2000/svg">',
             f'<rect class="sea" x="0" y="0" width="{WIDTH}" height="{height}"/>']
    labels = []
    for iso2, name, (bw, bs, be, bn), rings in country_shapes():
        if be < w or bw > e or bn < s or bs > n:
            continue
        d = "".join(_path(r, project) for r in rings)
        cls = "land involved" if iso2 in event_countries else "land"
        parts.append(f'<path class="{cls}" fill-rule="evenodd" d="{d}"><title>{escape(name)}</title></path>')
        labels.append((name, rings))
    parts += _graticule(w, s, e, n, project, height)
    for name, rings in labels:  # a country's name where its border runs inside the frame
        inside = [project(x, y) for r in rings for x, y in r if w < x < e and s < y < n]
        xs, ys = [x for x, _ in inside], [y for _, y in inside]
        if len(inside) >= 4 and max(xs) - min(xs) > 120 and max(ys) - min(ys) > 60:
            parts.append(f'<text class="country-label" x="{sum(xs) / len(xs):.0f}" y="{sum(ys) / len(ys):.0f}">'
                         f'{escape(name)}</text>')
    taken: list[tuple[float, float, float, float]] = []
    for p in sorted(points, key=lambda p: p.get("role") == "event"):  # where it happened drawn on top
        parts.append(_marker(p, project, height, taken))
    parts.append(_scale_bar(w, e, kx, scale, height))
    parts.append("</svg>")
    return Markup("".join(parts))


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
