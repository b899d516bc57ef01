"""Making a correction: check it against the store, log it, and rebuild what it changes.

The CLI (``newsfuse edit``) and the web API both come here, so a correction means the same
thing wherever it is made. See :mod:`newsfuse.edits` for how corrections last.
"""

from __future__ import annotations

from dataclasses import dataclass

from .edits import Edit, EditError, check, placement_pins
from .models import Event


@dataclass
class Corrected:
    """What a correction gave: its log number and the event it concerns now."""

    seq: int
    event_id: str | None
    text: str
    left_in: str | None = None  # a move: the event the other reports of its old event are in now


def event_id_of(store, given: str) -> str:
    """The event ``given`` names: an id, an id merged into another, or a unique prefix."""
    merged_into = store.resolve_event(given)
    matches = [merged_into] if merged_into else store.find_events(given)
    if len(matches) != 1:
        hint = "several events start with it: " + ", ".join(matches) if matches else "see `newsfuse events`"
        raise EditError(f"no single event {given!r}; {hint}")
    return matches[0]


def _event(store, event_id: str) -> Event:
    event = store.get_event(event_id)
    if event is None:
        raise EditError(f"no event {event_id!r}")
    return event


def _article_event(store, article_id: str) -> tuple[str, str]:
    """The full id of an article (a unique prefix is enough) and the event holding it."""
    if not store.has_article(article_id):
        found = store.find_articles(article_id) if article_id else []
        if len(found) != 1:
            raise EditError(f"no single report {article_id!r}; see the event's reports (`newsfuse show EVENT`)")
        article_id = found[0]
    events = store.events_of_article(article_id)
    if not events:
        raise EditError(f"report {article_id} is in no event yet; run `newsfuse run` first")
    return article_id, events[0]


def _figure(edit: Edit, event: Event) -> None:
    """An accepted claim must be one of the event's, of that category; its number is the figure."""
    claim_id = edit.args.get("claim_id")
    if not claim_id:
        return
    claim = next((c for c in event.claims if c.id == claim_id or c.id.startswith(claim_id)), None)
    if claim is None:
        raise EditError(f"event {event.id} has no claim {claim_id!r}; its claims are listed by `newsfuse show {event.id} --json`")
    if claim.number is None:
        raise EditError(f"claim {claim.id} states no number to accept")
    edit.args.update(claim_id=claim.id, value=int(claim.number), category=edit.args.get("category") or claim.category)


def _place(edit: Edit) -> None:
    """A place given by name only is looked up in the gazetteer (the most populous match,
    in ``country`` when given), so the record gets coordinates like any other place."""
    a = edit.args
    if a.get("lat") is not None:
        return
    from .geo.gazetteer import get_gazetteer

    found = [p for p in get_gazetteer().lookup(a["name"])
             if p.lat is not None and (not a.get("country") or (p.country or "").upper() == a["country"].upper())]
    if not found:
        raise EditError(f"no place called {a['name']!r} in the gazetteer; give --lat and --lon")
    best = max(found, key=lambda p: (p.precision == "town", p.population))  # a name given by hand means the town
    a.update(name=a["name"], lat=best.lat, lon=best.lon, country=best.country, admin1=best.admin1,
             precision=best.precision)


def correct(store, edit: Edit) -> Corrected:
    """Check ``edit`` against the store, log it, and place and rebuild what it changes."""
    from .pipeline import RunSummary, settle

    edit.args = dict(edit.args or {})
    if edit.action == "move":
        edit.args["article"], edit.event_id = _article_event(store, edit.args.get("article") or "")
        if edit.args.get("to") is not None:
            edit.args["to"] = event_id_of(store, edit.args["to"])
            if edit.args["to"] == edit.event_id:
                raise EditError(f"report {edit.args['article']} is already in event {edit.event_id}")
    else:
        edit.event_id = event_id_of(store, edit.event_id or "")
    if edit.action == "merge":
        edit.args["merged"] = event_id_of(store, edit.args.get("merged") or "")
        if edit.args["merged"] == edit.event_id:
            raise EditError("an event cannot be merged into itself")
    if edit.action == "figure":
        _figure(edit, _event(store, edit.event_id))
    if edit.action == "place":
        _place(edit)
    check(edit)
    ids = [i for i in (edit.event_id, edit.args.get("merged"), edit.args.get("to")) if i]
    articles = {i: _event(store, i).article_ids for i in ids}
    concerned = {a for ids_ in articles.values() for a in ids_}
    pins = {**store.pins(concerned), **store.pinned_to(concerned)}
    new_pins = placement_pins(edit, articles, pins) if edit.action in ("merge", "move") else {}
    replace = set(concerned) if edit.action in ("merge", "move") else {articles[edit.event_id][0]}
    seq = store.add_edit(edit.to_dict(), new_pins, replace | set(new_pins))
    settle(store, RunSummary())
    edit.seq = seq
    main = edit.args.get("article") if edit.action == "move" else articles[edit.event_id][0]
    now = store.events_of_article(main)
    staying = [a for a in articles[edit.event_id] if a != main] if edit.action == "move" else []
    left = store.events_of_article(staying[0]) if staying else []
    return Corrected(seq, now[0] if now else None, edit.describe(), left[0] if left else None)
