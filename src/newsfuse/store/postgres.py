"""PostgreSQL store: one database shared by a team, the same :class:`~newsfuse.store.Store`
as the SQLite file, for several ``newsfuse run`` processes and web servers at once.

One writer at a time, as SQLite: every write is one transaction that first takes a
transaction-level advisory lock (``pg_advisory_xact_lock``), released by its commit or
rollback, so writes are serialised exactly as SQLite's ``BEGIN IMMEDIATE`` serialises them
and each sees everything committed before it. Readers never wait for it. The engine's
optimistic concurrency is unchanged: :meth:`snapshot` reads one state, :meth:`commit_chunk`
writes under the lock only if the state's version has not moved on (docs/store.md).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..models import Article, Event
from . import FOUND_AT_MOST, overview, pg_search, pg_writes, search
from .errors import StoreError
from .pg_engine import PgEngineTables
from .pg_schema import MIGRATIONS
from .records import record_json

WRITE_LOCK = 0x6E657773  # "news": the advisory lock key every newsfuse writer takes, per database
LOCK_WAIT = "30s"  # as long as SQLite waits for its write lock


def shown(url: str) -> str:
    """The URL as it may be printed: without a password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def _problem(url: str, exc: Exception) -> StoreError:
    """One clear line for what PostgreSQL (or psycopg) reports."""
    import psycopg

    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if isinstance(exc, psycopg.errors.ReadOnlySqlTransaction):
        return StoreError(f"{shown(url)}: the store is opened read-only; it can be read but not added to")
    if isinstance(exc, psycopg.errors.LockNotAvailable):
        return StoreError(f"{shown(url)}: another process held the store's write lock for too long; try again")
    if isinstance(exc, (psycopg.errors.DiskFull, psycopg.errors.OutOfMemory)):
        return StoreError(f"{shown(url)}: the server is out of space ({text}); nothing of the interrupted write "
                          "was saved, what was committed before it is kept")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return StoreError(f"{shown(url)}: not allowed ({text}); the store can be read but not added to")
    return StoreError(f"{shown(url)}: {text}")


_CURSORS = itertools.count()  # server-side cursors need distinct names


class PostgresStore(PgEngineTables):
    """A store in a PostgreSQL database (``postgresql://user@host/dbname``).

    ``readonly`` opens the session read-only (no migrations; writes are refused by the
    server). The connection is in autocommit mode: each read outside :meth:`snapshot` sees
    every write committed before it, as SQLite's reads do."""

    def __init__(self, url: str, readonly: bool = False):
        self.path = self.url = url
        self.readonly = readonly
        self.fts = True
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(f"{shown(url)}: PostgreSQL stores need psycopg; "
                             "install it with: pip install 'newsfuse[postgres]'") from exc
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except (psycopg.Error, ValueError) as exc:
            reason = (str(exc).strip().splitlines() or ["?"])[0].removeprefix("connection failed: ")
            raise StoreError(f"{shown(url)}: cannot connect to PostgreSQL: {' '.join(reason.split())}") from exc
        try:
            self.conn.execute(f"SET lock_timeout = '{LOCK_WAIT}'")
            if readonly:
                self.conn.execute("SET default_transaction_read_only = on")
                if self.conn.execute("SELECT to_regclass('migrations')").fetchone()[0] is None:
                    raise StoreError(f"{shown(url)}: no newsfuse store in this database yet; "
                                     f"run `newsfuse run PATH --db {shown(url)}` first")
                if self._pending():
                    raise StoreError(f"{shown(url)}: made by an older newsfuse; open it once with a command "
                                     "that writes (newsfuse run) to upgrade it")
            else:
                self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise _problem(url, exc) from exc
        except StoreError:
            self.conn.close()
            raise

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """All writes go through one transaction at a time per database: each takes the
        advisory lock first, so the next writer waits (as SQLite's ``BEGIN IMMEDIATE``).
        A failure is rolled back and reported as a StoreError."""
        import psycopg
        from psycopg.pq import TransactionStatus

        try:
            self.conn.execute("BEGIN")
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        except psycopg.Error as exc:
            self._rollback()
            raise _problem(self.url, exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.info.transaction_status != TransactionStatus.IDLE:
                self._rollback()
            if isinstance(exc, psycopg.Error):
                raise _problem(self.url, exc) from exc
            raise

    def _rollback(self) -> None:
        import psycopg

        try:
            self.conn.execute("ROLLBACK")
        except psycopg.Error:
            pass  # the original error says more (a broken connection cannot roll back)

    def _pending(self) -> list[str]:
        if self.conn.execute("SELECT to_regclass('migrations')").fetchone()[0] is None:
            return [name for name, _ in MIGRATIONS]
        done = {row[0] for row in self.conn.execute("SELECT name FROM migrations")}
        return [name for name, _ in MIGRATIONS if name not in done]

    def _migrate(self) -> None:
        """Apply pending migrations under the write lock (deciding which are pending only
        once it is held, so two first runs never both create the tables)."""
        if not self._pending():
            return
        with self._write() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            pending = set(self._pending())
            for name, sql in MIGRATIONS:
                if name in pending:
                    conn.execute(sql)
                    conn.execute("INSERT INTO migrations VALUES (%s, to_char(now() AT TIME ZONE 'UTC',"
                                 " 'YYYY-MM-DD HH24:MI:SS'))", (name,))

    # --- articles -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone() is not None

    def add_articles(self, articles: Iterable[Article], lines: dict[str, set[str]] | None = None) -> int:
        """Insert articles not stored yet (marked pending, their template lines counted) in one
        transaction; how many were new."""
        articles = list(articles)
        with self._write() as conn:
            added = len(pg_writes.insert_articles(conn, articles))
            if added:
                conn.execute(pg_writes.NEXT_GENERATION)
            if lines:
                pg_writes.learn_lines(conn, [(a.id, a.source, {pg_writes.plain(x) for x in lines.get(a.id, set())})
                                             for a in articles if a.id in lines])
        return added

    def replace_article(self, article: Article, cleaned_lines: Iterable[str] = ()) -> None:
        with self._write() as conn:
            conn.execute(f"UPDATE articles SET data = %s, title = %s, search = to_tsvector('{pg_search.CONFIG}', %s)"
                         " WHERE id = %s", (record_json(article.to_dict()), pg_writes.plain(article.title),
                                            pg_search.article_text(article.title, article.text), article.id))
            conn.cursor().executemany("DELETE FROM to_clean WHERE article_id = %s AND line = %s",
                                      [(article.id, line) for line in cleaned_lines])
            conn.execute("INSERT INTO pending (article_id) VALUES (%s) ON CONFLICT DO NOTHING", (article.id,))
            conn.execute(pg_writes.NEXT_GENERATION)

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id = %s", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def find_articles(self, prefix: str) -> list[str]:
        rows = self.conn.execute(f"SELECT id FROM articles WHERE starts_with(id, %s) ORDER BY id LIMIT {FOUND_AT_MOST}", (prefix,))
        return [r[0] for r in rows]

    def iter_articles(self) -> Iterator[Article]:
        """Articles in publication order (undated last), then by path: a stable order.

        Read through a server-side cursor a few hundred rows at a time (a client cursor would
        hold the whole table in memory), inside one read-only transaction."""
        from psycopg.pq import TransactionStatus

        if self.conn.info.transaction_status != TransactionStatus.IDLE:  # already in one (snapshot())
            rows = self.conn.cursor(name=f"articles_{next(_CURSORS)}")
            rows.itersize = 200
            with rows:
                rows.execute("SELECT data FROM articles ORDER BY published IS NULL, published, path COLLATE \"C\", id")
                for (data,) in rows:
                    yield Article.from_dict(json.loads(data))
            return
        with self.conn.transaction():
            self.conn.execute("SET TRANSACTION READ ONLY")
            yield from self.iter_articles()

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    # --- settings -----------------------------------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(pg_writes.UPSERT_SETTING, (key, value))

    # --- events -------------------------------------------------------------------------------
    def articles_generation(self) -> int:
        return int(self.get_setting("articles_generation") or 0)

    def events_stale(self) -> bool:
        return bool(self.count_pending()) or self.articles_generation() != int(self.get_setting("events_generation") or 0)

    def resolve_event(self, event_id: str) -> str | None:
        """The id an event goes by now: itself, or the event it was merged into (following merges of merges)."""
        if self.conn.execute("SELECT 1 FROM events WHERE id = %s", (event_id,)).fetchone():
            return event_id
        seen, current = set(), event_id
        while True:
            row = self.conn.execute("SELECT event_id FROM event_aliases WHERE alias = %s", (current,)).fetchone()
            if row is None or row[0] in seen:
                return current if current != event_id else None
            seen.add(current)
            current = row[0]

    def replace_events(self, events: Iterable[Event], articles: Iterable[Article] = (),
                       built_from: int | None = None, settings: dict[str, str] | None = None) -> bool:
        """Replace every event in one transaction (see :meth:`SQLiteStore.replace_events`)."""
        events = list(events)
        with self._write() as conn:
            cur = conn.cursor()
            cur.execute("DELETE FROM event_articles")
            cur.execute("DELETE FROM events")
            for e in events:
                pg_writes.insert_event(cur, e)
            pg_writes.update_articles(cur, articles)
            cur.execute("DELETE FROM pending WHERE article_id = ANY(%s)", ([i for e in events for i in e.article_ids],))
            for table in ("incidents", "postings", "arrivals", "passages"):
                cur.execute(f"DELETE FROM {table}")
            cur.executemany(pg_writes.UPSERT_SETTING, list((settings or {}).items()))
            current = int(cur.execute("SELECT value FROM settings WHERE key = 'articles_generation'").fetchone()[0])
            built = current if built_from is None else built_from
            cur.execute("UPDATE settings SET value = %s WHERE key = 'events_generation'", (str(built),))
        return built == current

    def get_event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT data FROM events WHERE id = %s", (event_id,)).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    def find_events(self, prefix: str) -> list[str]:
        rows = self.conn.execute(f"SELECT id FROM events WHERE starts_with(id, %s) ORDER BY id LIMIT {FOUND_AT_MOST}", (prefix,))
        return [r[0] for r in rows]

    def count_events(self) -> int:
        return self.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    def list_events(self) -> list[Event]:
        rows = self.conn.execute(
            "SELECT data FROM events ORDER BY date_start IS NULL, date_start DESC, n_articles DESC, id")
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def events_of_article(self, article_id: str) -> list[str]:
        rows = self.conn.execute("SELECT event_id FROM event_articles WHERE article_id = %s ORDER BY event_id",
                                 (article_id,))
        return [r[0] for r in rows]

    # --- listings and search (the web app) ------------------------------------------------------
    def query_events(self, query: search.EventQuery, timeout: float = 5.0) -> search.EventPage:
        with pg_search.time_limit(self.conn, timeout):
            return pg_search.query_events(self.conn, query)

    def search_articles(self, q: str, limit: int = 20, timeout: float = 5.0) -> list[dict]:
        with pg_search.time_limit(self.conn, timeout):
            return pg_search.search_articles(self.conn, q, limit)

    def facets(self) -> dict[str, list[str]]:
        return pg_search.facets(self.conn)

    def event_overview(self, query: search.EventQuery, limit: int = 2000, timeout: float = 5.0) -> overview.Overview:
        with pg_search.time_limit(self.conn, timeout):
            return pg_search.event_overview(self.conn, query, limit)

    def size_bytes(self) -> int:
        """The database's size on disk (``bench scale`` reports it beside SQLite's file size)."""
        return self.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def usable(self) -> bool:
        """False once the connection is lost: a server restarted (or a connection ended by
        an administrator) fails the next query, and psycopg then marks the connection broken;
        the web app opens a new one and asks again (no round trip is spent to find out)."""
        return not (self.conn.closed or self.conn.broken)

    def __enter__(self) -> "PostgresStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
