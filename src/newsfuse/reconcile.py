"""Build one Event record from a cluster of articles.

The record carries a title, the incident's date, places and actors
named in them (with spans), the ACLED type, every casualty claim of the reports
and the casualties reconciled from them (casualties.py).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from datetime import date

from .analysis.claims import country_of
from .analysis.undated import report_date
from .casualties import reconcile
from .cluster.features import incident_day
from .event_type import classify
from .models import Actor, Article, Event, EventDate, InferredDate, Location, PlaceMention, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"NORP", "ORG", "PERSON"}
MAX_PLACES = 15
PRECISION_RANK = {"town": 0, "district": 1, "province": 2, "region": 3, "country": 4}
MAX_ACTORS = 10
CORE_SPAN_DAYS = 1


def event_id(articles: list[Article]) -> str:
    """Stable while the event's earliest report stays the same."""
    first = articles[0].id
    return "ev-" + hashlib.sha256(first.encode()).hexdigest()[:12]


def report_event_day(article: Article) -> InferredDate:
    """When the report says its news happened (:func:`newsfuse.cluster.features.incident_day`),
    else when it was written."""
    day = incident_day(article)
    return InferredDate(day.isoformat(), "day", "the lead's day") if day else report_date(article)


def event_date(articles: list[Article]) -> EventDate:
    """The day most reports give and the days next to it (a night's fighting spans two):
    a follow-up weeks later does not stretch the incident's date."""
    inferred = [report_event_day(a) for a in articles]
    days = [date.fromisoformat(d.value) for d in inferred if d.value and d.precision == "day"]
    if days:
        counts = Counter(days)
        top = max(counts.values())
        core = min(d for d, n in counts.items() if n == top)
        near = sorted(d for d in counts if abs((d - core).days) <= CORE_SPAN_DAYS)
        return EventDate(near[0].isoformat(), near[-1].isoformat(), "day")
    years = sorted(d.value[:4] for d in inferred if d.value and d.precision == "year")
    if years:
        return EventDate(years[0], years[-1], "year")
    return EventDate(None, None, "unknown")


def event_locations(articles: list[Article]) -> list[Location]:
    """Places of the event, from the gazetteer-resolved mentions of its independent reports.

    Mentions of one place (same gazetteer id, else same name) are merged with all
    their spans; places where something happened come first, then the most named.
    """
    groups: dict[str, list[tuple[Article, PlaceMention]]] = defaultdict(list)
    for a in articles:
        for m in a.places:
            key = str(m.geonameid) if m.geonameid else (m.name or m.text).lower()
            groups[key].append((a, m))
    if not groups:
        return _entity_locations(articles)
    locations = []
    for mentions in groups.values():
        _, first = mentions[0]
        resolved = next((m for _, m in mentions if m.lat is not None), first)
        locations.append(Location(
            name=resolved.name or resolved.text, country=resolved.country, admin1=resolved.admin1,
            lat=resolved.lat, lon=resolved.lon, precision=resolved.precision,
            spans=[{"article_id": a.id, "start": m.start, "end": m.end} for a, m in mentions],
            role="event" if any(m.role == "event" for _, m in mentions) else "mentioned",
        ))
    # Where it happened, most specific first (a town says more than a country), then most named.
    locations.sort(key=lambda x: (x.role != "event", PRECISION_RANK.get(x.precision, 9), -len(x.spans)))
    return locations[:MAX_PLACES]


def _entity_mentions(articles: list[Article], labels: set[str]) -> dict[str, list[tuple[Article, Span]]]:
    """Mentions of each named entity with one of ``labels``, by lower-cased name, most named first."""
    groups: dict[str, list[tuple[Article, Span]]] = defaultdict(list)
    for a in articles:
        for e in a.entities:
            if e.label in labels:
                groups[e.text.lower()].append((a, e))
    return dict(sorted(groups.items(), key=lambda kv: -len(kv[1])))


def _entity_locations(articles: list[Article]) -> list[Location]:
    """Unresolved places from NER alone (when no gazetteer mentions were found)."""
    groups = _entity_mentions(articles, PLACE_LABELS)
    return [Location(name=m[0][1].text, spans=[{"article_id": a.id, "start": e.start, "end": e.end} for a, e in m])
            for m in list(groups.values())[:MAX_PLACES]]


_THIRD_PARTY = re.compile(
    r"\b(?:urged|called (?:on|for)|mediat\w*|brokered|talks|ceasefire|restraint|condemned|concerned|appealed)\b", re.I)


_FORCES = re.compile(r"\b([A-Z][\w-]+)\s+(?:armed\s+)?(?:forces|troops|army|military(?!\s+base)|soldiers|servicemen|units|"
                     r"artillery|drones|border guards)\b")


def event_actors(articles: list[Article], sides: set[str]) -> list[Actor]:
    """Who took part, who made claims, who stood aside, from entities of the reports.

    ``participant``: a force, government or people of a side with casualties;
    ``claimant``: named as the source of a figure; ``third_party``: a country
    outside the fighting named where others urge, mediate or broker;
    ``mentioned`` otherwise.
    """
    claimants = " | ".join(c.claimant.lower() for a in articles for c in a.claims if c.claimant and c.scope == "event")
    forces: set[str] = set()  # countries whose forces act in the reports ("Tajik forces fired...")
    for a in articles:
        for m in _FORCES.finditer(a.text):
            found = country_of(m.group(1))
            if found:
                forces.add(found[0])
    actors = []
    for key, mentions in list(_entity_mentions(articles, ACTOR_LABELS).items())[:MAX_ACTORS]:
        name = mentions[0][1].text
        contexts = [next((s.text for s in a.sentences if s.start <= e.start < s.end), "") for a, e in mentions]
        found = country_of(name)
        country = found[0] if found else None
        if country and (country in sides or country in forces):
            role = "participant"
        elif key in claimants:
            role = "claimant"
        elif country and any(_THIRD_PARTY.search(c) for c in contexts):
            role = "third_party"
        else:
            role = "mentioned"
        actors.append(Actor(name=name, country=country, role=role))
    return actors


def central_article(articles: list[Article]) -> Article:
    """The report sharing most named entities with the others: a good title source."""
    sets = [{e.text.lower() for e in a.entities if e.label in PLACE_LABELS | ACTOR_LABELS} for a in articles]
    scores = [sum(len(s & t) for j, t in enumerate(sets) if j != i) for i, s in enumerate(sets)]
    return articles[max(range(len(articles)), key=lambda i: (scores[i], -i))]


def build_event(articles: list[Article], fatality_rule: str = "best") -> Event:
    """``articles`` in the order the clusterer took them (earliest first)."""
    event_type, sub_event_type = classify(articles)
    casualties = reconcile(articles, fatality_rule)
    return Event(
        id=event_id(articles),
        title=central_article(articles).title,
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=event_date(articles),
        article_ids=[a.id for a in articles],
        locations=event_locations(articles),
        actors=event_actors(articles, {c.side for c in casualties if c.side}),
        claims=[c for a in articles for c in a.claims],
        casualties=casualties,
    )
