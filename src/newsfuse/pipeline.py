"""The pipeline, one way: ingest -> clean -> analyse -> cluster -> reconcile -> brief -> store.

``run`` processes paths into a store (what ``newsfuse run`` does); ``analyse_raw``
does the same in memory, under the library entry point :func:`newsfuse.extract_events`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .analysis import analyse_articles, coverage
from .analysis.languages import language_of
from .brief import RewriteConfig
from .clean import MIN_ANY, MIN_SAME_SOURCE, drop_template_lines, repeated_lines, template_candidates
from .cluster import cluster_articles
from .cluster.mentions import link_mentions
from .dask_engine import DaskAnalysis, DaskOptions
from .ingest import IngestIssue, iter_inputs
from .llm import LLMConfig
from .models import Article, Event, RawArticle, RemovedLine
from . import engine
from .engine import CRASH_AT, Options, build_one, crash_point as _crash_point, place_pending, rebuild_all
from .outlet_homes import place_by_outlet_home
from .prepare import prepare_article
from .store import Store
from .workers import AnalysisPool
from .store.template_lines import OVERALL
from .translate import needs_translation, relocated, translate_article

Progress = Callable[[str, int, int], None]  # (stage, done, total)
ANALYSE_CHUNK = 64
READ_BATCH = 256  # raw articles read and cleaned at a time


@dataclass
class RunSummary:
    """What a run did, for the closing line and the exit code."""

    read: int = 0  # articles read from the inputs
    added: int = 0  # new articles stored
    already_stored: int = 0
    duplicates_in_batch: int = 0
    events: int = 0
    issues: list[IngestIssue] = field(default_factory=list)  # skipped inputs
    store: Store | None = field(default=None, repr=False)  # the store written (None: nothing was)
    warnings: list[IngestIssue] = field(default_factory=list)  # processed, with a remark
    recomputed: int = 0  # analysis tasks a cluster ran again after losing a worker (none lost)
    partial: Counter[str] = field(default_factory=Counter)  # language -> articles analysed only in part
    translated: int = 0  # reports machine-translated by this run (``--translate``)
    untranslated: int = 0  # reports whose translation failed (left analysed in part; a warning each)

    @property
    def processed(self) -> int:
        return self.added + self.already_stored + self.duplicates_in_batch


def prepare_batch(raws: Sequence[RawArticle], summary: RunSummary) -> list[Article]:
    """Clean every raw article; articles that end up empty become issues."""
    return prepare_lines(raws, summary)[0]


def prepare_lines(raws: Sequence[RawArticle], summary: RunSummary, store: Store | None = None
                  ) -> tuple[list[Article], dict[str, set[str]]]:
    """Clean a batch; also return each article's candidate template lines (for the store to
    count). Template lines are those the batch repeats, those the store learned before, and
    those the batch's copies take over the store's thresholds (:mod:`newsfuse.store.template_lines`)."""
    candidates = [template_candidates(r.text or "") for r in raws]
    repeated = repeated_lines((r.source, r.text or "") for r in raws)
    if store is not None:
        repeated |= _learned_with(store, raws, candidates)
    articles, lines = [], {}
    for raw, found in zip(raws, candidates):
        try:
            article = prepare_article(raw, repeated)
        except ValueError as exc:
            summary.issues.append(IngestIssue(raw.path, f"{exc}; skipped"))
            continue
        if raw.metadata.get("warning"):
            summary.warnings.append(IngestIssue(raw.path, raw.metadata["warning"]))
        articles.append(article)
        lines[article.id] = found
    return articles, lines


def _learned_with(store: Store, raws: Sequence[RawArticle], candidates: list[set[str]]) -> set[str]:
    every = set().union(*candidates) if candidates else set()
    learned = store.template_lines(every)
    batch: Counter[tuple[str, str]] = Counter()
    for raw, found in zip(raws, candidates):
        for line in found - learned:
            batch[(OVERALL, line)] += 1
            if raw.source:
                batch[(raw.source, line)] += 1
    stored = store.template_line_counts(batch)
    for (source, line), n in batch.items():
        if stored.get((source, line), 0) + n >= (MIN_ANY if source == OVERALL else MIN_SAME_SOURCE):
            learned.add(line)
    return learned


def clean_again(store: Store, progress: Progress | None = None, limit: int = ANALYSE_CHUNK) -> int:
    """Take lines learned as template text out of articles stored before they were learned,
    analyse those again and queue them to be placed again; returns how many changed."""
    changed = 0
    while queued := store.articles_to_clean(limit):
        redo, lines_of = [], {}
        for article_id, lines in queued.items():
            article = store.get_article(article_id)
            text, removed = drop_template_lines(article.text, lines) if article else ("", [])
            lines_of[article_id] = lines
            if article and removed and text:
                if article.translation is not None:
                    article.translation = relocated(article.translation, article.text, text)
                article.text = text
                article.removed = article.removed + [RemovedLine(r, "repeated across articles") for r in removed]
                redo.append(article)
            else:
                store.forget_to_clean(article_id, lines)
        analyse_articles(redo)
        for article in redo:
            store.replace_article(article, lines_of[article.id])
        changed += len(redo)
        if progress and redo:
            progress("clean again", changed, 0)
    return changed


def analyse_in_chunks(articles: Sequence[Article], progress: Progress | None = None,
                      after: Callable[[Sequence[Article]], None] | None = None,
                      pool: AnalysisPool | DaskAnalysis | None = None) -> None:
    """Analyse ``ANALYSE_CHUNK`` articles at a time (that many per worker of ``pool``);
    ``after`` gets each chunk once analysed. A cluster streams its partitions back in order,
    so the chunks it hands over are committed while it goes on with the next ones."""
    if isinstance(pool, DaskAnalysis):
        done = 0
        for chunk in pool.stream(articles):
            if after:
                after(chunk)
            done += len(chunk)
            if progress:
                progress("analyse", done, len(articles))
        return
    size = ANALYSE_CHUNK * (pool.workers if pool is not None and pool.parallel else 1)
    for start in range(0, len(articles), size):
        chunk = articles[start : start + size]
        if pool is not None and pool.parallel:
            pool.analyse(chunk)
        else:
            analyse_articles(chunk)
        if after:
            after(chunk)
        if progress:
            progress("analyse", min(start + size, len(articles)), len(articles))


@dataclass
class BriefOptions:
    """How briefs are written. ``None`` fields keep what the store was built with.

    ``length`` is short|standard|long; ``rewrite`` asks for the optional rewrite
    through ``rewrite_with`` (else the endpoint configured in the environment).
    """

    length: str | None = None
    rewrite: bool | None = None
    rewrite_with: RewriteConfig | None = None
    lang: str | None = None  # the reader's language: its reports are quoted first

    def engine_options(self, fatality_rule: str) -> Options:
        return Options(fatality_rule, self.length or "standard", self.rewrite_with, self.lang or "en")

    def resolved(self, stored: str | None = None) -> BriefOptions:
        """Fill what is unset from a store's setting (standard, no rewrite, English for a new store)."""
        length, rewrite, *rest = (stored or "standard;rewrite=off").split(";")
        stored_lang = next((x.partition("=")[2] for x in rest if x.startswith("lang=")), "en")
        wanted = self.rewrite if self.rewrite is not None else rewrite == "rewrite=on"
        config = (self.rewrite_with or RewriteConfig.from_env()) if wanted else None
        return BriefOptions(self.length or length, config is not None, config, self.lang or stored_lang)


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


def read_batches(paths: Iterable[str], stdin, summary: RunSummary, progress: Progress | None = None,
                 size: int | None = None) -> Iterator[list[RawArticle]]:
    """The inputs, ``size`` raw articles at a time (all at once when None); unreadable inputs
    become issues in ``summary``."""
    raws: list[RawArticle] = []
    for item in iter_inputs(paths, stdin=stdin):
        if isinstance(item, IngestIssue):
            summary.issues.append(item)
            continue
        raws.append(item)
        summary.read += 1
        if progress:
            progress("read", summary.read, 0)
        if size and len(raws) >= size:
            yield raws
            raws = []
    if raws:
        yield raws


def collect(paths: Iterable[str], stdin=None, progress: Progress | None = None) -> tuple[list[Article], RunSummary]:
    """Read and clean every input at once, in memory (no store is touched)."""
    summary = RunSummary()
    articles = [a for raws in read_batches(paths, stdin, summary, progress) for a in prepare_batch(raws, summary)]
    return articles, summary


def translate_all(articles: Sequence[Article], config: LLMConfig, summary: RunSummary,
                  progress: Progress | None = None) -> list[Article]:
    """Give each report that needs one its machine translation (:mod:`newsfuse.translate`);
    the ones translated. A failure is kept in ``article.translation.error``, counted and
    warned about: the report stays analysed in part, the run goes on."""
    todo = [a for a in articles if needs_translation(a)]
    done = []
    for n, article in enumerate(todo, start=1):
        article.translation = translate_article(article, config)
        if article.translation.ok:
            summary.translated += 1
            done.append(article)
        else:
            summary.untranslated += 1
            summary.warnings.append(IngestIssue(article.path, "not translated, analysed in part: "
                                                f"{article.translation.error}"))
        if progress:
            progress("translate", n, len(todo))
    return done


def translate_stored(article_ids: Sequence[str], store: Store, config: LLMConfig, summary: RunSummary,
                     progress: Progress | None = None) -> None:
    """Translate reports stored by an earlier run without a usable translation, analyse
    them again and queue them to be placed again (a stored translation is never redone)."""
    stored = [a for i in article_ids if (a := store.get_article(i)) is not None and needs_translation(a)]
    before = {a.id: a.translation.error if a.translation else None for a in stored}
    done = translate_all(stored, config, summary, progress)
    analyse_articles(done)
    for article in done:
        store.replace_article(article)
    translated = {a.id for a in done}
    for article in stored:  # failed again: the newest reason is kept with the report
        if article.id not in translated and article.translation and article.translation.error != before[article.id]:
            store.replace_article(article)


def store_new(articles: Sequence[Article], store: Store, summary: RunSummary,
              progress: Progress | None = None, lines: dict[str, set[str]] | None = None,
              seen: set[str] | None = None, pool: AnalysisPool | DaskAnalysis | None = None,
              translate: LLMConfig | None = None) -> None:
    """Analyse the articles the store does not hold yet and commit them chunk by chunk.

    Analysis runs outside any write transaction (a slow article holds no lock), and each
    committed chunk stays committed if the run is interrupted: the store marks its articles
    pending in the same transaction, so the next run (or ``serve``) places them. ``seen``
    holds the ids this run stored already (across batches); ``lines`` each article's
    candidate template lines, counted by the store. ``translate``: machine-translate the
    reports not in English first, and those stored before without a translation.
    """
    fresh: list[Article] = []
    stored: list[Article] = []
    seen = set() if seen is None else seen
    for article in articles:
        if article.id in seen:
            summary.duplicates_in_batch += 1
        elif store.has_article(article.id):
            summary.already_stored += 1
            stored.append(article)
        else:
            seen.add(article.id)
            fresh.append(article)
    if translate is not None:
        # the input's copy has no translation: this only skips English reports before asking the store
        translate_stored([a.id for a in stored if needs_translation(a)], store, translate, summary, progress)
        translate_all(fresh, translate, summary, progress)

    def commit(chunk: Sequence[Article]) -> None:
        _crash_point("analysed")
        count_partial(chunk, summary)
        summary.added += store.add_articles(chunk, {a.id: lines[a.id] for a in chunk if a.id in lines}
                                            if lines else None)
        _crash_point("stored")

    analyse_in_chunks(fresh, progress, after=commit, pool=pool)


def count_partial(articles: Sequence[Article], summary: RunSummary) -> None:
    """Count the articles in a language some analysis does not read (docs/languages.md);
    a translated one is not partial."""
    for article in articles:
        if coverage(article).startswith("partial"):
            summary.partial[language_of(article)] += 1


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


def run(paths: Iterable[str], store: Store | Callable[[], Store], progress: Progress | None = None, stdin=None,
        fatality_rule: str | None = None, brief: BriefOptions | None = None,
        summary: RunSummary | None = None, workers: int = 1, dask: DaskOptions | None = None,
        translate: LLMConfig | None = None) -> RunSummary:
    """Read, clean and analyse new articles ``READ_BATCH`` at a time, store them and place
    them in events (every ``CLUSTER_CHUNK`` pending articles, and at the end), so memory
    does not grow with the inputs.

    ``store`` may be a function that opens it: it is called only once there is an article to
    store (inputs with nothing readable create no store; see ``RunSummary.store``).
    Re-running on the same inputs adds nothing: article ids are content hashes.
    ``workers`` > 1 analyses in that many processes (:mod:`newsfuse.workers`); ``dask``
    analyses on a Dask cluster instead (:mod:`newsfuse.dask_engine`; same results).
    ``fatality_rule`` and ``brief`` left as None keep what the store was built with
    (best and standard for a new store), so adding articles never resets them. ``summary``
    is filled as the run goes (a caller keeps what it says when the run fails half-way).
    ``translate`` machine-translates reports not in English through that endpoint
    (:mod:`newsfuse.translate`; off when None).
    """
    summary = summary if summary is not None else RunSummary()
    opened = store if not callable(store) else None
    seen: set[str] = set()
    with DaskAnalysis(dask) if dask is not None else AnalysisPool(workers) as pool:
        for raws in read_batches(paths, stdin, summary, progress, READ_BATCH * pool.workers):
            if opened is None:
                opened = store()
            summary.store = opened
            articles, lines = prepare_lines(raws, summary, opened)
            store_new(articles, opened, summary, progress, lines, seen, pool, translate)
            clean_again(opened, progress)
            if opened.count_pending() >= engine.CLUSTER_CHUNK:
                settle(opened, summary, progress, fatality_rule, brief)
    summary.recomputed = getattr(pool, "recomputed", 0)
    if opened is not None:
        summary.store = opened
        settle(opened, summary, progress, fatality_rule, brief)
    return summary


def analyse_raw(raws: Sequence[RawArticle], summary: RunSummary, fatality_rule: str = "best",
                brief: BriefOptions | None = None, translate: LLMConfig | None = None
                ) -> tuple[list[Event], list[Article]]:
    """Clean, analyse and cluster ``raws`` in memory (no store): the events and the articles
    they cite, one per content id. What cannot be used becomes an issue in ``summary``; briefs
    whose rewrite was refused become warnings. The library's :func:`newsfuse.extract_events`."""
    articles = list({a.id: a for a in prepare_batch(raws, summary)}.values())
    if translate is not None:
        translate_all(articles, translate, summary)
    analyse_articles(articles)
    count_partial(articles, summary)
    return build_events(articles, fatality_rule, brief, summary.warnings), articles
