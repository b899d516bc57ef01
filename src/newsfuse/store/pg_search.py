"""Full-text search and filtered, paged event listings over the PostgreSQL store.

The same filters as :mod:`.search` (SQLite), with PostgreSQL's own search: a ``tsvector``
per article (title and text) and per event (title and brief), written with the row and
read through a GIN index. Words are folded in Python before PostgreSQL sees them (lower
case, accents removed), as FTS5's ``unicode61 remove_diacritics`` does, so ``Bíshkek``
finds ``Bishkek`` on both backends without the ``unaccent`` extension; every word of a
query must occur, each as a prefix (``'kyrgyz':*``), as in SQLite.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..models import Event
from .overview import DayCount, Overview, overview_of
from .search import EventPage, EventQuery, QueryTimeout, _like_snippet, brief_text, words

CONFIG = "simple"  # no stemming or stop words: FTS5's unicode61 has none either
ORDER_BY = {
    "date": "e.date_start IS NULL, e.date_start DESC, e.n_articles DESC, e.id",
    "date_asc": "e.date_start IS NULL, e.date_start ASC, e.n_articles DESC, e.id",
    "sources": "e.n_articles DESC, e.date_start IS NULL, e.date_start DESC, e.id",
    "title": "lower(e.title) COLLATE \"C\", e.id",
    "relevance": "hits.score, e.date_start IS NULL, e.date_start DESC, e.id",
}
EVENT_PLACE = ("(SELECT l::text FROM json_array_elements(e.data::json->'locations') WITH ORDINALITY AS x(l, n)"
               " WHERE l->>'role' = 'event' AND l->>'lat' IS NOT NULL AND l->>'lon' IS NOT NULL ORDER BY n LIMIT 1)")
FATALITIES = "(e.data::json->>'fatalities')::numeric"


def fold(text: str | None) -> str:
    """Text as it is indexed and searched: lower case, without accents or NUL characters."""
    decomposed = unicodedata.normalize("NFKD", (text or "").replace("\x00", " ").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def article_text(title: str | None, text: str | None) -> str:
    return fold(f"{title or ''} {text or ''}")


def event_text(event: Event) -> str:
    return fold(f"{event.title or ''} {brief_text(event)}")


def tsquery(q: str) -> str:
    """Every word of ``q`` as a prefix, all required: ``Kyrgyz border`` → ``'kyrgyz':* & 'border':*``."""
    terms = [fold(w).replace("'", "") for w in words(q)]
    return " & ".join(f"'{t}':*" for t in terms if t.strip())


@contextmanager
def time_limit(conn: Any, seconds: float) -> Iterator[None]:
    """Cancel any statement on ``conn`` that runs longer than ``seconds`` (PostgreSQL's
    ``statement_timeout``; reset after, unless the transaction it ran in failed and its
    rollback resets it)."""
    import psycopg
    from psycopg.pq import TransactionStatus

    conn.execute(f"SET statement_timeout = {max(int(seconds * 1000), 1)}")
    try:
        yield
    except psycopg.errors.QueryCanceled as exc:
        raise QueryTimeout(f"query took longer than {seconds:g} s") from exc
    finally:
        if conn.info.transaction_status != TransactionStatus.INERROR:
            conn.execute("SET statement_timeout TO DEFAULT")


def _hits_cte(q: str) -> tuple[str, list]:
    """A CTE ``hits(event_id, score)``: events whose title/brief or any article matches
    (score: lower is better, as SQLite's bm25)."""
    query = tsquery(q)
    return ("WITH matched(event_id, score) AS ("
            f" SELECT e.id, -ts_rank(e.search, q) FROM events e, to_tsquery('{CONFIG}', %s) q WHERE e.search @@ q"
            f" UNION ALL SELECT ea.event_id, -ts_rank(a.search, q) FROM articles a, to_tsquery('{CONFIG}', %s) q,"
            " event_articles ea WHERE a.search @@ q AND ea.article_id = a.id),"
            " hits(event_id, score) AS (SELECT event_id, min(score) FROM matched GROUP BY event_id) "), [query, query]


def matching_events(query: EventQuery) -> tuple[str, list, str, list]:
    """``(cte, cte_params, body, params)`` as :func:`.search.matching_events`, in PostgreSQL."""
    where: list[str] = ["TRUE"]
    params: list = []
    cte, cte_params, join = "", [], ""
    if words(query.q) and tsquery(query.q):
        cte, cte_params = _hits_cte(query.q)
        join = " JOIN hits ON hits.event_id = e.id"
    elif words(query.q):
        where.append("FALSE")
    if query.date_from:
        where.append("coalesce(e.date_end, e.date_start) >= substr(%s, 1, length(coalesce(e.date_end, e.date_start)))")
        params.append(query.date_from)
    if query.date_to:
        where.append("substr(e.date_start, 1, length(%s)) <= %s")
        params += [query.date_to, query.date_to]
    if query.event_type:
        where.append("lower(e.data::json->>'event_type') = lower(%s)")
        params.append(query.event_type)
    if query.country:
        where.append("(EXISTS (SELECT 1 FROM json_array_elements(e.data::json->'locations') l"
                     " WHERE upper(l->>'country') = upper(%s))"
                     " OR EXISTS (SELECT 1 FROM json_array_elements(e.data::json->'actors') l"
                     " WHERE upper(l->>'country') = upper(%s)))")
        params += [query.country, query.country]
    if query.min_sources:
        where.append("e.n_articles >= %s")
        params.append(query.min_sources)
    if query.min_fatalities is not None:
        where.append(f"{FATALITIES} >= %s")  # null (no total) is never >=
        params.append(query.min_fatalities)
    body = f" FROM events e{join} WHERE {' AND '.join(where)}"
    return cte, cte_params, body, params


def query_events(conn: Any, query: EventQuery) -> EventPage:
    cte, cte_params, body, params = matching_events(query)
    total = conn.execute(f"{cte}SELECT count(*){body}", cte_params + params).fetchone()[0]
    order = ORDER_BY[query.effective_sort]
    offset = (max(query.page, 1) - 1) * query.per_page
    rows = conn.execute(f"{cte}SELECT e.data{body} ORDER BY {order} LIMIT %s OFFSET %s",
                        cte_params + params + [query.per_page, offset]).fetchall()
    return EventPage(total, [Event.from_dict(json.loads(r[0])) for r in rows])


def search_articles(conn: Any, q: str, limit: int = 20) -> list[dict]:
    """Articles matching every word of ``q``, best first, with a snippet around the first
    hit (marked as :func:`.search.search_articles` marks it)."""
    query = tsquery(q)
    if not query:
        return []
    rows = conn.execute(
        f"SELECT a.id, a.title, a.source, a.published, a.data FROM articles a, to_tsquery('{CONFIG}', %s) q"
        " WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.id LIMIT %s", (query, limit)).fetchall()
    return [{"id": i, "title": t, "source": s, "published": p,
             "snippet": _like_snippet(json.loads(data).get("text") or "", words(q))} for i, t, s, p, data in rows]


def facets(conn: Any) -> dict[str, list[str]]:
    types = [r[0] for r in conn.execute(
        "SELECT t FROM (SELECT DISTINCT data::json->>'event_type' AS t FROM events) AS x WHERE t IS NOT NULL"
        " ORDER BY t COLLATE \"C\"")]
    countries = [r[0] for r in conn.execute(
        "SELECT c FROM (SELECT DISTINCT upper(l->>'country') AS c FROM events,"
        " json_array_elements(events.data::json->'locations') l) AS x WHERE c IS NOT NULL ORDER BY c COLLATE \"C\"")]
    return {"event_types": types, "countries": countries}


def event_overview(conn: Any, query: EventQuery, limit: int) -> Overview:
    """As :func:`.overview.event_overview`, in PostgreSQL."""
    cte, cte_params, body, params = matching_events(query)
    days = [DayCount(day, n, int(dead or 0)) for day, n, dead in conn.execute(
        f"{cte}SELECT substr(e.date_start, 1, 10) AS day, count(*), sum(coalesce({FATALITIES}, 0)){body}"
        " GROUP BY 1 ORDER BY 1 NULLS LAST", cte_params + params)]
    rows = conn.execute(
        f"{cte}SELECT id, title, date_start, dead, place, count(*) OVER () FROM ("
        f"SELECT e.id, e.title, e.date_start, e.n_articles, {FATALITIES} AS dead, {EVENT_PLACE} AS place{body}"
        ") AS m WHERE place IS NOT NULL ORDER BY coalesce(dead, -1) DESC, n_articles DESC, id LIMIT %s",
        cte_params + params + [limit]).fetchall()
    return overview_of(days, rows)


def index_events(conn: Any, events: Iterable[Event]) -> None:
    """Fill the search column of events just written (their brief is known only in Python)."""
    conn.cursor().executemany(f"UPDATE events SET search = to_tsvector('{CONFIG}', %s) WHERE id = %s",
                              [(event_text(e), e.id) for e in events])
