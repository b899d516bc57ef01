"""What the event page shows, built from one event record (the public contract) and
its stored articles: numbered references, the brief with citation links, each
reconciled figure with the claims behind it, the articles grouped by origin, and
the timeline of reports and figures."""

from __future__ import annotations

from typing import Any

from ..models import Article
from ..wording import figure_words
from .figure_timeline import figure_timeline, report_days


def article_link(article_id: str, span: tuple[int, int] | None = None, anchor: str | None = None) -> str:
    """A link into the article page, marking ``span`` there and scrolling to ``anchor``."""
    href = f"/articles/{article_id}"
    if span:
        href += f"?hl={span[0]}-{span[1]}"
    if anchor:
        href += f"#{anchor}"
    return href


def sentence_span(article: Article | None, text: str) -> tuple[int, int] | None:
    """Where a brief sentence (copied from a report) sits in that report's text."""
    if article is None or not text:
        return None
    at = article.text.find(text)
    if at < 0:
        at = article.text.find(text[:60])
        if at < 0:
            return None
        return at, min(at + len(text), len(article.text))
    return at, at + len(text)


def sentence_anchor(article: Article | None, at: int) -> str | None:
    """The id of the sentence holding offset ``at`` (the article page gives each one)."""
    if article is None:
        return None
    starts = [s.start for s in article.sentences if s.start <= at]
    return f"s-{max(starts)}" if starts else None


def cited_line(line: dict[str, Any], refs: dict[str, int], articles: dict[str, Article]) -> dict[str, Any]:
    """A brief, headline or figure line with numbered citation links into the cited reports."""
    cites = []
    for aid in line.get("citations") or []:
        if aid not in refs:
            continue
        source = line.get("source") or {}
        if source.get("article_id") == aid:  # the span it was copied from, even with a resolved opening
            span = (source["start"], source["end"])
        else:
            span = sentence_span(articles.get(aid), line.get("text", ""))
        anchor = sentence_anchor(articles.get(aid), span[0]) if span else None
        cites.append({"ref": refs[aid], "article_id": aid, "href": article_link(aid, span, anchor)})
    return {**line, "cites": cites}


def claim_view(c: dict[str, Any], refs: dict[str, int], summaries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    aid = c["article_id"]
    return {
        **c,
        "figure": figure_words(c),
        "claimant_text": c.get("claimant") or "the outlet",
        "outlet": (summaries.get(aid) or {}).get("source") or "?",
        "published": (summaries.get(aid) or {}).get("published"),
        "ref": refs.get(aid),
        "href": article_link(aid, (c["start"], c["end"]), f"claim-{c['id']}"),
    }


def casualty_rows(record: dict[str, Any], refs: dict[str, int],
                  summaries: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each reconciled figure with its current and earlier claims; and claims no row uses."""
    claims = {c["id"]: claim_view(c, refs, summaries) for c in record.get("claims", [])}
    used: set[str] = set()
    rows = []
    for c in record.get("casualties", []):
        current = [claims[i] for i in c.get("claim_ids", []) if i in claims]
        earlier = [claims[i] for i in c.get("superseded_ids", []) if i in claims]
        used.update(x["id"] for x in current + earlier)
        who = c.get("whose") or "unspecified"
        rows.append({**c, "who": who, "current": current, "earlier": earlier,
                     "claimants": len({x["claimant_text"] for x in current})})
    others = [c for cid, c in claims.items() if cid not in used]
    return rows, others


def article_groups(record: dict[str, Any], refs: dict[str, int]) -> list[dict[str, Any]]:
    """Independent reports, each followed by the copies and rewrites derived from it."""
    by_id = {a["id"]: a for a in record.get("articles", [])}
    children: dict[str, list[dict[str, Any]]] = {}
    roots = []
    for a in record.get("articles", []):
        parent = a.get("derived_from")
        if parent and parent in by_id and parent != a["id"]:
            children.setdefault(parent, []).append(a)
        else:
            roots.append(a)
    return [{"article": {**a, "ref": refs[a["id"]]},
             "derived": [{**d, "ref": refs[d["id"]]} for d in children.get(a["id"], [])]} for a in roots]


def timeline(record: dict[str, Any], refs: dict[str, int], rows: list[dict[str, Any]],
             summaries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Reports by publication day (undated last), each with the figures it states;
    and, per reconciled figure, each claimant's numbers by report date (figure_timeline)."""
    claims_by_article: dict[str, list[dict[str, Any]]] = {}
    for c in record.get("claims", []):
        claims_by_article.setdefault(c["article_id"], []).append(claim_view(c, refs, summaries))
    days: dict[str, list[dict[str, Any]]] = {}
    for a in record.get("articles", []):
        day = a.get("published") or "undated"
        claims = sorted(claims_by_article.get(a["id"], []), key=lambda c: (c["start"], c["id"]))
        days.setdefault(day, []).append({**a, "ref": refs[a["id"]], "claims": claims})
    ordered = sorted(days.items(), key=lambda kv: (kv[0] == "undated", kv[0]))
    span = report_days([c for row in rows for c in row["earlier"] + row["current"]])
    figures = [f for f in (figure_timeline(row, span) for row in rows) if f["series"]]
    return {"days": [{"day": d, "reports": r} for d, r in ordered], "figures": figures}


def event_context(record: dict[str, Any], articles: dict[str, Article]) -> dict[str, Any]:
    """Everything event.html needs."""
    from .mapsvg import map_svg

    refs = {a["id"]: n for n, a in enumerate(record.get("articles", []), start=1)}
    summaries = {a["id"]: a for a in record.get("articles", [])}
    rows, others = casualty_rows(record, refs, summaries)
    headline = record.get("brief_headline")
    return {
        "record": record,
        "headline": cited_line(headline, refs, articles) if headline else None,
        "brief": [cited_line(s, refs, articles) for s in record.get("brief", [])],
        "figures": [cited_line(f, refs, articles) for f in record.get("figures") or []],
        "rows": rows,
        "other_claims": others,
        "groups": article_groups(record, refs),
        "timeline": timeline(record, refs, rows, summaries),
        "map": map_svg(record.get("locations", [])),
        "places": record.get("locations", []),
    }
