"""render/record: filtered exports read the store a page at a time and miss nothing."""

from __future__ import annotations

import pytest

from newsfuse.filters import parse_event_query
from newsfuse.render.record import iter_records
from newsfuse.store import open_store


@pytest.fixture
def store(built_demo):
    s = open_store(built_demo, readonly=True)
    yield s
    s.close()


def test_pages_of_one_give_every_event_once_newest_first(store):
    whole = [r["id"] for r in iter_records(store)]
    assert len(whole) == 3 and [r["id"] for r in iter_records(store, page_size=1)] == whole
    dates = [r["date"]["start"] for r in iter_records(store, page_size=2)]
    assert dates == sorted(dates, reverse=True)


def test_only_matching_events_are_read(store, monkeypatch):
    pages = []
    query_events = store.query_events
    monkeypatch.setattr(store, "query_events", lambda q: pages.append(q.page) or query_events(q))
    records = list(iter_records(store, parse_event_query(min_fatalities="1"), page_size=1))
    assert [r["fatalities"] >= 1 for r in records] == [True, True]
    assert pages == [1, 2, 3]  # two full pages, then an empty one ends it


def test_a_query_keeps_date_order(store):
    records = list(iter_records(store, parse_event_query(q="Kyrgyz")))  # a query alone would sort by relevance
    dates = [r["date"]["start"] for r in records]
    assert len(records) >= 2 and dates == sorted(dates, reverse=True)
