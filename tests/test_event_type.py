"""The incident's type from its own core sentences, on fictional reports."""

import pytest

from newsfuse.analysis.actions import sentence_actions
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


def test_flood_is_a_disaster_and_rewrites_do_not_vote():
    flood = _a("River floods valley", "The river burst its banks and flooded three villages on Sunday.")
    rewrite = _a("Clashes clashes", "Fighting, clashes and shelling everywhere.", derived_from="orig")
    assert classify([flood, rewrite]) == ("disaster", "Flood")
    assert classify([rewrite]) == (None, None)


def test_a_shooting_followed_by_an_arrest_is_the_shooting():
    first = _a("Two wounded in Elmview shooting", "A gunman opened fire on two men outside a bakery in Elmview "
               "late Friday, police said. Both victims were taken to hospital.")
    later = _a("Man arrested in Elmview bakery shooting", "Police arrested a 31-year-old man on Sunday in "
               "connection with the shooting of two men outside a bakery. He was charged with assault.")
    assert classify([first, later]) == ("Violence against civilians", "Attack")


def test_a_bombing_at_a_race_finish_is_an_explosive_attack():
    a = _a("Blasts at Harbourton race finish", "Two bombs exploded near the finish line of the Harbourton "
           "half-marathon on Sunday, killing three spectators and wounding dozens.")
    assert classify([a]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_suicide_bombing():
    a = _a("Bomber strikes market", "A suicide bomber blew himself up in a crowded market in Qaryat on Monday.")
    assert classify([a]) == ("Explosions/Remote violence", "Suicide bomb")


def test_an_air_crash_is_an_accident():
    a = _a("Cargo plane crashes near Dunmore", "A cargo plane crashed shortly after take-off from Dunmore "
           "airport on Tuesday, killing its four crew members.")
    assert classify([a]) == ("accident", "Air crash")


def test_a_gun_that_went_off_is_an_accidental_shooting():
    a = _a("Boy, 8, hurt by family rifle", "An 8-year-old boy was shot in the leg on Saturday when a hunting "
           "rifle went off as his uncle cleaned it, deputies said.")
    assert classify([a]) == ("accident", "Accidental shooting")


def test_an_exchange_of_fire_with_police_is_a_battle():
    a = _a("Suspect killed in standoff", "A man who shot at deputies was killed after officers returned fire "
           "outside a motel on Route 9, the sheriff said.")
    assert classify([a]) == ("Battles", "Armed clash")


def test_shooting_at_soldiers_is_a_battle_shooting_at_villagers_is_not():
    soldiers = _a("Patrol ambushed", "Gunmen opened fire on soldiers at a checkpoint near Belta on Monday.")
    villagers = _a("Village attacked", "Gunmen opened fire on villagers at a well near Belta on Monday.")
    assert classify([soldiers]) == ("Battles", "Armed clash")
    assert classify([villagers]) == ("Violence against civilians", "Attack")


def test_lethal_force_on_a_protest():
    a = _a("Protesters shot in Korvan", "Police opened fire on protesters in Korvan on Friday, killing two "
           "demonstrators, witnesses said.")
    assert classify([a]) == ("Protests", "Excessive force against protesters")


def test_riot():
    a = _a("Rioters torch shops", "Rioters threw stones at police and torched shops in the old town overnight.")
    assert classify([a]) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize("text", [
    "The defence minister threatened to shell the rebel positions unless they withdrew.",
    "The governor lifted the curfew imposed after riots last month.",
    "The foreign ministry condemned the bombing and summoned the ambassador.",
    "The two governments agreed to cooperate on trade and energy.",
])
def test_a_statement_about_violence_is_not_violence(text):
    assert classify([_a("", text)]) == ("other", None)


def test_what_led_to_an_outcome_counts_but_not_what_led_to_a_measure():
    died = sentence_actions("A man died after being shot on Tuesday.")
    assert {m.action for m in died if m.factor > 0} == {"kill", "shooting"}
    curfew = sentence_actions("The mayor imposed a curfew after the riots.")
    assert all(m.factor == 0 for m in curfew)


def test_a_title_cut_from_the_lead_does_not_vote_twice():
    lead = "Demonstrators gathered in the square, where three people were killed in riots last year."
    article = _a(lead[:40] + "…", lead)
    assert classify([article]) == ("Protests", "Peaceful protest")
