"""What the ``events`` and ``export`` commands share: the event filters as options (parsed
by :mod:`newsfuse.filters`, like the web's), reading the store with its failures as one
line, and standard output for exports."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TextIO

import click
from rich.console import Console

from .store.search import EventQuery

# CLI option -> the filter parameter it sets (newsfuse.filters: the web's names)
FILTER_OPTIONS = {"since": "date_from", "until": "date_to", "type": "event_type", "country": "country",
                  "min_fatalities": "min_fatalities", "min_reports": "min_sources", "query": "q"}


DEFAULT_DB = "newsfuse.db"
# Piped output is not squeezed to 80 columns: tables stay readable in files and logs.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, soft_wrap=True)

db_option = click.option(
    "--db",
    default=lambda: os.environ.get("NEWSFUSE_DB", DEFAULT_DB),
    show_default="newsfuse.db, or $NEWSFUSE_DB",
    help="Store holding articles and events: a SQLite file (or sqlite:///path), or a PostgreSQL "
         "database, postgresql://user@host/dbname (needs newsfuse[postgres]).",
)


def open_existing(db: str, readonly: bool = True):
    """The store at ``db`` for reading (read-only files and folders included)."""
    from .store import open_store, store_exists
    from .store.sqlite import StoreError

    if not store_exists(db):
        raise click.ClickException(f"no store at {db}; run `newsfuse run PATH --db {db}` first")
    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def filter_options(command):
    """The event filters ``events`` and ``export`` share with the web's /api/events."""
    options = [
        click.option("--since", metavar="DATE", help="Events ending on or after DATE (ISO: 2024, 2024-05 or 2024-05-14)."),
        click.option("--until", metavar="DATE", help="Events starting on or before DATE (2024-05 takes in all of May)."),
        click.option("--type", metavar="TYPE", help="ACLED event type, e.g. Battles or 'Violence against civilians' "
                                                     "(any case), or accident, disaster, other."),
        click.option("--country", metavar="CC", help="ISO 3166-1 alpha-2 code of a place or actor, e.g. KG."),
        click.option("--min-fatalities", metavar="N", help="Events whose fatalities total is at least N."),
        click.option("--min-reports", metavar="N", help="Events told by at least N reports."),
        click.option("--query", metavar="WORDS", help="Words every matching event's title, brief or reports contain."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def event_query(filters: dict[str, str | None]) -> EventQuery:
    """The filters as an EventQuery, checked by the same parser as the web's (one usage error
    naming the option when a value is wrong)."""
    from .filters import BadRequest, parse_event_query

    values = {FILTER_OPTIONS[name]: value for name, value in filters.items()}
    try:
        return parse_event_query(**values)
    except BadRequest as exc:
        option = {param: name for name, param in FILTER_OPTIONS.items()}.get(exc.param or "")
        raise click.UsageError(f"--{option.replace('_', '-')} {exc.rule}" if option else str(exc)) from None


@contextmanager
def reading() -> Iterator[None]:
    """A store that fails while being read (a search past its time limit, a file gone bad)
    is one line, like one that cannot be opened."""
    from .store.errors import database_errors
    from .store.search import QueryTimeout

    try:
        yield
    except QueryTimeout as exc:
        raise click.ClickException(f"{exc}; narrow the filters or --query") from exc
    except database_errors() as exc:
        raise click.ClickException(f"cannot read the store: {exc}") from exc


def any_filter(filters: dict[str, str | None]) -> bool:
    return any(v not in (None, "") for v in filters.values())


@contextmanager
def stdout_text() -> Iterator[TextIO]:
    """Standard output as UTF-8 text whose line ends pass unchanged (CSV's CRLF), whatever the
    locale. A reader that stops early (``| head``) ends the command quietly."""
    sys.stdout.flush()
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more reaches the reader
        sys.exit(1)
    finally:
        with suppress(ValueError, BrokenPipeError):
            stream.detach()  # the wrapper must not close standard output
