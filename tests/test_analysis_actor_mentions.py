"""Forces and named actors, with what they say of the actor (fictional reports)."""

from newsfuse.analysis.actor_mentions import find_actor_mentions, state_of
from newsfuse.models import Article, Span


def _article(text, entities):
    spans = [Span(text.index(name), text.index(name) + len(name), name, label) for name, label in entities]
    sentences, start = [], 0
    for part in text.split(". "):
        sentences.append(Span(start, start + len(part), part, "SENT"))
        start += len(part) + 2
    return Article(id="a1", path="p", source="s", title="t", text=text, entities=spans, sentences=sentences)


def test_a_countrys_forces_and_its_organs():
    text = ("Kyrgyz border guards returned fire. The Tajik Ministry of Defence said the attack began at dawn. "
            "Russia urged restraint. The Varno Chess Club cancelled its match")
    a = _article(text, [("The Tajik Ministry of Defence", "ORG"), ("Russia", "GPE"), ("Varno Chess Club", "ORG")])
    found = find_actor_mentions(a)
    forces = [m for m in found if m.label == "forces"]
    assert [(m.text, m.country) for m in forces] == [("Kyrgyz border guards", "KG")]
    by_text = {m.text: m for m in found if m.label != "forces"}
    assert (by_text["The Tajik Ministry of Defence"].organ, by_text["The Tajik Ministry of Defence"].country) == ("state", "TJ")
    assert by_text["Russia"].third_party and by_text["Russia"].organ == "state"
    assert "Varno Chess Club" not in by_text  # nothing known of it: left out
    assert all(text[m.start:m.end] == m.text for m in found)


def test_the_kind_of_a_named_actor_is_its_head_noun():
    text = "Fighters of the Free Valley Militia held the bridge"
    a = _article(text, [("the Free Valley Militia", "ORG")])
    mention, = [m for m in find_actor_mentions(a) if m.label == "ORG"]
    assert mention.kind == "political_militia" and mention.organ is None


def test_state_organs_but_not_other_bodies_are_the_state():
    assert state_of("the Armenian Ministry of Defense") == ("state", "AM")
    assert state_of("Armenian police") == ("police", "AM")
    assert state_of("the Armenian Apostolic Church") is None
