"""What pages and API routes ask of the store, in one place: the listing filters
(parsed by :mod:`newsfuse.filters`, which the CLI shares), paging links, and the
one-line summaries the events list shows.

Both the HTML pages and the JSON API go through these functions, so a filter means
the same thing in either.
"""

from __future__ import annotations

from typing import Any

from ..filters import BadRequest, parse_event_query
from ..models import Event
from ..store.search import EventQuery
from ..wording import number_text

CATEGORY_ORDER = ("killed", "wounded", "shot", "captured", "missing", "arrested", "displaced")
__all__ = ["BadRequest", "parse_event_query", "query_params", "headline_figures", "place_names",
           "event_summary", "date_text"]  # the filters live in newsfuse.filters; re-exported for the pages


def query_params(query: EventQuery) -> dict[str, str]:
    """The non-default filters of ``query`` as query-string values (for paging links)."""
    values = {"q": query.q, "date_from": query.date_from, "date_to": query.date_to,
              "event_type": query.event_type, "country": query.country,
              "min_sources": query.min_sources, "min_fatalities": query.min_fatalities, "sort": query.sort,
              "per_page": query.per_page if query.per_page != 20 else None}
    return {k: str(v) for k, v in values.items() if v or (k == "min_fatalities" and v == 0)}


def headline_figures(casualties: list[dict[str, Any]], limit: int = 3) -> list[dict[str, Any]]:
    """The few reconciled figures a listing shows: national rows, deadliest categories first."""
    rows = [c for c in casualties if not c.get("region") and c.get("best") is not None]
    rows.sort(key=lambda c: (CATEGORY_ORDER.index(c["category"]) if c["category"] in CATEGORY_ORDER else 99,
                             -(c["best"] or 0)))
    out = []
    for c in rows[:limit]:
        who = c.get("whose") or c.get("side") or ""
        span = ""
        if c.get("low") is not None and c.get("high") is not None and c["low"] != c["high"]:
            span = f" ({number_text(c['low'])}–{number_text(c['high'])})"
        out.append({"text": f"{number_text(c['best'])}{span} {c['category']}" + (f" · {who}" if who else ""),
                    "category": c["category"], "best": c["best"], "low": c.get("low"), "high": c.get("high"),
                    "side": c.get("side"), "whose": c.get("whose"),
                    "conflict": bool(c.get("conflict")), "provisional": bool(c.get("provisional"))})
    return out


def place_names(event: Event, limit: int = 4) -> list[str]:
    """Where it happened first, most specific first (the order reconcile gives)."""
    ordered = [x for x in event.locations if x.role == "event"] + [x for x in event.locations if x.role != "event"]
    return [x.name for x in ordered[:limit]]


def event_summary(event: Event) -> dict[str, Any]:
    """One row of the events listing (page and API)."""
    from dataclasses import asdict

    return {
        "id": event.id,
        "title": event.title,
        "date": asdict(event.date),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "places": place_names(event),
        "figures": headline_figures([asdict(c) for c in event.casualties]),
        "n_articles": len(event.article_ids),
        "independent_sources": event.independent_sources,
        "url": f"/events/{event.id}",
        "api_url": f"/api/events/{event.id}",
    }


def date_text(date: dict[str, Any]) -> str:
    if not date.get("start"):
        return "date unknown"
    if not date.get("end") or date["end"] == date["start"]:
        return date["start"]
    return f"{date['start']} – {date['end']}"
