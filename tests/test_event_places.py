"""event_locations: one entry per place, named as the reports spell it, where it happened first.

The mentions are built by hand (as find_places would leave them) for fictional reports.
"""

from __future__ import annotations

from newsfuse.event_places import event_locations
from newsfuse.models import Article, PlaceMention


def _mention(text, start=100, *, name=None, admin1=None, country="US", lat=None, lon=None, precision="town",
             gid=None, role="event", dateline=False, in_title=False, within=None):
    return PlaceMention(start, start + len(text), text, name=name or text, country=country, admin1=admin1,
                        lat=lat, lon=lon, precision=precision, geonameid=gid, role=role, dateline=dateline,
                        in_title=in_title, within=within)


def _article(aid, *mentions):
    article = Article(id=aid, path=aid, source="test", title="", text="x" * 2000)
    article.places = list(mentions)
    return article


def test_dateline_town_comes_before_a_town_named_more_often():
    las_cruces = _mention("LAS CRUCES", 0, name="Las Cruces", admin1="New Mexico", lat=32.31, lon=-106.78, gid=1,
                          dateline=True)
    dunlap = [_mention("Dunlap", s, admin1="Indiana", lat=41.63, lon=-85.92, gid=2) for s in (900, 1300, 1500)]
    locations = event_locations([_article("a", las_cruces, *dunlap)])
    assert locations[0].name == "LAS CRUCES" and locations[0].lat == 32.31


def test_one_entry_per_place_spelt_as_the_reports_do():
    town = _mention("Kelbajar", name="Kalbajar", admin1="Kelbajar", country="AZ", lat=40.11, lon=46.04, gid=10)
    district = _mention("Kalbajar", 400, name="Kəlbəcər", admin1="Kəlbəcər", country="AZ", lat=40.03, lon=46.25,
                        precision="province", gid=11)
    lachin = _mention("Lachin", 800, name="Laçın", country="AZ", lat=39.64, lon=46.55, precision="province", gid=12)
    locations = event_locations([_article("a", town, lachin), _article("b", district)])
    names = [x.name for x in locations]
    assert names.count("Kelbajar") + names.count("Kalbajar") == 1
    merged = next(x for x in locations if x.name in ("Kelbajar", "Kalbajar"))
    assert merged.precision == "town" and len(merged.spans) == 2
    lachin_entry = next(x for x in locations if x.name == "Lachin")
    assert lachin_entry.native_name == "Laçın"


def test_namesakes_agree_with_the_province_the_reports_name():
    alabama = _mention("Lafayette", admin1="Alabama", lat=32.9, lon=-85.4, gid=20)
    louisiana = _mention("Lafayette", 300, admin1="Louisiana", lat=30.22, lon=-92.02, gid=21)
    state = _mention("Louisiana", 500, admin1="Louisiana", lat=31.0, lon=-92.0, precision="province", gid=22)
    locations = event_locations([_article("a", alabama), _article("b", louisiana, state)])
    lafayette = [x for x in locations if x.name == "Lafayette"]
    assert len(lafayette) == 1 and lafayette[0].admin1 == "Louisiana"
    assert locations[0] is lafayette[0]
    assert all(m.admin1 == "Alabama" for m in [alabama])  # the article's own mention is left alone


def test_a_mentioned_place_is_never_where_it_happened():
    moscow = _mention("Moscow", 10, country="RU", lat=55.75, lon=37.62, gid=30, role="mentioned", dateline=True)
    goris = _mention("Goris", 300, country="AM", lat=39.51, lon=46.34, gid=31)
    locations = event_locations([_article("a", moscow, goris)])
    assert locations[0].name == "Goris"
    assert next(x for x in locations if x.name == "Moscow").role == "mentioned"


def test_the_town_inside_the_best_supported_state_comes_first():
    state = [_mention("Alaska", s, admin1="Alaska", lat=64.0, lon=-150.0, precision="province", gid=40,
                      in_title=True) for s in (10, 400, 900)]
    town = _mention("Fairbanks", 700, admin1="Alaska", lat=64.84, lon=-147.72, gid=41)
    locations = event_locations([_article("a", *state, town)])
    assert locations[0].name == "Fairbanks"


def test_streets_support_their_town_and_are_no_entries():
    street = _mention("Quincy Street", 50, name=None, lat=41.85, lon=-87.65, precision="street", within="Chicago")
    chicago = _mention("Chicago", 900, admin1="Illinois", lat=41.85, lon=-87.65, gid=50)
    austin = _mention("Austin", 950, admin1="Texas", lat=30.27, lon=-97.74, gid=51)
    locations = event_locations([_article("a", street, chicago, austin)])
    assert [x.name for x in locations][0] == "Chicago"
    assert "Quincy Street" not in {x.name for x in locations}


def test_a_headline_town_says_where_when_no_text_names_one():
    from newsfuse.analysis.place_titles import TITLE_PLACES

    street = _mention("Chestnut Avenue", 300, precision="street", country=None)
    report = _article("a", street)
    report.metadata[TITLE_PLACES] = [{"start": 12, "end": 21, "text": "Kissimmee", "name": "Kissimmee", "country": "US",
                                      "admin1": "Florida", "lat": 28.3, "lon": -81.41, "precision": "town",
                                      "geonameid": 7, "role": "event", "in_title": True, "field": "title"}]
    locations = event_locations([report])
    assert locations[0].name == "Kissimmee" and locations[0].role == "event"
    assert locations[0].spans == [{"article_id": "a", "start": 12, "end": 21, "field": "title"}]
    other = _article("b", _mention("Orlando", 50, admin1="Florida", lat=28.54, lon=-81.38, gid=8))
    assert [x.name for x in event_locations([report, other])] == ["Kissimmee", "Orlando"]  # the headline weighs more


def test_without_a_named_province_the_province_of_most_towns_is_the_events():
    monroe = _mention("Monroe", 20, admin1="Louisiana", lat=32.51, lon=-92.12, gid=21, in_title=True)
    bridgeport = _mention("Bridgeport", 300, admin1="Connecticut", lat=41.18, lon=-73.19, gid=22)
    trumbull = _mention("Trumbull", 500, admin1="Connecticut", lat=41.24, lon=-73.2, gid=23)
    names = [x.name for x in event_locations([_article("a", monroe, bridgeport, trumbull)])]
    assert names.index("Bridgeport") < names.index("Monroe")  # the Louisiana namesake is the outlier


def test_a_town_merely_named_is_where_it_happened_when_no_place_is_told_of():
    """Local news: "Dunlap police are asking for tips" names the town in a sentence that tells
    of nothing happening; with no other place of the event, that town is where it happened.
    A town named as where officials spoke, a country and a capital never are."""
    dunlap = _mention("Dunlap", 300, admin1="Indiana", lat=41.63, lon=-85.92, gid=2, role="named")
    spoke = _mention("Goshen", 900, admin1="Indiana", lat=41.58, lon=-85.83, gid=3, role="mentioned")
    country = _mention("Freedonia", 1200, country="XF", lat=10.0, lon=10.0, precision="country", gid=4, role="named")
    (first, *rest) = event_locations([_article("a", spoke, dunlap, country)])
    assert (first.name, first.role) == ("Dunlap", "event")
    assert {(x.name, x.role) for x in rest} == {("Goshen", "mentioned"), ("Freedonia", "mentioned")}
    # with a place that is told of, a merely named town stays what it was
    site = _mention("Nappanee", 100, admin1="Indiana", lat=41.44, lon=-86.0, gid=5)
    locations = event_locations([_article("b", site, dunlap)])
    assert [(x.name, x.role) for x in locations] == [("Nappanee", "event"), ("Dunlap", "mentioned")]
    # only countries and speakers' towns: nowhere to place it
    assert all(x.role == "mentioned" for x in event_locations([_article("c", spoke, country)]))


def test_a_merely_named_town_places_an_event_whose_own_place_has_no_point():
    quarter = _mention("Midvale Quarter", 100, lat=None, lon=None, precision="unknown", gid=None)
    dunlap = _mention("Dunlap", 300, admin1="Indiana", lat=41.63, lon=-85.92, gid=2, role="named")
    locations = event_locations([_article("a", quarter, dunlap)])
    assert {(x.name, x.role) for x in locations} == {("Midvale Quarter", "event"), ("Dunlap", "event")}


def test_a_town_merely_named_only_deep_in_the_report_is_no_fallback():
    """News names the story's place in its lead or title; a town named only further down is
    background as often as not (a minister's home, a city an airline flies to)."""
    deep = _mention("Dunlap", 1500, admin1="Indiana", lat=41.63, lon=-85.92, gid=2, role="named")
    assert [x.role for x in event_locations([_article("a", deep)])] == ["mentioned"]
    titled = _mention("Dunlap", 1500, admin1="Indiana", lat=41.63, lon=-85.92, gid=2, role="named", in_title=True)
    assert [x.role for x in event_locations([_article("b", titled)])] == ["event"]


def test_where_someone_lives_places_an_event_only_when_nothing_else_can():
    """Local news: "an Evansville teen" named in the lead was hurt in Evansville more often than
    not; but a town merely named comes first, and a place told of always wins."""
    home = _mention("Dunlap", 200, admin1="Indiana", lat=41.63, lon=-85.92, gid=2, role="resident")
    named = _mention("Goshen", 400, admin1="Indiana", lat=41.58, lon=-85.83, gid=3, role="named")
    assert [(x.name, x.role) for x in event_locations([_article("a", home)])] == [("Dunlap", "event")]
    assert {(x.name, x.role) for x in event_locations([_article("b", home, named)])} == {
        ("Goshen", "event"), ("Dunlap", "mentioned")}
    site = _mention("Nappanee", 100, admin1="Indiana", lat=41.44, lon=-86.0, gid=5)
    assert {(x.name, x.role) for x in event_locations([_article("c", site, home)])} == {
        ("Nappanee", "event"), ("Dunlap", "mentioned")}
