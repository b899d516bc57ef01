"""``newsfuse bench claims``: killed/captured minimums of ISAF press releases.

Input: one JSON object per line with ``id``, ``text``, ``date`` (event start
date) and ``gold`` (``killed_min``, ``captured_min``; see
``shared/bench/README.md`` section 3). Each ``text`` becomes a
:class:`~newsfuse.models.RawArticle` (``published`` = ``date``) and goes through
the real stages: :func:`newsfuse.pipeline.prepare_batch`,
:func:`newsfuse.pipeline.analyse_in_chunks`, then
:func:`newsfuse.analysis.claims.claims_with_mentions`. A release the cleaner
rejects predicts 0/0.

ISAF conventions learned from the dev set (also in ``docs/claims-conventions.md``):

* **Vague words** count as in the ISAF annotation: several 3, multiple 3,
  numerous 4, a few 3, a number of 3, many 3, some 2, a couple 2, a handful 3
  (``find_numbers`` keeps its own, more literal floors; the bench remaps them).
  "More than N" counts N+1 ("more than 10 suspects" -> 11).
* **Singular noun phrases** count 1: "a Taliban leader", "an insurgent",
  "another militant"; lists add up ("a leader and two associates" -> 3).
  Definite references ("the leader", "the suspects") are the same people again.
* **killed_min counts the enemy only**: insurgents, militants, leaders,
  suspects. Friendly or civilian dead (soldiers, troops, police, civilians,
  children) and background events are not counted.
* **captured_min** = captured + detained + arrested + taken into custody.
* **No double counting**: a release restates its lead ("detained several
  insurgents ... detained three insurgents"). A claim in a later sentence is
  the same people as a kept one when the category, the kind of people
  (leader-type nouns vs groups) and the count match, or either is vague, and
  it does not say "another/separate/second/further". A vague figure restated
  exactly (>= 2) takes the exact count ("several other insurgents" + "two
  additional" -> 2).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..analysis.claims import claims_with_mentions
from ..models import Article, Claim, NumberMention
from .base import BenchReport, PredictionWriter, read_jsonl
from .cluster import analysed_articles

VAGUE_COUNTS = {"several": 3, "multiple": 3, "numerous": 4, "a few": 3, "a number of": 3, "many": 3,
                "some": 2, "a couple": 2, "a couple of": 2, "a handful": 3, "a handful of": 3,
                "dozens": 24, "dozens of": 24, "scores of": 40}
FRIENDLY = re.compile(r"\b(?:soldiers?|troops?|servicem[ae]n|servicemembers?|police\w*|coalition|isaf|"
                      r"u\.?s\.?|american|afghan|civilians?|children|women|villagers?|residents?|"
                      r"marines?|personnel|officers?|guards?|workers?|people)\b", re.I)
ENEMY = re.compile(r"\b(?:insurgents?|militants?|taliban|haqqani|suspects?|suspected|fighters?|enemy|"
                   r"leaders?|commanders?|facilitators?|associates?|terrorists?|attackers?|gunmen)\b", re.I)
CAPTURED = {"captured", "arrested"}


def count_of(claim: Claim, mention: NumberMention) -> int:
    """The ISAF-style minimum a single claim stands for."""
    if claim.qualifier == "vague":
        key = " ".join(mention.text.lower().split())
        key = re.sub(r"^at least\s+", "", key)
        return VAGUE_COUNTS.get(key, int(claim.low or 0))
    if claim.qualifier == "more_than" and claim.number is not None:
        return int(claim.number) + 1
    if claim.number is not None:
        return int(claim.number)
    return int(claim.low or 0)


def counts_for(claim: Claim) -> bool:
    """Is this an event-scope figure about the enemy (or unnamed people)?"""
    if claim.scope != "event":
        return False
    whose = claim.whose or ""
    return not (FRIENDLY.search(whose) and not ENEMY.search(whose))


LEADER = re.compile(r"\b(?:leaders?|commanders?|sub-commanders?|facilitators?|financiers?|emirs?|chiefs?|"
                    r"officials?|bomb-makers?|couriers?|deput(?:y|ies)|experts?|operatives?|members?)\b", re.I)
NEW_GROUP = re.compile(r"\b(?:another|separate|second|further)\b", re.I)


def _group(claim: Claim) -> str:
    return "leader" if LEADER.search(claim.whose or "") else "group"


def release_minimum(text: str, pairs: list[tuple[Claim, NumberMention]], categories: set[str]) -> int:
    """Conservative total of one category over a release, without double counting.

    A claim in a later sentence restates an earlier kept one (same category
    set, same kind of people: leader-type vs group, same count or either vague)
    unless its words mark a new group ("also", "another", "separate"). A vague
    figure restated exactly takes the exact count.
    """
    kept: list[list] = []  # [claim, count, vague]
    for c, m in pairs:
        if c.category not in categories or not counts_for(c):
            continue
        n, vague = count_of(c, m), c.qualifier == "vague"
        ctx = text[max(c.start, m.start - 40):m.end]
        dup = None
        if not NEW_GROUP.search(ctx):
            for k in kept:
                if k[0].start != c.start and _group(k[0]) == _group(c) and (k[1] == n or k[2] or vague):
                    dup = k
                    break
        if dup is None:
            kept.append([c, n, vague])
        elif dup[2] and not vague and n > 1:
            dup[1], dup[2] = n, False
    return sum(k[1] for k in kept)


def predict(article: Article | None) -> dict[str, int]:
    if article is None:
        return {"killed_min": 0, "captured_min": 0}
    pairs = claims_with_mentions(article)
    return {"killed_min": release_minimum(article.text, pairs, {"killed"}),
            "captured_min": release_minimum(article.text, pairs, CAPTURED)}


def run(
    data: Path,
    *,
    limit: int | None = None,
    predictions: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> BenchReport:
    """Score killed_min / captured_min predictions against the gold minimums."""
    data = Path(data)
    items: list[dict[str, Any]] = list(read_jsonl(data, limit=limit))
    for obj in items:  # the release's own event date is the publication date the stages see
        obj.setdefault("lang", "en")
    analysed = analysed_articles(items, name=data.name, progress=progress)
    t0 = time.perf_counter()
    preds = [predict(a) for a in analysed.articles]
    seconds_claims = time.perf_counter() - t0
    n = len(items)
    metrics: dict[str, float | int | None] = {"n": n}
    for key in ("killed", "captured"):
        gold = [int(obj["gold"][f"{key}_min"]) for obj in items]
        pred = [p[f"{key}_min"] for p in preds]
        metrics[f"{key}_accuracy"] = sum(g == p for g, p in zip(gold, pred)) / n if n else None
        metrics[f"{key}_mae"] = sum(abs(g - p) for g, p in zip(gold, pred)) / n if n else None
    seconds = analysed.seconds_prepare + analysed.seconds_analyse + seconds_claims
    metrics["seconds_per_doc"] = seconds / n if n else None
    with PredictionWriter(predictions) as writer:
        for obj, p in zip(items, preds):
            writer.write({"id": obj.get("id"), **p})
    notes = ["killed_min counts enemy dead only; captured_min = captured + detained + arrested"]
    if analysed.failed:
        notes.append(f"{len(analysed.failed)} item(s) rejected by the cleaner, predicted 0/0")
    return BenchReport("claims", str(data), n, metrics, seconds=seconds, notes=notes)
