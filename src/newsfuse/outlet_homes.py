"""The region an outlet covers, learned from its own reports, as a prior for namesakes.

Local news leaves out the state its readers live in: a Memphis station writes "in Jackson",
not "in Jackson, Tennessee", and the biggest Jackson (Mississippi) wins. The outlet's other
reports say where it is: each names its state now and then ("Tennessee Highway Patrol",
"JACKSON, Tenn. —"). An outlet's **home** is the province that most of its reports naming a
province name, when at least ``MIN_REPORTS`` do; a report without a province of its own (or
naming only the home) is then re-read with the home as if the report had named it
(:func:`newsfuse.analysis.places.find_places`).

Where the state lives: one counter per outlet, kept in the store (:meth:`OutletEvidence.to_dict`):
adding a report changes only its own outlet's counter, and a report is counted once, when it
is placed in an event. Only province mentions count as evidence, and re-reading a report
changes only towns and districts, so the homes do not depend on the order reports came in.
A home learned later re-reads the reports placed after it, not those before (see
docs/clustering.md, "Incremental events").
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .analysis.place_resolve import HOME_RADIUS_KM, Home, _home_fit
from .analysis.place_titles import set_title_places
from .analysis.places import find_places
from .geo.gazetteer import get_gazetteer, haversine_km
from .models import Article

MAX_POINTS = 1000  # an outlet's first reports' middle points are enough to find its centre
MIN_REPORTS = 2  # two reports agreeing: one could be an out-of-state story
MIN_SHARE = 0.5  # ... and at least half of the outlet's reports that name such places at all
NOT_AN_OUTLET = "source_from_path"  # the "outlet" is a file name: no region to learn
HOME_PRECISIONS = ("town", "district", "province")
POINT_PRECISIONS = ("town", "district")


@dataclass
class OutletEvidence:
    """What an outlet's reports say about where they are: one vote per report for each
    country and province where its events lie, and each report's middle point. Adding a
    report adds to its own outlet's evidence only."""

    reports: int = 0  # reports with any such place
    countries: Counter = field(default_factory=Counter)
    provinces: Counter = field(default_factory=Counter)
    points: list[tuple[str, float, float]] = field(default_factory=list)  # (country, lat, lon), one per report

    def add(self, article: Article) -> None:
        places = [m for m in article.places if m.role == "event" and m.precision in HOME_PRECISIONS and m.country]
        if not places:
            return
        self.reports += 1
        self.countries.update({m.country for m in places})
        self.provinces.update({(m.country, m.admin1) for m in places if m.admin1})
        located = [m for m in places if m.precision in POINT_PRECISIONS and m.lat is not None]
        if located:
            first = located[0].country
            here = [m for m in located if m.country == first]
            if len(self.points) < MAX_POINTS:
                self.points.append((first, statistics.median(m.lat for m in here),
                                    statistics.median(m.lon for m in here)))

    def to_dict(self) -> dict:
        return {"reports": self.reports, "countries": dict(self.countries),
                "provinces": [[c, a, n] for (c, a), n in self.provinces.items()],
                "points": [list(p) for p in self.points]}

    @classmethod
    def from_dict(cls, data: dict) -> OutletEvidence:
        return cls(data.get("reports", 0), Counter(data.get("countries", {})),
                   Counter({(c, a): n for c, a, n in data.get("provinces", [])}),
                   [tuple(p) for p in data.get("points", [])])

    def home(self) -> Home | None:
        """The country most reports are about, then the province and the centre most agree on."""
        if not self.countries:
            return None
        country, n = self.countries.most_common(1)[0]
        if not _agreed(n, self.reports):
            return None
        admin1 = None
        provinces = [(k, v) for k, v in self.provinces.most_common() if k[0] == country]
        if provinces and _agreed(provinces[0][1], self.reports):
            admin1 = provinces[0][0][1]
        points = [(lat, lon) for cc, lat, lon in self.points if cc == country]
        lat = lon = None
        if len(points) >= MIN_REPORTS:
            mid = statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
            if _agreed(sum(haversine_km(*p, *mid) <= HOME_RADIUS_KM for p in points), len(points)):
                lat, lon = mid
        return Home(country, admin1, lat, lon)


def _agreed(n: int, total: int) -> bool:
    return n >= MIN_REPORTS and n >= MIN_SHARE * total


def gather_evidence(articles: list[Article], evidence: dict[str, OutletEvidence] | None = None
                    ) -> dict[str, OutletEvidence]:
    """Add the articles' votes to ``evidence`` (by outlet; a new dict when None) and return it."""
    evidence = defaultdict(OutletEvidence, evidence or {})
    for a in articles:
        if a.source and not a.metadata.get(NOT_AN_OUTLET):
            evidence[a.source].add(a)
    return dict(evidence)


def outlet_homes(articles: list[Article], evidence: dict[str, OutletEvidence] | None = None) -> dict[str, Home]:
    """Each outlet's home, where its reports (and the ``evidence`` kept before) agree on one."""
    homes = {source: e.home() for source, e in gather_evidence(articles, evidence).items()}
    return {source: h for source, h in homes.items() if h is not None}


def _may_move(article: Article, home: Home) -> bool:
    """Does the report name a place with a namesake in its outlet's home that it did not take,
    or streets and neighbourhoods it could not place that the home's centre places? (Only
    then is it worth reading again.)"""
    if home.lat is not None and any(m.precision in ("street", "neighbourhood") and m.lat is None
                                    for m in article.places):
        return True
    gz = get_gazetteer()
    for m in article.places:
        if m.precision in ("street", "neighbourhood", "unknown"):
            continue
        for p in gz.lookup(m.text):
            if p.geonameid != m.geonameid and p.country == home.country and (
                    m.country != home.country or _home_fit(p, home) > 0):
                return True
    return False


def place_by_outlet_home(articles: list[Article], homes: dict[str, Home] | None = None) -> int:
    """Re-read the places of reports whose outlet has a home (in place), and record the
    headline's towns of reports whose text names none (:mod:`newsfuse.analysis.place_titles`);
    returns how many reports were re-read. Reports that name another province of the home's
    country keep their reading (``find_places`` decides)."""
    homes = outlet_homes(articles) if homes is None else homes
    moved = 0
    for a in articles:
        home = None if a.metadata.get(NOT_AN_OUTLET) else homes.get(a.source)
        if home is not None and a.entities and _may_move(a, home):
            a.places = find_places(a, home=home)
            moved += 1
        set_title_places(a, home)
    return moved
