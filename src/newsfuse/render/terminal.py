"""Terminal views (rich): the events table, one event, the stored articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .phrases import casualty_phrase


def _when(date: dict[str, Any]) -> str:
    if not date["start"]:
        return "unknown"
    return date["start"] if date["start"] == date["end"] else f"{date['start']}…{date['end'][5:]}"


def events_table(records: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(records)} event{'' if len(records) == 1 else 's'}", show_lines=False, expand=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type", overflow="fold", max_width=12)
    table.add_column("title", overflow="fold", ratio=3)  # what a reader scans: the widest column, never a sliver
    table.add_column("places", overflow="ellipsis", ratio=1)
    table.add_column("fatalities", justify="right")
    table.add_column("reports", justify="right")  # and how many of them are independent
    for r in records:
        table.add_row(
            r["id"],
            _when(r["date"]),
            escape(r["event_type"] or "—"),
            escape(r["title"]),
            escape(", ".join(x["name"] for x in r["locations"][:2])),
            "—" if r.get("fatalities") is None else str(r["fatalities"]),
            f"{len(r['articles'])} ({r.get('independent_sources', '?')} ind.)",
        )
    return table


def print_event(console: Console, r: dict[str, Any]) -> None:
    refs = {a["id"]: n for n, a in enumerate(r["articles"], start=1)}
    console.rule(f"[bold]{escape(r['title'])}")
    kind = " / ".join(x for x in (r["event_type"], r.get("sub_event_type")) if x) or "not classified"
    console.print(f"[cyan]{r['id']}[/]  date: {_when(r['date'])} ({r['date']['precision']})"
                  f"  type: {kind}  reports: {len(r['articles'])} ({r.get('independent_sources', '?')} independent)")
    cite = lambda ids: " ".join(f"[{refs[c]}]" for c in ids if c in refs)  # noqa: E731
    if r.get("brief_headline"):
        console.print(f"\n[bold]{escape(r['brief_headline']['text'])}[/] [dim]{cite(r['brief_headline']['citations'])}[/]")
    if r["brief"]:
        console.print()
        for s in r["brief"]:
            console.print(f"• {escape(s['text'])} [dim]{cite(s['citations'])}[/]")
    if r.get("figures"):
        console.print("\n[bold]Figures and disputes[/]")
        for f in r["figures"]:
            style = "yellow" if f["conflict"] else ""
            console.print(f"  • [{style}]{escape(f['text'])}[/] [dim]{cite(f['citations'])}[/]" if style
                          else f"  • {escape(f['text'])} [dim]{cite(f['citations'])}[/]")
    if r.get("fatalities") is not None:
        bases = {t["category"]: t["basis"] for t in r.get("totals", [])}
        console.print(f"\n[bold]Totals:[/] {r['fatalities']} killed [dim]({escape(bases.get('fatalities', ''))})[/], "
                      f"{r.get('injured') or 0} injured [dim]({escape(bases.get('injured', ''))})[/]")
    if r["casualties"]:
        console.print("\n[bold]Reconciled rows[/]")
        claims = {c["id"]: c for c in r["claims"]}
        for c in r["casualties"]:
            console.print(f"  • {escape(casualty_phrase(c, claims, refs))}")
    if r["locations"]:
        where = [x for x in r["locations"] if x.get("role") == "event"]
        named = [x for x in r["locations"] if x.get("role") != "event"]
        if where:
            console.print("\n[bold]Where:[/] " + escape(", ".join(
                f"{x['name']} ({x['country']})" if x.get("country") else x["name"] for x in where)))
        if named:
            console.print("[bold]Also named:[/] " + escape(", ".join(x["name"] for x in named)))
    if r["actors"]:
        console.print("[bold]Actors:[/] " + escape(", ".join(x["name"] for x in r["actors"])))
    table = Table(title="Reports", title_justify="left")
    for col in ("#", "article", "source", "published", "lang", "title"):
        table.add_column(col, overflow="fold")
    for a in r["articles"]:
        derived = f" ← {a['derived_from']}" if a.get("derived_from") else ""
        table.add_row(str(refs[a["id"]]), a["id"] + derived, escape(a["source"]), a["published"] or "—",
                      a["language"] or "—", escape(a["title"]))
    console.print(table)


def articles_table(records: list[dict[str, Any]], first: int = 1, of: int | None = None) -> Table:
    """One page of the article list; ``first`` is its first row's number, ``of`` all rows."""
    if of is None or (first == 1 and len(records) == of):
        title = f"{len(records)} article{'' if len(records) == 1 else 's'}"
    else:
        title = f"articles {first}–{first + len(records) - 1} of {of}"
    table = Table(title=title)
    for col in ("id", "source", "published", "lang", "words", "removed", "title"):
        table.add_column(col, overflow="fold")
    for r in records:
        table.add_row(r["id"], escape(r["source"]), r["published"] or "—", r["language"] or "—",
                      str(len(r["text"].split())), str(len(r["removed"])), escape(r["title"]))
    return table


ARTICLES_PER_TABLE = 500  # rows per printed table: a table is held whole to be drawn


def article_tables(records: Iterable[dict[str, Any]], of: int | None = None) -> Iterator[Table]:
    """The article list as tables of :data:`ARTICLES_PER_TABLE` rows, so a long list is never
    held whole; one empty table when there is nothing (and the list was not filtered)."""
    page: list[dict[str, Any]] = []
    first = 1
    for record in records:
        page.append(record)
        if len(page) == ARTICLES_PER_TABLE:
            yield articles_table(page, first=first, of=of)
            first, page = first + len(page), []
    if page or (first == 1 and of == 0):
        yield articles_table(page, first=first, of=of)
