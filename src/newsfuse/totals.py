"""ACLED-style totals: one ``fatalities`` and one ``injured`` number per event.

Analysts sort and sum events by them, so each is a single whole number built from
the reconciled rows (:mod:`newsfuse.casualties`) by one documented rule
(docs/reconciliation.md, "Totals"), with the rows it used:

* A row's figure is its ``best`` (a figure somebody stated). Regional sub-totals
  never add to a national figure; the largest of them is a floor.
* **Parts and totals are never added twice.** A row that counts everybody
  ("people", no side, "troops on both sides") is a total; rows that count one
  group (a side's soldiers, civilians, police officers, attackers) are parts. The
  total is the larger of the largest everybody-row and the sum of the parts.
  Attackers are the exception: "a man was killed" and "the gunman also died" are
  two people, so the attackers' row adds to an everybody-row (news counts the
  shooter apart from the victims; registries such as the GVA count both).
* ``injured`` is the wounded total; where reports only say how many were *shot*
  ("four people were shot, one fatally"), the shot who did not die are injured:
  shot − fatalities, never below the wounded total.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Casualty, Total

EVERYBODY = {None, "people", "unspecified"}
ADDITIVE = "attackers"


def _rows(casualties: Sequence[Casualty], category: str) -> list[Casualty]:
    return [c for c in casualties if c.category == category and c.best is not None]


def _everybody(row: Casualty) -> bool:
    return row.side is None and (row.whose in EVERYBODY or (row.whose or "").endswith("on both sides"))


def category_total(casualties: Sequence[Casualty], category: str) -> tuple[int, str, list[str]]:
    """(total, how it was formed, claim ids used) for one category (see module docstring)."""
    rows = _rows(casualties, category)
    national = [r for r in rows if r.region is None]
    whole = [r for r in national if _everybody(r)]
    parts = [r for r in national if not _everybody(r)]
    attackers = [r for r in parts if r.whose == ADDITIVE]
    candidates: list[tuple[float, str, list[Casualty]]] = []
    if whole:
        top = max(whole, key=lambda r: r.best or 0)
        if attackers:
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


def event_totals(casualties: Sequence[Casualty]) -> list[Total]:
    """``fatalities`` and ``injured`` of one event, each with its basis."""
    killed, k_basis, k_ids = category_total(casualties, "killed")
    wounded, w_basis, w_ids = category_total(casualties, "wounded")
    shot, s_basis, s_ids = category_total(casualties, "shot")
    injured = (wounded, w_basis, w_ids)
    if shot - killed > wounded:
        injured = (shot - killed, f"shot ({shot}) − fatalities ({killed})", s_ids + k_ids)
    return [Total("fatalities", killed, k_basis, k_ids), Total("injured", *injured)]
