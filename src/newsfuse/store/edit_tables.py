"""The corrections log in SQLite (see :mod:`newsfuse.edits`).

* ``edits``: every correction, in order, as JSON (the audit log; never rewritten);
* ``pins``: where corrections put reports (article -> anchor article; itself: alone), read
  by the engine for the reports it places.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from .engine_tables import rows_in

MIGRATION = """
CREATE TABLE edits (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL,
                    event_id TEXT, data TEXT NOT NULL);
CREATE INDEX edits_event ON edits(event_id);
CREATE TABLE pins (article_id TEXT PRIMARY KEY, anchor TEXT NOT NULL, edit INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX pins_anchor ON pins(anchor)
"""


def add(conn: sqlite3.Connection, edit: dict[str, Any], pins: dict[str, str]) -> int:
    """Log one correction and set the pins it makes; the reports concerned become pending
    (the engine places them again), in the caller's transaction."""
    cur = conn.execute("INSERT INTO edits (at, action, event_id, data) VALUES (?, ?, ?, ?)",
                       (edit["at"], edit["action"], edit["event_id"], json.dumps(edit, ensure_ascii=False)))
    seq = cur.lastrowid
    conn.executemany("INSERT OR REPLACE INTO pins (article_id, anchor, edit) VALUES (?, ?, ?)",
                     [(a, b, seq) for a, b in sorted(pins.items())])
    return seq


def pins(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, str]:
    return dict(rows_in(conn, "SELECT article_id, anchor FROM pins WHERE article_id IN ({marks})", article_ids))


def pinned_to(conn: sqlite3.Connection, anchors: Iterable[str]) -> dict[str, str]:
    """Reports pinned to any of ``anchors`` (article -> anchor)."""
    return dict(rows_in(conn, "SELECT article_id, anchor FROM pins WHERE anchor IN ({marks})", anchors))


def edits_for(conn: sqlite3.Connection, event_ids: Iterable[str], aliases: dict[str, str] | None = None
              ) -> dict[str, list[dict[str, Any]]]:
    """The corrections of each event, including those made to ids that now resolve to it
    (stored aliases, and ``aliases`` about to be stored)."""
    owner = {i: i for i in event_ids}
    frontier = set(owner)
    while frontier:  # ids merged into these, and ids merged into those...
        found = dict(rows_in(conn, "SELECT alias, event_id FROM event_aliases WHERE event_id IN ({marks})", frontier))
        found.update({a: t for a, t in (aliases or {}).items() if t in frontier})
        frontier = {a for a in found if a not in owner}
        owner.update({a: owner[t] for a, t in found.items() if a in frontier})
    out: dict[str, list[dict[str, Any]]] = {}
    for seq, data in rows_in(conn, "SELECT seq, data FROM edits WHERE event_id IN ({marks})", owner):
        edit = json.loads(data)
        edit["seq"] = seq
        out.setdefault(owner[edit["event_id"]], []).append(edit)
    return out


def log(conn: sqlite3.Connection, event_id: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    sql = "SELECT seq, data FROM edits" + (" WHERE event_id = ?" if event_id else "") + " ORDER BY seq DESC LIMIT ?"
    rows = conn.execute(sql, ((event_id, limit) if event_id else (limit,)))
    return [{**json.loads(data), "seq": seq} for seq, data in rows]
