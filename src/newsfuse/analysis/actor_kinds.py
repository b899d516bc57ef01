"""Kinds of actors as ACLED codes them (state forces, rebels, militias, rioters, protesters,
civilians, external forces), from the noun a report names them by: data/actor_kinds.tsv.

Shared by the event type (is an attack's target armed?) and the event's actors (their
``kind`` and ACLED ``inter`` code), so it sits below both.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Kinds that bear arms: violence against them is a battle, not violence against civilians.
ARMED_INTER = {"state_forces": 1, "police": 1, "rebels": 2, "political_militia": 3, "identity_militia": 4}
KIND_NAMES = {
    "state_forces": "State forces", "police": "Police", "rebels": "Rebels",
    "political_militia": "Unidentified armed group", "identity_militia": "Identity militia",
    "rioters": "Rioters", "protesters": "Protesters", "civilians": "Civilians", "external": "External forces",
}


@lru_cache(maxsize=1)
def kind_patterns() -> list[tuple[str, int, re.Pattern[str]]]:
    """(kind, inter, pattern), longest pattern first."""
    rows = []
    text = resources.files("newsfuse.data").joinpath("actor_kinds.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, inter, pattern = line.split("\t", 2)
            rows.append((kind, int(inter), pattern.strip()))
    rows.sort(key=lambda r: -len(r[2]))
    return [(k, i, re.compile(r"(?<![\w-])(?:" + p + r")(?![\w-])", re.I)) for k, i, p in rows]


def kinds_in(phrase: str) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, inter) of every actor noun in ``phrase``, longest wording kept."""
    found: list[tuple[int, int, str, int]] = []
    for kind, inter, rx in kind_patterns():
        for m in rx.finditer(phrase):
            if not any(s <= m.start() and m.end() <= e for s, e, _, _ in found):
                found.append((m.start(), m.end(), kind, inter))
    return sorted(found)


def kind_at(phrase: str) -> tuple[str, int] | None:
    """(kind, inter) of the head noun of a short phrase: the last actor noun in it
    ("two Armenian soldiers" -> state forces, "the man's family" -> civilians)."""
    found = kinds_in(phrase)
    return (found[-1][2], found[-1][3]) if found else None
