"""Corrections over the API: the token guards them, errors are 400s, the log is readable."""

from __future__ import annotations

from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsfuse.cli import main
from newsfuse.web import create_app

from .conftest import DEMO


def test_corrections_need_the_token_and_are_checked(tmp_path, new_location):
    db = new_location()
    assert CliRunner().invoke(main, ["run", str(DEMO), "--db", db, "--quiet"]).exit_code == 0
    client = TestClient(create_app(db, token="s3cret"), base_url="http://127.0.0.1")
    event = client.get("/api/events").json()["events"][0]["id"]
    body = {"action": "date", "event_id": event, "args": {"start": "2024-05-13"}, "reason": "police log"}
    assert client.post("/api/edits", json=body).status_code == 401
    assert TestClient(create_app(db), base_url="http://127.0.0.1").post("/api/edits", json=body).status_code == 403
    auth = {"Authorization": "Bearer s3cret"}
    done = client.post("/api/edits", json=body, headers=auth)
    assert done.status_code == 201 and done.json()["event_id"] == event
    assert client.get(f"/api/events/{event}").json()["date"]["start"] == "2024-05-13"
    bad = client.post("/api/edits", json={**body, "args": {"start": "13/05/2024"}}, headers=auth)
    assert bad.status_code == 400 and "ISO date" in bad.json()["error"]["message"]
    assert client.post("/api/edits", json={"action": "drop"}, headers=auth).status_code == 400
    assert [e["reason"] for e in client.get("/api/edits").json()["edits"]] == ["police log"]


def test_the_event_page_says_what_was_edited_by_hand_and_filters_take_fatalities(tmp_path, new_location):
    db = new_location()
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(DEMO), "--db", db, "--quiet"]).exit_code == 0
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    events = client.get("/api/events").json()["events"]
    event = events[0]["id"]
    assert "Edited by hand" not in client.get(f"/events/{event}").text
    assert runner.invoke(main, ["edit", "type", event, "Riots", "--reason", "crowd, not troops", "--author", "ana",
                                "--db", db]).exit_code == 0
    page = client.get(f"/events/{event}").text
    assert "Edited by hand" in page and "type set to Riots: crowd, not troops" in page and "ana" in page
    deadly = [e for e in client.get("/api/events?min_fatalities=1").json()["events"]]
    listing = client.get("/?min_fatalities=1").text
    assert deadly and len(deadly) < len(events)
    assert all(e["id"] in listing for e in deadly) and not all(e["id"] in listing for e in events)
