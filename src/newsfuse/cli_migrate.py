"""``newsfuse migrate``: copy a store to another backend (a SQLite file to a team's
PostgreSQL database, or back), checking afterwards that every table has as many rows."""

from __future__ import annotations

import click

from .cli_options import err, out
from .cli_options import open_existing as _open_existing


@click.command()
@click.option("--from", "source", required=True, metavar="STORE",
              help="The store to copy: a SQLite file, sqlite:///path or postgresql://user@host/dbname.")
@click.option("--to", "target", required=True, metavar="STORE",
              help="An empty store to copy into (made if it does not exist yet).")
def migrate(source: str, target: str) -> None:
    """Copy a store (articles, events, the engine's state, corrections, settings) into an
    empty one, on the same backend or another, and verify the row counts.

    The copy is one transaction: if it fails, the target is left as it was. A target that
    already holds articles, events or corrections is refused (nothing is merged).

    \b
    Examples:
      newsfuse migrate --from newsfuse.db --to postgresql://newsfuse@db.lan/newsfuse
      newsfuse migrate --from postgresql://newsfuse@db.lan/newsfuse --to sqlite:///backup.db
    """
    from rich.table import Table

    from .store import open_store, writable_problem
    from .store.postgres import shown
    from .store.sqlite import StoreError
    from .store.transfer import copy_store

    if source == target:
        raise click.UsageError("--from and --to name the same store")
    src = _open_existing(source)
    try:
        if problem := writable_problem(target):
            raise StoreError(problem)
        dst = open_store(target)
    except StoreError as exc:
        src.close()
        raise click.ClickException(str(exc)) from exc
    try:
        copied = copy_store(src, dst)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        dst.close()
        src.close()
    table = Table("table", "source rows", "copied rows", title=f"{shown(source)} → {shown(target)}")
    for name, (a, b) in copied.counts.items():
        table.add_row(name, str(a), str(b) if a == b else f"[red]{b}[/]")
    out.print(table)
    if copied.mismatched:
        raise click.ClickException("the copy does not hold every row of: " + ", ".join(copied.mismatched))
    articles, events = copied.counts["articles"][0], copied.counts["events"][0]
    err.print(f"copied {articles} articles and {events} events; every table's rows verified", highlight=False)
