"""Online assignment of reports to incidents.

An incident is bounded in time and place. Its day is its founding report's, refined
only by reports within a day of it, so follow-ups weeks later join without moving it
and a chain of similar reports cannot walk it forward. A report joins the incident it
tells of:

* on the same day (a day its lead names within ``window_days``, or written within
  ``report_lag_days`` of the incident or of its first reports), at the ``threshold`` bar;
* later (a follow-up: an arrest, a funeral, a trial) only when it names the same people
  (a surname few reports use, or an age in the same place), at the ``far_threshold`` bar;
* with no date on either side, at the ``undated_threshold`` bar.

The score is the cosine of the report's words with the incident's core (its first
``CORE_REPORTS`` reports: what the incident is, before commentary drifts it), plus shared named
entities and, when time is known, a shared rare surname or age. Towns in different
provinces (or of one province but more than ``FAR_KM`` apart), streets of which none is shared, people of other ages, (when time cannot decide)
disjoint lead figures, or a report of only wounded written after the incident's first report
of a death mark a look-alike and cost a penalty. Candidates come from an inverted index over rare words,
entities, names and places in which only the newest ``posting_scan`` entries of a list
are read, so the cost of placing a report does not grow with the incidents stored.

A report in a language none of the incident's reports is in shares few of its words, so
its words are compared by their first ``cross_stem_chars`` letters (truncation stemming:
"explosiones"/"explosions", "Präsidenten"/"president" folded; longer words of one family
share their first letters across European languages), and the language-neutral evidence
counts too: a town in common, a lead figure in common and a surname in common each add a
bonus (``cross_*``). Reports in one language are scored exactly as before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .features import ReportKey, km

ANCHOR_DAYS = 1  # member days further than this from the founding report's day do not move it
CORE_REPORTS = 3  # the first reports say what the incident is; later ones do not redefine it
NEAR_KM = 40.0  # towns this close are one place for a report (suburb and city, neighbours)
FAR_KM = 100.0  # towns of one province further apart than this are two places (a shooting happens at one)


@dataclass
class ClusterConfig:
    """Bars and weights; tuned on the development sets, never on the seeds."""

    threshold: float = 0.10  # same day (or a report written within the lag after it)
    undated_threshold: float = 0.35  # no date on one side
    far_threshold: float = 0.40  # a later report: a follow-up must look like the incident
    entity_weight: float = 0.15  # shared named entities (Jaccard)
    name_bonus: float = 0.10  # a surname both name
    age_bonus: float = 0.10  # an age both give
    age_penalty: float = 0.15  # both give ages, none shared: other people
    place_penalty: float = 0.25  # both name towns, none shared or near: another place
    figure_penalty: float = 0.10  # disjoint lead figures when time cannot decide
    figure_bonus: float = 0.05  # ... and a lead figure in common
    outcome_penalty: float = 0.15  # a report of nobody dead after a report of a death: another incident
    street_penalty: float = 0.15  # both name the streets where it happened, and none in common
    weekday_bonus: float = 0.05  # an undated report's weekday agrees with the incident's day (else a penalty)
    window_days: int = 1
    report_lag_days: int = 1
    far_days: int = 400  # follow-ups later than this are a new story
    index_terms: int = 30
    max_candidates: int = 50
    posting_scan: int = 400
    merge_boost: float = 0.0  # added to the bar when the repair pass merges two incidents
    merge_pass: bool = True
    cross_place_bonus: float = 0.10  # across languages: a town in common (or near)
    cross_figure_bonus: float = 0.05  # ... a lead figure in common
    cross_name_bonus: float = 0.05  # ... a surname in common
    cross_stem_chars: int = 8  # ... words compared by their first letters (0: whole words)


@dataclass
class Incident:
    """An event being built: its reports and what they agree on."""

    members: list[int] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of the core reports' unit vectors
    entities: Counter[str] = field(default_factory=Counter)  # of the core reports
    names: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    figures: set[float] = field(default_factory=set)
    places: set[int] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    regions: set[tuple[str, str]] = field(default_factory=set)
    days: Counter[date] = field(default_factory=Counter)  # members' incident days near the anchor
    anchor: date | None = None  # the founding report's day: the incident's day stays beside it
    fatal_since: date | None = None  # publication day of its first report that tells of a death
    streets: set[str] = field(default_factory=set)
    first_report: date | None = None
    years: set[int] = field(default_factory=set)
    by_hand: set[int] = field(default_factory=set)  # members placed by a correction (never merged by repair)
    languages: set[str] = field(default_factory=set)  # of its reports
    _norm: float = 0.0

    @property
    def day(self) -> date | None:
        """The day most reports give beside the founding report's (the earliest of a tie);
        else the founding report's own date. It never walks away with later reports."""
        if self.days:
            top = max(self.days.values())
            return min(d for d, n in self.days.items() if n == top)
        return self.anchor

    def add(self, row: int, key: ReportKey) -> None:
        self.members.append(row)
        if len(self.members) <= CORE_REPORTS:
            self._take_words(key.vector, key.entities)
        self._take_identity(key, key.points[:5])
        if not self.members[:-1]:
            self.anchor = key.incident_day or key.report_day
        if key.incident_day:
            self._take_days({key.incident_day: 1})
        if key.outcome == "fatal" and key.report_day:
            self.fatal_since = min(self.fatal_since or key.report_day, key.report_day)
        if key.report_day:
            self.first_report = min(self.first_report or key.report_day, key.report_day)
            self.years.add(key.report_day.year)
        elif key.year:
            self.years.add(key.year)

    def absorb(self, other: Incident) -> None:
        self.members.extend(other.members)
        self._take_words(other.centroid, other.entities)
        self._take_identity(other, other.points)
        self.anchor = self.anchor or other.anchor
        if other.fatal_since:
            self.fatal_since = min(self.fatal_since or other.fatal_since, other.fatal_since)
        self._take_days(other.days)
        if other.first_report:
            self.first_report = min(self.first_report or other.first_report, other.first_report)
        self.years |= other.years
        self.by_hand |= other.by_hand

    def _take_words(self, vector: dict[str, float], entities) -> None:
        for w, v in vector.items():
            self.centroid[w] = self.centroid.get(w, 0.0) + v
        self._norm = sum(v * v for v in self.centroid.values()) ** 0.5
        self.entities.update(entities)

    def _take_identity(self, source: ReportKey | Incident, points: list[tuple[float, float]]) -> None:
        """People, figures and places from a report or a merged incident: follow-ups add them all."""
        self.names |= source.names
        self.ages |= source.ages
        self.streets |= source.streets
        self.figures |= source.figures
        self.places |= source.places
        self.points.extend(points)
        self.regions |= source.regions
        self.languages |= source.languages

    def _take_days(self, days: dict[date, int]) -> None:
        """Count incident days beside the anchor only: the day cannot walk away."""
        if self.anchor:
            self.days.update({d: n for d, n in days.items() if abs((d - self.anchor).days) <= ANCHOR_DAYS})

    def cosine(self, vector: dict[str, float]) -> float:
        if not self._norm:
            return 0.0
        return sum(v * self.centroid.get(w, 0.0) for w, v in vector.items()) / self._norm

    def as_key(self) -> ReportKey:
        """The incident seen as one report (for comparing two incidents)."""
        norm = self._norm or 1.0
        return ReportKey(vector={w: v / norm for w, v in self.centroid.items()}, entities=set(self.entities),
                         names=self.names, ages=self.ages, figures=self.figures, places=self.places,
                         points=self.points, regions=self.regions, incident_day=self.day if self.days else None,
                         lead_days=set(self.days), report_day=self.first_report,
                         year=min(self.years) if self.years else None, languages=set(self.languages))


def timing(key: ReportKey, incident: Incident, config: ClusterConfig) -> str | None:
    """``same`` (a lead day within the window, or written within the lag of the incident
    or of its first reports); ``later`` (a follow-up); ``other`` (another day); or None
    (time unknown)."""
    day = incident.day
    if day is None:
        year = key.report_day.year if key.report_day else key.year
        if year and incident.years:
            return None if year in incident.years or year - 1 in incident.years else "other"
        return None
    window = config.window_days
    if any(abs((d - day).days) <= window for d in key.lead_days):
        return "same"
    written = key.report_day
    if written is not None:
        lag = config.report_lag_days
        if key.incident_day is None and -window <= (written - day).days <= lag:
            return "same"
        first = incident.first_report or day
        if -window <= (written - day).days <= lag or -window <= (written - first).days <= lag:
            return "same"  # written with the incident's first reports, though its lead names another day
    anchor = key.incident_day or key.report_day
    if anchor is None:
        return None
    if key.report_day is not None and 0 < (key.report_day - day).days <= config.far_days:
        return "later"
    return "other"


def same_place(a: ReportKey, b: ReportKey | Incident) -> bool | None:
    """True: a town in common (or two within ``NEAR_KM``); False: towns in different
    provinces of one country, or towns of one province none of which is within ``FAR_KM`` of
    the other side's (an incident happens in one place; its reports name that town and its
    suburbs, not a city two hours' drive away); None: no towns on one side, other nearby towns
    of one province (a protest or a storm may be reported from several of its towns), or towns
    in different countries (more often a misread name, "Gaza" found in Germany, than another
    incident)."""
    if not a.places or not b.places:
        return None
    if a.places & b.places or any(km(p, q) <= NEAR_KM for p in a.points for q in b.points):
        return True
    countries = {c for c, _ in a.regions} & {c for c, _ in b.regions}
    if countries and not a.regions & b.regions:
        return False
    if FAR_KM and a.points and b.points and a.regions & b.regions \
            and min(km(p, q) for p in a.points for q in b.points) > FAR_KM:
        return False
    return None


def same_people(key: ReportKey, incident: Incident) -> bool:
    """A follow-up names the people of the incident again: a surname few reports use, or
    an age in common in the same place (a 9-year-old is shot somewhere every month)."""
    if key.rare_names & incident.names:
        return True
    return bool(key.ages & incident.ages) and same_place(key, incident) is True


def score(key: ReportKey, incident: Incident, when: str | None, config: ClusterConfig) -> float:
    """How strongly a report tells of this incident (see the module docstring)."""
    union = key.entities | set(incident.entities)
    value = incident.cosine(key.vector)
    if union:
        value += config.entity_weight * len(key.entities & set(incident.entities)) / len(union)
    if when is not None and key.rare_names & incident.names:  # without time, a shared name is a public figure's
        value += config.name_bonus
    if key.ages and incident.ages:
        value += config.age_bonus if key.ages & incident.ages else -config.age_penalty
    if same_place(key, incident) is False:
        value -= config.place_penalty
    if when is None and key.weekdays and incident.day:  # an undated "on Thursday" against a dated incident
        value += config.weekday_bonus if incident.day.weekday() in key.weekdays else -config.weekday_bonus
    if key.streets and incident.streets and not key.streets & incident.streets:
        value -= config.street_penalty  # another street of the same town: another shooting
    if key.outcome == "nonfatal" and incident.fatal_since and key.report_day and key.report_day >= incident.fatal_since:
        value -= config.outcome_penalty  # the dead do not come back: a later report of only wounded is another shooting
    if when is None and key.figures and incident.figures:  # time cannot tell: do the counts agree?
        value += config.figure_bonus if key.figures & incident.figures else -config.figure_penalty
    if key.languages and incident.languages and not key.languages & incident.languages:
        value += crosslingual(key, incident, config)
    return value


def crosslingual(key: ReportKey, incident: Incident, config: ClusterConfig) -> float:
    """What a report in another language shares with the incident beyond words: a town, a
    lead figure, a surname (each read the same whatever the language)."""
    bonus = config.cross_place_bonus if same_place(key, incident) is True else 0.0
    if key.figures & incident.figures:
        bonus += config.cross_figure_bonus
    if key.names & incident.names:
        bonus += config.cross_name_bonus
    if config.cross_stem_chars:
        bonus += stem_cosine(key.vector, incident.centroid, config.cross_stem_chars) - incident.cosine(key.vector)
    return bonus


def stems(vector: dict[str, float], chars: int) -> dict[str, float]:
    """The vector with each word cut to ``chars`` letters (weights of one stem summed)."""
    out: dict[str, float] = {}
    for w, v in vector.items():
        out[w[:chars]] = out.get(w[:chars], 0.0) + v
    return out


def script(word: str) -> str:
    """"latin" for words the clusterer spells in Latin letters (folded Greek and Cyrillic
    too), else "other" (Chinese pairs, Arabic, ...)."""
    return "latin" if word.isascii() else "other"


def stem_cosine(a: dict[str, float], b: dict[str, float], chars: int) -> float:
    """Cosine of two word vectors with each word cut to its first ``chars`` letters: cognates
    and inflected names meet ("ministre", "ministro", "minister"; "Putina", "Putin"). Words
    of a script only one side writes cannot be shared: they are left out of both norms (a
    Chinese report's character pairs would drown the Latin names it shares with English)."""
    both = {script(w) for w in a} & {script(w) for w in b}
    sa = stems({w: v for w, v in a.items() if script(w) in both}, chars)
    sb = stems({w: v for w, v in b.items() if script(w) in both}, chars)
    na = sum(v * v for v in sa.values()) ** 0.5
    nb = sum(v * v for v in sb.values()) ** 0.5
    if not na or not nb:
        return 0.0
    return sum(v * sb.get(w, 0.0) for w, v in sa.items()) / (na * nb)


def bar(when: str | None, config: ClusterConfig) -> float | None:
    return {"same": config.threshold, "later": config.far_threshold, None: config.undated_threshold}.get(when)


class IncidentClusterer:
    """Places reports one at a time into the incidents of ``state`` (in memory unless a
    stored state is given: see :mod:`.state`). ``touched`` collects the numbers of the
    incidents that took a report or another incident, for the caller to rebuild."""

    def __init__(self, config: ClusterConfig | None = None, state=None):
        from .state import MemoryState

        self.config = config or ClusterConfig()
        self.state = state if state is not None else MemoryState()
        self.touched: set[int] = set()
        self.merged: dict[int, int] = {}  # dropped incident -> the one that absorbed it

    def _index_keys(self, key: ReportKey) -> list[str]:
        """The report's strongest words, then its names and places, in a fixed order: candidates
        tied on hits are taken in the order their keys were read, so a set's order (which
        changes with Python's string hashing from one process to the next) must not decide it."""
        top = sorted(key.vector, key=key.vector.__getitem__, reverse=True)[: self.config.index_terms]
        return (top + [f"e:{e}" for e in sorted(key.entities)] + [f"n:{n}" for n in sorted(key.names)]
                + [f"p:{p}" for p in sorted(key.places)])

    def candidates(self, key: ReportKey, skip: int = -1) -> list[int]:
        hits: Counter[int] = Counter()
        scan = self.config.posting_scan
        for k in self._index_keys(key):
            posting = self.state.posting(k, scan)
            if posting:
                hits.update(set(posting))
        hits.pop(skip, None)
        top = [cid for cid, _ in hits.most_common(self.config.max_candidates)]
        times = self.state.times(top)  # no caller takes an incident of another day: not loaded
        top = [cid for cid in top if cid not in times or timing(key, times[cid], self.config) != "other"]
        self.state.load(top)  # one read for all of them when the state is stored
        return [cid for cid in top if self.state.incident(cid) is not None]

    def best(self, key: ReportKey, skip: int = -1, boost: float = 0.0,
             allowed: tuple[str | None, ...] = ("same", "later", None)) -> tuple[int, float]:
        best, best_score = -1, float("-inf")
        for cid in self.candidates(key, skip):
            incident = self.state.incident(cid)
            when = timing(key, incident, self.config)
            if when not in allowed:
                continue
            needed = bar(when, self.config)
            if needed is None or (when == "later" and not same_people(key, incident)):
                continue
            value = score(key, incident, when, self.config)
            if value >= needed + boost and value > best_score:
                best, best_score = cid, value
        return best, best_score

    def add(self, row: int, key: ReportKey, into: int | None = None) -> int:
        """Put report ``row`` (its arrival number: earlier reports have lower ones) into an
        incident and return the incident's number. ``into`` places it by hand: in that
        incident, or (-1) in a new one; such a report's incident is never merged by
        :meth:`repair` (a correction must not be undone by the rules it corrects)."""
        cid = self.best(key)[0] if into is None else into
        if cid < 0 or self.state.incident(cid) is None:
            cid = self.state.new_incident()
        self.state.incident(cid).add(row, key)
        if into is not None:
            self.state.incident(cid).by_hand.add(row)
        self._index(cid, key)
        self.touched.add(cid)
        return cid

    def _index(self, cid: int, key: ReportKey) -> None:
        for k in self._index_keys(key):
            self.state.append_posting(k, cid)

    def repair(self, touched: list[int]) -> None:
        """Merge incidents that arrival order kept apart: each touched incident, seen as
        one report, joins the best other incident of the same day over a slightly higher bar.
        Follow-ups are not merged here (they arrive after their incident); undated
        incidents only when one of them is a lone report that came before its incident
        had formed (merging whole undated groups costs more than it mends). The incident
        founded first keeps its number (and so its event id)."""
        for cid in touched:
            incident = self.state.incident(cid)
            if incident is None or not incident.members:
                continue
            key = incident.as_key()
            allowed = ("same", None) if len(incident.members) == 1 else ("same",)
            other, _ = self.best(key, skip=cid, boost=self.config.merge_boost, allowed=allowed)
            if other < 0 or not self._days_agree(incident, self.state.incident(other)):
                continue
            if incident.by_hand or self.state.incident(other).by_hand:
                continue
            founded_first = min(self.state.incident(other).members) < min(incident.members)
            keep, drop = (other, cid) if founded_first else (cid, other)
            self.state.incident(keep).absorb(self.state.incident(drop))
            self.state.drop(drop)
            self.merged[drop] = keep
            self.touched.add(keep)
            self.touched.discard(drop)
            self._index(keep, key)

    def _days_agree(self, a: Incident, b: Incident) -> bool:
        if a.day and b.day:
            return abs((a.day - b.day).days) <= self.config.window_days
        return True

    def groups(self) -> list[list[int]]:
        return [sorted(self.state.incident(n).members) for n in self.state.alive()]
