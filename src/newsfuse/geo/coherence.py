"""Spatial coherence: the places an article names tend to lie near each other.

For each reading of each name, count how many *other* names of the article have a reading
close by ("Edmonton" and "Enfield" are both in north London; "Edmonton" and "Cairns" both in
Queensland). Readings are bucketed into one-degree cells, so the cost grows with the number of
readings, not with its square.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .gazetteer import KIND_ADMIN2, KIND_CITY, Place, haversine_km

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
