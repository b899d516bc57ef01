"""ACLED event type and sub-type of an event, read from the incident's own core sentences.

An event's type is what its incident *is*: the action its reports lead with (who did what
to whom), not a count of words anywhere in them. Each independent report votes with its
title and first sentences. An action named under a statement, a plan or a negation
("condemned the attack", "threatened to shell", "no one was shot") does not vote, and one
named as what led to the event ("after a shooting") votes little. Outcomes and follow-ups
(killed, died, arrested, charged) decide only when no action is named, so a shooting
followed by an arrest stays a shooting. The main action and its target then give the
ACLED type and sub-type: violence against armed forces, or where both sides fired, is a
battle; against anyone else it is violence against civilians. What ACLED does not code is
``accident``, ``disaster`` or ``other``. Each sentence's actions, how much each counts
and who they are done by or to are read once per article (analysis/actions.py,
``article.actions``); this module only weighs them. Vocabulary: data/event_actions.tsv;
the rules and the PLOVER mapping used to measure them: docs/event-types.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .analysis import annotation
from .analysis.actions import WEAK_ACTIONS
from .analysis.actor_kinds import ARMED_INTER
from .analysis.sentences import split_sentences
from .models import Article, SentenceActions, Span

ACCIDENT, DISASTER, OTHER = "accident", "disaster", "other"
# action -> family; families are what compete for the event's type.
FAMILY = {
    "clash": "battle", "firefight": "battle", "territory": "battle",
    "shelling": "remote", "air_strike": "remote", "explosive": "remote", "suicide_bomb": "remote",
    "grenade": "remote", "explosion": "explosion",
    "shooting": "violence", "attack": "violence", "abduction": "violence", "sexual_violence": "violence",
    "protest": "protest", "protest_force": "protest", "blockade": "protest", "riot": "riot",
    "agreement": "agreement", "destruction": "destruction",
    "air_crash": ACCIDENT, "road_crash": ACCIDENT, "rail_crash": ACCIDENT, "shipwreck": ACCIDENT,
    "fire": ACCIDENT, "accidental_shooting": ACCIDENT,
    "flood": DISASTER, "earthquake": DISASTER, "storm": DISASTER, "wildfire": DISASTER,
    "landslide": DISASTER, "volcano": DISASTER,
}
# Outcomes and follow-ups: they say what came of an incident, not what it was.
WEAK = {"kill": "violence", "arrest": "arrest", "follow_up": None}
assert set(WEAK) == WEAK_ACTIONS  # the analysis reads no agent for these
# How much one word of an action counts; a modifier counts less than the action it modifies.
ACTION_WEIGHT = {"protest_force": 0.5, "destruction": 0.5, "attack": 0.6, "accidental_shooting": 2.0, "follow_up": 0.0}
SUBTYPE = {
    "shelling": "Shelling/artillery/missile attack", "air_strike": "Air/drone strike",
    "explosive": "Remote explosive/landmine/IED", "suicide_bomb": "Suicide bomb", "grenade": "Grenade",
    "abduction": "Abduction/forced disappearance", "sexual_violence": "Sexual violence",
    "air_crash": "Air crash", "road_crash": "Road crash", "rail_crash": "Rail crash", "shipwreck": "Shipwreck",
    "fire": "Fire", "accidental_shooting": "Accidental shooting", "explosion": "Explosion",
    "flood": "Flood", "earthquake": "Earthquake", "storm": "Storm", "wildfire": "Wildfire",
    "landslide": "Landslide", "volcano": "Volcanic eruption",
}
# Title and the first sentences are the incident's core; later sentences tell background,
# reactions and follow-ups, and vote only when a report's core names no action.
CORE_WEIGHTS = (2.0, 1.5, 1.0)
TITLE_WEIGHT = 1.5
LATE_WEIGHT = 0.25
MIN_WORDS = 5  # a dateline or a caption is not a core sentence
TIE_ORDER = ["remote", "battle", "violence", "explosion", "protest", "riot", ACCIDENT, DISASTER,
             "destruction", "agreement", "arrest"]


def _sentences(article: Article) -> list[Span]:
    return article.sentences or split_sentences(article.text)


def core_sentences(article: Article) -> list[tuple[tuple[str, int], float]]:
    """((field, start), weight) of the title and the first sentences of substance."""
    substantial = [s for s in _sentences(article) if len(s.text.split()) >= MIN_WORDS]
    title = (article.title or "").rstrip("…. ")
    # a title cut from the lead itself (a report without a headline) is not a second voice
    own_title = title and not (substantial and substantial[0].text.startswith(title))
    core = [(("title", 0), TITLE_WEIGHT)] if own_title else []
    core += [(("text", s.start), weight) for s, weight in zip(substantial, CORE_WEIGHTS)]
    return core


@dataclass
class Votes:
    """What the reports say happened: votes per action, and the sentences that cast them
    (with the people their actions are done by or to, read by analysis/actions.py)."""

    actions: Counter[str]
    sentences: list[SentenceActions]
    own: Counter[str]  # the votes of actions told as the sentence's own event (not what led to it)

    def family(self, name: str) -> float:
        return sum(v for a, v in self.actions.items() if FAMILY.get(a) == name)

    def parties(self, label: str) -> Counter[str]:
        """Kinds of the agents, targets or captors of the voting sentences, in order."""
        return Counter(p.kind for s in self.sentences for p in s.parties if p.label == label and p.kind)


def collect_votes(articles: list[Article]) -> Votes:
    votes: Counter[str] = Counter()
    own: Counter[str] = Counter()
    used: list[SentenceActions] = []
    for article in (a for a in articles if not a.derived_from):
        actions: list[SentenceActions] = annotation(article, "actions")
        read = {(s.field, s.start): s for s in actions}
        core = core_sentences(article)
        cast = _cast([(read.get(key), weight) for key, weight in core], votes, own, used)
        if not cast:  # nothing named in the lead: the rest of the report, faintly
            rest = _sentences(article)[len(core):]
            _cast([(read.get(("text", s.start)), LATE_WEIGHT) for s in rest], votes, own, used)
    return Votes(votes, used, own)


def _cast(sentences: list[tuple[SentenceActions | None, float]], votes: Counter[str], own: Counter[str],
          used: list[SentenceActions]) -> bool:
    cast = False
    for sentence, weight in sentences:
        mentions = [m for m in sentence.actions if m.factor > 0] if sentence else []
        for m in mentions:
            votes[m.action] += weight * m.factor * ACTION_WEIGHT.get(m.action, 1.0)
            if m.factor == 1.0:
                own[m.action] += weight * ACTION_WEIGHT.get(m.action, 1.0)
        if mentions:
            used.append(sentence)
            cast = cast or any(m.action not in WEAK for m in mentions)
    return cast


def classify(articles: list[Article]) -> tuple[str | None, str | None]:
    """(event type, sub-event type) of the incident the articles report.

    ACLED's type and sub-type, or ``accident`` / ``disaster`` / ``other`` (the latter with
    no sub-type) for what ACLED does not code; (None, None) for no independent report.
    """
    if not any(not a.derived_from for a in articles):
        return None, None
    votes = collect_votes(articles)
    families = {f: votes.family(f) for f in TIE_ORDER}
    strong = {f: v for f, v in families.items() if f not in ("arrest",) and v > 0}
    if not strong:  # only outcomes or follow-ups were named
        if votes.actions["arrest"] and not votes.actions["kill"]:  # an arrest after a death is its aftermath
            return "Strategic developments", "Arrests"
        return ("Violence against civilians", "Attack") if votes.actions["kill"] else (OTHER, None)
    family = max(strong, key=lambda f: (strong[f], -TIE_ORDER.index(f)))
    return _resolve(family, votes, families)


def _top(votes: Votes, actions: list[str]) -> str:
    return max(actions, key=lambda a: (votes.actions[a], -actions.index(a)))


def _resolve(family: str, votes: Votes, families: dict[str, float]) -> tuple[str, str | None]:
    a = votes.actions
    if family == "explosion":  # an explosion is an attack only when a bomb or an attack is named
        if a["explosive"] + a["suicide_bomb"] + a["grenade"] + a["attack"] > 0:
            family = "remote"
        else:
            return ACCIDENT, "Explosion"
    if family == "violence" and a["accidental_shooting"] >= 0.25 * families["violence"]:
        return ACCIDENT, "Accidental shooting"
    if family == "remote":  # a bombing's own words ("suicide", "grenade") say which kind
        bombing = a["explosive"] + a["explosion"] + a["suicide_bomb"] + a["grenade"]
        if bombing >= a["shelling"] + a["air_strike"]:
            kind = next((m for m in ("suicide_bomb", "grenade") if a[m] > 0), "explosive")
            return "Explosions/Remote violence", SUBTYPE[kind]
        return "Explosions/Remote violence", SUBTYPE[_top(votes, ["shelling", "air_strike"])]
    if family == "battle":
        if a["territory"] > a["clash"]:
            return "Battles", _territory_subtype(votes)
        return "Battles", "Armed clash"
    if family == "violence":
        top = _top(votes, ["shooting", "attack", "abduction", "sexual_violence"])
        if top in ("abduction", "sexual_violence"):
            return "Violence against civilians", SUBTYPE[top]
        if families["protest"] >= 0.5 and votes.parties("target").get("protesters"):
            return "Protests", "Excessive force against protesters"
        if 0 < a["firefight"] >= 0.5 * a["shooting"] or _armed_target(votes):  # both sides fired
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if family in ("protest", "riot"):
        if families["riot"] >= max(1.0, 0.5 * families["protest"]) or not families["protest"]:
            mob = any(s.mob for s in votes.sentences)
            return "Riots", "Mob violence" if mob and families["protest"] < 1 else "Violent demonstration"
        # force at the protest itself: arrests or deaths named as what led to it ("in protest at
        # last week's arrests", "marched after police shot a student") are its cause, not force used on it
        own = votes.own
        lethal = own["shooting"] + own["kill"] >= 0.5 * families["protest"]
        if lethal or (families["violence"] and votes.parties("target").get("protesters")):
            return "Protests", "Excessive force against protesters"  # lethal force, or force aimed at them
        if a["protest_force"] > 0 or own["arrest"] > 0:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if family == "destruction":
        return "Strategic developments", "Looting/property destruction"
    if family == "agreement":
        return "Strategic developments", "Agreement"
    if family == ACCIDENT:
        return ACCIDENT, SUBTYPE[_top(votes, [k for k, f in FAMILY.items() if f == ACCIDENT])]
    if family == DISASTER:
        return DISASTER, SUBTYPE[_top(votes, [k for k, f in FAMILY.items() if f == DISASTER])]
    return OTHER, None


def _armed_target(votes: Votes) -> bool:
    """Was the attack done to armed forces more than to anyone else?"""
    targets = votes.parties("target")
    armed = sum(n for kind, n in targets.items() if ARMED_INTER.get(kind))
    return armed > sum(targets.values()) - armed


def _territory_subtype(votes: Votes) -> str:
    """ACLED's territory sub-types: state forces regain, non-state actors overtake."""
    kind = next(iter(votes.parties("captor")), None)  # the first sentence that names who took it
    if kind in ("state_forces", "police"):
        return "Government regains territory"
    return "Non-state actor overtakes territory" if kind else "Armed clash"


def incident_parties(articles: list[Article]) -> tuple[Counter[str], Counter[str]]:
    """Kinds of the incident's agents and of its targets, from its core sentences
    ("police said a gunman opened fire on four men": agent a gunman, target men)."""
    votes = collect_votes(articles)
    return votes.parties("agent"), votes.parties("target")
