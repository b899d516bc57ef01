"""Analysis on a Dask cluster gives the events one process gives, loses no article when a
worker dies mid-run, and says in one line what is wrong when it cannot run."""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfuse import dask_engine
from newsfuse.cli import main
from newsfuse.dask_engine import DaskAnalysis, DaskEngineError, DaskOptions
from newsfuse.pipeline import collect, run
from newsfuse.store import open_store
from newsfuse.workers import AnalysisPool

from .conftest import DEMO, SHARED
from .test_engine import records

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
GVA_DEV = SHARED / "bench" / "events" / "gva_dev.jsonl"
GVA_REPORTS = 60


@pytest.fixture(scope="module")
def cluster():
    """One local cluster of two worker processes for the whole module (it takes seconds to start)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                 dashboard_address="127.0.0.1:0") as c:
        with distributed.Client(c, set_as_default=False) as client:
            yield c, client


def _build(db: Path, paths: list[str], **options) -> object:
    store = open_store(str(db))
    try:
        return run(paths, store, **options)
    finally:
        store.close()


def test_workers_import_newsfuse_from_where_this_process_does(cluster):
    import newsfuse

    _, client = cluster
    assert set(client.run(lambda: __import__("newsfuse").__file__).values()) == {newsfuse.__file__}


def test_partitions_come_back_in_order_annotated_as_in_one_process(cluster):
    inline, _ = collect([str(DEMO)])
    AnalysisPool(1).analyse(inline)
    articles, _ = collect([str(DEMO)])
    with DaskAnalysis(DaskOptions(cluster[0].scheduler_address, partition=2)) as pool:
        assert pool.workers == 2
        submit, sent = pool.client.submit, []
        pool.client.submit = lambda *args, **kwargs: sent.append(1) or submit(*args, **kwargs)
        chunks, out = [], []  # tasks out (sent, not yet handed back) at each hand-over
        for chunk in pool.stream(articles):
            out.append(len(sent) - len(chunks))
            chunks.append(chunk)
    assert len(chunks) == 6 and max(out) <= 2 * dask_engine.TASKS_PER_THREAD  # memory stays bounded
    assert all(len(c) <= 2 for c in chunks)
    assert [a.id for c in chunks for a in c] == [a.id for a in articles]
    assert [a.to_dict() for a in articles] == [a.to_dict() for a in inline]
    assert pool.recomputed == 0


def test_demo_through_the_cli_on_a_cluster_gives_the_events_of_the_default_engine(cluster, tmp_path):
    _build(tmp_path / "one.db", [str(DEMO)])
    done = CliRunner().invoke(main, ["run", str(DEMO), "--db", str(tmp_path / "dask.db"), "--quiet",
                                     "--engine", "dask", "--scheduler", cluster[0].scheduler_address])
    assert done.exit_code == 0, done.output
    assert "recomputed" not in done.output
    assert records(tmp_path / "dask.db") == records(tmp_path / "one.db")


def test_a_dev_sample_on_a_cluster_gives_the_events_of_one_process(cluster, tmp_path):
    if not GVA_DEV.exists():
        pytest.skip(f"{GVA_DEV} is absent (the GVA dev set is read at run time)")
    sample = tmp_path / "gva.jsonl"
    with GVA_DEV.open() as src, sample.open("w") as out:
        written = 0
        for line in src:
            for doc in json.loads(line)["docs"]:
                if written < GVA_REPORTS and (doc.get("text") or "").strip():
                    out.write(json.dumps(doc) + "\n")
                    written += 1
            if written >= GVA_REPORTS:
                break
    one = _build(tmp_path / "one.db", [str(sample)], workers=1)
    many = _build(tmp_path / "dask.db", [str(sample)], dask=DaskOptions(cluster[0].scheduler_address))
    assert many.added == one.added == GVA_REPORTS
    assert records(tmp_path / "dask.db") == records(tmp_path / "one.db")


def test_a_worker_killed_mid_run_loses_no_article_and_the_summary_says_so(cluster, tmp_path):
    address, client = cluster[0].scheduler_address, cluster[1]
    _build(tmp_path / "one.db", [str(DEMO)])
    killed: list[str] = []

    def kill_a_busy_worker(stage: str, done: int, total: int) -> None:
        if stage != "analyse" or killed:
            return
        in_memory = client.has_what()  # with what is running: the partitions not fetched yet
        held = {w: [*in_memory.get(w, ()), *keys] for w, keys in client.processing().items()}
        busy = [w for w, keys in held.items() if any(str(k).startswith("newsfuse-") for k in keys)]
        assert busy, f"no partition left on a worker to lose: {held}"
        killed.append(busy[0])
        pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
        os.kill(pid, signal.SIGKILL)  # its nanny starts a new worker; the scheduler reruns its tasks

    summary = _build(tmp_path / "dask.db", [str(DEMO)], progress=kill_a_busy_worker,
                     dask=DaskOptions(address, partition=1))
    assert killed
    assert summary.recomputed >= 1
    assert summary.added == summary.read == 12
    store = open_store(str(tmp_path / "dask.db"), readonly=True)
    try:
        assert store.count_pending() == 0
    finally:
        store.close()
    assert records(tmp_path / "dask.db") == records(tmp_path / "one.db")


# -- what the user is told ----------------------------------------------------------------


def test_without_dask_the_engine_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as when not installed
    with pytest.raises(DaskEngineError, match=r"pip install 'newsfuse\[dask\]'"):
        DaskAnalysis().__enter__()
    done = CliRunner().invoke(main, ["run", str(DEMO), "--db", str(tmp_path / "s.db"), "--engine", "dask"])
    assert done.exit_code == 1
    assert done.output.strip().splitlines() == ["Error: --engine dask needs Dask: pip install 'newsfuse[dask]'"]
    assert not (tmp_path / "s.db").exists()


def test_an_unreachable_scheduler_is_one_line(monkeypatch, tmp_path):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for address in (f"tcp://127.0.0.1:{port}", "scheduler-without-port"):
        done = CliRunner().invoke(main, ["run", str(DEMO), "--db", str(tmp_path / "s.db"), "--engine", "dask",
                                         "--scheduler", address])
        assert done.exit_code == 1
        lines = done.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: cannot reach the Dask scheduler at {address}")
    assert not (tmp_path / "s.db").exists()


@pytest.mark.parametrize("options, message", [
    (["--scheduler", "tcp://h:8786"], "--scheduler needs --engine dask"),
    (["--engine", "dask", "--scheduler", "tcp://h:8786", "--workers", "2"], "--workers sizes a local cluster"),
])
def test_scheduler_options_that_do_not_go_together(options, message, tmp_path):
    done = CliRunner().invoke(main, ["run", str(DEMO), "--db", str(tmp_path / "s.db"), *options])
    assert done.exit_code == 2 and message in done.output


def test_the_closing_line_counts_recomputed_tasks(monkeypatch, tmp_path):
    from newsfuse import pipeline

    def fake_run(paths, store, progress=None, *, summary, dask, **options):
        assert dask == DaskOptions(None, 2)
        summary.read = summary.added = 12
        summary.recomputed = 3

    monkeypatch.setattr(pipeline, "run", fake_run)
    done = CliRunner().invoke(main, ["run", str(DEMO), "--db", str(tmp_path / "s.db"), "--engine", "dask",
                                     "--workers", "2"])
    assert done.exit_code == 0, done.output
    assert "3 analysis tasks recomputed after a lost worker (no article lost)" in done.output
