"""Toponyms in an article: recognised, resolved against the offline gazetteer, given a role.

Recognition: spaCy's GPE/LOC/FAC entities (a leading "the" trimmed, "Parkland,
Florida" split in two), plus a gazetteer matcher over capitalised words that the
small model missed or mislabelled (PERSON/ORG for small towns): such a word is
taken when the gazetteer knows it and the context supports a place reading (a
preposition before it, "the town of X", a list with other toponyms), or when it
is a country, province or sizeable city. Demonyms ("Russian") are not places;
``include_demonyms=True`` adds them (the geo benchmark's gold counts them).

Resolution: each candidate is scored by population and feature type, plus the
article's context: countries and provinces named in it, the countries of the
other toponyms, and nearness to them. Role: "event" when the sentence says
something happened there, "mentioned" for where officials spoke or the like, "named" for a
place in a sentence that tells of nothing happening, "resident" for where someone lives.
"""

from __future__ import annotations

import re

from ..geo.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_COUNTRY, KIND_REGION, Gazetteer, Place,
                             get_gazetteer, normalize)
from ..models import Article, PlaceMention
from .place_context import (after_a_place, dateline_spans, in_longer_name, is_country_site, is_label, is_person,
                            is_persons_town, is_quarter, is_residence, is_shouted, is_street, is_subject, is_title_word,
                            own_dateline, street_spans)
from .place_outlet import headline, outlet_home
from .place_resolve import Home, _Cand, far_from_home, home_fits, resolve_candidates
from .place_roles import EVENT_RE, SentenceEvents, place_role  # noqa: F401  (EVENT_RE, SentenceEvents: cluster/)
from .spans import SpanIndex

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAYBE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
PREP_RE = re.compile(r"\b(?:in|near|of|at|from|to|towards|toward|into|outside|around|across|through|via|between|"
                     r"and|nearby|inside|throughout|within|on|across|over|villages?|towns?|city|cities|districts?|"
                     r"provinces?|regions?|settlements?)\s+(?:the\s+)?$", re.I)
STRONG_PREFIX_RE = re.compile(r"\b(?:town|village|city|district|province|region|settlement|municipality|capital|"
                              r"towns|villages|cities|districts|regions|settlements|outskirts|suburbs?)\s+of\s+(?:the\s+)?$",
                              re.I)
SUFFIX_KIND_RE = re.compile(r"^\s+(?:[Pp]rovinces?|[Rr]egions?|[Dd]istricts?|[Oo]blasts?|[Rr]ayons?|[Cc]ounty|"
                            r"[Gg]overnorates?|[Ss]tate|[Mm]unicipalit(?:y|ies)|[Vv]illages?|[Tt]owns?|[Cc]ity)\b")
LIST_BEFORE_RE = re.compile(r"[A-Z][\w'’.-]+(?:,| and| or|, and)\s+$")
# a police force or fire service is named after the town it serves ("Goodyear police", "Dayton Fire Department")
AGENCY_AFTER_RE = re.compile(r"^ (?:[Pp]olice|PD\b|[Ff]ire [Dd]epartment|[Ff]ire [Rr]escue|[Ss]heriff)")
AND_BEFORE_RE = re.compile(r"\b(?:and|or)\s+$")
LIST_AFTER_RE = re.compile(r"^(?:,| and| or|, and)\s+[A-Z]")


def _listed(text: str, start: int, end: int) -> bool:
    """In a list with another capitalised name: "Siversk, Kreminna and Svatove" (not "Red Lantern
    Bar and Grill", whose "Bar" follows another capitalised word)."""
    m = LIST_BEFORE_RE.search(text[max(0, start - 30):start])
    if m and re.search(r"[A-Z][\w'’]* $", text[max(0, start - 30):start][:m.start()][-30:]):
        m = None
    return bool(m or LIST_AFTER_RE.match(text[end:end + 8]))


def _not_a_place_name(seg: str, gz: Gazetteer, surnames: set[str]) -> bool:
    """A one-word name that is a person's surname in this report, a rank ("Officer") or a
    common capitalised word ("Metro" for a police force), unless it names a country or province."""
    if " " in seg or not (seg in surnames or is_title_word(seg) or seg in COMMON_CAPS
                          or seg.capitalize() in COMMON_CAPS):
        return False
    return not any(p.kind in (KIND_COUNTRY, KIND_ADMIN1) for p in gz.lookup(seg))


SHORT_CAPS_MIN_CITY = 500_000  # "LA", "NYC": only a big city is known by two or three capitals


def _short_caps(seg: str, places: list[Place]) -> list[Place]:
    """Two or three capitals ("AL", "NO") are a country, a province or a big city, never a
    village of those letters (Ål in Norway)."""
    if not (seg.isupper() and len(seg.replace(".", "")) <= 3):
        return places
    return [p for p in places if p.kind in (KIND_COUNTRY, KIND_ADMIN1, KIND_REGION)
            or (p.kind == KIND_CITY and p.population >= SHORT_CAPS_MIN_CITY)]


def _big(places: list[Place]) -> bool:
    """A reading that needs no context: a country, a region, a big province or a big city."""
    return any(p.kind in (KIND_COUNTRY, KIND_REGION) or (p.kind == KIND_ADMIN1 and p.population >= ADMIN1_MIN_POP_LOOSE)
               or (p.kind == KIND_CITY and p.population >= CITY_MIN_POP_LOOSE and not p.alternate) for p in places)
WORD_RE = re.compile(r"\b[A-Z][\w'’.]*")  # a hyphen ends a word: "EU-Canada", "Amsterdam-London"
COMMON_CAPS = {"The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "But",
               "And", "Or", "If", "When", "While", "After", "Before", "Since", "As", "At", "In", "On", "Of", "For", "To",
               "From", "By", "With", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
               "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Prime", "General", "Police",
               "Army", "Government", "Ministry", "Defence", "Defense", "Foreign", "Interior", "Sir", "Lord", "Saint",
               "St", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
               "New", "Old", "Great", "Little", "Upper", "Lower", "Mount", "Lake", "River", "Republic", "Union",
               "Reuters", "AP", "AFP", "TV", "News", "Post", "Times", "Daily", "Press", "Associated", "Media",
               "Christmas", "Easter", "God", "Church", "Court", "Supreme", "Senate", "Congress", "Parliament",
               "Hospital", "University", "School", "College", "Centre", "Center", "Council", "Committee", "Party",
               "Democrats", "Republicans", "Democrat", "Republican", "Liberal", "Conservative", "Labour", "Labor",
               "Centre", "Act", "Lakes", "Easter", "CEO", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
               "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Star", "Mercury",
               "Today", "Sunday", "Bay", "Beach", "Park", "Street", "Road", "Avenue", "Square", "Island", "Islands",
               "Federal", "Mass", "Metro", "Bank", "Secretary", "Commonwealth", "Inc", "Vista", "Capital",
               "National", "State", "No", "Yes", "Ok", "OK", "Mercy", "Hope", "Victory", "Liberty", "Unity",
               "Justice", "Peace", "Progress", "Independence", "Friendship", "Hill", "Valley", "Summit"}
ADMIN1_MIN_POP_LOOSE = 250_000  # a small province ("Bar") needs context like a town does
CITY_MIN_POP_LOOSE = 100_000  # a mislabelled or unlabelled name taken without any context
CITY_MIN_POP_CONTEXT = 1_000  # ... with a preposition before it
CITY_MIN_POP_LISTED = 200  # ... in a list with other names
TRIM_LEADING = ("the ", "The ")


GENERIC_TAIL_RE = re.compile(r"\s+(?:province|region|state|county|district|city|oblast|governorate|area)$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    s = text[start:end]
    for prefix in TRIM_LEADING:
        if s.startswith(prefix):
            start += len(prefix)
            s = s[len(prefix):]
    for suffix in ("'s", "’s", "'", "’"):
        if s.endswith(suffix):
            end -= len(suffix)
            s = s[: -len(suffix)]
    m = GENERIC_TAIL_RE.search(s)  # "Sichuan province" -> "Sichuan"
    if m:
        end -= len(m.group())
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


BROADER_RE = re.compile(r"^(?:(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower)(?:-?"
                        r"(?:east|west)(?:ern)?)? (?P<tail>.+)|(?P<head>.+?) (?:City|State|Province|Region|County|Town|"
                        r"Municipality|Governorate|Oblast|Prefecture))$")


def _broader(gz: Gazetteer, name: str) -> list[Place]:
    """A name the gazetteer lacks, read as the place it names part of: "West Wales" -> Wales,
    "Oaxaca State" -> Oaxaca, "Manchester City" -> Manchester. Towns only when big; a quarter
    ("South X") is of a big town, a province, a region or a country, not of a district."""
    m = BROADER_RE.match(name)
    if not m:
        return []
    places = gz.lookup(m.group("tail") or m.group("head"))
    if m.group("tail"):  # "South Toledo" is part of the city, not of a Spanish province
        return [p for p in places if (p.kind != KIND_CITY or p.population >= CITY_MIN_POP_LOOSE) and p.kind != KIND_ADMIN2]
    return [p for p in places if p.kind != KIND_CITY or p.population >= CITY_MIN_POP_LOOSE]  # not "Marina" for "Marina City"


def _context_ok(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(some support, strong support) for reading text[start:end] as a place."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 20]
    strong = bool(STRONG_PREFIX_RE.search(before)) or bool(SUFFIX_KIND_RE.match(after))
    return strong or bool(PREP_RE.search(before)) or _names_agency(text, start, end), strong


def _names_agency(text: str, start: int, end: int) -> bool:
    """"Goodyear police", "Dayton Fire Department": a force named after the town it serves (not
    a transit or campus force's initials or a common word: "DART police", "Metro police")."""
    name = text[start:end]
    return not name.isupper() and name not in COMMON_CAPS and bool(AGENCY_AFTER_RE.match(text[end:end + 30]))


def _sentence_start(article: Article, pos: int) -> bool:
    for s in article.sentences:
        if s.start <= pos < s.end:
            return pos == s.start
    return pos == 0 or article.text[max(0, pos - 2):pos] in (". ", "\n", '"')


def _acceptable(places: list[Place], context: bool, strong: bool, listed: bool, seg: str,
                inside: bool = False) -> bool:
    """Does the gazetteer make this capitalised name a place, given the context?

    ``inside``: a word within a longer name ("Kentucky" in "Kentucky State Police"): only
    countries, provinces, regions and big cities count.
    """
    acronym = seg.replace(".", "").isupper() and len(seg.replace(".", "")) <= 4
    for p in places:
        if p.kind in (KIND_COUNTRY, KIND_REGION) and not p.alternate:
            return True
        if p.kind == KIND_ADMIN1 and (p.population >= (500_000 if inside else ADMIN1_MIN_POP_LOOSE)
                                      or (not inside and (context or listed))):
            return True
        if acronym:
            continue
        if p.kind == KIND_CITY:
            if p.population >= CITY_MIN_POP_LOOSE and not p.alternate:
                return True
            if inside:
                continue
            if strong or (listed and p.population >= CITY_MIN_POP_LISTED):
                return True
            if context and p.population >= (CITY_MIN_POP_CONTEXT if not p.alternate else 20_000):
                return True
        if p.kind == KIND_ADMIN2 and (strong or (context and not inside) or
                                      seg.endswith((" County", " Parish", " District"))):
            return True
    return False


def _hyphen_part(text: str, start: int, end: int) -> bool:
    """Is text[start:end] one part of a hyphenated name ("Kok-Tash")?"""
    return (text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha()) or (
        text[start - 1:start] == "-" and text[start - 2:start - 1].isalpha())


_NEXT_CAP = re.compile(r"[ -]([A-Z][\w'’.-]*)")


def _candidates(article: Article, gz: Gazetteer, include_demonyms: bool, include_modifiers: bool) -> list[_Cand]:
    text = article.text
    cands: list[_Cand] = []
    taken = SpanIndex()  # no matching inside these
    named = SpanIndex()  # inside these, only words that are clearly places (modifiers)
    lowered = set(re.findall(r"\b[a-z]\w+", text))
    person_words = {w for e in article.entities if e.label == "PERSON" and " " in e.text.strip()
                    for w in e.text.split()}
    first_names = {e.text.split()[0] for e in article.entities if e.label == "PERSON" and " " in e.text.strip()}
    surnames = {e.text.split()[-1] for e in article.entities if e.label == "PERSON" and " " in e.text.strip()}
    streets = SpanIndex()  # "Houston Street": a street of a town, no town inside it
    for span in street_spans(text):
        streets.add(span)
    datelines = {a: b for a, b in dateline_spans(text)}

    def plain(word: str) -> bool:  # a capitalised word that is neither common nor a place
        return word not in COMMON_CAPS and word.lower() not in lowered and not gz.knows(word) and not is_title_word(word)
    for ent in article.entities:
        start, end = _trim(text, ent.start, ent.end)
        if end <= start:
            continue
        seg = text[start:end]
        if streets.overlapping(start, end) or is_street(text, start, end) or is_label(text, start, end):
            taken.add((ent.start, ent.end))
            continue
        if ent.label in PLACE_LABELS | MAYBE_LABELS and is_quarter(seg, text, end):
            cands.append(_Cand(start, end, seg, "local", local="neighbourhood"))
            taken.add((ent.start, ent.end))
            continue
        if ent.label in PLACE_LABELS and start not in datelines and is_person(text, start, end) and not any(
                p.kind in (KIND_COUNTRY, KIND_ADMIN1) for p in gz.lookup(seg)):
            taken.add((ent.start, ent.end))  # "Dunlap, 18," or "Officer Tyler"
            continue
        if ent.label in PLACE_LABELS and seg in first_names and not _context_ok(text, start, end)[0]:
            taken.add((ent.start, ent.end))  # "said Georgia" where "Georgia Stevens" is named
            continue
        if ent.label in PLACE_LABELS and _not_a_place_name(seg, gz, surnames) and not _context_ok(text, start, end)[0]:
            taken.add((ent.start, ent.end))  # "Denton turned himself in" where "Rhea Denton" is named
            continue
        if ent.label in PLACE_LABELS:
            parts = [(start, end)]
            if ", " in seg and not gz.knows(seg):  # "Parkland, Florida" -> two toponyms when both are known
                pieces, pos = [], start
                for piece in seg.split(", "):
                    pieces.append((pos, pos + len(piece)))
                    pos += len(piece) + 2
                if all(gz.lookup(text[a:b]) for a, b in pieces):
                    parts = pieces
            for a, b in parts:
                places = _short_caps(text[a:b], gz.lookup(text[a:b])) or _broader(gz, text[a:b])
                if not places and ent.label == "FAC":
                    named.add((ent.start, ent.end))
                    break
                if not places and " " not in text[a:b]:
                    continue  # an unknown one-word "GPE" is more often a name than a place
                if not places and ent.label == "GPE" and len(parts) == 1:
                    named.add((ent.start, ent.end))  # "Building Ireland": look for known names inside
                    break
                cands.append(_Cand(a, b, text[a:b], "ner", places))
            else:
                taken.add((ent.start, ent.end))
        elif ent.label == "NORP" and "-" in seg and include_demonyms:  # "anti-Russian", "Russian-European"
            taken.add((ent.start, ent.end))
            pos = start
            for part in seg.split("-"):
                if part[:1].isupper() and gz.is_demonym(part):
                    cands.append(_Cand(pos, pos + len(part), part, "demonym", gz.demonym(part), demonym=True))
                pos += len(part) + 1
        elif ent.label == "NORP":
            taken.add((ent.start, ent.end))
            places = [] if gz.is_demonym(seg) else gz.lookup(seg)  # "German" is not the Manx parish
            if places and any(p.kind in (KIND_COUNTRY, KIND_ADMIN1, KIND_REGION) for p in places):
                cands.append(_Cand(start, end, seg, "ner-other", places))
            elif include_demonyms:
                places = gz.demonym(seg)
                if places:
                    cands.append(_Cand(start, end, seg, "demonym", places, demonym=True))
        elif ent.label in MAYBE_LABELS and include_demonyms and " " not in seg and gz.is_demonym(seg):
            taken.add((ent.start, ent.end))  # "Slovak" or "Azerbaijani" tagged as a person
            cands.append(_Cand(start, end, seg, "demonym", gz.demonym(seg), demonym=True))
        elif ent.label in MAYBE_LABELS:
            pieces, pos = [], start
            for piece in seg.split(", "):  # "Kreminna, Svatove" tagged as one ORG
                pieces.append((pos, pos + len(piece)))
                pos += len(piece) + 2
            found = []
            for a, b in pieces:
                piece = text[a:b]
                places = gz.lookup(piece)
                context, strong = _context_ok(text, a, b)
                listed = _listed(text, a, b) and (
                    ent.label != "PERSON" or after_a_place([(c.start, c.end) for c in cands[-3:]], text, a))
                # a person-tagged name counts as listed only after a place: not "Porter and Greer were charged"
                if (ent.label == "PERSON" and piece in person_words) or is_person(text, a, b):
                    places = []
                if a in datelines:
                    context = strong = True
                if ent.label != "FAC":  # a name's reading needs more than "in"/"of" for a small town
                    context = strong or (context and any(p.population >= 20_000 for p in places))
                if places and _acceptable(places, context, strong, listed, piece):
                    found.append(_Cand(a, b, piece, "ner-other", places, strong=strong))
            if found and (len(found) == len(pieces) or len(pieces) > 1):
                cands.extend(found)
                taken.add((ent.start, ent.end))
            elif include_modifiers and ent.label in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"):
                named.add((ent.start, ent.end))
            else:
                taken.add((ent.start, ent.end))
        else:
            taken.add((ent.start, ent.end))
    # gazetteer matcher over capitalised words outside any entity
    for m in WORD_RE.finditer(text):
        a, b = m.start(), m.end()
        if text[b - 2:b] in ("'s", "’s"):  # "Canada's"
            b -= 2
        if taken.covering(a) or streets.covering(a):
            continue
        host = named.covering(a)
        inside = host is not None
        lead = inside and (a == _trim(text, host[0], host[1])[0] or text[max(0, a - 3):a] == "of ")
        # the longest known run of capitalised words starting here (up to 4 words)
        words = [(a, b)]
        pos = b
        for _ in range(3):
            nxt = _NEXT_CAP.match(text, pos)
            if not nxt:
                break
            words.append((pos + 1, nxt.end()))
            pos = nxt.end()
        for k in range(len(words), 0, -1):
            s, e = words[0][0], words[k - 1][1]
            seg = text[s:e]
            if seg.endswith(".") and not (gz.is_abbreviation(seg) or seg.count(".") > 1):
                seg = seg.rstrip(".")
                e = s + len(seg)
            if taken.overlapping(s, e):
                continue
            if k == 1 and (seg in COMMON_CAPS or seg.lower() in lowered or seg in person_words or "'" in seg
                           or "’" in seg or (len(seg) < 3 and not seg.isupper()) or is_title_word(seg)
                           or (seg.isupper() and seg.capitalize() in COMMON_CAPS)):
                break
            if k == 1 and include_demonyms and gz.is_demonym(seg):  # also inside names: "BBC Russian Service"
                cands.append(_Cand(s, e, seg, "demonym", gz.demonym(seg), demonym=True))
                taken.add((s, e))
                break
            if gz.is_abbreviation(seg) and not text[max(0, s - 2):s] == ", ":
                continue  # "Ky." after a town ("Louisville, Ky."), not "P.A." on its own
            if is_quarter(seg, text, e) and not inside:
                cands.append(_Cand(s, e, seg, "local", local="neighbourhood"))
                taken.add((s, e))
                break
            places = gz.lookup(seg)
            if not places or is_street(text, s, e) or is_label(text, s, e):
                continue
            regional = any(p.kind in (KIND_COUNTRY, KIND_ADMIN1) for p in places)
            if _hyphen_part(text, s, e) and not regional and not any(
                    p.kind == KIND_REGION or (p.population >= CITY_MIN_POP_LOOSE and not p.alternate) for p in places):
                break  # "Kok" of "Kok-Tash" is no town of its own; "Armenia-Azerbaijan", "Amsterdam-London" are
            if s not in datelines and not regional and is_person(text, s, e):
                break
            context, strong = _context_ok(text, s, e)
            listed = _listed(text, s, e)
            if s in datelines and e <= datelines[s]:
                context = strong = True
            elif _sentence_start(article, s) and not strong and not regional and not _names_agency(text, s, e):
                context = False  # (but "Goodyear police said": a force is named after its town)
            elif context and not (strong or listed) and AND_BEFORE_RE.search(text[max(0, s - 8):s]):
                context = False  # "and" is a list's word: no list of names here ("Red Lantern Bar and Grill")
            if k == 1 and not (s in datelines or strong) and not _big(places) and in_longer_name(text, s, plain):
                break  # "Red Lantern Bar and Grill": a word of another name
            if not (s in datelines or strong) and is_shouted(text, s, e):
                if not any(p.kind == KIND_COUNTRY and len(seg) > 3 for p in places):
                    break  # in a text all in capitals, a capital says nothing: "NO ONE", "SANTA RITA"
            if _acceptable(places, context, strong, listed, seg, inside) and (
                    not inside or lead or any(p.kind in (KIND_COUNTRY, KIND_REGION) or p.population >= 1_000_000
                                              for p in places)):
                cands.append(_Cand(s, e, seg, "gaz", places, strong=strong))
                taken.add((s, e))
            break
    found = SpanIndex()
    for c in cands:
        found.add((c.start, c.end))
    station = own_dateline(text, article.source or "") is not None  # a station's own city: no filing place
    for a, b in streets.spans():
        if not found.overlapping(a, b):
            cands.append(_Cand(a, b, text[a:b], "local", local="street"))
    for c in cands:
        c.dateline = c.start in datelines and c.end <= datelines[c.start] and not station
        c.strong = c.strong or (c.start in datelines and c.end <= datelines[c.start])
    cands.sort(key=lambda c: (c.start, -c.end))
    out: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.start < last_end:
            continue
        prev = out[-1] if out else None
        if prev and text[prev.end:c.start] == ", " and gz.is_abbreviation(c.text) and gz.knows(
                text[prev.start:c.end]):  # "Washington, D.C." is one place
            out[-1] = _Cand(prev.start, c.end, text[prev.start:c.end], prev.source, gz.lookup(text[prev.start:c.end]))
        else:
            out.append(c)
        last_end = c.end
    return out


def find_places(article: Article, *, include_demonyms: bool = False, include_modifiers: bool = False,
                gazetteer: Gazetteer | None = None, home: Home | None = None) -> list[PlaceMention]:
    """Every toponym in ``article`` (entities must be filled), resolved and given a role.

    ``include_demonyms`` adds "Russian"-like adjectives; ``include_modifiers`` adds place names
    inside other names ("Kentucky" in "Kentucky State Police"). Both are off for event records
    and on for the geo benchmark, whose gold counts them. ``home`` is the region the
    report's outlet covers (:mod:`newsfuse.outlet_homes`), a prior for namesakes; without it,
    the region the outlet names for itself in the report's title or web address is a hint.
    """
    gz = gazetteer or get_gazetteer()
    cands = _candidates(article, gz, include_demonyms, include_modifiers)
    hint = False  # a home from the outlet's web address only: it needs the report's agreement
    if home is None:
        home, hint = outlet_home(article, gz)
    resolved = resolve_candidates(cands, gz, article.text, home, home_is_hint=hint)
    home_applies = home is not None and home_fits(home, resolved, hint)
    if home_applies and (not hint or _names_province(cands, home)):  # a web address's town needs support
        for c, p in zip(cands, resolved):
            if p is not None and not c.local and far_from_home(p, home):
                c.local = "neighbourhood"  # "Austin" in a Chicago paper: its quarter, not the Texas city
    events = SentenceEvents(article)
    text = article.text
    station_towns = {a for a, _ in dateline_spans(text)} if own_dateline(text, article.source or "") else set()
    title = f" {normalize(headline(article.title or ''))} "  # not the outlet's part: "Tulsa Today: ..."
    person_ends = {e.end for e in article.entities if e.label == "PERSON"}
    out = []
    for n, (c, p) in enumerate(zip(cands, resolved)):
        m = PlaceMention(c.start, c.end, text[c.start:c.end])
        if c.local:
            _place_local(m, c.local, cands, resolved, n, home if home_applies else None)
        elif p is not None:
            m.name, m.country, m.admin1 = p.name, p.country, p.admin1
            m.lat, m.lon, m.geonameid = p.lat, p.lon, p.geonameid
            m.precision = p.precision
        m.dateline = c.dateline
        m.in_title = len(m.text) > 2 and f" {normalize(m.text)} " in title
        capital = p is not None and p.geonameid in gz.capitals
        if c.demonym:
            m.role = "mentioned"
        elif c.dateline or c.start in station_towns:
            m.role = "event"  # filed from there: a strong hint of where it happened (a station's own: a hint)
        elif is_residence(text, c.start, c.end):
            m.role = "resident"  # where someone lives ("an Evansville teen"): not where it happened
        elif is_subject(text, c.end) or is_persons_town(text, c.start, person_ends):
            m.role = "mentioned"  # a person's town; a country that brokered or said something
        else:
            m.role = place_role(article, c.start, c.end, capital, events)
            if m.role == "event" and p is not None and p.kind == KIND_COUNTRY and not is_country_site(
                    text, c.start, c.end):
                m.role = "mentioned"  # a country that brokered, said or was asked something
        out.append(m)
    return out


def _names_province(cands: list[_Cand], home: Home) -> bool:
    """Does the report itself name the home's province or a town whose likeliest reading (the
    most people) lies in it?"""
    for c in cands:
        if c.places and not c.demonym:
            p = max(c.places, key=lambda p: (p.kind == KIND_ADMIN1, p.population))
            if p.country == home.country and home.admin1 in (p.admin1, p.name if p.kind == KIND_ADMIN1 else None):
                return True
    return False


def _place_local(m: PlaceMention, kind: str, cands: list[_Cand], resolved: list[Place | None], n: int,
                 home: Home | None = None) -> None:
    """A street or a neighbourhood lies in the town the report names nearest to it ("the Austin
    neighborhood of Chicago", "SCHENECTADY — ... at 524 State Street"); in a report that names
    no town, in the middle of the outlet's home (a local outlet's streets are its own town's)."""
    here = cands[n].start
    towns = [(abs(c.start - here), p) for c, p in zip(cands, resolved)
             if p is not None and p.kind == KIND_CITY and not c.local and p.lat is not None]
    town = min(towns, key=lambda t: t[0])[1] if towns else None
    m.precision = kind
    if town is not None:
        m.within = town.name
        m.country, m.admin1, m.lat, m.lon = town.country, town.admin1, town.lat, town.lon
    elif home is not None and home.lat is not None and not any(
            p is not None and p.lat is not None and p.kind in (KIND_ADMIN1, KIND_ADMIN2) for p in resolved):
        m.country, m.admin1, m.lat, m.lon = home.country, home.admin1, home.lat, home.lon
