"""SQLite store: one file, content-addressed articles, named migrations, one writer.

Articles are keyed by their content id, so storing the same article again is a
no-op. The full records are kept as JSON beside a few indexed columns that
listings and filters use.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from ..models import Article, Event
from . import search

# A migration is SQL (statements split on ';') or a function given the connection.
MIGRATIONS: list[tuple[str, str | Callable[[sqlite3.Connection], None]]] = [
    (
        "001_initial",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            source TEXT,
            title TEXT,
            url TEXT,
            published TEXT,
            language TEXT,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            data TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            title TEXT,
            date_start TEXT,
            date_end TEXT,
            n_articles INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(date_start);
        CREATE TABLE event_articles (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id),
            PRIMARY KEY (event_id, article_id)
        );
        """,
    ),
    (
        "002_settings",
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
    ("003_search", search.migrate_search),
]


class StoreError(Exception):
    """The store file cannot be opened or is not a newsfuse store."""


class SQLiteStore:
    def __init__(self, path: str):
        self.path = path
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self._migrate()
            self.fts = search.has_fts(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable newsfuse database ({exc})") from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """All writes go through one immediate transaction at a time."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        done = {row[0] for row in self.conn.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self._write() as conn:
                if callable(sql):
                    sql(conn)
                else:
                    for statement in sql.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                conn.execute("INSERT INTO migrations VALUES (?, datetime('now'))", (name,))

    # --- articles ---------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_articles(self, articles: Iterable[Article]) -> int:
        """Insert articles not stored yet; return how many were new."""
        added = 0
        with self._write() as conn:
            for a in articles:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO articles (id, path, source, title, url, published, language, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (a.id, a.path, a.source, a.title, a.url, a.published, a.language,
                     json.dumps(a.to_dict(), ensure_ascii=False)),
                )
                added += cur.rowcount
                if cur.rowcount and self.fts:
                    search.index_articles(conn, [a])
        return added

    def update_articles(self, articles: Iterable[Article]) -> None:
        """Rewrite stored articles (e.g. after clustering set ``derived_from``)."""
        with self._write() as conn:
            for a in articles:
                conn.execute("UPDATE articles SET data = ? WHERE id = ?", (json.dumps(a.to_dict(), ensure_ascii=False), a.id))

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def find_articles(self, prefix: str) -> list[str]:
        rows = self.conn.execute("SELECT id FROM articles WHERE id LIKE ? LIMIT 5", (prefix + "%",))
        return [r[0] for r in rows]

    def iter_articles(self) -> Iterator[Article]:
        """Articles in publication order (undated last), then by path: a stable order."""
        rows = self.conn.execute(
            "SELECT data FROM articles ORDER BY published IS NULL, published, path, id"
        )
        for (data,) in rows:
            yield Article.from_dict(json.loads(data))

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    # --- settings ----------------------------------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    # --- events -----------------------------------------------------------------------------
    def replace_events(self, events: Iterable[Event]) -> None:
        events = list(events)
        with self._write() as conn:
            conn.execute("DELETE FROM event_articles")
            conn.execute("DELETE FROM events")
            for e in events:
                conn.execute(
                    "INSERT INTO events (id, title, date_start, date_end, n_articles, data) VALUES (?, ?, ?, ?, ?, ?)",
                    (e.id, e.title, e.date.start, e.date.end, len(e.article_ids),
                     json.dumps(e.to_dict(), ensure_ascii=False)),
                )
                conn.executemany(
                    "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
                    [(e.id, aid) for aid in e.article_ids],
                )
            if self.fts:
                search.index_events(conn, events)

    def get_event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    def find_events(self, prefix: str) -> list[str]:
        rows = self.conn.execute("SELECT id FROM events WHERE id LIKE ? LIMIT 5", (prefix + "%",))
        return [r[0] for r in rows]

    def count_events(self) -> int:
        return self.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    def list_events(self) -> list[Event]:
        """Newest first; undated events last."""
        rows = self.conn.execute(
            "SELECT data FROM events ORDER BY date_start IS NULL, date_start DESC, n_articles DESC, id"
        )
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    # --- listings and search (the web app) -----------------------------------------------------
    def query_events(self, query: search.EventQuery, timeout: float = 5.0) -> search.EventPage:
        """One filtered, sorted page of events (see :class:`search.EventQuery`)."""
        with search.time_limit(self.conn, timeout):
            return search.query_events(self.conn, query, self.fts)

    def search_articles(self, q: str, limit: int = 20, timeout: float = 5.0) -> list[dict]:
        with search.time_limit(self.conn, timeout):
            return search.search_articles(self.conn, q, self.fts, limit)

    def facets(self) -> dict[str, list[str]]:
        return search.facets(self.conn)

    def events_of_article(self, article_id: str) -> list[str]:
        rows = self.conn.execute("SELECT event_id FROM event_articles WHERE article_id = ? ORDER BY event_id",
                                 (article_id,))
        return [r[0] for r in rows]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
