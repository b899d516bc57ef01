"""The PostgreSQL store's larger writes, each inside the caller's write transaction: one
engine commit, the template lines of new articles, one correction. The same rows as
:mod:`.engine_tables`, :mod:`.template_lines` and :mod:`.edit_tables` write in SQLite."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .pg_search import CONFIG, article_text, event_text
from .records import record_json
from .template_lines import OVERALL, _crossed

UPSERT_SETTING = ("INSERT INTO settings (key, value) VALUES (%s, %s)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
NEXT_GENERATION = "UPDATE settings SET value = (value::bigint + 1)::text WHERE key = 'articles_generation'"


def plain(value: str | None) -> str | None:
    """A column value PostgreSQL accepts: text may not hold NUL characters (the JSON records
    escape them, so they keep every character)."""
    return value.replace("\x00", "") if value else value


def insert_event(cur: Any, event: Any) -> None:
    cur.execute(
        "INSERT INTO events (id, title, date_start, date_end, n_articles, data, search)"
        f" VALUES (%s, %s, %s, %s, %s, %s, to_tsvector('{CONFIG}', %s)) ON CONFLICT (id) DO UPDATE SET"
        " title = excluded.title, date_start = excluded.date_start, date_end = excluded.date_end,"
        " n_articles = excluded.n_articles, data = excluded.data, search = excluded.search",
        (event.id, plain(event.title), event.date.start, event.date.end, len(event.article_ids),
         record_json(event.to_dict()), event_text(event)))
    cur.executemany("INSERT INTO event_articles (event_id, article_id) VALUES (%s, %s)",
                    [(event.id, aid) for aid in event.article_ids])


def update_articles(cur: Any, articles: Iterable[Any]) -> None:
    """Articles whose record changed (the engine's annotations); their text is unchanged."""
    cur.executemany("UPDATE articles SET data = %s WHERE id = %s",
                    [(record_json(a.to_dict()), a.id) for a in articles])


def write_chunk(conn: Any, commit: Any) -> None:
    """Write one engine commit (:class:`newsfuse.engine.ChunkCommit`)."""
    cur = conn.cursor()
    gone = [(n,) for n, (_, data, _) in commit.incidents.items() if data is None]
    cur.executemany("DELETE FROM incidents WHERE number = %s", gone)
    cur.executemany(
        "INSERT INTO incidents (number, event_id, data, time) VALUES (%s, %s, %s, %s) ON CONFLICT (number)"
        " DO UPDATE SET event_id = excluded.event_id, data = excluded.data, time = excluded.time",
        [(n, e, json.dumps(d, separators=(",", ":")), t) for n, (e, d, t) in commit.incidents.items() if d is not None])
    cur.executemany("INSERT INTO postings (key, incident) VALUES (%s, %s)", list(commit.postings))
    cur.executemany("INSERT INTO term_df (term, df) VALUES (%s, %s) ON CONFLICT (term) DO UPDATE"
                    " SET df = term_df.df + excluded.df", sorted(commit.df.items()))
    cur.execute("INSERT INTO settings (key, value) VALUES ('cluster_docs', %s) ON CONFLICT (key)"
                " DO UPDATE SET value = (settings.value::bigint + %s)::text", (str(commit.docs), commit.docs))
    if commit.arrivals:  # SQLite's INSERT OR REPLACE drops rows clashing on either column
        cur.execute("DELETE FROM arrivals WHERE seq = ANY(%s) OR article_id = ANY(%s)",
                    (list(commit.arrivals), list(commit.arrivals.values())))
    cur.executemany("INSERT INTO arrivals (seq, article_id) VALUES (%s, %s)", sorted(commit.arrivals.items()))
    cur.executemany("INSERT INTO outlet_evidence (source, data) VALUES (%s, %s) ON CONFLICT (source)"
                    " DO UPDATE SET data = excluded.data",
                    [(s, json.dumps(d)) for s, d in sorted(commit.evidence.items())])
    removed = list(commit.removed_events)
    if removed:
        cur.execute("DELETE FROM event_articles WHERE event_id = ANY(%s)", (removed,))
        cur.execute("DELETE FROM events WHERE id = ANY(%s)", (removed,))
        cur.execute("DELETE FROM passages WHERE event_id = ANY(%s)", (removed,))
    if commit.events:
        cur.execute("DELETE FROM event_articles WHERE event_id = ANY(%s)", ([e.id for e in commit.events],))
    for event in commit.events:
        insert_event(cur, event)
    for event_id, rows in commit.passages.items():
        cur.execute("DELETE FROM passages WHERE event_id = %s", (event_id,))
        cur.executemany("INSERT INTO passages (event_id, article_id, day, data) VALUES (%s, %s, %s, %s)",
                        [(event_id, a, d, json.dumps(data)) for a, d, data in rows])
    cur.executemany("INSERT INTO event_aliases (alias, event_id) VALUES (%s, %s) ON CONFLICT (alias)"
                    " DO UPDATE SET event_id = excluded.event_id", sorted(commit.aliases.items()))
    if commit.events:  # an id back in use
        cur.execute("DELETE FROM event_aliases WHERE alias = ANY(%s)", ([e.id for e in commit.events],))
    update_articles(cur, commit.articles)
    if commit.placed:
        cur.execute("DELETE FROM pending WHERE article_id = ANY(%s)", (list(commit.placed),))
    cur.execute("UPDATE settings SET value = (value::bigint + 1)::text WHERE key = 'cluster_version'")


def insert_articles(conn: Any, articles: list[Any]) -> list[str]:
    """Store the articles not stored yet and mark them pending; the ids that were new."""
    cur = conn.cursor()
    new = []
    for a in articles:
        cur.execute(
            "INSERT INTO articles (id, path, source, title, url, published, language, data, search)"
            f" VALUES (%s, %s, %s, %s, %s, %s, %s, %s, to_tsvector('{CONFIG}', %s)) ON CONFLICT (id) DO NOTHING",
            (a.id, plain(a.path), plain(a.source), plain(a.title), plain(a.url), plain(a.published),
             plain(a.language), record_json(a.to_dict()), article_text(a.title, a.text)))
        if cur.rowcount:
            new.append(a.id)
    cur.executemany("INSERT INTO pending (article_id) VALUES (%s) ON CONFLICT (article_id) DO NOTHING",
                    [(i,) for i in new])
    return new


def learn_lines(conn: Any, holders: Iterable[tuple[str, str | None, set[str]]]) -> None:
    """:func:`.template_lines.learn` in PostgreSQL (the same counts and thresholds)."""
    again: dict[str, set[str]] = {}
    new_ids = set()
    for article_id, source, lines in holders:
        if conn.execute("INSERT INTO lines_counted (article_id) VALUES (%s) ON CONFLICT DO NOTHING",
                        (article_id,)).rowcount == 0:
            continue  # counted before
        new_ids.add(article_id)
        for line in lines:
            if conn.execute("SELECT 1 FROM template_lines WHERE line = %s", (line,)).fetchone():
                continue
            crossed = False
            for src in {OVERALL, source} - {None}:
                n = conn.execute("INSERT INTO line_counts (source, line, n) VALUES (%s, %s, 1) ON CONFLICT (source, line)"
                                 " DO UPDATE SET n = line_counts.n + 1 RETURNING n", (src, line)).fetchone()[0]
                crossed = crossed or _crossed(src, n)
            if crossed:
                conn.execute("INSERT INTO template_lines (line) VALUES (%s) ON CONFLICT DO NOTHING", (line,))
                for (holder,) in conn.execute("DELETE FROM line_holders WHERE line = %s RETURNING article_id", (line,)):
                    again.setdefault(holder, set()).add(line)
            else:
                conn.execute("INSERT INTO line_holders (line, article_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                             (line, article_id))
    conn.cursor().executemany("INSERT INTO to_clean (article_id, line) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                              [(aid, line) for aid, lines in again.items() if aid not in new_ids for line in lines])


def add_edit(conn: Any, edit: dict[str, Any], pins: dict[str, str]) -> int:
    """:func:`.edit_tables.add` in PostgreSQL: the log number of the correction."""
    seq = conn.execute("INSERT INTO edits (at, action, event_id, data) VALUES (%s, %s, %s, %s) RETURNING seq",
                       (edit["at"], edit["action"], edit["event_id"],
                        json.dumps(edit, ensure_ascii=False))).fetchone()[0]
    conn.cursor().executemany("INSERT INTO pins (article_id, anchor, edit) VALUES (%s, %s, %s) ON CONFLICT (article_id)"
                              " DO UPDATE SET anchor = excluded.anchor, edit = excluded.edit",
                              [(a, b, seq) for a, b in sorted(pins.items())])
    return seq
