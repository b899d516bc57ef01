"""Corrections over the API: the token guards them, errors are 400s, the log is readable."""

from __future__ import annotations

from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsfuse.cli import main
from newsfuse.web import create_app

from .conftest import DEMO


def test_corrections_need_the_token_and_are_checked(tmp_path):
    db = str(tmp_path / "s.db")
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
