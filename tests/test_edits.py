"""Corrections as data: checked before they are stored, applied to records as absolute values."""

from __future__ import annotations

import json

import pytest

from newsfuse.edits import EVENT_TYPES, Edit, EditError, apply_edits, check, placement_pins
from newsfuse.models import Event, EventDate, Location, Total
from newsfuse.render.record import schema


def _event() -> Event:
    return Event("ev-000000000001", "Clash at Port Alder", "Battles", EventDate("2031-05-02", "2031-05-02", "day", "text"),
                 ["a", "b"], locations=[Location("Port Alder", country="XX", lat=1.0, lon=2.0, role="event")],
                 fatalities=3, totals=[Total("fatalities", 3, "stated", ["c1"])])


def test_record_corrections_are_applied_in_log_order_and_listed():
    edits = [Edit("figure", "ev-1", {"category": "killed", "value": 5}, reason="final count", seq=2),
             Edit("place", "ev-1", {"name": "Brenmouth", "country": "XX", "lat": 3.0, "lon": 4.0}, seq=1),
             Edit("date", "ev-1", {"start": "2031-05-01"}, seq=3),
             Edit("type", "ev-1", {"event_type": "Riots"}, seq=4)]
    event = apply_edits(_event(), edits)
    assert event.fatalities == 5 and event.totals == [Total("fatalities", 5, "edited by hand: final count", [])]
    assert [(x.name, x.role) for x in event.locations] == [("Brenmouth", "event"), ("Port Alder", "mentioned")]
    assert (event.date.start, event.date.end, event.date.basis) == ("2031-05-01", "2031-05-01", "edited")
    assert event.event_type == "Riots"
    assert [e["seq"] for e in event.edits] == [1, 2, 3, 4]
    assert event.edits[1]["text"] == "killed set to 5: final count"


def test_applying_the_same_corrections_twice_changes_nothing():
    edits = [Edit("place", "ev-1", {"name": "Brenmouth", "lat": 3.0, "lon": 4.0}, seq=1),
             Edit("figure", "ev-1", {"category": "injured", "value": 2, "claim_id": "c9"}, seq=2)]
    once = apply_edits(_event(), edits).to_dict()
    assert apply_edits(Event.from_dict(json.loads(json.dumps(once))), edits).to_dict() == once


@pytest.mark.parametrize("edit, message", [
    (Edit("date", "e", {"start": "2031-13-01"}), "ISO date"),
    (Edit("date", "e", {"start": "2031-05-02", "end": "2031-05-01"}), "before"),
    (Edit("figure", "e", {"category": "killed", "value": 4}), "reason"),
    (Edit("figure", "e", {"category": "killed", "value": -1}, reason="r"), "whole number"),
    (Edit("figure", "e", {"category": "age", "value": 4}, reason="r"), "must be one of"),
    (Edit("type", "e", {"event_type": "Skirmish"}), "must be one of"),
    (Edit("place", "e", {"name": "X", "lat": 1.0}), "both"),
    (Edit("rename", "e", {}), "unknown correction"),
])
def test_bad_corrections_are_refused_with_a_reason(edit, message):
    with pytest.raises(EditError, match=message):
        check(edit)


def test_the_types_a_correction_may_set_are_the_records_types():
    assert set(EVENT_TYPES) == set(schema()["properties"]["event_type"]["enum"]) - {None}


def test_a_merge_pins_both_events_reports_and_those_pinned_to_them_to_one_anchor():
    pins = placement_pins(Edit("merge", "A", {"merged": "B"}), {"A": ["a1", "a2"], "B": ["b1", "b2"]}, {"x": "b2"})
    assert pins == {"a1": "a1", "a2": "a1", "b1": "a1", "b2": "a1", "x": "a1"}


def test_a_report_moved_away_leaves_the_others_together_and_those_anchored_on_it_behind():
    pins = placement_pins(Edit("move", "A", {"article": "a1", "to": None}), {"A": ["a1", "a2", "a3"]},
                          {"a1": "a1", "a2": "a1", "a3": "a1"})
    assert pins == {"a1": "a1", "a2": "a2", "a3": "a2"}  # a2 now anchors the reports that stay
    assert placement_pins(Edit("move", "A", {"article": "a3", "to": "B"}), {"A": ["a1", "a2", "a3"], "B": ["b1"]},
                          {}) == {"a3": "b1", "a2": "a1"}
