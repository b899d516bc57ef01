"""Roles that place a speaker on a country's side (``article.speaker_roles``).

"Colonel X, a spokesman for the Kyrgyz defence ministry" and "the Kyrgyz defence
ministry's spokesman, X": a report introduces its speakers once, often in another report
than the one whose figure they give. Each such role is kept with where the name beside
it ends or begins, so the event stage (casualties.speaker_sides) places a claimant of
any report by comparing the claimant's words there, without searching the text.
"""

from __future__ import annotations

import re

from ..models import Article, SpeakerRole
from .claims_vocab import country_of

_AFTER_NAME = re.compile(r",\s+(?:a|an|the)\s+([^,.;:\"“”]{3,80})")
_BEFORE_NAME = re.compile(r"\b(?:a|an|the)\s+([^,.;:\"“”]{3,60}),\s*$", re.I)
BEFORE_WINDOW = 70  # how far before a name its role is looked for


def find_speaker_roles(article: Article) -> list[SpeakerRole]:
    """Every role that names a country, after a name (", a spokesman for ...") or before
    one ("the ministry's spokesman, "), in text order."""
    text = article.text
    roles: list[SpeakerRole] = []
    for comma in re.finditer(r",\s*", text):
        after = _AFTER_NAME.match(text, comma.start())
        if after:
            country = country_of(after.group(1))
            if country:
                roles.append(SpeakerRole(after.start(1), after.end(1), after.group(1), country[0],
                                         comma.start(), "after"))
        name_at = comma.end()  # a name starts after the comma and its spaces
        window_start = max(0, name_at - BEFORE_WINDOW)
        before = _BEFORE_NAME.search(text[window_start:name_at])
        if before:
            country = country_of(before.group(1))
            if country:
                roles.append(SpeakerRole(window_start + before.start(1), window_start + before.end(1),
                                         before.group(1), country[0], name_at, "before"))
    return roles


def side_of(name: str, reports: list[tuple[Article, list[SpeakerRole]]]) -> str | None:
    """The country the first role beside ``name`` (or the name without its rank) gives,
    reading the reports (each with its speaker roles) in order; None when none places it."""
    words = name.split()
    forms = [name] + ([" ".join(words[1:])] if len(words) > 2 else [])  # without a rank: "Nurbek Toktosunov"
    for article, roles in reports:
        text = article.text
        for form in forms:
            found = []
            for role in roles:
                if role.position == "after" and text.endswith(form, 0, role.name_at):
                    found.append((role.name_at - len(form), 0, role.country))
                elif role.position == "before" and text.startswith(form, role.name_at):
                    found.append((role.name_at, 1, role.country))
            if found:
                return min(found)[2]
    return None
