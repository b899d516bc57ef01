"""Rules that state a general property of news writing, each on fictional sentences:
what a sentence's own act is, as against what it reports, plans, accuses or names in passing."""

import pytest

from newsfuse.analysis.actions import sentence_actions
from newsfuse.event_type import classify
from newsfuse.models import Article


def _a(title, text, derived_from=None):
    return Article(id=title[:5], path="p", source="s", title=title, text=text, derived_from=derived_from)


def _counted(sentence):
    return {m.action for m in sentence_actions(sentence) if m.factor > 0}


def test_a_thousands_separator_does_not_end_a_clause():
    # "in 1944" is the time of the shooting: the comma of "1,200" does not cut it off
    assert _counted("Soldiers shot 1,200 prisoners at the camp in 1944, the historians wrote.") == set()


def test_a_scope_word_inside_an_actions_own_wording_does_not_cancel_it():
    assert _counted("Customs officers confiscated 40 tonnes of timber at the port of Velm.") == {"destruction"}
    assert _counted("Rebels seized control of the hill town of Orsk on Monday.") == {"territory"}


@pytest.mark.parametrize("text", [
    "Riot police guarded the ministry as the budget vote began.",
    "The last invasion forces left the island on Friday.",
    "A cyber attack took the tax office's website offline for two days.",
])
def test_an_action_word_naming_a_unit_or_gear_is_no_act(text):
    assert _counted(text) == set()
    assert classify([_a("", text)]) == ("other", None)


@pytest.mark.parametrize("text", [
    "The harbour authority complained to the tribunal about the shelling of its cranes.",
    "The envoy insisted that the unrest had ended weeks before the vote.",
    "The farmers' union is suing the province over the bombing of its grain silo.",
    "The embassy lodged a formal protest with the foreign ministry on Monday.",
    "Organisers agreed to postpone the march through the capital until spring.",
    "The council banned the rally planned for Saturday in the old town.",
    "The two delegations met to discuss limiting the number of missiles on the frontier.",
    "Both sides signed a memorandum on the cessation of hostilities in the valley.",
])
def test_statements_plans_bans_and_negations_of_an_act_are_not_the_act(text):
    assert _counted(text) == set()
    assert classify([_a("", text)]) == ("other", None)


@pytest.mark.parametrize("title, text, expected", [
    ("Youths clash with police in Darro", "Youths hurling stones at police during a march in Darro were chased "
     "from the square on Sunday.", ("Riots", "Violent demonstration")),
    ("General strike shuts Velm", "A general strike called by the transport unions shut the port city of Velm "
     "on Monday.", ("Protests", "Peaceful protest")),
    ("Car bomb in Tarsa market", "A suicide car bombing killed six people at the Tarsa market on Friday.",
     ("Explosions/Remote violence", "Suicide bomb")),
    ("Herders hurt near border", "A minefield blast near the border post of Kessa wounded three herders on "
     "Sunday.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Gunships hit village", "Helicopter gunships killed 12 villagers in a raid on Orsk, elders said.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Airliner lost in the hills", "A Boeing 737 carrying 80 passengers crashed into a hillside near Dunmore "
     "on Tuesday.", ("accident", "Air crash")),
])
def test_the_acts_own_words_and_agent_name_it(title, text, expected):
    assert classify([_a(title, text)]) == expected


def test_a_protest_over_earlier_arrests_is_not_a_protest_with_intervention():
    a = _a("Unions strike over arrests", "Dockers went on strike in Velm to protest last week's arrest of "
           "three union leaders.")
    assert classify([a]) == ("Protests", "Peaceful protest")


def test_people_blocking_roads_protest_police_blocking_roads_do_not():
    farmers = _a("", "Hundreds of farmers blocked the main highway into Velm with tractors on Monday.")
    police = _a("", "Police blocked the roads into the old town ahead of the summit on Monday.")
    assert classify([farmers]) == ("Protests", "Peaceful protest")
    assert classify([police]) == ("other", None)


def test_only_an_agreement_between_parties_to_a_conflict_is_an_acled_agreement():
    trade = _a("", "The two presidents signed a treaty of trade and friendship in the capital on Monday.")
    truce = _a("", "Government and rebel commanders signed a ceasefire agreement in Orsk on Monday.")
    assert classify([trade]) == ("other", None)
    assert classify([truce]) == ("Strategic developments", "Agreement")


def test_the_wounded_are_people_not_a_report_of_wounding():
    a = _a("", "Relief flights evacuated the wounded from the mountain town of Kessa on Friday.")
    assert classify([a]) == ("other", None)


def test_a_follow_up_to_rioting_alone_is_a_riot_not_force_against_protesters():
    a = _a("", "Police are investigating three students after rioting on the Velm campus on Friday.")
    assert classify([a]) == ("Riots", "Violent demonstration")


def test_a_city_block_is_no_blockade():
    assert _counted("A man was found in the 400 block of Elm Street on Monday, officers said.") == set()


@pytest.mark.parametrize("title, text", [
    ("Man held over Elmview killings", "Police arrested a man accused of shooting two neighbours in Elmview "
     "on Sunday."),
    ("Elmview man convicted", "A jury found an Elmview man guilty of murdering two neighbours."),
    ("Arrest made in Elmview deaths", "Police arrested a 31-year-old man on Sunday, two days after two "
     "neighbours were found dead in Elmview."),
])
def test_an_arrest_or_trial_for_an_attack_is_its_aftermath(title, text):
    assert classify([_a(title, text)]) == ("Violence against civilians", "Attack")


def test_an_accusation_alone_is_no_attack():
    a = _a("", "The opposition accused the governor's guards of beating two reporters in Velm.")
    assert classify([a]) == ("other", None)
