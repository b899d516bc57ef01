"""find_claims on fictional sentences (no spaCy needed: numbers and sentences are filled here)."""

from __future__ import annotations

import re

from newsfuse.analysis.claims import country_of, find_claims
from newsfuse.analysis.numbers import find_numbers
from newsfuse.models import Article, Span


def _article(text: str, published: str | None = "2031-05-04") -> Article:
    sents = [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.!?]+[.!?]", text)]
    sents = [Span(s.start + (len(s.text) - len(s.text.lstrip())), s.end, s.text.strip()) for s in sents]
    return Article(id="a1", path="x", source="test", title="", text=text, published=published,
                   sentences=sents, numbers=find_numbers(text))


def test_killed_with_claimant_and_possessive():
    a = _article("Freedonia said at least 31 of its soldiers were killed in the clashes.")
    (c,) = find_claims(a)
    assert (c.category, c.number, c.qualifier) == ("killed", 31, "at_least")
    assert c.claimant == "Freedonia" or c.side is None  # Freedonia is not in the table
    assert a.text[c.start:c.end] == c.quote and c.id == "a1-c1"


def test_side_from_demonym_and_two_claimants():
    a = _article("Georgia said 7 of its troops were killed, while Russia said 9 of its soldiers were killed.")
    c1, c2 = find_claims(a)
    assert (c1.number, c1.side, c1.whose, c1.claimant) == (7, "GE", "Georgian troops", "Georgia")
    assert (c2.number, c2.side, c2.claimant) == (9, "RU", "Russia")


def test_demonym_table_is_the_shared_one(tmp_path):
    from newsfuse.analysis.claims_vocab import demonyms
    from newsfuse.geo.gazetteer import read_demonyms

    table = tmp_path / "demonyms.tsv"
    table.write_text("# iso2\tcountry\tdemonyms\taliases\n"
                     "FD\tFreedonia\tFreedonian, Freedonians\tFredville,Republic of Freedonia\n"
                     "SY\tSylvania\tSylvanian\n", encoding="utf-8")
    assert read_demonyms(table) == [("FD", "Freedonia", ["Freedonian", "Freedonians"],
                                     ["Fredville", "Republic of Freedonia"]),
                                    ("SY", "Sylvania", ["Sylvanian"], [])]
    # the claims' table is built from the same rows the gazetteer reads
    rows = read_demonyms()
    assert {n.lower() for iso, country, dems, aliases in rows for n in [country, *dems, *aliases]} == set(demonyms())
    assert country_of("Dutch marines") == ("NL", "Dutch")  # once only in the gazetteer's table
    assert country_of("US soldiers") == ("US", "American")  # a name (aliases column), read as before
    assert country_of("U.S. soldiers") == ("US", "American")  # with its dots, as written


def test_active_verbs_and_lists():
    a = _article("The patrol killed two gunmen and detained a smuggler and several associates.")
    cats = [(c.category, c.number, c.qualifier) for c in find_claims(a)]
    assert cats == [("killed", 2, "exact"), ("captured", 1, "exact"), ("captured", None, "vague")]


def test_not_casualties():
    a = _article("The ministry sent 2,000 peacekeepers and seized two rifles. A man aged 45 spoke.")
    assert find_claims(a) == []


def test_background_and_provisional():
    a = _article("The 2004 war killed over 900 people. Officials said 12 were killed on Sunday. "
                 "This is not the final number.")
    c1, c2 = find_claims(a)
    assert c1.scope == "background" and c1.qualifier == "more_than"
    assert c2.scope == "event" and c2.provisional


def test_wounded_dead_and_toll():
    a = _article("The blast left 14 wounded and 3 dead. The death toll rose to 5.")
    assert [(c.category, c.number) for c in find_claims(a)] == [("wounded", 14), ("killed", 3), ("killed", 5)]


def test_pronoun_claimant_resolves():
    a = _article("The Ruritanian army said the shelling started at dawn. It said 6 civilians were wounded.")
    (c,) = find_claims(a)
    assert c.claimant == "The Ruritanian army" and c.category == "wounded" and c.whose == "civilians"


def test_regional_from_his_area():
    a = _article("The governor of Zorbia province spoke. The governor, Anna Petrova, said the shelling "
                 "killed three soldiers in his area and hurt another 20.")
    c1, c2 = find_claims(a)
    assert c1.regional == "Zorbia" and c2.category == "wounded" and c2.regional == "Zorbia"


def test_country_table():
    assert country_of("the Kyrgyz defence ministry") == ("KG", "Kyrgyz")
    assert country_of("Dushanbe") == ("TJ", "Tajik")


def test_subject_raising_its_own_toll_counts_its_own_dead():
    from newsfuse.analysis import analyse_articles
    from newsfuse.analysis.claims import find_claims
    from newsfuse.models import Article

    text = "Kyrgyzstan raised its military death toll to 27 on Wednesday as fighting spread along the border."
    article = Article(id="t", path="t", source="s", title="t", text=text)
    analyse_articles([article])
    (claim,) = [c for c in find_claims(article) if c.number == 27]
    assert (claim.category, claim.side, claim.whose, claim.claimant) == ("killed", "KG", "Kyrgyz soldiers", "Kyrgyzstan")


def _counts(text: str) -> list[tuple[str, float | None]]:
    return [(c.category, c.number) for c in find_claims(_article(text))]


def test_indefinite_people_with_long_names_and_object_words():
    assert _counts("The patrol captured a senior Northern Liberation Front of Velmora (NLFV) leader.") \
        == [("captured", 1)]
    assert _counts("The patrol arrested a suspected weapons facilitator near the bridge.") == [("arrested", 1)]
    assert _counts("A joint security force captured a courier.") == [("captured", 1)]  # no claim for "A ... force"


def test_lists_and_subjects():
    # people listed together are one count (claims_parts): two captured, not one person said twice
    assert _counts("A smuggling ring leader and a courier were captured by the patrol.") == [("captured", 2)]
    assert _counts("The unit detained a ring leader who ran safe houses in three districts, "
                   "along with four of his associates.") == [("captured", 1), ("captured", 4)]
    assert _counts("The raid ended with the detention of five suspects.") == [("captured", 5)]


def test_named_people_and_both():
    assert _counts("The patrol killed bandit leader, Torvald Amsen, during the raid.") == [("killed", 1)]
    assert _counts("The raid resulted in the death of Mullah Arkan Dosti, a local commander.") == [("killed", 1)]
    assert _counts("Both suspects were detained for questioning.") == [("captured", 2)]
    assert _counts("The two wounded were detained for medical care.") == [("captured", 2)]


def test_custody_relatives_and_objects():
    assert _counts("Guards took the two drivers of the lorry into custody.") == [("captured", 2)]
    assert _counts("Four men linked to the smuggling ring were detained at dawn.") == [("captured", 4)]
    assert _counts("The unit conducted three raids detaining two suspects.") == [("captured", 2)]
    assert _counts("Police detained a courier and several cartons.") == [("captured", 1)]


def test_subject_verb_phrase_apposition_and_abbreviations():
    assert _counts("Several gunmen opened fire on the convoy and were killed by its escort.") == [("killed", None)]
    assert _counts("Officials confirmed that Orvel Danik, a smuggling ring leader, was killed in the raid.") \
        == [("killed", 1)]
    from newsfuse.analysis.claims import _np_after
    text = "A bomb killed four U.S. engineers near the dam."
    assert _np_after(text, text.index("four") + 4, len(text)) == "U.S. engineers"


def test_since_month_and_appended_release_are_background():
    a = _article("Since March, border guards have detained more than 40 smugglers.")
    (c,) = find_claims(a)
    assert c.scope == "background"
    first = ("TARVIK, Velmora (May 4) The patrol detained two smugglers near the river crossing on Tuesday. "
             + "The patrol leader said the crossing had been quiet for weeks before the arrests this week. " * 4)
    second = ("UPDATE: Ring Leader Held. OSTRA, Velmora (May 6) The border police confirmed they detained "
              "three couriers in a separate raid near the market square on Thursday morning.")
    a = _article(first + second)
    scopes = [(c.number, c.scope) for c in find_claims(a)]
    assert scopes == [(2, "event"), (3, "background")]


def test_surrender_and_cumulative_month():
    assert _counts("A wanted arms courier turned himself in to the border police.") == [("captured", 1)]
    a = _article("Several ring leaders have been captured and two were killed this month alone, the colonel said.")
    assert {c.scope for c in find_claims(a)} == {"background"}


def test_a_possessive_claimant_points_back_to_the_country_named_before():
    article = _article("Moldova gave a different account. Its interior ministry said three police officers were wounded.")
    [claim] = find_claims(article)
    assert (claim.claimant, claim.claimant_side) == ("the Moldovan interior ministry", "MD")
    article = _article("Officials gave a different account. Its interior ministry said three police officers were wounded.")
    [claim] = find_claims(article)
    assert claim.claimant == "Its interior ministry" and claim.claimant_side is None  # nothing to point back to


def test_a_figure_above_everyone_alive_is_not_a_casualty_count():
    """MAX_COUNT: 20 billion killed is a misread (an id, a sum without its currency), not a claim."""
    a = _article("The ministry said 20,000,000,000 people were killed, and 14 soldiers were wounded.")
    assert [(c.category, c.number) for c in find_claims(a)] == [("wounded", 14)]
    a = _article("Officials said 9,000,000,000 people were displaced.")
    assert [(c.category, c.number) for c in find_claims(a)] == [("displaced", 9e9)]


def test_an_attribution_naming_no_one_is_not_a_claimant():
    """"according to" followed by blanks gave an empty claimant, and find_claims raised (found by make fuzz)."""
    a = _article("Police said 4 people were killed, according to  , and 2 were hurt.")
    assert [(c.number, c.claimant) for c in find_claims(a)][:1] == [(4, "Police")]
    assert find_claims(_article("according to  ")) == []


def test_a_person_described_by_age_is_one_person_not_a_toll():
    (c,) = find_claims(_article("A 12-year-old boy was killed in the shooting, police said."))
    assert (c.category, c.number) == ("killed", 1.0)
    (c,) = find_claims(_article("Police said a 35-year-old woman was arrested at the scene."))
    assert (c.category, c.number) == ("arrested", 1.0)


def _whose(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(c.category, c.number, c.whose) for c in find_claims(_article(text))]


def test_how_local_news_tells_of_a_shooting():
    # written for these tests: the ways a local report says who was shot, killed or hurt
    assert _whose("A 19-year-old woman was shot and killed late Friday in Marlow.") == [("killed", 1, "people")]
    assert _whose("Four people were shot, one fatally, outside a bar on Dell Avenue.") \
        == [("shot", 4, "people"), ("killed", 1, None)]
    assert _whose("Deputies are trying to identify a man who was found fatally shot behind the gym.") == [("killed", 1, "people")]
    assert _whose("A 15-year-old boy was shot in the leg Tuesday night.") == [("shot", 1, "people")]
    assert _whose("Two officers were wounded in the exchange of fire.") == [("wounded", 2, "police officers")]


def test_a_list_of_victims_is_one_count_and_the_agent_is_not_a_victim():
    assert _whose("An elderly woman and a boy died when gunfire tore through a Fenwick porch.") == [("killed", 2, "people")]
    assert _whose("Investigators believe a father fatally shot a teacher and girl, then killed himself.") \
        == [("killed", 2, "people"), ("killed", 1, "attackers")]
    assert _whose("He shot a man and a woman on the porch.") == [("shot", 2, "people")]
    assert _whose("The gunman turned the gun on himself as deputies arrived.") == [("killed", 1, "attackers")]


def test_numbers_that_are_not_people():
    assert _counts("The boy was shot to death at 2417 Larch St. on Sunday.") == [("killed", 1)]
    assert _counts("Three people died during a two-hour standoff.") == [("killed", 3)]
    assert _counts("A 35-year-old man was arrested on Monday.") == [("arrested", 1)]
    assert _counts("He was arrested in 2019 on two drug counts.") == []


def test_the_person_a_casualty_verb_acts_on():
    assert _whose("Hunter accidentally shoots cousin in arm") == [("shot", 1, "people")]
    assert _whose("A stray round that injured 9-year-old girl was fired from a nearby yard.") == [("wounded", 1, "people")]
    assert _whose("Police say he killed his wife and stabbed his neighbor.") \
        == [("killed", 1, "people"), ("wounded", 1, "people")]
    # a bare noun modifying a plural head is no single person; a numeral counts on its own
    assert _counts("Police pledged to keep arresting and killing rogue smuggler crews.") == []
    assert _counts("The patrol killed one bandit and detained two more.") == [("killed", 1), ("captured", 2)]


def test_deaths_told_without_a_figure():
    assert _whose("Police are investigating a fatal shooting near Larch Park.") == [("killed", 1, "people")]
    assert [c.qualifier for c in find_claims(_article("Police are investigating a fatal shooting."))] == ["at_least"]
    assert _whose("A Millbrook man faces charges in the shooting death of his roommate.") == [("killed", 1, "people")]
    assert _whose("Detectives reopened the murder of 3-year-old Fenwick boy this week.") == [("killed", 1, "people")]
    # one man who shot himself and died is one dead, not a victim and an attacker
    assert _whose("A 52-year-old man shot himself in the thigh at a firing range and later died.") == [("killed", 1, "people")]
    # a stated figure makes the fatal-incident floor unnecessary
    assert _counts("Two men were killed in a fatal shooting on Sunday.") == [("killed", 2)]


def test_wounds_are_not_people_and_a_run_of_shootings_is_background():
    assert _counts("Doctors treated the driver for two gunshot wounds to the arm.") == []
    assert _counts("Three officers were wounded in the exchange.") == [("wounded", 3)]
    scopes = {c.scope for c in find_claims(_article("Shootings since Friday have left 4 dead and 9 wounded on the North Side."))}
    assert scopes == {"background"}


def test_nobody_and_partners():
    assert _whose("No one else was injured, police said.") == [("wounded", 0, "people")]
    assert _whose("No deaths were reported after the blast.") == [("killed", 0, "people")]
    assert _whose("A man and his wife were shot dead in their kitchen.") == [("killed", 2, "people")]
    assert _counts("A commander, his deputy and two fighters were captured.") == [("captured", 4)]


def test_a_series_of_shootings_is_background_and_one_of_many_is_not_all():
    for text in ("Police said a string of late-night shootings across Ashvale left four people dead.",
                 "Shootings kill three across the east side of Ashvale.",
                 "Over the past three years the county recorded 30 such shootings, with 8 children hurt."):
        assert {c.scope for c in find_claims(_article(text))} == {"background"}, text
    # one of the three injured died: the three are not all dead
    assert _counts("One of the three men injured at the Ashvale block party has since died.") == [("wounded", 3)]


def test_active_wounding_manner_adverbs_and_non_people():
    # the active verb with a plural of people after it
    assert _counts("A shooting at the Dunmore depot injured three people late Friday.") == [("wounded", 3)]
    assert _counts("The gunman wounded three other men before fleeing.") == [("wounded", 3)]
    # "injured" as an adjective before a count of days is not a toll
    assert _counts("Those injured 3 days ago have left hospital.") == []
    # a manner adverb between the auxiliary and the verb
    assert _counts("A teenager was accidentally shot in the foot at a Carrow Lane home.") == [("shot", 1)]
    # families and distances are not people
    assert _counts("The pastor said 3 families are hurting tonight.") == []
    assert _counts("A man was shot and killed Sunday two blocks from the Elm Park library.") == [("killed", 1)]


def test_a_roundup_of_a_stretch_of_time_is_background():
    for text in ("Three people were hurt on a violent weekend in Harlow.",
                 "Harlow police said nine people were wounded in gunfire within 12 hours.",
                 "Over 48 hours, eleven people were shot in Harlow."):
        assert {c.scope for c in find_claims(_article(text))} == {"background"}, text
    # hours that date the incident, not a stretch: still this incident's figure
    assert {c.scope for c in find_claims(_article("A man died within hours of the shooting that wounded two others."))} \
        == {"event"}


def test_present_tense_shootings_count_the_people_after_the_verb():
    assert _counts("Gunman shoots 3 people near a Harlow bus stop.") == [("shot", 3)]
    assert _counts("Gunfire from a passing car wounded a 9-year-old and 2 others on Elm Row.") == [("wounded", 3)]
    # the shooter of "a man shoots ..." is not a victim, and "shoots" counts only people
    assert _counts("Police say a man shoots 2 rounds into a parked car.") == []


def test_a_victim_hospitalized_since_the_shooting_who_died_is_dead():
    assert _counts("A Kell Road resident who was hospitalized after last week's shooting has died.") == [("killed", 1)]
    assert _counts("A woman who was hospitalized after the crash is recovering.") == [("wounded", 1)]


def test_a_link_to_another_story_is_background():
    claims = find_claims(_article("RELATED: Two hurt as car hits Ashvale bus shelter. A man was shot on Kell Road."))
    assert [(c.category, c.scope) for c in claims] == [("wounded", "background"), ("shot", "event")]


def test_a_claimant_ends_where_its_verb_s_auxiliaries_and_a_figure_begin():
    """Speakers are noun phrases: "had initially" before the verb and a figure after "according
    to" are not part of them, and "it said" points back to a speaker, never to "data"."""
    a = _article("The interior ministry had initially reported two soldiers killed.")
    (c,) = find_claims(a)
    assert c.claimant == "The interior ministry"
    a = _article("Police spokesman Tom Vale said three people died. "
                 "He added that according to early data more than 20 people were hurt. "
                 "According to the ministry, five men were detained.")
    hurt, detained = [c for c in find_claims(a) if c.category in ("wounded", "captured", "arrested")]
    assert hurt.number == 20 and "more than" not in (hurt.claimant or "")
    assert detained.number == 5 and detained.claimant == "Police spokesman Tom Vale"
