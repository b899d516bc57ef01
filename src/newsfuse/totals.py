"""ACLED-style totals: one ``fatalities`` and one ``injured`` number per event.

Analysts sort and sum events by them, so each is a single whole number built from
the reconciled rows (:mod:`newsfuse.casualties`) by one documented rule
(docs/reconciliation.md, "Totals"), with the rows it used:

* A row's figure is its ``best`` (a figure somebody stated). Regional sub-totals
  never add to a national figure; the largest of them is a floor.
* **Parts and totals are never added twice.** A row that counts everybody
  ("people", no side, "troops on both sides", or "troops" with no side where each
  side's troops are counted too) is a total; rows that count one
  group (a side's soldiers, civilians, police officers, attackers) are parts. The
  total is the larger of the largest everybody-row and the sum of the parts.
  Attackers are the exception: "a man was killed" and "the gunman also died" are
  two people, so the attackers' row adds to an everybody-row (news counts the
  shooter apart from the victims; registries such as the GVA count both) when one
  report counts him apart, unless a report says its figure includes him ("three dead
  in a murder-suicide", "three people are dead, including the gunman").
* ``injured`` is the wounded total; where reports only say how many were *shot*
  ("four people were shot, one fatally"), the shot who did not die are injured:
  shot − fatalities, never below the wounded total.
* **The wounded who die later move, they are not added.** Early reports lag the
  final count: "a courier was critically injured" on Monday, "the courier has
  died" on Wednesday is one person, killed. When the reports that give the
  fatalities were all written after the reports the injured figure comes from, and
  those earlier reports counted fewer dead, the difference leaves the injured.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .analysis.claims_groups import group_class
from .models import Article, Casualty, Claim, Total

EVERYBODY = {None, "people", "unspecified"}
ADDITIVE = "attackers"


def _rows(casualties: Sequence[Casualty], category: str) -> list[Casualty]:
    return [c for c in casualties if c.category == category and c.best is not None]


def _everybody(row: Casualty) -> bool:
    return row.side is None and (row.whose in EVERYBODY or (row.whose or "").endswith("on both sides"))


_INCLUSIVE = re.compile(
    r"\bmurder[- ]suicide\b|\bincluding\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:gunman|shooter|suspect|attacker|assailant|"
    r"perpetrator|bomber)\b|\b(?:gunman|shooter|suspect|attacker)\s+(?:is|was)\s+among\s+(?:the\s+)?dead\b|"
    r"\bone\s+(?:is|was)\s+(?:definitely\s+)?the\s+(?:gunman|shooter|suspect|attacker)\b", re.I)


def _includes_attackers(claims: Sequence[Claim], ids: set[str]) -> bool:
    """Does a report say its whole figure counts the attacker too? A sentence that counts him
    apart itself ("the farmer shot dead his two brothers and then himself, a murder-suicide")
    does not: its figure is the victims'."""
    apart = {(c.article_id, c.field, c.start) for c in claims if c.whose == ADDITIVE}
    return any(c.id in ids and _INCLUSIVE.search(c.quote) and (c.article_id, c.field, c.start) not in apart
               for c in claims)


def _told_apart(claims: Sequence[Claim], whole: Sequence[Casualty], attackers: Sequence[Casualty]) -> bool:
    """Does one report count the attacker apart from the others ("killed two people before killing
    himself")? Across reports, "one person was killed" and "the suspect was killed" are often one man."""
    article = {c.id: c.article_id for c in claims}
    ids = lambda rows: {article.get(i) for r in rows for i in r.claim_ids + r.superseded_ids} - {None}  # noqa: E731
    return bool(ids(whole) & ids(attackers))


def category_total(casualties: Sequence[Casualty], category: str,
                   claims: Sequence[Claim] = ()) -> tuple[int, str, list[str]]:
    """(total, how it was formed, claim ids used) for one category (see module docstring);
    ``claims``: the event's claims, read for words saying a total includes the attacker."""
    rows = _rows(casualties, category)
    national = [r for r in rows if r.region is None]
    sided = {group_class(r.whose) for r in national if r.side}  # classes the sides are counted in
    whole = [r for r in national if _everybody(r) or (r.side is None and group_class(r.whose) in sided)]
    parts = [r for r in national if r not in whole]
    attackers = [r for r in parts if r.whose == ADDITIVE]
    candidates: list[tuple[float, str, list[Casualty]]] = []
    if whole:
        top = max(whole, key=lambda r: r.best or 0)
        inclusive = _includes_attackers(claims, {i for r in whole for i in r.claim_ids + r.superseded_ids})
        if attackers and not inclusive and (not claims or _told_apart(claims, whole, attackers)):
            candidates.append((top.best + sum(r.best for r in attackers), "everybody + attackers", [top, *attackers]))
        candidates.append((top.best, f"stated total ({top.whose or 'people'})", [top]))
    if parts:
        names = " + ".join(f"{r.whose or r.side}" for r in parts)
        candidates.append((sum(r.best for r in parts), f"sum of parts: {names}", parts))
    regional = [r for r in rows if r.region is not None]
    if regional:
        top = max(regional, key=lambda r: r.best or 0)
        candidates.append((top.best, f"largest regional figure ({top.region})", [top]))
    if not candidates:
        return 0, "no figure reported", []
    value, basis, used = max(candidates, key=lambda c: c[0])
    return int(round(value)), basis, [i for r in used for i in r.claim_ids]


def event_totals(casualties: Sequence[Casualty], claims: Sequence[Claim] = ()) -> list[Total]:
    """``fatalities`` and ``injured`` of one event, each with its basis."""
    killed, k_basis, k_ids = category_total(casualties, "killed", claims)
    wounded, w_basis, w_ids = category_total(casualties, "wounded")
    shot, s_basis, s_ids = category_total(casualties, "shot")
    injured = (wounded, w_basis, w_ids)
    if shot - killed > wounded:
        injured = (shot - killed, f"shot ({shot}) − fatalities ({killed})", s_ids + k_ids)
    return [Total("fatalities", killed, k_basis, k_ids), Total("injured", *injured)]


def _published(articles: Sequence[Article], ids: set[str]) -> list[str]:
    return sorted(a.published or "" for a in articles if a.id in ids)


def later_deaths(articles: Sequence[Article], claims: Sequence[Claim], totals: list[Total],
                 killed_of: Callable[[Article], int]) -> list[Total]:
    """``totals`` with the wounded who died after the injured figure was stated moved out of it
    (see the module docstring); ``killed_of(article)``: the fatalities one report gives alone."""
    fatalities, injured = totals
    if not fatalities.value or not injured.value:
        return totals
    article_of = {c.id: c.article_id for c in claims}
    injured_from = {article_of[i] for i in injured.claim_ids if i in article_of}
    killed_from = {article_of[i] for i in fatalities.claim_ids if i in article_of}
    before, after = _published(articles, injured_from), _published(articles, killed_from)
    if not before or not after or not before[-1] or before[-1] >= after[0]:
        return totals
    counted = max(killed_of(a) for a in articles if a.id in injured_from)
    died_since = fatalities.value - counted
    if died_since <= 0:
        return totals
    moved = max(0, injured.value - died_since)
    return [fatalities, Total("injured", moved, f"{injured.basis} − {died_since} who died after it was reported",
                              injured.claim_ids + fatalities.claim_ids)]
