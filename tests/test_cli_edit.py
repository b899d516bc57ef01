"""``newsfuse edit``: one line per correction, clear errors, and the log."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsfuse.cli import main

from .conftest import DEMO


def test_edit_commands_log_corrections_and_refuse_bad_ones(tmp_path, new_location):
    db = new_location()
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(DEMO), "--db", db, "--quiet"]).exit_code == 0
    events = json.loads(runner.invoke(main, ["events", "--db", db, "--json"]).stdout)
    first, second = events[0]["id"], events[1]["id"]
    done = runner.invoke(main, ["edit", "merge", first[:7], second[:7], "--reason", "one incident", "--db", db])
    assert done.exit_code == 0, done.output
    assert f"merged event {second} into this one: one incident; now in event {first}" in done.output
    refused = runner.invoke(main, ["edit", "figure", first, "killed", "9", "--db", db])
    assert refused.exit_code == 1 and "needs a reason" in refused.output and "Traceback" not in refused.output
    assert runner.invoke(main, ["edit", "move", "abc", "--db", db]).exit_code == 2  # neither --to nor --new
    assert runner.invoke(main, ["edit", "type", first, "Riots", "--author", "ana", "--db", db]).exit_code == 0
    log = json.loads(runner.invoke(main, ["edit", "log", "--json", "--db", db]).stdout)
    assert [(e["action"], e["author"]) for e in log] == [("type", "ana"), ("merge", log[1]["author"])]
    shown = json.loads(runner.invoke(main, ["show", second, "--json", "--db", db]).stdout)  # the merged id resolves
    assert shown["id"] == first and [e["action"] for e in shown["edits"]] == ["merge", "type"]
    assert runner.invoke(main, ["edit", "log", "--db", str(tmp_path / "none.db")]).exit_code == 1
