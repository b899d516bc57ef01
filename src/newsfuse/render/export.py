"""Export events as JSON, CSV, GeoJSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("json", "csv", "geojson", "md")


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = [
    "id", "title", "event_type", "date_start", "date_end", "date_precision",
    "n_articles", "sources", "places", "actors", "casualties", "brief",
]


def to_csv(records: list[dict[str, Any]]) -> str:
    """One row per event; lists are joined with '; '."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({
            "id": r["id"],
            "title": r["title"],
            "event_type": r["event_type"] or "",
            "date_start": r["date"]["start"] or "",
            "date_end": r["date"]["end"] or "",
            "date_precision": r["date"]["precision"],
            "n_articles": len(r["articles"]),
            "sources": "; ".join(sorted({a["source"] for a in r["articles"]})),
            "places": "; ".join(x["name"] for x in r["locations"]),
            "actors": "; ".join(x["name"] for x in r["actors"]),
            "casualties": "; ".join(casualty_phrase(c) for c in r["casualties"]),
            "brief": " ".join(s["text"] for s in r["brief"]),
        })
    return out.getvalue()


def casualty_phrase(c: dict[str, Any]) -> str:
    who = c.get("whose") or c.get("side") or "unspecified"
    best = "?" if c.get("best") is None else f"{c['best']:g}"
    span = ""
    if c.get("low") is not None and c.get("high") is not None and c["low"] != c["high"]:
        span = f" ({c['low']:g}–{c['high']:g})"
    flag = " [disputed]" if c.get("conflict") else ""
    return f"{c['category']} {who}: {best}{span}{flag}"


def to_geojson(records: list[dict[str, Any]]) -> str:
    """One point feature per located place of each event; places without
    coordinates are exported with a null geometry rather than dropped."""
    features = []
    for r in records:
        for loc in r["locations"]:
            geometry = None
            if loc.get("lat") is not None and loc.get("lon") is not None:
                geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
            features.append({
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "event_id": r["id"],
                    "event_title": r["title"],
                    "event_type": r["event_type"],
                    "date_start": r["date"]["start"],
                    "place": loc["name"],
                    "country": loc.get("country"),
                    "precision": loc.get("precision"),
                    "n_articles": len(r["articles"]),
                },
            })
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2) + "\n"


def event_markdown(r: dict[str, Any]) -> str:
    """A readable report of one event, with numbered source references."""
    refs = {a["id"]: n for n, a in enumerate(r["articles"], start=1)}
    date = r["date"]
    when = "date unknown" if not date["start"] else (
        date["start"] if date["start"] == date["end"] else f"{date['start']} – {date['end']}"
    )
    lines = [f"## {r['title']}", "", f"*{when}* · {len(r['articles'])} reports · id `{r['id']}`", ""]
    for s in r["brief"]:
        cites = "".join(f"[^{refs[c]}]" for c in s["citations"] if c in refs)
        lines.append(f"- {s['text']}{cites}")
    if r["brief"]:
        lines.append("")
    if r["casualties"]:
        lines += ["**Figures**", ""] + [f"- {casualty_phrase(c)}" for c in r["casualties"]] + [""]
    if r["locations"]:
        lines += ["**Places:** " + ", ".join(x["name"] for x in r["locations"]), ""]
    if r["actors"]:
        lines += ["**Actors:** " + ", ".join(x["name"] for x in r["actors"]), ""]
    for a in r["articles"]:
        where = a["url"] or ""
        published = a["published"] or "undated"
        lines.append(f"[^{refs[a['id']]}]: {a['source']}, “{a['title']}”, {published} {where}".rstrip())
    return "\n".join(lines) + "\n"


def to_markdown(records: list[dict[str, Any]]) -> str:
    return "# newsfuse events\n\n" + "\n".join(event_markdown(r) for r in records)


def export(records: list[dict[str, Any]], fmt: str) -> str:
    writers = {"json": to_json, "csv": to_csv, "geojson": to_geojson, "md": to_markdown}
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](records)
