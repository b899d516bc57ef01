"""Passages that tell of another incident than the report's own.

A report is a member of one event, but it may recall another ("weeks after a fire in
Lorca on May 2 killed three workers") or round up several ("a second shooting in Totana
the same night"). A sentence that says something happened, on a day and in a town that
match another event and not the report's own, is linked to that other event as a
mention, with its span: the article stays a member of its own event only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
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


Passage = tuple[str, str, dict]  # (article id, day, {"start", "end", "text", "towns"})


def event_passages(event: Event, articles: dict[str, Article]) -> list[Passage]:
    """Sentences of the event's reports that say something happened on a day in a town,
    other than the event's own day and towns: candidates for telling of another event.
    They depend on this event alone, so a store keeps them with it."""
    own = _days(event)
    towns = _towns(event)
    out = []
    for article in (articles[i] for i in event.article_ids if i in articles):
        for sentence in article.sentences:
            out.extend(_sentence_passages(article, sentence, own, towns))
    return out


def _sentence_passages(article: Article, sentence, own, towns) -> list[Passage]:
    if not EVENT_RE.search(sentence.text):
        return []
    places = {_point(p.lat, p.lon) for p in article.places
              if sentence.start <= p.start < sentence.end and p.precision in TOWN_PRECISIONS} - {None}
    if not places:
        return []
    out = []
    for d in article.dates:
        if not (sentence.start <= d.start < sentence.end and d.precision == "day" and d.value):
            continue
        day = date.fromisoformat(d.value)
        if own and own[0] - WINDOW <= day <= own[1] + WINDOW and places <= towns:
            continue  # about its own incident
        data = {"start": sentence.start, "end": sentence.end, "text": sentence.text, "towns": sorted(places)}
        out.append((article.id, d.value, data))
    return out


def window(event: Event) -> tuple[str, str] | None:
    """The days (ISO) on which a passage may tell of this event."""
    span = _days(event)
    return ((span[0] - WINDOW).isoformat(), (span[1] + WINDOW).isoformat()) if span else None


def mentions_of(event: Event, passages: Iterable[tuple[str, str, str, dict]]) -> list[Mention]:
    """The passages (``(event id, article id, day, data)`` of other events) that tell of
    ``event``: a day in its window and a town of its own; one mention per sentence."""
    span, towns = window(event), _towns(event)
    if not span or not towns:
        return []
    found: dict[tuple[str, int], Mention] = {}
    for owner, article_id, day, data in sorted(passages, key=lambda p: (p[2], p[1], p[3]["start"])):
        if owner == event.id or not span[0] <= day <= span[1] or (article_id, data["start"]) in found:
            continue
        if {tuple(t) for t in data["towns"]} & towns and article_id not in event.article_ids:
            found[(article_id, data["start"])] = Mention(article_id, data["start"], data["end"], data["text"], day)
    return list(found.values())


def link_mentions(events: list[Event], articles: dict[str, Article]) -> dict[str, list[Mention]]:
    """event id -> the passages of other events' reports that tell of it (all in memory)."""
    passages = [(e.id, *p) for e in events for p in event_passages(e, articles)]
    by_day: dict[str, list] = defaultdict(list)
    for p in passages:
        by_day[p[2]].append(p)
    out = {}
    for event in events:
        span = window(event)
        if not span:
            continue
        first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])
        near = [p for n in range((last - first).days + 1) for p in by_day.get((first + timedelta(n)).isoformat(), ())]
        found = mentions_of(event, near)
        if found:
            out[event.id] = found
    return out
