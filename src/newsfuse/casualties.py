"""Reconcile casualty claims into one figure per (category, side), UCDP-style.

Rules (docs/reconciliation.md has worked examples):

1. Only ``scope == "event"`` claims count; background figures (earlier wars,
   cumulative tolls) are kept on the articles but never reconciled. Claims from
   reports marked ``derived_from`` another repeat their origin and are skipped.
2. Regional sub-totals ("three killed in Batken Region") form their own rows
   (``region`` set) and never conflict with a national total.
3. Claims are grouped by (category, side); a claim without a side is grouped by
   whose casualties it counts ("civilians", "troops on both sides").
4. Within a group, each claimant (the country it speaks for, when known) keeps
   its **latest** figure: a later report from the same claimant supersedes an
   earlier one; on the same day or undated, the figure it repeats in most reports
   (within one report a smaller figure is usually a part of the larger: "three are
   dead" and "a woman was found dead" — the larger wins), then the
   larger (tolls are revised upward far more often than down). Superseded claims
   stay listed under ``superseded_ids``. A claimant the claims could not place
   ("Colonel X") takes the side any report of the event gives it ("Colonel X, a
   spokesman for the Kyrgyz defence ministry"). A claim with no side that restates one
   side's figure ("23 soldiers" beside Kyrgyzstan's "23 of its soldiers") joins it, and a
   claim that says nothing of whose casualties ("3 killed", "18 people wounded") joins the
   one group that gives the same figure ("3 civilians").
5. Across claimants: ``low``/``high`` span their current figures (ranges and
   "at least" floors included); ``best`` is always a figure somebody stated: the
   side's own admission when the claimant is that side, else the current figure of
   the most authoritative claimant (an official body before a named witness before
   the outlet's own voice), the latest first, then the figure most claimants repeat.
   Never an average: a median of 5 and 10,000 is nobody's figure. Different claimants giving the same
   quantity in words no single figure can satisfy is a ``conflict`` ("11" against
   "more than 30"; not "at least 23" against "27"); figures about different sides never are.
6. ``rule="conservative"`` (ACLED) takes the lowest current figure as ``best``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .analysis.claims_groups import group_class
from .models import Article, Casualty, Claim

RULES = ("best", "conservative")


@dataclass
class _Current:
    claim: Claim
    order: tuple
    superseded: list[str] = field(default_factory=list)
    provisional: bool = False  # any statement of the current figure by this claimant says it may rise


def speaker_sides(articles: list[Article]) -> dict[str, str]:
    """Sides of claimants the claims could not place, from how any report of the event
    introduces them: "Colonel X, a spokesman for the Kyrgyz defence ministry" -> KG (the
    roles are read per article: analysis/speakers.py, ``article.speaker_roles``)."""
    from .analysis import annotation
    from .analysis.speakers import side_of

    names = {c.claimant for a in articles for c in a.claims if c.claimant and not c.claimant_side
             and any(w[:1].isupper() for w in c.claimant.split())}
    if not names:
        return {}
    reports = [(a, annotation(a, "speaker_roles")) for a in articles]
    sides = {name: side_of(name, reports) for name in names}
    return {name: side for name, side in sides.items() if side}


def claimant_key(claim: Claim, source: str, side: str | None = None) -> str:
    """Who says it: the country the claimant speaks for, else the claimant's words,
    else the outlet itself when nobody is quoted."""
    side = side or claim.claimant_side
    if side:
        return f"side:{side}"
    if not claim.claimant:
        return f"outlet:{source.lower()}"
    return re.sub(r"^(?:the|a|an)\s+", "", claim.claimant.strip().lower())


def _value(claim: Claim) -> float | None:
    return claim.number if claim.number is not None else claim.low


GENERIC = {"people", "persons", "individuals", "others", "unspecified"}  # say nothing about whose


def _group_key(claim: Claim) -> tuple[str, str]:
    """(category, group): a side, else the class of whose casualties ("troops" and "soldiers" are one)."""
    if claim.side:
        who = claim.side
    elif claim.whose:
        who = group_class(re.sub(r"\s+", " ", claim.whose))
    else:
        who = "unspecified"
    return claim.category, "unspecified" if who in GENERIC else who


def _order(claim: Claim, article: Article | None, times: int, position: int) -> tuple:
    """Later reports first; on the same day (or undated), the figure the claimant
    repeats most, then the larger (tolls are revised up far more often than down)."""
    published = article.published if article and article.published else ""
    return (published, times, _value(claim) or 0, position)


def reconcile(articles: list[Article], rule: str = "best") -> list[Casualty]:
    """Casualty rows for one event from its articles' claims."""
    if rule not in RULES:
        raise ValueError(f"unknown fatality rule {rule!r}; choose one of {', '.join(RULES)}")
    by_id = {a.id: a for a in articles}
    usable = [(a, c) for a in articles if not a.derived_from for c in a.claims
              if c.scope == "event" and _value(c) is not None]
    sided = defaultdict(set)  # (category, region) -> {(side, value)}
    described = defaultdict(set)  # (category, region) -> {(whose, value)} for claims with no side
    for _, c in usable:
        if c.side:
            sided[(c.category, c.regional)].add((c.side, _value(c)))
        elif _group_key(c)[1] != "unspecified":
            described[(c.category, c.regional)].add((_group_key(c)[1], _value(c)))
    speakers = speaker_sides(articles)
    voice = lambda c, a: claimant_key(c, a.source, speakers.get(c.claimant or ""))  # noqa: E731
    # How often each claimant states each figure: a claimant's repeated figure is its figure.
    stated = {(voice(c, a), c.category, c.side, _value(c), a.id) for a, c in usable}  # once per report
    repeats = Counter(key[:4] for key in stated)
    groups: dict[tuple[str, str, str | None], dict[str, _Current]] = defaultdict(dict)
    for position, (article, claim) in enumerate(usable):
        category, who = _group_key(claim)
        if not claim.side:  # "49 soldiers" restating one side's own figure belongs to that side
            sides = {side for side, value in sided[(category, claim.regional)] if value == _value(claim)}
            if len(sides) == 1:
                who = sides.pop()
            elif who == "unspecified":  # "3 killed" beside "3 civilians killed" counts the civilians
                whose = {w for w, value in described[(category, claim.regional)] if value == _value(claim)}
                if len(whose) == 1:
                    who = whose.pop()
        key = (category, who, claim.regional)
        speaker = voice(claim, article)
        times = repeats[(speaker, claim.category, claim.side, _value(claim))]
        order = _order(claim, by_id.get(claim.article_id), times, position)
        current = groups[key].get(speaker)
        if current is None:
            current = groups[key][speaker] = _Current(claim, order)
        elif order > current.order:
            same = _value(current.claim) == _value(claim)
            current = groups[key][speaker] = _Current(
                claim, order, current.superseded + [current.claim.id], current.provisional and same)
        else:
            current.superseded.append(claim.id)
        if _value(claim) == _value(current.claim) and claim.provisional:
            current.provisional = True
    rows = [_row(key, currents, rule, speakers) for key, currents in groups.items()]
    return sorted(rows, key=lambda c: (c.region is not None, c.category, -(c.best or 0)))


ABOUT = 0.2  # "about N" admits N ± 20 %


def interval(claim: Claim) -> tuple[float, float]:
    """What a claim's words allow: "at least 23" is [23, ∞), "about 50" is [40, 60]."""
    n = _value(claim)
    inf = float("inf")
    if claim.qualifier in ("at_least", "more_than", "vague"):
        return (claim.low if claim.low is not None else n), inf
    if claim.qualifier in ("at_most", "fewer_than"):
        return 0.0, (claim.high if claim.high is not None else n)
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        return claim.low, claim.high
    if claim.qualifier == "about":
        return n * (1 - ABOUT), n * (1 + ABOUT)
    return n, n


def compatible(claims: list[Claim]) -> bool:
    """Can one true figure satisfy every claim? "At least 23" and "27" can; "11" and "more than 30" cannot."""
    intervals = [interval(c) for c in claims]
    return max(lo for lo, _ in intervals) <= min(hi for _, hi in intervals)


_OFFICIAL = re.compile(
    r"\b(?:ministry|ministries|government|officials?|police|polic\w+|sheriff\w*|deput(?:y|ies)|coroner|medical examiner|"
    r"prosecutors?|district attorney|authorities|spokes(?:man|woman|person)|department|army|military|forces|"
    r"governor|president|minister|mayor|chief|agency|office|command|headquarters|hospital|doctors|"
    r"state media|news agency)\b", re.I)


def authority(claim: Claim, side: str | None = None) -> int:
    """How much a claimant's word weighs: 2 an official body, 1 another named source, 0 the outlet's own voice."""
    if side or claim.claimant_side:
        return 2
    if not claim.claimant:
        return 0
    return 2 if _OFFICIAL.search(claim.claimant) else 1


def _standing(current: _Current, values: list[float | None]) -> tuple:
    """Which claimant's current figure is best: most authoritative, latest, most repeated, then larger."""
    claim = current.claim
    return (authority(claim), current.order[0], values.count(_value(claim)), _value(claim) or 0)


def _row(key: tuple[str, str, str | None], currents: dict[str, _Current], rule: str,
         speakers: dict[str, str]) -> Casualty:
    category, who, region = key
    claims = [c.claim for c in currents.values()]
    values = [_value(c) for c in claims]
    lows = [c.low if c.low is not None else _value(c) for c in claims]
    highs = [c.high if c.high is not None else _value(c) for c in claims]
    side = next((c.side for c in claims if c.side), None)
    own = [c for c in claims if side and c.claimant and (c.claimant_side or speakers.get(c.claimant)) == side]
    if rule == "conservative":
        best = min(values)
    elif own:
        best = _value(own[0])
    else:
        best = _value(max(currents.values(), key=lambda cur: _standing(cur, values)).claim)
    whose = next((c.whose for c in claims if c.whose and c.side == side), None)
    whose = whose or next((c.whose for c in claims if c.whose), None)
    return Casualty(
        category=category,
        side=side,
        whose=whose or (None if who == "unspecified" else who),
        best=best,
        low=min(x for x in lows if x is not None),
        high=max(x for x in highs if x is not None),
        conflict=not compatible(claims),
        claim_ids=[c.id for c in claims],
        superseded_ids=[i for cur in currents.values() for i in cur.superseded],
        provisional=any(cur.provisional for cur in currents.values()),
        region=region,
    )

