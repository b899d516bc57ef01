"""Throughput and memory of the whole pipeline on development articles.

Builds a corpus from a benchmark JSONL (default: the AllSides 2021 cluster set,
which has titles, lead text, outlets and dates), runs every stage in memory and
reports articles per second, the time share of each stage, and peak memory.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .base import BenchReport, read_jsonl
from .cluster import to_raw

DEFAULT_DATA = Path("bench") / "cluster" / "allsides2021.jsonl"


def find_shared() -> Path | None:
    """``../shared`` beside the repository or the working directory."""
    candidates = [Path.cwd() / "shared", Path.cwd().parent / "shared", Path(__file__).resolve().parents[4] / "shared"]
    return next((c for c in candidates if c.is_dir()), None)


def default_data() -> Path:
    shared = find_shared()
    if shared is None or not (shared / DEFAULT_DATA).exists():
        from . import BenchUnavailable

        raise BenchUnavailable("no --data given and ../shared/bench/cluster/allsides2021.jsonl not found")
    return shared / DEFAULT_DATA


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def run(data: Path | None, *, limit: int | None = None, predictions: Path | None = None,
        progress: Callable[[int], None] | None = None) -> BenchReport:
    from ..analysis.entities import load_model
    from ..pipeline import RunSummary, analyse_in_chunks, build_events, prepare_batch

    data = data or default_data()
    # the cluster task's reading of a line (no gold fields); lines without body text are left out
    raws = [to_raw(obj, n, data.name) for n, obj in enumerate(read_jsonl(data, limit), 1)
            if (obj.get("text") or "").strip()]
    t0 = time.perf_counter()
    load_model()
    t_model = time.perf_counter() - t0

    times: dict[str, float] = {}
    start = time.perf_counter()
    articles = prepare_batch(raws, RunSummary())
    times["clean"] = time.perf_counter() - start

    t = time.perf_counter()
    analyse_in_chunks(articles, (lambda stage, done, total: progress(0)) if progress else None)
    times["analyse"] = time.perf_counter() - t

    t = time.perf_counter()
    events = build_events(articles)
    times["cluster+reconcile+brief"] = time.perf_counter() - t
    total = time.perf_counter() - start

    n = len(articles)
    metrics: dict[str, float | int | None] = {
        "articles": n,
        "events": len(events),
        "articles_per_s": n / total if total else None,
        "ms_per_article": 1000 * total / n if n else None,
        "model_load_s": t_model,
        "peak_rss_mb": peak_rss_mb(),
    }
    for stage, secs in times.items():
        metrics[f"share_{stage}"] = secs / total if total else None
    return BenchReport("speed", str(data), n, metrics, seconds=total,
                       notes=["single process; spaCy model load excluded from the per-article figures"])
