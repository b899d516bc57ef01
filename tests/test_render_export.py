"""render/export: the GeoJSON export draws only where events happened."""

from __future__ import annotations

import json

from newsfuse.render.export import to_geojson


def _record(locations):
    return {"id": "ev-1", "title": "Two hurt in a fictional shooting", "event_type": "Violence against civilians",
            "date": {"start": "2024-05-04", "end": "2024-05-04", "precision": "day"},
            "articles": [{"id": "a", "source": "example"}], "locations": locations}


def test_only_event_places_become_features():
    town = {"name": "Dayton", "lat": 39.76, "lon": -84.19, "role": "event", "precision": "town", "spans": [{}]}
    capital = {"name": "Columbus", "lat": 39.96, "lon": -83.0, "role": "mentioned", "precision": "town"}
    unplaced = {"name": "Riverside Park", "lat": None, "lon": None, "role": "event", "precision": "unknown"}
    features = json.loads(to_geojson([_record([town, capital, unplaced])]))["features"]
    assert [f["properties"]["place"] for f in features] == ["Dayton", "Riverside Park"]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [-84.19, 39.76]}
    assert features[1]["geometry"] is None  # where it happened, not located: kept without a point


def test_an_event_with_only_mentioned_places_draws_nothing():
    capital = {"name": "Columbus", "lat": 39.96, "lon": -83.0, "role": "mentioned", "precision": "town"}
    assert json.loads(to_geojson([_record([capital])]))["features"] == []
