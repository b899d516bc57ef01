"""outlet_homes: the region an outlet covers, learnt from its own reports, decides namesakes.

Fictional reports from fictional outlets; the towns are real.
"""

from __future__ import annotations

import pytest

from newsfuse.analysis import analyse_articles
from newsfuse.models import Article, PlaceMention
from newsfuse.outlet_homes import OutletEvidence, outlet_homes, place_by_outlet_home


def _report(n: int, source: str, text: str) -> Article:
    return Article(id=f"{source}-{n}", path=f"{source}-{n}", source=source, title="", text=text)


TENNESSEE_STATION = [
    "A man was shot Friday night in Memphis, Tennessee, and taken to Regional One in critical condition.",
    "Two people were wounded in a shooting in Germantown, Tennessee, on Sunday, police said.",
    "A teenager was killed in a crash in Bartlett, Tennessee, early Saturday.",
]
NATIONAL_WIRE = [
    "A woman was shot in Dayton, Ohio, on Monday, police said.",
    "Two men were wounded in Tulsa, Oklahoma, on Tuesday.",
    "A boy was hurt in a shooting in Fresno, California.",
]


@pytest.fixture(scope="module")
def reports():
    station = [_report(n, "wxyz-tv.example", t) for n, t in enumerate(TENNESSEE_STATION)]
    wire = [_report(n, "wire.example", t) for n, t in enumerate(NATIONAL_WIRE)]
    bare = _report(9, "wxyz-tv.example", "Police said a man was shot and killed outside a store in Jackson on "
                                         "Thursday night. No arrests have been made.")
    elsewhere = _report(10, "wxyz-tv.example", "A man was shot in Jackson, Mississippi, on Thursday, "
                                               "officers there said.")
    wire_bare = _report(11, "wire.example", "A man was shot and killed outside a store in Jackson on Thursday.")
    everything = station + wire + [bare, elsewhere, wire_bare]
    analyse_articles(everything)
    return {"all": everything, "bare": bare, "elsewhere": elsewhere, "wire_bare": wire_bare}


def _jackson(article: Article):
    return next(m for m in article.places if m.text == "Jackson")


def test_an_outlet_whose_reports_agree_has_a_home(reports):
    homes = outlet_homes(reports["all"])
    assert homes["wxyz-tv.example"].country == "US"
    assert homes["wxyz-tv.example"].admin1 == "Tennessee"
    assert homes["wxyz-tv.example"].lat is not None  # Memphis and its suburbs lie close together
    assert homes["wire.example"].admin1 is None  # reports from all over: no province of its own


def test_a_bare_namesake_is_read_in_the_outlets_home(reports):
    assert _jackson(reports["bare"]).admin1 == "Mississippi"  # the biggest Jackson, before the prior
    place_by_outlet_home(reports["all"])
    assert _jackson(reports["bare"]).admin1 == "Tennessee"
    assert _jackson(reports["elsewhere"]).admin1 == "Mississippi"  # the report's own words decide
    assert _jackson(reports["wire_bare"]).admin1 == "Mississippi"  # no home province: the biggest namesake


def test_re_reading_twice_changes_nothing(reports):
    place_by_outlet_home(reports["all"])
    before = {a.id: [(m.text, m.admin1) for m in a.places] for a in reports["all"]}
    place_by_outlet_home(reports["all"])
    assert {a.id: [(m.text, m.admin1) for m in a.places] for a in reports["all"]} == before


def test_one_report_alone_makes_no_home():
    evidence = OutletEvidence()
    article = _report(0, "one.example", "")
    article.places = [PlaceMention(0, 4, "Reno", name="Reno", country="US", admin1="Nevada", lat=39.5, lon=-119.8,
                                   precision="town", role="event")]
    evidence.add(article)
    assert evidence.home() is None
    evidence.add(article)
    assert evidence.home().admin1 == "Nevada"


def test_reports_from_a_file_are_no_outlet(reports):
    article = _report(0, "reports", "A man was shot in Memphis, Tennessee.")
    article.metadata["source_from_path"] = True
    analyse_articles([article])
    assert "reports" not in outlet_homes([article, article])


def test_a_street_alone_is_read_again_at_the_home_centre():
    station = [_report(n, "kqrs-tv.example", t) for n, t in enumerate(TENNESSEE_STATION)]
    street = _report(20, "kqrs-tv.example", "A man was shot on Thursday night in the 400 block of Larkspur Avenue, "
                                            "police said. He was taken to a hospital.")
    analyse_articles(station + [street])
    unplaced = [m for m in street.places if m.precision in ("street", "neighbourhood")]
    if not unplaced or any(m.lat is not None for m in unplaced):
        pytest.skip("the analysis does not leave this street unplaced without a home")
    assert place_by_outlet_home(station + [street]) >= 1
    assert any(m.lat is not None for m in street.places if m.precision in ("street", "neighbourhood"))
