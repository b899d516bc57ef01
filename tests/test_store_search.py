"""The full-text mirrors: rows found by their id's rowid, also in stores written before it."""

from __future__ import annotations

import sqlite3

import pytest

from newsfuse.models import Article, Event, EventDate
from newsfuse.store.search import fts_rowid, reindex_events
from newsfuse.store.sqlite import SQLiteStore


def _mirror(conn: sqlite3.Connection, table: str, key: str) -> list[tuple[int, str]]:
    return sorted(conn.execute(f"SELECT rowid, {key} FROM {table}"))


def test_a_rebuilt_event_replaces_its_mirror_row(sqlite_store):
    if not sqlite_store.fts:
        pytest.skip("this SQLite has no FTS5: there is no mirror (searches use LIKE)")
    conn = sqlite_store.conn
    first = Event("ev-1", "Flood at Port Alder", None, EventDate(), [])
    reindex_events(conn, [first, Event("ev-2", "Fire", None, EventDate(), [])])
    reindex_events(conn, [Event("ev-1", "Flood at Port Alder, two dead", None, EventDate(), [])], removed=["ev-2"])
    assert conn.execute("SELECT rowid, event_id, title FROM events_fts").fetchall() == [
        (fts_rowid("ev-1"), "ev-1", "Flood at Port Alder, two dead")]


def test_mirror_rows_of_an_older_store_move_to_their_ids_rowids(tmp_path):
    path = str(tmp_path / "s.db")
    store = SQLiteStore(path)
    if not store.fts:
        store.close()
        pytest.skip("this SQLite has no FTS5: there is no mirror (searches use LIKE)")
    store.add_articles([Article(id=f"a{i}", path=f"a{i}.txt", source="S", title=f"T{i}", text=f"Text {i}.")
                        for i in range(3)])
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)  # as written before migration 008: rowids 1, 2, 3
    rows = conn.execute("SELECT article_id, title, text FROM articles_fts").fetchall()
    conn.execute("DELETE FROM articles_fts")
    conn.executemany("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)", rows)
    conn.execute("DELETE FROM migrations WHERE name = '008_fts_rowids'")
    conn.close()
    store = SQLiteStore(path)
    assert _mirror(store.conn, "articles_fts", "article_id") == sorted((fts_rowid(f"a{i}"), f"a{i}") for i in range(3))
    store.replace_article(Article(id="a1", path="a1.txt", source="S", title="T1", text="Text one, cleaned."))
    assert [r[0] for r in store.conn.execute("SELECT text FROM articles_fts WHERE article_id = 'a1'")] == [
        "Text one, cleaned."]
    store.close()
