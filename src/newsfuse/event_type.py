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
``accident``, ``disaster`` or ``other``. Vocabulary: data/event_actions.tsv; the rules
and the PLOVER mapping used to measure them: docs/event-types.md.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .analysis.sentences import split_sentences
from .actor_kinds import ARMED_INTER, kind_at, kinds_in
from .models import Article

ACCIDENT, DISASTER, OTHER = "accident", "disaster", "other"
# action -> family; families are what compete for the event's type.
FAMILY = {
    "clash": "battle", "firefight": "battle", "territory": "battle",
    "shelling": "remote", "air_strike": "remote", "explosive": "remote", "suicide_bomb": "remote",
    "grenade": "remote", "explosion": "explosion",
    "shooting": "violence", "attack": "violence", "abduction": "violence", "sexual_violence": "violence",
    "protest": "protest", "protest_force": "protest", "riot": "riot",
    "agreement": "agreement", "destruction": "destruction",
    "air_crash": ACCIDENT, "road_crash": ACCIDENT, "rail_crash": ACCIDENT, "shipwreck": ACCIDENT,
    "fire": ACCIDENT, "accidental_shooting": ACCIDENT,
    "flood": DISASTER, "earthquake": DISASTER, "storm": DISASTER, "wildfire": DISASTER,
    "landslide": DISASTER, "volcano": DISASTER,
}
# Outcomes and follow-ups: they say what came of an incident, not what it was.
WEAK = {"kill": "violence", "arrest": "arrest", "follow_up": None}
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
PRIOR_FACTOR = 0.3
SCOPE_CHARS = 60  # how far a "threatened to" or an "after" reaches forward in its clause
TIE_ORDER = ["remote", "battle", "violence", "explosion", "protest", "riot", ACCIDENT, DISASTER,
             "destruction", "agreement", "arrest"]


@dataclass(frozen=True)
class ActionMention:
    action: str
    start: int
    end: int
    factor: float  # 1 for the sentence's own action, less under "after", 0 under "threatened to"


@dataclass(frozen=True)
class _Lexicon:
    actions: dict[str, re.Pattern[str]]
    block: re.Pattern[str]
    prior: re.Pattern[str]
    past: re.Pattern[str]
    brk: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    rows: dict[str, list[str]] = {}
    text = resources.files("newsfuse.data").joinpath("event_actions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        action, pattern = line.split("\t", 1)
        rows.setdefault(action, []).append(pattern.strip())

    def compile_(patterns: list[str]) -> re.Pattern[str]:  # longest first: "bomb attack" before "bomb"
        ordered = sorted(patterns, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(ordered) + r")(?![\w-])", re.IGNORECASE)

    scope = {k: rows.pop(k) for k in ("_block", "_prior", "_past", "_break")}
    return _Lexicon({a: compile_(p) for a, p in rows.items()}, compile_(scope["_block"]),
                    compile_(scope["_prior"]), compile_(scope["_past"]), compile_(scope["_break"]))


def sentence_actions(sentence: str) -> list[ActionMention]:
    """The actions a sentence names, longest wording first, each with how much it counts.
    Cached: typing, its parties and the actors read the same core sentences of an event."""
    return list(_sentence_actions(sentence))


@lru_cache(maxsize=8192)
def _sentence_actions(sentence: str) -> tuple[ActionMention, ...]:
    lex = lexicon()
    found = [(m.start(), m.end(), action) for action, rx in lex.actions.items() for m in rx.finditer(sentence)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, action in found:  # "exchange of gunfire" is a clash, not also a shooting
        if any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in kept):
            continue
        if any(s == start and e == end for s, e, _ in kept):
            continue
        kept.append((start, end, action))
    punct = [m.end() for m in re.finditer(r"[,;:(]", sentence)]
    words = [(m.start(), m.end(), m.group().lower()) for m in lex.brk.finditer(sentence)]
    # a statement reaches into its "that" clause ("denied that troops shelled"); nothing else does
    block_breaks = [0] + punct + [e for _, e, w in words if w != "that"]
    breaks = [0] + punct + [e for _, e, _ in words]
    blocks = [(m.start(), m.end()) for m in lex.block.finditer(sentence)]
    priors = [(m.start(), m.end()) for m in lex.prior.finditer(sentence)]
    pasts = [(m.start(), m.end()) for m in lex.past.finditer(sentence)]
    mentions = []
    for start, end, action in kept:
        if any(s <= start < e for s, e in blocks):
            continue  # "seized control" is an action; its "seized" blocks nothing

        def governs(spans: list[tuple[int, int]], stops: list[int]) -> bool:
            clause = max(b for b in stops if b <= start)
            return any(clause <= s and e <= start and start - e <= SCOPE_CHARS for s, e in spans)

        later = [b for b in breaks if b > end]
        clause_end = min(later) if later else len(sentence)
        past = any(end <= s < min(clause_end, end + SCOPE_CHARS) for s, _ in pasts)
        factor = 0.0 if governs(blocks, block_breaks) else PRIOR_FACTOR if governs(priors, breaks) or past else 1.0
        mentions.append(ActionMention(action, start, end, factor))
    return tuple(_background_alone(mentions))


def _background_alone(mentions: list[ActionMention]) -> list[ActionMention]:
    """An action named as what came before counts when the sentence's own event is its
    outcome or follow-up ("died after being shot", "charged after the shooting"); when the
    sentence's own event is something else ("lifted a curfew after riots"), it does not."""
    own = [m for m in mentions if m.factor == 1.0]
    if own:
        return mentions
    return [ActionMention(m.action, m.start, m.end, 0.0) for m in mentions]


def core_sentences(article: Article) -> list[tuple[str, float]]:
    """(sentence, weight): the title and the first sentences of substance."""
    sentences = [s.text for s in article.sentences] or [s.text for s in split_sentences(article.text)]
    substantial = [s for s in sentences if len(s.split()) >= MIN_WORDS]
    title = (article.title or "").rstrip("…. ")
    # a title cut from the lead itself (a report without a headline) is not a second voice
    own_title = title and not (substantial and substantial[0].startswith(title))
    core = [(article.title, TITLE_WEIGHT)] if own_title else []
    core += list(zip(substantial, CORE_WEIGHTS))
    return core


@dataclass
class Votes:
    """What the reports say happened: votes per action, and the sentences that cast them."""

    actions: Counter[str]
    sentences: list[str]

    def family(self, name: str) -> float:
        return sum(v for a, v in self.actions.items() if FAMILY.get(a) == name)


def collect_votes(articles: list[Article]) -> Votes:
    votes: Counter[str] = Counter()
    used: list[str] = []
    for article in (a for a in articles if not a.derived_from):
        core = core_sentences(article)
        cast = _cast(core, votes, used)
        if not cast:  # nothing named in the lead: the rest of the report, faintly
            rest = [s.text for s in article.sentences or split_sentences(article.text)][len(core):]
            _cast([(s, LATE_WEIGHT) for s in rest], votes, used)
    return Votes(votes, used)


def _cast(sentences: list[tuple[str, float]], votes: Counter[str], used: list[str]) -> bool:
    cast = False
    for text, weight in sentences:
        mentions = [m for m in sentence_actions(text) if m.factor > 0]
        for m in mentions:
            votes[m.action] += weight * m.factor * ACTION_WEIGHT.get(m.action, 1.0)
        if mentions:
            used.append(text)
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
        if votes.actions["arrest"] > votes.actions["kill"]:
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
            return "Battles", _territory_subtype(votes.sentences)
        return "Battles", "Armed clash"
    if family == "violence":
        top = _top(votes, ["shooting", "attack", "abduction", "sexual_violence"])
        if top in ("abduction", "sexual_violence"):
            return "Violence against civilians", SUBTYPE[top]
        if families["protest"] >= 0.5 and _targets(votes.sentences).get("protesters"):
            return "Protests", "Excessive force against protesters"
        if 0 < a["firefight"] >= 0.5 * a["shooting"] or _armed_target(votes.sentences):  # both sides fired
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if family in ("protest", "riot"):
        if families["riot"] >= max(1.0, 0.5 * families["protest"]):
            mob = any(re.search(r"\b(?:mobs?|lynch\w*)\b", s, re.I) for s in votes.sentences)
            return "Riots", "Mob violence" if mob and families["protest"] < 1 else "Violent demonstration"
        lethal = a["shooting"] + a["kill"] >= 0.5 * families["protest"]
        if lethal or (families["violence"] and _targets(votes.sentences).get("protesters")):
            return "Protests", "Excessive force against protesters"  # lethal force, or force aimed at them
        if a["protest_force"] > 0 or a["arrest"] > 0:
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


# Who an attack is done to: the object of an active verb, or the subject of a passive one.
_ACTIVE = re.compile(r"\b(?:shot|shoot|attack(?:ed|ing)?|ambush(?:ed|ing)?|fired (?:at|on|upon)|"
                     r"opened fire (?:at|on)|killed|wounded|stabbed|gunned down|targeted)\s+((?:[^\s,;:]+\s+){0,3}[^\s,;:]+)",
                     re.I)
_PASSIVE = re.compile(r"((?:[^\s,;:]+\s+){0,2}?[^\s,;:]+)\s+(?:was|were|had been|have been|has been|being)\s+(?:\w+ly\s+)?"
                      r"(?:shot|attacked|ambushed|killed|wounded|stabbed|gunned down|targeted|fired (?:at|on|upon))\b",
                      re.I)


_REPORTED = re.compile(r"\b(?:say|says|said|told|reported|believe|believed|according to)\b", re.I)
_SUSPECT = re.compile(r"\bsuspect", re.I)
_NO_OBJECT = re.compile(r"\s*(?:$|[,.;:]|(?:in|on|outside|near|during|while|after|early|late|overnight|"
                        r"dead|to death|and (?:killed|wounded|injured))\b)", re.I)
_NOT_OBJECT = re.compile(r"(?:by|in|while|after|during|near|outside|at|to|and|when|as|with|on|from|into)\b", re.I)


def _targets(sentences: list[str]) -> Counter[str]:
    """Kinds of people attacked in these sentences ("opened fire on protesters" -> protesters)."""
    kinds: Counter[str] = Counter()
    for sentence in sentences:
        for rx, head in ((_ACTIVE, 0), (_PASSIVE, -1)):  # the object's head comes first, the subject's last
            for m in rx.finditer(sentence):
                phrase = _REPORTED.split(m.group(1))[-1]  # "women police say were shot": the women
                if rx is _ACTIVE and _NOT_OBJECT.match(phrase):
                    continue  # "shot by a deputy", "shot in the leg": no object
                nouns = kinds_in(phrase)
                found = nouns[head][2:] if nouns else None
                if found and not (found[0] == "political_militia" and _SUSPECT.search(phrase)):
                    kinds[found[0]] += 1  # a suspect is not known to be armed
    return kinds


def _armed_target(sentences: list[str]) -> bool:
    """Was the attack done to armed forces more than to anyone else?"""
    targets = _targets(sentences)
    armed = sum(n for kind, n in targets.items() if ARMED_INTER.get(kind))
    return armed > sum(targets.values()) - armed


def _territory_subtype(sentences: list[str]) -> str:
    """ACLED's territory sub-types: state forces regain, non-state actors overtake."""
    for sentence in sentences:
        m = re.search(r"((?:\S+\s+){0,4}?\S+)\s+(?:have |has |had )?(?:re)?(?:took|taken|retake|retaken|"
                      r"recaptured|captured|overran|overrun|seized)\b", sentence, re.I)
        if m:
            kind = kind_at(m.group(1))
            if kind and kind[0] in ("state_forces", "police"):
                return "Government regains territory"
            if kind:
                return "Non-state actor overtakes territory"
    return "Armed clash"


def incident_parties(articles: list[Article]) -> tuple[Counter[str], Counter[str]]:
    """Kinds of the incident's agents and of its targets, from its core sentences
    ("police said a gunman opened fire on four men": agent a gunman, target men)."""
    agents: Counter[str] = Counter()
    for sentence in collect_votes(articles).sentences:
        for m in sentence_actions(sentence):
            if m.factor < 1 or m.action in WEAK:
                continue
            before = re.split(r"[,;:()]", sentence[max(0, m.start - 50):m.start])[-1]
            passive = re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", before)
            if not passive and _NO_OBJECT.match(sentence[m.end:]):
                continue  # headline passive ("Four men shot outside bar"): they are its targets
            if passive:
                by = re.match(r"\s*(?:\S+\s+){0,3}?by\s+((?:\S+\s+){0,2}\S+)", sentence[m.end:m.end + 50])
                phrase = by.group(1) if by else ""
            else:
                phrase = " ".join(before.split()[-4:])
            kind = kind_at(phrase) if phrase else None
            if kind:
                agents[kind[0]] += 1
    targets = _targets(collect_votes(articles).sentences)
    return agents, targets
