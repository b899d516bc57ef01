"""find_places: toponym recognition, resolution and role, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.analysis import analyse_articles
from newsfuse.analysis.places import find_places
from newsfuse.geo import haversine_km
from newsfuse.models import Article


def _article(text: str) -> Article:
    article = Article(id="t", path="t", source="test", title="", text=text)
    analyse_articles([article])
    return article


def _by_text(places):
    return {m.text: m for m in places}


@pytest.fixture(scope="module")
def frontline():
    # A fictional report; the towns are real.
    return _article(
        "Ukraine said on Monday that Russian troops shelled positions near the towns of Kostiantynivka, Siversk "
        "and Vuhledar overnight. The defence ministry in Kyiv said two soldiers were wounded. Russia's "
        "ministry accused Ukrainian units of attacks near Kreminna and Svatove, in the Donbas "
        "region. Officials in Moscow told reporters that the situation was calm.")


def test_offsets_match_the_text(frontline):
    places = find_places(frontline)
    assert places
    for m in places:
        assert frontline.text[m.start:m.end] == m.text


def test_small_towns_found_and_resolved(frontline):
    found = _by_text(find_places(frontline))
    truth = {"Kostiantynivka": (48.53, 37.71), "Siversk": (48.87, 38.10), "Vuhledar": (47.78, 37.25),
             "Kreminna": (49.05, 38.22), "Svatove": (49.41, 38.16)}
    for name, (lat, lon) in truth.items():
        assert name in found, name
        assert found[name].lat is not None
        assert haversine_km(found[name].lat, found[name].lon, lat, lon) < 25, name
    assert found["Siversk"].country == "UA" and found["Svatove"].country == "UA"
    assert found["Siversk"].precision == "town"


def test_countries_regions_and_precision(frontline):
    found = _by_text(find_places(frontline))
    assert found["Ukraine"].precision == "country" and found["Ukraine"].country == "UA"
    assert found["Donbas"].precision == "region"


def test_roles(frontline):
    found = _by_text(find_places(frontline))
    assert found["Siversk"].role == "event"
    assert found["Kyiv"].role == "mentioned"
    assert found["Moscow"].role == "mentioned"


def test_demonyms_only_on_request(frontline):
    plain = {m.text for m in find_places(frontline)}
    assert "Russian" not in plain and "Ukrainian" not in plain
    with_dem = {m.text for m in find_places(frontline, include_demonyms=True)}
    assert "Russian" in with_dem


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
    article = _article("Maria Lopez met the envoy. Lopez said talks would continue in Moscow.")
    texts = {m.text for m in find_places(article)}
    assert "Maria" not in texts and "Lopez" not in texts
    assert "Moscow" in texts


def test_name_qualified_by_the_next_one():
    article = _article("A storm damaged homes in Portland, Maine, and in Paris, Texas, on Sunday. Officials in "
                       "Washington, New York and Boston offered help.")
    found = find_places(article)
    by = {m.text: m for m in found}
    assert by["Portland"].admin1 == "Maine" and by["Portland"].country == "US"
    assert by["Paris"].admin1 == "Texas"
    assert by["Washington"].admin1 == "District of Columbia"  # a list, not "Washington, New York"
    assert by["Boston"].admin1 == "Massachusetts"


def test_unknown_part_of_a_known_place_reads_as_the_whole():
    article = _article("Wildfires spread across Western Kansas on Monday, officials said.")
    found = _by_text(find_places(article))
    span = next((m for t, m in found.items() if "Kansas" in t), None)
    assert span is not None and span.lat is not None
    assert span.precision == "province" and span.country == "US"


# --- what the words around a name say (analysis/place_context.py); fictional reports, real towns ---

def test_street_is_not_the_town_of_its_name_and_lies_in_the_report_town():
    places = find_places(_article(
        "SCHENECTADY — A man was shot late Friday outside a house on Houston Street, police said. "
        "Officers found him in the 300 block of Quincy."))
    by = _by_text(places)
    assert "Houston" not in by and "Quincy" not in by
    street = by["Houston Street"]
    assert street.precision == "street" and street.within == "Schenectady"
    assert by["SCHENECTADY"].dateline and by["SCHENECTADY"].role == "event"


def test_a_person_with_an_age_or_a_rank_is_not_a_place():
    places = find_places(_article(
        "Police arrested Marcus Dunlap, 19, on Saturday after the shooting in Fresno. "
        "Officer Tyler said the victim was taken to hospital."))
    names = {m.text for m in places}
    assert "Dunlap" not in names and "Tyler" not in names and "Fresno" in names


def test_an_interface_label_is_not_a_place():
    places = find_places(_article("Reading time: 3 minutes\nA bridge collapsed in Nantes on Tuesday, officials said."))
    assert "Reading" not in {m.text for m in places}


def test_a_country_that_brokers_or_is_called_on_is_only_mentioned():
    places = find_places(_article(
        "Shelling hit villages in Armenia on Tuesday and three soldiers were killed. Russia brokered a "
        "truce hours later, and Yerevan called on France to help after the fighting."))
    by = _by_text(places)
    assert by["Armenia"].role == "event"
    assert by["Russia"].role == "mentioned" and by["France"].role == "mentioned"


def test_town_qualified_by_a_state_without_that_town_stays_in_the_state():
    places = find_places(_article(
        "HOWLAND, Ohio (WKBN) — Two men were shot at a home in Howland on Saturday, police said."))
    for m in places:
        if m.text.lower() == "howland":
            assert m.admin1 == "Ohio" and m.country == "US", m  # never the namesake in Maine


def test_neighbourhood_lies_in_the_city_it_is_part_of():
    places = find_places(_article(
        "A teenager was killed Monday night in the Austin neighborhood of Chicago, police said."))
    austin = _by_text(places)["Austin"]
    assert austin.precision == "neighbourhood" and austin.within == "Chicago" and austin.admin1 == "Illinois"


def test_a_residence_is_not_where_it_happened():
    places = find_places(_article(
        "Two people were shot dead in Springfield on Friday. Jon Reyes, 29, of Dayton, was arrested."))
    by = _by_text(places)
    assert by["Dayton"].role == "resident" and by["Springfield"].role == "event"


def test_words_that_only_look_like_places():
    article = _article("Officer Dana Mills said the shooting happened at the Blue Owl Bar and Grill on Tuesday. "
                       "Police charged Marcus Porter, 24, and Dion Greer, 31, on Friday. Porter and Greer are held in "
                       "the county jail. Metro said the car was found in Atmore, AL.")
    names = {m.text for m in find_places(article)}
    assert not names & {"Officer", "Bar", "Grill", "Porter", "Greer", "Metro", "AL"}


def test_a_person_named_with_a_town_lives_there():
    article = _article("A 12-year-old boy, Rhea Lomax of Indianapolis, was hurt on Tuesday at a farm near "
                       "Seymour, deputies said.")
    places = _by_text(find_places(article))
    assert places["Indianapolis"].role == "mentioned"


def test_streets_listed_before_a_plural_street_word():
    article = _article("Two men were hurt in a crash near Troy and Salem streets in Tampa late on Sunday.")
    places = _by_text(find_places(article))
    for street in ("Troy", "Salem"):
        assert street not in places or places[street].precision == "street"
    assert places["Tampa"].precision == "town"


def test_text_written_in_capitals_says_nothing_by_its_capitals():
    article = _article("WHEN DEPUTIES ARRIVED AT THE HOUSE ON SANTA RITA, NO ONE WAS HURT, THE SHERIFF SAID. "
                       "THE FAMILY HAD MOVED FROM GERMANY LAST YEAR.")
    names = {m.text for m in find_places(article)}
    assert not names & {"RITA", "NO", "SANTA", "SANTA RITA"}
    assert "GERMANY" in names  # a country's name still reads as one


def test_a_police_force_is_named_after_its_town():
    article = _article("Kissimmee police are investigating a shooting that wounded a teenager on Friday night.")
    assert _by_text(find_places(article))["Kissimmee"].admin1 == "Florida"
    transit = _article("DART police said the man was hurt on a train platform late Friday.")
    assert "DART" not in _by_text(find_places(transit))


def test_a_small_town_listed_after_a_town_is_a_town():
    article = _article("By noon, convoys of tractors had rolled into the city from Lorca, Totana and the coast.")
    assert {"Lorca", "Totana"} <= set(_by_text(find_places(article)))


def test_a_name_after_a_house_number_is_a_street():
    article = _article("Officers were called to the apartments at 3140 Pine Hill in San Angelo on Friday night.")
    places = _by_text(find_places(article))
    assert "Pine Hill" not in places or places["Pine Hill"].precision == "street"
    assert places["San Angelo"].admin1 == "Texas"


def test_a_place_is_told_of_named_or_where_someone_spoke():
    from newsfuse.analysis.place_roles import place_role
    from newsfuse.analysis.sentences import split_sentences

    text = ("A man was shot late Saturday on Elm Street. Dunlap police are asking for tips. "
            "The ministry in Goshen said nothing.")
    article = Article(id="r", path="r", source="s", title="t", text=text)
    article.sentences = split_sentences(text)

    def role(word):
        start = text.index(word)
        return place_role(article, start, start + len(word))

    assert (role("Elm"), role("Dunlap"), role("Goshen")) == ("event", "named", "mentioned")
