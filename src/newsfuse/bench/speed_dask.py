"""``bench speed --engine dask --workers N``: the analysis stage on a local Dask cluster.

Only analysis runs on a cluster (reading, cleaning and placing stay with the one writer),
so only analysis is timed: the corpus is cleaned once, analysed in this process (the
reference, measured in the same run because the machine's speed changes from run to run)
and then on a ``LocalCluster`` of N worker processes, its start-up and the workers' model
load excluded (a warm-up partition per worker first). The two analyses must agree article
for article; the report says whether they do.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path

from ..models import RawArticle
from .base import BenchReport


def run(data: Path | None, *, limit: int | None = None, workers: int = 1,
        progress: Callable[[int], None] | None = None) -> BenchReport:
    from .. import pipeline
    from ..analysis.entities import load_model
    from ..dask_engine import DaskAnalysis, DaskEngineError, DaskOptions
    from . import BenchUnavailable
    from .speed import default_data, long_article, read_corpus, warm_up

    data = data or default_data()
    raws = read_corpus(data, limit)
    load_model()
    warm_up()
    articles = pipeline.prepare_batch(raws, pipeline.RunSummary())
    n = len(articles)
    reference = copy.deepcopy(articles)
    t, cpu = time.perf_counter(), time.process_time()
    pipeline.analyse_in_chunks(reference)
    in_process, in_process_cpu = time.perf_counter() - t, time.process_time() - cpu

    t = time.perf_counter()
    try:
        with DaskAnalysis(DaskOptions(workers=workers)) as pool:
            started = time.perf_counter() - t
            warm = [RawArticle(path=f"warm-up-{i}", text=long_article(2_000), title="Warm-up", published="2024-06-01")
                    for i in range(2 * workers)]
            pool.analyse(pipeline.prepare_batch(warm, pipeline.RunSummary()), partition=1)  # lazy imports
            client = pool.client
            cpu = sum(client.run(_cpu_seconds).values())
            t = time.perf_counter()
            for chunk in pool.stream(articles):
                if progress:
                    progress(len(chunk))
            on_cluster = time.perf_counter() - t
            workers_cpu = sum(client.run(_cpu_seconds).values()) - cpu
    except DaskEngineError as exc:
        raise BenchUnavailable(str(exc)) from None
    same = [a.to_dict() for a in articles] == [a.to_dict() for a in reference]
    metrics: dict[str, float | int | None] = {
        "articles": n,
        "workers": workers,
        "in_process_articles_per_s": n / in_process if in_process else None,
        f"dask_{workers}w_articles_per_s": n / on_cluster if on_cluster else None,
        "ratio_to_in_process": in_process / on_cluster if on_cluster else None,
        "cluster_start_s": started,
        "in_process_cpu_s": in_process_cpu,
        "workers_cpu_s": workers_cpu,
        "cores_used_by_workers": workers_cpu / on_cluster if on_cluster else None,
        "identical_to_in_process": int(same),
    }
    notes = [f"analysis stage only, {n} cleaned articles; in-process reference measured first in the same run",
             f"LocalCluster(n_workers={workers}, threads_per_worker=1, processes=True); cluster start and the "
             "workers' model load excluded (cluster_start_s), partitions of 32 articles, results gathered in order"]
    notes.append("cores_used_by_workers = the workers' CPU seconds / wall seconds: below the worker count, "
                 "other processes took the rest of the cores (a loaded machine), not Dask")
    if not same:
        notes.append("the cluster's analysis differs from the in-process one: a bug, report it")
    return BenchReport("speed", str(data), n, metrics, seconds=in_process + on_cluster, notes=notes)


def _cpu_seconds() -> float:
    """CPU seconds of the process it runs in (sent to each worker)."""
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system
