"""Export events as JSON, GeoJSON, Markdown, HTML, or one of the tables (render/tables.py:
the events overview, ACLED's columns, the claims) as CSV or Parquet."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterable
from typing import Any, TextIO

from .phrases import casualty_phrase
from .spreadsheet import write_csv
from .tables import TABLES

__all__ = ["FORMATS", "TABLE_FORMATS", "casualty_phrase", "event_markdown", "export", "md_text",
           "to_geojson", "to_markdown", "write_export", "write_table_parquet"]

FORMATS = ("json", "csv", "acled", "claims", "geojson", "md", "html")
TABLE_FORMATS = tuple(TABLES)  # also written as Parquet


def write_export(records: Iterable[dict[str, Any]], fmt: str, stream: TextIO, exported_at: int | None = None) -> None:
    """Write ``records`` in ``fmt`` to ``stream`` (text, opened with ``newline=""``) as they come:
    only HTML, a page with an index, holds them all at once. ``exported_at`` (unix seconds,
    default now) is the ACLED table's timestamp."""
    if fmt in TABLES:
        table = TABLES[fmt]
        write_csv(table.spec, table.all_rows(records, _now(exported_at)), stream)
    elif fmt == "json":
        write_json(records, stream)
    elif fmt == "geojson":
        write_geojson(records, stream)
    elif fmt == "md":
        stream.write("# newsfuse events\n\n")
        for n, r in enumerate(records):
            stream.write(("\n" if n else "") + event_markdown(r))
    elif fmt == "html":
        from .html import to_html

        stream.write(to_html(list(records)))
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_table_parquet(records: Iterable[dict[str, Any]], fmt: str, path: str, exported_at: int | None = None) -> int:
    """The table ``fmt`` (csv, acled or claims) as a Parquet file; returns its row count."""
    from .parquet import write_parquet

    table = TABLES[fmt]
    return write_parquet(table.spec, table.all_rows(records, _now(exported_at)), path)


def export(records: Iterable[dict[str, Any]], fmt: str, exported_at: int | None = None) -> str:
    """The whole export as one string (the web API's download; tests)."""
    out = io.StringIO(newline="")
    write_export(records, fmt, out, exported_at)
    return out.getvalue()


def _now(exported_at: int | None) -> int:
    return int(time.time()) if exported_at is None else exported_at


def write_json(records: Iterable[dict[str, Any]], stream: TextIO) -> None:
    """A JSON array of records, written one record at a time (the text ``json.dumps(records,
    indent=2)`` would give)."""
    count = 0
    for r in records:
        body = json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        stream.write(("[\n  " if not count else ",\n  ") + body)
        count += 1
    stream.write("\n]\n" if count else "[]\n")


def geojson_features(r: dict[str, Any]) -> list[dict[str, Any]]:
    """One point feature per place where the event happened (role ``event``) that has
    coordinates. Places the reports only mention (a ministry's capital, a country that
    commented) are left out, and so are event places the gazetteer could not locate: on a
    map every feature reads as a point where something happened."""
    features = []
    for loc in r["locations"]:
        if loc.get("role") != "event" or loc.get("lat") is None or loc.get("lon") is None:
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},  # GeoJSON: lon, lat
            "properties": {
                "event_id": r["id"],
                "event_title": r["title"],
                "event_type": r["event_type"],
                "sub_event_type": r.get("sub_event_type"),
                "date_start": r["date"]["start"],
                "date_end": r["date"]["end"],
                "fatalities": r.get("fatalities"),
                "place": loc["name"],
                "country": loc.get("country"),
                "admin1": loc.get("admin1"),
                "precision": loc.get("precision"),
                "role": loc.get("role"),
                "mentions": len(loc.get("spans", [])),
                "n_articles": len(r["articles"]),
            },
        })
    return features


def write_geojson(records: Iterable[dict[str, Any]], stream: TextIO) -> None:
    """A GeoJSON FeatureCollection (RFC 7946), written one event's features at a time."""
    stream.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for r in records:
        for feature in geojson_features(r):
            stream.write((",\n  " if count else "\n  ") + json.dumps(feature, ensure_ascii=False))
            count += 1
    stream.write("\n]}\n" if count else "]}\n")


def to_geojson(records: list[dict[str, Any]]) -> str:
    return export(records, "geojson")


_MD_INLINE = re.compile(r"[\\`*_\[\]|~]")  # emphasis, code, links, GFM tables and strikethrough
_MD_LINE_START = re.compile(r"[#+=-]|\d+(?=[.)])")  # headings, list items, setext underlines


def md_text(value: Any) -> str:
    """Text from a report, inert in Markdown: it reads the same and never becomes markup.

    A CommonMark renderer passes raw HTML through, so ``<``, ``>`` and ``&`` become
    entities (every Markdown flavour decodes them; a backslash would not stop HTML in
    all of them); characters that open emphasis, code, links or tables get a backslash;
    a line break becomes a space, so nothing can start a block (a heading, a list, a
    link definition), and a leading ``#``, ``-``, ``+``, ``=`` or ``12.`` is escaped
    for the same reason. Plain words come out unchanged.
    """
    s = " ".join(str(value).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_INLINE.sub(lambda m: "\\" + m.group(), s)
    start = _MD_LINE_START.match(s)
    if start:
        s = s[:start.end()] + "\\" + s[start.end():] if start.group()[0].isdigit() else "\\" + s
    return s


def event_markdown(r: dict[str, Any]) -> str:
    """A readable report of one event, with numbered source references; every
    text from the reports goes through :func:`md_text`."""
    esc = md_text
    refs = {a["id"]: n for n, a in enumerate(r["articles"], start=1)}
    date = r["date"]
    when = "date unknown" if not date["start"] else (
        date["start"] if date["start"] == date["end"] else f"{date['start']} – {date['end']}"
    )
    cite = lambda ids: "".join(f"[^{refs[c]}]" for c in ids if c in refs)  # noqa: E731
    event_id = str(r["id"]).replace("`", "")
    lines = [f"## {esc(r['title'])}", "", f"*{esc(when)}* · {len(r['articles'])} reports · id `{event_id}`", ""]
    if r.get("brief_headline"):
        lines += [f"**{esc(r['brief_headline']['text'])}**{cite(r['brief_headline']['citations'])}", ""]
    for s in r["brief"]:
        lines.append(f"- {esc(s['text'])}{cite(s['citations'])}")
    if r["brief"]:
        lines.append("")
    if r.get("figures"):
        lines += ["**Figures and disputes**", ""] + [f"- {esc(f['text'])}{cite(f['citations'])}"
                                                      for f in r["figures"]]
        lines.append("")
    if r.get("fatalities") is not None:
        bases = {t["category"]: t["basis"] for t in r.get("totals", [])}
        lines += [f"**Totals:** {r['fatalities']} killed ({esc(bases.get('fatalities', ''))}), "
                  f"{r.get('injured') or 0} injured ({esc(bases.get('injured', ''))})", ""]
    if r["casualties"]:
        claims = {c["id"]: c for c in r["claims"]}
        lines += ["**Reconciled rows**", ""] + [f"- {casualty_phrase(c, claims, refs, esc)}"
                                                for c in r["casualties"]] + [""]
    if r["locations"]:
        lines += ["**Places:** " + ", ".join(esc(x["name"]) for x in r["locations"]), ""]
    if r["actors"]:
        lines += ["**Actors:** " + ", ".join(esc(x["name"]) for x in r["actors"]), ""]
    for a in r["articles"]:
        where = esc(a["url"]) if a["url"] else ""
        published = esc(a["published"] or "undated")
        lines.append(f"[^{refs[a['id']]}]: {esc(a['source'])}, “{esc(a['title'])}”, {published} {where}".rstrip())
    return "\n".join(lines) + "\n"


def to_markdown(records: list[dict[str, Any]]) -> str:
    return "# newsfuse events\n\n" + "\n".join(event_markdown(r) for r in records)
