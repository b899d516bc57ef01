"""The overview's reads: map points and per-day counts, through the listing's filters."""

from newsfuse.models import Article, Event, EventDate, Location
from newsfuse.store.search import EventQuery


def _event(n: int, day: str | None, dead: int | None, places: list[Location], kind: str = "Battles") -> Event:
    return Event(f"ev-{n:012d}", f"event {n}", kind, EventDate(day, day, "day" if day else "unknown"), ["a"],
                 locations=places, fatalities=dead)


def _place(name: str, lat: float | None, lon: float | None, role: str = "event") -> Location:
    return Location(name, country="KG", lat=lat, lon=lon, precision="town", role=role)


def _stored(fresh_store, events: list[Event]):
    fresh_store.add_articles([Article(id="a", path="a.txt", source="s", title="t", url=None, published=None,
                                      language="en", text="words")])
    fresh_store.replace_events(events)
    return fresh_store


def test_points_are_the_event_places_most_deadly_first(fresh_store):
    store = _stored(fresh_store, [
        _event(1, "2024-05-01", 3, [_place("Bishkek", 42.87, 74.59, role="mentioned"), _place("Batken", 40.06, 70.82)]),
        _event(2, "2024-05-01", 40, [_place("Osh", 40.53, 72.8)]),
        _event(3, "2024-05-03", None, [_place("Isfara", 40.12, 70.63)]),
        _event(4, "2024-05-03", 9, [_place("Somewhere", None, None), _place("Talas", 42.52, 72.24, role="mentioned")]),
    ])
    result = store.event_overview(EventQuery())
    assert [p.place for p in result.points] == ["Osh", "Batken", "Isfara"]  # a place only named does not locate
    assert result.points[0].fatalities == 40 and result.points[2].fatalities is None
    assert (result.total, result.located) == (4, 3)
    assert [(d.day, d.events, d.fatalities) for d in result.days] == [("2024-05-01", 2, 43), ("2024-05-03", 2, 9)]


def test_the_limit_keeps_the_largest_and_says_how_many_were_located(fresh_store):
    store = _stored(fresh_store, [_event(n, "2024-05-01", n, [_place(f"P{n}", 40.0, 70.0 + n / 10)])
                                  for n in range(1, 8)])
    result = store.event_overview(EventQuery(), limit=3)
    assert [p.fatalities for p in result.points] == [7, 6, 5]
    assert result.located == 7 and result.total == 7


def test_the_filters_apply_and_undated_events_are_counted_last(fresh_store):
    store = _stored(fresh_store, [
        _event(1, "2024-05-01", 3, [_place("Batken", 40.06, 70.82)]),
        _event(2, None, 5, [_place("Osh", 40.53, 72.8)], kind="Protests"),
        _event(3, "2024-06-01", 1, [_place("Isfara", 40.12, 70.63)], kind="Protests"),
    ])
    protests = store.event_overview(EventQuery(event_type="protests"))
    assert [p.place for p in protests.points] == ["Osh", "Isfara"]
    assert [(d.day, d.events) for d in protests.days] == [("2024-06-01", 1), (None, 1)]
    june = store.event_overview(EventQuery(date_from="2024-05-15"))
    assert [p.place for p in june.points] == ["Isfara"] and june.total == 1
    assert store.event_overview(EventQuery(q="nothing-matches-this")).points == []
