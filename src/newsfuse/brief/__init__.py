"""The fused brief of one event: headline, cited sentences, figures and disputes.

``build_brief`` is the one entry point. Steps, each in its own module:

1. :mod:`.select` picks sentences from the reports (extractive, MMR) and a headline;
2. :mod:`.rewrite` optionally rewrites them through an OpenAI-compatible endpoint;
3. :mod:`.gate` drops any sentence whose numbers, dates or names its cited
   sources do not state;
4. :mod:`.figures` writes the "Figures and disputes" lines from the reconciled casualties.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Article, BriefSentence, Event, FigureLine
from .figures import figure_lines
from .gate import GateStats, Source, check
from .rewrite import RewriteConfig, rewrite
from .select import LENGTHS, headline, select_sentences

__all__ = ["Brief", "LENGTHS", "RewriteConfig", "build_brief"]


@dataclass
class Brief:
    headline: BriefSentence | None
    sentences: list[BriefSentence]
    figures: list[FigureLine]
    gate: GateStats = field(default_factory=GateStats)
    rewrite_note: str | None = None  # why a requested rewrite was not used


def _sources(citations: list[str], by_id: dict[str, Article], read: dict[str, Source]) -> list[Source]:
    """The cited reports as the gate reads them, each prepared once per brief (``read`` keeps them)."""
    for c in citations:
        if c in by_id and c not in read:
            read[c] = Source(by_id[c].title + "\n" + by_id[c].text)
    return [read[c] for c in citations if c in by_id]


def gated(items: list, by_id: dict[str, Article], stats: GateStats, numbers_only: bool = False,
          read: dict[str, Source] | None = None) -> list:
    """Keep the sentences (or figure lines) whose every fact is in a cited source."""
    read = {} if read is None else read
    kept = []
    for item in items:
        result = check(item.text, _sources(item.citations, by_id, read), numbers_only)
        stats.add(result)
        if result.passed and item.citations:
            kept.append(item)
    return kept


def build_brief(articles: list[Article], event: Event | None = None, length: str = "standard",
                rewrite_with: RewriteConfig | None = None, reader: str = "en") -> Brief:
    """The brief of the event whose reports are ``articles`` (``event`` gives the casualties),
    quoting reports in the ``reader``'s language first."""
    if length not in LENGTHS:
        raise ValueError(f"unknown brief length {length!r}; choose one of {', '.join(LENGTHS)}")
    by_id = {a.id: a for a in articles}
    stats = GateStats()
    read: dict[str, Source] = {}  # each cited report normalised and its numbers read once
    sentences = select_sentences(articles, length, reader)
    note = None
    if rewrite_with is not None:
        sentences, note = rewrite(sentences, by_id, rewrite_with)
    sentences = gated(sentences, by_id, stats, read=read)
    title = headline(articles, reader)
    title = (gated([title], by_id, stats, read=read) or [None])[0] if title else None
    figures = gated(figure_lines(event, by_id), by_id, stats, numbers_only=True, read=read) if event is not None else []
    return Brief(title, sentences, figures, stats, note)
