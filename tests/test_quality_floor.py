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


def test_claims_floor(shared: Path):
    report = run_task("claims", _data(shared, "claims/isaf_dev.jsonl"), limit=120)
    assert report.metrics["killed_accuracy"] >= 0.96  # 0.975 on these 120 releases when pinned
    assert report.metrics["captured_accuracy"] >= 0.90  # 0.917 when pinned (0.842 before coreference rules)


def test_geo_floor(shared: Path):
    report = run_task("geo", _data(shared, "geo/trnews.jsonl"), limit=60)
    assert report.metrics["f1"] >= 0.85  # 0.864 on these 60 documents when pinned
    assert report.metrics["acc_161km"] >= 0.78  # 0.799 when pinned (0.793 before qualified names and regions)
