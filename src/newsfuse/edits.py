"""Corrections by hand that last.

An analyst who merges two events, moves a report, or sets an event's place, date, type or
figure expects the correction to hold when more reports arrive and events are rebuilt. So a
correction is never a change to a stored record: it is an entry in an audit log, and every
build re-applies it.

* **Where reports belong** (``merge``, ``move``) becomes *pins*: a report pinned to an anchor
  report is placed, by hand, in the incident that holds the anchor (or alone in a new one
  when it is its own anchor); the clusterer never merges such an incident by its own rules.
* **What a record says** (``place``, ``date``, ``type``, ``figure``) is applied to the built
  record by :func:`apply_edits`, which sets absolute values, so applying twice changes
  nothing, and the record lists the corrections it carries (``Event.edits``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from .models import Event, EventDate, Location, Total

ACTIONS = ("merge", "move", "place", "date", "type", "figure")
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments", "accident", "disaster", "other")  # as the record's schema lists them
FIGURE_TOTALS = {"killed": "fatalities", "fatalities": "fatalities", "injured": "injured", "wounded": "injured"}


class EditError(ValueError):
    """A correction that cannot be made as asked (a message for the user)."""


@dataclass
class Edit:
    """One correction: what was done to which event, why, by whom and when."""

    action: str
    event_id: str | None  # the event corrected (merge: the event kept; move: the event the report left)
    args: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    author: str | None = None
    at: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    seq: int | None = None  # its place in the log (set by the store)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Edit:
        return cls(**{k: data.get(k) for k in ("action", "event_id", "args", "reason", "author", "at", "seq")})

    def describe(self) -> str:
        """What the correction did, in a few words (the event page's "edited by hand" line)."""
        a = self.args
        text = {
            "merge": lambda: f"merged event {a.get('merged')} into this one",
            "move": lambda: (f"moved report {a.get('article')} to a new event" if a.get("to") is None
                             else f"moved report {a.get('article')} to event {a.get('to')}"),
            "place": lambda: f"place set to {a.get('name')}" + (f" ({a['country']})" if a.get("country") else ""),
            "date": lambda: f"date set to {a.get('start')}" + (f" – {a['end']}" if a.get("end") else ""),
            "type": lambda: f"type set to {a.get('event_type')}" + (f" / {a['sub_event_type']}" if a.get("sub_event_type") else ""),
            "figure": lambda: (f"{a.get('category')} set to {a.get('value')}"
                               + (f" (claim {a['claim_id']} accepted)" if a.get("claim_id") else "")),
        }.get(self.action, lambda: self.action)()
        return f"{text}: {self.reason}" if self.reason else text


def check(edit: Edit) -> Edit:
    """The edit, or an EditError saying what is wrong with it (before anything is stored)."""
    a = edit.args
    if edit.action not in ACTIONS:
        raise EditError(f"unknown correction {edit.action!r}; choose one of {', '.join(ACTIONS)}")
    if edit.action == "date":
        for name in ("start", "end"):
            if a.get(name) is not None:
                try:
                    date.fromisoformat(a[name])
                except (TypeError, ValueError):
                    raise EditError(f"{name} must be an ISO date like 2024-05-14, not {a[name]!r}") from None
        if a.get("end") and a["end"] < a["start"]:
            raise EditError("the end date comes before the start date")
    if edit.action == "place":
        if not a.get("name"):
            raise EditError("a place needs a name")
        lat, lon = a.get("lat"), a.get("lon")
        if (lat is None) != (lon is None) or (lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)):
            raise EditError("give both --lat and --lon, within -90..90 and -180..180")
    if edit.action == "type" and a.get("event_type") not in EVENT_TYPES:
        raise EditError(f"the type must be one of: {', '.join(EVENT_TYPES)}")
    if edit.action == "figure":
        if a.get("category") not in FIGURE_TOTALS:
            raise EditError(f"the figure must be one of {', '.join(FIGURE_TOTALS)}")
        if not isinstance(a.get("value"), int) or a["value"] < 0:
            raise EditError("the figure must be a whole number of people, 0 or more")
        if not a.get("claim_id") and not edit.reason:
            raise EditError("a figure no source stated needs a reason (--reason)")
    return edit


def apply_edits(event: Event, edits: list[Edit]) -> Event:
    """``event`` with the record corrections among ``edits`` applied in log order (the
    latest of a kind wins) and every correction listed; placements are already done."""
    for edit in sorted(edits, key=lambda e: e.seq or 0):
        a = edit.args
        if edit.action == "place":
            same = [loc for loc in event.locations if loc.name == a["name"]]  # replaced, keeping where reports name it
            event.locations = [loc for loc in event.locations if loc.name != a["name"]]
            for loc in event.locations:
                if loc.role == "event":
                    loc.role = "mentioned"
            event.locations.insert(0, Location(name=a["name"], country=a.get("country"), admin1=a.get("admin1"),
                                               lat=a.get("lat"), lon=a.get("lon"),
                                               precision=a.get("precision") or "town",
                                               spans=[s for loc in same for s in loc.spans], role="event"))
        elif edit.action == "date":
            event.date = EventDate(a["start"], a.get("end") or a["start"], "day", "edited")
        elif edit.action == "type":
            event.event_type, event.sub_event_type = a["event_type"], a.get("sub_event_type")
        elif edit.action == "figure":
            name = FIGURE_TOTALS[a["category"]]
            setattr(event, name, a["value"])
            basis = f"edited by hand: {edit.reason}" if edit.reason else "edited by hand"
            if a.get("claim_id"):
                basis = f"{basis} (accepted claim {a['claim_id']})"
            event.totals = [t for t in event.totals if t.category != name] + [
                Total(name, a["value"], basis, [a["claim_id"]] if a.get("claim_id") else [])]
    event.edits = [{"seq": e.seq, "at": e.at, "action": e.action, "text": e.describe(), "author": e.author}
                   for e in sorted(edits, key=lambda e: e.seq or 0)]
    return event


def placement_pins(edit: Edit, event_articles: dict[str, list[str]], pins: dict[str, str]) -> dict[str, str]:
    """The pins a merge or move sets (article -> anchor article; itself: alone), given the
    articles of the events concerned and the pins they hold now. Reports pinned to a report
    that moves are re-anchored on a report that stays, so they do not follow it."""
    def root(article: str) -> str:
        seen = set()
        while article in pins and pins[article] != article and article not in seen:
            seen.add(article)
            article = pins[article]
        return article

    out: dict[str, str] = {}
    if edit.action == "merge":  # every report of both stays together from now on
        kept, merged = event_articles[edit.event_id], event_articles[edit.args["merged"]]
        anchor = root(kept[0])
        for article in [*kept, *merged]:
            out[article] = anchor
        out.update({a: anchor for a, b in pins.items() if b in merged and a not in out})
    elif edit.action == "move":  # the report goes; the reports it leaves stay together
        article, to = edit.args["article"], edit.args.get("to")
        staying = [a for a in event_articles.get(edit.event_id, []) if a != article]
        out[article] = article if to is None else root(event_articles[to][0])
        if out[article] == article and to is not None:
            raise EditError("that report is the one the event is anchored on; move the others instead")
        if staying:
            anchor = root(staying[0]) if root(staying[0]) != article else staying[0]
            out.update({a: anchor for a in staying if a != anchor})
            out.update({a: anchor for a, b in pins.items() if b == article and a != article})
    return out
