"""Roles that place a speaker on a side, and the event stage's reading of them (fictional)."""

from newsfuse.analysis.speakers import find_speaker_roles, side_of
from newsfuse.models import Article


def _article(text, id="a1"):
    return Article(id=id, path="p", source="s", title="t", text=text)


def test_a_role_after_the_name_and_one_before_it():
    text = ("Colonel Ivan Orlov, a spokesman for the Kyrgyz defence ministry, said two posts were hit. "
            "The Tajik border service's press officer, Dilnoza Rahimova, denied it.")
    roles = find_speaker_roles(_article(text))
    # every role is kept where a name could stand ("..., a spokesman for the Kyrgyz defence ministry, said")
    assert [(r.position, r.country) for r in roles] == [("after", "KG"), ("before", "KG"), ("before", "TJ")]
    after, _, before = roles
    assert text[:after.name_at].endswith("Colonel Ivan Orlov")
    assert text[before.name_at:].startswith("Dilnoza Rahimova")
    assert all(text[r.start:r.end] == r.text for r in roles)


def test_a_role_that_names_no_country_is_not_kept():
    assert find_speaker_roles(_article("Maria Lind, a nurse at the district hospital, said she was shaken.")) == []


def test_a_claimant_is_placed_by_any_report_and_without_a_rank():
    first = _article("Colonel Ivan Orlov said the shelling went on all night.")
    second = _article("Ivan Orlov, a spokesman for the Kyrgyz defence ministry, spoke on Tuesday.", id="a2")
    reports = [(a, find_speaker_roles(a)) for a in (first, second)]
    assert side_of("Colonel Ivan Orlov", reports) == "KG"
    assert side_of("Dilnoza Rahimova", reports) is None
