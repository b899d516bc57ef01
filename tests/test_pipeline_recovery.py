"""Nothing lost: a run killed at any point, runs at the same time (on each backend), a full disk.

Child processes are forked from this one (spaCy is loaded once, here), run the real
command line and are killed with SIGKILL at named points; the next run must leave
every article in an event and equal a clean run.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import traceback

import pytest
from click.testing import CliRunner

from newsfuse import pipeline
from newsfuse.cli import main
from newsfuse.store import open_store
from newsfuse.store.sqlite import MIGRATIONS, StoreError

from .conftest import DEMO

fork = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
pytestmark = pytest.mark.skipif(fork is None, reason="needs os.fork to run the command line in child processes")


def _cli(args: list[str], crash_at: str | None = None, log: str | None = None) -> None:
    """The body of a child process: one `newsfuse` command, maybe killed at ``crash_at``;
    a failure's output and traceback go to ``log`` (for the parent's assertion message)."""
    if crash_at:
        os.environ[pipeline.CRASH_AT] = crash_at
    result = CliRunner().invoke(main, args)
    if result.exit_code and log:
        with open(log, "w") as out:
            out.write(result.output)
            if result.exc_info and not isinstance(result.exception, SystemExit):
                out.write("".join(traceback.format_exception(*result.exc_info)))
    os._exit(result.exit_code)


def _child(args: list[str], crash_at: str | None = None) -> int:
    proc = fork.Process(target=_cli, args=(args, crash_at))
    proc.start()
    proc.join(300)
    return proc.exitcode


def open_at_once(location: str, processes: int = 8) -> list[int]:
    """The exit codes of ``processes`` children opening (and so migrating) one new store at
    once: 0 for each that opened it, 1 for each that failed."""
    def opener() -> None:
        try:
            open_store(location).close()
        except Exception:
            os._exit(1)
        os._exit(0)

    procs = [fork.Process(target=opener) for _ in range(processes)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
    return [p.exitcode for p in procs]


def snapshot(db: str) -> dict:
    """What a user sees of a store: events with their articles and records, and which
    articles lie outside every event."""
    store = open_store(db, readonly=True)
    try:
        events = {e.id: (sorted(e.article_ids), json.dumps(e.to_dict(), sort_keys=True)) for e in store.list_events()}
        in_events = {aid for ids, _ in events.values() for aid in ids}
        articles = {a.id: a.derived_from for a in store.iter_articles()}
        return {"events": events, "articles": articles, "stranded": sorted(set(articles) - in_events),
                "stale": store.events_stale()}
    finally:
        store.close()


@pytest.fixture(scope="module")
def clean_run(new_location):
    db = new_location("clean.db")
    result = CliRunner().invoke(main, ["run", str(DEMO), "--db", db])
    assert result.exit_code == 0, result.output
    return snapshot(db)


@pytest.mark.parametrize("point", ["analysed", "stored", "built"])
def test_a_run_killed_anywhere_is_finished_by_the_next(point, clean_run, new_location, monkeypatch):
    monkeypatch.setattr(pipeline, "ANALYSE_CHUNK", 5)  # several commits per run (inherited by the child)
    db = new_location()
    assert _child(["run", str(DEMO), "--db", db], crash_at=point) == -9  # killed by SIGKILL
    if point != "analysed":
        assert snapshot(db)["stale"]  # articles stored, events not yet written for them
    assert _child(["run", str(DEMO), "--db", db]) == 0
    after = snapshot(db)
    assert after["stranded"] == [] and not after["stale"]
    assert after == clean_run


def test_a_store_stranded_before_generations_existed_is_finished(clean_run, tmp_path):
    """A store from before migrations 004 (generations) and 005 (the engine) whose run died
    after storing articles: the migrations find the articles and the next run places them."""
    db = str(tmp_path / "s.db")
    assert _child(["run", str(DEMO), "--db", db]) == 0
    conn = sqlite3.connect(db, isolation_level=None)
    victim = conn.execute("SELECT event_id FROM event_articles LIMIT 1").fetchone()[0]
    conn.execute("DELETE FROM event_articles WHERE event_id = ?", (victim,))
    conn.execute("DELETE FROM events WHERE id = ?", (victim,))
    conn.execute("DELETE FROM settings WHERE key LIKE '%_generation'")
    conn.execute("DELETE FROM migrations WHERE name IN ('004_generations', '005_engine', '007_incident_times')")
    for table in ("pending", "arrivals", "incidents", "postings", "term_df", "outlet_evidence", "passages",
                  "event_aliases"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM settings WHERE key LIKE 'cluster_%'")
    conn.close()
    result = CliRunner().invoke(main, ["run", str(DEMO), "--db", db])
    assert "0 new, 12 already stored" in result.output
    assert snapshot(db) == clean_run


def test_four_runs_at_once_on_a_new_store_lose_nothing(tmp_path, new_location):
    files = sorted(p for p in DEMO.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
    parts = [files[i::4] for i in range(4)]
    db = new_location("shared.db")
    logs = [str(tmp_path / f"run{i}.log") for i in range(4)]
    procs = [fork.Process(target=_cli, args=(["run", *map(str, part), "--db", db, "--quiet"], None, log))
             for part, log in zip(parts, logs)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(300)
    failures = "\n".join(open(log).read() for log in logs if os.path.exists(log))
    assert [p.exitcode for p in procs] == [0, 0, 0, 0], failures
    after = snapshot(db)
    assert len(after["articles"]) == 12
    assert after["stranded"] == [] and not after["stale"]


def test_events_built_from_an_older_generation_stay_stale(fresh_store):
    from newsfuse.models import Article, Event, EventDate

    fresh_store.add_articles([Article(id="a", path="a.txt", source="S", title="A", text="A.")])
    generation = fresh_store.articles_generation()
    fresh_store.add_articles([Article(id="b", path="b.txt", source="S", title="B", text="B.")])  # another writer, meanwhile
    event = Event("ev-a", "A", None, EventDate(), ["a"])
    assert fresh_store.replace_events([event], built_from=generation) is False
    assert fresh_store.events_stale()
    assert fresh_store.replace_events([event, Event("ev-b", "B", None, EventDate(), ["b"])],
                                      built_from=fresh_store.articles_generation())
    assert not fresh_store.events_stale()


def test_a_full_disk_is_one_clear_error_and_keeps_what_was_committed(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "ANALYSE_CHUNK", 3)
    db = str(tmp_path / "full.db")
    store = open_store(db)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 45}")  # room for two chunks of 3, then SQLITE_FULL
    articles, summary = pipeline.collect([str(DEMO)])
    with pytest.raises(StoreError) as caught:
        pipeline.store_new(articles, store, summary)
    assert "disk is full" in str(caught.value) and "rollback" not in str(caught.value)
    assert 0 < summary.added < 12
    assert store.count_articles() == summary.added  # committed chunks are kept
    assert store.events_stale()
    store.close()


def test_migrations_are_decided_under_the_write_lock(tmp_path):
    """Eight processes opening one new file at once, five times: each migration applied
    exactly once (before the fix, 19 of 20 such trials failed)."""
    for trial in range(5):
        db = str(tmp_path / f"new{trial}.db")
        assert open_at_once(db) == [0] * 8
        names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM migrations")]
        assert len(names) == len(set(names)) == len(MIGRATIONS)


def test_serve_finishes_what_a_dead_run_left(clean_run, new_location, monkeypatch):
    import uvicorn

    db = new_location()
    assert _child(["run", str(DEMO), "--db", db], crash_at="stored") == -9
    assert snapshot(db)["stale"]
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)  # start-up only
    result = CliRunner().invoke(main, ["serve", "--db", db])
    assert result.exit_code == 0, result.output
    assert "finishing them first" in result.output
    assert snapshot(db) == clean_run
