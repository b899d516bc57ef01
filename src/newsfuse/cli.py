"""The ``newsfuse`` command: a thin shell over the pipeline, the store and the renderers.

Errors a user can fix (a missing path, a wrong id, a bad option) are turned into
one clear line here; nothing below this module prints or exits.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .cli_options import any_filter, db_option, err, event_query, filter_options, out, reading, stdout_text
from .cli_options import open_existing as _open_existing

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .models import Article
    from .store import Store


def _finish_interrupted_run(db: str) -> None:
    """Upgrade a writable store and rebuild events a stopped run left stale, so the web
    app never shows articles outside every event. A read-only store is served as it is."""
    from .pipeline import RunSummary, settle
    from .store import open_store, sqlite_path
    from .store.sqlite import StoreError

    path = sqlite_path(db)
    if path is not None and not Path(path).is_file():
        return  # named by the read-only check after this
    try:
        store = open_store(db)
    except StoreError:
        return
    try:
        if store.events_stale():
            err.print(f"{db}: a run stopped before writing its events; finishing them first", highlight=False)
            settle(store, RunSummary())
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


EXPORT_FORMATS = ("json", "csv", "acled", "claims", "geojson", "md", "html")
TABLE_EXPORTS = ("csv", "acled", "claims")
INTERRUPTED = 130  # what a shell reports for a program stopped by Ctrl-C (128 + SIGINT)


class _Group(click.Group):
    """Ctrl-C ends any command with exit code 130 and one line (click's default is
    "Aborted!" and 1, which reads like a failure of the command itself)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            err.print("interrupted", highlight=False)
            raise click.exceptions.Exit(INTERRUPTED) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsfuse")
def main() -> None:
    """newsfuse: news reports in, event records with provenance out.

    \b
    Examples:
      newsfuse run demo/                      # ingest a folder into ./newsfuse.db
      newsfuse events                         # list events, newest first
      newsfuse show ev-1a2b3c --md            # one event as Markdown
      newsfuse export --format geojson --out events.geojson
      newsfuse bench extract --data ../shared/bench/extract/wcxb_dev_articles.jsonl
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
@click.option("--fatality-rule", type=click.Choice(["best", "conservative"]), default=None,
              help="best: UCDP-style best estimate; conservative: ACLED's lowest reported figure. "
                   "Default: what the store was built with (best for a new store).")
@click.option("--length", type=click.Choice(["short", "standard", "long"]), default=None,
              help="Brief length: up to 3 sentences (~45 words), 4 (~75) or 8 (~160). "
                   "Default: what the store was built with (standard for a new store).")
@click.option("--rewrite/--no-rewrite", default=None,
              help="Rewrite briefs through the OpenAI-compatible endpoint in $NEWSFUSE_LLM_BASE_URL "
                   "($NEWSFUSE_LLM_MODEL, $NEWSFUSE_LLM_API_KEY); gated, falls back to the extractive brief.")
@click.option("--translate", is_flag=True, default=False,
              help="Machine-translate reports not in English, sentence by sentence, through the same endpoint "
                   "($NEWSFUSE_LLM_BASE_URL): kept beside the original, facts cited to the original sentences. "
                   "A report already translated is not translated again; a failure leaves it analysed in part.")
@click.option("--lang", type=click.Choice(["en", "fr", "es"]), default=None,
              help="The reader's language: briefs quote its reports first (never a translation). "
                   "Default: what the store was built with (English for a new store).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Analyse in this many processes (default: one per core, up to 4); with --engine dask, "
                   "the processes of a local Dask cluster.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask cluster (the dask extra).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --engine dask: the scheduler of a running cluster (e.g. tcp://host:8786) "
                   "instead of a local cluster.")
def run(paths: tuple[str, ...], db: str, quiet: bool, fatality_rule: str | None, length: str | None,
        rewrite: bool | None, translate: bool, lang: str | None, workers: int | None, engine: str,
        scheduler: str | None) -> None:
    """Read articles from PATHS, clean, analyse and cluster them into events.

    PATHS are files (.txt, .html/.htm, .jsonl, .json), folders (searched
    recursively) or - for JSON Lines on standard input. Articles already in the
    store are skipped, so running again on the same inputs adds nothing. A
    NAME.meta.json beside NAME.txt or NAME.html gives its published date, source,
    url and title. Ctrl-C stops the run with exit code 130, keeping what it stored.

    \b
    Examples:
      newsfuse run ~/reports/ --db reports.db
      cat dump.jsonl | newsfuse run -
      newsfuse run demo/ --length long --fatality-rule conservative
      newsfuse run reportages/ --lang fr   # briefs quote French reports first
      NEWSFUSE_LLM_BASE_URL=http://127.0.0.1:8080/v1 newsfuse run reports-ru/ --translate
      newsfuse run archive.jsonl --workers 2   # analyse in two processes
      newsfuse run archive.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .brief import RewriteConfig
    from .dask_engine import DaskEngineError, DaskOptions
    from .llm import LLMConfig
    from .pipeline import BriefOptions, RunSummary
    from .workers import default_workers
    from .pipeline import run as run_pipeline
    from .store import open_store, store_exists, writable_problem
    from .store.sqlite import StoreError

    rewrite_with = RewriteConfig.from_env() if rewrite else None
    if rewrite and rewrite_with is None:
        raise click.UsageError("--rewrite needs NEWSFUSE_LLM_BASE_URL (an OpenAI-compatible endpoint, e.g. "
                               "http://127.0.0.1:8080/v1)")
    brief = BriefOptions(length, rewrite, rewrite_with, lang)
    translate_with = LLMConfig.from_env() if translate else None
    if translate and translate_with is None:
        raise click.UsageError("--translate needs NEWSFUSE_LLM_BASE_URL (an OpenAI-compatible endpoint, e.g. "
                               "http://127.0.0.1:8080/v1)")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if scheduler and workers:
        raise click.UsageError("--workers sizes a local cluster; with --scheduler the cluster's own workers are used")
    dask = DaskOptions(scheduler, workers or default_workers()) if engine == "dask" else None
    existed = store_exists(db)  # a server's store is opened (and made) now: a wrong URL fails first
    store = None
    try:  # a store that cannot be written is named before anything is analysed
        if existed:
            store = open_store(db)
        elif problem := writable_problem(db):
            raise StoreError(problem)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    show_progress = not quiet and err.is_terminal
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not show_progress) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total or None)
            bar.update(tasks[stage], completed=done, total=total or None)

        summary = RunSummary()
        failure = interrupted = None
        try:  # nothing readable and no store yet: create none
            run_pipeline(paths, store if store is not None else (lambda: open_store(db)), progress,
                         fatality_rule=fatality_rule, brief=brief, summary=summary,
                         workers=workers or default_workers(), dask=dask, translate=translate_with)
        except (StoreError, DaskEngineError) as exc:
            failure = exc
        except KeyboardInterrupt:  # committed chunks stay committed (pipeline.store_new)
            interrupted = True
        store = store or summary.store
    for issue in summary.issues:
        err.print(f"[yellow]skipped[/] {click.format_filename(issue.path)}: {issue.message}", highlight=False)
    for warning in summary.warnings:
        err.print(f"[yellow]warning[/] {click.format_filename(warning.path)}: {warning.message}", highlight=False)
    if store is not None:
        store.close()
    if interrupted:
        kept = (f"{summary.added} new articles were stored and are kept; the next run (or `newsfuse serve`) "
                "places them in events" if summary.added else "nothing new was stored")
        err.print(f"interrupted after reading {summary.read} articles: {kept}", highlight=False)
        sys.exit(INTERRUPTED)
    if failure is not None:
        kept = f"; {summary.added} new articles were stored before it and are kept" if summary.added else ""
        raise click.ClickException(f"{failure}{kept}")
    parts = [f"{summary.read} read", f"{summary.added} new"]
    if summary.already_stored:
        parts.append(f"{summary.already_stored} already stored")
    if summary.duplicates_in_batch:
        parts.append(f"{summary.duplicates_in_batch} duplicates")
    if summary.issues:
        parts.append(f"{sum(issue.count for issue in summary.issues)} skipped")
    if summary.warnings:
        parts.append(f"{len(summary.warnings)} warnings")
    if summary.recomputed:
        parts.append(f"{summary.recomputed} analysis tasks recomputed after a lost worker (no article lost)")
    if summary.translated:
        parts.append(f"{summary.translated} translated")
    if summary.untranslated:
        parts.append(f"{summary.untranslated} not translated")
    if summary.partial:
        langs = ", ".join(f"{lang} {n}" for lang, n in sorted(summary.partial.items()))
        parts.append(f"{sum(summary.partial.values())} partially analysed (language {langs})")
    where = f"{summary.events} events in {db}" if store is not None else f"nothing stored, {db} not created"
    err.print(f"{', '.join(parts)} → {where}", highlight=False)
    if summary.processed == 0:
        sys.exit(1)


@main.command()
@db_option
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the event records as JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N events.")
def events(db: str, as_json: bool, limit: int | None, **filters: str | None) -> None:
    """List events, newest first (those matching the filters, if any).

    \b
    Examples:
      newsfuse events --db reports.db
      newsfuse events --json --limit 5 > latest.json
      newsfuse events --country KG --since 2024-05 --min-fatalities 10
      newsfuse events --type battles --query "border" --min-reports 3
    """
    from itertools import islice

    from .render.export import write_json
    from .render.record import iter_records
    from .render.terminal import events_table

    query = event_query(filters)
    records = islice(iter_records(_open_existing(db), query), limit)
    if as_json:
        with reading(), stdout_text() as stream:
            write_json(records, stream)
        return
    with reading():
        records = list(records)
    if not records:
        err.print("no events match these filters" if any_filter(filters) else "no events stored yet")
    else:
        out.print(events_table(records))


@main.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the event record as JSON.")
@click.option("--md", "as_md", is_flag=True, help="Print the event as Markdown.")
def show(event_id: str, db: str, as_json: bool, as_md: bool) -> None:
    """Show one event (an id prefix is enough).

    \b
    Examples:
      newsfuse show ev-1a2b
      newsfuse show ev-1a2b3c4d5e6f --json > event.json
    """
    from .render.export import event_markdown
    from .render.record import record_with_articles
    from .render.terminal import print_event

    store = _open_existing(db)
    merged_into = store.resolve_event(event_id)
    if merged_into is not None and merged_into != event_id:
        err.print(f"{event_id} was merged into {merged_into}", highlight=False)
    matches = [merged_into] if merged_into else store.find_events(event_id)
    if len(matches) != 1:
        hint = "several events start with it: " + ", ".join(matches) if matches else "see `newsfuse events`"
        raise click.ClickException(f"no single event {event_id!r}; {hint}")
    record, _ = record_with_articles(store, store.get_event(matches[0]))
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    elif as_md:
        click.echo(event_markdown(record), nl=False)
    else:
        print_event(out, record)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print every article (cleaned text, removed lines) as JSON.")
@click.option("--id", "article_id", default=None, help="Only the article with this id (or id prefix).")
def articles(db: str, as_json: bool, article_id: str | None) -> None:
    """List stored articles with their metadata and what cleaning removed.

    \b
    Examples:
      newsfuse articles
      newsfuse articles --id 9c2e --json   # one article: cleaned text and every removed line with its reason
    """
    from .render.export import write_json
    from .render.record import article_record
    from .render.terminal import article_tables

    store = _open_existing(db)
    # one article at a time: a store of millions is listed without holding it in memory
    items = store.iter_articles() if not article_id else _articles_with_prefix(store, article_id)
    records = (article_record(a) for a in items)
    if as_json:
        with stdout_text() as stream:
            write_json(records, stream)
    else:
        for table in article_tables(records, of=None if article_id else store.count_articles()):
            out.print(table)


def _articles_with_prefix(store: Store, prefix: str) -> Iterable[Article]:
    """The articles whose id starts with ``prefix``, in the listing's order, found through the
    store's id index (reading every article to compare its id decoded the whole store); a
    prefix so short that the index stops at ``FOUND_AT_MOST`` ids is read the long way."""
    from .store import FOUND_AT_MOST

    ids = store.find_articles(prefix)
    if not ids:
        raise click.ClickException(f"no article {prefix!r}; see `newsfuse articles`")
    if len(ids) >= FOUND_AT_MOST:
        return (a for a in store.iter_articles() if a.id.startswith(prefix))
    found = [a for a in map(store.get_article, ids) if a is not None]
    return sorted(found, key=lambda a: (a.published is None, a.published or "", a.path or "", a.id))


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="json", show_default=True,
              help="json, csv (one row per event), acled (ACLED's columns), claims (one row per casualty "
                   "claim), geojson (event places), md, html.")
@click.option("--out", "out_path", default=None, metavar="FILE",
              help="Write to FILE instead of standard output; a FILE ending in .parquet writes the "
                   "csv, acled or claims table as Parquet (needs newsfuse[parquet]).")
@filter_options
def export(db: str, fmt: str, out_path: str | None, **filters: str | None) -> None:
    """Export events (those matching the filters, if any) as JSON, CSV, an ACLED-style table,
    a table of casualty claims, GeoJSON, Markdown or a standalone HTML report.

    CSV tables open cleanly in spreadsheet programs (UTF-8 with a byte-order mark, CRLF line
    ends); docs/export.md describes every column.

    \b
    Examples:
      newsfuse export --format csv --out events.csv
      newsfuse export --format acled --country KG --since 2024-01-01 --out kg.csv
      newsfuse export --format acled --out events.parquet      # the same table as Parquet
      newsfuse export --format claims --min-fatalities 1 --out claims.csv
      newsfuse export --format html --out report.html   # one file, citations linked to the articles
      newsfuse export --format geojson > events.geojson
    """
    from .render.export import write_export, write_table_parquet
    from .render.parquet import ParquetUnavailable, require_pyarrow
    from .render.record import iter_records
    from .output import OutputError, output_file

    query = event_query(filters)
    parquet = bool(out_path) and out_path.lower().endswith(".parquet")
    if parquet:
        if fmt not in TABLE_EXPORTS:
            raise click.UsageError(f"--out *.parquet holds a table: use --format {', '.join(TABLE_EXPORTS)}, "
                                   f"not {fmt}")
        try:
            require_pyarrow()
        except ParquetUnavailable as exc:
            raise click.ClickException(str(exc)) from exc
    store = _open_existing(db)
    records = iter_records(store, query)
    try:
        if out_path is None:
            with reading(), stdout_text() as stream:
                write_export(records, fmt, stream)
            return
        with reading(), output_file(out_path, binary=parquet) as target:
            if parquet:
                write_table_parquet(records, fmt, target)
            else:
                write_export(records, fmt, target)
    except OutputError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        records.close()  # its snapshot ends before the store closes
        store.close()
    err.print(f"wrote {out_path}", highlight=False)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host is NAME (repeatable; NEWSFUSE_ALLOWED_HOSTS adds "
                   "comma-separated names; '*' answers any Host). Loopback names and --host always are.")
def serve(db: str, host: str, port: int, allowed_hosts: tuple[str, ...]) -> None:
    """Browse events, claims and articles in a local web app (and a JSON API under /api).

    Read-only unless NEWSFUSE_TOKEN is set: then POST /api/articles ingests articles
    sent with `Authorization: Bearer TOKEN`. Works offline. Requests for a Host name
    the server was not started for are refused (a web page cannot reach the API by
    DNS rebinding).

    \b
    Examples:
      newsfuse serve --db demo.db            # then open http://127.0.0.1:8000/
      NEWSFUSE_TOKEN=s3cret newsfuse serve --port 8080
      newsfuse serve --host 0.0.0.0 --allowed-host newsbox.lan
    """
    import uvicorn

    from .store.sqlite import StoreError
    from .web import create_app
    from .web.app import LOOPBACK_HOSTS, WILDCARD_ADDRESSES, allowed_host_names

    _finish_interrupted_run(db)
    _open_existing(db).close()
    from_env = os.environ.get("NEWSFUSE_ALLOWED_HOSTS", "")
    hosts = allowed_host_names(host, allowed_hosts, from_env)
    try:
        app = create_app(db, token=os.environ.get("NEWSFUSE_TOKEN"), allowed_hosts=hosts)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if "*" in hosts:
        err.print("warning: any Host is answered ('*'): a web page elsewhere could read this server "
                  "by DNS rebinding; name the hosts with --allowed-host instead", highlight=False)
    elif host in WILDCARD_ADDRESSES and hosts == list(LOOPBACK_HOSTS):
        err.print(f"warning: listening on every interface but answering only Host {', '.join(LOOPBACK_HOSTS)}; "
                  "add --allowed-host NAME for each name clients use, or --allowed-host '*' to answer any Host",
                  highlight=False)
    err.print(f"newsfuse on http://{host}:{port}/ over {db} (Ctrl-C stops it)", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


@main.command()
@click.argument("task")
@click.option("--data", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Benchmark JSONL file (see ../shared/bench/README.md).")
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write one JSON line of predictions per item.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Use only the first N items.")
@click.option("--db", default=None, metavar="STORE",
              help="scale only: grow this empty store (e.g. postgresql://...) instead of a temporary SQLite file.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="speed: time the analysis stage on a local Dask cluster (dask) instead of the whole pipeline.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="speed with --engine dask: worker processes of the local cluster.")
def bench(task: str, data: str | None, predictions: str | None, as_json: bool, limit: int | None,
          db: str | None, engine: str | None, workers: int | None) -> None:
    """Score a pipeline stage on a benchmark file.

    TASK is one of: extract, cluster, pairs, claims, geo, summarize, speed, scale, events, types.

    \b
    Examples:
      newsfuse bench events --data ../shared/bench/events/gva_dev.jsonl --predictions pred.jsonl
      newsfuse bench extract --data ../shared/bench/extract/wcxb_dev_articles.jsonl
      newsfuse bench speed --limit 200 --json
      newsfuse bench speed --engine dask --workers 2 --data docs.jsonl --limit 300
      newsfuse bench scale --data ../shared/bench/events/gva_dev.jsonl --limit 10000   # stores of 1k and 10k
      newsfuse bench types --data ../shared/bench/events_raw/openeventdata_PLOVER/PLOVER_GSR_CAMEO.txt
    """
    from .bench import TASKS, BenchUnavailable, run_task
    from .render.bench import print_report
    from .store.errors import StoreError

    if task not in TASKS:
        raise click.UsageError(f"unknown task {task!r}; choose one of {', '.join(TASKS)}")
    try:
        with Progress(TextColumn(task), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            tid = bar.add_task(task, total=None)
            report = run_task(task, Path(data) if data else None, limit=limit,
                              predictions=Path(predictions) if predictions else None,
                              progress=lambda n: bar.advance(tid, n),
                              options={"engine": engine, "workers": workers, "db": db})
    except BenchUnavailable as exc:
        raise click.UsageError(str(exc)) from exc
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_report(out, report)


from .cli_edit import edit  # noqa: E402  (commands of their own modules, registered here)
from .cli_migrate import migrate  # noqa: E402

main.add_command(edit)
main.add_command(migrate)

if __name__ == "__main__":
    main()
