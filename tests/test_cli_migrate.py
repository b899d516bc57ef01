"""``newsfuse migrate``: a store copied whole to the other backend and back, counts verified."""

from __future__ import annotations

from click.testing import CliRunner

from newsfuse.cli import main
from newsfuse.store import open_store
from newsfuse.store.search import EventQuery

from .conftest import DEMO


def _seen(location: str) -> dict:
    """What a user reads of a store: events, their reports, a search, the corrections log."""
    store = open_store(location, readonly=True)
    try:
        return {"events": sorted((e.id, e.title, tuple(sorted(e.article_ids))) for e in store.list_events()),
                "search": [e.id for e in store.query_events(EventQuery(q="border", sort="date")).events],
                "found": sorted(a["id"] for a in store.search_articles("Tajik")),
                "edits": [(e["seq"], e["action"]) for e in store.list_edits()],
                "pending": store.count_pending(), "counters": store.cluster_counters(),
                "settings": {k: store.get_setting(k) for k in ("fatality_rule", "brief", "articles_generation")}}
    finally:
        store.close()


def test_a_store_goes_to_postgresql_and_back_unchanged(tmp_path, pg_server):
    runner = CliRunner()
    first = str(tmp_path / "first.db")
    assert runner.invoke(main, ["run", str(DEMO), "--db", first, "-q"]).exit_code == 0
    event = open_store(first, readonly=True).list_events()[0]
    edit = runner.invoke(main, ["edit", "type", event.id, "Riots", "--reason", "a test", "--db", first])
    assert edit.exit_code == 0, edit.output
    server = pg_server.new_database()
    there = runner.invoke(main, ["migrate", "--from", first, "--to", server])
    assert there.exit_code == 0, there.output
    assert "every table's rows verified" in there.output
    back = "sqlite:///" + str(tmp_path / "back.db")
    assert runner.invoke(main, ["migrate", "--from", server, "--to", back]).exit_code == 0
    assert _seen(first) == _seen(server) == _seen(back)
    assert _seen(server)["edits"] == [(1, "type")]  # the corrections came along
    added = runner.invoke(main, ["run", str(DEMO), "--db", server])  # the copy goes on where the original was
    assert added.exit_code == 0 and "12 already stored" in added.output, added.output


def test_a_store_that_is_not_empty_is_refused(tmp_path, new_location):
    runner = CliRunner()
    source, target = str(tmp_path / "a.db"), new_location()
    assert runner.invoke(main, ["run", str(DEMO / "ledger-border-clash.txt"), "--db", source, "-q"]).exit_code == 0
    assert runner.invoke(main, ["run", str(DEMO / "ledger-border-clash.txt"), "--db", target, "-q"]).exit_code == 0
    refused = runner.invoke(main, ["migrate", "--from", source, "--to", target])
    assert refused.exit_code == 1
    assert "already holds a store (1 articles" in refused.output and "Traceback" not in refused.output


def test_a_missing_source_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["migrate", "--from", str(tmp_path / "none.db"), "--to", str(tmp_path / "b.db")])
    assert result.exit_code == 1 and "no store at" in result.output
