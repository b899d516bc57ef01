"""HTML pages, rendered on the server so each works without JavaScript:
the events list (search, filters, sorting, paging), the overview (the same filters on
a map and over time), one event, one article, and a readable API reference built
from the OpenAPI schema (no CDN-hosted docs UI)."""

from __future__ import annotations

import inspect
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException

from ..render.html import safe_url
from ..render.record import article_record, record_with_articles
from ..store.search import MARK_END, MARK_START, SORTS, EventQuery
from .api import resolve_event
from .app import get_store, render
from .article_view import article_fields, translation_rows
from .charts import counts_chart_svg, parse_day
from .event_view import event_context
from .highlight import article_facts, highlight, parse_span
from .mapsvg import overview_map_svg
from .queries import event_summary, parse_event_query, query_params

router = APIRouter(include_in_schema=False)


def marked_snippet(snippet: str) -> Markup:
    """A search snippet, escaped, with the matched words in <mark>."""
    return Markup(str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, store=Depends(get_store)) -> HTMLResponse:
    query = listing_query(request)
    result = store.query_events(query)
    pages = max(1, -(-result.total // query.per_page))
    base = query_params(query)

    def page_href(n: int) -> str:
        return "/?" + urlencode({**base, "page": str(n)})

    articles = store.search_articles(query.q, limit=10) if query.q else []
    for a in articles:
        a["snippet_html"] = marked_snippet(a["snippet"])
    return render(request, "events.html", query=query, total=result.total,
                  events=[event_summary(e) for e in result.events], facets=store.facets(),
                  sorts=SORTS, pages=pages, page_href=page_href, articles=articles,
                  export_href=lambda fmt: "/api/export?" + urlencode({"format": fmt}),
                  api_href="/api/events?" + urlencode(base), overview_href="/overview?" + urlencode(base))


MAP_LIMIT = 2000  # the overview map draws at most this many events (the most deadly)


def listing_query(request: Request) -> EventQuery:
    """The listing filters of this request: every parameter :func:`parse_event_query`
    takes, read by name, so a filter added there reaches the overview unchanged."""
    names = inspect.signature(parse_event_query).parameters
    return parse_event_query(**{name: request.query_params.get(name) for name in names})


@router.get("/overview", response_class=HTMLResponse)
def overview_page(request: Request, store=Depends(get_store)) -> HTMLResponse:
    query = listing_query(request)
    summary = store.event_overview(query, limit=MAP_LIMIT)
    result = store.query_events(query)
    base = query_params(query)
    days = [(d.day, d.events, d.fatalities) for d in summary.days]
    return render(request, "overview.html", query=query, total=result.total, summary=summary,
                  killed=sum(d.fatalities for d in summary.days), undated=sum(d.events for d in summary.days if parse_day(d.day) is None),
                  map=overview_map_svg(summary.points), chart=counts_chart_svg(days), map_limit=MAP_LIMIT,
                  events=[event_summary(e) for e in result.events], facets=store.facets(), sorts=SORTS,
                  pages=max(1, -(-result.total // query.per_page)),
                  page_href=lambda n: "/overview?" + urlencode({**base, "page": str(n)}),
                  list_href="/?" + urlencode(base), api_href="/api/events?" + urlencode(base))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, store=Depends(get_store)) -> HTMLResponse:
    record, articles = record_with_articles(store, resolve_event(store, event_id))
    for a in record["articles"]:
        a["link"] = safe_url(a.get("url"))
    return render(request, "event.html", writable=bool(request.app.state.token), **event_context(record, articles))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store=Depends(get_store)) -> HTMLResponse:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    cited = parse_span(request.query_params.get("hl"), len(article.text))
    facts = article_facts(article, cited)
    body = highlight(article.text, facts, [s.start for s in article.sentences])
    events = [(eid, store.get_event(eid)) for eid in store.events_of_article(article.id)]
    derived = store.get_article(article.derived_from) if article.derived_from else None
    return render(request, "article.html", article=article_record(article), body=body, facts=facts,
                  kinds=("claim", "number", "date", "place", "entity"),
                  plurals={"claim": "claims", "number": "numbers", "date": "dates", "place": "places", "entity": "names"},
                  events=[(eid, e.title if e else eid) for eid, e in events], derived=derived,
                  fields=article_fields(article), translation=translation_rows(article))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    routes = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "description": op.get("description", ""),
                           "params": [(x["name"], x.get("in"), x.get("description", ""), x.get("required", False))
                                      for x in op.get("parameters", [])]})
    return render(request, "api_docs.html", routes=routes, info=schema.get("info", {}))
