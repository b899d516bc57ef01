"""The towns a headline names.

Local reports often name their town only in the headline ("Teen shot in Kissimmee") and then
give streets ("the 3800 block of Chestnut Avenue"), or name it in the headline and then only
its suburbs. A headline has no sentence around its names and is often written in title case,
so a name is taken only when it is a whole capitalised name (not "Hampton" of "Hampton Inn")
and the gazetteer's reading is safe without context: a town inside the region the report's
outlet covers (its home) or in a province where the report's text places lie; a big town
(``BIG_TOWN`` people) only when neither is known. A resident's town ("Waverly man killed")
counts only when the text names no town. Offsets point into the title; the mentions are kept
apart from ``article.places`` (whose offsets point into the text), in ``article.metadata``.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from ..geo.gazetteer import KIND_ADMIN2, KIND_CITY, Gazetteer, Place, get_gazetteer
from ..models import Article, PlaceMention
from .place_outlet import outlet_home
from .place_resolve import Home, _home_fit
from .place_context import is_residence
from .places import COMMON_CAPS

TITLE_PLACES = "title_places"  # article.metadata key: the headline's towns, as PlaceMention dicts
HEADLINE_MIN_WORDS = 4  # an outlet's name is shorter than a headline
BIG_TOWN = 100_000  # as for a name taken without context in the text (places.CITY_MIN_POP_LOOSE)
HEADLINE_END_RE = re.compile(r"\s+[-|–—]\s+")  # "Teen shot in Dayton - WXYZ News - Dayton, OH": the outlet's part
NAME_RE = re.compile(r"\b[A-Z][a-z][\w'’.]*(?: [A-Z][a-z][\w'’.]*)*")  # a whole run of capitalised words
NOT_NAMES = {"Police", "Man", "Woman", "Teen", "Boy", "Girl", "Child", "Shooting", "Shot", "Dies", "Dead", "Killed",
             "Home", "Officer", "Officers", "Deputies", "Sheriff", "Update", "Breaking", "Video", "Watch", "Photos",
             "Mother", "Father", "Son", "Daughter", "Baby", "Toddler", "Family", "School", "Park", "Street", "Road"}


def _headline(title: str) -> str:
    """The headline itself: the first part of a title that also names the outlet with a few
    words at least ("FOX 46 Charlotte - Man shoots ...", "Man shot ... - WXYZ News - Dayton, OH")."""
    parts = HEADLINE_END_RE.split(title)
    return next((p for p in parts if len(p.split()) >= HEADLINE_MIN_WORDS), max(parts, key=len))


def _safe(places: list[Place], home: Home | None, provinces: set[tuple[str, str]], before: str = "") -> Place | None:
    """The reading a headline name can be trusted with, if any: in the outlet's home or a
    province where the report's text places lie, else (when neither is known) a big town or
    a town without namesakes after "in"."""
    towns = [p for p in places if p.kind in (KIND_CITY, KIND_ADMIN2) and p.lat is not None and not p.alternate]
    local = [p for p in towns if (p.country, p.admin1) in provinces or _home_fit(p, home) > 0]
    if local:
        return max(local, key=lambda p: (p.kind == KIND_CITY, p.population))
    if provinces or (home is not None and (home.admin1 or home.lat is not None)):
        return None  # the report is about somewhere else: "Providence" is the hospital
    big = [p for p in towns if p.kind == KIND_CITY and p.population >= BIG_TOWN]
    return max(big, key=lambda p: p.population) if big else _only_reading(places, before)


PREP_BEFORE_RE = re.compile(r"\b(?:in|near|outside|at)\s+$", re.I)
ONLY_READING_MIN_POP = 1_000


def _only_reading(places: list[Place], before: str) -> Place | None:
    """A town the gazetteer knows by this name and no other place, named after "in", "near",
    "outside" or "at": no namesake to confuse it with ("shot in Kissimmee")."""
    if len(places) == 1 and places[0].kind == KIND_CITY and not places[0].alternate and places[0].lat is not None \
            and places[0].population >= ONLY_READING_MIN_POP and PREP_BEFORE_RE.search(before):
        return places[0]
    return None


TOWN_BEFORE = {"In", "Near", "Outside"}  # a town follows these in a headline; "On", "At" give a street or a venue
SPLIT_WORDS = TOWN_BEFORE | {"At", "On", "Of", "For", "After", "The", "A", "An", "And", "To", "From", "By", "With",
                             "During", "Into", "Over"}
CUT_WORDS = NOT_NAMES - {"Park", "Street", "Road"}  # never inside a town's name


def _names(title: str) -> list[tuple[int, str]]:
    """Whole runs of capitalised words, without a possessive. A title-case headline's run is cut
    at words never inside a town's name ("Casper Police Investigate Shooting In Laramie"); a
    part after "On", "At" or "After" is a street, a venue or an earlier event, not the town."""
    out = []
    for match in NAME_RE.finditer(title):
        pos, words, keep = match.start(), [], True
        for word in match.group().split(" ") + [""]:
            if word and word.rstrip(".") not in CUT_WORDS and word not in SPLIT_WORDS:
                words.append(word)
                continue
            if words and keep:
                seg = " ".join(words).rstrip(".")
                for suffix in ("'s", "’s"):
                    seg = seg.removesuffix(suffix)
                out.append((pos, seg))
            pos += len(" ".join(words)) + len(word) + (2 if words else 1)
            words, keep = [], word not in SPLIT_WORDS or word in TOWN_BEFORE
    return out


def find_title_places(article: Article, home: Home | None = None,
                      gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Towns the headline names (role ``event``, ``in_title``), offsets into ``article.title``."""
    gz = gazetteer or get_gazetteer()
    title = _headline(article.title or "")
    lowered = set(re.findall(r"\b[a-z]\w+", article.text))
    provinces = {(m.country, m.admin1) for m in article.places
                 if m.precision in ("town", "district", "province") and m.country and m.admin1 and m.lat is not None}
    bare = needs_title_places(article)
    if home is None:  # the region the outlet names for itself, unless the text is about another country
        hint, _ = outlet_home(article, gz)
        located = {m.country for m in article.places if m.lat is not None and m.country}
        home = hint if hint is not None and (not located or hint.country in located) else None
    out = []
    for start, seg in _names(title):  # the whole run is the name: not "Hampton" of "Hampton Inn"
        if seg in NOT_NAMES or seg in COMMON_CAPS or seg.lower() in lowered or len(seg) < 3 or title[start + len(seg):start + len(seg) + 1] == "-":
            continue  # "Miami" of "Miami-Dade" is no town of its own
        if is_residence(title, start, start + len(seg)) and not bare:
            continue  # "Waverly man killed ...": where he lived, unless the text names no town at all
        places = gz.lookup(seg)
        place = _safe(places, home, provinces, title[:start])
        if place is None:
            continue
        out.append(PlaceMention(start, start + len(seg), seg, name=place.name, country=place.country,
                                admin1=place.admin1, lat=place.lat, lon=place.lon, precision=place.precision,
                                geonameid=place.geonameid, role="event", in_title=True, field="title"))
    return out


def needs_title_places(article: Article) -> bool:
    """A report whose text names no located town or district where something happened."""
    return not any(m.role == "event" and m.lat is not None and m.precision in ("town", "district")
                   for m in article.places)


def set_title_places(article: Article, home: Home | None = None) -> None:
    """Record the headline's towns in ``article.metadata`` (or clear them when there are none)."""
    found = find_title_places(article, home)
    if found:
        article.metadata[TITLE_PLACES] = [asdict(m) for m in found]
    else:
        article.metadata.pop(TITLE_PLACES, None)


def title_places(article: Article) -> list[PlaceMention]:
    return [PlaceMention(**d) for d in article.metadata.get(TITLE_PLACES, ())]
