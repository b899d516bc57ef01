"""Who took part in the event, who made claims, who stood aside: one entry per actor, typed.

A country's names, people and state organs ("Armenia", "Armenian", "Armenian troops",
"the Armenian Ministry of Defense", "Yerevan") are one actor, the state, whose forces
ACLED codes as inter 1; a person named in full and later by surname is one actor. Each
actor gets an ACLED kind and inter code (state forces, rebels, militias, rioters,
protesters, civilians, external forces) so that an ACLED-style export can give
actor1/actor2. Unnamed parties of the incident ("a gunman", "four people", "protesters")
are actors too when the incident's core sentences make them its agent or its target.
Everything read from the text is read once per article (analysis/actor_mentions.py,
analysis/actions.py); this module puts an event's mentions together.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from .analysis import annotation
from .analysis.actor_kinds import ARMED_INTER, KIND_NAMES
from .analysis.actor_mentions import ACTOR_LABELS, STATE_LABELS, state_of
from .event_places import entity_mentions
from .event_type import classify, incident_parties
from .geo.gazetteer import read_demonyms
from .models import Actor, ActorMention, Article, Span

MAX_ACTORS = 10
MAX_ALIASES = 8
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
__all__ = ["ACTOR_LABELS", "STATE_LABELS", "event_actors", "state_of"]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO2 -> the country's name (read once: it was half of building an event's actors)."""
    return {iso: country for iso, country, _, _ in read_demonyms()}


def _about(annotated: list[tuple[Article, list[ActorMention]]]) -> dict[tuple[str, int, int], ActorMention]:
    """What the analysis found of each named entity, by (article id, start, end)."""
    return {(a.id, m.start, m.end): m for a, found in annotated for m in found if m.label in STATE_LABELS}


def _named_groups(articles: list[Article], about: dict[tuple[str, int, int], ActorMention]
                  ) -> dict[str, list[tuple[Article, Span]]]:
    """Mentions by actor: a country's names and organs together, a surname with its full name."""
    groups: dict[str, list[tuple[Article, Span]]] = {}
    for key, mentions in entity_mentions(articles, STATE_LABELS).items():
        article, first = mentions[0]
        label = first.label
        found = about.get((article.id, first.start, first.end))
        if found and found.organ:
            key = f"{found.organ}:{found.country}"
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
    annotated = [(a, annotation(a, "actor_mentions")) for a in articles]
    about = _about(annotated)
    claimants = " | ".join(c.claimant.lower() for a in articles for c in a.claims if c.claimant and c.scope == "event")
    # countries whose forces act in the reports ("Tajik forces fired...")
    forces = {m.country for _, found in annotated for m in found if m.label == "forces"}
    countries = _country_names()
    actors = []
    for key, mentions in list(_named_groups(articles, about).items())[:MAX_ACTORS]:
        found = [about.get((a.id, e.start, e.end)) for a, e in mentions]
        names = list(dict.fromkeys(e.text for _, e in mentions))
        kind_name, _, iso = key.partition(":") if key.startswith(("state:", "police:")) else ("", "", "")
        country = iso or (found[0].country if found[0] else None)
        if kind_name:
            name, kind = countries.get(iso, names[0]), "police" if kind_name == "police" else "state_forces"
        else:
            name, kind = max(names, key=len) if mentions[0][1].label == "PERSON" else names[0], _kind_of(mentions, found)
        if kind_name and (country in sides or country in forces):
            role = "participant"
        elif any(n.lower() in claimants for n in names):
            role = "claimant"
        elif mentions[0][1].label != "PERSON" and any(f and f.third_party for f in found):
            role = "third_party"
        else:
            role = "mentioned"
        actors.append(Actor(name=name, country=country, role=role, kind=kind,
                            inter=_inter(kind), aliases=names[:MAX_ALIASES]))
    actors += _unnamed_parties(articles, actors)
    order = {"participant": 0, "claimant": 1, "third_party": 2, "mentioned": 3}
    return sorted(actors, key=lambda x: order.get(x.role, 4))


def _kind_of(mentions: list[tuple[Article, Span]], found: list[ActorMention | None]) -> str | None:
    """The kind most of the actor's names give (each name once)."""
    kind_by_name: dict[str, str | None] = {}
    for (_, e), about in zip(mentions, found):
        kind_by_name.setdefault(e.text, about.kind if about else None)
    kinds = Counter(k for k in kind_by_name.values() if k)
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
