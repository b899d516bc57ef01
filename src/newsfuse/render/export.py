"""Export events as JSON, CSV, GeoJSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

from ..wording import figure_words, number_text

FORMATS = ("json", "csv", "geojson", "md", "html")


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


_n = number_text


def casualty_phrase(c: dict[str, Any], claims: dict[str, dict[str, Any]] | None = None,
                    refs: dict[str, int] | None = None, esc: Callable[[Any], str] = str) -> str:
    """One reconciled row in words, with each claimant's figure and its report number:
    ``killed · Kyrgyz soldiers (KG): 27, provisional — Kyrgyzstan: at least 27 [2]``.
    ``esc`` is applied to every word that comes from the reports (:func:`md_text` for Markdown)."""
    who = esc(c.get("whose") or c.get("side") or "unspecified")
    if c.get("side") and c.get("whose"):
        who += f" ({esc(c['side'])})"
    if c.get("region"):
        who += f" in {esc(c['region'])}"
    text = f"{esc(c['category'])} · {who}: {_n(c.get('best'))}"
    if c.get("low") is not None and c.get("high") is not None and c["low"] != c["high"]:
        text += f" (range {_n(c['low'])}–{_n(c['high'])})"
    flags = [w for w, on in (("disputed", c.get("conflict")), ("provisional", c.get("provisional"))) if on]
    if flags:
        text += ", " + ", ".join(flags)
    if claims:
        voices = []
        for cid in c.get("claim_ids", []):
            claim = claims.get(cid)
            if not claim:
                continue
            figure = esc(figure_words(claim))  # a vague figure is quoted from the report
            ref = f" [{refs[claim['article_id']]}]" if refs and claim["article_id"] in refs else ""
            voices.append(f"{esc(claim['claimant'] or 'the outlet')}: {figure}{ref}")
        if voices:
            text += " — " + "; ".join(voices)
        if c.get("superseded_ids"):
            earlier = [claims[i] for i in c["superseded_ids"] if i in claims and
                       (claims[i]["number"] if claims[i]["number"] is not None else claims[i].get("low")) != c.get("best")]
            if earlier:
                text += " (also reported by them: " + ", ".join(sorted({_n(e["number"]) for e in earlier})) + ")"
    return text


def to_geojson(records: list[dict[str, Any]]) -> str:
    """One point feature per place where each event happened (role ``event``); places without
    coordinates are exported with a null geometry rather than dropped. Places the reports only
    mention (a ministry's capital, a country that commented) are left out: on a map every
    feature reads as where something happened."""
    features = []
    for r in records:
        for loc in r["locations"]:
            if loc.get("role") != "event":
                continue
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
                    "admin1": loc.get("admin1"),
                    "precision": loc.get("precision"),
                    "role": loc.get("role"),
                    "mentions": len(loc.get("spans", [])),
                    "n_articles": len(r["articles"]),
                },
            })
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2) + "\n"


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


def export(records: list[dict[str, Any]], fmt: str) -> str:
    from .html import to_html

    writers = {"json": to_json, "csv": to_csv, "geojson": to_geojson, "md": to_markdown, "html": to_html}
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](records)
