"""What newsfuse installs on a Dask cluster: a model loader on each worker, a recompute
counter on the scheduler.

Imported only once :mod:`newsfuse.dask_engine` has found ``distributed`` (this module needs
it at import). Both plugins are sent by reference, so the workers and the scheduler need
newsfuse installed (the usual rule for Dask: one environment everywhere).
"""

from __future__ import annotations

from typing import Any

from distributed import Scheduler, SchedulerPlugin, Worker, WorkerPlugin

COUNTER = "newsfuse-recomputed"


class LoadModels(WorkerPlugin):
    """Load the spaCy model and the gazetteer when a worker starts (and when a lost worker is
    restarted), so each worker loads them once and no partition pays for it."""

    name = "newsfuse-load-models"

    def setup(self, worker: Worker) -> None:
        from .analysis.entities import load_model
        from .geo.gazetteer import get_gazetteer

        load_model()
        get_gazetteer()


class CountRecomputed(SchedulerPlugin):
    """Count the tasks of one run that start processing a second time: a lost worker's
    running or finished-but-not-fetched partitions, which the scheduler runs again."""

    def __init__(self, prefix: str) -> None:
        self.name = f"{COUNTER}-{prefix}"  # one per run: runs may share a scheduler
        self.prefix = prefix
        self.started: set[str] = set()  # keys of the run that have started (forgotten ones leave)
        self.recomputed = 0

    def transition(self, key: Any, start: str, finish: str, *args: Any, **kwargs: Any) -> None:
        if not (isinstance(key, str) and key.startswith(self.prefix)):
            return
        if finish == "processing":
            if key in self.started:
                self.recomputed += 1
            self.started.add(key)
        elif finish == "forgotten":
            self.started.discard(key)


def recomputed(name: str, dask_scheduler: Scheduler) -> int:
    """The figure of the counter called ``name``, read through ``client.run_on_scheduler``."""
    plugin = dask_scheduler.plugins.get(name)
    return plugin.recomputed if plugin is not None else 0
