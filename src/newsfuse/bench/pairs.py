"""``newsfuse bench pairs``: same-story similarity of article pairs.

Input: one JSON object per line with ``id``, ``lang1``, ``lang2``, ``text1``,
``text2`` and the gold ``overall`` (mean rating, 1 = same story … 4 = very
dissimilar; see ``shared/bench/README.md`` section 1).

Both texts go through the real cleaning and analysis stages (no titles are
given: the cleaner's title finder decides, as for any plain text), then
:func:`pair_score` gives the similarity the clusterer would compute between an
article and a one-article incident (:func:`newsfuse.cluster.score`: weighted word
cosine, shared entities, names and ages, and the penalties for other places, ages or
lead figures where they apply).

Metrics: Pearson of −score with ``overall`` (positive when the similarity is
good), over all pairs, cross-lingual pairs, English pairs, monolingual non-English pairs,
and each language pair with enough pairs (``pearson_xx_yy``), accuracy of ``score >= ClusterConfig.undated_threshold`` (the pairs carry no
dates, so that is the bar the clusterer would apply) against gold
``overall <= 2``, and, as an oracle figure, the best threshold on this file and
its accuracy.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..cluster import ClusterConfig, Incident, TermStats, report_key, score, timing
from ..models import Article, RawArticle
from .base import BenchReport, PredictionWriter, read_jsonl
from .cluster import progress_adapter
from .scoring import accuracy_at, best_threshold, pearson

SAME_STORY_MAX = 2.0  # gold: overall <= 2 means the same story
MAX_NOTES = 10


def term_stats(articles: Sequence[Article]) -> TermStats:
    """Word frequencies over the distinct articles of a file, as a stream would have them."""
    return TermStats.of(report_key(a) for a in {a.id: a for a in articles}.values())


def pair_score(a: Article, b: Article, *, stats: TermStats | None = None,
               config: ClusterConfig | None = None) -> float:
    """Similarity of two analysed articles, scored as the clusterer scores a report
    against an incident holding only the other (:func:`newsfuse.cluster.score`).
    Without ``stats`` the words are weighed over just these two texts."""
    cfg = config or ClusterConfig()
    stats = stats or term_stats([a, b])
    key, other = report_key(a), report_key(b)
    stats.weigh(key)
    stats.weigh(other)
    incident = Incident()
    incident.add(0, other)
    return score(key, incident, timing(key, incident, cfg), cfg)


def to_raw(text: str | None, lang: str | None, path: str) -> RawArticle:
    return RawArticle(path=path, text=text or "", language=lang or None)


def analyse_pairs(items: Sequence[dict[str, Any]], *, name: str = "data",
                  progress: Callable[[int], None] | None = None) -> tuple[list[tuple[Article | None, Article | None]], list[str]]:
    """Clean and analyse every distinct text once; return (article1, article2) per pair."""
    from ..analysis.entities import load_model
    from ..pipeline import RunSummary, analyse_in_chunks, prepare_batch

    load_model()
    keys: dict[tuple[str, str | None], int] = {}
    raws: list[RawArticle] = []
    slots: list[tuple[int, int]] = []
    for n, obj in enumerate(items, 1):
        pair = []
        for side in (1, 2):
            key = (obj.get(f"text{side}") or "", obj.get(f"lang{side}"))
            if key not in keys:
                keys[key] = len(raws)
                raws.append(to_raw(key[0], key[1], f"{name}:{n}:text{side}"))
            pair.append(keys[key])
        slots.append((pair[0], pair[1]))
    summary = RunSummary()
    prepared = prepare_batch(raws, summary)
    by_path = {a.path: a for a in prepared}
    articles = [by_path.get(r.path) for r in raws]
    analyse_in_chunks(prepared, progress_adapter(progress))
    failed = [f"{i.path}: {i.message}" for i in summary.issues]
    return [(articles[i], articles[j]) for i, j in slots], failed


MIN_PAIRS = 20  # a language pair with fewer pairs has no Pearson of its own (too noisy)


def by_language_pair(items: Sequence[dict[str, Any]], neg: np.ndarray, overall: np.ndarray) -> dict[str, float | None]:
    """``pearson_<lang1>_<lang2>`` for every language pair with ``MIN_PAIRS`` pairs or more."""
    pairs = np.array(["_".join(sorted((str(o.get("lang1")), str(o.get("lang2"))))) for o in items])
    return {f"pearson_{name}": pearson(neg[pairs == name], overall[pairs == name])
            for name in sorted(set(pairs.tolist())) if (pairs == name).sum() >= MIN_PAIRS}


def run(
    data: Path,
    *,
    limit: int | None = None,
    predictions: Path | None = None,
    progress: Callable[[int], None] | None = None,
    config: ClusterConfig | None = None,
) -> BenchReport:
    """Score pair similarity on ``data``; with ``predictions`` write ``{id, score}`` lines."""
    data = Path(data)
    cfg = config or ClusterConfig()
    items = list(read_jsonl(data, limit=limit))
    start = time.perf_counter()
    pairs, failed = analyse_pairs(items, name=data.name, progress=progress)
    stats = term_stats([a for pair in pairs for a in pair if a is not None])
    scores = [pair_score(a, b, stats=stats, config=cfg) if a is not None and b is not None else 0.0
              for a, b in pairs]
    seconds = time.perf_counter() - start

    overall = np.array([float(obj["overall"]) for obj in items])
    same = overall <= SAME_STORY_MAX
    s = np.array(scores)
    cross = np.array([obj.get("lang1") != obj.get("lang2") for obj in items], dtype=bool)
    english = np.array([obj.get("lang1") == obj.get("lang2") == "en" for obj in items], dtype=bool)
    neg = -s
    best_t, best_acc = best_threshold(scores, same.tolist())
    metrics: dict[str, float | int | None] = {
        "pearson_neg_score_vs_overall": pearson(neg, overall),
        "pearson_monolingual": pearson(neg[~cross], overall[~cross]),
        "pearson_crosslingual": pearson(neg[cross], overall[cross]),
        "pearson_monolingual_english": pearson(neg[english], overall[english]),
        "pearson_monolingual_other": pearson(neg[~cross & ~english], overall[~cross & ~english]),
        **by_language_pair(items, neg, overall),
        "threshold": cfg.undated_threshold,
        "same_story_accuracy": accuracy_at(scores, same.tolist(), cfg.undated_threshold),
        "same_story_share": float(same.mean()) if len(same) else None,
        "best_threshold": best_t,
        "accuracy_at_best_threshold": best_acc,
        "pairs": len(items),
        "crosslingual_pairs": int(cross.sum()),
        "mean_score_same": float(s[same].mean()) if same.any() else None,
        "mean_score_different": float(s[~same].mean()) if (~same).any() else None,
        "texts_failed_cleaning": len(failed),
    }
    with PredictionWriter(predictions) as writer:
        for obj, value in zip(items, scores):
            writer.write({"id": obj.get("id"), "score": value})
    notes = [
        "pearson_* = Pearson(-score, overall): positive when higher similarity means a lower (more similar) rating",
        f"same_story_accuracy = accuracy of score >= ClusterConfig.undated_threshold vs gold overall <= {SAME_STORY_MAX:g}; "
        "same_story_share is the gold positive rate (majority-class accuracy = max(share, 1 - share))",
        "best_threshold / accuracy_at_best_threshold are an ORACLE figure, chosen on this very file",
    ]
    if failed:
        notes.append(f"{len(failed)} text(s) rejected by the cleaner; their pairs score 0")
        notes.extend(failed[:MAX_NOTES])
    return BenchReport("pairs", str(data), len(items), metrics, seconds=seconds, notes=notes)
