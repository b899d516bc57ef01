"""The brief's "Figures and disputes" part, written from the reconciled casualties.

One line per (category, side[, region]) row. Each claimant's current figure is
given in its own words' hedge ("at least 49") and cited to the report that
states it; disagreement and provisional figures are said in plain words. The
template adds no number: every figure is a claim's, so the gate can check it.

Example: ``Killed (Ruritanian soldiers): at least 12 according to the Ruritanian
defence ministry; 30 according to Daily Courier. The sources disagree. The
ministry's figure may still rise.``
"""

from __future__ import annotations

from ..models import Article, Casualty, Claim, Event, FigureLine
from ..wording import figure_words

CATEGORY = {"killed": "Killed", "wounded": "Wounded", "captured": "Captured", "arrested": "Arrested",
            "missing": "Missing", "displaced": "Displaced", "shot": "Shot (killed or wounded)"}


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _speaker(claim: Claim, articles: dict[str, Article]) -> str:
    if claim.claimant:
        first, _, rest = claim.claimant.partition(" ")
        return f"{first.lower()} {rest}" if first in {"The", "A", "An"} and rest else claim.claimant
    article = articles.get(claim.article_id)
    if article is None or article.metadata.get("source_from_path"):
        return "the report itself"
    return f"{article.source} (its own figure)"


def _who(row: Casualty) -> str:
    who = row.whose or row.side or "people, side not stated"
    return f"{who} in {row.region}" if row.region else who


def _voices(claims: list[Claim], articles: dict[str, Article]) -> list[tuple[str, str]]:
    """(figure words, who gives them): claimants giving the same figure read as one voice."""
    said: dict[str, list[str]] = {}
    for c in claims:
        speakers = said.setdefault(figure_words(c), [])
        if _speaker(c, articles) not in speakers:
            speakers.append(_speaker(c, articles))
    return [(figure, _join(speakers)) for figure, speakers in said.items()]


def figure_line(row: Casualty, claims: dict[str, Claim], articles: dict[str, Article]) -> FigureLine | None:
    current = [claims[i] for i in row.claim_ids if i in claims]
    if not current:
        return None
    voices = [f"{figure} according to {who}" for figure, who in _voices(current, articles)]
    text = f"{CATEGORY.get(row.category, row.category.capitalize())} ({_who(row)}): " + "; ".join(voices) + "."
    if row.conflict:
        text += " The sources disagree."
    earlier = [claims[i] for i in row.superseded_ids if i in claims and claims[i].number is not None
               and claims[i].number not in {c.number for c in current}]
    if earlier:
        text += " Earlier reports gave " + ", ".join(f"{figure} ({who})" for figure, who in _voices(earlier, articles)) + "."
    if row.provisional:
        text += " This figure is provisional and may change."
    citations = list(dict.fromkeys(c.article_id for c in current + earlier))
    return FigureLine(text, citations, row.category, row.side, row.region, row.conflict, row.provisional)


def figure_lines(event: Event, articles: dict[str, Article]) -> list[FigureLine]:
    """One line per reconciled casualty row, in the rows' order (national before regional)."""
    claims = {c.id: c for c in event.claims}
    lines = [figure_line(row, claims, articles) for row in event.casualties]
    return [x for x in lines if x is not None]
