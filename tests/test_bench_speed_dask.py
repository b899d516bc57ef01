"""``bench speed --engine dask``: the analysis stage on a local cluster, against one process."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsfuse.bench import BenchUnavailable, run_task
from newsfuse.cli import main

pytest.importorskip("distributed", reason="the dask extra is not installed")

# Fictional reports, written for this test.
BODY = ("Rescue crews in Velmora said on Monday that the footbridge over the Tesk river collapsed at dawn, "
        "killing three people. The regional governor, Irena Falk, said 12 others were injured. ")


def test_one_worker_analyses_as_this_process_does(tmp_path):
    data = tmp_path / "c.jsonl"
    data.write_text("".join(json.dumps({"title": f"Footbridge falls in town {n}", "text": BODY * (n + 1),
                                        "date": "2031-05-05"}) + "\n" for n in range(3)), encoding="utf-8")
    m = run_task("speed", data, options={"engine": "dask", "workers": 1}).metrics
    assert m["articles"] == 3 and m["workers"] == 1 and m["identical_to_in_process"] == 1
    assert m["in_process_articles_per_s"] > 0 and m["dask_1w_articles_per_s"] > 0 and m["ratio_to_in_process"] > 0


def test_workers_and_engine_are_options_of_speed_only():
    with pytest.raises(BenchUnavailable, match="takes no --workers"):
        run_task("cluster", None, options={"workers": 2})
    with pytest.raises(BenchUnavailable, match="add --engine dask"):
        run_task("speed", None, options={"workers": 2})
    done = CliRunner().invoke(main, ["bench", "geo", "--engine", "dask", "--data", __file__])
    assert done.exit_code == 2 and "takes no --engine" in done.output
