"""place_titles: the town a headline names, for reports whose text names none (fictional reports)."""

from __future__ import annotations

from newsfuse.analysis.place_resolve import Home
from newsfuse.analysis.place_titles import find_title_places, needs_title_places, set_title_places, title_places
from newsfuse.models import Article, PlaceMention

STREETS_ONLY = "Police said a man was shot in the 3800 block of Chestnut Avenue late Friday. He is expected to live."


def _report(title: str, text: str = STREETS_ONLY, places=()) -> Article:
    article = Article(id="t", path="t", source="wxyz.example", title=title, text=text)
    article.places = list(places)
    return article


def test_a_big_town_in_the_headline_is_where_it_happened():
    found = find_title_places(_report("Man wounded in Pittsburgh shooting - WXYZ News - Pittsburgh, PA"))
    assert [(m.text, m.admin1, m.field, m.role) for m in found] == [("Pittsburgh", "Pennsylvania", "title", "event")]
    assert found[0].start == 15  # offsets into the title


def test_a_small_town_needs_the_outlets_home():
    report = _report("Teen shot in Sebring")
    assert find_title_places(report) == []  # a small town alone could be any namesake (Florida, Ohio)
    found = find_title_places(report, Home("US", "Florida"))
    assert [(m.text, m.admin1) for m in found] == [("Sebring", "Florida")]


def test_a_town_without_namesakes_after_in_needs_no_home():
    found = find_title_places(_report("Teen shot in Kissimmee"))
    assert [(m.text, m.admin1) for m in found] == [("Kissimmee", "Florida")]
    assert find_title_places(_report("Kissimmee teen honoured by mayor")) == []  # no "in": maybe a name


def test_a_title_case_headline_is_cut_at_words_no_town_has():
    found = find_title_places(_report("Teen Killed In Pittsburgh Shooting"))
    assert [(m.text, m.start) for m in found] == [("Pittsburgh", 15)]
    assert find_title_places(_report("Man Shot On Pittsburgh Avenue Late Friday")) == []  # after "On": a street


def test_the_outlets_title_part_gives_its_home():
    report = _report("Teen shot in Sebring - WXYZ News - Sebring, Florida")
    assert [(m.text, m.admin1) for m in find_title_places(report)] == [("Sebring", "Florida")]


def test_part_of_a_longer_name_is_not_a_town():
    report = _report("Guest found shot at Hampton Inn", places=())
    assert find_title_places(report) == []
    assert find_title_places(_report("Two hurt in rural Miami-Dade")) == []


def test_a_local_outlets_headline_names_a_town_of_its_region_or_none():
    # "Providence" is the hospital here: the outlet is in Alaska
    report = _report("Gunshot victim dropped off at Providence dies")
    assert find_title_places(report, Home("US", "Alaska")) == []


def test_a_headline_town_must_agree_with_the_provinces_of_the_text():
    dayton = PlaceMention(0, 6, "Dayton", name="Dayton", country="US", admin1="Ohio", lat=39.76, lon=-84.19,
                          precision="town", role="event")
    elsewhere = _report("Man shot in Pittsburgh", places=[dayton])
    set_title_places(elsewhere)
    assert title_places(elsewhere) == []  # the text is about Ohio: Pittsburgh is somewhere else
    same_state = _report("Man shot in Kettering", places=[dayton])
    set_title_places(same_state)
    assert [(m.text, m.admin1) for m in title_places(same_state)] == [("Kettering", "Ohio")]
    bare = _report("Man shot in Pittsburgh")
    assert needs_title_places(bare) and not needs_title_places(elsewhere)
    set_title_places(bare)
    assert [m.text for m in title_places(bare)] == ["Pittsburgh"]


def test_a_residents_town_counts_only_when_the_text_names_none():
    dayton = PlaceMention(0, 6, "Dayton", name="Dayton", country="US", admin1="Ohio", lat=39.76, lon=-84.19,
                          precision="town", role="event")
    assert find_title_places(_report("Kettering man wounded in shooting", places=[dayton])) == []
    assert [m.text for m in find_title_places(_report("Pittsburgh man wounded in shooting"))] == ["Pittsburgh"]


def test_the_outlets_part_of_a_title_is_not_the_headline():
    found = find_title_places(_report("WXYZ 7 Pittsburgh - Man wounded in a shooting on Tuesday night"))
    assert found == []
