"""Which gazetteer place each toponym of a report is.

Each reading is scored by population and kind, then by the report's context: the countries
and provinces it names, the towns near each other, a qualifier right after the name
("Portland, Ore."), and a prior for the region the report's outlet usually writes about
(``home``: see :mod:`newsfuse.analysis.outlet_regions`). Kept apart from recognition
(``places.py``) so each stays readable.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..geo.coherence import neighbour_counts
from ..geo.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_COUNTRY, KIND_REGION, Gazetteer, Place,
                             haversine_km)


@dataclass(frozen=True)
class Home:
    """The region a report's outlet covers: a country, maybe a province, maybe a centre (the
    middle of the towns its reports are about). Learnt by :mod:`newsfuse.outlet_homes`."""

    country: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


HOME_BONUS = 2.0  # as much as a province the report names itself
HOME_RADIUS_KM = 100.0  # a metro outlet's towns: Philadelphia's station covers Wilmington, Delaware


@dataclass
class _Cand:
    start: int
    end: int
    text: str
    source: str  # "ner", "ner-other", "gaz", "demonym"
    places: list[Place] = field(default_factory=list)
    demonym: bool = False
    strong: bool = False
    local: str = ""  # "street" or "neighbourhood": a part of a town, placed at the town
    dateline: bool = False
    governed: bool = False  # a state's office follows: "New York Gov. X" names the state, not the city


ADMIN1_POP_SLOPE, ADMIN1_FULL_LOG = 0.5, 6.0  # provinces under 1M people score lower
KIND_BASE = {KIND_COUNTRY: 9.5, KIND_ADMIN1: 6.6, KIND_ADMIN2: 4.0, KIND_REGION: 7.0}


def _score(p: Place, countries: Counter, admins: Counter, capitals: set[int], anchors: list[Place]) -> float:
    if p.kind == KIND_CITY:
        s = math.log10(p.population + 10)
        if p.geonameid in capitals:
            s += 1.0
    else:
        s = KIND_BASE[p.kind] + (0.3 * math.log10(p.population + 10) if p.kind == KIND_ADMIN2 else 0)
        if p.kind == KIND_ADMIN1 and p.population:  # a small parish yields to a city of its name
            s += ADMIN1_POP_SLOPE * min(0.0, math.log10(p.population) - ADMIN1_FULL_LOG)
    if p.alternate and p.population < 500_000:
        s -= 1.0
    if p.lat is None:
        s -= 2.0
    if p.country and countries.get(p.country):
        s += 1.5 + 0.2 * min(countries[p.country], 5)
    if p.admin1 and p.kind != KIND_ADMIN1 and admins.get(p.admin1):
        s += 2.0
    if anchors and p.lat is not None and p.kind in (KIND_CITY, KIND_ADMIN2):
        d = min(haversine_km(p.lat, p.lon, a.lat, a.lon) for a in anchors if a.lat is not None)
        if d < 100:
            s += 1.0
        elif d < 400:
            s += 0.5
    return s


QUALIFIER_SEP = (", ", " (", ",\n")
_DIRECTION = r"(?:(?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central|upstate|downstate|rural)"
QUALIFIER_IN_RE = re.compile(rf" in (?:the )?(?:{_DIRECTION}[ -]){{0,2}}", re.I)  # "in north central Missouri"
LIST_SEP = (" and ", " or ", ", and ", ", or ")
QUALIFIER_BONUS = 4.0
SHORT_DISTRICT_PENALTY = 3.0
DISTRICT_YIELDS = 1.0
NEAR_BONUS, NEAR_MAX = 1.0, 3  # per other name with a reading nearby, up to NEAR_MAX names
# a governor heads a state or province, and each US state has its own National Guard:
# "New York Gov. Andrew Cuomo", "Washington Governor Jay Inslee", "the Georgia National Guard"
GOVERNOR_AFTER_RE = re.compile(r" (?:Lt\.? )?(?:Gov\.|Governor\b|governor\b)| (?:Army |Air )?National Guard\b")
SHORT_DISTRICT_RE = re.compile(r" (?:County|Parish|Borough|District|Municipality)")


def _within(p: Place, q: Place) -> bool:
    """Is ``p`` inside the province or country ``q``?"""
    if q.kind == KIND_COUNTRY:
        return p.country == q.country and p.kind != KIND_COUNTRY
    return q.kind == KIND_ADMIN1 and p.kind != KIND_ADMIN1 and p.country == q.country and p.admin1 == q.name


def _qualified(cands: list[_Cand], text: str, capitals: frozenset[int] | set[int] = frozenset(),
               ) -> tuple[list[list[Place]], dict[int, list[Place]]]:
    """"Portland, Ore.", "Paris (Texas)", "Athens, Georgia", "Monroe County in northeast Missouri":
    for each candidate, the places of the next name that could hold it, when that name follows
    right after a comma or bracket, or after "in" (and a direction). Both
    names are then read together: the town inside the province, the province holding the town."""
    out: list[list[Place]] = [[] for _ in cands]
    orphans: dict[int, list[Place]] = {}  # a town in a province that holds none of its readings
    for j in range(len(cands) - 1):
        c, d = cands[j], cands[j + 1]
        between = text[c.end:d.start]
        if not (between in QUALIFIER_SEP or QUALIFIER_IN_RE.fullmatch(between)) or not c.places or not d.places:
            continue
        if j + 2 < len(cands) and text[d.end:cands[j + 2].start] in LIST_SEP:
            continue  # "Washington, New York and Boston": a list, not a qualified name
        holders = [q for q in d.places if q.kind in (KIND_ADMIN1, KIND_COUNTRY)
                   and any(_within(p, q) for p in c.places)]
        if holders:
            out[j] = holders
            out[j + 1] = [p for p in c.places if any(_within(p, q) for q in holders)]
        elif _unplaceable(c, d, text, capitals):
            orphans[j] = [q for q in d.places if q.kind == KIND_ADMIN1]
    return out, orphans


def _unplaceable(c: _Cand, d: _Cand, text: str, capitals: frozenset[int] | set[int] = frozenset()) -> bool:
    """"Howland, Ohio" where the gazetteer knows no Howland in Ohio: the town is somewhere in
    the province named, not a namesake elsewhere. Not a capital or a city big enough to be named
    without its province anywhere: "Copenhagen, Hamburg, Mannheim" is a list."""
    return (text[c.end:d.start] == ", " and any(q.kind == KIND_ADMIN1 for q in d.places)
            and not any(q.kind == KIND_COUNTRY for q in d.places)
            and all(p.kind in (KIND_CITY, KIND_ADMIN2) and p.population < FAR_TOWN_MAX_POP
                    and p.geonameid not in capitals for p in c.places))


def _fit(p: Place, partners: list[Place], c: _Cand) -> float:
    """The qualifier bonus, less a penalty for a district named without its suffix ("Washington"
    is seldom Washington County) or for a district or province sharing its name with a town of
    more people."""
    s = -SHORT_DISTRICT_PENALTY if p.kind == KIND_ADMIN2 and SHORT_DISTRICT_RE.fullmatch(
        p.name[len(c.text):]) and p.name.casefold().startswith(c.text.casefold()) else 0.0
    if p.kind in (KIND_ADMIN1, KIND_ADMIN2) and any(t.kind == KIND_CITY and t.population > p.population
                                                   for t in c.places):
        s -= DISTRICT_YIELDS  # a bare name is more often a bigger town's than a district's ("Cambridge", "Toledo")
    if partners and any(_within(p, q) or _within(q, p) for q in partners):
        s += QUALIFIER_BONUS
    if c.governed and p.kind == KIND_ADMIN1:
        s += QUALIFIER_BONUS
    return s


def resolve_candidates(cands: list[_Cand], gz: Gazetteer, text: str = "",
                       home: Home | None = None, home_is_hint: bool = False) -> list[Place | None]:
    """Pick each candidate's place: first without context, then with the article's countries,
    provinces and the unambiguous towns near which the others should lie. A name qualified by
    the next one ("Portland, Ore.") is read inside it. ``home`` is the region the report's
    outlet covers: it counts as if the report had named it, unless the report names another
    province of that country. ``home_is_hint``: a home read from the outlet's web address
    (:mod:`newsfuse.analysis.place_outlet`) counts only when the report's own names have a
    reading in its country ("naplesweekly" is no Italian paper when the report is about
    Florida)."""
    partners, orphans = _qualified(cands, text, gz.capitals) if text else ([[] for _ in cands], {})
    for c in cands:
        c.governed = bool(text) and GOVERNOR_AFTER_RE.match(text, c.end) is not None
    none: Counter = Counter()
    first = [max(c.places, key=lambda p: _score(p, none, none, gz.capitals, []) + _fit(p, q, c)) if c.places else None
             for c, q in zip(cands, partners)]
    countries: Counter = Counter()
    admins: Counter = Counter()
    for c, p in zip(cands, first):
        if p is None:
            continue
        if p.country and (p.kind not in (KIND_CITY, KIND_ADMIN2) or len(c.places) == 1):
            countries[p.country] += 1
        if p.kind == KIND_ADMIN1:
            admins[p.name] += 1
    if home is not None and not home_fits(home, first, home_is_hint):
        home = None
    if home is not None:
        countries[home.country] += 1
    second = []
    for c, q in zip(cands, partners):
        second.append(max(c.places, key=lambda p: _score(p, countries, admins, gz.capitals, []) + _fit(p, q, c)
                          + _home_fit(p, home)) if c.places else None)
    countries2 = Counter(p.country for p in second if p is not None and p.country)
    own: dict[str, Counter] = {}  # what each name's own mentions add (no voting for itself)
    for c, p in zip(cands, second):
        if p is not None and p.country:
            own.setdefault(normalize_name(c.text), Counter())[p.country] += 1
    own_admins: dict[str, Counter] = {}  # likewise for provinces: "Quebec" does not make itself Quebec City
    for c, p1, p2 in zip(cands, first, second):
        for p in (p1, p2):
            if p is not None and p.kind == KIND_ADMIN1:
                own_admins.setdefault(normalize_name(c.text), Counter())[p.name] += 1
    for p in second:
        if p is not None and p.kind == KIND_ADMIN1:
            admins[p.name] += 1
    for c in cands:  # "Riley County": a district only one province has places the report in it
        held = {(p.country, p.admin1) for p in c.places}
        if c.places and len(held) == 1 and all(p.kind == KIND_ADMIN2 for p in c.places) and c.places[0].admin1:
            admins[c.places[0].admin1] += 1
    anchors = [p for p, c in zip(second, cands) if p is not None and p.kind == KIND_CITY
               and len(c.places) == 1 and p.lat is not None]
    near = neighbour_counts([(normalize_name(c.text), c.places) for c, p in zip(cands, second) if c.places
                             and p is not None and p.kind in (KIND_CITY, KIND_ADMIN2)])
    final: list[Place | None] = []
    for j, (c, q) in enumerate(zip(cands, partners)):
        if not c.places:
            final.append(None)
            continue
        if j in orphans:  # somewhere in the province named, no namesake elsewhere
            final.append(max(orphans[j], key=lambda h: h.population))
            partners[j] = orphans[j]
            continue
        key = normalize_name(c.text)
        others = [a for a in anchors if normalize_name(a.name) != key]
        context = countries2 - own.get(key, Counter()) + countries if len(c.places) > 1 else countries2
        adm = admins - own_admins[key] if key in own_admins else admins
        scores = [_score(p, context, adm, gz.capitals, others) + _fit(p, q, c) + _home_fit(p, home) for p in c.places]
        best = c.places[max(range(len(c.places)), key=scores.__getitem__)]
        if best.kind in (KIND_CITY, KIND_ADMIN2):  # among towns, one near the article's other places
            best = c.places[max((n for n, p in enumerate(c.places) if p.kind in (KIND_CITY, KIND_ADMIN2)),
                                key=lambda n: scores[n] + NEAR_BONUS * min(near.get((key, n), 0), NEAR_MAX))]
        if best.kind == KIND_ADMIN2 and best.lat is not None:  # a town, not its same-named municipality
            towns = [p for p in c.places if p.kind == KIND_CITY and p.country == best.country and p.lat is not None
                     and haversine_km(p.lat, p.lon, best.lat, best.lon) < 30]
            if towns:  # the name is a town's: the likeliest town of that name, wherever it lies
                seat = max(towns, key=lambda p: p.population)
                rivals = [n for n, p in enumerate(c.places) if p.kind == KIND_CITY and p.lat is not None]
                top = max(rivals, key=lambda n: scores[n] + NEAR_BONUS * min(near.get((key, n), 0), NEAR_MAX))
                at_home = home is not None and (seat.country, seat.admin1) == (home.country, home.admin1)
                best = c.places[top] if c.places[top].population > seat.population and not at_home else seat
        final.append(best)
    _coordinated_provinces(cands, final, text)
    return _same_name_same_place(cands, partners, final)


def _coordinated_provinces(cands: list[_Cand], final: list[Place | None], text: str) -> None:
    """"California or Washington", "Washington and Oregon": names joined by "and"/"or" are of one
    kind, so a name coordinated with a province is that country's province of its name."""
    for j, (c, p) in enumerate(zip(cands, final)):
        if p is None or p.kind not in (KIND_CITY, KIND_ADMIN2) or c.demonym:
            continue  # (a country stays one: "Hawaii and Guam")
        states = [q for q in c.places if q.kind == KIND_ADMIN1 and q.lat is not None]
        if not states:
            continue
        for k in (j - 1, j + 1):
            if not 0 <= k < len(cands) or final[k] is None or final[k].kind != KIND_ADMIN1:
                continue
            a, b = (cands[k], c) if k < j else (c, cands[k])
            if text[a.end:b.start] in LIST_SEP:
                same = [q for q in states if q.country == final[k].country]
                if same:
                    final[j] = max(same, key=lambda q: q.population)
                    break


def home_fits(home: Home, readings: list[Place | None], hint: bool = False) -> bool:
    """Does the outlet's home apply to a report with these readings? (A hint from the outlet's
    web address needs one of the report's names read in its country.)"""
    return _home_applies(home, readings) and (not hint or any(p is not None and p.country == home.country
                                                               for p in readings))


FAR_TOWN_MAX_POP = 1_000_000  # a city this big is named without its state anywhere ("Houston")


def far_from_home(p: Place, home: Home) -> bool:
    """A town read in another province of the home's country, far from the home's centre, in
    a report that names no other province (the caller checks :func:`home_fits`): local news
    names a far town's state ("Austin, Texas"), so a bare "Austin" in a Chicago paper is a
    part of the home town the gazetteer does not know, not the Texas city. (Towns only: a
    county is no quarter of a town.)"""
    return (p.kind == KIND_CITY and home.admin1 is not None and home.lat is not None
            and p.country == home.country and p.admin1 != home.admin1 and p.population < FAR_TOWN_MAX_POP
            and p.lat is not None and haversine_km(p.lat, p.lon, home.lat, home.lon) > HOME_RADIUS_KM)


def _home_applies(home: Home, readings: list[Place | None]) -> bool:
    """Local news leaves out the state its readers live in; a report that names another
    province of the home country is about somewhere else, and its own words decide."""
    return not any(p is not None and p.kind == KIND_ADMIN1 and p.country == home.country and p.name != home.admin1
                   for p in readings)


def _home_fit(p: Place, home: Home | None) -> float:
    """A town or district in the outlet's province, or near the middle of its towns."""
    if home is None or p.kind not in (KIND_CITY, KIND_ADMIN2) or p.country != home.country:
        return 0.0
    if home.admin1 and p.admin1 == home.admin1:
        return HOME_BONUS
    if home.lat is not None and p.lat is not None and haversine_km(p.lat, p.lon, home.lat, home.lon) <= HOME_RADIUS_KM:
        return HOME_BONUS
    return 0.0


def _same_name_same_place(cands: list[_Cand], partners: list[list[Place]],
                          final: list[Place | None]) -> list[Place | None]:
    """A name placed by its qualifier once ("Howland, Ohio") is the same place every other time
    the report names it: one report, one place per name."""
    qualified: dict[str, Place] = {}
    for c, q, p in zip(cands, partners, final):
        if q and p is not None and p.kind != KIND_COUNTRY:
            qualified.setdefault(normalize_name(c.text), p)
    return [qualified.get(normalize_name(c.text), p) if p is not None and not q else p
            for c, q, p in zip(cands, partners, final)]


def normalize_name(s: str) -> str:
    return s.casefold()
