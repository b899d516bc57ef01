"""ACLED event type and sub-type from an event's reports, by weighted cue words.

Cues are counted in the headline and lead (weight 2) and the rest of each
independent report (weight 1); the sub-type with most evidence wins, and its
ACLED type comes with it. Reports about something ACLED does not code (a flood,
an election) score nothing and get ``None`` rather than a forced label.
"""

from __future__ import annotations

import re
from collections import Counter

from .models import Article

# sub-type -> (ACLED type, cue patterns)
SUBTYPES: dict[str, tuple[str, list[str]]] = {
    "Armed clash": ("Battles", [r"clash(?:es|ed)?", r"fighting", r"fought", r"exchange(?:d)? (?:of )?fire",
                                r"gun ?battle", r"firefight", r"shoot-?out", r"skirmish(?:es)?", r"offensive",
                                r"border fight", r"hostilities"]),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", [
        r"shell(?:ing|ed|s)", r"artillery", r"mortars?", r"rockets?", r"missiles?", r"bombard(?:ment|ed)",
        r"barrage"]),
    "Air/drone strike": ("Explosions/Remote violence", [r"air ?strikes?", r"drone strikes?", r"drones?",
                                                        r"bomb(?:ing|ed) raid", r"warplanes?"]),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", [r"IEDs?", r"roadside bomb", r"landmines?",
                                                                    r"improvised explosive", r"car bomb"]),
    "Suicide bomb": ("Explosions/Remote violence", [r"suicide (?:bomb(?:er|ing)?|attack)"]),
    "Attack": ("Violence against civilians", [r"massacre", r"gunmen (?:killed|attacked|opened fire)",
                                              r"attack(?:ed)? (?:on )?(?:civilians|villagers|worshippers)"]),
    "Abduction/forced disappearance": ("Violence against civilians", [r"abduct(?:ed|ion)", r"kidnapp(?:ed|ing)",
                                                                       r"forced disappearance"]),
    "Peaceful protest": ("Protests", [r"protest(?:s|ers|ed)?", r"demonstrat(?:ion|ors|ed)", r"rall(?:y|ies)",
                                      r"march(?:ed|ers)?", r"sit-in"]),
    "Protest with intervention": ("Protests", [r"tear ?gas", r"baton", r"water cannon", r"police (?:charged|dispersed)",
                                               r"rubber bullets"]),
    "Violent demonstration": ("Riots", [r"riot(?:s|ers|ing)?", r"set (?:fire|ablaze)", r"smash(?:ed)?",
                                        r"threw (?:stones|rocks|flares|bottles)", r"looting"]),
    "Arrests": ("Strategic developments", [r"arrest(?:s|ed)?", r"detain(?:ed|s)?"]),
    "Agreement": ("Strategic developments", [r"ceasefire agreement", r"peace (?:deal|agreement|treaty) (?:was )?signed",
                                             r"agreed (?:a|to a) (?:truce|ceasefire)"]),
}
_PATTERNS = {sub: re.compile(r"\b(?:" + "|".join(p) + r")\b", re.IGNORECASE) for sub, (_, p) in SUBTYPES.items()}
LEAD_CHARS = 400
MIN_EVIDENCE = 2.0


def classify(articles: list[Article]) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) of the event the articles report, or (None, None)."""
    scores: Counter[str] = Counter()
    for article in (a for a in articles if not a.derived_from):
        lead = f"{article.title}\n{article.text[:LEAD_CHARS]}"
        rest = article.text[LEAD_CHARS:]
        for sub, pattern in _PATTERNS.items():
            scores[sub] += 2 * len(pattern.findall(lead)) + len(pattern.findall(rest))
    families: Counter[str] = Counter()
    for sub, score in scores.items():
        families[SUBTYPES[sub][0]] += score
    protests = families.pop("Protests", 0) + families.pop("Riots", 0)
    if protests:
        families["Protests"] = protests + scores["Arrests"]  # arrests at a protest are its policing
        families["Strategic developments"] -= scores["Arrests"]
    order = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Strategic developments"]
    family = max(order, key=lambda f: (families[f], -order.index(f)))
    if families[family] < MIN_EVIDENCE:
        return None, None
    if family == "Protests":
        if scores["Violent demonstration"] >= MIN_EVIDENCE:
            return "Riots", "Violent demonstration"
        if scores["Protest with intervention"] + scores["Arrests"] > 0:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    sub = max((s for s in SUBTYPES if SUBTYPES[s][0] == family), key=lambda s: scores[s])
    return SUBTYPES[sub][0], sub
