"""The tabular exports: each is a fixed list of typed columns and a function from one event
record to its rows. CSV (render/spreadsheet.py) and Parquet (render/parquet.py) write the
same tables, so a column means the same thing, with the same type, in either.

* ``csv``: one row per event, lists joined with "; " (the overview table);
* ``acled``: one row per event in ACLED's columns (render/acled.py);
* ``claims``: one row per casualty claim, with the offsets of its words in its report.

Column contracts are documented in docs/export.md; later versions may add columns at the
end, never rename or reorder them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .acled import ACLED_COLUMNS, acled_row
from .phrases import casualty_phrase

TEXT, INT, FLOAT = "text", "int", "float"
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = TEXT  # text, int or float: how CSV writes it and which Parquet type holds it


@dataclass(frozen=True)
class Table:
    """One tabular format: its columns in order and how an event record becomes rows.
    ``rows`` is given the record and the export's time (unix seconds)."""

    name: str
    columns: tuple[Column, ...]
    rows: Callable[[dict[str, Any], int], Iterable[Row]]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def spec(self) -> list[tuple[str, str]]:
        """(name, kind) of each column, what the CSV and Parquet writers take."""
        return [(c.name, c.kind) for c in self.columns]

    def all_rows(self, records: Iterable[dict[str, Any]], exported_at: int) -> Iterator[Row]:
        for record in records:
            yield from self.rows(record, exported_at)


EVENT_COLUMNS = (
    Column("id"), Column("title"), Column("event_type"), Column("date_start"), Column("date_end"),
    Column("date_precision"), Column("n_articles", INT), Column("sources"), Column("places"),
    Column("actors"), Column("casualties"), Column("brief"),
)


def event_rows(r: dict[str, Any], exported_at: int = 0) -> list[Row]:
    """The overview row of one event; lists are joined with '; '."""
    return [{
        "id": r["id"],
        "title": r["title"],
        "event_type": r["event_type"],
        "date_start": r["date"]["start"],
        "date_end": r["date"]["end"],
        "date_precision": r["date"]["precision"],
        "n_articles": len(r["articles"]),
        "sources": "; ".join(sorted({a["source"] for a in r["articles"]})),
        "places": "; ".join(x["name"] for x in r["locations"]),
        "actors": "; ".join(x["name"] for x in r["actors"]),
        "casualties": "; ".join(casualty_phrase(c) for c in r["casualties"]),
        "brief": " ".join(s["text"] for s in r["brief"]),
    }]


CLAIM_COLUMNS = (
    Column("event"), Column("article"), Column("outlet"), Column("claimant"), Column("category"),
    Column("number", FLOAT), Column("qualifier"), Column("whose"), Column("side"), Column("scope"),
    Column("quote"), Column("start", INT), Column("end", INT),
)


def claim_rows(r: dict[str, Any], exported_at: int = 0) -> list[Row]:
    """One row per claim of the event. ``start``/``end`` index the article's stored (cleaned)
    text, so ``text[start:end] == quote``; a headline's figure (``field`` "title") has no
    offsets into the text and leaves them empty."""
    outlets = {a["id"]: a["source"] for a in r["articles"]}
    rows = []
    for c in r["claims"]:
        in_text = c.get("field", "text") == "text"
        rows.append({
            "event": r["id"], "article": c["article_id"], "outlet": outlets.get(c["article_id"]),
            "claimant": c["claimant"], "category": c["category"], "number": c["number"],
            "qualifier": c["qualifier"], "whose": c["whose"], "side": c["side"], "scope": c.get("scope"),
            "quote": c["quote"], "start": c["start"] if in_text else None, "end": c["end"] if in_text else None,
        })
    return rows


TABLES = {
    "csv": Table("csv", EVENT_COLUMNS, event_rows),
    "acled": Table("acled", tuple(Column(name, kind) for name, kind in ACLED_COLUMNS), acled_row),
    "claims": Table("claims", CLAIM_COLUMNS, claim_rows),
}
