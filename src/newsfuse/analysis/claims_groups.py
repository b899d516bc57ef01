"""Whose casualties a figure counts, as a clean group phrase.

The claims finder reads the words after a figure ("16-year-old girl", "of its
soldiers", "others were wounded in separate"); an analyst needs the group those
words name: people, attackers, police officers, civilians, protesters, a side's
soldiers or militants. The group comes from the phrase's head noun, looked up in
``data/claims_groups.tsv``; a phrase with no known head names no group (``None``)
rather than showing a fragment ("gunshot", "fatally", "-hour period").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .claims_vocab import demonyms

GROUPS_FILE = Path(__file__).resolve().parents[1] / "data" / "claims_groups.tsv"


@lru_cache(maxsize=1)
def head_groups() -> dict[str, tuple[str, bool]]:
    """head noun (lower case) -> (group name, keeps the noun as written)."""
    table: dict[str, tuple[str, bool]] = {}
    for line in GROUPS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group, heads = line.split("\t", 1)
        as_written = group.endswith("*")
        for head in heads.split():
            table[head.replace("_", " ").lower()] = (group.rstrip("*"), as_written)
    return table


_BOTH_SIDES = re.compile(r"\bon both sides\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


def _plural(noun: str) -> str:
    if noun.endswith(("s", "ry", "personnel", "military", "men")) or noun in ("police", "people"):
        return {"army": "army", "military": "military"}.get(noun, noun)
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def group_phrase(whose: str | None, side: str | None = None) -> str | None:
    """The group a casualty phrase counts: "16-year-old girl" -> "people", "Kyrgyz soldiers" ->
    "Kyrgyz soldiers", "of the gunmen" -> "attackers", "gunshot" -> None."""
    if not whose:
        return None
    whose = re.sub(r"\b\d{1,3}-year-olds?\b", "person", whose)  # "a 17-year-old" names a person
    words = [w.lower().strip("'’-") for w in _WORD.findall(whose)]
    table = head_groups()
    found = None
    for i in range(len(words)):  # the first known head, two-word heads first ("police officers")
        two = " ".join(words[i:i + 2]) if i + 1 < len(words) else None
        if two and two in table:
            found = (two, table[two])
            break
        if words[i] in table:
            found = (words[i], table[words[i]])
            break
    if found is None:
        return None
    head, (group, as_written) = found
    if not as_written:
        return group
    demonym = _side_demonym(side) if side else None
    noun = _plural(head)
    phrase = f"{demonym} {noun}" if demonym else noun
    return phrase + " on both sides" if _BOTH_SIDES.search(whose) else phrase


@lru_cache(maxsize=256)
def _side_demonym(side: str) -> str | None:
    return next((dem for iso, dem in demonyms().values() if iso == side), None)


def group_class(whose: str | None) -> str | None:
    """The class a group phrase belongs to, for grouping figures: "Georgian troops" and "soldiers"
    are both ``soldiers``, "militants" and "insurgents" ``militants``; a phrase no head names is None."""
    if not whose:
        return None
    for word in reversed(_WORD.findall(whose.lower())):
        found = head_groups().get(word)
        if found:
            return found[0] + (" on both sides" if _BOTH_SIDES.search(whose) else "")
    return whose.lower()
