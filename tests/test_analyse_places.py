"""find_places: toponym recognition, resolution and role, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.analyse import analyse_articles
from newsfuse.analyse.places import find_places
from newsfuse.geo import haversine_km
from newsfuse.models import Article


def _article(text: str) -> Article:
    article = Article(id="t", path="t", source="test", title="", text=text)
    analyse_articles([article])
    return article


def _by_text(places):
    return {m.text: m for m in places}


@pytest.fixture(scope="module")
def caucasus():
    return _article(
        "Armenia said on Monday that Azerbaijani troops shelled positions near the towns of Goris, Sotk and "
        "Jermuk overnight. The defence ministry in Yerevan said two soldiers were wounded. Azerbaijan's "
        "ministry accused Armenian units of attacks near Kalbajar and Lachin, close to the Nagorno-Karabakh "
        "region. Officials in Baku told reporters that the situation was calm.")


def test_offsets_match_the_text(caucasus):
    places = find_places(caucasus)
    assert places
    for m in places:
        assert caucasus.text[m.start:m.end] == m.text


def test_small_towns_found_and_resolved(caucasus):
    found = _by_text(find_places(caucasus))
    truth = {"Goris": (39.511, 46.342), "Sotk": (40.200, 45.870), "Jermuk": (39.839, 45.671),
             "Kalbajar": (40.110, 46.044), "Lachin": (39.637, 46.550)}
    for name, (lat, lon) in truth.items():
        assert name in found, name
        assert found[name].lat is not None
        assert haversine_km(found[name].lat, found[name].lon, lat, lon) < 25, name
    assert found["Goris"].country == "AM" and found["Kalbajar"].country == "AZ"
    assert found["Goris"].precision == "town"


def test_countries_regions_and_precision(caucasus):
    found = _by_text(find_places(caucasus))
    assert found["Armenia"].precision == "country" and found["Armenia"].country == "AM"
    assert found["Nagorno-Karabakh"].precision == "region"


def test_roles(caucasus):
    found = _by_text(find_places(caucasus))
    assert found["Goris"].role == "event"
    assert found["Yerevan"].role == "mentioned"
    assert found["Baku"].role == "mentioned"


def test_demonyms_only_on_request(caucasus):
    plain = {m.text for m in find_places(caucasus)}
    assert "Armenian" not in plain and "Azerbaijani" not in plain
    with_dem = {m.text for m in find_places(caucasus, include_demonyms=True)}
    assert "Armenian" in with_dem


def test_leading_the_is_trimmed_and_list_split():
    article = _article("Storms hit the United States on Friday. Flooding closed roads in Parkland, Florida, "
                       "and near Tallahassee.")
    found = _by_text(find_places(article))
    assert "United States" in found and found["United States"].country == "US"
    assert "Parkland" in found and "Florida" in found
    assert 25 < found["Parkland"].lat < 27  # the Florida Parkland, not the one in Washington


def test_context_chooses_among_namesakes():
    article = _article("Police in London, Ontario, said a fire destroyed a warehouse. The Ontario fire marshal "
                       "is investigating.")
    found = _by_text(find_places(article))
    assert found["London"].country == "CA"


def test_person_names_are_not_places():
    article = _article("Nikol Pashinyan met the envoy. Pashinyan said talks would continue in Moscow.")
    texts = {m.text for m in find_places(article)}
    assert "Nikol" not in texts and "Pashinyan" not in texts
    assert "Moscow" in texts
