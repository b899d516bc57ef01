"""Passages that tell of another incident than the report's own.

A report is a member of one event, but it may recall another ("weeks after a fire in
Lorca on May 2 killed three workers") or round up several ("a second shooting in Totana
the same night"). A sentence that says something happened, on a day and in a town that
match another event and not the report's own, is linked to that other event as a
mention, with its span: the article stays a member of its own event only.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from ..analysis.places import EVENT_RE
from ..models import Article, Event, Mention
from .features import TOWN_PRECISIONS

WINDOW = timedelta(days=1)


def _days(event: Event) -> tuple[date, date] | None:
    if event.date.precision != "day" or not event.date.start:
        return None
    start = date.fromisoformat(event.date.start)
    return start, date.fromisoformat(event.date.end or event.date.start)


def _point(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    """A town as its rounded coordinates (the record's locations carry no gazetteer id)."""
    return (round(lat, 2), round(lon, 2)) if lat is not None and lon is not None else None


def _towns(event: Event) -> set[tuple[float, float]]:
    return {_point(x.lat, x.lon) for x in event.locations if x.precision in TOWN_PRECISIONS} - {None}


def link_mentions(events: list[Event], articles: dict[str, Article]) -> dict[str, list[Mention]]:
    """event id -> the passages of other events' reports that tell of it."""
    by_day: dict[date, list[Event]] = defaultdict(list)
    for event in events:
        span = _days(event)
        if span:
            day = span[0] - WINDOW
            while day <= span[1] + WINDOW:
                by_day[day].append(event)
                day += timedelta(days=1)
    towns = {e.id: _towns(e) for e in events}
    found: dict[str, list[Mention]] = defaultdict(list)
    for event in events:
        own = _days(event)
        for article in (articles[i] for i in event.article_ids if i in articles):
            for sentence in article.sentences:
                for mention in _sentence_mentions(article, sentence, event, own, towns, by_day):
                    found[mention[0]].append(mention[1])
    return dict(found)


def _sentence_mentions(article, sentence, event, own, towns, by_day):
    if not EVENT_RE.search(sentence.text):
        return
    places = {_point(p.lat, p.lon) for p in article.places
              if sentence.start <= p.start < sentence.end and p.precision in TOWN_PRECISIONS} - {None}
    if not places:
        return
    for d in article.dates:
        if not (sentence.start <= d.start < sentence.end and d.precision == "day" and d.value):
            continue
        day = date.fromisoformat(d.value)
        about_own = own and own[0] - WINDOW <= day <= own[1] + WINDOW and places <= towns[event.id]
        if about_own:
            continue
        for other in by_day.get(day, ()):
            if other.id != event.id and places & towns[other.id]:
                yield other.id, Mention(article.id, sentence.start, sentence.end, sentence.text, d.value)
                return
