"""Full-text search and filtered, paged event listings over the SQLite store.

FTS5 tables mirror article titles/texts and event titles/briefs so the web app can
search without scanning JSON. They are written in the same transaction as the rows
they mirror. Where SQLite was built without FTS5 the same queries fall back to
LIKE, slower but with the same results for plain words.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..models import Article, Event

FTS_SCHEMA = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    " article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE events_fts USING fts5("
    " event_id UNINDEXED, title, brief, tokenize = 'unicode61 remove_diacritics 2')",
)
SORTS = ("relevance", "date", "date_asc", "sources", "title")
ORDER_BY = {
    "date": "e.date_start IS NULL, e.date_start DESC, e.n_articles DESC, e.id",
    "date_asc": "e.date_start IS NULL, e.date_start ASC, e.n_articles DESC, e.id",
    "sources": "e.n_articles DESC, e.date_start IS NULL, e.date_start DESC, e.id",
    "title": "e.title COLLATE NOCASE, e.id",
    "relevance": "hits.score, e.date_start IS NULL, e.date_start DESC, e.id",
}
MARK_START, MARK_END = "\x02", "\x03"  # snippet markers: the caller escapes, then marks


class QueryTimeout(Exception):
    """A query ran past its time limit and was interrupted."""


def migrate_search(conn: sqlite3.Connection) -> None:
    """Migration 003: the FTS5 mirrors, filled from rows already stored.

    Without FTS5 the migration is recorded anyway and searches use LIKE."""
    try:
        for statement in FTS_SCHEMA:
            conn.execute(statement)
    except sqlite3.OperationalError:
        return
    conn.execute("INSERT INTO articles_fts (article_id, title, text)"
                 " SELECT id, title, json_extract(data, '$.text') FROM articles")
    for event_id, title, data in conn.execute("SELECT id, title, data FROM events").fetchall():
        conn.execute("INSERT INTO events_fts (event_id, title, brief) VALUES (?, ?, ?)",
                     (event_id, title, brief_text(Event.from_dict(json.loads(data)))))


def has_fts(conn: sqlite3.Connection) -> bool:
    """True when the FTS5 mirrors exist and this SQLite can read them."""
    try:
        conn.execute("SELECT 1 FROM articles_fts LIMIT 0")
        conn.execute("SELECT 1 FROM events_fts LIMIT 0")
    except sqlite3.OperationalError:
        return False
    return True


def brief_text(event: Event) -> str:
    """Everything the brief says, as one searchable string (headline and figure lines too)."""
    parts = ([event.brief_headline.text] if event.brief_headline else []) + [s.text for s in event.brief]
    return " ".join(parts + [line.text for line in event.figures])


def fts_rowid(row_id: str) -> int:
    """The mirror row of an article or event, found by rowid: the id columns of an FTS5
    table are not indexed, and deleting by them scans the whole mirror (quadratic as a
    store grows). 63 bits of a hash of the id: a collision is not a practical concern."""
    return int.from_bytes(hashlib.blake2b(row_id.encode(), digest_size=8).digest(), "big") >> 1


def index_articles(conn: sqlite3.Connection, articles: Iterable[Article]) -> None:
    conn.executemany("INSERT INTO articles_fts (rowid, article_id, title, text) VALUES (?, ?, ?, ?)",
                     [(fts_rowid(a.id), a.id, a.title, a.text) for a in articles])


def unindex_article(conn: sqlite3.Connection, article_id: str) -> None:
    conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (fts_rowid(article_id),))


def index_events(conn: sqlite3.Connection, events: Iterable[Event]) -> None:
    """Events are replaced whole, so their mirror is too."""
    conn.execute("DELETE FROM events_fts")
    conn.executemany("INSERT INTO events_fts (rowid, event_id, title, brief) VALUES (?, ?, ?, ?)",
                     [(fts_rowid(e.id), e.id, e.title, brief_text(e)) for e in events])


def reindex_events(conn: sqlite3.Connection, events: Iterable[Event], removed: Iterable[str] = ()) -> None:
    """Only the events a batch rebuilt (and those it removed) change in the mirror."""
    events = list(events)
    conn.executemany("DELETE FROM events_fts WHERE rowid = ?",
                     [(fts_rowid(i),) for i in {*removed, *(e.id for e in events)}])
    conn.executemany("INSERT INTO events_fts (rowid, event_id, title, brief) VALUES (?, ?, ?, ?)",
                     [(fts_rowid(e.id), e.id, e.title, brief_text(e)) for e in events])


def rowids_by_hash(conn: sqlite3.Connection) -> None:
    """Migration 008: mirror rows written before :func:`fts_rowid` move to their id's rowid
    (a thousand at a time, so a big store's texts are never all in memory)."""
    if not has_fts(conn):
        return
    for table, key, columns in (("articles_fts", "article_id", "title, text"), ("events_fts", "event_id", "title, brief")):
        old = [r[0] for r in conn.execute(f"SELECT rowid FROM {table}")]
        for start in range(0, len(old), 1000):
            part = old[start : start + 1000]
            marks = ",".join("?" * len(part))
            rows = conn.execute(f"SELECT {key}, {columns} FROM {table} WHERE rowid IN ({marks})", part).fetchall()
            conn.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", part)
            conn.executemany(f"INSERT INTO {table} (rowid, {key}, {columns}) VALUES (?, ?, ?, ?)",
                             [(fts_rowid(r[0]), *r) for r in rows])


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float) -> Iterator[None]:
    """Interrupt any query on ``conn`` that runs longer than ``seconds`` (Datasette's rule)."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(f"query took longer than {seconds:g} s") from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


def words(q: str) -> list[str]:
    """The words of a user's query; FTS5 operators and quotes are never passed through."""
    return re.findall(r"\w+", q or "")[:12]


def match_expression(q: str) -> str:
    """Every word must occur, each as a prefix: ``Kyrgyz border`` → ``"Kyrgyz"* "border"*``."""
    return " ".join(f'"{w}"*' for w in words(q))


@dataclass
class EventQuery:
    """The filters, sort and page of an events listing (web page, API, CLI and exports alike;
    :func:`newsfuse.filters.parse_event_query` builds one from what a user typed).

    ``date_from``/``date_to`` are ISO years, months or days; an event matches when its dates
    overlap them (``date_to`` 2024-05 takes in all of May). ``min_sources`` counts reports;
    ``min_fatalities`` the event's documented ``fatalities`` total (an event without one
    never matches it)."""

    q: str = ""
    date_from: str | None = None
    date_to: str | None = None
    event_type: str | None = None
    country: str | None = None
    min_sources: int | None = None
    min_fatalities: int | None = None
    sort: str | None = None  # None: relevance with a query, else newest first
    page: int = 1
    per_page: int = 20

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or words(self.q)):
            return self.sort
        return "relevance" if words(self.q) else "date"


@dataclass
class EventPage:
    total: int
    events: list[Event] = field(default_factory=list)


def _hits_cte(q: str, fts: bool) -> tuple[str, list]:
    """A CTE ``hits(event_id, score)``: events whose title/brief or any article matches."""
    if fts:
        m = match_expression(q)
        return ("WITH matched(event_id, score) AS ("
                " SELECT event_id, bm25(events_fts) FROM events_fts WHERE events_fts MATCH ?"
                " UNION ALL SELECT ea.event_id, bm25(articles_fts) FROM articles_fts"
                " JOIN event_articles ea ON ea.article_id = articles_fts.article_id WHERE articles_fts MATCH ?),"
                " hits(event_id, score) AS (SELECT event_id, min(score) FROM matched GROUP BY event_id) "), [m, m]
    clauses, params = [], []
    for w in words(q):
        like = f"%{w}%"
        clauses.append("(e.title LIKE ? OR json_extract(e.data, '$.brief') LIKE ? OR EXISTS ("
                       "SELECT 1 FROM event_articles ea JOIN articles a ON a.id = ea.article_id"
                       " WHERE ea.event_id = e.id AND (a.title LIKE ? OR json_extract(a.data, '$.text') LIKE ?)))")
        params += [like] * 4
    return ("WITH hits(event_id, score) AS (SELECT e.id, 0 FROM events e WHERE "
            + " AND ".join(clauses) + ") "), params


def matching_events(query: EventQuery, fts: bool) -> tuple[str, list, str, list]:
    """``(cte, cte_params, body, params)``: ``{cte}SELECT ...{body}`` reads the events
    (aliased ``e``) that match ``query``'s filters; the listing, the overview's map and its
    counts all select through it, so a filter means the same thing in each."""
    where, params = ["1"], []
    cte, cte_params = ("", [])
    join = ""
    if words(query.q):
        cte, cte_params = _hits_cte(query.q, fts)
        join = " JOIN hits ON hits.event_id = e.id"
    # dates compare at the coarser of the two precisions: "2024-05-31" <= "2024-05" is false
    # as strings, yet May 31 is in the month up to 2024-05; an event dated "2024" overlaps 2024-05
    if query.date_from:
        where.append("coalesce(e.date_end, e.date_start) >= substr(?, 1, length(coalesce(e.date_end, e.date_start)))")
        params.append(query.date_from)
    if query.date_to:
        where.append("substr(e.date_start, 1, length(?)) <= ?")
        params += [query.date_to, query.date_to]
    if query.event_type:
        where.append("lower(json_extract(e.data, '$.event_type')) = lower(?)")
        params.append(query.event_type)
    if query.country:
        where.append("(EXISTS (SELECT 1 FROM json_each(e.data, '$.locations') WHERE upper(json_extract(value, '$.country')) = upper(?))"
                     " OR EXISTS (SELECT 1 FROM json_each(e.data, '$.actors') WHERE upper(json_extract(value, '$.country')) = upper(?)))")
        params += [query.country, query.country]
    if query.min_sources:
        where.append("e.n_articles >= ?")
        params.append(query.min_sources)
    if query.min_fatalities is not None:
        where.append("json_extract(e.data, '$.fatalities') >= ?")  # null (no total) is never >=
        params.append(query.min_fatalities)
    body = f" FROM events e{join} WHERE {' AND '.join(where)}"
    return cte, cte_params, body, params


def query_events(conn: sqlite3.Connection, query: EventQuery, fts: bool) -> EventPage:
    """One page of events matching ``query``, and how many match in all."""
    cte, cte_params, body, params = matching_events(query, fts)
    total = conn.execute(f"{cte}SELECT count(*){body}", cte_params + params).fetchone()[0]
    order = ORDER_BY[query.effective_sort]
    offset = (max(query.page, 1) - 1) * query.per_page
    rows = conn.execute(f"{cte}SELECT e.data{body} ORDER BY {order} LIMIT ? OFFSET ?",
                        cte_params + params + [query.per_page, offset]).fetchall()
    return EventPage(total, [Event.from_dict(json.loads(r[0])) for r in rows])


def search_articles(conn: sqlite3.Connection, q: str, fts: bool, limit: int = 20) -> list[dict]:
    """Articles matching every word of ``q``, best first, with a snippet whose hits are
    wrapped in MARK_START/MARK_END (article text: escape it before showing it)."""
    if not words(q):
        return []
    if fts:
        rows = conn.execute(
            "SELECT a.id, a.title, a.source, a.published,"
            f" snippet(articles_fts, 2, '{MARK_START}', '{MARK_END}', '…', 16)"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (match_expression(q), limit)).fetchall()
    else:
        clauses = " AND ".join("(a.title LIKE ? OR json_extract(a.data, '$.text') LIKE ?)" for _ in words(q))
        params = [p for w in words(q) for p in (f"%{w}%", f"%{w}%")]
        rows = [(i, t, s, p, _like_snippet(text, words(q))) for i, t, s, p, text in conn.execute(
            "SELECT a.id, a.title, a.source, a.published, json_extract(a.data, '$.text') FROM articles a"
            f" WHERE {clauses} ORDER BY a.published DESC LIMIT ?", params + [limit])]
    return [{"id": i, "title": t, "source": s, "published": p, "snippet": snip} for i, t, s, p, snip in rows]


def _like_snippet(text: str, ws: list[str], width: int = 90) -> str:
    lower = text.lower()
    at = min((i for w in ws if (i := lower.find(w.lower())) >= 0), default=0)
    start = max(at - width // 2, 0)
    piece = text[start:start + width]
    for w in ws:
        piece = re.sub(f"({re.escape(w)})", f"{MARK_START}\\1{MARK_END}", piece, flags=re.IGNORECASE)
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def facets(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Values the filters can take: event types and country codes present in the store."""
    types = [r[0] for r in conn.execute(
        "SELECT DISTINCT json_extract(data, '$.event_type') AS t FROM events WHERE t IS NOT NULL ORDER BY t")]
    countries = [r[0] for r in conn.execute(
        "SELECT DISTINCT upper(json_extract(value, '$.country')) AS c FROM events, json_each(events.data, '$.locations')"
        " WHERE c IS NOT NULL ORDER BY c")]
    return {"event_types": types, "countries": countries}
