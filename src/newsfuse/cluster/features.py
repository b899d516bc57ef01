"""What one report says about its incident, in a form reports can be compared on.

Two reports tell of the same incident when they put it on the same day, in the same
place, with the same people, in similar words. Each of those is read here from one article
alone (only the words' weights depend on the stream):

* words are counted here and weighted by how rare they are among the reports seen
  (:class:`TermStats`, a pair of counters a stream keeps);
* the *incident day* is the earliest day-precise date, in a sentence saying something
  happened, of the headline and lead in the week before publication ("was shot Saturday
  night" in a Monday report); older dates of the lead are kept too (a follow-up names
  "the March 9 shooting"); with none, the report's own date stands in for it;
* places are the towns and districts where the lead says something happened, else the
  dateline's city (a wire report from a capital bureau names the incident's town in its lead);
* words are folded to Latin letters without accents ("explosión", "explosion" and
  "Путин", "Putin" are one word) and the stop words of the report's own language are left out
  (spaCy's lists), so reports in other languages share their names and cognates; what else
  joins reports across languages is language-neutral: days, figures, places by gazetteer id
  (``languages`` says which languages a report is in; cluster/incidents.py weighs that evidence);
* ages ("a 23-year-old man", "John Doe, 23,") in the lead and people's surnames anywhere
  in the report identify the people involved; two reports of one incident describe the
  same people (a first report may name the victim only in its fourth paragraph).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from collections import Counter
from collections.abc import Iterable
from datetime import date

from functools import lru_cache
import importlib

from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

from ..analysis.languages import ENGLISH, language_of
from ..analysis.place_titles import title_places
from ..analysis.places import EVENT_RE, SentenceEvents
from ..analysis.undated import report_date
from ..geo.gazetteer import KIND_CITY, get_gazetteer, haversine_km
from ..models import Article

ENTITY_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "EVENT"}
LEAD_SENTENCES = 3  # the headline and these sentences say what happened, where and when
FIGURE_SENTENCES = 2
PLACE_SENTENCES = 3
TEXT_WORDS = 400  # words of the body that count (the rest is background, related stories, junk)
TOWN_PRECISIONS = {"town", "district"}
RARE_NAME_SHARE = 0.005
RARE_NAME_MIN = 10  # the reports of one incident may all name its victim
VECTOR_TERMS = 100  # a report's strongest words: a long text's tail of common words is chance overlap
RECENT_DAYS = 7  # a lead date further back than this is background or a follow-up's reference

_WORD = re.compile(r"(?u)\b[^\W\d_]{2,}\b")
_AGE = re.compile(
    r"\b(\d{1,3})[-\s](?:year|yr)s?[-\s]old\b"  # a 23-year-old man
    r"|\b(?:aged?|ages)\s+(\d{1,3})\b"  # aged 23
    r"|(?<=[A-Za-z]), (\d{1,2}),(?= )",  # John Doe, 23, of Chicago / a man, 23,
    re.I,
)


@dataclass
class ReportKey:
    """One report's incident evidence (see the module docstring)."""

    terms: dict[str, float] = field(default_factory=dict)  # word -> sublinear count
    vector: dict[str, float] = field(default_factory=dict)  # word -> TF-IDF weight, unit length (set by TermStats)
    entities: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # surnames of people named
    rare_names: set[str] = field(default_factory=set)  # ... that few reports name (not public figures; set by TermStats)
    ages: set[int] = field(default_factory=set)
    figures: set[float] = field(default_factory=set)  # counts in the headline and lead
    places: set[int] = field(default_factory=set)  # geonameids of towns and districts in the lead
    points: list[tuple[float, float]] = field(default_factory=list)  # their coordinates
    regions: set[tuple[str, str]] = field(default_factory=set)  # their (country, province)
    incident_day: date | None = None  # the day the report puts its incident on
    lead_days: set[date] = field(default_factory=set)  # every day-precise date of the lead
    report_day: date | None = None  # when the report was written (publication, or inferred)
    outcome: str | None = None  # "fatal": its headline or lead tells of a death; "nonfatal": of people hurt, no death
    streets: set[str] = field(default_factory=set)  # streets of the lead, by name ("elm" for "N. Elm St.")
    weekdays: set[int] = field(default_factory=set)  # weekdays an undated lead says it happened on (Monday = 0)
    year: int | None = None  # known to the year only
    languages: set[str] = field(default_factory=set)  # the report's language (an incident's: all its members')


def term_counts(title: str, text: str, lang: str = ENGLISH) -> dict[str, float]:
    """Sublinear counts of the content words: the headline twice (it names the story), the
    body up to ``TEXT_WORDS`` words once; stop words (English and the text's language's) left
    out, words folded to unaccented Latin letters (:func:`fold`)."""
    words = words_of(title.lower()) * 2 + words_of(text.lower(), TEXT_WORDS)
    stop = stop_words(lang)
    counts: dict[str, int] = {}
    for w in words:
        if w not in STOP_WORDS and w not in stop:
            w = fold(w)
            counts[w] = counts.get(w, 0) + 1
    return {w: 1.0 + math.log(n) for w, n in counts.items()}


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_NOT_CJK = re.compile(r"[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def words_of(text: str, limit: int | None = None) -> list[str]:
    """The words of ``text`` (of its first ``limit`` space-separated words). Chinese and
    Japanese write no spaces: a run of their characters counts as its overlapping character
    pairs (the usual unit for searching them), and a Latin name inside it ("NBA", "Trump") as
    a word of its own, as in any other language."""
    out = []
    for word in _WORD.findall(text)[:limit]:
        if not _CJK.search(word):
            out.append(word)
            continue
        for piece in re.findall(f"{_CJK.pattern}|{_NOT_CJK.pattern}", word):
            if _CJK.match(piece):
                out.extend(piece[i:i + 2] for i in range(max(1, len(piece) - 1)))
            else:
                out.append(piece)
    return out


FOLD_LIMIT = 0x530  # Latin, Greek and Cyrillic letters end here; other scripts are kept as written


def fold(word: str) -> str:
    """``word`` in unaccented Latin letters when it is in a Latin, Greek or Cyrillic script
    ("explosión" -> "explosion", "путин" -> "putin"): names and cognates meet across languages."""
    if word.isascii() or any(ord(c) >= FOLD_LIMIT for c in word):
        return word
    folded = unidecode(word).lower()
    return folded if folded.isalpha() else word


@lru_cache(maxsize=None)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of ``lang`` (none for a language spaCy has no list for)."""
    if lang == ENGLISH or not lang.isalpha():
        return frozenset()
    try:
        return frozenset(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
    except (ImportError, AttributeError):
        return frozenset()


class TermStats:
    """Document frequencies of the reports seen so far: a word most reports use (this
    stream's "shooting", "police", "Biden") says less than one few use. The state is two
    counters, so it can be kept and grown as reports arrive."""

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()

    def add(self, terms: dict[str, float]) -> None:
        self.docs += 1
        self.df.update(terms.keys())

    @classmethod
    def of(cls, keys: Iterable[ReportKey]) -> TermStats:
        """The counters after these reports."""
        stats = cls()
        for key in keys:
            stats.add(key.terms)
        return stats

    def weigh(self, key: ReportKey) -> None:
        """Give a key its TF-IDF vector and the names that identify people: a surname in
        more than ``RARE_NAME_SHARE`` of the reports (and ``RARE_NAME_MIN``) is a public figure's, not a victim's."""
        key.vector = self.vector(key.terms)
        limit = max(RARE_NAME_MIN, RARE_NAME_SHARE * self.docs)
        key.rare_names = {n for n in key.names if self.df.get(n, 0) <= limit}

    def vector(self, terms: dict[str, float]) -> dict[str, float]:
        """Unit-length TF-IDF vector (smoothed IDF, as scikit-learn's) of the ``VECTOR_TERMS``
        strongest words: two long reports share many mid-frequency words by chance, which
        would make any two long texts look alike (a month of one paper's politics)."""
        n = self.docs + 1
        vec = {w: tf * (math.log(n / (self.df.get(w, 0) + 1)) + 1.0) for w, tf in terms.items()}
        if len(vec) > VECTOR_TERMS:
            vec = dict(sorted(vec.items(), key=lambda x: -x[1])[:VECTOR_TERMS])
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def lead_end(article: Article, sentences: int) -> int:
    if not article.sentences:
        return min(len(article.text), 600)
    return article.sentences[min(sentences, len(article.sentences)) - 1].end


# A dateline opens a line in the first few hundred characters: "TULSA, Okla. -",
# "HAWTHORNE —", "GARY |", "lucknow:", "(AP) GREENVILLE, N.C. -".
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:\([A-Za-z]{2,10}\)[ \t]*)?(?P<city>[A-Za-z][A-Za-z.'’ ]{1,28}?)"
    r"(?P<qualified>,[ \t]*[A-Za-z. ]{2,20}?)?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*(?:[:|—–]|-{1,2}[ \t])"
)
DATELINE_CHARS = 300
DATELINE_MIN_POP = 20_000  # datelines name cities; a small namesake is not one


def dateline_place(article: Article) -> tuple[int, float, float, str, str] | None:
    """The city a report was filed from, when its text opens with a dateline: the place a
    local report's incident happened, in wire copy, newspapers and TV sites alike.

    A city the analysis already resolved in the text is taken as resolved there (it knows
    "Greenville, N.C." from context); otherwise, with no state or country after it, the
    gazetteer's biggest city of that name. All-capital or lower-case city words only, so a
    headline-like "Police:" or "Updated:" line is not a dateline.
    """
    m = _DATELINE.search(article.text[:DATELINE_CHARS])
    if not m:
        return None
    city = m.group("city").strip()
    letters = [c for c in city if c.isalpha()]
    if not letters or not (city.isupper() or city.islower()) or city.lower() in STOP_WORDS:
        return None
    key = city.lower()
    for p in article.places:
        if p.text.lower() == key and p.geonameid and p.lat is not None and p.precision in TOWN_PRECISIONS:
            return p.geonameid, p.lat, p.lon, p.country or "", p.admin1 or ""
    if m.group("qualified"):
        return None
    cities = [c for c in get_gazetteer().lookup(city) if c.kind == KIND_CITY and c.population >= DATELINE_MIN_POP
              and c.geonameid and c.lat is not None]
    if not cities:
        return None
    best = max(cities, key=lambda c: c.population)
    return best.geonameid, best.lat, best.lon, best.country or "", best.admin1 or ""


def surname(name: str) -> str:
    """The last word of a person's name as the word counter sees it ("Biden’s" -> "biden")."""
    last = re.sub(r"['’]s$", "", name.split()[-1].lower())
    words = _WORD.findall(last)
    return words[-1] if words else ""


_SO_FAR = re.compile(r"[^.;]{0,40}\bso far\b", re.I)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def lead_weekdays(article: Article) -> set[int]:
    """Weekdays an undated report's lead puts something happening on ("clashed on
    Thursday"): with no date, still a clue to which dated incident it tells of."""
    lead = lead_end(article, LEAD_SENTENCES)
    happened = SentenceEvents(article)  # "on Tuesday, the senator argued" dates no incident
    return {_WEEKDAYS.index(m.group(1).lower()) for m in _WEEKDAY.finditer(article.text[:lead])
            if happened.around(m.start(), m.start())}


def lead_days(article: Article) -> tuple[date | None, list[date]]:
    """The report's own day and the days its lead says something happened on (in text
    order, none after the report)."""
    when = report_date(article)
    day = _parse(when.value) if when.precision == "day" else None
    lead = lead_end(article, LEAD_SENTENCES)
    happened = SentenceEvents(article)  # "was shot Saturday" dates the incident; "the senator argued on Tuesday" not
    days = [d for d in (_parse(m.value) for m in article.dates
                        if m.start < lead and m.precision == "day" and happened.around(m.start, m.start))
            if d is not None and (day is None or d <= day)]
    return day, days


def incident_day(article: Article) -> date | None:
    """The day the report puts its incident on: the earliest of its lead's days in the week
    before it was written (older ones are background or a follow-up's reference)."""
    day, days = lead_days(article)
    return earliest_recent(day, days)


def earliest_recent(day: date | None, days: list[date]) -> date | None:
    """The earliest lead day within ``RECENT_DAYS`` before the report: later ones are updates
    ("police said on Friday" after "Thursday's protest")."""
    return min((d for d in days if day is None or (day - d).days <= RECENT_DAYS), default=None)


def report_key(article: Article) -> ReportKey:
    """Everything the clusterer compares, read from this one article."""
    when = report_date(article)
    day, days = lead_days(article)
    year = int(when.value[:4]) if when.value and when.precision == "year" else None
    lead = lead_end(article, LEAD_SENTENCES)
    figure_end = lead_end(article, FIGURE_SENTENCES)
    figures = {n.value for n in article.numbers  # exact counts: "at least 15" may grow into 19
               if n.start < figure_end and n.value is not None and 2 <= n.value < 1_000_000
               and n.qualifier == "exact" and not _SO_FAR.match(article.text, n.end)}
    head = article.text[:lead]
    ages = {int(g) for m in _AGE.finditer(f"{article.title}\n{head}") for g in m.groups() if g and 0 < int(g) < 110}
    place_end = lead_end(article, PLACE_SENTENCES)
    lead_towns = [p for p in article.places if p.start < place_end and p.geonameid and p.precision in TOWN_PRECISIONS]
    towns = [p for p in lead_towns if p.role == "event"]
    if not towns and EVENT_RE.search(article.text[:place_end]):  # an incident report: its lead's towns are where
        towns = lead_towns
    if not towns and EVENT_RE.search(f"{article.title}\n{article.text[:place_end]}"):
        # an incident report whose text names no town: its headline's (analysis/place_titles.py, set by
        # outlet_homes.place_by_outlet_home before clustering)
        towns = [p for p in title_places(article) if p.geonameid and p.precision in TOWN_PRECISIONS]
    if towns:  # the headline names the incident's town too ("4 hurt in east Marlow bar shooting"): a lead town may be misread
        seen = {p.geonameid for p in towns}
        towns = towns + [p for p in title_places(article) if p.geonameid and p.precision in TOWN_PRECISIONS
                         and p.geonameid not in seen]
    filed = None if towns else dateline_place(article)  # where it happened beats where it was filed
    places = {p.geonameid for p in towns}
    points = [(p.lat, p.lon) for p in towns if p.lat is not None and p.lon is not None]
    regions = {(p.country, p.admin1) for p in towns if p.country and p.admin1}
    if filed:
        places.add(filed[0])
        points.append((filed[1], filed[2]))
        if filed[3] and filed[4]:
            regions.add((filed[3], filed[4]))
    entities = {fold(e.text.lower()) for e in article.entities if e.label in ENTITY_LABELS and len(e.text) > 1}
    names = {surname(e.text) for e in article.entities
             if e.label == "PERSON" and len(e.text.split()) >= 2} - {""}  # anywhere: follow-ups name victims late
    lang = language_of(article)
    return ReportKey(
        terms=term_counts(article.title, article.text, lang),
        languages={lang},
        entities=entities,
        names=names,
        ages=ages,
        figures=figures,
        places=places,
        points=points,
        regions=regions,
        incident_day=earliest_recent(day, days),
        lead_days=set(days),
        report_day=day,
        weekdays=lead_weekdays(article) if day is None and not days else set(),
        year=year,
        outcome=lead_outcome(article, figure_end),
        streets=lead_streets(article, lead),
    )


_STREET = re.compile(
    r"^(?:(?:the\s+)?\d+\s+block\s+of\s+)?(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?P<name>.+?)\s+"
    r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Way|Court|Ct\.?|Place|"
    r"Pl\.?|Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Circle|Trail|Pike)$", re.I)


def lead_streets(article: Article, end: int) -> set[str]:
    """Names of the streets the lead places the incident on: two shootings in one city a day
    apart are told apart by their streets ("Elm" for "the 4100 block of N. Elm St.")."""
    out = set()
    for p in article.places:
        if p.start < end and p.within:
            m = _STREET.match(p.text.strip())
            if m:
                out.add(m.group("name").lower())
    return out


def lead_outcome(article: Article, end: int) -> str | None:
    """Did somebody die, by the headline and lead's own figures? ``fatal``, ``nonfatal`` (people were
    shot or hurt, nobody died), or None (no figure of this incident there)."""
    here = [c for c in article.claims if c.scope == "event" and (c.field == "title" or c.start < end)]
    if any(c.category == "killed" and (c.number or c.low or 0) >= 1 for c in here):
        return "fatal"
    if any(c.category in ("wounded", "shot") and (c.number or c.low or 0) >= 1 for c in here):
        return "nonfatal"
    return None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(a[0], a[1], b[0], b[1])
