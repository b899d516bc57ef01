"""People listed together make one figure: "an elderly woman and a boy died" is 2.

The claims finder counts each listed person ("an elderly woman", "a boy") as its own
mention of 1. Reconciliation keeps one figure per claimant and group, so two
1s from one sentence would read as one person restated. A list is one count: the
members joined by "and"/commas in one sentence, of one category and group, become
one claim whose number is their sum; an indefinite person followed by "and" and a
bare person noun ("a woman and girl", "a man and his wife") counts both.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Claim, NumberMention
from .claims_groups import group_phrase
from .claims_people import INDEF_RE, PERSON_SING
from .claims_vocab import KW_RE

_JOINED = re.compile(r"[\w'’\- ]{0,60}?(?:,\s*and|,|\s+and|\s*&)\s*", re.I)
_BLOCK = re.compile(r"\b(?:was|were|is|are|has|had|have|who|which|that|while|but|after|before|when|including|"
                    r"among|of them|of whom)\b", re.I)
_BARE_PARTNER = re.compile(rf"\s+and\s+(?!(?:an?|another|the|one|two|three|\d+)\b)(?:his|her|their)?\s*(?:[\w'’\-]+\s+){{0,2}}?(?:{PERSON_SING})\b(?!['’]s)",
                           re.I)
_APPOSITION = re.compile(r",\s*$")


def _joined(text: str, a: NumberMention, b: NumberMention) -> bool:
    gap = text[a.end:b.start]
    return bool(_JOINED.fullmatch(gap)) and not _BLOCK.search(gap) and not KW_RE.search(gap)


def _partner(text: str, m: NumberMention, end: int, counted: set[int]) -> bool:
    """"a woman and girl", "a man and his wife": a second person with no count of its own
    (``counted``: where the claims' mentions start; a partner that is one is merged as a list member)."""
    if m.text.lower() not in ("a", "an"):
        return False
    np = INDEF_RE.match(text, m.start)
    partner = np and _BARE_PARTNER.match(text, np.end(), end)
    return bool(partner) and not any(partner.start() < p < partner.end() for p in counted)


def _same_group(a: Claim, b: Claim) -> bool:
    ga, gb = group_phrase(a.whose, a.side), group_phrase(b.whose, b.side)
    return ga == gb or None in (ga, gb)


def merge_lists(text: str, pairs: list[tuple[Claim, NumberMention]]) -> list[tuple[Claim, NumberMention]]:
    """``pairs`` (claim, mention) in text order, with listed people merged into one claim."""
    out: list[tuple[Claim, NumberMention]] = []
    starts = {m.start for _, m in pairs}
    for claim, m in pairs:
        if claim.number is not None and claim.qualifier == "exact" and _partner(text, m, claim.end, starts):
            claim = replace(claim, number=claim.number + 1, low=claim.number + 1, high=claim.number + 1)
        if out:
            pc, pm = out[-1]
            if (pc.start == claim.start and pc.category == claim.category and pc.scope == claim.scope
                    and pc.side == claim.side and _same_group(pc, claim)
                    and pc.number is not None and claim.number is not None
                    and pc.qualifier == claim.qualifier == "exact" and _joined(text, pm, m)
                    and not _APPOSITION.search(text, max(0, pm.start - 3), pm.start)):
                total = pc.number + claim.number
                merged = replace(pc, number=total, low=total, high=total, whose=pc.whose or claim.whose)
                out[-1] = (merged, NumberMention(pm.start, m.end, text[pm.start:m.end], total, "exact", total, total))
                continue
        out.append((claim, m))
    return out
