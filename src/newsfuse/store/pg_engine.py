"""The PostgreSQL store's side of the incremental engine and of corrections by hand: the
reads of :mod:`.engine_tables`, :mod:`.edit_tables` and :mod:`.template_lines` in
PostgreSQL, and the snapshot/commit pair the engine's optimistic concurrency rests on.
:class:`~.postgres.PostgresStore` inherits these methods (as SQLite's store does
:class:`~.sqlite_engine.EngineTables`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, timedelta
from typing import Any, Callable

from ..models import Event
from . import pg_writes


def _ids(values: Iterable) -> list:
    return sorted(set(values))


class PgEngineTables:
    """Methods over ``self.conn`` (a psycopg connection in autocommit mode) and ``self._write()``."""

    conn: Any
    _write: Callable[[], AbstractContextManager[Any]]

    def _rows(self, sql: str, values: Iterable) -> list[tuple]:
        """The rows of ``sql`` (which says ``= ANY(%s)``) for all ``values`` at once: one
        array parameter, where SQLite asks 500 at a time."""
        items = _ids(values)
        return self.conn.execute(sql, (items,)).fetchall() if items else []

    # --- the incremental engine's state ----------------------------------------------------------
    def pending_ids(self, limit: int) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT article_id FROM pending ORDER BY seq LIMIT %s", (limit,))]

    def count_pending(self) -> int:
        return self.conn.execute("SELECT count(*) FROM pending").fetchone()[0]

    def cluster_counters(self) -> dict[str, int]:
        row = self.conn.execute(
            "SELECT (SELECT value FROM settings WHERE key = 'cluster_docs'),"
            " (SELECT value FROM settings WHERE key = 'cluster_version'),"
            " (SELECT coalesce(max(number), -1) + 1 FROM incidents),"
            " (SELECT coalesce(max(seq), -1) + 1 FROM arrivals)").fetchone()
        return {"docs": int(row[0] or 0), "version": int(row[1] or 0), "next_incident": row[2], "next_arrival": row[3]}

    def term_df(self, terms: Iterable[str]) -> dict[str, int]:
        return dict(self._rows("SELECT term, df FROM term_df WHERE term = ANY(%s)", terms))

    def load_incidents(self, numbers: Iterable[int]) -> dict[int, tuple[str | None, dict]]:
        rows = self._rows("SELECT number, event_id, data FROM incidents WHERE number = ANY(%s)", numbers)
        return {number: (event_id, json.loads(data)) for number, event_id, data in rows}

    def incident_times(self, numbers: Iterable[int]) -> dict[int, str | None]:
        return dict(self._rows("SELECT number, time FROM incidents WHERE number = ANY(%s)", numbers))

    def incident_numbers(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT number FROM incidents ORDER BY number")]

    def placed_in(self, article_ids: Iterable[str]) -> dict[str, int]:
        return dict(self._rows("SELECT ea.article_id, i.number FROM event_articles ea JOIN incidents i"
                               " ON i.event_id = ea.event_id WHERE ea.article_id = ANY(%s)", article_ids))

    def posting_tail(self, key: str, scan: int) -> list[int]:
        rows = self.conn.execute("SELECT incident FROM postings WHERE key = %s ORDER BY seq DESC LIMIT %s", (key, scan))
        return [r[0] for r in rows][::-1]

    def arrival_articles(self, seqs: Iterable[int]) -> dict[int, str]:
        return dict(self._rows("SELECT seq, article_id FROM arrivals WHERE seq = ANY(%s)", seqs))

    def outlet_evidence(self, sources: Iterable[str]) -> dict[str, dict]:
        rows = self._rows("SELECT source, data FROM outlet_evidence WHERE source = ANY(%s)", sources)
        return {source: json.loads(data) for source, data in rows}

    def passages_between(self, first: str, last: str) -> list[tuple[str, str, str, dict]]:
        rows = self.conn.execute("SELECT event_id, article_id, day, data FROM passages WHERE day BETWEEN %s AND %s",
                                 (first, last))
        return [(e, a, d, json.loads(data)) for e, a, d, data in rows]

    def passage_days(self, event_ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows("SELECT DISTINCT day FROM passages WHERE event_id = ANY(%s)", event_ids)}

    def events_between(self, first: str, last: str, longest_days: int = 60) -> list[Event]:
        """As :func:`.engine_tables.event_rows_between` (a ``first`` that is not a day finds none,
        as SQLite's ``date()`` gives NULL for it)."""
        try:
            earliest = (date.fromisoformat(first) - timedelta(days=longest_days)).isoformat()
        except (TypeError, ValueError):
            return []
        rows = self.conn.execute("SELECT data FROM events WHERE date_start BETWEEN %s AND %s"
                                 " AND coalesce(date_end, date_start) >= %s", (earliest, last, first))
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def get_events(self, event_ids: Iterable[str]) -> dict[str, Event]:
        rows = self._rows("SELECT id, data FROM events WHERE id = ANY(%s)", event_ids)
        return {eid: Event.from_dict(json.loads(data)) for eid, data in rows}

    # --- template lines learned across runs ------------------------------------------------------
    def template_lines(self, lines: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows("SELECT line FROM template_lines WHERE line = ANY(%s)",
                                         (pg_writes.plain(x) for x in lines))}

    def template_line_counts(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        pairs = sorted(set(pairs))
        if not pairs:
            return {}
        rows = self.conn.execute(
            "SELECT c.source, c.line, c.n FROM line_counts c JOIN unnest(%s::text[], %s::text[]) AS p(source, line)"
            " ON c.source = p.source AND c.line = p.line", ([s for s, _ in pairs], [x for _, x in pairs]))
        return {(s, x): n for s, x, n in rows}

    def articles_to_clean(self, limit: int = 100) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for aid, line in self.conn.execute("SELECT article_id, line FROM to_clean WHERE article_id IN "
                                           "(SELECT DISTINCT article_id FROM to_clean LIMIT %s)", (limit,)):
            out.setdefault(aid, set()).add(line)
        return out

    def forget_to_clean(self, article_id: str, lines: Iterable[str]) -> None:
        with self._write() as conn:
            conn.cursor().executemany("DELETE FROM to_clean WHERE article_id = %s AND line = %s",
                                      [(article_id, x) for x in lines])

    # --- one state to read, one writer to commit --------------------------------------------------
    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the store, whatever other writers commit meanwhile: a
        REPEATABLE READ, READ ONLY transaction (its snapshot is taken at the first read, as a
        SQLite WAL read transaction's is). The commit after it finds out by the version
        whether the state moved on."""
        from psycopg.pq import TransactionStatus

        if self.conn.info.transaction_status != TransactionStatus.IDLE:
            yield
            return
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            if self.conn.info.transaction_status != TransactionStatus.IDLE:
                self.conn.execute("ROLLBACK")

    def commit_chunk(self, commit: Any, version: int) -> bool:
        """Write what the engine built from one chunk, unless another process committed a chunk
        since this one read the state at ``version`` (then nothing is written, and False)."""
        with self._write() as conn:
            current = conn.execute("SELECT value FROM settings WHERE key = 'cluster_version'").fetchone()
            if int(current[0] if current else 0) != version:
                return False
            pg_writes.write_chunk(conn, commit)
            if commit.settings:
                conn.cursor().executemany(pg_writes.UPSERT_SETTING, sorted(commit.settings.items()))
            if not self.count_pending():  # every stored article is in an event
                conn.execute("UPDATE settings SET value = (SELECT value FROM settings WHERE key = 'articles_generation')"
                             " WHERE key = 'events_generation'")
        return True

    # --- corrections by hand ------------------------------------------------------------------------
    def add_edit(self, edit: dict[str, Any], pins: dict[str, str], replace: Iterable[str]) -> int:
        with self._write() as conn:
            seq = pg_writes.add_edit(conn, edit, pins)
            conn.cursor().executemany("INSERT INTO pending (article_id) VALUES (%s) ON CONFLICT DO NOTHING",
                                      [(a,) for a in sorted(set(replace))])
            conn.execute(pg_writes.NEXT_GENERATION)
        return seq

    def pins(self, article_ids: Iterable[str]) -> dict[str, str]:
        return dict(self._rows("SELECT article_id, anchor FROM pins WHERE article_id = ANY(%s)", article_ids))

    def pinned_to(self, anchors: Iterable[str]) -> dict[str, str]:
        return dict(self._rows("SELECT article_id, anchor FROM pins WHERE anchor = ANY(%s)", anchors))

    def edits_for(self, event_ids: Iterable[str], aliases: dict[str, str] | None = None) -> dict[str, list[dict]]:
        """As :func:`.edit_tables.edits_for`: corrections made to ids that now resolve to an event count too."""
        owner = {i: i for i in event_ids}
        frontier = set(owner)
        while frontier:
            found = dict(self._rows("SELECT alias, event_id FROM event_aliases WHERE event_id = ANY(%s)", frontier))
            found.update({a: t for a, t in (aliases or {}).items() if t in frontier})
            frontier = {a for a in found if a not in owner}
            owner.update({a: owner[t] for a, t in found.items() if a in frontier})
        out: dict[str, list[dict]] = {}
        for seq, data in self._rows("SELECT seq, data FROM edits WHERE event_id = ANY(%s) ORDER BY seq", owner):
            edit = json.loads(data)
            edit["seq"] = seq
            out.setdefault(owner[edit["event_id"]], []).append(edit)
        return out

    def list_edits(self, event_id: str | None = None, limit: int = 1000) -> list[dict]:
        sql = "SELECT seq, data FROM edits" + (" WHERE event_id = %s" if event_id else "") + " ORDER BY seq DESC LIMIT %s"
        rows = self.conn.execute(sql, ((event_id, limit) if event_id else (limit,)))
        return [{**json.loads(data), "seq": seq} for seq, data in rows]
