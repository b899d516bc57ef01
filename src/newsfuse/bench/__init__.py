"""Benchmark tasks scored by ``newsfuse bench TASK --data FILE``.

Each task module has ``run(data, *, limit, predictions, progress) -> BenchReport``.
Tasks whose stage is not built yet say so instead of printing made-up numbers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

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
    db: str | None = None,
) -> BenchReport:
    module_name = TASKS.get(task)
    if db and task != "scale":
        raise BenchUnavailable(f"--db is for `newsfuse bench scale` (the store it grows), not {task}")
    if module_name is None:
        raise BenchUnavailable(f"the {task!r} benchmark is not implemented yet (its pipeline stage is still to come)")
    if data is None and task in NEEDS_DATA:
        raise BenchUnavailable(f"`newsfuse bench {task}` needs --data FILE (see ../shared/bench/README.md)")
    module = importlib.import_module(module_name)
    extra = {"db": db} if db else {}
    return module.run(data, limit=limit, predictions=predictions, progress=progress, **extra)
