"""Who took part in the event, who made claims, who stood aside."""

from __future__ import annotations

import re

from .analysis.claims import country_of
from .event_places import entity_mentions
from .models import Actor, Article

ACTOR_LABELS = {"NORP", "ORG", "PERSON"}
MAX_ACTORS = 10


_THIRD_PARTY = re.compile(
    r"\b(?:urged|called (?:on|for)|mediat\w*|brokered|talks|ceasefire|restraint|condemned|concerned|appealed)\b", re.I)


_FORCES = re.compile(r"\b([A-Z][\w-]+)\s+(?:armed\s+)?(?:forces|troops|army|military(?!\s+base)|soldiers|servicemen|units|"
                     r"artillery|drones|border guards)\b")


def event_actors(articles: list[Article], sides: set[str]) -> list[Actor]:
    """Who took part, who made claims, who stood aside, from entities of the reports.

    ``participant``: a force, government or people of a side with casualties;
    ``claimant``: named as the source of a figure; ``third_party``: a country
    outside the fighting named where others urge, mediate or broker;
    ``mentioned`` otherwise.
    """
    claimants = " | ".join(c.claimant.lower() for a in articles for c in a.claims if c.claimant and c.scope == "event")
    forces: set[str] = set()  # countries whose forces act in the reports ("Tajik forces fired...")
    for a in articles:
        for m in _FORCES.finditer(a.text):
            found = country_of(m.group(1))
            if found:
                forces.add(found[0])
    actors = []
    for key, mentions in list(entity_mentions(articles, ACTOR_LABELS).items())[:MAX_ACTORS]:
        name = mentions[0][1].text
        contexts = [next((s.text for s in a.sentences if s.start <= e.start < s.end), "") for a, e in mentions]
        found = country_of(name)
        country = found[0] if found else None
        if country and (country in sides or country in forces):
            role = "participant"
        elif key in claimants:
            role = "claimant"
        elif country and any(_THIRD_PARTY.search(c) for c in contexts):
            role = "third_party"
        else:
            role = "mentioned"
        actors.append(Actor(name=name, country=country, role=role))
    return actors
