"""Copy a whole store to another, on the same backend or not (``newsfuse migrate``).

Every table that holds the store's state is copied row for row: articles, events and
which articles they hold, settings, the incremental engine's state (pending reports,
arrivals, incidents, postings, word counts, outlet evidence, passages, aliases), the
template lines learned, and the corrections log with its pins. The search index is
rebuilt in the target's own form (FTS5 mirrors or tsvector columns), and the copy is
one transaction: a failure leaves the target as it was. The source is read in one
snapshot, so a run writing to it meanwhile cannot make the copy inconsistent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..models import Article, Event
from .errors import StoreError

PAGE = 1000
# table, its columns, and an order that lists every row once
TABLES: list[tuple[str, str, str]] = [
    ("articles", "id, path, source, title, url, published, language, ingested_at, data", "id"),
    ("events", "id, title, date_start, date_end, n_articles, data", "id"),
    ("event_articles", "event_id, article_id", "event_id, article_id"),
    ("settings", "key, value", "key"),
    ("pending", "seq, article_id", "seq"),
    ("arrivals", "seq, article_id", "seq"),
    ("incidents", "number, event_id, data, time", "number"),
    ("postings", "seq, key, incident", "seq"),
    ("term_df", "term, df", "term"),
    ("outlet_evidence", "source, data", "source"),
    ("passages", "event_id, article_id, day, data", "event_id, article_id, day, data"),
    ("event_aliases", "alias, event_id", "alias"),
    ("line_counts", "source, line, n", "source, line"),
    ("line_holders", "line, article_id", "line, article_id"),
    ("template_lines", "line", "line"),
    ("lines_counted", "article_id", "article_id"),
    ("to_clean", "article_id, line", "article_id, line"),
    ("edits", "seq, at, action, event_id, data", "seq"),
    ("pins", "article_id, anchor, edit", "article_id"),
]


@dataclass
class Copied:
    """Rows per table in the source and in the target after the copy."""

    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def mismatched(self) -> list[str]:
        return [t for t, (a, b) in self.counts.items() if a != b]


def _is_postgres(store: Any) -> bool:
    from .postgres import PostgresStore  # psycopg itself is imported only when a server is opened

    return isinstance(store, PostgresStore)


def _count(store: Any, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _rows(store: Any, table: str, columns: str, order: str):
    """The rows of ``table`` a page at a time, streamed (a server-side cursor in PostgreSQL,
    inside the caller's snapshot transaction)."""
    sql = f"SELECT {columns} FROM {table} ORDER BY {order}"
    cur = store.conn.cursor(name=f"copy_{table}") if _is_postgres(store) else store.conn.cursor()
    cur.execute(sql)
    try:
        while rows := cur.fetchmany(PAGE):
            yield rows
    finally:
        cur.close()


def _insert_sql(target: Any, table: str, columns: str) -> str:
    n = len(columns.split(","))
    if _is_postgres(target):
        marks = ", ".join(["%s"] * n)
        conflict = " ON CONFLICT (key) DO UPDATE SET value = excluded.value" if table == "settings" else ""
        return f"INSERT INTO {table} ({columns}) VALUES ({marks}){conflict}"
    marks = ", ".join(["?"] * n)
    return f"INSERT {'OR REPLACE ' if table == 'settings' else ''}INTO {table} ({columns}) VALUES ({marks})"


def _index(target: Any, conn: Any, table: str, rows: list[tuple]) -> None:
    """The target's search index for a page of copied articles or events."""
    if table not in ("articles", "events"):
        return
    if _is_postgres(target):
        from . import pg_search

        if table == "events":
            pg_search.index_events(conn, [Event.from_dict(json.loads(r[5])) for r in rows])
        else:
            texts = [(pg_search.article_text(r[3], json.loads(r[8]).get("text")), r[0]) for r in rows]
            conn.cursor().executemany(f"UPDATE articles SET search = to_tsvector('{pg_search.CONFIG}', %s)"
                                      " WHERE id = %s", texts)
    elif target.fts:
        from . import search

        if table == "events":
            search.reindex_events(conn, [Event.from_dict(json.loads(r[5])) for r in rows])
        else:
            search.index_articles(conn, [Article.from_dict(json.loads(r[8])) for r in rows])


def _continue_numbering(conn: Any) -> None:
    """PostgreSQL identity columns go on after the numbers copied in."""
    from .pg_schema import IDENTITY_COLUMNS

    for table, column in IDENTITY_COLUMNS.items():
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
                     f" coalesce((SELECT max({column}) FROM {table}), 0) + 1, false)")


def copy_store(source: Any, target: Any, progress: Callable[[str, int], None] | None = None) -> Copied:
    """Copy ``source`` into ``target``, an empty store (refused otherwise: nothing is merged),
    then count the rows of every table on both sides."""
    done = Copied()
    with source.snapshot():
        with target._write() as conn:
            held = {t: _count(target, t) for t in ("articles", "events", "edits", "pending")}
            if any(held.values()):
                raise StoreError(f"{target.path}: the target already holds a store ("
                                 + ", ".join(f"{n} {t}" for t, n in held.items() if n)
                                 + "); migrate copies into an empty store only")
            for table, columns, order in TABLES:
                sql = _insert_sql(target, table, columns)
                copied = 0
                for rows in _rows(source, table, columns, order):
                    (conn.cursor() if _is_postgres(target) else conn).executemany(sql, rows)
                    _index(target, conn, table, rows)
                    copied += len(rows)
                    if progress:
                        progress(table, copied)
            if _is_postgres(target):
                _continue_numbering(conn)
        done.counts = {t: (_count(source, t), _count(target, t)) for t, _, _ in TABLES}
    return done
