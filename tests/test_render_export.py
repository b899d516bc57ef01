"""render/export: the GeoJSON export draws only the located places where events happened."""

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
    assert [f["properties"]["place"] for f in features] == ["Dayton"]  # not the capital, not the unlocated park
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [-84.19, 39.76]}


def test_an_event_with_only_mentioned_places_draws_nothing():
    capital = {"name": "Columbus", "lat": 39.96, "lon": -83.0, "role": "mentioned", "precision": "town"}
    assert json.loads(to_geojson([_record([capital])]))["features"] == []


def test_geojson_properties_say_what_and_how_deadly():
    town = {"name": "Dayton", "lat": 39.76, "lon": -84.19, "role": "event", "precision": "town", "country": "US"}
    record = dict(_record([town]), fatalities=2)
    (feature,) = json.loads(to_geojson([record]))["features"]
    props = feature["properties"]
    assert (props["event_id"], props["event_title"], props["date_start"], props["fatalities"]) == \
        ("ev-1", "Two hurt in a fictional shooting", "2024-05-04", 2)


def test_demo_geojson_is_valid_and_only_event_places(built_demo):
    from newsfuse.render.export import export
    from newsfuse.render.record import iter_records
    from newsfuse.store import open_store

    store = open_store(built_demo, readonly=True)
    try:
        records = list(iter_records(store))
    finally:
        store.close()
    data = json.loads(export(records, "geojson"))
    assert set(data) == {"type", "features"} and data["type"] == "FeatureCollection"
    assert data["features"]
    for f in data["features"]:  # RFC 7946: a Feature with a Point of [longitude, latitude]
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        record = next(r for r in records if r["id"] == f["properties"]["event_id"])
        place = next(x for x in record["locations"] if x["name"] == f["properties"]["place"])
        assert place["role"] == "event" and (place["lon"], place["lat"]) == (lon, lat)
        assert f["properties"]["fatalities"] == record["fatalities"]
    located = sum(1 for r in records for x in r["locations"] if x["role"] == "event" and x["lat"] is not None)
    assert len(data["features"]) == located


def test_streamed_json_and_markdown_read_as_before():
    from newsfuse.render.export import export, event_markdown

    records = [dict(_record([]), brief=[], casualties=[], actors=[], claims=[], figures=[], fatalities=None,
                    articles=[{"id": "a", "source": "example", "title": "T", "url": None, "published": None}]),
               dict(_record([]), id="ev-2", title="Line\nbreak \"quoted\"", brief=[], casualties=[], actors=[],
                    claims=[], figures=[], fatalities=None, articles=[])]
    assert export(records, "json") == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    assert export([], "json") == "[]\n"
    assert export(records, "md") == "# newsfuse events\n\n" + "\n".join(event_markdown(r) for r in records)
