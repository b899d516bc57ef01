"""What only the PostgreSQL store has to show: URLs and their errors, migrations decided
under the write lock, one writer at a time, read-only sessions, snapshots."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

import pytest
from click.testing import CliRunner

from newsfuse.cli import main
from newsfuse.models import Article
from newsfuse.store import is_server, open_store, sqlite_path, store_exists
from newsfuse.store.errors import StoreError
from newsfuse.store.pg_schema import MIGRATIONS
from newsfuse.store.pg_search import fold, tsquery
from newsfuse.store.postgres import shown

from .test_pipeline_recovery import open_at_once

fork = multiprocessing.get_context("fork") if hasattr(os, "fork") else None


def _article(i: str) -> Article:
    return Article(id=i, path=f"{i}.txt", source="S", title=f"T{i}", text=f"Text {i}.")


def test_locations_name_their_backend():
    assert is_server("postgresql://u@h/db") and is_server("postgres://u@h/db") and not is_server("a.db")
    assert sqlite_path("sqlite:///a.db") == "a.db" and sqlite_path("sqlite:////srv/a.db") == "/srv/a.db"
    assert sqlite_path("plain.db") == "plain.db" and sqlite_path("postgresql://u@h/db") is None
    assert store_exists("postgresql://u@h/db")  # the server says when it is opened
    assert shown("postgresql://ana:s3cret@db.lan/news") == "postgresql://ana:***@db.lan/news"


def test_words_are_folded_and_never_passed_as_syntax():
    assert fold("Bíshkek ÉVORA") == "bishkek evora"
    assert tsquery("Kyrgyz border") == "'kyrgyz':* & 'border':*"
    assert tsquery("a & b | !c <-> 'd'") == "'a':* & 'b':* & 'c':* & 'd':*"


def test_a_server_that_does_not_answer_is_one_line_without_the_password():
    result = CliRunner().invoke(main, ["events", "--db", "postgresql://ana:s3cret@127.0.0.1:1/news"])
    assert result.exit_code == 1 and "cannot connect to PostgreSQL" in result.output
    assert "s3cret" not in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_database_without_a_store_is_named(pg_server):
    empty = pg_server.new_database(migrated=False)
    result = CliRunner().invoke(main, ["events", "--db", empty])
    assert result.exit_code == 1 and "no newsfuse store in this database yet" in result.output
    with pytest.raises(StoreError, match="no newsfuse store"):
        open_store(empty, readonly=True)


def test_a_read_only_session_reads_but_never_writes(pg_server):
    url = pg_server.new_database()
    open_store(url).add_articles([_article("a")])
    reader = open_store(url, readonly=True)
    try:
        assert reader.count_articles() == 1
        with pytest.raises(StoreError, match="read-only"):
            reader.add_articles([_article("b")])
        assert reader.count_articles() == 1  # and the session still reads after the refusal
    finally:
        reader.close()


@pytest.mark.skipif(fork is None, reason="needs os.fork")
def test_migrations_are_decided_under_the_write_lock(pg_server):
    """Eight processes opening one new database at once, three times: each migration once."""
    for _ in range(3):
        url = pg_server.new_database(migrated=False)
        assert open_at_once(url) == [0] * 8
        store = open_store(url, readonly=True)
        names = [r[0] for r in store.conn.execute("SELECT name FROM migrations")]
        store.close()
        assert sorted(names) == [name for name, _ in MIGRATIONS]


def test_one_writer_at_a_time_and_readers_never_wait(pg_server):
    """A second writer waits for the first one's commit (the advisory lock); a reader meanwhile
    sees the state before it, at once."""
    url = pg_server.new_database()
    first, second, reader = open_store(url), open_store(url), open_store(url, readonly=True)
    done: list[float] = []
    try:
        with first._write() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
            waiting = threading.Thread(target=lambda: (second.set_setting("after", "2"), done.append(time.monotonic())))
            waiting.start()
            time.sleep(0.5)
            assert not done  # the second writer is still waiting for the lock
            assert reader.get_setting("held") is None  # uncommitted, and the reader did not wait
            released = time.monotonic()
        waiting.join(10)
        assert done and done[0] >= released
        assert reader.get_setting("held") == "1" and reader.get_setting("after") == "2"
    finally:
        for store in (first, second, reader):
            store.close()


def test_a_snapshot_sees_one_state_while_another_writer_commits(pg_server):
    url = pg_server.new_database()
    store, other = open_store(url), open_store(url)
    try:
        store.add_articles([_article("a")])
        with store.snapshot():
            assert store.count_articles() == 1
            other.add_articles([_article("b")])
            assert store.count_articles() == 1 and store.get_article("b") is None
        assert store.count_articles() == 2
    finally:
        store.close()
        other.close()


def test_a_nul_character_in_an_article_is_kept(fresh_store):
    article = Article(id="n", path="n.txt", source="S\x00", title="A\x00title", text="Before\x00after the flood.")
    assert fresh_store.add_articles([article]) == 1
    assert fresh_store.get_article("n").text == "Before\x00after the flood."
    assert [a["id"] for a in fresh_store.search_articles("flood")] == ["n"]


def test_articles_are_read_through_a_server_side_cursor_not_all_at_once(pg_server):
    """A client cursor would bring every stored article into memory before the first one."""
    url = pg_server.new_database()
    store = open_store(url)
    try:
        store.add_articles([_article(f"a{i:03d}") for i in range(450)])
        rows = store.iter_articles()
        first = next(rows)
        open_cursors = store.conn.execute("SELECT count(*) FROM pg_cursors WHERE NOT is_holdable").fetchone()[0]
        assert open_cursors == 1  # the rest waits on the server
        assert store.get_article("a449") is not None  # other reads still work meanwhile
        assert [first.id, *(a.id for a in rows)] == [f"a{i:03d}" for i in range(450)]
        assert store.conn.info.transaction_status.name == "IDLE"  # the read transaction is closed
        with store.snapshot():  # and inside a snapshot it reads that snapshot
            assert len(list(store.iter_articles())) == 450
    finally:
        store.close()


def test_the_web_app_reconnects_after_the_server_ends_its_connections(pg_server):
    """A restarted server (here: every connection of the database ended by an administrator)
    must not leave the web app answering errors until its threads happen to end."""
    from urllib.parse import urlsplit

    import psycopg
    from fastapi.testclient import TestClient

    from newsfuse.web import create_app

    url = pg_server.new_database()
    store = open_store(url)
    store.add_articles([_article("a")])
    store.close()
    with TestClient(create_app(url), base_url="http://127.0.0.1") as client:  # one event loop: threads live on
        assert client.get("/api/articles/a").status_code == 200
        with psycopg.connect(pg_server.admin, autocommit=True) as admin:
            ended = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                  "WHERE datname = %s AND pid <> pg_backend_pid()",
                                  (urlsplit(url).path.lstrip("/"),)).fetchone()[0]
        assert ended >= 1
        for _ in range(3):
            assert client.get("/api/articles/a").status_code == 200
