"""render/acled: one event record as one row in ACLED's columns, empty where the record is silent."""

from __future__ import annotations

from newsfuse.render.acled import (ACLED_COLUMNS, acled_region, acled_row, acled_type, actor_name, interaction,
                                   iso_numeric, main_place, time_precision)

# ACLED's columns, in ACLED's order: the contract analysts' scripts are written against.
ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def _record(**changes):
    """A fictional shooting in Dayton, as an event record."""
    record = {
        "id": "ev-0123456789ab", "title": "Two hurt in a fictional shooting",
        "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "date": {"start": "2024-05-04", "end": "2024-05-04", "precision": "day", "basis": "text"},
        "locations": [
            {"name": "Columbus", "country": "US", "admin1": "Ohio", "lat": 39.96, "lon": -83.0,
             "precision": "town", "role": "mentioned"},
            {"name": "Dayton", "country": "US", "admin1": "Ohio", "lat": 39.76, "lon": -84.19,
             "precision": "town", "role": "event"},
        ],
        "actors": [
            {"name": "Dayton Police", "country": None, "role": "claimant", "kind": "police", "inter": 1},
            {"name": "Unidentified armed group", "country": None, "role": "participant",
             "kind": "political_militia", "inter": 3},
            {"name": "Civilians", "country": None, "role": "participant", "kind": "civilians", "inter": 7},
        ],
        "articles": [{"id": "a1", "source": "Miami Valley Wire"}, {"id": "a2", "source": "Buckeye Daily"},
                     {"id": "a3", "source": "Miami Valley Wire"}],
        "brief": [{"text": "A gunman wounded two people outside a bar in Dayton on Saturday."},
                  {"text": "Police said the suspect fled on foot."}, {"text": "The bar was closed."}],
        "fatalities": 0,
    }
    record.update(changes)
    return record


def test_columns_are_acleds_in_acleds_order():
    assert [name for name, _ in ACLED_COLUMNS] == ACLED_ORDER
    assert list(acled_row(_record(), 1_700_000_000)[0]) == ACLED_ORDER


def test_a_row_from_a_full_record():
    row = acled_row(_record(), 1_700_000_000)[0]
    assert row["event_id_cnty"] == "ev-0123456789ab"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-05-04", 2024, 1)
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == \
        ("Political violence", "Violence against civilians", "Attack")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == \
        ("Unidentified armed group", 3, "Civilians", 7, 37)  # the claimant is no party
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["region"], row["country"]) == (840, "North America", "United States")
    assert (row["location"], row["admin1"], row["latitude"], row["longitude"], row["geo_precision"]) == \
        ("Dayton", "Ohio", 39.76, -84.19, 1)  # where it happened, not the capital the reports mention
    assert row["source"] == "Buckeye Daily; Miami Valley Wire"  # each outlet once
    assert row["notes"] == "A gunman wounded two people outside a bar in Dayton on Saturday. " \
                           "Police said the suspect fled on foot."
    assert row["fatalities"] == 0 and row["timestamp"] == 1_700_000_000


def test_nothing_known_is_nothing_invented():
    empty = _record(event_type=None, sub_event_type=None, locations=[], actors=[], brief=[], fatalities=None,
                    date={"start": None, "end": None, "precision": "unknown", "basis": "unknown"})
    row = acled_row(empty, 1)[0]
    filled = {k for k, v in row.items() if v not in (None, "")}
    assert filled == {"event_id_cnty", "source", "timestamp"}


def test_what_acled_does_not_code_has_no_acled_type():
    assert acled_type("accident", "Road crash") == (None, None, None)
    assert acled_type("other", None) == (None, None, None)
    assert acled_type("Riots", "Mob violence") == ("Political violence", "Riots", "Mob violence")
    assert acled_type("Protests", "Excessive force against protesters") == \
        ("Political violence; Demonstrations", "Protests", "Excessive force against protesters")
    assert acled_type("Battles", None) == ("Political violence", "Battles", None)  # one disorder type for all battles
    assert acled_type("Riots", None) == (None, "Riots", None)  # riots are demonstrations or political violence


def test_time_precision():
    assert time_precision({"start": "2024-05-14", "end": "2024-05-14", "precision": "day"}) == 1
    assert time_precision({"start": "2024-05-14", "end": "2024-05-15", "precision": "day"}) == 2
    assert time_precision({"start": "2024-05-13", "end": "2024-05-19", "precision": "week"}) == 2
    assert time_precision({"start": "2024-05", "end": "2024-05", "precision": "month"}) == 3
    assert time_precision({"start": "2024", "end": "2024", "precision": "year"}) is None


def test_geo_precision_and_a_country_wide_event():
    district = _record(locations=[{"name": "Batken District", "country": "KG", "admin1": "Batken", "lat": 40.0,
                                   "lon": 70.8, "precision": "district", "role": "event"}])
    assert acled_row(district, 1)[0]["geo_precision"] == 2
    country = _record(locations=[{"name": "Kyrgyzstan", "country": "KG", "admin1": None, "lat": 41.0, "lon": 75.0,
                                  "precision": "country", "role": "event"}])
    row = acled_row(country, 1)[0]
    assert (row["country"], row["iso"], row["region"]) == ("Kyrgyzstan", 417, "Caucasus and Central Asia")
    assert (row["location"], row["latitude"], row["geo_precision"]) == (None, None, None)  # a country is no place


def test_main_place_is_the_first_located_event_place():
    unlocated = {"name": "Riverside Park", "country": "US", "lat": None, "lon": None, "role": "event"}
    town = {"name": "Dayton", "country": "US", "lat": 39.76, "lon": -84.19, "role": "event"}
    assert main_place([unlocated, town]) == (town, "US")
    assert main_place([unlocated]) == (None, "US")
    assert main_place([]) == (None, None)


def test_country_forces_take_acleds_names():
    assert actor_name({"name": "Kyrgyzstan", "country": "KG", "kind": "state_forces"}) == "Military Forces of Kyrgyzstan"
    assert actor_name({"name": "Kyrgyzstan", "country": "KG", "kind": "police"}) == "Police Forces of Kyrgyzstan"
    assert actor_name({"name": "Border Service", "country": "KG", "kind": "state_forces"}) == "Border Service"
    assert actor_name({"name": "Protesters", "country": None, "kind": "protesters"}) == "Protesters"


def test_interaction_codes():
    assert interaction(7, 1) == 17 and interaction(1, 1) == 11
    assert interaction(6, None) == 60  # protesters alone
    assert interaction(None, None) is None


def test_regions_and_iso_codes():
    assert [acled_region(c) for c in ("NG", "KE", "IR", "AM", "TR", "ES", "MX", "BR", "IN", "AU")] == [
        "Western Africa", "Eastern Africa", "Middle East", "Caucasus and Central Asia", "Middle East",
        "Europe", "Central America", "South America", "South Asia", "Oceania"]
    assert acled_region("ZZ") is None
    assert (iso_numeric("KG"), iso_numeric("ES"), iso_numeric("ZZ"), iso_numeric(None)) == (417, 724, None, None)
