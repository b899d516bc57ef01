"""The JSON API under /api: the same records the CLI prints, read-only unless a token
is configured. Errors have one shape: ``{"error": {"status": N, "message": "..."}}``."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ..filters import BadRequest, parse_event_query
from ..models import Event
from ..render.export import export
from ..render.record import article_record, iter_records, record_with_articles
from ..store.search import MARK_END, MARK_START
from .app import check_token, get_store
from .queries import event_summary

router = APIRouter(prefix="/api", tags=["api"])
CSV_TYPE = "text/csv; charset=utf-8"
EXPORT_TYPES = {"json": "application/json", "csv": CSV_TYPE, "acled": CSV_TYPE, "claims": CSV_TYPE,
                "geojson": "application/geo+json"}
EXPORT_NAMES = {"acled": "events-acled.csv", "claims": "claims.csv"}
MAX_POST_BYTES = 20 * 1024 * 1024
MAX_POST_ARTICLES = 1000
MAX_JSON_DEPTH = 20  # an article is an object of strings (and a little metadata): nothing nests deeper


def listing_filters(q: str | None = Query(None, description="words to find in titles, briefs and articles"),
                    date_from: str | None = Query(None, description="ISO date: events ending on or after it"),
                    date_to: str | None = Query(None, description="ISO date: events starting on or before it"),
                    event_type: str | None = Query(None, description="ACLED event type, e.g. Battles"),
                    country: str | None = Query(None, description="ISO 3166-1 alpha-2 code of a place or actor"),
                    min_sources: str | None = Query(None, description="at least this many reports"),
                    min_fatalities: str | None = Query(None, description="a fatalities total of at least this"),
                    ) -> dict[str, str | None]:
    """The filters /api/events and /api/export share, declared once (parsed by parse_event_query,
    like the CLI's options and the pages' forms)."""
    return {"q": q, "date_from": date_from, "date_to": date_to, "event_type": event_type, "country": country,
            "min_sources": min_sources, "min_fatalities": min_fatalities}


@router.get("/events", summary="List events with the events page's filters")
def list_events(filters: dict[str, str | None] = Depends(listing_filters),
                sort: str | None = Query(None, description="relevance, date, date_asc, sources or title"),
                page: str | None = Query(None, description="page number, from 1"),
                per_page: str | None = Query(None, description="events per page, up to 100"),
                store=Depends(get_store)) -> dict[str, Any]:
    query = parse_event_query(**filters, sort=sort, page=page, per_page=per_page)
    result = store.query_events(query)
    return {"total": result.total, "page": query.page, "per_page": query.per_page,
            "pages": max(1, -(-result.total // query.per_page)), "sort": query.effective_sort,
            "events": [event_summary(e) for e in result.events]}


@router.get("/events/{event_id}", summary="One event record (docs/event-record.md)")
def get_event(event_id: str, store=Depends(get_store)) -> dict[str, Any]:
    record, _ = record_with_articles(store, resolve_event(store, event_id))
    return record


def resolve_event(store, event_id: str) -> Event:
    """The event with this exact id, the event it was merged into (a bookmarked link still
    works), or the one event whose id starts with it (6+ characters)."""
    event = store.get_event(event_id)
    if event is not None:
        return event
    merged_into = store.resolve_event(event_id)
    if merged_into is not None:
        return store.get_event(merged_into)
    matches = store.find_events(event_id) if len(event_id) >= 6 else []
    if len(matches) == 1:
        return store.get_event(matches[0])
    raise HTTPException(404, f"no event {event_id!r}")


@router.get("/articles/{article_id}", summary="One article: cleaned text, removed lines and extracted facts")
def get_article(article_id: str, store=Depends(get_store)) -> dict[str, Any]:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    record = article_record(article)
    record["derived_from"] = article.derived_from
    record["events"] = store.events_of_article(article.id)
    record["facts"] = {
        "numbers": [asdict(x) for x in article.numbers],
        "dates": [asdict(x) for x in article.dates],
        "places": [asdict(x) for x in article.places],
        "entities": [asdict(x) for x in article.entities],
        "claims": [asdict(x) for x in article.claims],
    }
    return record


@router.get("/search", summary="Events and articles matching every word of q")
def search(q: str = Query(..., min_length=1, max_length=200), limit: int = Query(20, ge=1, le=100),
           store=Depends(get_store)) -> dict[str, Any]:
    query = parse_event_query(q=q, per_page=str(limit))
    events = store.query_events(query)
    articles = store.search_articles(q, limit=limit)
    for a in articles:
        a["snippet"] = a["snippet"].replace(MARK_START, "").replace(MARK_END, "")
        a["url"] = f"/articles/{a['id']}"
    return {"q": q, "total_events": events.total, "events": [event_summary(e) for e in events.events],
            "articles": articles}


@router.get("/export", summary="Events (all, or those matching /api/events' filters) as JSON, CSV, "
                                "ACLED-style CSV, claims CSV or GeoJSON (docs/export.md)")
def export_events(format: str = Query("json", pattern="^(json|csv|acled|claims|geojson)$"),
                  filters: dict[str, str | None] = Depends(listing_filters), store=Depends(get_store)) -> Response:
    query = parse_event_query(**filters)
    name = EXPORT_NAMES.get(format, "events." + format)
    return Response(export(iter_records(store, query), format), media_type=EXPORT_TYPES[format],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/articles", summary="Ingest articles (needs the token)", dependencies=[Depends(check_token)],
             responses={401: {"description": "missing or wrong token"}, 403: {"description": "writes disabled"}})
async def add_articles(request: Request) -> JSONResponse:
    """Body: one article object, a list of them, or ``{"articles": [...]}``, with the JSON Lines
    fields (``text`` or ``html``, and optionally ``title``, ``url``, ``published``, ``source``,
    ``language``, ``id``). New articles are analysed and the events rebuilt."""
    body = await read_body(request, MAX_POST_BYTES)
    lines = await run_in_threadpool(article_lines, body)
    summary = await run_in_threadpool(_ingest, request.app.state.db, lines)
    return JSONResponse(summary, status_code=201 if summary["added"] else 200)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, read as it arrives and refused (413) as soon as it passes
    ``limit`` bytes: a chunked body has no Content-Length to check first."""
    too_large = HTTPException(413, f"body larger than {limit // 2**20} MB")
    try:
        declared = int(request.headers.get("content-length") or 0)
    except ValueError:
        raise BadRequest("Content-Length must be a whole number") from None
    if declared > limit:
        raise too_large
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        parts.append(chunk)
    return b"".join(parts)


def article_lines(body: bytes) -> bytes:
    """The posted articles as JSON Lines for the pipeline, or a BadRequest saying what is
    wrong with the body (run off the event loop: parsing 20 MB takes a while)."""
    too_deep = f"the JSON nests deeper than {MAX_JSON_DEPTH} levels; an article is an object of strings"
    try:
        data = json.loads(body)
    except RecursionError:  # deeper than even Python's parser goes
        raise BadRequest(too_deep) from None
    except ValueError:
        raise BadRequest("the body must be JSON: an article object or a list of them") from None
    if json_depth(data, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise BadRequest(too_deep)
    items = data.get("articles") if isinstance(data, dict) and "articles" in data else data
    items = [items] if isinstance(items, dict) else items
    if not isinstance(items, list) or not items:
        raise BadRequest("expected an article object, a list of them, or {\"articles\": [...]}")
    if len(items) > MAX_POST_ARTICLES:
        raise BadRequest(f"at most {MAX_POST_ARTICLES} articles per request")
    return b"".join(json.dumps(x, ensure_ascii=False).encode("utf-8") + b"\n" for x in items)


def json_depth(value: Any, stop: int) -> int:
    """How deeply lists and objects nest in ``value`` (a scalar is 0), without recursion;
    stops looking once past ``stop``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            if depth > stop:
                break
            stack.extend((x, depth + 1) for x in (item.values() if isinstance(item, dict) else item))
    return deepest


def _ingest(db: str, lines: bytes) -> dict[str, Any]:
    """Analyse outside any lock (a slow article blocks no one; the store commits each chunk
    in its own short write), then place the new reports in events (the engine's commits are
    refused and built again if another request committed first)."""
    from ..pipeline import run
    from ..store import open_store

    store = open_store(db)
    try:
        summary = run(["-"], store, stdin=io.BytesIO(lines))
    finally:
        store.close()
    issues = [{"item": i.path.replace("<stdin>:", "item "), "message": i.message} for i in summary.issues]
    return {"read": summary.read, "added": summary.added, "already_stored": summary.already_stored,
            "duplicates": summary.duplicates_in_batch, "events": summary.events, "issues": issues}
