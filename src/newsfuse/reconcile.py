"""Build one Event record from a cluster of articles.

The record carries a title, the incident's date, places and actors
named in them (with spans), the ACLED type, every casualty claim of the reports
and the casualties reconciled from them (casualties.py).
"""

from __future__ import annotations

import hashlib

from .analysis.languages import ENGLISH, language_of
from .casualties import reconcile
from .event_actors import ACTOR_LABELS, event_actors
from .event_dates import event_date
from .event_places import PLACE_LABELS, event_locations
from .event_type import classify
from .models import Article, Event
from .totals import event_totals, later_deaths


def event_id(articles: list[Article]) -> str:
    """Stable while the event's earliest report stays the same."""
    first = articles[0].id
    return "ev-" + hashlib.sha256(first.encode()).hexdigest()[:12]


def central_article(articles: list[Article]) -> Article:
    """The report sharing most named entities with the others: a good title source."""
    sets = [{e.text.lower() for e in a.entities if e.label in PLACE_LABELS | ACTOR_LABELS} for a in articles]
    scores = [sum(len(s & t) for j, t in enumerate(sets) if j != i) for i, s in enumerate(sets)]
    return articles[max(range(len(articles)), key=lambda i: (scores[i], -i))]


def build_event(articles: list[Article], fatality_rule: str = "best") -> Event:
    """``articles`` in the order the clusterer took them (earliest first)."""
    event_type, sub_event_type = classify(articles)
    casualties = reconcile(articles, fatality_rule)
    claims = [c for a in articles for c in a.claims]
    totals = later_deaths(articles, claims, event_totals(casualties, claims),
                          lambda a: event_totals(reconcile([a], fatality_rule), a.claims)[0].value)
    return Event(
        id=event_id(articles),
        title=central_article([a for a in articles if language_of(a) == ENGLISH] or articles).title,  # reader's
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=event_date(articles),
        article_ids=[a.id for a in articles],
        locations=event_locations(articles),
        actors=event_actors(articles, {c.side for c in casualties if c.side}),
        claims=claims,
        casualties=casualties,
        fatalities=totals[0].value,
        injured=totals[1].value,
        totals=totals,
    )
