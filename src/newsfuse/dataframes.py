"""Events and claims as pandas DataFrames, for notebooks (pandas is the optional extra
``newsfuse[pandas]``; nothing else in newsfuse needs it).

One row per event, or per claim: flat columns of plain values, so a frame can be filtered,
grouped and written to CSV or Parquet as it is. The full records, with every place, actor,
brief sentence and reconciled row, are ``Result.records()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .models import Article, Event, event_point

if TYPE_CHECKING:
    import pandas

    from .api import Result

EVENT_COLUMNS = ["id", "title", "date_start", "date_end", "type", "country", "location", "lat", "lon",
                 "fatalities", "injured", "n_reports", "sources"]
CLAIM_COLUMNS = ["event_id", "article_id", "outlet", "claimant", "category", "number", "qualifier", "whose",
                 "side", "scope", "quote", "start", "end", "field"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError("newsfuse's DataFrames need pandas: pip install 'newsfuse[pandas]' "
                          "(or pip install pandas)") from exc
    return pandas


def _events_and_articles(result_or_events: Result | Iterable[Event],
                         articles: dict[str, Article] | None) -> tuple[list[Event], dict[str, Article] | None]:
    from .api import Result

    if isinstance(result_or_events, Result):
        return result_or_events.events, result_or_events.articles if articles is None else articles
    if isinstance(result_or_events, Event):
        return [result_or_events], articles
    events = list(result_or_events)
    if not all(isinstance(e, Event) for e in events):
        raise TypeError("expected a newsfuse Result or a list of Event records")
    return events, articles


def event_row(event: Event, articles: dict[str, Article] | None) -> dict[str, Any]:
    place = event_point(event.locations)
    sources = None
    if articles is not None:
        sources = "; ".join(sorted({articles[i].source for i in event.article_ids if i in articles}))
    return {
        "id": event.id,
        "title": event.title,
        "date_start": event.date.start,
        "date_end": event.date.end,
        "type": event.event_type,
        "country": (place.country if place else None)
        or next((x.country for x in event.locations if x.role == "event" and x.country), None),
        "location": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "n_reports": len(event.article_ids),
        "sources": sources,
    }


def to_dataframe(result_or_events: Result | Iterable[Event], articles: dict[str, Article] | None = None
                 ) -> pandas.DataFrame:
    """One row per event: ``EVENT_COLUMNS``. ``sources`` (the outlets, joined by "; ")
    needs the articles: given by a Result, else by ``articles`` (None without them)."""
    pd = _pandas()
    events, articles = _events_and_articles(result_or_events, articles)
    return pd.DataFrame([event_row(e, articles) for e in events], columns=EVENT_COLUMNS)


def claims_dataframe(result_or_events: Result | Iterable[Event], articles: dict[str, Article] | None = None
                     ) -> pandas.DataFrame:
    """One row per claim: ``CLAIM_COLUMNS``. ``quote`` is the claim's words; ``start`` and
    ``end`` index the article's cleaned text (or its title when ``field`` is "title");
    ``outlet`` is the article's source (None without the articles)."""
    pd = _pandas()
    events, articles = _events_and_articles(result_or_events, articles)
    rows = []
    for event in events:
        for c in event.claims:
            article = (articles or {}).get(c.article_id)
            rows.append({
                "event_id": event.id, "article_id": c.article_id, "outlet": article.source if article else None,
                "claimant": c.claimant, "category": c.category, "number": c.number, "qualifier": c.qualifier,
                "whose": c.whose, "side": c.side, "scope": c.scope, "quote": c.quote, "start": c.start,
                "end": c.end, "field": c.field,
            })
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)
