"""Benchmark tasks scored by ``newsfuse bench TASK --data FILE``.

Each task module has ``run(data, *, limit, predictions, progress) -> BenchReport``; a task
that takes more options (``speed``: ``engine``, ``workers``) names them in ``OPTIONS``.
Tasks whose stage is not built yet say so instead of printing made-up numbers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .base import BenchReport

TASKS: dict[str, str | None] = {
    "extract": "newsfuse.bench.extract",
    "cluster": "newsfuse.bench.cluster",
    "pairs": "newsfuse.bench.pairs",
    "claims": "newsfuse.bench.claims",
    "geo": "newsfuse.bench.geo",
    "summarize": "newsfuse.bench.summarize",
    "speed": "newsfuse.bench.speed",
    "events": "newsfuse.bench.events",
    "types": "newsfuse.bench.types",
    "scale": "newsfuse.bench.scale",
}
OPTIONS: dict[str, set[str]] = {"speed": {"engine", "workers"}, "scale": {"db"}}  # what each task takes beyond --data
NEEDS_DATA = {"extract", "cluster", "pairs", "claims", "geo", "summarize", "events", "types", "scale"}


class BenchUnavailable(Exception):
    """The task cannot run as asked (not built yet, or no data given)."""


def run_task(
    task: str,
    data: Path | None,
    *,
    limit: int | None = None,
    predictions: Path | None = None,
    progress: Callable[[int], None] | None = None,
    options: dict[str, Any] | None = None,
) -> BenchReport:
    module_name = TASKS.get(task)
    if module_name is None:
        raise BenchUnavailable(f"the {task!r} benchmark is not implemented yet (its pipeline stage is still to come)")
    options = {k: v for k, v in (options or {}).items() if v is not None}
    if unknown := sorted(set(options) - OPTIONS.get(task, set())):
        raise BenchUnavailable(f"`newsfuse bench {task}` takes no --{unknown[0]}")
    if data is None and task in NEEDS_DATA:
        raise BenchUnavailable(f"`newsfuse bench {task}` needs --data FILE (see ../shared/bench/README.md)")
    module = importlib.import_module(module_name)
    return module.run(data, limit=limit, predictions=predictions, progress=progress, **options)
