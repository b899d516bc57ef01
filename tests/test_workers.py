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
