"""The pipeline, one way: ingest -> clean -> analyse -> cluster -> reconcile -> brief -> store.

``run`` processes paths into a store (what ``newsfuse run`` does); ``analyse``
is the in-memory library entry point.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .analyse import analyse_articles
from .brief import build_brief
from .clean import repeated_lines
from .cluster import cluster_articles
from .ingest import IngestIssue, iter_inputs
from .models import Article, Event, RawArticle
from .origins import find_origins, independent_sources
from .prepare import prepare_article
from .reconcile import build_event
from .store import Store

Progress = Callable[[str, int, int], None]  # (stage, done, total)
ANALYSE_CHUNK = 64


@dataclass
class RunSummary:
    """What a run did, for the closing line and the exit code."""

    read: int = 0  # articles read from the inputs
    added: int = 0  # new articles stored
    already_stored: int = 0
    duplicates_in_batch: int = 0
    events: int = 0
    issues: list[IngestIssue] = field(default_factory=list)  # skipped inputs
    warnings: list[IngestIssue] = field(default_factory=list)  # processed, with a remark

    @property
    def processed(self) -> int:
        return self.added + self.already_stored + self.duplicates_in_batch


def prepare_batch(raws: Sequence[RawArticle], summary: RunSummary) -> list[Article]:
    """Clean every raw article; articles that end up empty become issues."""
    repeated = repeated_lines((r.source, r.text or "") for r in raws)
    articles = []
    for raw in raws:
        try:
            article = prepare_article(raw, repeated)
        except ValueError as exc:
            summary.issues.append(IngestIssue(raw.path, f"{exc}; skipped"))
            continue
        if raw.metadata.get("warning"):
            summary.warnings.append(IngestIssue(raw.path, raw.metadata["warning"]))
        articles.append(article)
    return articles


def analyse_in_chunks(articles: Sequence[Article], progress: Progress | None = None) -> None:
    for start in range(0, len(articles), ANALYSE_CHUNK):
        analyse_articles(articles[start : start + ANALYSE_CHUNK])
        if progress:
            progress("analyse", min(start + ANALYSE_CHUNK, len(articles)), len(articles))


def build_events(articles: list[Article], fatality_rule: str = "best") -> list[Event]:
    """Cluster articles and build one record per event."""
    events = []
    for members in cluster_articles(articles):
        origins = find_origins(members)
        for article in members:
            article.derived_from = origins.get(article.id)
        event = build_event(members, fatality_rule)
        event.independent_sources = independent_sources(members)
        event.brief = build_brief(members)
        events.append(event)
    return events


def run(paths: Iterable[str], store: Store, progress: Progress | None = None, stdin=None,
        fatality_rule: str = "best") -> RunSummary:
    """Read, clean and analyse new articles, store them and rebuild the events.

    Re-running on the same inputs adds nothing: article ids are content hashes.
    """
    summary = RunSummary()
    raws: list[RawArticle] = []
    for item in iter_inputs(paths, stdin=stdin):
        if isinstance(item, IngestIssue):
            summary.issues.append(item)
        else:
            raws.append(item)
            summary.read += 1
            if progress:
                progress("read", summary.read, 0)
    fresh: list[Article] = []
    seen: set[str] = set()
    for article in prepare_batch(raws, summary):
        if article.id in seen:
            summary.duplicates_in_batch += 1
        elif store.has_article(article.id):
            summary.already_stored += 1
        else:
            seen.add(article.id)
            fresh.append(article)
    analyse_in_chunks(fresh, progress)
    summary.added = store.add_articles(fresh)
    rule_changed = store.get_setting("fatality_rule") != fatality_rule
    if summary.added or store.count_events() == 0 or rule_changed:
        stored = list(store.iter_articles())
        if progress:
            progress("cluster", 0, len(stored))
        events = build_events(stored, fatality_rule)
        store.update_articles(stored)
        store.replace_events(events)
        store.set_setting("fatality_rule", fatality_rule)
    summary.events = store.count_events()
    return summary


def analyse(items: Iterable[RawArticle | str]) -> list[Event]:
    """Library entry point: turn raw articles (or plain strings) into events, in memory."""
    raws = [RawArticle(path=f"<text {i}>", text=x) if isinstance(x, str) else x for i, x in enumerate(items)]
    summary = RunSummary()
    articles = prepare_batch(raws, summary)
    unique = list({a.id: a for a in articles}.values())
    analyse_articles(unique)
    return build_events(unique)
