"""place_outlet: the region an outlet names for itself in a title's outlet part or its web address
(fictional outlets and headlines)."""

from __future__ import annotations

from newsfuse.analysis.place_outlet import outlet_home
from newsfuse.analysis.places import find_places
from newsfuse.models import Article, Span


def _report(title: str = "", source: str = "", text: str = "") -> Article:
    return Article(id="o", path="o", source=source, title=title, text=text)


def test_the_title_outlet_part_names_town_and_state():
    home, from_address = outlet_home(_report("Man hurt in crash on the bypass - Channel 9 News - Dayton, OH"))
    assert (home.country, home.admin1, from_address) == ("US", "Ohio", False)
    assert home.lat is not None  # the town's own point


def test_the_headline_itself_is_not_the_outlet_part():
    home, _ = outlet_home(_report("Dayton, Ohio man charged in weekend shooting"))
    assert home is None


def test_a_web_address_holding_one_big_city_or_province():
    home, from_address = outlet_home(_report(source="www.chicagoevening.example"))
    assert (home.admin1, from_address) == ("Illinois", True)
    assert outlet_home(_report(source="nbcdenver.example"))[0].admin1 == "Colorado"  # after a network's name
    assert outlet_home(_report(source="news.vermontdaily.example"))[0].admin1 == "Vermont"


def test_ambiguous_or_buried_names_give_no_home():
    assert outlet_home(_report(source="springfieldpost.example"))[0] is None  # three big Springfields
    assert outlet_home(_report(source="washingtonevening.example"))[0] is None  # a state and a capital
    assert outlet_home(_report(source="bradentonherald.example"))[0] is None  # "denton" inside a word
    assert outlet_home(_report(source="wxyz.example"))[0] is None


def _streets_only(source: str, title: str = "Man shot late Friday") -> Article:
    text = "Police said a man was shot in the 3800 block of Chestnut Avenue late Friday."
    a = Article(id="s", path="s", source=source, title=title, text=text)
    a.entities = [Span(text.index("Chestnut"), text.index(" late"), "Chestnut Avenue", "FAC")]
    return a


def test_a_local_outlets_streets_lie_in_its_home_town():
    report = _streets_only("wxyz.example", "Man shot late Friday - Channel 9 News - Dayton, OH")
    street = [m for m in find_places(report) if m.precision == "street"]
    assert street and street[0].admin1 == "Ohio" and abs(street[0].lat - 39.76) < 0.3


def test_an_address_hint_needs_the_reports_agreement_before_placing_streets():
    street = [m for m in find_places(_streets_only("chicagoevening.example")) if m.precision == "street"]
    assert street and street[0].lat is None  # nothing in the report says it is about the US


def test_a_dateline_credited_to_the_outlet_itself_gives_its_home_not_the_events_place():
    text = ("SALEM, Ore. (KXYZ) — Deputies say a barn fire near Aurora on Tuesday was set on purpose, the "
            "sheriff said. Two horses died in the blaze.")
    report = Article(id="d", path="d", source="kxyz.example", title="Barn fire near Aurora was arson", text=text)
    home, from_address = outlet_home(report)
    assert (home.admin1, from_address) == ("Oregon", False)
    report.entities = []
    salem = [m for m in find_places(report) if m.text == "SALEM"]
    assert salem and not salem[0].dateline and salem[0].role == "event"  # a hint, not the filing place
    agency = Article(id="e", path="e", source="kxyz.example", title="t", text=text.replace("KXYZ", "AP"))
    agency.entities = []
    assert [m.dateline for m in find_places(agency) if m.text == "SALEM"] == [True]


def test_a_file_name_is_no_web_address():
    assert outlet_home(_report(source="chicago-notes"))[0] is None
    named = _report(source="chicagoevening.example")
    named.metadata["source_from_path"] = True
    assert outlet_home(named)[0] is None
