"""The overview map: one linked circle per event, sized by fatalities, names escaped."""

from __future__ import annotations

import re

from newsfuse.store.overview import MapPoint
from newsfuse.web.mapsvg import MARK_MAX, MARK_MIN, largest_radius, mark_radius, overview_map_svg


def _point(n: int, dead: int | None, lat: float = 42.0, lon: float = 74.0, title: str = "t") -> MapPoint:
    return MapPoint(f"ev-{n:012d}", title, "2024-05-14", dead, f"Place {n}", lat, lon)


def test_circle_area_grows_with_fatalities():
    assert mark_radius(None, 100) == MARK_MIN and mark_radius(0, 100) == MARK_MIN
    assert mark_radius(100, 100) == MARK_MAX
    small, large = mark_radius(25, 100), mark_radius(100, 100)
    assert MARK_MIN < small < large


def test_circles_shrink_on_a_crowded_map():
    assert largest_radius(3) == MARK_MAX
    assert MARK_MIN < largest_radius(2000) < largest_radius(200) < MARK_MAX


def test_one_linked_circle_per_event_largest_drawn_first():
    points = [_point(1, 3), _point(2, 40, 40.5, 72.8), _point(3, None, 40.1, 70.6),
              _point(4, 0, 37.9, -1.1, title="<script>alert(1)</script>")]
    svg = str(overview_map_svg(points))
    marks = re.findall(r'<a href="/events/(ev-\d+)"><circle class="event-mark[^"]*" cx="[\d.]+" cy="[\d.]+" r="([\d.]+)"', svg)
    assert [m[0] for m in marks] == ["ev-000000000002", "ev-000000000001", "ev-000000000003", "ev-000000000004"]
    assert float(marks[0][1]) == MARK_MAX
    assert svg.count('class="event-mark no-deaths" cx') == 3  # two events and the legend's example
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'class="land' in svg and "killed" in svg  # outlines and the size legend


def test_no_points_no_map():
    assert overview_map_svg([]) is None
