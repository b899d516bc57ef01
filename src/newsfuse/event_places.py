"""Where the event happened: its places from the reports' gazetteer-resolved mentions."""

from __future__ import annotations

from collections import defaultdict

from .models import Article, Location, PlaceMention, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAX_PLACES = 15
PRECISION_RANK = {"town": 0, "district": 1, "province": 2, "region": 3, "country": 4}


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


def entity_mentions(articles: list[Article], labels: set[str]) -> dict[str, list[tuple[Article, Span]]]:
    """Mentions of each named entity with one of ``labels``, by lower-cased name, most named first."""
    groups: dict[str, list[tuple[Article, Span]]] = defaultdict(list)
    for a in articles:
        for e in a.entities:
            if e.label in labels:
                groups[e.text.lower()].append((a, e))
    return dict(sorted(groups.items(), key=lambda kv: -len(kv[1])))


def _entity_locations(articles: list[Article]) -> list[Location]:
    """Unresolved places from NER alone (when no gazetteer mentions were found)."""
    groups = entity_mentions(articles, PLACE_LABELS)
    return [Location(name=m[0][1].text, spans=[{"article_id": a.id, "start": e.start, "end": e.end} for a, e in m])
            for m in list(groups.values())[:MAX_PLACES]]
