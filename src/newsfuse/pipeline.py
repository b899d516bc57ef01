"""The pipeline, one way: ingest -> clean -> analyse -> cluster -> reconcile -> brief -> store.

``run`` processes paths into a store (what ``newsfuse run`` does); ``analyse``
is the in-memory library entry point.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .analysis import analyse_articles
from .brief import RewriteConfig
from .clean import repeated_lines
from .cluster import cluster_articles
from .cluster.mentions import link_mentions
from .ingest import IngestIssue, iter_inputs
from .models import Article, Event, RawArticle
from .engine import CRASH_AT, Options, build_one, crash_point as _crash_point, place_pending, rebuild_all
from .outlet_homes import place_by_outlet_home
from .prepare import prepare_article
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


def analyse_in_chunks(articles: Sequence[Article], progress: Progress | None = None,
                      after: Callable[[Sequence[Article]], None] | None = None) -> None:
    """Analyse ``ANALYSE_CHUNK`` articles at a time; ``after`` gets each chunk once analysed."""
    for start in range(0, len(articles), ANALYSE_CHUNK):
        chunk = articles[start : start + ANALYSE_CHUNK]
        analyse_articles(chunk)
        if after:
            after(chunk)
        if progress:
            progress("analyse", min(start + ANALYSE_CHUNK, len(articles)), len(articles))


@dataclass
class BriefOptions:
    """How briefs are written. ``None`` fields keep what the store was built with.

    ``length`` is short|standard|long; ``rewrite`` asks for the optional rewrite
    through ``rewrite_with`` (else the endpoint configured in the environment).
    """

    length: str | None = None
    rewrite: bool | None = None
    rewrite_with: RewriteConfig | None = None

    @property
    def setting(self) -> str:
        return f"{self.length or 'standard'};rewrite={'on' if self.rewrite_with else 'off'}"

    def engine_options(self, fatality_rule: str) -> Options:
        return Options(fatality_rule, self.length or "standard", self.rewrite_with)

    def resolved(self, stored: str | None = None) -> BriefOptions:
        """Fill what is unset from a store's setting (standard, no rewrite for a new store)."""
        length, _, rewrite = (stored or "standard;rewrite=off").partition(";")
        wanted = self.rewrite if self.rewrite is not None else rewrite == "rewrite=on"
        config = (self.rewrite_with or RewriteConfig.from_env()) if wanted else None
        return BriefOptions(self.length or length, config is not None, config)


def build_events(articles: list[Article], fatality_rule: str = "best",
                 brief: BriefOptions | None = None, notes: list[IngestIssue] | None = None) -> list[Event]:
    """Cluster articles in memory and build one record per event (``notes`` collects briefs
    whose rewrite was refused): what a store's engine does, for one batch without a store."""
    options = (brief or BriefOptions()).resolved().engine_options(fatality_rule)
    place_by_outlet_home(articles)  # namesakes read in the region each outlet covers
    events = [build_one(members, options, notes) for members in cluster_articles(articles)]
    mentions = link_mentions(events, {a.id: a for a in articles})
    for event in events:
        event.mentioned_in = mentions.get(event.id, [])
    return events


def collect(paths: Iterable[str], stdin=None, progress: Progress | None = None) -> tuple[list[Article], RunSummary]:
    """Read and clean every input; no store is touched, so inputs with nothing readable
    never create one."""
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
    return prepare_batch(raws, summary), summary


def store_new(articles: Sequence[Article], store: Store, summary: RunSummary,
              progress: Progress | None = None) -> None:
    """Analyse the articles the store does not hold yet and commit them chunk by chunk.

    Analysis runs outside any write transaction (a slow article holds no lock), and each
    committed chunk stays committed if the run is interrupted: the store marks its events
    stale in the same transaction, so the next run (or ``serve``) finishes the job.
    """
    fresh: list[Article] = []
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            summary.duplicates_in_batch += 1
        elif store.has_article(article.id):
            summary.already_stored += 1
        else:
            seen.add(article.id)
            fresh.append(article)

    def commit(chunk: Sequence[Article]) -> None:
        _crash_point("analysed")
        summary.added += store.add_articles(chunk)
        _crash_point("stored")

    analyse_in_chunks(fresh, progress, after=commit)


def settle(store: Store, summary: RunSummary, progress: Progress | None = None,
           fatality_rule: str | None = None, brief: BriefOptions | None = None) -> None:
    """Place the articles no event holds yet (added by this run, another one, or a run that
    died before placing them), rebuilding only the events they touch; rebuild every event
    when the options changed."""
    stored_rule, stored_brief = store.get_setting("fatality_rule"), store.get_setting("brief")
    options = (brief or BriefOptions()).resolved(stored_brief).engine_options(fatality_rule or stored_rule or "best")
    if store.count_events() and options.settings != {"fatality_rule": stored_rule, "brief": stored_brief}:
        rebuild_all(store, options, summary.warnings, progress)
    place_pending(store, options, summary.warnings, progress)
    summary.events = store.count_events()


def run(paths: Iterable[str], store: Store, progress: Progress | None = None, stdin=None,
        fatality_rule: str | None = None, brief: BriefOptions | None = None) -> RunSummary:
    """Read, clean and analyse new articles, store them and rebuild the events.

    Re-running on the same inputs adds nothing: article ids are content hashes.
    ``fatality_rule`` and ``brief`` left as None keep what the store was built with
    (best and standard for a new store), so adding articles never resets them.
    """
    articles, summary = collect(paths, stdin, progress)
    store_new(articles, store, summary, progress)
    settle(store, summary, progress, fatality_rule, brief)
    return summary


def analyse(items: Iterable[RawArticle | str]) -> list[Event]:
    """Library entry point: turn raw articles (or plain strings) into events, in memory."""
    raws = [RawArticle(path=f"<text {i}>", text=x) if isinstance(x, str) else x for i, x in enumerate(items)]
    summary = RunSummary()
    articles = prepare_batch(raws, summary)
    unique = list({a.id: a for a in articles}.values())
    analyse_articles(unique)
    return build_events(unique)
