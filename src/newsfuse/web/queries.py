"""What pages and API routes ask of the store, in one place: parsing the listing
filters, loading event records, and the one-line summaries the events list shows.

Both the HTML pages and the JSON API go through these functions, so a filter means
the same thing in either.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import Event
from ..store.search import SORTS, EventQuery
from ..wording import number_text

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_PER_PAGE = 100
CATEGORY_ORDER = ("killed", "wounded", "shot", "captured", "missing", "arrested", "displaced")


class BadRequest(ValueError):
    """A request parameter a user can fix; shown as a 400 with this message."""


def parse_event_query(q: str | None = None, date_from: str | None = None, date_to: str | None = None,
                      event_type: str | None = None, country: str | None = None,
                      min_sources: str | None = None, sort: str | None = None,
                      page: str | None = None, per_page: str | None = None) -> EventQuery:
    """Turn query-string values (empty strings from HTML forms mean "no filter") into an EventQuery."""
    def clean(v: str | None) -> str | None:
        return v.strip() if v and v.strip() else None

    for name, value in (("date_from", clean(date_from)), ("date_to", clean(date_to))):
        if value and not ISO_DATE.match(value):
            raise BadRequest(f"{name} must be an ISO date like 2024-05-14, not {value!r}")
    if clean(sort) and clean(sort) not in SORTS:
        raise BadRequest(f"sort must be one of {', '.join(SORTS)}")
    country_code = clean(country)
    if country_code and not re.fullmatch(r"[A-Za-z]{2}", country_code):
        raise BadRequest("country must be a two-letter ISO code such as KG")
    return EventQuery(
        q=(clean(q) or "")[:200],
        date_from=clean(date_from),
        date_to=clean(date_to),
        event_type=clean(event_type),
        country=country_code.upper() if country_code else None,
        min_sources=_int("min_sources", min_sources, 1, 10_000),
        sort=clean(sort),
        page=_int("page", page, 1, 100_000) or 1,
        per_page=_int("per_page", per_page, 1, MAX_PER_PAGE) or 20,
    )


def _int(name: str, value: str | None, low: int, high: int) -> int | None:
    if value is None or not str(value).strip():
        return None
    try:
        n = int(str(value).strip())
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, not {value!r}") from None
    if not low <= n <= high:
        raise BadRequest(f"{name} must be between {low} and {high}")
    return n


def query_params(query: EventQuery) -> dict[str, str]:
    """The non-default filters of ``query`` as query-string values (for paging links)."""
    values = {"q": query.q, "date_from": query.date_from, "date_to": query.date_to,
              "event_type": query.event_type, "country": query.country,
              "min_sources": query.min_sources, "sort": query.sort,
              "per_page": query.per_page if query.per_page != 20 else None}
    return {k: str(v) for k, v in values.items() if v}


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
