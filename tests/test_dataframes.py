"""Events and claims as DataFrames (the optional pandas extra)."""

from __future__ import annotations

import sys

import pytest

import newsfuse
from newsfuse.dataframes import CLAIM_COLUMNS, EVENT_COLUMNS

from .conftest import DEMO

pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")


@pytest.fixture(scope="module")
def demo() -> newsfuse.Result:
    return newsfuse.extract_events(DEMO)


def test_one_row_per_event(demo):
    frame = newsfuse.to_dataframe(demo)
    assert list(frame.columns) == EVENT_COLUMNS and list(frame["id"]) == [e.id for e in demo.events]
    clash = frame.set_index("date_start").loc["2024-05-14"]
    assert (clash["date_end"], clash["type"], clash["country"], clash["n_reports"]) == ("2024-05-15", "Battles", "KG", 5)
    assert clash["fatalities"] == 41 and -90 <= clash["lat"] <= 90 and "Steppe Wire" in clash["sources"].split("; ")


def test_events_alone_give_no_sources_but_every_other_column(demo):
    frame = newsfuse.to_dataframe(demo.events)
    assert frame["sources"].isna().all() and frame["title"].notna().all()
    with pytest.raises(TypeError, match="a newsfuse Result or a list of Event"):
        newsfuse.to_dataframe([{"id": "ev-1"}])


def test_one_row_per_claim_with_its_outlet_and_words(demo):
    frame = newsfuse.claims_dataframe(demo)
    assert list(frame.columns) == CLAIM_COLUMNS
    assert len(frame) == sum(len(e.claims) for e in demo.events)
    for row in frame.itertuples():
        article = demo.articles[row.article_id]
        assert row.outlet == article.source
        text = article.title if row.field == "title" else article.text
        assert text[row.start:row.end] == row.quote


def test_without_pandas_the_error_says_how_to_install_it(demo, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"pip install 'newsfuse\[pandas\]'"):
        newsfuse.to_dataframe(demo)
    with pytest.raises(ImportError, match=r"newsfuse\[pandas\]"):
        demo.claims_dataframe()


def test_a_place_only_mentioned_is_never_the_row_s_location():
    """The same one-point rule as the ACLED export and the overview map (models.event_point)."""
    from dataclasses import asdict

    from newsfuse.dataframes import event_row
    from newsfuse.models import Event, EventDate, Location
    from newsfuse.render.acled import main_place

    mediator = Location("Velmora", country="XA", lat=10.0, lon=20.0, precision="town", role="mentioned")
    site = Location("Ostvale", country="XB", lat=11.0, lon=21.0, precision="town", role="event")
    event = Event(id="ev-1", title="t", event_type=None, date=EventDate("2031-05-02", "2031-05-02", "day"),
                  article_ids=[], locations=[mediator, site])
    row = event_row(event, None)
    assert (row["location"], row["country"], row["lat"]) == ("Ostvale", "XB", 11.0)
    assert main_place([asdict(x) for x in event.locations])[0]["name"] == "Ostvale"
    event.locations = [mediator]
    assert event_row(event, None)["location"] is None and main_place([asdict(mediator)])[0] is None
