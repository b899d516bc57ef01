"""The command line as a user meets it: exit codes, messages, no tracebacks (on each backend;
the read-only file and folder tests are SQLite's own)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfuse.cli import main

from .conftest import DEMO


@pytest.fixture(scope="module")
def demo_db(new_location):
    db = new_location("demo.db")
    result = CliRunner().invoke(main, ["run", str(DEMO), "--db", db])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """The demo in a SQLite file, for the tests of files and folders that cannot be written."""
    db = str(tmp_path_factory.mktemp("cli") / "demo.db")
    result = CliRunner().invoke(main, ["run", str(DEMO), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_run_summary_and_idempotence(demo_db):
    result = invoke("run", str(DEMO), "--db", demo_db)
    assert result.exit_code == 0
    assert "0 new, 12 already stored" in result.output


def test_run_nothing_processable_exits_1(tmp_path):
    result = invoke("run", str(tmp_path / "missing"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.db").exists()


def test_run_without_paths_is_a_usage_error():
    assert invoke("run").exit_code == 2


def test_partial_failure_exits_0_and_counts_warnings(tmp_path):
    (tmp_path / "ok.txt").write_text("Dam gates opened\n\nEngineers opened the dam gates on Monday after heavy rain, the water board said.\n")
    (tmp_path / "bad.jsonl").write_text("{nope\n")
    result = invoke("run", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 0
    assert "bad.jsonl:1" in result.output and "1 skipped" in result.output


def test_events_table_and_json(demo_db):
    result = invoke("events", "--db", demo_db)
    assert result.exit_code == 0 and "events" in result.output
    records = json.loads(invoke("events", "--db", demo_db, "--json").output)
    assert records and all(r["id"].startswith("ev-") for r in records)
    dates = [r["date"]["start"] for r in records if r["date"]["start"]]
    assert dates == sorted(dates, reverse=True)


def test_show_by_prefix_json_and_md(demo_db):
    event_id = json.loads(invoke("events", "--db", demo_db, "--json").output)[0]["id"]
    shown = json.loads(invoke("show", event_id[:8], "--db", demo_db, "--json").output)
    assert shown["id"] == event_id
    md = invoke("show", event_id, "--db", demo_db, "--md").output
    assert md.startswith("## ") and "[^1]:" in md
    assert invoke("show", event_id, "--db", demo_db).exit_code == 0


def test_show_unknown_event(demo_db):
    result = invoke("show", "ev-nothing", "--db", demo_db)
    assert result.exit_code == 1 and "no single event" in result.output


def test_read_commands_on_missing_store(tmp_path):
    result = invoke("events", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "newsfuse run" in result.output


def test_articles_json_contract(demo_db):
    records = json.loads(invoke("articles", "--db", demo_db, "--json").output)
    assert len(records) == 12
    for r in records:
        assert set(r) == {"id", "path", "source", "title", "url", "published", "language", "text", "removed",
                          "translation"}
        assert r["translation"] is None  # only with run --translate (tests/test_translate.py)
        assert all(set(x) == {"line", "reason"} for x in r["removed"])
    assert sum(len(r["removed"]) for r in records) > 50


def test_articles_are_listed_a_page_at_a_time(demo_db, monkeypatch):
    """A store of millions is listed without holding every article: tables of a few hundred rows."""
    import newsfuse.render.terminal as terminal

    monkeypatch.setattr(terminal, "ARTICLES_PER_TABLE", 5)
    output = invoke("articles", "--db", demo_db).output
    assert "articles 1–5 of 12" in output and "articles 6–10 of 12" in output and "articles 11–12 of 12" in output
    one = json.loads(invoke("articles", "--db", demo_db, "--json").output)[3]["id"]
    assert [r["id"] for r in json.loads(invoke("articles", "--db", demo_db, "--json", "--id", one[:6]).output)] == [one]
    assert invoke("articles", "--db", demo_db, "--id", one).output.splitlines()[0].strip() == "1 article"


@pytest.mark.parametrize("fmt", ["json", "csv", "acled", "claims", "geojson", "md", "html"])
def test_export_formats(demo_db, fmt, tmp_path):
    out = tmp_path / f"events.{fmt}"
    result = invoke("export", "--db", demo_db, "--format", fmt, "--out", str(out))
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8-sig")
    if fmt == "json":
        assert isinstance(json.loads(text), list)
    elif fmt in ("csv", "acled", "claims"):  # spreadsheet CSV: a byte-order mark, then the header
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        key = {"csv": "id", "acled": "event_id_cnty", "claims": "event"}[fmt]
        assert rows and all(row[key].startswith("ev-") for row in rows)
    elif fmt == "geojson":
        data = json.loads(text)
        assert data["type"] == "FeatureCollection" and data["features"]
        assert all(f["properties"]["role"] == "event" for f in data["features"])  # never a place only mentioned
    elif fmt == "html":
        assert text.startswith("<!doctype html>") and "Figures and disputes" in text and "<script" not in text
    else:
        assert text.startswith("# newsfuse events") and "**Figures and disputes**" in text


def test_bench_unknown_task_and_missing_data():
    assert invoke("bench", "nonsense").exit_code == 2
    result = invoke("bench", "summarize")
    assert result.exit_code == 2 and "needs --data" in result.output


def test_help_has_examples():
    for command in ([], ["run"], ["events"], ["show"], ["articles"], ["export"], ["bench"]):
        result = invoke(*command, "--help")
        assert result.exit_code == 0 and "Example" in result.output


def test_python_dash_m_newsfuse_is_the_command():
    done = subprocess.run([sys.executable, "-m", "newsfuse", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("Usage: newsfuse ")


def test_options_a_store_was_built_with_are_kept_by_later_runs(tmp_path, new_location):
    from newsfuse.pipeline import run
    from newsfuse.store import open_store

    db = new_location("k.db")
    first = sorted(DEMO.glob("*.txt"))
    assert invoke("run", str(first[0]), "--db", db, "--fatality-rule", "conservative", "--length", "long").exit_code == 0
    assert invoke("run", *map(str, first[1:3]), "--db", db).exit_code == 0  # new articles, no options given
    store = open_store(db)
    assert store.get_setting("fatality_rule") == "conservative"
    assert store.get_setting("brief") == "long;rewrite=off"
    run([str(first[3])], store)  # the library path (and the web app's ingest) keeps them too
    assert store.get_setting("fatality_rule") == "conservative" and store.get_setting("brief").startswith("long")
    store.close()
    assert invoke("run", str(first[0]), "--db", db, "--length", "short").exit_code == 0
    store = open_store(db)
    assert store.get_setting("brief") == "short;rewrite=off" and store.get_setting("fatality_rule") == "conservative"
    store.close()


def test_a_failed_first_run_never_deletes_a_store_another_run_made(tmp_path, monkeypatch):
    """Another run creates the store while this one finds nothing to read: the store stays."""
    from newsfuse import pipeline
    from newsfuse.store import open_store

    db = tmp_path / "busy.db"
    real_read = pipeline.read_batches

    def read_while_another_run_creates_the_store(*args, **kwargs):
        open_store(str(db)).close()
        return real_read(*args, **kwargs)

    monkeypatch.setattr(pipeline, "read_batches", read_while_another_run_creates_the_store)
    result = invoke("run", str(tmp_path / "missing"), "--db", str(db))
    assert result.exit_code == 1
    assert db.exists()


def _read_only(paths: list[Path], args: list[str]) -> list[str]:
    """A `newsfuse` command that sees ``paths`` read-only: chmod for a user, a read-only bind
    mount in a private mount namespace for root (whom permissions do not stop)."""
    import shutil
    import stat
    import sys

    command = [str(Path(sys.executable).with_name("newsfuse")), *args]
    if os.geteuid() != 0:
        for p in paths:
            p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        return command
    if not shutil.which("unshare"):
        pytest.skip("running as root without unshare: cannot make a path read-only for root")
    mounts = " && ".join(f"mount --bind -o ro '{p}' '{p}'" for p in paths)
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"{mounts} && true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a read-only bind mount here: {probe.stderr.decode(errors='replace').strip()}")
    return ["unshare", "-m", "sh", "-c", f'{mounts} && exec "$0" "$@"', *command]


@pytest.fixture
def writable_again():
    made: list[Path] = []
    yield made
    for p in made:
        p.chmod(0o755 if p.is_dir() else 0o644)


def test_a_read_only_store_file_is_refused_before_any_input_is_read(demo_file, tmp_path, writable_again):
    import shutil

    db = tmp_path / "ro.db"
    shutil.copy(demo_file, db)
    writable_again.append(db)
    result = subprocess.run(_read_only([db], ["run", str(DEMO), str(tmp_path / "not-there"), "--db", str(db)]),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "read-only" in result.stderr and "Traceback" not in result.stderr
    assert "not-there" not in result.stderr  # refused before reading (and analysing) the inputs


def test_a_store_in_a_read_only_folder_can_be_read(demo_file, tmp_path, writable_again):
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "demo.db"
    src = sqlite3.connect(demo_file)
    src.backup(sqlite3.connect(db))  # a self-contained copy, as an archived store would be
    writable_again.append(folder)
    listed = subprocess.run(_read_only([folder], ["events", "--db", str(db), "--json"]),
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == len(json.loads(invoke("events", "--db", demo_file, "--json").output))
    refused = subprocess.run(_read_only([folder], ["run", str(DEMO), "--db", str(db)]),
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "read-only" in refused.stderr and "Traceback" not in refused.stderr


# --- filters on `events` and `export` -------------------------------------------------------------

def _listed(demo_db: str, *filters: str) -> list[dict]:
    result = invoke("events", "--db", demo_db, "--json", *filters)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_each_filter_narrows_the_listing(demo_db):
    everything = _listed(demo_db)
    assert len(everything) == 3
    by_day = {r["date"]["start"]: r for r in everything}
    border, protest, shootout = by_day["2024-05-14"], by_day["2024-03-21"], by_day["2023-05-03"]
    ids = lambda *f: [r["id"] for r in _listed(demo_db, *f)]  # noqa: E731
    assert ids("--since", "2024-04") == [border["id"]]
    assert ids("--until", "2024-03") == [protest["id"], shootout["id"]]  # all of March, not only up to the 1st
    assert ids("--since", "2024", "--until", "2024-03-21") == [protest["id"]]
    assert ids("--type", "protests") == [protest["id"]]
    assert ids("--country", "es") == [protest["id"]]
    assert ids("--min-fatalities", "5") == [border["id"]]  # 41 dead; the shootout's total is 4
    assert ids("--min-fatalities", "0") == [r["id"] for r in everything]
    assert ids("--min-reports", "4") == [border["id"], protest["id"]]
    assert ids("--query", "tractors") == [protest["id"]]
    assert ids("--type", "battles", "--min-fatalities", "1", "--country", "TJ") == [border["id"], shootout["id"]]


def test_an_export_holds_only_matching_events(demo_db, tmp_path):
    out = tmp_path / "kg.csv"
    result = invoke("export", "--db", demo_db, "--format", "acled", "--country", "KG", "--since", "2024-01-01",
                    "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [(r["event_date"], r["fatalities"]) for r in rows] == [("2024-05-14", "41")]
    claims = invoke("export", "--db", demo_db, "--format", "claims", "--type", "Protests")
    events = {r["event"] for r in csv.DictReader(io.StringIO(claims.output.removeprefix("\ufeff"), newline=""))}
    assert events == {r["id"] for r in _listed(demo_db, "--type", "Protests")}


def test_the_table_shows_type_and_fatalities(demo_db):
    result = invoke("events", "--db", demo_db, "--min-fatalities", "5")
    assert result.exit_code == 0
    assert "fatalities" in result.output and "Battles" in result.output and "41" in result.output
    assert "Protests" not in result.output
    assert "no events match" in invoke("events", "--db", demo_db, "--query", "nothingofthesort").output


@pytest.mark.parametrize("args, says", [
    (["--since", "last week"], "--since must be an ISO date"),
    (["--until", "2024-02-30"], "--until is not a date in the calendar"),
    (["--since", "2024-06", "--until", "2024-05"], "--since 2024-06 is after the end date 2024-05"),
    (["--country", "Spain"], "--country must be a two-letter ISO code"),
    (["--min-fatalities", "ten"], "--min-fatalities must be a whole number"),
    (["--min-reports", "0"], "--min-reports must be between 1 and"),
])
def test_a_bad_filter_is_a_usage_error_naming_the_option(demo_db, args, says):
    for command in ("events", "export"):
        result = invoke(command, "--db", demo_db, *args)
        assert result.exit_code == 2 and says in result.output and "Traceback" not in result.output


# --- where an export goes ------------------------------------------------------------------------

@pytest.mark.parametrize("where, says", [
    ("missing/events.csv", "no such folder"),
    (".", "it is a folder"),
])
def test_an_unwritable_out_is_one_line(demo_db, tmp_path, where, says):
    target = tmp_path / where
    result = invoke("export", "--db", demo_db, "--format", "csv", "--out", str(target))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in result.output


def test_out_in_a_read_only_folder_is_one_line(demo_file, tmp_path, writable_again):
    folder = tmp_path / "archive"
    folder.mkdir()
    writable_again.append(folder)
    result = subprocess.run(_read_only([folder], ["export", "--db", demo_file, "--format", "csv",
                                                  "--out", str(folder / "events.csv")]),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "read-only" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_out_parquet_writes_the_table(demo_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional newsfuse[parquet] extra")
    out = tmp_path / "events.parquet"
    result = invoke("export", "--db", demo_db, "--format", "acled", "--min-fatalities", "1", "--out", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names[:3] == ["event_id_cnty", "event_date", "year"]
    assert sorted(table.column("fatalities").to_pylist()) == [4, 41]


def test_out_parquet_needs_a_table_and_pyarrow(demo_db, tmp_path, monkeypatch):
    result = invoke("export", "--db", demo_db, "--format", "geojson", "--out", str(tmp_path / "x.parquet"))
    assert result.exit_code == 2 and "--format csv, acled, claims" in result.output
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = invoke("export", "--db", demo_db, "--format", "acled", "--out", str(tmp_path / "x.parquet"))
    assert result.exit_code == 1 and "pip install 'newsfuse[parquet]'" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "x.parquet").exists()


def test_a_search_past_its_time_limit_is_one_line(demo_db, tmp_path, monkeypatch):
    from newsfuse.store import pg_search, search

    def too_slow(*args, **kwargs):
        raise search.QueryTimeout("query took longer than 5 s")

    monkeypatch.setattr(search, "query_events", too_slow)
    monkeypatch.setattr(pg_search, "query_events", too_slow)
    for args in (["events"], ["export", "--format", "acled", "--out", str(tmp_path / "x.csv")]):
        result = invoke(*args, "--db", demo_db, "--query", "border")
        assert result.exit_code == 1 and "narrow the filters" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.csv").exists()


def test_a_folders_unsupported_files_are_one_line_and_counted(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "ok.txt").write_text("Dam gates opened\n\nEngineers opened the dam gates on Monday after heavy rain, the water board said.\n")
    for name in ("a.pdf", "b.pdf", "c.docx"):
        (folder / name).write_bytes(b"%PDF-1.4")
    result = invoke("run", str(folder), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 0
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("skipped")]
    assert line.startswith(f"skipped {folder}: 3 files of unsupported types (.pdf, .docx); newsfuse reads .htm")
    assert "1 read, 1 new, 3 skipped" in result.output


def _interrupted_run(args: list[str], out: str) -> None:
    """A child process: `newsfuse run` with --workers 1 and chunks of 4 articles, sent a
    real SIGINT (what Ctrl-C sends) once its first chunk is committed."""
    import signal

    from newsfuse import pipeline

    signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal (a background job ignores it)
    pipeline.ANALYSE_CHUNK = 4

    def ctrl_c_after_first_commit(point: str) -> None:
        if point == "stored":
            os.kill(os.getpid(), signal.SIGINT)

    pipeline._crash_point = ctrl_c_after_first_commit
    result = CliRunner().invoke(main, args)
    Path(out).write_text(result.output)
    os._exit(result.exit_code)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="runs the command line in a forked child process")
def test_ctrl_c_exits_130_and_keeps_what_was_committed(tmp_path, new_location):
    import multiprocessing

    from newsfuse.store import open_store

    db, out = new_location("x.db"), str(tmp_path / "output")
    child = multiprocessing.get_context("fork").Process(
        target=_interrupted_run, args=(["run", str(DEMO), "--db", db, "--workers", "1"], out))
    child.start()
    child.join(300)
    output = Path(out).read_text()
    assert child.exitcode == 130, output
    assert output.strip().splitlines()[-1] == (
        "interrupted after reading 12 articles: 4 new articles were stored and are kept; "
        "the next run (or `newsfuse serve`) places them in events")
    assert "Traceback" not in output and "Aborted" not in output
    store = open_store(db, readonly=True)
    try:
        assert store.count_articles() == 4 and store.count_events() == 0
    finally:
        store.close()
    again = invoke("run", str(DEMO), "--db", db)
    assert again.exit_code == 0 and "8 new, 4 already stored → 3 events" in again.output


def test_ctrl_c_in_any_command_exits_130(demo_db, monkeypatch):
    from newsfuse.render import record

    def interrupted(store, query=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(record, "iter_records", interrupted)
    result = invoke("events", "--db", demo_db)
    assert result.exit_code == 130 and result.output.strip() == "interrupted"


def test_an_article_is_found_by_its_id_without_reading_the_others(demo_db, monkeypatch):
    """``--id`` goes through the store's id lookup: listing every article to compare its id
    decoded the whole store for one report."""
    from newsfuse.store import open_store

    listed = json.loads(invoke("articles", "--db", demo_db, "--json").output)
    one = listed[5]["id"]
    store_class = type(open_store(demo_db, readonly=True))

    def no_listing(self):
        raise AssertionError("read every article")

    monkeypatch.setattr(store_class, "iter_articles", no_listing)
    assert [r["id"] for r in json.loads(invoke("articles", "--db", demo_db, "--json", "--id", one[:7]).output)] == [one]
    assert invoke("articles", "--db", demo_db, "--id", "zzzz").exit_code == 1
