"""The few columns the web overview draws for every event matching a listing's filters:
one located place and the fatalities per event (for the map), and counts per day (for
the chart). Read with SQLite's JSON functions, so a store of many thousand events is
summarised without building an :class:`~newsfuse.models.Event` for each."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from .search import EventQuery, matching_events

# The event's first place where it happened that has coordinates (reconcile lists the
# most specific first); places only named in the reports do not locate the event.
EVENT_PLACE = ("(SELECT value FROM json_each(e.data, '$.locations')"
               " WHERE json_extract(value, '$.role') = 'event'"
               " AND json_extract(value, '$.lat') IS NOT NULL AND json_extract(value, '$.lon') IS NOT NULL"
               " ORDER BY key LIMIT 1)")
FATALITIES = "json_extract(e.data, '$.fatalities')"


@dataclass
class MapPoint:
    """One event on the overview map."""

    event_id: str
    title: str
    date: str | None
    fatalities: int | None
    place: str
    lat: float
    lon: float


@dataclass
class DayCount:
    """Matching events whose first day is ``day`` (None: undated), and their fatalities."""

    day: str | None
    events: int
    fatalities: int


@dataclass
class Overview:
    """What the overview shows for one set of filters."""

    total: int = 0  # events matching the filters
    located: int = 0  # of those, events with a located place where it happened
    points: list[MapPoint] = field(default_factory=list)  # the most deadly located events, at most the limit
    days: list[DayCount] = field(default_factory=list)  # every matching event, counted by its first day


def event_overview(conn: sqlite3.Connection, query: EventQuery, fts: bool, limit: int) -> Overview:
    """The map points (most fatalities first, at most ``limit``) and the per-day counts of
    the events matching ``query`` (its sort and page are ignored)."""
    cte, cte_params, body, params = matching_events(query, fts)
    days = [DayCount(day, n, int(dead or 0)) for day, n, dead in conn.execute(
        f"{cte}SELECT substr(e.date_start, 1, 10) AS day, count(*), sum(coalesce({FATALITIES}, 0)){body}"
        " GROUP BY day ORDER BY day IS NULL, day", cte_params + params)]
    rows = conn.execute(
        f"{cte}SELECT id, title, date_start, dead, place, count(*) OVER () FROM ("
        f"SELECT e.id, e.title, e.date_start, e.n_articles, {FATALITIES} AS dead, {EVENT_PLACE} AS place{body}"
        ") WHERE place IS NOT NULL ORDER BY coalesce(dead, -1) DESC, n_articles DESC, id LIMIT ?",
        cte_params + params + [limit]).fetchall()
    return overview_of(days, rows)


def overview_of(days: list[DayCount], rows: list[tuple]) -> Overview:
    """The overview from the per-day counts and the map rows (id, title, first day,
    fatalities, place as JSON, how many are located) that either backend reads."""
    points = []
    for event_id, title, date, dead, place, _ in rows:
        where = json.loads(place)
        points.append(MapPoint(event_id, title or event_id, date, None if dead is None else int(dead),
                               where.get("name") or "?", float(where["lat"]), float(where["lon"])))
    return Overview(total=sum(d.events for d in days), located=rows[0][5] if rows else 0,
                    points=points, days=days)
