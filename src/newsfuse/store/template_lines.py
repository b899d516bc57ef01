"""Template lines learned across runs: an outlet's masthead or share bar, found because its
articles repeat it, whichever run or batch brought them.

Counts of each candidate line (short, not a sentence) are kept per outlet and overall; a line
becomes template text when it reaches the thresholds of :func:`newsfuse.clean.repeated_lines`.
Until then the store remembers which articles hold it; when it crosses, those articles are
returned to be cleaned again, so every stored article ends up without it, whatever the
order and batches in which they came. Each article is counted once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..clean import MIN_ANY, MIN_SAME_SOURCE
from .engine_tables import rows_in

MIGRATION = """
CREATE TABLE line_counts (source TEXT NOT NULL, line TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (source, line))
    WITHOUT ROWID;
CREATE TABLE line_holders (line TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (line, article_id)) WITHOUT ROWID;
CREATE TABLE template_lines (line TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE lines_counted (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE to_clean (article_id TEXT NOT NULL, line TEXT NOT NULL, PRIMARY KEY (article_id, line)) WITHOUT ROWID
"""
OVERALL = ""  # the source under which lines are counted across every outlet


def known(conn: sqlite3.Connection, lines: Iterable[str]) -> set[str]:
    """Which of ``lines`` are template text already."""
    return {r[0] for r in rows_in(conn, "SELECT line FROM template_lines WHERE line IN ({marks})", lines)}


def counts(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Stored counts of (source, line) pairs (source ``OVERALL`` for all outlets)."""
    out = {}
    for source, line in set(pairs):
        row = conn.execute("SELECT n FROM line_counts WHERE source = ? AND line = ?", (source, line)).fetchone()
        if row:
            out[(source, line)] = row[0]
    return out


def _crossed(source: str, n: int) -> bool:
    return n >= (MIN_ANY if source == OVERALL else MIN_SAME_SOURCE)


def learn(conn: sqlite3.Connection, holders: Iterable[tuple[str, str | None, set[str]]]) -> None:
    """Count the lines of newly stored articles (``(article id, outlet, candidate lines)``),
    inside the caller's transaction; articles stored earlier that hold a line which has just
    become template text are queued in ``to_clean`` (see :func:`to_clean`)."""
    again: dict[str, set[str]] = {}
    new_ids = set()
    for article_id, source, lines in holders:
        if conn.execute("INSERT OR IGNORE INTO lines_counted (article_id) VALUES (?)", (article_id,)).rowcount == 0:
            continue  # counted before
        new_ids.add(article_id)
        for line in lines:
            if conn.execute("SELECT 1 FROM template_lines WHERE line = ?", (line,)).fetchone():
                continue
            crossed = False
            for src in {OVERALL, source} - {None}:
                conn.execute("INSERT INTO line_counts (source, line, n) VALUES (?, ?, 1) "
                             "ON CONFLICT(source, line) DO UPDATE SET n = n + 1", (src, line))
                n = conn.execute("SELECT n FROM line_counts WHERE source = ? AND line = ?", (src, line)).fetchone()[0]
                crossed = crossed or _crossed(src, n)
            if crossed:
                conn.execute("INSERT OR IGNORE INTO template_lines (line) VALUES (?)", (line,))
                for (holder,) in conn.execute("SELECT article_id FROM line_holders WHERE line = ?", (line,)).fetchall():
                    again.setdefault(holder, set()).add(line)
                conn.execute("DELETE FROM line_holders WHERE line = ?", (line,))
            else:
                conn.execute("INSERT OR IGNORE INTO line_holders (line, article_id) VALUES (?, ?)", (line, article_id))
    conn.executemany("INSERT OR IGNORE INTO to_clean (article_id, line) VALUES (?, ?)",
                     [(aid, line) for aid, lines in again.items() if aid not in new_ids for line in lines])


def to_clean(conn: sqlite3.Connection, limit: int) -> dict[str, set[str]]:
    """Stored articles waiting to lose lines learned as template text after they came."""
    out: dict[str, set[str]] = {}
    for aid, line in conn.execute("SELECT article_id, line FROM to_clean WHERE article_id IN "
                                  "(SELECT DISTINCT article_id FROM to_clean LIMIT ?)", (limit,)):
        out.setdefault(aid, set()).add(line)
    return out
