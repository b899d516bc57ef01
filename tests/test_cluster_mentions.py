"""A report that recalls another incident is linked to it as a mention, not a member."""

from __future__ import annotations

from newsfuse import extract_events

# Written for this test (fictional events in real towns, so the places resolve).
FIRE = [
    ("Warehouse fire kills three in Lorca",
     "A fire at a fruit warehouse in Lorca killed three workers on Thursday, firefighters said. "
     "The blaze started in a cold store and spread to the packing hall before dawn. "
     "Regional officials said the cause was being investigated.", "2024-05-03"),
    ("Three workers die in Lorca warehouse blaze",
     "Three workers were killed when fire swept through a fruit warehouse in Lorca on Thursday, "
     "the fire service said. Crews fought the blaze for six hours. "
     "The company said it would cooperate with the investigation.", "2024-05-03"),
]
FLOOD = ("Floods force 200 from homes in Totana",
         "Flash floods in Totana forced about 200 people from their homes on Monday, officials said. "
         "Rescue teams used boats to reach farms outside the town. "
         "Schools will stay closed until Wednesday. "
         "The floods came less than three weeks after a fire at a warehouse in Lorca on May 2 killed three workers.",
         "2024-05-21")


def test_a_recalled_incident_gets_the_passage_as_a_mention():
    from newsfuse.models import RawArticle

    raws = [RawArticle(path=f"{i}.txt", title=t, text=x, published=p) for i, (t, x, p) in enumerate([*FIRE, FLOOD])]
    events = extract_events(raws).events
    assert sorted(len(e.article_ids) for e in events) == [1, 2]
    fire = next(e for e in events if len(e.article_ids) == 2)
    flood = next(e for e in events if len(e.article_ids) == 1)
    assert [m.article_id for m in fire.mentioned_in] == flood.article_ids
    (mention,) = fire.mentioned_in
    assert "fire at a warehouse in Lorca on May 2" in mention.text and mention.day == "2024-05-02"
    assert flood.mentioned_in == []
