"""Incidents survive the store: what goes in as JSON comes back equal."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from newsfuse.cluster.features import ReportKey
from newsfuse.cluster.incidents import Incident, IncidentClusterer
from newsfuse.cluster.state import IncidentTime, MemoryState, incident_from_dict, incident_to_dict


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


def test_an_incident_time_round_trips_through_its_column():
    incident = Incident(days=Counter({date(2031, 1, 2): 1}), anchor=date(2031, 1, 2), first_report=date(2031, 1, 3),
                        years={2031})
    time = IncidentTime.of(incident)
    assert IncidentTime.decode(time.encode()) == time == IncidentTime(date(2031, 1, 2), date(2031, 1, 3), frozenset({2031}))
    assert IncidentTime.decode(IncidentTime.of(Incident()).encode()) == IncidentTime(None, None, frozenset())


class _CountingState(MemoryState):
    """A state that, like the stored one, knows its incidents' times and counts what is loaded."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[int] = []

    def times(self, numbers):
        return {n: IncidentTime.of(i) for n in numbers if (i := self.incidents.get(n)) is not None}

    def load(self, numbers):
        self.loaded.extend(numbers)


def test_candidates_of_another_day_are_left_aside_unloaded():
    clusterer = IncidentClusterer(state=_CountingState())

    def report(day: date) -> ReportKey:
        return ReportKey(vector={"flood": 1.0}, places={7}, incident_day=day, lead_days={day}, report_day=day)

    long_ago = clusterer.add(0, report(date(2031, 1, 2)))
    clusterer.state.loaded.clear()
    today = report(date(2030, 6, 1))  # before it: neither the same days nor a follow-up
    assert clusterer.candidates(today) == [] and clusterer.state.loaded == []
    assert clusterer.candidates(report(date(2031, 1, 3))) == [long_ago]  # the same days: a candidate, loaded
    assert clusterer.state.loaded == [long_ago]
