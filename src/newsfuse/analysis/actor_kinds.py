"""Kinds of actors as ACLED codes them (state forces, rebels, militias, rioters, protesters,
civilians, external forces), from the noun a report names them by: data/actor_kinds.tsv.

Read by the analysis of actions (is an attack's target armed? who acts?) and of actor mentions,
and by the event's actors (their ``kind`` and ACLED ``inter`` code), so it sits below all of them.
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
def _rows() -> list[tuple[str, int, str]]:
    """(kind, inter, pattern) of data/actor_kinds.tsv, longest pattern first."""
    rows = []
    text = resources.files("newsfuse.data").joinpath("actor_kinds.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, inter, pattern = line.split("\t", 2)
            rows.append((kind, int(inter), pattern.strip()))
    rows.sort(key=lambda r: -len(r[2]))
    return rows


def _word(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def kind_patterns() -> list[tuple[str, int, re.Pattern[str]]]:
    """(kind, inter, pattern), longest pattern first."""
    return [(k, i, _word(p)) for k, i, p in _rows()]


@lru_cache(maxsize=1)
def _any_kind() -> re.Pattern[str]:
    """Matches wherever one of the kind patterns does: most phrases name no actor at all."""
    return _word("|".join(p for _, _, p in _rows()))


def kinds_in(phrase: str) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, inter) of every actor noun in ``phrase``, longest wording kept."""
    found: list[tuple[int, int, str, int]] = []
    if not _any_kind().search(phrase):
        return found
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
