"""``newsfuse edit``: corrections by hand that later runs keep (see :mod:`newsfuse.edits`).

Each subcommand logs one correction with an optional reason and rebuilds the events it
changes; ``newsfuse edit log`` shows the audit log.
"""

from __future__ import annotations

import json
import os

import click

from .cli_options import db_option, err, out
from .cli_options import open_existing as _open_existing

reason_option = click.option("--reason", default=None, help="Why (kept in the audit log and shown on the event).")
author_option = click.option("--author", default=lambda: os.environ.get("USER"), show_default="$USER",
                             help="Who made the correction.")


def _correct(db: str, action: str, event_id: str | None, args: dict, reason: str | None, author: str | None) -> None:
    from .correct import correct
    from .edits import Edit, EditError
    from .store.sqlite import StoreError

    store = _open_existing(db, readonly=False)
    try:
        done = correct(store, Edit(action, event_id, args, reason, author))
    except (EditError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    where = f"; now in event {done.event_id}" if done.event_id else ""
    if done.left_in:  # ids follow founding reports: moving an event's first report takes its id along
        where += f"; the reports it left are event {done.left_in}"
    err.print(f"correction {done.seq} logged: {done.text}{where}", highlight=False)


@click.group()
def edit() -> None:
    """Correct events by hand; corrections hold through later runs.

    \b
    Examples:
      newsfuse edit merge ev-83b1 ev-e59c --reason "one clash, two datelines"
      newsfuse edit move fa69509f --new --reason "an earlier incident"
      newsfuse edit move fa69509f --to ev-f58b
      newsfuse edit place ev-83b1 Osh --country KG
      newsfuse edit date ev-83b1 2024-05-14
      newsfuse edit type ev-83b1 Battles --sub-type "Armed clash"
      newsfuse edit figure ev-83b1 killed 7 --reason "ministry's final count"
      newsfuse edit figure ev-83b1 killed --accept c-1a2b3c
      newsfuse edit log ev-83b1
    """


@edit.command()
@click.argument("keep")
@click.argument("other")
@reason_option
@author_option
@db_option
def merge(keep: str, other: str, reason: str | None, author: str | None, db: str) -> None:
    """Merge event OTHER into event KEEP (OTHER's id keeps resolving to KEEP)."""
    _correct(db, "merge", keep, {"merged": other}, reason, author)


@edit.command()
@click.argument("report")
@click.option("--to", "to", default=None, help="The event the report belongs to.")
@click.option("--new", "alone", is_flag=True, help="The report tells of an incident of its own: a new event.")
@reason_option
@author_option
@db_option
def move(report: str, to: str | None, alone: bool, reason: str | None, author: str | None, db: str) -> None:
    """Move a REPORT (article id or prefix) to another event, or to a new one."""
    if (to is None) == (not alone):
        raise click.UsageError("give either --to EVENT or --new")
    _correct(db, "move", None, {"article": report, "to": to}, reason, author)


@edit.command()
@click.argument("event_id")
@click.argument("name")
@click.option("--country", default=None, help="ISO 3166 alpha-2 code, to pick among places of that name.")
@click.option("--admin1", default=None, help="Province or state.")
@click.option("--lat", type=click.FloatRange(-90, 90), default=None)
@click.option("--lon", type=click.FloatRange(-180, 180), default=None)
@reason_option
@author_option
@db_option
def place(event_id: str, name: str, country: str | None, admin1: str | None, lat: float | None,
          lon: float | None, reason: str | None, author: str | None, db: str) -> None:
    """Set where EVENT_ID happened (looked up in the gazetteer unless --lat/--lon are given)."""
    args = {"name": name, "country": country.upper() if country else None, "admin1": admin1, "lat": lat, "lon": lon}
    _correct(db, "place", event_id, args, reason, author)


@edit.command()
@click.argument("event_id")
@click.argument("start")
@click.option("--end", default=None, help="The last day, for an event over several days.")
@reason_option
@author_option
@db_option
def date(event_id: str, start: str, end: str | None, reason: str | None, author: str | None, db: str) -> None:
    """Set the day (ISO, 2024-05-14) EVENT_ID happened."""
    _correct(db, "date", event_id, {"start": start, "end": end}, reason, author)


@edit.command("type")
@click.argument("event_id")
@click.argument("event_type")
@click.option("--sub-type", default=None, help="ACLED sub-event type, e.g. 'Armed clash'.")
@reason_option
@author_option
@db_option
def set_type(event_id: str, event_type: str, sub_type: str | None, reason: str | None, author: str | None,
             db: str) -> None:
    """Set EVENT_ID's type (ACLED event types, see docs/event-types.md)."""
    _correct(db, "type", event_id, {"event_type": event_type, "sub_event_type": sub_type}, reason, author)


@edit.command()
@click.argument("event_id")
@click.argument("category", type=click.Choice(["killed", "injured"]))
@click.argument("value", type=click.IntRange(min=0), required=False)
@click.option("--accept", "claim_id", default=None, help="Take this claim's figure (its id or a prefix).")
@reason_option
@author_option
@db_option
def figure(event_id: str, category: str, value: int | None, claim_id: str | None, reason: str | None,
           author: str | None, db: str) -> None:
    """Set EVENT_ID's killed or injured total: a VALUE with a --reason, or --accept a claim."""
    if (value is None) == (claim_id is None):
        raise click.UsageError("give either VALUE (with --reason) or --accept CLAIM")
    _correct(db, "figure", event_id, {"category": category, "value": value, "claim_id": claim_id}, reason, author)


@edit.command("log")
@click.argument("event_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the log as JSON.")
@db_option
def show_log(event_id: str | None, as_json: bool, db: str) -> None:
    """The corrections made, newest first (of one event, or all)."""
    from .edits import Edit

    store = _open_existing(db)
    try:
        entries = store.list_edits(event_id)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    if not entries:
        err.print("no corrections" + (f" of {event_id}" if event_id else ""), highlight=False)
    for entry in entries:
        e = Edit.from_dict(entry)
        who = f" by {e.author}" if e.author else ""
        out.print(f"{e.seq:>4}  {e.at}  {e.event_id or '':<16} {e.describe()}{who}", highlight=False)
