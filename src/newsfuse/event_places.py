"""Where the event happened: its places from the reports' gazetteer-resolved mentions.

One entry per place: mentions resolved to one gazetteer place, or spelt the same way, are
merged; the entry is named as the reports spell it most often (the gazetteer's own name is
kept as ``native_name``). Where a name was resolved to different namesakes in different
reports, the reading that agrees with the provinces the reports name wins for all of them.

The event's place is the best-supported place where something happened: a dateline ("the
city of a dateline is a strong hint"), the title, the number of reports naming it, and being
named early count for it; a town inside a province the reports name counts more than one
elsewhere. Among places so supported, the most specific (a town before its county or state)
comes first. Streets and neighbourhoods are not entries of their own: they support the town
they lie in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from .geo.gazetteer import haversine_km, normalize
from .analysis.place_titles import title_places
from .models import Article, Location, PlaceMention, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAX_PLACES = 15
PRECISION_RANK = {"town": 0, "district": 1, "province": 2, "region": 3, "country": 4}
LOCAL_PRECISIONS = ("street", "neighbourhood")
FALLBACK_PRECISIONS = ("town", "district")  # a place merely named may be where it happened (_fall_back_to_a_named_town)
LEAD_CHARS = 600  # the lead of a report: its first paragraph or two
# support for one place (see the module docstring); the weights are round numbers, not fitted
W_DATELINE, W_TITLE, W_REPORT, W_EVENT_REPORT, W_LEAD, W_MENTION = 3.0, 1.5, 1.0, 1.0, 1.0, 0.2
W_IN_NAMED_PROVINCE, W_OUTSIDE_NAMED_PROVINCES, W_LOCAL = 1.0, -1.5, 0.5
PRECISION_SCORE = {"town": 0.5, "district": 0.0, "province": -1.0, "region": -2.0, "country": -2.0}


def _key(m: PlaceMention) -> str:
    return str(m.geonameid) if m.geonameid else normalize(m.name or m.text)


def _agree_namesakes(mentions: list[tuple[Article, PlaceMention]],
                     provinces: Counter) -> list[tuple[Article, PlaceMention]]:
    """Mentions spelt alike but resolved to different namesakes (Lafayette in Alabama and in
    Louisiana) take the reading in a province the reports name, else the most common one.
    The articles' own mentions are left as they are: the event works on copies."""
    by_text: dict[str, list[PlaceMention]] = defaultdict(list)
    for _, m in mentions:
        if m.precision not in LOCAL_PRECISIONS and m.lat is not None:
            by_text[normalize(m.text)].append(m)
    reading: dict[int, PlaceMention] = {}
    for group in by_text.values():
        readings = {m.geonameid: m for m in group}
        if len(readings) < 2:
            continue
        votes = Counter(m.geonameid for m in group)
        best = max(readings.values(), key=lambda r: (provinces.get(r.admin1 or "", 0) > 0, votes[r.geonameid]))
        for m in group:
            if m.geonameid != best.geonameid:
                reading[id(m)] = replace(m, name=best.name, country=best.country, admin1=best.admin1, lat=best.lat,
                                         lon=best.lon, geonameid=best.geonameid, precision=best.precision)
    return [(a, reading.get(id(m), m)) for a, m in mentions]


def _support(mentions: list[tuple[Article, PlaceMention]], precision: str, admin1: str | None,
             provinces: Counter, locals_in: int) -> float:
    reports = {a.id for a, _ in mentions}
    event_reports = {a.id for a, m in mentions if m.role == "event"}
    score = (W_DATELINE * any(m.dateline for _, m in mentions) + W_TITLE * any(m.in_title for _, m in mentions)
             + W_REPORT * len(reports) + W_EVENT_REPORT * len(event_reports)
             + W_LEAD * len({a.id for a, m in mentions if m.start < LEAD_CHARS})
             + W_MENTION * min(len(mentions), 5) + PRECISION_SCORE.get(precision, -2.0) + W_LOCAL * locals_in)
    if precision in ("town", "district") and provinces:
        score += W_IN_NAMED_PROVINCE if provinces.get(admin1 or "") else W_OUTSIDE_NAMED_PROVINCES
    return score


def _fallback_tier(group: list[tuple[Article, PlaceMention]]) -> int:
    """How good a guess at where it happened a place is when no place is told of: 1 merely
    named in a report's lead or title, 2 named there only as where someone lives (local
    news: "an Evansville teen" was shot in Evansville more often than not), 0 not at all."""
    lead = [m for _, m in group if m.start < LEAD_CHARS or m.in_title]
    if any(m.role == "named" for m in lead):
        return 1
    return 2 if any(m.role == "resident" for m in lead) else 0


def _fall_back_to_a_named_town(scored: list[tuple[Location, float, int]]) -> None:
    """When no sentence tells of something happening at any located place of the event (a
    local report: "Minneapolis police are investigating ..."), the best supported town or
    district merely named in a report's lead or title is where it happened (news names the
    story's place first; a town named only further down is background as often as not); with
    none, a town of the lead named as where someone lives (:func:`_fallback_tier`). Places
    named as where officials spoke, a country or a capital never are."""
    if any(loc.role == "event" and loc.lat is not None for loc, _, _ in scored):
        return  # (an event place without a point, such as a neighbourhood not in the gazetteer, puts nothing on a map)
    for tier in (1, 2):
        named = [(support, loc) for loc, support, t in scored
                 if t == tier and loc.lat is not None and loc.precision in FALLBACK_PRECISIONS]
        if named:
            max(named, key=lambda sl: sl[0])[1].role = "event"
            return


def event_locations(articles: list[Article]) -> list[Location]:
    """Places of the event, from the gazetteer-resolved mentions of its reports: where it
    happened first (best supported, then most specific), then the places only mentioned."""
    mentions = [(a, m) for a in articles for m in a.places] + _headline_towns(articles)
    if not mentions:
        return _entity_locations(articles)
    provinces = Counter(m.name for _, m in mentions if m.precision == "province" and m.name) or _main_province(mentions)
    mentions = _agree_namesakes(mentions, provinces)
    locals_in: Counter = Counter()  # streets and neighbourhoods support the town they lie in
    groups: dict[str, list[tuple[Article, PlaceMention]]] = defaultdict(list)
    spelt: dict[str, str] = {}  # a spelling -> the group it already belongs to
    for a, m in mentions:
        if m.precision in LOCAL_PRECISIONS:
            if m.within:
                locals_in[normalize(m.within)] += 1
            continue
        key = spelt.get(normalize(m.text)) or _key(m)
        spelt.setdefault(normalize(m.text), key)
        groups[key].append((a, m))
    if not groups:  # only streets and neighbourhoods: placed in their town or the outlet's home
        groups = _local_groups(mentions)
    if not groups:
        return _entity_locations(articles)
    scored = []
    for group in _merge_same_place(list(groups.values())):
        located = [m for _, m in group if m.lat is not None]
        resolved = min(located, key=lambda m: PRECISION_RANK.get(m.precision, 9)) if located else group[0][1]
        spellings = Counter(m.text for _, m in group if not m.text.isupper()) or Counter(m.text for _, m in group)
        name = spellings.most_common(1)[0][0]
        location = Location(
            name=name, native_name=resolved.name if resolved.name and resolved.name != name else None,
            country=resolved.country, admin1=resolved.admin1,
            lat=resolved.lat, lon=resolved.lon, precision=resolved.precision,
            spans=[_span(a, m) for a, m in group],
            role="event" if any(m.role == "event" for _, m in group) else "mentioned",
        )
        support = _support(group, resolved.precision, resolved.admin1, provinces,
                           locals_in.get(normalize(resolved.name or ""), 0))
        scored.append((location, support, _fallback_tier(group)))
    _fall_back_to_a_named_town(scored)
    scored.sort(key=lambda ls: (ls[0].role != "event", ls[0].lat is None, -ls[1],
                                PRECISION_RANK.get(ls[0].precision, 9)))
    locations = _most_specific_first([loc for loc, _, _ in scored])
    return locations[:MAX_PLACES]


def _local_groups(mentions: list[tuple[Article, PlaceMention]]) -> dict[str, list[tuple[Article, PlaceMention]]]:
    """Located streets and neighbourhoods by spelling, for an event whose reports name no town."""
    groups: dict[str, list[tuple[Article, PlaceMention]]] = defaultdict(list)
    for a, m in mentions:
        if m.precision in LOCAL_PRECISIONS and m.lat is not None:
            groups[normalize(m.text)].append((a, m))
    return groups


def _main_province(mentions: list[tuple[Article, PlaceMention]]) -> Counter:
    """When no report names a province, the province holding more of the reports' towns than any
    other (two at least) is the event's: a namesake elsewhere ("Monroe" in Louisiana among Connecticut
    towns) is then an outlier."""
    reports = Counter()
    for admin1, ids in _reports_by_province(mentions).items():
        reports[admin1] = len(ids)
    ranked = reports.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return Counter({ranked[0][0]: ranked[0][1]})
    return Counter()


def _reports_by_province(mentions: list[tuple[Article, PlaceMention]]) -> dict[str, set[tuple[str, str]]]:
    """Each province's towns and districts, one per (report, place)."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a, m in mentions:
        if m.admin1 and m.lat is not None and m.precision in ("town", "district"):
            out[m.admin1].add((a.id, normalize(m.name or m.text)))
    return out


def _headline_towns(articles: list[Article]) -> list[tuple[Article, PlaceMention]]:
    """Towns the headlines name (analysis/place_titles.py keeps only readings safe without
    context): they say where when no text does, and support the town the texts name when the
    headline names it too (the title weight of the support)."""
    return [(a, m) for a in articles for m in title_places(a)]


def _span(a: Article, m: PlaceMention) -> dict:
    span = {"article_id": a.id, "start": m.start, "end": m.end}
    if m.field != "text":
        span["field"] = m.field  # a headline's town: offsets into the title
    if m.via:
        span["via"] = m.via  # read in the machine translation: the span is its whole original sentence
    return span


SAME_PLACE_KM = 60.0


def _merge_same_place(groups: list[list[tuple[Article, PlaceMention]]]) -> list[list[tuple[Article, PlaceMention]]]:
    """One entry per place: a town and its district of the same name, or one place under two
    spellings, where one group's spelling is the other's gazetteer name ("Kelbajar" the town,
    "Kalbajar" the district) and the two lie close together."""
    def names(group):
        return {normalize(m.text) for _, m in group} | {normalize(m.name) for _, m in group if m.name}

    def point(group):
        return next(((m.lat, m.lon) for _, m in group if m.lat is not None), None)

    merged: list[list[tuple[Article, PlaceMention]]] = []
    for group in groups:
        here = point(group)
        for other in merged:
            there = point(other)
            if names(group) & names(other) and (here is None or there is None
                                                or haversine_km(*here, *there) <= SAME_PLACE_KM):
                other.extend(group)
                break
        else:
            merged.append(list(group))
    return merged


def _most_specific_first(locations: list[Location]) -> list[Location]:
    """When the best-supported place is a province or a country, a town of the event inside it
    where something also happened says more: it goes first."""
    if not locations or locations[0].role != "event" or locations[0].precision not in ("province", "country"):
        return locations
    top = locations[0]
    inside = next((x for x in locations[1:] if x.role == "event" and x.lat is not None
                   and x.precision in ("town", "district") and x.country == top.country
                   and (top.precision == "country" or x.admin1 == top.admin1)), None)
    if inside is None:
        return locations
    return [inside] + [x for x in locations if x is not inside]


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
