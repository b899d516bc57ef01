"""The SQLite store's side of the incremental engine and of corrections by hand.

Kept apart from :mod:`.sqlite` (articles, events, listings) so that each file stays one
concern; :class:`~.sqlite.SQLiteStore` inherits these methods. The SQL lives in
:mod:`.engine_tables` and :mod:`.edit_tables`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Callable

from ..models import Event
from . import edit_tables, engine_tables, search


class EngineTables:
    """Methods over ``self.conn`` (and ``self._write()``, ``self.fts``) of a SQLite store."""

    conn: sqlite3.Connection
    fts: bool
    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]

    # --- the incremental engine's state (see engine_tables and newsfuse.engine) -----------------
    def pending_ids(self, limit: int) -> list[str]:
        return engine_tables.pending_ids(self.conn, limit)

    def count_pending(self) -> int:
        return engine_tables.count_pending(self.conn)

    def cluster_counters(self) -> dict[str, int]:
        return engine_tables.counters(self.conn)

    def term_df(self, terms: Iterable[str]) -> dict[str, int]:
        return engine_tables.term_df(self.conn, terms)

    def load_incidents(self, numbers: Iterable[int]) -> dict[int, tuple[str | None, dict]]:
        return engine_tables.incidents(self.conn, numbers)

    def incident_times(self, numbers: Iterable[int]) -> dict[int, str | None]:
        return engine_tables.incident_times(self.conn, numbers)

    def incident_numbers(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT number FROM incidents ORDER BY number")]

    def placed_in(self, article_ids: Iterable[str]) -> dict[str, int]:
        return engine_tables.placed_in(self.conn, article_ids)

    def posting_tail(self, key: str, scan: int) -> list[int]:
        return engine_tables.posting_tail(self.conn, key, scan)

    def arrival_articles(self, seqs: Iterable[int]) -> dict[int, str]:
        return engine_tables.arrival_articles(self.conn, seqs)

    def outlet_evidence(self, sources: Iterable[str]) -> dict[str, dict]:
        return engine_tables.outlet_evidence(self.conn, sources)

    def passages_between(self, first: str, last: str) -> list[tuple[str, str, str, dict]]:
        return engine_tables.passages_between(self.conn, first, last)

    def passage_days(self, event_ids: Iterable[str]) -> set[str]:
        return engine_tables.passage_days(self.conn, event_ids)

    def events_between(self, first: str, last: str) -> list[Event]:
        return [Event.from_dict(json.loads(d)) for d in engine_tables.event_rows_between(self.conn, first, last)]

    def get_events(self, event_ids: Iterable[str]) -> dict[str, Event]:
        rows = engine_tables.rows_in(self.conn, "SELECT id, data FROM events WHERE id IN ({marks})", event_ids)
        return {eid: Event.from_dict(json.loads(data)) for eid, data in rows}

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the store, whatever other writers commit meanwhile
        (a WAL read transaction): the engine builds a chunk from several queries, and a
        half-old, half-new state would be inconsistent, not just stale. Nothing is written
        inside; the commit after it finds out (by the version) whether the state moved on."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            self.conn.execute("SELECT count(*) FROM settings").fetchone()  # the snapshot starts at the first read
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def commit_chunk(self, commit: Any, version: int) -> bool:
        """Write what the engine built from one chunk of pending articles, in one transaction,
        unless another process committed a chunk since this one read the state at
        ``version`` (then nothing is written and False says to build again)."""
        with self._write() as conn:
            if engine_tables.counters(conn)["version"] != version:
                return False
            engine_tables.write_chunk(conn, commit)
            if self.fts:
                search.reindex_events(conn, commit.events, commit.removed_events)
            if commit.settings:
                conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                 sorted(commit.settings.items()))
            if not engine_tables.count_pending(conn):  # every stored article is in an event
                conn.execute("UPDATE settings SET value = (SELECT value FROM settings WHERE key = 'articles_generation')"
                             " WHERE key = 'events_generation'")
        return True

    # --- corrections by hand (see edit_tables and newsfuse.edits) -------------------------------
    def add_edit(self, edit: dict[str, Any], pins: dict[str, str], replace: Iterable[str]) -> int:
        """Log a correction, set its pins and queue the reports ``replace`` to be placed again
        (their events are rebuilt with it), in one transaction; the log number."""
        with self._write() as conn:
            seq = edit_tables.add(conn, edit, pins)
            conn.executemany("INSERT OR IGNORE INTO pending (article_id) VALUES (?)", [(a,) for a in sorted(set(replace))])
            conn.execute("UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'articles_generation'")
        return seq

    def pins(self, article_ids: Iterable[str]) -> dict[str, str]:
        return edit_tables.pins(self.conn, article_ids)

    def pinned_to(self, anchors: Iterable[str]) -> dict[str, str]:
        return edit_tables.pinned_to(self.conn, anchors)

    def edits_for(self, event_ids: Iterable[str], aliases: dict[str, str] | None = None) -> dict[str, list[dict]]:
        return edit_tables.edits_for(self.conn, event_ids, aliases)

    def list_edits(self, event_id: str | None = None, limit: int = 1000) -> list[dict]:
        return edit_tables.log(self.conn, event_id, limit)
