"""Incidents survive the store: what goes in as JSON comes back equal."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from newsfuse.cluster.incidents import Incident
from newsfuse.cluster.state import MemoryState, incident_from_dict, incident_to_dict


def test_an_incident_round_trips_through_json():
    incident = Incident(members=[3, 1], centroid={"flood": 0.5}, entities=Counter({"port alder": 2}),
                        names={"doe"}, ages={23}, figures={2.0}, places={5}, points=[(1.0, 2.0)],
                        regions={("XX", "North")}, days=Counter({date(2031, 1, 2): 2}), anchor=date(2031, 1, 2),
                        streets={"elm"}, years={2031})
    back = incident_from_dict(json.loads(json.dumps(incident_to_dict(incident))))
    assert back == incident
    assert isinstance(back.points[0], tuple) and isinstance(next(iter(back.regions)), tuple)
    assert next(iter(back.days)) == date(2031, 1, 2)


def test_fields_an_older_store_lacks_keep_their_defaults():
    back = incident_from_dict({"members": [0], "unknown_field": 1})
    assert back.members == [0] and back.streets == set() and back.anchor is None


def test_the_memory_state_appends_a_number_once_per_posting_list():
    state = MemoryState()
    n = state.new_incident()
    state.append_posting("flood", n)
    state.append_posting("flood", n)
    assert state.posting("flood", 10) == [n]
    state.drop(n)
    assert state.incident(n) is None and state.alive() == []
