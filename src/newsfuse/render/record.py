"""The event-record contract (docs/event-record.md, schema/event-record.schema.json).

Field names here are a public contract: later versions may add fields, never rename.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, replace
from typing import Any

from ..analysis import coverage
from ..models import Article, Event
from ..store.search import EventQuery

PAGE_SIZE = 200


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "derived_from": article.derived_from,
        "analysis": coverage(article),  # "full", "partial (language xx)" or "translated (language xx)"
        "translation": translation_summary(article),  # docs/languages.md
    }


def translation_summary(article: Article) -> dict[str, Any] | None:
    """Whether the report was machine-translated (model, sentences) or why not; None when
    no translation was asked for."""
    t = article.translation
    if t is None:
        return None
    return {"to": t.to, "model": t.model, "sentences": len(t.sentences), "error": t.error}


def event_record(event: Event, articles: dict[str, Article]) -> dict[str, Any]:
    """The exported JSON for one event."""
    members = [articles[i] for i in event.article_ids if i in articles]
    return {
        "id": event.id,
        "title": event.title,
        "event_type": event.event_type,
        "date": asdict(event.date),
        "locations": [asdict(x) for x in event.locations],
        "actors": [asdict(x) for x in event.actors],
        "articles": [article_summary(a) for a in members],
        "languages": sorted({a.language for a in members if a.language}),
        "claims": [asdict(x) for x in event.claims],
        "casualties": [asdict(x) for x in event.casualties],
        "brief": [asdict(x) for x in event.brief],
        "independent_sources": event.independent_sources,
        "sub_event_type": event.sub_event_type,
        "brief_headline": asdict(event.brief_headline) if event.brief_headline else None,
        "figures": [asdict(x) for x in event.figures],
        "mentioned_in": [asdict(x) for x in event.mentioned_in],
        "fatalities": event.fatalities,
        "injured": event.injured,
        "totals": [asdict(x) for x in event.totals],
        "edits": list(event.edits),
    }


def all_records(store) -> list[dict[str, Any]]:
    """Every stored event as a record; each event's articles are read with it. For a store of
    any size prefer :func:`iter_records`, which holds one page at a time."""
    return [record_with_articles(store, e)[0] for e in store.list_events()]


def iter_records(store, query: EventQuery | None = None, page_size: int = PAGE_SIZE) -> Iterator[dict[str, Any]]:
    """The records of every event ``query`` matches (all of them without one), newest first
    unless it sorts otherwise, read a page at a time: a big store is never in memory at once.
    The pages come from one snapshot of the store, so a run committing meanwhile cannot move
    an event from one page to the next (listing it twice, or never)."""
    query = replace(query or EventQuery(), sort=(query.sort if query else None) or "date",
                    page=1, per_page=page_size)
    with store.snapshot():
        while True:
            events = store.query_events(query).events
            for event in events:
                yield record_with_articles(store, event)[0]
            if len(events) < page_size:
                return
            query = replace(query, page=query.page + 1)


def record_with_articles(store, event: Event) -> tuple[dict[str, Any], dict[str, Article]]:
    """One event's record and its articles (read once), for views that show both."""
    articles = {i: a for i in event.article_ids if (a := store.get_article(i))}
    return event_record(event, articles), articles


def article_record(article: Article) -> dict[str, Any]:
    """What ``newsfuse articles --json`` prints for one stored article."""
    return {
        "id": article.id,
        "path": article.path,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "removed": [{"line": r.line, "reason": r.reason} for r in article.removed],
        "translation": asdict(article.translation) if article.translation else None,  # beside the original
    }


def schema() -> dict[str, Any]:
    """The JSON Schema of one event record, shipped with the package."""
    import json
    from importlib import resources

    return json.loads(resources.files("newsfuse").joinpath("schema/event-record.schema.json").read_text("utf-8"))
