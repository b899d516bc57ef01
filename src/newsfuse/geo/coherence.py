"""Spatial coherence: the places an article names tend to lie near each other.

For each reading of each name, count how many *other* names of the article have a reading
close by ("Edmonton" and "Enfield" are both in north London; "Edmonton" and "Cairns" both in
Queensland). Readings are bucketed into one-degree cells, so the cost grows with the number of
readings, not with its square.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .gazetteer import KIND_ADMIN2, KIND_CITY, KIND_COUNTRY, Gazetteer, Place, haversine_km

CELL_DEG = 1.0


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def neighbour_counts(names: Sequence[tuple[str, Sequence[Place]]], radius_km: float = 60.0,
                     kinds: tuple[int, ...] = (KIND_CITY, KIND_ADMIN2)) -> dict[tuple[str, int], int]:
    """``{(name key, index of the reading): number of other name keys with a reading within radius_km}``.

    ``names`` holds (key, readings) pairs; a key may repeat (the same name mentioned twice) and
    counts once. Only towns and districts take part: countries and provinces are context of
    another kind.
    """
    grid: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    seen: set[tuple[str, int]] = set()
    for key, places in names:
        for p in places:
            if p.kind not in kinds or p.lat is None or p.lon is None:
                continue
            mark = (key, id(p))
            if mark in seen:
                continue
            seen.add(mark)
            grid.setdefault(_cell(p.lat, p.lon), []).append((key, p.lat, p.lon))
    if len({k for k, _ in names}) < 2:
        return {}
    out: dict[tuple[str, int], int] = {}
    done: set[str] = set()
    for key, places in names:
        if key in done:
            continue
        done.add(key)
        for n, p in enumerate(places):
            if p.kind not in kinds or p.lat is None or p.lon is None:
                continue
            ci, cj = _cell(p.lat, p.lon)
            near: set[str] = set()
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    for other, lat, lon in grid.get((ci + di, cj + dj), ()):
                        if other != key and other not in near and haversine_km(p.lat, p.lon, lat, lon) <= radius_km:
                            near.add(other)
            if near:
                out[(key, n)] = len(near)
    return out


_TOWN_GRIDS: dict[int, dict[tuple[int, int], list[int]]] = {}


def country_at(gz: Gazetteer, lat: float, lon: float, max_km: float = 100.0) -> str | None:
    """The country code of a point: that of the nearest town within ``max_km``, else of the
    nearest country point (a point at sea or in empty land). Used to score, not to resolve."""
    grid = _TOWN_GRIDS.get(id(gz))
    if grid is None:
        grid = {}
        for i, kind in enumerate(gz._kind):
            if kind == KIND_CITY and gz._cc[i]:
                grid.setdefault(_cell(gz._lat[i], gz._lon[i]), []).append(i)
        _TOWN_GRIDS[id(gz)] = grid
    best, best_km = None, max_km
    ci, cj = _cell(lat, lon)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for i in grid.get((ci + di, cj + dj), ()):
                d = haversine_km(lat, lon, gz._lat[i], gz._lon[i])
                if d < best_km:
                    best, best_km = gz._cc[i], d
    if best is not None:
        return best
    rows = [i for i, kind in enumerate(gz._kind) if kind == KIND_COUNTRY and not math.isnan(gz._lat[i])]
    return gz._cc[min(rows, key=lambda i: haversine_km(lat, lon, gz._lat[i], gz._lon[i]))] if rows else None
