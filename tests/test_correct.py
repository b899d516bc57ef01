"""Corrections that last: made through the store (on each backend), kept when later runs add reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.correct import correct
from newsfuse.edits import Edit, EditError
from newsfuse.pipeline import run
from newsfuse.store import open_store

from .conftest import DEMO

DEMO_FILES = sorted(str(p) for p in DEMO.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
FEED = [f for f in DEMO_FILES if f.endswith(".jsonl")]
FILES = [f for f in DEMO_FILES if not f.endswith(".jsonl")]


@pytest.fixture()
def store(new_location):
    s = open_store(new_location())
    run(FILES, s)  # the feed comes later, after the corrections
    yield s
    s.close()


def _groups(store) -> dict[str, set[str]]:
    return {e.id: set(e.article_ids) for e in store.list_events()}


def test_moving_an_events_first_report_out_keeps_the_others_together(store):
    big = max(store.list_events(), key=lambda e: len(e.article_ids))
    done = correct(store, Edit("move", None, {"article": big.article_ids[0], "to": None}))
    assert done.event_id == big.id  # the id follows its founding report
    assert _groups(store)[done.left_in] == set(big.article_ids[1:])


def test_a_merge_holds_when_a_later_run_adds_reports(store):
    before = sorted(store.list_events(), key=lambda e: -len(e.article_ids))
    keep, other = before[0], before[1]
    done = correct(store, Edit("merge", keep.id, {"merged": other.id}, reason="one incident"))
    assert done.event_id == keep.id
    assert set(keep.article_ids) | set(other.article_ids) <= _groups(store)[keep.id]
    run(FEED, store)
    merged = store.get_event(keep.id)
    assert set(keep.article_ids) | set(other.article_ids) <= set(merged.article_ids)
    assert store.resolve_event(other.id) == keep.id
    assert [e["action"] for e in merged.edits] == ["merge"]


def test_a_report_moved_to_a_new_event_stays_apart_after_a_rerun(store):
    big = max(store.list_events(), key=lambda e: len(e.article_ids))
    report = big.article_ids[-1]
    done = correct(store, Edit("move", None, {"article": report, "to": None}, reason="an earlier incident"))
    assert _groups(store)[done.event_id] == {report}
    assert _groups(store)[done.left_in] == set(big.article_ids) - {report}  # the others stay one event
    run(DEMO_FILES, store)  # everything again, and the feed
    holding = store.events_of_article(report)
    assert len(holding) == 1 and store.get_event(holding[0]).article_ids == [report]


def test_record_corrections_survive_reports_that_join_the_event(store):
    event = max(store.list_events(), key=lambda e: len(e.article_ids))
    correct(store, Edit("figure", event.id, {"category": "killed", "value": 40}, reason="ministry's final count"))
    correct(store, Edit("date", event.id, {"start": "2024-05-13"}))
    correct(store, Edit("place", event.id, {"name": "Isfara", "country": "TJ"}))
    run(FEED, store)
    now = store.get_event(store.resolve_event(event.id) or event.id)
    assert now.fatalities == 40 and now.date.start == "2024-05-13"
    assert (now.locations[0].name, now.locations[0].country, now.locations[0].role) == ("Isfara", "TJ", "event")
    assert now.locations[0].lat is not None
    assert [e["action"] for e in now.edits] == ["figure", "date", "place"]
    assert not store.events_stale()


def test_an_accepted_claim_gives_its_number(store):
    event = next(e for e in store.list_events() if any(c.category == "killed" and c.number for c in e.claims))
    claim = next(c for c in event.claims if c.category == "killed" and c.number)
    correct(store, Edit("figure", event.id, {"category": "killed", "claim_id": claim.id[:12]}))
    now = store.get_event(event.id)
    assert now.fatalities == int(claim.number)
    assert next(t for t in now.totals if t.category == "fatalities").claim_ids == [claim.id]


def test_corrections_naming_what_is_not_there_are_refused(store):
    event = store.list_events()[0]
    for edit, message in [(Edit("merge", event.id, {"merged": event.id}), "itself"),
                          (Edit("merge", "ev-ffffffffffff", {"merged": event.id}), "no single event"),
                          (Edit("move", None, {"article": "zz", "to": None}), "no single report"),
                          (Edit("figure", event.id, {"category": "killed", "claim_id": "nope"}), "no claim"),
                          (Edit("place", event.id, {"name": "Qqqxxyville"}), "gazetteer")]:
        with pytest.raises(EditError, match=message):
            correct(store, edit)
    assert store.list_edits() == []
