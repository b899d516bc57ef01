"""Toponyms in French and Spanish text, resolved against the same gazetteer as English.

Candidates are the statistical model's LOC entities (where the language has a model) and
capitalised names right after a place preposition ("à Lyon", "cerca de Sevilla", "la ville
de Vierzon"): news in both languages puts a town after one. A capitalised word the language
lists as a function word, a title, a month or a weekday is never a place ("Cinq", "Selon",
"Lundi"). Country names come from CLDR (Babel's territory names in the article's language,
"Arménie" -> AM); towns from GeoNames under any of their Latin-script spellings
("Séville" -> Sevilla). Readings are chosen with the English resolver (population, kind,
the countries and provinces the text names). A place is where it happened when its
sentence has an event word of the language's list; a country only ever "mentioned".
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..geo.gazetteer import KIND_COUNTRY, Gazetteer, Place, get_gazetteer, normalize
from ..models import Article, PlaceMention
from .languages import language_of, lexicon
from .place_resolve import _Cand, resolve_candidates
from .place_roles import SentenceEvents

PLACE_LABELS = {"LOC", "GPE", "FAC"}
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:(?:de|del|la|las|los|le|les|sur|en|y)\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]*){0,3}")
MIN_TOWN_POP = 1000  # a name after a preposition that only a hamlet has is more likely a person's


@lru_cache(maxsize=None)
def country_names(lang: str) -> dict[str, str]:
    """Normalised country name in ``lang`` -> ISO code (CLDR, through Babel)."""
    try:
        from babel import Locale

        names = Locale(lang).territories
    except Exception:  # an unknown locale has no names: the gazetteer's English ones remain
        return {}
    return {normalize(name): cc for cc, name in names.items() if len(cc) == 2 and cc.isalpha()}


def lookup(name: str, lang: str, gz: Gazetteer) -> list[Place]:
    """Readings of ``name`` written in ``lang``: a country by its local name, else any
    gazetteer place with that spelling."""
    cc = country_names(lang).get(normalize(name))
    if cc:
        from babel import Locale

        english = Locale("en").territories.get(cc, "")
        found = [p for p in gz.lookup(english) if p.kind == KIND_COUNTRY and p.country == cc]
        if found:
            return found[:1]
    return gz.lookup_any(name)


def _stopped(name: str, lang: str) -> bool:
    lex = lexicon(lang)
    low = name.lower()
    first = low.split()[0].strip("'’")
    return any(low in lex.of(k) or first in lex.of(k) for k in ("stop", "month", "weekday", "relative"))


def _candidates(article: Article, lang: str, gz: Gazetteer) -> list[_Cand]:
    text = article.text
    cands: list[_Cand] = []
    people = [(e.start, e.end) for e in article.entities if e.label == "PERSON"]
    for e in article.entities:
        if e.label in PLACE_LABELS and not _stopped(e.text, lang):
            places = lookup(e.text, lang, gz)
            if places:
                cands.append(_Cand(e.start, e.end, e.text, "ner", places))
    taken = [(c.start, c.end) for c in cands] + people
    prep = lexicon(lang).pattern("prep")
    for m in _NAME.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken) or _stopped(m.group(), lang):
            continue
        before = text[max(0, m.start() - 25):m.start()]
        hit = [h for h in prep.finditer(before) if not before[h.end():].strip()]
        if not hit:
            continue
        places = [p for p in lookup(m.group(), lang, gz) if p.kind != 3 or p.population >= MIN_TOWN_POP]
        if places:
            cands.append(_Cand(m.start(), m.end(), m.group(), "gaz", places, strong=True))
    cands.sort(key=lambda c: c.start)
    return cands


def find_places_lang(article: Article, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every toponym of a French or Spanish ``article`` (entities and sentences filled)."""
    gz = gazetteer or get_gazetteer()
    lang = language_of(article)
    cands = _candidates(article, lang, gz)
    resolved = resolve_candidates(cands, gz, article.text)
    events = SentenceEvents(article)
    out = []
    for c, p in zip(cands, resolved):
        m = PlaceMention(c.start, c.end, article.text[c.start:c.end])
        if p is not None:
            m.name, m.country, m.admin1 = p.name, p.country, p.admin1
            m.lat, m.lon, m.geonameid, m.precision = p.lat, p.lon, p.geonameid, p.precision
        is_country = p is not None and p.kind == KIND_COUNTRY
        m.role = "mentioned" if is_country else "event" if events.around(c.start, c.end) else "named"
        m.in_title = normalize(m.text) in normalize(article.title or "")
        out.append(m)
    return out
