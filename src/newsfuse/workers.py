"""Analysis in several processes on a multi-core machine.

A batch of articles is split between worker processes forked from this one, so they inherit
the loaded spaCy model and gazetteer instead of loading their own. Each worker runs the
whole analysis (every component only reads the article it annotates) and sends its
articles back; the results are those of one process, in the same order. Workers die with
the run (a killed run leaves no process behind). Elsewhere than Linux (where forking a
process that holds the model is not safe everywhere) or with one worker, the batch is
analysed here. A very long article is read by this process and the workers together
(:mod:`newsfuse.analysis.spread`): its NER pieces in the workers, the components that do not
need entities here meanwhile.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from .analysis import analyse_articles, analyse_translated
from .analysis.spread import analyse_spread
from .models import Article


LONG_CHARS = 100_000  # an article this long keeps several cores busy on its own


def default_workers() -> int:
    """One per core, up to four (NER gains little past that on a laptop), at least one."""
    return max(1, min(4, os.cpu_count() or 1))


def _die_with_parent() -> None:
    """A worker whose run is killed (Ctrl-C, SIGKILL) must not live on waiting for work.
    Ctrl-C reaches every process of the run: a worker ends without a traceback of its own,
    and the run says once what it kept."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    signal.signal(signal.SIGINT, _exit_quietly)


def _exit_quietly(signum: int, _frame: object) -> None:
    os._exit(128 + signum)


def _analyse(articles: list[Article]) -> list[Article]:
    analyse_articles(articles)
    return articles


class AnalysisPool:
    """``with AnalysisPool(n) as pool: pool.analyse(batch)`` annotates ``batch`` in place."""

    def __init__(self, workers: int = 1):
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> AnalysisPool:
        if self.workers > 1 and sys.platform.startswith("linux"):
            from .analysis.entities import load_model
            from .geo.gazetteer import get_gazetteer

            load_model()  # loaded once here, shared with the workers by fork
            get_gazetteer()
            gc.freeze()  # the model and gazetteer live to the end: later collections skip them
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                             initializer=_die_with_parent)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def analyse(self, articles: Sequence[Article]) -> None:
        """Annotate ``articles`` in place (in workers when there are several). A very long
        article is read here and in the workers at once (its NER pieces there)."""
        if self._pool is not None:
            for article in articles:
                if len(article.text) > LONG_CHARS:
                    analyse_spread(article, self._pool.submit)
                    analyse_translated([article])  # its translation, when it has one: read here
            articles = [a for a in articles if len(a.text) <= LONG_CHARS]
        if self._pool is None or len(articles) < 2:
            if articles:
                analyse_articles(articles)
            return
        size = -(-len(articles) // self.workers)
        parts = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        done = [a for part in self._pool.map(_analyse, parts) for a in part]
        for original, analysed in zip(articles, done):
            original.__dict__.update(analysed.__dict__)
