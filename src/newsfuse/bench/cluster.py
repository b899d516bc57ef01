"""``newsfuse bench cluster``: story/event clustering against gold labels.

Input: one JSON object per line with ``id``, ``title``, ``text``, ``date``,
``source``, ``lang`` and the gold ``label`` (see ``shared/bench/README.md``
section 1). ``id`` and ``label`` are never given to the system.

Each line becomes a :class:`~newsfuse.models.RawArticle` and goes through the
real stages: :func:`newsfuse.pipeline.prepare_batch` (cleaning),
:func:`newsfuse.pipeline.analyse_in_chunks` (entities etc.) and
:func:`newsfuse.cluster.cluster_articles`. An item the cleaner rejects stays in
the scoring as a singleton cluster. Clusters are mapped back to input lines by
position (object identity), never by article id: identical texts share an id.

For threshold tuning, analyse once with :func:`analysed_articles` and call
:func:`labels_for` with many :class:`~newsfuse.cluster.ClusterConfig` values
(see ``scripts/tune_cluster.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cluster import ClusterConfig, cluster_articles
from ..outlet_homes import place_by_outlet_home
from ..models import Article, RawArticle
from .base import BenchReport, PredictionWriter, read_jsonl
from .scoring import cluster_metrics

MAX_NOTES = 10


def to_raw(obj: dict[str, Any], n: int, name: str) -> RawArticle:
    """The system's view of one benchmark line: no ``id``, no ``label``."""
    title = obj.get("title") or None
    text = obj.get("text") or ""
    if not text.strip():
        text = title or ""
    return RawArticle(path=f"{name}:{n}", text=text, title=title, published=obj.get("date") or None,
                      source=obj.get("source") or None, language=obj.get("lang") or None)


@dataclass
class Analysed:
    """Benchmark items with their analysed articles, by position (None: cleaning failed)."""

    items: list[dict[str, Any]]
    articles: list[Article | None]
    failed: list[str] = field(default_factory=list)  # "path: reason" for rejected items
    seconds_prepare: float = 0.0
    seconds_analyse: float = 0.0
    model_load_s: float = 0.0


def progress_adapter(progress: Callable[[int], None] | None) -> Callable[[str, int, int], None] | None:
    """Turn the pipeline's (stage, done, total) callback into the CLI's ``advance(n)``."""
    if progress is None:
        return None
    last = 0

    def callback(stage: str, done: int, total: int) -> None:
        nonlocal last
        if done > last:
            progress(done - last)
            last = done

    return callback


def analysed_articles(items: Sequence[dict[str, Any]], *, name: str = "data",
                      progress: Callable[[int], None] | None = None) -> Analysed:
    """Clean and analyse every item once (the slow part: spaCy NER)."""
    from ..analysis.entities import load_model
    from ..pipeline import RunSummary, analyse_in_chunks, prepare_batch

    t0 = time.perf_counter()
    load_model()
    model_load_s = time.perf_counter() - t0

    raws = [to_raw(obj, n, name) for n, obj in enumerate(items, 1)]
    summary = RunSummary()
    t0 = time.perf_counter()
    prepared = prepare_batch(raws, summary)
    seconds_prepare = time.perf_counter() - t0
    by_path = {a.path: a for a in prepared}  # paths are unique ("file:line")
    articles = [by_path.get(r.path) for r in raws]

    t0 = time.perf_counter()
    analyse_in_chunks(prepared, progress_adapter(progress))
    seconds_analyse = time.perf_counter() - t0
    failed = [f"{i.path}: {i.message}" for i in summary.issues]
    return Analysed(list(items), articles, failed, seconds_prepare, seconds_analyse, model_load_s)


def labels_for(articles: Sequence[Article | None], config: ClusterConfig | None = None) -> list[int]:
    """Run the clusterer and give each position its cluster number.

    Positions whose article is None (rejected by the cleaner) get their own
    singleton clusters, numbered after the real ones.
    """
    present = [a for a in articles if a is not None]
    position = {id(a): i for i, a in enumerate(articles) if a is not None}
    labels = [-1] * len(articles)
    place_by_outlet_home(present)  # as pipeline.build_events does before clustering
    clusters = cluster_articles(present, config)
    for c, members in enumerate(clusters):
        for article in members:
            labels[position[id(article)]] = c
    next_label = len(clusters)
    for i, label in enumerate(labels):
        if label < 0:
            labels[i] = next_label
            next_label += 1
    return labels


def cluster_labels(items: Sequence[dict[str, Any]], config: ClusterConfig | None = None) -> list[int]:
    """Predicted cluster number for each benchmark item (clean + analyse + cluster)."""
    return labels_for(analysed_articles(items).articles, config)


def gold_labels(items: Sequence[dict[str, Any]]) -> list[str]:
    return [str(obj["label"]) for obj in items]


def run(
    data: Path,
    *,
    limit: int | None = None,
    predictions: Path | None = None,
    progress: Callable[[int], None] | None = None,
    config: ClusterConfig | None = None,
) -> BenchReport:
    """Score clustering of the documents in ``data`` against their gold labels.

    With ``predictions``, writes one ``{id, label}`` line per document, where
    ``label`` is the predicted cluster number.
    """
    data = Path(data)
    items = list(read_jsonl(data, limit=limit))
    analysed = analysed_articles(items, name=data.name, progress=progress)
    t0 = time.perf_counter()
    pred = labels_for(analysed.articles, config)
    seconds_cluster = time.perf_counter() - t0
    seconds = analysed.seconds_prepare + analysed.seconds_analyse + seconds_cluster

    metrics: dict[str, float | int | None] = dict(cluster_metrics(pred, gold_labels(items)))
    n = len(items)
    metrics.update({
        "seconds_per_doc": seconds / n if n else None,
        "seconds_prepare": analysed.seconds_prepare,
        "seconds_analyse": analysed.seconds_analyse,
        "seconds_cluster": seconds_cluster,
        "model_load_s": analysed.model_load_s,
        "cleaning_failed": len(analysed.failed),
    })
    with PredictionWriter(predictions) as writer:
        for obj, label in zip(items, pred):
            writer.write({"id": obj.get("id"), "label": label})

    notes = ["seconds_per_doc = (prepare + analyse + cluster) / docs; spaCy model load excluded"]
    if analysed.failed:
        notes.append(f"{len(analysed.failed)} item(s) rejected by the cleaner, scored as singleton clusters")
        notes.extend(analysed.failed[:MAX_NOTES])
        if len(analysed.failed) > MAX_NOTES:
            notes.append(f"... and {len(analysed.failed) - MAX_NOTES} more")
    if config is not None:
        notes.append(f"config: {config}")
    return BenchReport("cluster", str(data), n, metrics, seconds=seconds, notes=notes)
