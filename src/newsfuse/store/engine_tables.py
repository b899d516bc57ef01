"""The incremental engine's tables in SQLite: what the clusterer keeps between runs.

* ``pending``: articles stored but not yet placed in an event (a run adds them in the
  same transaction as the articles; the engine removes them when it commits their events);
* ``arrivals``: the order in which articles were placed (an incident's members are arrival
  numbers; the earliest is its founder and gives the event its id);
* ``incidents``: the clusterer's incidents as JSON (centroid, days, places, people), with
  their time in a column of its own (read without the JSON);
* ``postings``: the candidate index, read newest first and only so far;
* ``term_df``: document frequencies of words (with ``cluster_docs`` in settings);
* ``outlet_evidence``: each outlet's votes for its home region;
* ``passages``: sentences of a report that tell of something on a day in a town, for
  linking them to other events;
* ``event_aliases``: ids of events merged into another, so old links still resolve.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

MIGRATION = """
CREATE TABLE pending (seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL UNIQUE);
CREATE TABLE arrivals (seq INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE);
CREATE TABLE incidents (number INTEGER PRIMARY KEY, event_id TEXT, data TEXT NOT NULL);
CREATE INDEX incidents_event ON incidents(event_id);
CREATE TABLE postings (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, incident INTEGER NOT NULL);
CREATE INDEX postings_key ON postings(key, seq);
CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE outlet_evidence (source TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE passages (event_id TEXT NOT NULL, article_id TEXT NOT NULL, day TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX passages_day ON passages(day);
CREATE INDEX passages_event ON passages(event_id);
CREATE TABLE event_aliases (alias TEXT PRIMARY KEY, event_id TEXT NOT NULL);
INSERT OR REPLACE INTO settings (key, value) VALUES ('cluster_version', '0');
INSERT INTO pending (article_id) SELECT id FROM articles ORDER BY published IS NULL, published, path, id;
DELETE FROM event_articles;
DELETE FROM events
"""
# A store made before the engine holds events built by the old full rebuild: its articles
# all become pending and the next run (or `serve`) places them afresh, with the same ids.

TIMES_MIGRATION = "ALTER TABLE incidents ADD COLUMN time TEXT"
# An incident's time (day, first report, years) beside its JSON, so that candidates of other
# days are left aside unread; incidents stored before it have none and are read as before.

CHUNK = 500  # ids per IN (...) query: under SQLite's variable limit


def rows_in(conn: sqlite3.Connection, sql: str, values: Iterable) -> Iterator[tuple]:
    """The rows of ``sql`` (which says ``IN ({marks})``) for all ``values``, asked ``CHUNK`` at
    a time: SQLite limits the variables of one statement."""
    items = sorted(set(values))
    for i in range(0, len(items), CHUNK):
        part = items[i : i + CHUNK]
        yield from conn.execute(sql.format(marks=",".join("?" * len(part))), part)


def pending_ids(conn: sqlite3.Connection, limit: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT article_id FROM pending ORDER BY seq LIMIT ?", (limit,))]


def count_pending(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM pending").fetchone()[0]


def counters(conn: sqlite3.Connection) -> dict[str, int]:
    """Words seen (documents), the next incident and arrival numbers, and the state's version."""
    docs = conn.execute("SELECT value FROM settings WHERE key = 'cluster_docs'").fetchone()
    version = conn.execute("SELECT value FROM settings WHERE key = 'cluster_version'").fetchone()
    return {
        "docs": int(docs[0]) if docs else 0,
        "version": int(version[0]) if version else 0,
        "next_incident": conn.execute("SELECT coalesce(max(number), -1) + 1 FROM incidents").fetchone()[0],
        "next_arrival": conn.execute("SELECT coalesce(max(seq), -1) + 1 FROM arrivals").fetchone()[0],
    }


def term_df(conn: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    return dict(rows_in(conn, "SELECT term, df FROM term_df WHERE term IN ({marks})", terms))


def incidents(conn: sqlite3.Connection, numbers: Iterable[int]) -> dict[int, tuple[str | None, dict]]:
    rows = rows_in(conn, "SELECT number, event_id, data FROM incidents WHERE number IN ({marks})", numbers)
    return {number: (event_id, json.loads(data)) for number, event_id, data in rows}


def incident_times(conn: sqlite3.Connection, numbers: Iterable[int]) -> dict[int, str | None]:
    return dict(rows_in(conn, "SELECT number, time FROM incidents WHERE number IN ({marks})", numbers))


def placed_in(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, int]:
    """The incidents that already hold some of these articles (analysed again, to be placed again)."""
    return dict(rows_in(conn, "SELECT ea.article_id, i.number FROM event_articles ea JOIN incidents i"
                              " ON i.event_id = ea.event_id WHERE ea.article_id IN ({marks})", article_ids))


def posting_tail(conn: sqlite3.Connection, key: str, scan: int) -> list[int]:
    rows = conn.execute("SELECT incident FROM postings WHERE key = ? ORDER BY seq DESC LIMIT ?", (key, scan))
    return [r[0] for r in rows][::-1]


def arrival_articles(conn: sqlite3.Connection, seqs: Iterable[int]) -> dict[int, str]:
    return dict(rows_in(conn, "SELECT seq, article_id FROM arrivals WHERE seq IN ({marks})", seqs))


def outlet_evidence(conn: sqlite3.Connection, sources: Iterable[str]) -> dict[str, dict]:
    rows = rows_in(conn, "SELECT source, data FROM outlet_evidence WHERE source IN ({marks})", sources)
    return {source: json.loads(data) for source, data in rows}


def passages_between(conn: sqlite3.Connection, first: str, last: str) -> list[tuple[str, str, str, dict]]:
    rows = conn.execute("SELECT event_id, article_id, day, data FROM passages WHERE day BETWEEN ? AND ?", (first, last))
    return [(e, a, d, json.loads(data)) for e, a, d, data in rows]


def passage_days(conn: sqlite3.Connection, event_ids: Iterable[str]) -> set[str]:
    return {r[0] for r in rows_in(conn, "SELECT DISTINCT day FROM passages WHERE event_id IN ({marks})", event_ids)}


def event_rows_between(conn: sqlite3.Connection, first: str, last: str, longest_days: int = 60) -> list[str]:
    """Events whose days overlap ``first``..``last`` (events longer than ``longest_days``
    that start before the window are not found: none has mentions to give)."""
    rows = conn.execute(
        "SELECT data FROM events WHERE date_start BETWEEN date(?, ?) AND ? AND coalesce(date_end, date_start) >= ?",
        (first, f"-{longest_days} days", last, first))
    return [r[0] for r in rows]


def resolve_alias(conn: sqlite3.Connection, event_id: str) -> str | None:
    """The event an id was merged into (following merges of merges)."""
    seen = set()
    current = event_id
    while True:
        row = conn.execute("SELECT event_id FROM event_aliases WHERE alias = ?", (current,)).fetchone()
        if row is None or row[0] in seen:
            return current if current != event_id else None
        seen.add(current)
        current = row[0]


def write_chunk(conn: sqlite3.Connection, commit: Any) -> None:
    """Write one engine commit (:class:`newsfuse.engine.ChunkCommit`) inside the caller's transaction."""
    from .sqlite import _json

    for number, (event_id, data, time) in commit.incidents.items():
        if data is None:
            conn.execute("DELETE FROM incidents WHERE number = ?", (number,))
        else:
            conn.execute("INSERT OR REPLACE INTO incidents (number, event_id, data, time) VALUES (?, ?, ?, ?)",
                         (number, event_id, json.dumps(data, separators=(",", ":")), time))
    conn.executemany("INSERT INTO postings (key, incident) VALUES (?, ?)", commit.postings)
    conn.executemany("INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                     sorted(commit.df.items()))
    conn.execute("INSERT OR REPLACE INTO settings (key, value) SELECT 'cluster_docs', "
                 "CAST(coalesce((SELECT value FROM settings WHERE key = 'cluster_docs'), 0) AS INTEGER) + ?",
                 (commit.docs,))
    conn.executemany("INSERT OR REPLACE INTO arrivals (seq, article_id) VALUES (?, ?)", sorted(commit.arrivals.items()))
    conn.executemany("INSERT OR REPLACE INTO outlet_evidence (source, data) VALUES (?, ?)",
                     [(s, json.dumps(d)) for s, d in sorted(commit.evidence.items())])
    for event_id in commit.removed_events:
        conn.execute("DELETE FROM event_articles WHERE event_id = ?", (event_id,))
        conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        conn.execute("DELETE FROM passages WHERE event_id = ?", (event_id,))
    for event in commit.events:
        conn.execute("DELETE FROM event_articles WHERE event_id = ?", (event.id,))
        conn.execute(
            "INSERT OR REPLACE INTO events (id, title, date_start, date_end, n_articles, data) VALUES (?, ?, ?, ?, ?, ?)",
            (event.id, event.title, event.date.start, event.date.end, len(event.article_ids), _json(event.to_dict())))
        conn.executemany("INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
                         [(event.id, aid) for aid in event.article_ids])
    for event_id, rows in commit.passages.items():
        conn.execute("DELETE FROM passages WHERE event_id = ?", (event_id,))
        conn.executemany("INSERT INTO passages (event_id, article_id, day, data) VALUES (?, ?, ?, ?)",
                         [(event_id, a, d, json.dumps(data)) for a, d, data in rows])
    conn.executemany("INSERT OR REPLACE INTO event_aliases (alias, event_id) VALUES (?, ?)", sorted(commit.aliases.items()))
    conn.executemany("DELETE FROM event_aliases WHERE alias = ?", [(e.id,) for e in commit.events])  # an id back in use
    conn.executemany("UPDATE articles SET data = ? WHERE id = ?", [(_json(a.to_dict()), a.id) for a in commit.articles])
    conn.executemany("DELETE FROM pending WHERE article_id = ?", [(aid,) for aid in commit.placed])
    conn.execute("UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'cluster_version'")
