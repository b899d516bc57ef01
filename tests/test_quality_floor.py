"""Pinned quality floors on small development subsets, so a regression cannot land silently.

The full figures are in BENCHMARKS.md; these run in seconds and read ../shared at run time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.bench import run_task


def _data(shared: Path, relative: str) -> Path:
    path = shared / "bench" / relative
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


def test_extract_floor(shared: Path):
    report = run_task("extract", _data(shared, "extract/wcxb_dev_articles.jsonl"), limit=80)
    assert report.metrics["f1"] >= 0.93  # 0.938 on these 80 pages when pinned
    assert report.metrics["failed"] == 0


def test_cluster_floor_allsides(shared: Path):
    report = run_task("cluster", _data(shared, "cluster/allsides2021.jsonl"))
    assert report.metrics["b3_f1"] >= 0.90  # 0.918 when pinned
