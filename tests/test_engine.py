"""The incremental engine: adding reports in several runs gives the events one run gives,
touches only the events it changes, and merged events' ids keep resolving (on each backend)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsfuse import engine
from newsfuse.cli import main
from newsfuse.pipeline import run
from newsfuse.store import is_server, open_store
from newsfuse.web import create_app

from .conftest import DEMO

DEMO_FILES = sorted(str(p) for p in DEMO.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))


def build(db: str, parts: list[list[str]]) -> None:
    for part in parts:
        store = open_store(db)
        try:
            run(part, store)
        finally:
            store.close()


def records(db: str) -> dict[frozenset, dict]:
    """Each event by its reports' file names, its record without its id (ids follow the first
    report placed, which depends on arrival; see docs/clustering.md)."""
    store = open_store(db, readonly=True)
    try:
        names = {a.id: Path(a.path).name for a in store.iter_articles()}
        out = {}
        for event in store.list_events():
            record = event.to_dict()
            record.pop("id")
            out[frozenset(names[i] for i in event.article_ids)] = json.loads(json.dumps(record, sort_keys=True))
        return out
    finally:
        store.close()


@pytest.fixture(scope="module")
def one_run(new_location) -> dict:
    db = new_location()
    build(db, [[str(DEMO)]])
    return records(db)


@pytest.mark.parametrize("split", ["file by file", "file by file, reversed", "feed last"])
def test_demo_added_in_several_runs_equals_one_run(split, one_run, new_location):
    parts = {"file by file": [[f] for f in DEMO_FILES],
             "file by file, reversed": [[f] for f in reversed(DEMO_FILES)],
             "feed last": [[f for f in DEMO_FILES if not f.endswith(".jsonl")],
                           [f for f in DEMO_FILES if f.endswith(".jsonl")]]}[split]
    db = new_location()
    build(db, parts)
    assert records(db) == one_run


def test_seeds_added_one_by_one_equal_one_run(seeds, new_location):
    files = sorted(str(p) for p in seeds.iterdir() if p.is_file() and not p.name.startswith("."))
    one, many = new_location("one.db"), new_location("many.db")
    build(one, [files])
    build(many, [[f] for f in reversed(files)])
    assert records(many) == records(one)


def _rows(db: str) -> dict[str, tuple[int, str]]:
    """Each event's row version (SQLite's rowid; PostgreSQL's xmin, which an update changes) and record."""
    version = "xmin::text" if is_server(db) else "rowid"
    store = open_store(db, readonly=True)
    try:
        return {eid: (v, data) for v, eid, data in store.conn.execute(f"SELECT {version}, id, data FROM events")}
    finally:
        store.close()


def test_adding_one_report_rewrites_only_the_event_it_joins(new_location):
    db = new_location()
    late = next(f for f in DEMO_FILES if "fergana" in f)  # a follow-up of one incident
    build(db, [[f for f in DEMO_FILES if f != late]])
    before = _rows(db)
    build(db, [[late]])
    after = _rows(db)
    store = open_store(db, readonly=True)
    (joined,) = [e.id for e in store.list_events() if any("fergana" in store.get_article(a).path for a in e.article_ids)]
    store.close()
    assert set(after) == set(before)
    assert after[joined][1] != before[joined][1]
    assert {eid: row for eid, row in after.items() if eid != joined} == \
           {eid: row for eid, row in before.items() if eid != joined}  # same rowid: never rewritten


@pytest.fixture(scope="module")
def merged_store(new_location) -> tuple[str, dict[str, str]]:
    """The demo added file by file: several events formed early are later merged or re-founded."""
    db = new_location()
    build(db, [[f] for f in DEMO_FILES])
    store = open_store(db, readonly=True)
    aliases = dict(store.conn.execute("SELECT alias, event_id FROM event_aliases"))
    store.close()
    assert aliases, "the demo added file by file merges events"
    return db, aliases


def test_a_merged_events_id_still_resolves_in_the_store_cli_and_api(merged_store):
    db, aliases = merged_store
    store = open_store(db, readonly=True)
    live = {e.id for e in store.list_events()}
    for alias in aliases:
        assert alias not in live
        assert store.resolve_event(alias) in live
    store.close()
    alias = sorted(aliases)[0]
    target = open_store(db, readonly=True).resolve_event(alias)
    shown = CliRunner().invoke(main, ["show", alias, "--db", db, "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["id"] == target
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    assert client.get(f"/api/events/{alias}").json()["id"] == target
    assert client.get(f"/events/{alias}").status_code == 200


def test_a_commit_on_a_state_another_process_changed_is_refused(new_location):
    db = new_location()
    build(db, [[DEMO_FILES[0]]])
    store = open_store(db)
    counters = store.cluster_counters()
    other = open_store(db)
    run([DEMO_FILES[1]], other)  # another writer places its report first
    other.close()
    assert store.commit_chunk(engine.ChunkCommit(), counters["version"]) is False
    store.close()


def test_pending_articles_are_placed_in_chunks_that_each_commit(new_location, monkeypatch):
    monkeypatch.setattr(engine, "CLUSTER_CHUNK", 4)
    db = new_location()
    build(db, [[str(DEMO)]])
    store = open_store(db, readonly=True)
    assert store.count_pending() == 0 and not store.events_stale()
    assert int(store.get_setting("cluster_version")) == 3  # 12 reports, 4 at a time
    placed = sorted(a for e in store.list_events() for a in e.article_ids)
    assert placed == sorted(a.id for a in store.iter_articles())
    store.close()


def _b3_f1(a: dict[str, str], b: dict[str, str]) -> float:
    """B-cubed F1 of two groupings of the same items (item -> group)."""
    members_a, members_b = {}, {}
    for k in a:
        members_a.setdefault(a[k], set()).add(k)
        members_b.setdefault(b[k], set()).add(k)
    both = [len(members_a[a[k]] & members_b[b[k]]) for k in a]
    p = sum(n / len(members_a[a[k]]) for n, k in zip(both, a)) / len(a)
    r = sum(n / len(members_b[b[k]]) for n, k in zip(both, a)) / len(a)
    return 2 * p * r / (p + r)


def test_a_dev_sample_added_in_four_runs_agrees_with_one_run(shared, tmp_path, new_location):
    """80 GVA reports (a stretch of the dev file in publication order) added in four runs,
    in order and in reverse (an archive filled in backwards), against one run."""
    path = shared / "bench" / "events" / "gva_dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    docs = sorted((d for line in path.open(encoding="utf-8") for d in json.loads(line)["docs"]),
                  key=lambda d: (d["published"] or "", d["id"]))[1000:1080]
    parts = []
    for i in range(4):
        part = tmp_path / f"part{i}.jsonl"
        part.write_text("".join(json.dumps({k: d[k] for k in ("id", "title", "text", "published", "source", "url")})
                                + "\n" for d in docs[i * 20:(i + 1) * 20]), encoding="utf-8")
        parts.append(str(part))

    def grouping(db: str) -> dict[str, str]:
        store = open_store(db, readonly=True)
        try:
            return {store.get_article(a).metadata["external_id"]: e.id for e in store.list_events() for a in e.article_ids}
        finally:
            store.close()

    one_db, feed, backfill = new_location("one.db"), new_location("feed.db"), new_location("backfill.db")
    build(one_db, [parts])
    build(feed, [[p] for p in parts])
    build(backfill, [[p] for p in reversed(parts)])
    one = grouping(one_db)
    assert len(one) == 80
    assert _b3_f1(grouping(feed), one) >= 0.97
    assert _b3_f1(grouping(backfill), one) >= 0.97


def test_articles_stored_before_the_event_annotations_get_them_when_placed(new_location):
    from newsfuse.analysis import EVENT_ANNOTATIONS
    from newsfuse.pipeline import RunSummary, analyse_in_chunks, collect, settle

    articles, _ = collect([DEMO_FILES[0]])
    analyse_in_chunks(articles)
    for article in articles:
        for name in EVENT_ANNOTATIONS:
            setattr(article, name, None)  # as an older newsfuse stored them
    store = open_store(new_location("old.db"))
    store.add_articles(articles)
    settle(store, RunSummary())
    again = [store.get_article(a.id) for a in articles]
    store.close()
    assert all(getattr(a, name) is not None for a in again for name in EVENT_ANNOTATIONS)


def test_a_chunk_read_while_another_process_commits_is_built_again_not_broken(one_run, new_location):
    """The engine reads a chunk's state in several queries; another writer committing between
    them must not give it a half-old, half-new state (a snapshot), only a refused commit."""
    from newsfuse.pipeline import RunSummary, collect, settle, store_new

    db = new_location()
    build(db, [DEMO_FILES[:4]])
    store = open_store(db)
    store_new(collect(DEMO_FILES[4:8])[0], store, RunSummary())  # stored, not placed yet
    reads = store.arrival_articles

    def another_writer_meanwhile(seqs):
        if not getattr(another_writer_meanwhile, "done", False):
            another_writer_meanwhile.done = True
            other = open_store(db)
            run(DEMO_FILES[8:], other)  # places its reports and the pending ones too
            other.close()
        return reads(seqs)

    store.arrival_articles = another_writer_meanwhile
    settle(store, RunSummary())
    assert store.count_pending() == 0 and not store.events_stale()
    store.close()
    assert records(db) == one_run
