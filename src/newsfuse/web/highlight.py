"""An article's cleaned text as HTML with every extracted fact marked.

Facts overlap (a claim is a whole sentence, with numbers, places and names inside
it), so the text is cut at every fact boundary and each piece is escaped on its own
and wrapped in one ``<span>`` naming all the facts that cover it. Nothing from the
article is ever trusted as markup: only our own tags are joined as ``Markup``.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..models import Article
from ..wording import HEDGES, figure_words, number_text



@dataclass
class Fact:
    """One extracted thing, as the article page lists and marks it."""

    id: str  # "f12": the DOM id of its list entry
    kind: str  # claim, number, date, place, entity, cited
    start: int
    end: int
    text: str
    description: str
    anchor: str | None = None  # an extra id to link to (claim-<id>)


def claim_description(c) -> str:
    figure = figure_words(c)
    who = c.whose or "unspecified"
    if c.side:
        who += f" ({c.side})"
    parts = [f"{c.category} {figure} · {who}", f"claimed by {c.claimant or 'the outlet'}"]
    if c.regional:
        parts.append(f"in {c.regional}")
    if c.provisional:
        parts.append("provisional")
    if c.scope != "event":
        parts.append(f"{c.scope} figure, not counted for this event")
    return " · ".join(parts)


def article_facts(article: Article, cited: tuple[int, int] | None = None) -> list[Fact]:
    """Every fact of ``article`` with a description, claims first."""
    facts: list[Fact] = []

    def add(kind: str, start: int, end: int, description: str, anchor: str | None = None,
            translated: str | None = None) -> None:
        if translated is not None:  # found in the machine translation: the span is its whole sentence
            description += f" · read in the machine translation: “{translated}”"
        if 0 <= start < end <= len(article.text):
            facts.append(Fact(f"f{len(facts) + 1}", kind, start, end, article.text[start:end], description, anchor))

    def words(x) -> str | None:
        return x.text if getattr(x, "via", None) else None

    for c in article.claims:
        if c.field != "text":
            continue  # a headline's figure: its offsets are into the title
        add("claim", c.start, c.end, claim_description(c), f"claim-{c.id}", c.translated if c.via else None)
    for n in article.numbers:
        value = "no number (vague)" if n.value is None else number_text(n.value)
        add("number", n.start, n.end, f"{value} · {HEDGES.get(n.qualifier, n.qualifier)}", translated=words(n))
    for d in article.dates:
        add("date", d.start, d.end, f"{d.value or 'unresolved'} ({d.precision})", translated=words(d))
    for p in article.places:
        where = ", ".join(x for x in (p.name, p.admin1, p.country) if x) or "not found in the gazetteer"
        coords = f" · {p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else ""
        add("place", p.start, p.end, f"{where}{coords} · {p.precision} · {p.role}", translated=words(p))
    for e in article.entities:
        add("entity", e.start, e.end, e.label or "name", translated=words(e))
    if cited:
        add("cited", cited[0], cited[1], "the passage the event page cited")
    return facts


def highlight(text: str, facts: list[Fact], anchors: list[int] = ()) -> Markup:
    """``text`` as HTML: each piece covered by facts wrapped in a span listing them.

    ``anchors`` are offsets (sentence starts) that get an empty ``id="s-OFFSET"`` span,
    so citations can link into the text.

    One sweep over the cut points: a fact covers the piece ``[a, b)`` exactly when
    ``start <= a < end`` (every fact end inside the text is a cut), so the facts open
    at ``a`` are kept as the sweep goes, instead of testing every fact for every piece
    (which made a long article's page quadratic)."""
    cuts = {0, len(text)} | {f.start for f in facts} | {f.end for f in facts} | set(anchors)
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[Fact]] = {}
    for f in facts:
        starts.setdefault(f.start, []).append(f)
    anchor_set = set(anchors)
    by_start = sorted(range(len(facts)), key=lambda i: facts[i].start)
    next_fact = 0
    open_facts: list[int] = []  # positions in ``facts`` of the facts covering the current piece
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        if a in anchor_set:
            out.append(f'<span class="anchor" id="s-{a}"></span>')
        for f in starts.get(a, []):
            if f.anchor:
                out.append(f'<span class="anchor" id="{escape(f.anchor)}"></span>')
        while next_fact < len(by_start) and facts[by_start[next_fact]].start <= a:
            open_facts.append(by_start[next_fact])
            next_fact += 1
        open_facts = sorted(i for i in open_facts if facts[i].end > a)
        piece = escape(text[a:b])
        if not open_facts:
            out.append(str(piece))
            continue
        covering = [facts[i] for i in open_facts]
        kinds = " ".join(sorted({f"k-{f.kind}" for f in covering}))
        ids = " ".join(f.id for f in covering)
        title = "\n".join(f"{f.kind}: {f.description}" for f in covering)
        out.append(f'<span class="hl {kinds}" data-facts="{escape(ids)}" title="{escape(title)}">{piece}</span>')
    return Markup("".join(out))


def parse_span(value: str | None, length: int) -> tuple[int, int] | None:
    """``"12-40"`` → (12, 40) when it lies within the text; anything else → None."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    a, b = int(start), int(end)
    return (a, b) if 0 <= a < b <= length else None
