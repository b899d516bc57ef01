"""ACLED types from cue words in fictional reports."""

from newsfuse.event_type import classify
from newsfuse.models import Article


def _a(title, text, derived_from=None):
    return Article(id=title[:5], path="p", source="s", title=title, text=text, derived_from=derived_from)


def test_armed_clash():
    a = _a("Border clashes leave 9 dead", "Troops clashed overnight near the pass; fighting continued on Tuesday.")
    assert classify([a]) == ("Battles", "Armed clash")


def test_drone_strike():
    a = _a("Drone strike hits depot", "A drone strike destroyed a fuel depot; officials said more drones were seen.")
    assert classify([a]) == ("Explosions/Remote violence", "Air/drone strike")


def test_protest_with_police_intervention_and_arrests():
    a = _a("Teachers protest pay freeze", "Thousands of teachers protested in the capital. Police used tear gas "
           "and arrested 14 protesters, the interior ministry said.")
    assert classify([a]) == ("Protests", "Protest with intervention")


def test_peaceful_protest():
    a = _a("Students march for climate", "Students marched through the city centre in a peaceful protest.")
    assert classify([a]) == ("Protests", "Peaceful protest")


def test_non_acled_event_gets_no_type_and_rewrites_do_not_vote():
    flood = _a("River floods valley", "The river burst its banks and flooded three villages on Sunday.")
    rewrite = _a("Clashes clashes", "Fighting, clashes and shelling everywhere.", derived_from="orig")
    assert classify([flood, rewrite]) == (None, None)
