"""One entry per actor, typed as ACLED types actors, on fictional reports."""

from newsfuse.analysis.actor_kinds import kind_at
from newsfuse.event_actors import event_actors, state_of
from newsfuse.models import Article, Span


def _article(text, entities, title="t"):
    spans = []
    for name, label in entities:
        start = text.index(name)
        spans.append(Span(start, start + len(name), name, label))
    sentences, start = [], 0
    for part in text.split(". "):
        end = start + len(part)
        sentences.append(Span(start, end, part))
        start = end + 2
    return Article(id="a1", path="p", source="s", title=title, text=text, entities=spans, sentences=sentences)


def test_a_country_its_people_and_its_forces_are_one_actor():
    text = ("Kyrgyz troops shelled Tajik positions overnight. Kyrgyzstan said two soldiers died. "
            "The Tajik Ministry of Defence said Kyrgyz forces started it. Tajikistan denied this. "
            "Russia urged restraint and offered to mediate talks")
    a = _article(text, [("Kyrgyz", "NORP"), ("Tajik", "NORP"), ("Kyrgyzstan", "GPE"),
                        ("The Tajik Ministry of Defence", "ORG"), ("Tajikistan", "GPE"), ("Russia", "GPE")])
    actors = event_actors([a], {"KG", "TJ"})
    by_country = {x.country: x for x in actors if x.country}
    assert len([x for x in actors if x.country == "TJ"]) == 1
    assert len([x for x in actors if x.country == "KG"]) == 1
    tajik = by_country["TJ"]
    assert tajik.name == "Tajikistan" and tajik.role == "participant"
    assert (tajik.kind, tajik.inter) == ("state_forces", 1)
    assert {"Tajik", "Tajikistan", "The Tajik Ministry of Defence"} <= set(tajik.aliases)
    assert by_country["RU"].role == "third_party"
    assert actors[0].role == "participant"


def test_a_surname_is_the_same_person():
    text = "Defence Minister Aram Petrosyan said the border was calm. Petrosyan later visited Goris"
    a = _article(text, [("Aram Petrosyan", "PERSON"), ("Petrosyan", "PERSON")])
    people = [x for x in event_actors([a], set()) if x.kind is None]
    assert [p.name for p in people] == ["Aram Petrosyan"]
    assert people[0].aliases == ["Aram Petrosyan", "Petrosyan"]


def test_state_organs_but_not_other_bodies_are_the_state():
    assert state_of("the Armenian Ministry of Defense") == ("state", "AM")
    assert state_of("Azerbaijan's armed forces") == ("state", "AZ")
    assert state_of("Armenian police") == ("police", "AM")
    assert state_of("the Armenian Apostolic Church") is None


def test_unnamed_agent_and_target_of_a_shooting():
    text = ("A gunman opened fire on four people outside a diner on Elm Street late Friday, police said. "
            "Two of the victims died at the scene")
    a = _article(text, [], title="Four shot outside Elm Street diner")
    actors = event_actors([a], set())
    kinds = [(x.kind, x.inter, x.role) for x in actors]
    assert kinds[:2] == [("political_militia", 3, "participant"), ("civilians", 7, "participant")]


def test_kind_is_the_head_noun():
    assert kind_at("two Armenian soldiers") == ("state_forces", 1)
    assert kind_at("a police officer") == ("police", 1)
    assert kind_at("the protesters") == ("protesters", 6)
    assert kind_at("UN peacekeepers") == ("external", 8)
    assert kind_at("the man's family") == ("civilians", 7)
    assert kind_at("the border") is None


def test_an_attack_nobody_is_named_for_gets_an_unidentified_armed_group():
    text = "Four men were shot outside a bar on Dock Street early Sunday, police said. All four survived"
    actors = event_actors([_article(text, [], title="Four men shot outside Dock Street bar")], set())
    assert [(x.name, x.inter) for x in actors[:2]] == [("Unidentified armed group", 3), ("Civilians", 7)]


def test_an_accident_gets_no_armed_group():
    text = "A boy was wounded when a rifle accidentally went off at his home on Sunday, deputies said"
    actors = event_actors([_article(text, [], title="Boy hurt when rifle goes off")], set())
    assert all(x.kind != "political_militia" for x in actors)
