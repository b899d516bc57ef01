"""The region an outlet names for itself, read from one report alone.

Local outlets say where they are in places a reader hardly looks at: the outlet's part of a
page title ("... - Channel 5 News - Dayton, Ohio"), a dateline credited to the outlet itself
("DAYTON, Ohio (WXYZ) —" on wxyz.com) and the web address ("daytonstar.com",
"dayton.citynews.com"). Either says which namesake the outlet's
"Springfield" is without needing its other reports (:mod:`newsfuse.outlet_homes` learns the
same from many reports; this works for an outlet seen once). Only unambiguous readings count:
a town spelt with its province ("Dayton, OH"), or a web address holding the name of exactly
one big city or one province ("springfield" is three cities: none).
"""

from __future__ import annotations

import re

from ..geo.gazetteer import KIND_ADMIN1, KIND_CITY, Gazetteer, Place, get_gazetteer, normalize
from ..models import Article
from .place_context import own_dateline
from .place_resolve import Home

TITLE_PART_SEP_RE = re.compile(r"\s+[-|–—:]\s+|\s*\|\s*")  # "Headline - Outlet - Town, ST", "Headline | Outlet"
HEADLINE_MIN_WORDS = 4  # the headline is the first part this long; the outlet's parts are the others
TOWN_STATE_RE = re.compile(r"((?:[A-Z][\w'’.]*[ ]){0,3}[A-Z][\w'’.]*),[ ]*([A-Z][A-Za-z.]*(?:[ ][A-Z][a-z]+)?)")
SOURCE_FROM_PATH = "source_from_path"  # article.metadata flag (prepare.py): the "outlet" is a file's name
GENERIC_LABELS = {"www", "com", "org", "net", "news", "m", "mobile", "amp", "edition", "local", "co", "uk"}
DOMAIN_CITY_MIN_POP = 100_000  # a web address names a big town: a small one's name is too often a word
DOMAIN_NAME_MIN_CHARS = 5  # "reno", "dc" are too short to find inside a longer word safely
# where a name may begin inside a web address's word: at its start, after call letters or a channel
# number ("wxyz5dayton"), or after a network's name ("nbcdayton", "myfoxdayton"); elsewhere a
# name is more often part of a word ("bradenton" holds "denton")
NAME_START_RE = re.compile(r"^(?:|.*\d|abc|nbc|cbs|fox|my|myfox|the)$")


# US postal codes, as outlets' titles write their state ("Dayton, OH"); in running text the
# two capitals are too often words ("IN", "OR", "ME"), so only this reader knows them
US_STATE_CODES = dict(pair.split("=") for pair in (
    "AL=Alabama;AK=Alaska;AZ=Arizona;AR=Arkansas;CA=California;CO=Colorado;CT=Connecticut;DE=Delaware;"
    "DC=District of Columbia;FL=Florida;GA=Georgia;HI=Hawaii;ID=Idaho;IL=Illinois;IN=Indiana;IA=Iowa;KS=Kansas;"
    "KY=Kentucky;LA=Louisiana;ME=Maine;MD=Maryland;MA=Massachusetts;MI=Michigan;MN=Minnesota;MS=Mississippi;"
    "MO=Missouri;MT=Montana;NE=Nebraska;NV=Nevada;NH=New Hampshire;NJ=New Jersey;NM=New Mexico;NY=New York;"
    "NC=North Carolina;ND=North Dakota;OH=Ohio;OK=Oklahoma;OR=Oregon;PA=Pennsylvania;RI=Rhode Island;"
    "SC=South Carolina;SD=South Dakota;TN=Tennessee;TX=Texas;UT=Utah;VT=Vermont;VA=Virginia;WA=Washington;"
    "WV=West Virginia;WI=Wisconsin;WY=Wyoming").split(";"))


def outlet_home(article: Article, gazetteer: Gazetteer | None = None) -> tuple[Home | None, bool]:
    """The outlet's home from the report's own title or else its web address, if either names
    one, and whether it came from the address (a weaker hint: see ``place_resolve.home_fits``)."""
    gz = gazetteer or get_gazetteer()
    place = _title_outlet_place(article.title or "", gz) or _dateline_place(article, gz)
    from_address = place is None
    if from_address and not article.metadata.get(SOURCE_FROM_PATH):
        place = _address_place(article.source or "", gz)
    if place is None:
        return None, False
    if place.kind == KIND_ADMIN1:
        return Home(place.country or "", place.name), from_address
    return Home(place.country or "", place.admin1, place.lat, place.lon), from_address


def _dateline_place(article: Article, gz: Gazetteer) -> Place | None:
    """The town of a dateline credited to the outlet itself ("SALEM (KXYZ) —" on kxyz.com):
    read inside its qualifier when there is one, else only as an unambiguous big town."""
    found = own_dateline(article.text, article.source or "")
    if found is None:
        return None
    name, qualifier = found
    if qualifier:
        return _town_in(name.title(), qualifier, gz)
    towns = [p for p in gz.lookup(name) if p.kind == KIND_CITY and p.population >= DOMAIN_CITY_MIN_POP
             and p.lat is not None and not p.alternate]
    return towns[0] if len({(p.country, p.admin1) for p in towns}) == 1 else None


def _town_in(town: str, province: str, gz: Gazetteer) -> Place | None:
    """The biggest town called ``town`` inside ``province`` (a name or a US state code)."""
    state = US_STATE_CODES.get(province.split(" ")[0], province)
    provinces = [p for p in gz.lookup(state) if p.kind == KIND_ADMIN1 and (state == province or p.country == "US")]
    towns = [t for t in gz.lookup(town) if t.kind == KIND_CITY and t.lat is not None
             and any(t.country == q.country and t.admin1 == q.name for q in provinces)]
    return max(towns, key=lambda t: t.population) if towns else None


def headline(title: str) -> str:
    """The headline itself without the outlet's parts ("Tulsa Today: Man shot ..." ->
    "Man shot ..."); the whole title when no part is a headline's length."""
    parts = [p for p in TITLE_PART_SEP_RE.split(title) if p.strip()]
    return next((p for p in parts if len(p.split()) >= HEADLINE_MIN_WORDS), title)


def _outlet_parts(title: str) -> list[str]:
    parts = [p for p in TITLE_PART_SEP_RE.split(title) if p.strip()]
    head = next((n for n, p in enumerate(parts) if len(p.split()) >= HEADLINE_MIN_WORDS), None)
    return [p for n, p in enumerate(parts) if n != head] if head is not None else []


def _title_outlet_place(title: str, gz: Gazetteer) -> Place | None:
    """"Town, Province" in the outlet's part of a title, read inside the province."""
    for part in reversed(_outlet_parts(title)):
        for m in TOWN_STATE_RE.finditer(part):
            state = US_STATE_CODES.get(m.group(2).split(" ")[0], m.group(2))  # "Roanoke, VA News"
            provinces = [p for p in gz.lookup(state) if p.kind == KIND_ADMIN1
                         and (state == m.group(2) or p.country == "US")]
            words = m.group(1).split()
            for k in range(len(words)):  # "Channel 5 News Dayton, OH": the town is the shortest tail that fits
                town = _town_in(" ".join(words[k:]), m.group(2), gz)
                if town is not None:
                    return town
            if len(provinces) == 1 and normalize(m.group(1)) == normalize(provinces[0].name):
                return provinces[0]
    return None


def _address_place(source: str, gz: Gazetteer) -> Place | None:
    """The one big city or province whose name a web address holds ("chicagonews.com")."""
    host = source.lower().split("//")[-1].split("/")[0]
    if "." not in host:  # a file's or a feed's name, not a web address
        return None
    found: list[Place] = []
    for label in host.split("."):
        if label in GENERIC_LABELS or len(label) < DOMAIN_NAME_MIN_CHARS:
            continue
        name = _longest_name_in(label, gz)
        if name:
            found.append(name)
    if len(found) != 1:
        return None
    return found[0]


def _longest_name_in(label: str, gz: Gazetteer) -> Place | None:
    """The longest place name inside ``label`` that reads as exactly one big city or province."""
    squeezed = gz.squeezed_names(DOMAIN_CITY_MIN_POP)
    best: tuple[int, list[Place]] | None = None
    for word in re.sub(r"[^a-z0-9]", " ", label).split():
        for i in range(len(word)):
            if not NAME_START_RE.match(word[:i]):
                continue
            for j in range(len(word), i + DOMAIN_NAME_MIN_CHARS - 1, -1):
                places = squeezed.get(word[i:j])
                if places and (best is None or j - i > best[0]):
                    best = (j - i, places)
                    break
    if best is None:
        return None
    places = best[1]
    provinces = {(p.country, p.admin1 if p.kind == KIND_CITY else p.name) for p in places}
    return max(places, key=lambda p: (p.kind == KIND_CITY, p.population)) if len(provinces) == 1 else None
