"""Analysis in worker processes gives what one process gives, in the same order."""

from __future__ import annotations

import sys

import pytest

from newsfuse.pipeline import collect
from newsfuse.workers import AnalysisPool, default_workers

from .conftest import DEMO


def test_two_workers_annotate_the_demo_as_one_process_does():
    if not sys.platform.startswith("linux"):
        pytest.skip("worker processes are used on Linux only")
    inline, _ = collect([str(DEMO)])
    forked, _ = collect([str(DEMO)])
    with AnalysisPool(1) as pool:
        pool.analyse(inline)
    with AnalysisPool(2) as pool:
        assert pool.parallel
        pool.analyse(forked)
    assert [a.id for a in forked] == [a.id for a in inline]
    assert [a.to_dict() for a in forked] == [a.to_dict() for a in inline]
    assert all(a.entities and a.sentences for a in forked)


def test_the_default_is_one_worker_per_core_up_to_four():
    assert 1 <= default_workers() <= 4


def test_long_articles_spread_their_ner_over_the_workers_and_read_the_same(monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("worker processes are used on Linux only")
    from newsfuse import workers

    inline, _ = collect([str(DEMO)])
    spread, _ = collect([str(DEMO)])
    with AnalysisPool(1) as pool:
        pool.analyse(inline)
    monkeypatch.setattr(workers, "LONG_CHARS", 800)  # most demo reports count as long here
    assert sum(len(a.text) > 800 for a in spread) >= 3
    with AnalysisPool(2) as pool:
        pool.analyse(spread)
    assert [a.to_dict() for a in spread] == [a.to_dict() for a in inline]
