"""SQLite store: one file, content-addressed articles, named migrations, one writer.

Articles are keyed by their content id, so storing the same article again is a
no-op. The full records are kept as JSON beside a few indexed columns that
listings and filters use.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..models import Article, Event
from . import FOUND_AT_MOST, edit_tables, engine_tables, overview, search, template_lines
from .errors import StoreError
from .records import record_json as _json
from .sqlite_engine import EngineTables

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
    (
        # Generations mark events stale (see SQLiteStore.events_stale). A store made before
        # them that holds articles outside every event (a run that died) starts stale.
        "004_generations",
        """
        INSERT OR REPLACE INTO settings (key, value) VALUES ('events_generation', '0');
        INSERT OR REPLACE INTO settings (key, value)
            SELECT 'articles_generation', CASE WHEN EXISTS (
                SELECT 1 FROM articles WHERE id NOT IN (SELECT article_id FROM event_articles)) THEN '1' ELSE '0' END
        """,
    ),
    ("005_engine", engine_tables.MIGRATION),
    ("006_template_lines", template_lines.MIGRATION),
    ("007_incident_times", engine_tables.TIMES_MIGRATION),
    ("008_fts_rowids", search.rowids_by_hash),
    # which event holds an article (the engine asks for every chunk): without it, a scan
    ("009_event_articles_by_article", "CREATE INDEX IF NOT EXISTS event_articles_article ON event_articles(article_id)"),
    ("010_edits", edit_tables.MIGRATION),
]


def _problem(path: str, exc: sqlite3.Error) -> StoreError:
    """One clear line for what SQLite reports in its own words."""
    text = str(exc)
    if "full" in text:
        return StoreError(f"{path}: the disk is full; nothing of the interrupted write was saved, "
                          "what was committed before it is kept (free some space and run again to finish)")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path}: the store is read-only; it can be read but not added to")
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: another process held the store's write lock for too long; try again")
    return StoreError(f"{path}: {text}")


def writable_problem(path: str) -> str | None:
    """Why ``path`` cannot be written (as a store needs: the file and its folder), or None."""
    file = Path(path)
    folder = file.parent
    if not folder.is_dir():
        return f"{path}: the folder {folder} does not exist"
    if file.exists() and not os.access(file, os.W_OK):
        return f"{path}: the store is read-only; it can be read but not added to"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{path}: the folder {folder} is read-only, so the store cannot be written there"
    return None


class SQLiteStore(EngineTables):
    """A store file. Readers may be many (WAL); writes take SQLite's write lock one
    transaction at a time, so several processes may add to one file safely.

    ``readonly`` opens the file without ever writing to it (no migrations), which also
    works in a read-only folder; a writable open checks first that it can write, so a
    run never analyses everything only to fail at the end.
    """

    def __init__(self, path: str, readonly: bool = False):
        self.path = path
        self.readonly = readonly
        memory = path == ":memory:"
        if not memory and not readonly:
            problem = writable_problem(path)
            if problem:
                raise StoreError(problem)
        try:
            self.conn = self._connect_readonly() if readonly and not memory else \
                sqlite3.connect(path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                if not memory:
                    self._wal()
                self._migrate()
            elif self._pending():
                raise StoreError(f"{path}: made by an older newsfuse; open it once with a command that "
                                 "writes (newsfuse run) to upgrade it")
            self.fts = search.has_fts(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable newsfuse database ({exc})") from exc

    def _connect_readonly(self) -> sqlite3.Connection:
        """``mode=ro``; in a read-only folder (where SQLite cannot make the WAL index) the
        file is opened ``immutable``, which is safe there because nobody can write it."""
        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such store")
        uri = Path(self.path).resolve().as_uri()
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=30)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            if os.access(Path(self.path).parent, os.W_OK):
                raise
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, timeout=30)

    def _wal(self) -> None:
        """WAL lets readers go on while one writer writes; switching needs a moment alone."""
        for _ in range(300):
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc):
                    raise
                time.sleep(0.1)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """All writes go through one immediate transaction at a time; a failure is rolled
        back (if SQLite has not already done so) and reported as a StoreError."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _problem(self.path, exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the original error says more
            if isinstance(exc, sqlite3.Error):
                raise _problem(self.path, exc) from exc
            raise

    def _pending(self) -> list[str]:
        try:
            done = {row[0] for row in self.conn.execute("SELECT name FROM migrations")}
        except sqlite3.OperationalError:  # a new file: no migrations table yet
            done = set()
        return [name for name, _ in MIGRATIONS if name not in done]

    def _migrate(self) -> None:
        """Apply pending migrations, deciding which are pending only under the write lock,
        so two first runs on a new file never both create the tables."""
        if not self._pending():
            return  # the common case: no write, no lock
        with self._write() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            pending = set(self._pending())
            for name, sql in MIGRATIONS:
                if name not in pending:
                    continue
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

    def add_articles(self, articles: Iterable[Article], lines: dict[str, set[str]] | None = None) -> int:
        """Insert articles not stored yet; return how many were new.

        The same transaction marks them pending (the engine places them in events) and counts
        their candidate template ``lines`` (article id -> lines; see :mod:`.template_lines`).
        """
        added = 0
        articles = list(articles)
        with self._write() as conn:
            for a in articles:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO articles (id, path, source, title, url, published, language, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (a.id, a.path, a.source, a.title, a.url, a.published, a.language, _json(a.to_dict())),
                )
                added += cur.rowcount
                if cur.rowcount:
                    conn.execute("INSERT OR IGNORE INTO pending (article_id) VALUES (?)", (a.id,))
                    if self.fts:
                        search.index_articles(conn, [a])
            if added:
                conn.execute("UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'articles_generation'")
            if lines:
                template_lines.learn(conn, [(a.id, a.source, lines.get(a.id, set())) for a in articles if a.id in lines])
        return added

    def template_lines(self, lines: Iterable[str]) -> set[str]:
        """Which of ``lines`` (normalised) the store has learned as template text."""
        return template_lines.known(self.conn, lines)

    def template_line_counts(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        return template_lines.counts(self.conn, pairs)

    def articles_to_clean(self, limit: int = 100) -> dict[str, set[str]]:
        return template_lines.to_clean(self.conn, limit)

    def forget_to_clean(self, article_id: str, lines: Iterable[str]) -> None:
        """The article no longer holds these lines (another rule took them): nothing to do."""
        with self._write() as conn:
            conn.executemany("DELETE FROM to_clean WHERE article_id = ? AND line = ?", [(article_id, x) for x in lines])

    def replace_article(self, article: Article, cleaned_lines: Iterable[str] = ()) -> None:
        """Store an article analysed again (same id) and queue it to be placed again."""
        with self._write() as conn:
            conn.execute("UPDATE articles SET data = ?, title = ? WHERE id = ?",
                         (_json(article.to_dict()), article.title, article.id))
            if self.fts:
                search.unindex_article(conn, article.id)
                search.index_articles(conn, [article])
            conn.executemany("DELETE FROM to_clean WHERE article_id = ? AND line = ?",
                             [(article.id, line) for line in cleaned_lines])
            conn.execute("INSERT OR IGNORE INTO pending (article_id) VALUES (?)", (article.id,))
            conn.execute("UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'articles_generation'")

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def find_articles(self, prefix: str) -> list[str]:
        rows = self.conn.execute(f"SELECT id FROM articles WHERE id LIKE ? LIMIT {FOUND_AT_MOST}", (prefix + "%",))
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
    def articles_generation(self) -> int:
        """A counter that every write adding articles advances."""
        return int(self.get_setting("articles_generation") or 0)

    def events_stale(self) -> bool:
        """True when articles were added after the stored events were built (or while a
        run that died was building them): the next run or ``serve`` places them."""
        return bool(self.count_pending()) or self.articles_generation() != int(self.get_setting("events_generation") or 0)

    def resolve_event(self, event_id: str) -> str | None:
        """The id an event goes by now: itself, or the event it was merged into."""
        if self.conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
            return event_id
        return engine_tables.resolve_alias(self.conn, event_id)

    def replace_events(self, events: Iterable[Event], articles: Iterable[Article] = (),
                       built_from: int | None = None, settings: dict[str, str] | None = None) -> bool:
        """Replace every event in one transaction, with the articles whose record changed
        and the settings the events were built with (bypassing the incremental engine).

        ``built_from`` is the articles' generation read before the articles were; when
        another writer added articles since, the events are written all the same but stay
        stale, and False says so (the caller may build again).
        """
        events = list(events)
        with self._write() as conn:
            conn.execute("DELETE FROM event_articles")
            conn.execute("DELETE FROM events")
            for e in events:
                conn.execute(
                    "INSERT INTO events (id, title, date_start, date_end, n_articles, data) VALUES (?, ?, ?, ?, ?, ?)",
                    (e.id, e.title, e.date.start, e.date.end, len(e.article_ids), _json(e.to_dict())),
                )
                conn.executemany(
                    "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
                    [(e.id, aid) for aid in e.article_ids],
                )
            if self.fts:
                search.index_events(conn, events)
            conn.executemany("UPDATE articles SET data = ? WHERE id = ?",
                             [(_json(a.to_dict()), a.id) for a in articles])
            # events written whole (an import, a test) place their articles outside the engine,
            # whose incidents no longer describe the events: it starts afresh for what follows
            conn.executemany("DELETE FROM pending WHERE article_id = ?", [(i,) for e in events for i in e.article_ids])
            for table in ("incidents", "postings", "arrivals", "passages"):
                conn.execute(f"DELETE FROM {table}")
            for key, value in (settings or {}).items():
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))
            current = int(conn.execute("SELECT value FROM settings WHERE key = 'articles_generation'").fetchone()[0])
            built = current if built_from is None else built_from
            conn.execute("UPDATE settings SET value = ? WHERE key = 'events_generation'", (str(built),))
        return built == current

    def get_event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    def find_events(self, prefix: str) -> list[str]:
        rows = self.conn.execute(f"SELECT id FROM events WHERE id LIKE ? LIMIT {FOUND_AT_MOST}", (prefix + "%",))
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

    def event_overview(self, query: search.EventQuery, limit: int = 2000, timeout: float = 5.0) -> overview.Overview:
        """The web overview's map points and per-day counts (see :mod:`.overview`)."""
        with search.time_limit(self.conn, timeout):
            return overview.event_overview(self.conn, query, self.fts, limit)

    def events_of_article(self, article_id: str) -> list[str]:
        rows = self.conn.execute("SELECT event_id FROM event_articles WHERE article_id = ? ORDER BY event_id",
                                 (article_id,))
        return [r[0] for r in rows]

    def close(self) -> None:
        self.conn.close()

    def usable(self) -> bool:
        """A file has no connection to lose (a replaced file is noticed by its identity)."""
        return True

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
