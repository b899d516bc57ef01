"""The offline gazetteer: names and alternate names to candidates with coordinates."""

from __future__ import annotations

import pytest

from newsfuse.geo import get_gazetteer, haversine_km, normalize
from newsfuse.geo.gazetteer import KIND_ADMIN1, KIND_CITY, KIND_COUNTRY, KIND_REGION, read_demonyms


@pytest.fixture(scope="module")
def gz():
    return get_gazetteer()


def test_normalize_folds_case_accents_and_dots():
    assert normalize("Laçın") == "lacin"
    assert normalize("U.S.") == "us"
    assert normalize("Nagorno-Karabakh") == "nagorno karabakh"
    assert normalize("  São   Paulo ") == "sao paulo"


def test_haversine_is_great_circle_km():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)
    assert haversine_km(51.5, -0.12, 51.5, -0.12) == 0


def test_shared_instance_is_built_once(gz):
    assert get_gazetteer() is gz
    assert gz.load_seconds >= 0


def test_town_has_country_admin1_coordinates_and_population(gz):
    town = [p for p in gz.lookup("Siversk") if p.kind == KIND_CITY]
    assert town and town[0].country == "UA" and town[0].population > 1000
    assert town[0].admin1 and town[0].geonameid == 694403
    assert town[0].precision == "town" and town[0].feature_class == "P"
    assert haversine_km(town[0].lat, town[0].lon, 48.87, 38.10) < 5


def test_alternate_spelling_finds_the_town(gz):
    old = gz.lookup("Kharkov")
    assert old and old[0].name == "Kharkiv" and old[0].country == "UA" and old[0].alternate
    lviv = [p for p in gz.lookup("Lvov") if p.kind == KIND_CITY]
    assert lviv and lviv[0].country == "UA"


def test_countries_have_centre_points_and_short_names(gz):
    us = [p for p in gz.lookup("U.S.") if p.kind == KIND_COUNTRY]
    assert us and us[0].country == "US" and us[0].lat is not None
    assert any(p.kind == KIND_COUNTRY and p.country == "VE" for p in gz.lookup("Venezuela"))
    assert any(p.kind == KIND_COUNTRY and p.country == "GB" for p in gz.lookup("Britain"))


def test_provinces_and_abbreviations(gz):
    fl = [p for p in gz.lookup("Florida") if p.kind == KIND_ADMIN1 and p.country == "US"]
    assert fl and 24 < fl[0].lat < 31
    assert any(p.kind == KIND_ADMIN1 and p.name == "Kentucky" for p in gz.lookup("Ky."))
    assert gz.is_abbreviation("Ky.")


def test_regions_from_the_supplement_table(gz):
    nk = gz.lookup("Nagorno-Karabakh")
    assert nk and nk[0].kind == KIND_REGION and nk[0].country == "AZ"
    assert gz.lookup("Europe")[0].lat is not None


def test_demonyms(gz):
    assert any(p.country == "RU" for p in gz.demonym("Russian"))
    assert any(p.country == "FR" for p in gz.demonym("French"))
    assert gz.demonym("Liberals") == []


def test_country_demonyms_come_from_the_one_table(gz):
    """data/demonyms.tsv is read by the gazetteer and the claims alike; aliases.tsv keeps the rest."""
    from newsfuse.analysis.claims_vocab import country_of

    rows = read_demonyms()
    for iso, _country, dems, _aliases in rows:
        for dem in dems:
            places = gz.demonym(dem)
            assert [(p.country, p.kind) for p in places] == [(iso, KIND_COUNTRY)], dem
            assert gz.is_demonym(dem) and country_of(dem)[0] == iso, dem
    assert [p.country for p in gz.demonym("Dutch")] == ["NL"] and country_of("Dutch marines")[0] == "NL"
    # no country demonym is left in aliases.tsv, whose demonyms name provinces, towns and regions
    assert not {normalize(d) for row in rows for d in row[2]} & set(gz.demonyms)
    assert any(p.country == "US" and p.kind == KIND_ADMIN1 for p in gz.demonym("Texan")) and gz.demonym("Kurdish")


def test_unknown_name(gz):
    assert gz.lookup("Qwxzzyville") == []


def test_build_from_data_files_and_cache_round_trip(tmp_path, monkeypatch):
    from newsfuse.geo.gazetteer import Gazetteer

    monkeypatch.setenv("NEWSFUSE_CACHE_DIR", str(tmp_path))
    built = Gazetteer()
    assert not built.from_cache and Gazetteer.cache_path().exists()
    cached = Gazetteer()
    assert cached.from_cache
    assert [p.geonameid for p in cached.lookup("Siversk")] == [p.geonameid for p in built.lookup("Siversk")]


def test_only_the_newest_caches_are_kept_and_a_broken_one_is_rebuilt(tmp_path):
    """Each newsfuse version builds its own cache: older ones would pile up, 27 MB each."""
    import os

    from newsfuse.geo import cache

    folder = tmp_path / "newsfuse"
    folder.mkdir()
    for n in range(5):  # caches of five earlier versions, oldest first
        old = folder / f"gazetteer-old{n}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    (folder / "notes.txt").write_text("kept")
    where = folder / "gazetteer-new.pickle"
    cache.save(where, {"index": {"a": [1]}})
    assert sorted(p.name for p in folder.iterdir()) == ["gazetteer-new.pickle", "gazetteer-old3.pickle",
                                                       "gazetteer-old4.pickle", "notes.txt"]
    assert cache.load(where) == {"index": {"a": [1]}}
    assert cache.load(folder / "gazetteer-old4.pickle") is None  # not a pickle: rebuilt, not an error
    assert cache.load(folder / "gazetteer-missing.pickle") is None and cache.load(None) is None


def test_st_also_finds_big_saint_places(gz):
    found = gz.lookup("St. Petersburg")
    assert {p.country for p in found} >= {"US", "RU"}
    assert any(p.country == "RU" and p.population > 1_000_000 for p in found)
    # a small "Saint X" elsewhere does not crowd a town spelt "St. X"
    assert all(p.population >= 100_000 or p.name.startswith("St") for p in gz.lookup("St. Thomas"))


def test_district_knows_its_province(gz):
    orange = [p for p in gz.lookup("Orange County") if p.country == "US" and p.precision == "district"]
    assert {p.admin1 for p in orange} >= {"California", "Florida"}


def test_neighbour_counts_find_names_lying_together():
    from newsfuse.geo.coherence import neighbour_counts
    from newsfuse.geo.gazetteer import Place

    def town(name, lat, lon):
        return Place(None, name, "XX", None, lat, lon, 1000, KIND_CITY)

    a = [town("A", 10.0, 10.0), town("A", -30.0, 40.0)]  # two namesakes
    b = [town("B", 10.2, 10.1)]
    c = [town("C", 10.0, 10.3), town("C", 50.0, 50.0)]
    counts = neighbour_counts([("a", a), ("b", b), ("c", c), ("a", a)])
    assert counts[("a", 0)] == 2 and ("a", 1) not in counts
    assert counts[("b", 0)] == 2 and counts[("c", 0)] == 2 and ("c", 1) not in counts
    assert neighbour_counts([("a", a)]) == {}


def test_airport_codes_are_no_names_but_initials_are(gz):
    from newsfuse.geo.gazetteer import _is_code

    assert _is_code("LON", "London") and _is_code("INC", "Yinchuan")
    assert not _is_code("NYC", "New York City") and not _is_code("Peking", "Beijing")
    assert not gz.lookup("Inc.")  # "Cable News Network, Inc." names no city
    assert any(p.name == "New York City" for p in gz.lookup("NYC"))


def test_the_first_words_of_a_city_name_find_it_but_not_its_first_letters(gz):
    assert "Newcastle upon Tyne" in {p.name for p in gz.lookup("Newcastle")}  # next to the Newcastles so named
    assert not any(p.name == "Lévis" for p in gz.lookup("Levi"))  # a prefix of letters is no short form
