"""Figures a report implies without a numeral.

* **A shooter who dies by his own hand is a casualty too.** "killed himself", "took his
  own life", "turned the gun on himself" count one dead attacker; registries (GVA, ACLED)
  count the perpetrator among the dead, and news counts him apart from the victims
  ("killed two people before killing himself"), so the claim's group is ``attackers`` and
  the totals add it (totals.py). "Shot himself" says nothing of death: one ``shot``.
* **A fatal incident** ("police investigate a fatal shooting") counts at least one dead
  where the report states no figure.
* **Nobody** ("no one else was injured", "no injuries were reported") is a figure: 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Article, Claim

_KILLED_SELF = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|fatally\s+shoot(?:ing|s)?|fatally\s+shot)\s+(?:himself|herself)\b|"
    r"\b(?:took|taking|takes|take)\s+(?:his|her)\s+own\s+life\b|"
    r"\bturn(?:ed|ing|s)?\s+the\s+(?:gun|weapon|rifle|pistol|shotgun|handgun)\s+on\s+(?:himself|herself)\b|"
    r"\b(?:self-inflicted|self inflicted)\s+(?:gunshot\s+)?wound\b[^.;]{0,40}\b(?:died|dead|killed|fatal)\b|"
    r"\bdied\s+(?:of|from)\s+an?\s+(?:apparent\s+)?self-inflicted\b|"
    r"\bshot\s+(?:himself|herself)\b[^.;]{0,80}?\b(?:later\s+)?died\b|"
    r"\bdie[sd]?\s+after\s+(?:accidentally\s+)?shooting\s+(?:himself|herself)\b", re.I)
_SHOT_SELF = re.compile(r"\b(?:shot|shoots|shooting)\s+(?:himself|herself|self)\b", re.I)


_FATAL_INCIDENT = re.compile(  # "police investigate a fatal shooting": somebody died, how many it does not say
    r"\b(?:fatal|deadly)\s+(?:shooting|stabbing|attack|crash|wreck|fire|explosion|accident|incident|"
    r"officer-involved\s+shooting)\b(?!\s+of\b)(?!s)", re.I)


Where = Callable[[int, int], object]  # (sentence index, position) -> the sentence's claimant or scope


def _claim(article: Article, cid: int, idx: int, pos: int, claimant_of: Where, scope_of: Where, *,
           category: str, number: float, qualifier: str, whose: str, high: float | None) -> Claim:
    """An implied figure of sentence ``idx``, attributed and scoped as the other claims are."""
    s = article.sentences[idx]
    return Claim(id=f"{article.id}-c{cid}", category=category, number=number, qualifier=qualifier, whose=whose,
                 side=None, claimant=claimant_of(idx, pos), article_id=article.id,
                 quote=article.text[s.start:s.end], start=s.start, end=s.end, low=number, high=high,
                 scope=scope_of(idx, pos))


def fatal_incidents(article: Article, first_id: int, claimant_of: Where, scope_of: Where) -> list[Claim]:
    """At least one dead wherever a report calls the incident fatal or deadly, one claim per sentence
    (``whose`` people: the victims; a figure stated elsewhere supersedes this floor)."""
    out: list[Claim] = []
    for idx, s in enumerate(article.sentences):
        m = _FATAL_INCIDENT.search(article.text, s.start, s.end)
        if m:
            out.append(_claim(article, first_id + len(out), idx, m.start(), claimant_of, scope_of,
                              category="killed", number=1.0, qualifier="at_least", whose="people", high=None))
    return out


def self_inflicted(article: Article, first_id: int, claimant_of: Where, scope_of: Where) -> list[Claim]:
    """One claim per sentence that tells of a self-inflicted death (or shot), ids from ``first_id``.
    ``claimant_of``/``scope_of(sentence index, position)``: the sentence's attribution and scope,
    as for the other claims."""
    out: list[Claim] = []
    for idx, s in enumerate(article.sentences):
        category = "killed"
        m = _KILLED_SELF.search(article.text, s.start, s.end)
        if m is None:
            category, m = "shot", _SHOT_SELF.search(article.text, s.start, s.end)
        if m is not None:
            out.append(_claim(article, first_id + len(out), idx, m.start(), claimant_of, scope_of,
                              category=category, number=1.0, qualifier="exact", whose="attackers", high=1.0))
    return out


_NOBODY = re.compile(
    r"\b(?:no\s+one|nobody|no\s+other\s+(?:people|person|one))\s+(?:else\s+)?(?:was|were|has\s+been|had\s+been|is)\s+"
    r"(?:reported\s+)?(?P<kw>injured|hurt|wounded|killed|shot|struck|harmed)\b|"
    r"\bno\s+(?:other\s+)?(?P<noun>injuries|deaths|casualties|fatalities)\s+(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:immediately\s+)?reported\b|\bthere\s+were\s+no\s+(?P<noun2>injuries|deaths|casualties|fatalities)\b", re.I)
_NOBODY_CATEGORY = {"injured": "wounded", "hurt": "wounded", "wounded": "wounded", "harmed": "wounded",
                    "killed": "killed", "shot": "shot", "struck": "shot", "injuries": "wounded", "deaths": "killed",
                    "casualties": "wounded", "fatalities": "killed"}


def nobody(article: Article, first_id: int, claimant_of: Where, scope_of: Where) -> list[Claim]:
    """A figure of 0 where a report says nobody (else) was hurt or killed."""
    out: list[Claim] = []
    for idx, s in enumerate(article.sentences):
        for m in _NOBODY.finditer(article.text, s.start, s.end):
            word = (m.group("kw") or m.group("noun") or m.group("noun2")).lower()
            out.append(_claim(article, first_id + len(out), idx, m.start(), claimant_of, scope_of,
                              category=_NOBODY_CATEGORY[word], number=0.0, qualifier="exact", whose="people",
                              high=0.0))
    return out
