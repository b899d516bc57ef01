"""``newsfuse bench geo`` on a tiny fictional file, and its metrics."""

from __future__ import annotations

import json

import pytest

from newsfuse.bench import TASKS, run_task
from newsfuse.bench.geo import geo_metrics
from newsfuse.models import PlaceMention

TEXT = "Heavy rain flooded streets in Toronto on Monday, and officials in Ottawa said more storms were coming."


def _gold(text, name, lat, lon):
    start = text.index(name)
    return {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon}


def test_registered():
    assert TASKS["geo"] == "newsfuse.bench.geo"


def test_metrics_exact_span_and_distance():
    gold = [[_gold(TEXT, "Toronto", 43.70, -79.42), _gold(TEXT, "Ottawa", 45.41, -75.70)]]
    t = gold[0][0]
    pred = [[PlaceMention(t["start"], t["end"], "Toronto", lat=43.70, lon=-79.42),
             PlaceMention(0, 5, "Heavy", lat=0.0, lon=0.0)]]
    m = geo_metrics(pred, gold)
    assert m["precision"] == 0.5 and m["recall"] == 0.5 and m["f1"] == 0.5
    assert m["acc_161km"] == 1.0 and m["median_km"] == pytest.approx(0, abs=0.01)
    far = [[PlaceMention(t["start"], t["end"], "Toronto", lat=51.5, lon=-0.12)]]
    m = geo_metrics(far, gold)
    assert m["acc_161km"] == 0.0 and m["median_km"] > 5000


def test_run_end_to_end(tmp_path):
    data = tmp_path / "geo.jsonl"
    docs = [{"id": "d1", "text": TEXT, "toponyms": [_gold(TEXT, "Toronto", 43.70, -79.42),
                                                    _gold(TEXT, "Ottawa", 45.41, -75.70)]}]
    data.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    preds = tmp_path / "pred.jsonl"
    report = run_task("geo", data, predictions=preds)
    assert report.items == 1
    assert report.metrics["f1"] == 1.0
    assert report.metrics["acc_161km"] == 1.0
    line = json.loads(preds.read_text().splitlines()[0])
    assert line["id"] == "d1"
    for t in line["toponyms"]:
        assert TEXT[t["start"]:t["end"]] == t["name"]


def test_country_acc_counts_a_country_right_when_the_gold_point_lies_inside_it():
    from newsfuse.geo.coherence import country_at
    from newsfuse.geo.gazetteer import get_gazetteer

    gz = get_gazetteer()
    us = PlaceMention(0, 2, "US", country="US", lat=38.0, lon=-97.0, precision="country")
    france = PlaceMention(10, 16, "France", country="FR", lat=46.0, lon=2.0, precision="country")
    gold = [{"start": 0, "end": 2, "lat": 39.76, "lon": -98.5}, {"start": 10, "end": 16, "lat": 51.5, "lon": 10.5}]
    m = geo_metrics([[us, france]], [gold], country_of=lambda lat, lon: country_at(gz, lat, lon))
    assert m["country_matched"] == 2 and m["country_acc"] == 0.5  # the US point is inside; France's gold is Germany
