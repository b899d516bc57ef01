"""Analysis on a Dask cluster (``newsfuse run --engine dask``), beside the forked pool of
:mod:`newsfuse.workers` and behind the same interface: ``with DaskAnalysis(options) as pool:
pool.analyse(batch)`` annotates ``batch`` in place.

Only analysis leaves this process: it is nearly all the time, and its components are pure
(an Article in, fields out). Reading and cleaning stay here, because cleaning reads the
template lines the store has learned so far, and placing articles in events stays here too
(one writer; the clusterer's state is small and central). Partitions go out ``partition``
articles a task, at most ``TASKS_PER_THREAD`` tasks per worker thread in flight (so memory
stays bounded however long the input), and come back in the order they were sent, so the
store receives exactly what one process would have given it. A worker lost mid-run loses no
article: the scheduler runs its partitions again elsewhere, and a scheduler plugin counts
them for the run's summary. ``distributed`` is imported only when a cluster is asked for:
without it, one line names the extra to install.
"""

from __future__ import annotations

import logging
import uuid
from concurrent.futures import CancelledError
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .analysis import analyse_articles
from .models import Article

EXTRA = "newsfuse[dask]"
PARTITION = 32  # articles per task: a read batch makes enough tasks to keep every worker busy to its end
TASKS_PER_THREAD = 2  # one running, one waiting, so a worker never idles between tasks
CONNECT_TIMEOUT = "10s"


class DaskEngineError(RuntimeError):
    """A problem the user can fix (no dask installed, no scheduler there, a partition that
    keeps killing its workers): said in one line, no traceback."""


@dataclass(frozen=True)
class DaskOptions:
    """Where to run: a scheduler's address, or a local cluster of ``workers`` processes."""

    scheduler: str | None = None
    workers: int = 1
    partition: int = PARTITION


def analyse_partition(articles: list[Article]) -> list[Article]:
    """One task, run on a worker: the whole analysis of a partition (the model and gazetteer
    are the worker's own, loaded once by :class:`newsfuse.dask_plugins.LoadModels`)."""
    analyse_articles(articles)
    return articles


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise DaskEngineError(f"--engine dask needs Dask: pip install '{EXTRA}'") from None
    return distributed


class DaskAnalysis:
    """Analysis in the tasks of a Dask cluster; the articles come back to this process."""

    parallel = True

    def __init__(self, options: DaskOptions | None = None) -> None:
        self.options = options or DaskOptions()
        self.workers = max(1, self.options.workers)  # threads of the cluster once started
        self.recomputed = 0  # tasks the scheduler ran again after losing a worker
        self._client: Any = None
        self._cluster: Any = None
        self._prefix = f"newsfuse-{uuid.uuid4().hex[:8]}"
        self._counter: str | None = None
        self._sent = 0

    # -- the cluster ----------------------------------------------------------------------

    def __enter__(self) -> DaskAnalysis:
        distributed = _distributed()
        from . import dask_plugins

        address = self.options.scheduler
        try:
            if address is not None:  # a malformed address is named before a client half-starts
                from distributed.comm.addressing import parse_address, parse_host_port

                parse_host_port(parse_address(address)[1])
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)  # no fixed port to clash on
            self._client = distributed.Client(self._cluster or address, timeout=CONNECT_TIMEOUT,
                                              set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            self.__exit__()
            if address is None:
                raise DaskEngineError(f"could not start a local Dask cluster ({_reason(exc)})") from None
            raise DaskEngineError(f"cannot reach the Dask scheduler at {address} ({_reason(exc)}); is "
                                  "`dask scheduler` running there? Or leave out --scheduler for a local cluster") from None
        counter = dask_plugins.CountRecomputed(self._prefix)
        try:  # a scheduler without newsfuse cannot count; the run goes on without the count
            self._client.register_plugin(counter)
            self._counter = counter.name
        except Exception:  # noqa: BLE001  (the scheduler's unpickling error, whatever its type)
            self._counter = None
        self._client.register_plugin(dask_plugins.LoadModels())
        threads = sum(w.get("nthreads", 1) for w in self._client.scheduler_info()["workers"].values())
        self.workers = max(1, threads)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            try:
                from .dask_plugins import recomputed

                if self._counter is not None:
                    self.recomputed = self._client.run_on_scheduler(recomputed, self._counter)
                    self._client.unregister_scheduler_plugin(self._counter)
            except Exception:  # noqa: BLE001  the count is a remark; closing must go on
                pass
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    @property
    def client(self) -> Any:
        """The Dask client while the pool is open (a benchmark asks the workers for their CPU time)."""
        return self._client

    # -- the work ---------------------------------------------------------------------------

    def analyse(self, articles: Sequence[Article], partition: int | None = None) -> None:
        """Annotate ``articles`` in place."""
        for _ in self.stream(articles, partition):
            pass

    def stream(self, articles: Sequence[Article], partition: int | None = None) -> Iterator[list[Article]]:
        """Annotate ``articles`` in place, yielding them a partition at a time in their order
        as soon as each partition and those before it are back (the writer commits while the
        cluster goes on). ``partition`` overrides the options' size."""
        distributed = _distributed()
        size = max(1, partition or self.options.partition)
        parts = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        limit = self.workers * TASKS_PER_THREAD
        index: dict[str, int] = {}
        done: dict[int, list[Article]] = {}  # back, waiting for an earlier partition
        waiting = distributed.as_completed(loop=self._client.loop)
        sent = given = 0
        try:
            while given < len(parts):
                while sent < len(parts) and sent - given < limit:
                    key = f"{self._prefix}-{self._sent}"
                    self._sent += 1
                    index[key] = sent
                    waiting.add(self._client.submit(analyse_partition, parts[sent], key=key, pure=False))
                    sent += 1
                if given not in done:
                    future = next(waiting)
                    done[index.pop(future.key)] = self._result(future)
                    future.release()
                while given in done:
                    for original, analysed in zip(parts[given], done.pop(given)):
                        original.__dict__.update(analysed.__dict__)
                    yield parts[given]
                    given += 1
        finally:
            waiting.clear()  # a run stopped half-way leaves no task behind

    @staticmethod
    def _result(future: Any) -> list[Article]:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            raise DaskEngineError(f"a partition of articles killed {_allowed_failures()} Dask workers in turn "
                                  "(out of memory on a very long article?); nothing after it was stored") from None
        except (OSError, CancelledError) as exc:
            raise DaskEngineError(f"lost the Dask scheduler mid-run ({_reason(exc)}); the articles stored so "
                                  "far are kept and the next run goes on from there") from None


def _allowed_failures() -> int:
    import dask

    return int(dask.config.get("distributed.scheduler.allowed-failures")) + 1


def _reason(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
