"""place_resolve: which gazetteer place a name is, on sentences written for these tests (real towns)."""

from __future__ import annotations

from newsfuse.analysis import analyse_articles
from newsfuse.analysis.place_resolve import Home
from newsfuse.analysis.places import find_places
from newsfuse.models import Article


def _places(text: str, home: Home | None = None, include_modifiers: bool = False) -> dict:
    article = Article(id="t", path="t", source="test", title="", text=text)
    analyse_articles([article])
    return {m.text: m for m in find_places(article, home=home, include_modifiers=include_modifiers)}


def test_a_name_placed_by_in_and_a_direction():
    found = _places("The family bought a farm in Linn County in north central Missouri, far from where they grew "
                    "up in Iowa and Oregon.")
    assert found["Linn County"].admin1 == "Missouri"


def test_a_bare_name_is_the_bigger_town_rather_than_a_small_district():
    found = _places("The firm opened an office in Cambridge last spring.")
    assert found["Cambridge"].precision == "town"
    assert found["Cambridge"].country != "AU"  # not the small Australian municipality of that name


def test_the_outlets_home_decides_a_bare_namesake():
    text = "A man was shot and killed outside a store in Jackson on Thursday night, police said."
    assert _places(text)["Jackson"].admin1 == "Mississippi"
    assert _places(text, Home("US", "Tennessee"))["Jackson"].admin1 == "Tennessee"
    assert _places(text, Home("US", None, 35.6, -88.8))["Jackson"].admin1 == "Tennessee"  # near the outlet's towns


def test_the_reports_own_province_beats_the_outlets_home():
    text = "A man was shot in Jackson on Thursday. Mississippi investigators are looking into the shooting."
    assert _places(text, Home("US", "Tennessee"))["Jackson"].admin1 == "Mississippi"


def test_a_small_province_yields_to_a_bigger_town_of_its_name():
    found = _places("A man was found guilty on Tuesday of a shooting in Toledo last May.")
    assert found["Toledo"].precision == "town"  # not Belize's district of 30,000 people


def test_a_far_town_named_without_its_state_is_a_quarter_of_the_home_town():
    chicago = Home("US", "Illinois", 41.85, -87.65)
    found = _places("A man was shot on Tuesday in Austin, police said. Officers found him near a bus stop.", chicago)
    assert found["Austin"].precision == "neighbourhood"
    assert found["Austin"].admin1 == "Illinois" and abs(found["Austin"].lat - 41.85) < 0.5
    texas = _places("A man was shot on Tuesday in Austin, Texas, police said.", chicago)
    assert texas["Austin"].admin1 == "Texas" and texas["Austin"].precision == "town"  # its state is named
    big = _places("The suspect was arrested on Tuesday in Houston, police said.", chicago)
    assert big["Houston"].admin1 == "Texas"  # a city of millions needs no state


def test_a_bare_name_of_a_district_and_towns_is_the_likeliest_town():
    # a province of Spain and a bigger city in Ohio share the name: a bare name is the town's
    found = _places("A girl was shot on Monday in South Toledo, and a man from Toledo was arrested.")
    assert found["Toledo"].admin1 == "Ohio" and found["Toledo"].precision == "town"
    assert found["South Toledo"].admin1 == "Ohio"


def test_a_county_only_one_state_has_places_the_report_there():
    found = _places("Deputies in Riley County said the boy was shot in Manhattan on Tuesday.")
    assert found["Manhattan"].admin1 == "Kansas"


def test_a_state_office_after_a_name_makes_it_the_state():
    found = _places("New York Gov. Jane Roe vetoed the zoning bill on Monday.")
    assert found["New York"].precision == "province"  # the governor's state, not the city
    guard = _places("Two helicopters of the Georgia National Guard flew supplies to the islands.", include_modifiers=True)
    assert guard["Georgia"].country == "US" and guard["Georgia"].precision == "province"


def test_a_name_read_as_a_province_lends_no_district_as_a_neighbour():
    # "Iowa" is the state here: its county of that name must not pull "Washington" to the Iowa town
    found = _places("WASHINGTON Senators voted on the farm budget on Tuesday. The bill's author grew up in Iowa, "
                    "aides said.")
    assert found["WASHINGTON"].admin1 == "District of Columbia"


def test_a_short_form_of_a_city_name_counts_with_the_reports_country():
    found = _places("The UK's first such clinic opened in Newcastle last year.")
    assert found["Newcastle"].name == "Newcastle upon Tyne"  # the report is British: not the Australian city


def test_a_capital_or_a_big_city_followed_by_a_province_in_a_list_is_not_placed_inside_it():
    found = _places("The orchestra tours Athens, Hamburg, Zurich and Vienna in May.")
    assert found["Athens"].country == "GR"  # a capital, not some place in the state of Hamburg
    found = _places("The orchestra tours Milan, Hamburg, Zurich and Vienna in May.")
    assert found["Milan"].country == "IT"  # a city of a million people


def test_a_name_coordinated_with_a_province_is_a_province():
    found = _places("Fishing rules differ between Oregon and Washington, the agency said.")
    assert found["Washington"].precision == "province" and found["Washington"].admin1 == "Washington"
