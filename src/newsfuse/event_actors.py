"""Who took part in the event, who made claims, who stood aside: one entry per actor, typed.

A country's names, people and state organs ("Armenia", "Armenian", "Armenian troops",
"the Armenian Ministry of Defense", "Yerevan") are one actor, the state, whose forces
ACLED codes as inter 1; a person named in full and later by surname is one actor. Each
actor gets an ACLED kind and inter code (state forces, rebels, militias, rioters,
protesters, civilians, external forces) so that an ACLED-style export can give
actor1/actor2. Unnamed parties of the incident ("a gunman", "four people", "protesters")
are actors too when the incident's core sentences make them its agent or its target.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .actor_kinds import ARMED_INTER, KIND_NAMES, kind_at
from .analysis.claims import country_of
from .analysis.claims_vocab import demonyms
from .event_places import entity_mentions
from .event_type import classify, incident_parties
from .geo.gazetteer import read_demonyms
from .models import Actor, Article, Span

ACTOR_LABELS = {"NORP", "ORG", "PERSON"}
STATE_LABELS = ACTOR_LABELS | {"GPE"}  # a country is an actor; a town is a place
MAX_ACTORS = 10
MAX_ALIASES = 8
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}

_THIRD_PARTY = re.compile(
    r"\b(?:urged|called (?:on|for)|mediat\w*|brokered|talks|ceasefire|restraint|condemned|concerned|appealed)\b", re.I)
_FORCES = re.compile(r"\b([A-Z][\w-]+)\s+(?:armed\s+)?(?:forces|troops|army|military(?!\s+base)|soldiers|servicemen|units|"
                     r"artillery|drones|border guards)\b")
# Words that name a state's organs rather than something else of the country ("Armenian
# troops" is the state; "Armenian Apostolic Church" is not).
_ORGAN_WORDS = set("""forces force troops army military soldiers servicemen border guards guard government
authorities officials ministry defence defense foreign affairs president presidency side armed national
security state republic interior leadership command general staff service services committee
agency office of the and s""".split())
_POLICE_WORDS = {"police", "policemen", "officers"}


def _country_names() -> dict[str, str]:
    return {iso: country for iso, country, _, _ in read_demonyms()}


@lru_cache(maxsize=1)
def _country_words() -> re.Pattern[str]:
    names = sorted(demonyms(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)


def state_of(name: str) -> tuple[str, str] | None:
    """("state"|"police", ISO2) when ``name`` is a country or one of its state organs."""
    found = country_of(name)
    if not found:
        return None
    rest = re.findall(r"[\w-]+", _country_words().sub(" ", name.replace("’s", "").replace("'s", "")).lower())
    if any(w not in _ORGAN_WORDS | _POLICE_WORDS for w in rest):
        return None
    return ("police" if set(rest) & _POLICE_WORDS else "state"), found[0]


def _named_groups(articles: list[Article]) -> dict[str, list[tuple[Article, Span]]]:
    """Mentions by actor: a country's names and organs together, a surname with its full name."""
    groups: dict[str, list[tuple[Article, Span]]] = {}
    for key, mentions in entity_mentions(articles, STATE_LABELS).items():
        label = mentions[0][1].label
        state = state_of(mentions[0][1].text)
        if state:
            key = f"{state[0]}:{state[1]}"
        elif label == "GPE":
            continue
        groups.setdefault(key, []).extend(mentions)
    people = [k for k, m in groups.items() if m[0][1].label == "PERSON"]
    for short in people:
        longer = [k for k in people if k != short and k.endswith(" " + short) and k in groups]
        if longer and short in groups:
            groups[longer[0]].extend(groups.pop(short))
    return dict(sorted(groups.items(), key=lambda kv: -len(kv[1])))


def event_actors(articles: list[Article], sides: set[str]) -> list[Actor]:
    """The event's actors, one entry each, typed, parties of the incident first.

    ``participant``: a state of a side with casualties or whose forces act in the reports,
    or an unnamed agent or target of the incident; ``claimant``: named as the source of a
    figure; ``third_party``: outside the fighting, named where others urge, mediate or
    broker; ``mentioned`` otherwise.
    """
    claimants = " | ".join(c.claimant.lower() for a in articles for c in a.claims if c.claimant and c.scope == "event")
    forces: set[str] = set()  # countries whose forces act in the reports ("Tajik forces fired...")
    for a in articles:
        for m in _FORCES.finditer(a.text):
            found = country_of(m.group(1))
            if found:
                forces.add(found[0])
    countries = _country_names()
    actors = []
    for key, mentions in list(_named_groups(articles).items())[:MAX_ACTORS]:
        names = list(dict.fromkeys(e.text for _, e in mentions))
        contexts = [next((s.text for s in a.sentences if s.start <= e.start < s.end), "") for a, e in mentions]
        kind_name, _, iso = key.partition(":") if key.startswith(("state:", "police:")) else ("", "", "")
        country = iso or (country_of(names[0]) or (None,))[0]
        if kind_name:
            name, kind = countries.get(iso, names[0]), "police" if kind_name == "police" else "state_forces"
        else:
            name, kind = max(names, key=len) if mentions[0][1].label == "PERSON" else names[0], _kind_of(names)
        if kind_name and (country in sides or country in forces):
            role = "participant"
        elif any(n.lower() in claimants for n in names):
            role = "claimant"
        elif mentions[0][1].label != "PERSON" and any(_THIRD_PARTY.search(c) for c in contexts):
            role = "third_party"
        else:
            role = "mentioned"
        actors.append(Actor(name=name, country=country, role=role, kind=kind,
                            inter=_inter(kind), aliases=names[:MAX_ALIASES]))
    actors += _unnamed_parties(articles, actors)
    order = {"participant": 0, "claimant": 1, "third_party": 2, "mentioned": 3}
    return sorted(actors, key=lambda x: order.get(x.role, 4))


def _kind_of(names: list[str]) -> str | None:
    kinds = Counter(k[0] for k in (kind_at(n) for n in names) if k)
    return kinds.most_common(1)[0][0] if kinds else None


def _inter(kind: str | None) -> int | None:
    if kind is None:
        return None
    return ARMED_INTER.get(kind) or {"rioters": 5, "protesters": 6, "civilians": 7, "external": 8}.get(kind)


def _unnamed_parties(articles: list[Article], named: list[Actor]) -> list[Actor]:
    """Agents, then targets, of the incident that no named actor stands for."""
    agents, targets = incident_parties(articles)
    covered = {a.kind for a in named if a.role == "participant"}
    armed = covered | set(agents)
    if not armed & set(ARMED_INTER) and classify(articles)[0] in VIOLENT_TYPES:
        agents["political_militia"] += 0  # an attack nobody is named for: ACLED's unidentified armed group
    out: list[Actor] = []
    for kind in [k for k, _ in agents.most_common()] + [k for k, _ in targets.most_common()]:
        if kind in covered:
            continue
        covered.add(kind)
        out.append(Actor(name=KIND_NAMES[kind], country=None, role="participant", kind=kind, inter=_inter(kind)))
    return out
