"""Throughput and memory of the whole pipeline, with the time of each stage.

Two corpora:

* the default, the AllSides 2021 cluster set (~90-word leads: flatters the pipeline);
* ``--data FILE`` of **full-length** articles read at run time: any JSONL with a
  ``text`` field (plus ``title``/``date``/``source``), the GVA events file (each
  incident's ``docs``), or the IndiaPoliceEvents ``docs.jsonl`` (``doc_text``; dates
  from the ``metadata.jsonl`` beside it).

Every figure is set against spaCy's NER alone on the same cleaned texts, measured
in the same run, because the machine's speed changes from run to run and NER is the
part no pipeline change can remove (on a multi-core machine also NER in several
processes, the ceiling a parallel pipeline could reach). The stages are timed by wrapping the
pipeline's own functions for the duration of the run, so the split follows
whatever ``build_events`` calls. When the corpus is full-length, two generated
single-line articles (100 KB and 200 KB, our own fictional prose) are also run,
each in a fresh process so that its peak memory is its own.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..models import RawArticle
from .base import BenchReport, read_jsonl
from .cluster import to_raw

DEFAULT_DATA = Path("bench") / "cluster" / "allsides2021.jsonl"
FULL_LENGTH_WORDS = 150  # median words per article from which a corpus counts as full-length
LONG_SIZES_KB = (100, 200)
MAX_NER_PROCESSES = 4  # the multi-core NER reference uses at most this many processes


def find_shared() -> Path | None:
    """``../shared`` beside the repository or the working directory."""
    candidates = [Path.cwd() / "shared", Path.cwd().parent / "shared", Path(__file__).resolve().parents[4] / "shared"]
    return next((c for c in candidates if c.is_dir()), None)


def default_data() -> Path:
    shared = find_shared()
    if shared is None or not (shared / DEFAULT_DATA).exists():
        from . import BenchUnavailable

        raise BenchUnavailable("no --data given and ../shared/bench/cluster/allsides2021.jsonl not found")
    return shared / DEFAULT_DATA


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def current_rss_mb() -> float | None:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * resource.getpagesize() / 1024 / 1024


# -- reading a corpus ---------------------------------------------------------------


def _side_metadata(data: Path) -> dict[Any, dict[str, Any]]:
    """IndiaPoliceEvents keeps dates and urls in ``metadata.jsonl`` beside ``docs.jsonl``."""
    side = data.with_name("metadata.jsonl")
    if data.name != "docs.jsonl" or not side.exists():
        return {}
    return {obj.get("doc_id"): obj for obj in read_jsonl(side)}


def read_corpus(data: Path, limit: int | None = None) -> list[RawArticle]:
    """The articles of ``data`` as the system would read them (no gold fields)."""
    side = _side_metadata(data)
    raws: list[RawArticle] = []
    for n, obj in enumerate(read_jsonl(data), 1):
        if limit is not None and len(raws) >= limit:
            break
        if isinstance(obj.get("docs"), list):  # the events task: one incident, several reports
            for k, doc in enumerate(obj["docs"]):
                if (doc.get("text") or "").strip():
                    raws.append(RawArticle(path=f"{data.name}:{n}:{k}", text=doc["text"], title=doc.get("title"),
                                           published=doc.get("published"), source=doc.get("source"),
                                           url=doc.get("url")))
            continue
        if "doc_text" in obj:
            meta = side.get(obj.get("doc_id"), {})
            if (obj["doc_text"] or "").strip():
                raws.append(RawArticle(path=f"{data.name}:{n}", text=obj["doc_text"], published=meta.get("date"),
                                       url=meta.get("url")))
            continue
        if (obj.get("text") or "").strip():
            raws.append(to_raw(obj, n, data.name))
    return raws[:limit] if limit is not None else raws


def is_full_length(raws: list[RawArticle]) -> bool:
    if not raws:
        return False
    return statistics.median(len((r.text or "").split()) for r in raws) >= FULL_LENGTH_WORDS


# -- timing stages by wrapping the pipeline's functions ------------------------------


class StageClock:
    """Seconds spent inside wrapped functions, by stage (generators are timed while iterated)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def _iterate(self, stage: str, items: Iterator) -> Iterator:
        while True:
            t = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                self.seconds[stage] += time.perf_counter() - t
                return
            self.seconds[stage] += time.perf_counter() - t
            yield item

    def wrap(self, stage: str, function: Callable) -> Callable:
        @functools.wraps(function)  # keeps its signature: callers inspect which options it takes
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                result = function(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - t
            return self._iterate(stage, result) if isinstance(result, Iterator) else result

        return timed

    @contextmanager
    def patched(self, targets: list[tuple[Any, str, str]]):
        """Wrap ``module.name`` as ``stage`` for each target while the block runs (missing names are skipped)."""
        saved = []
        for module, name, stage in targets:
            if hasattr(module, name):
                saved.append((module, name, getattr(module, name)))
                setattr(module, name, self.wrap(stage, getattr(module, name)))
        try:
            yield self
        finally:
            for module, name, original in reversed(saved):
                setattr(module, name, original)


def run_pipeline(raws: list[RawArticle], progress: Callable[[int], None] | None = None,
                 pool: Any = None) -> tuple[dict[str, float], Any]:
    """Clean, analyse (in ``pool``'s workers when given) and build events in memory; seconds
    per stage (and ``total``) and the articles. NER in the workers is not timed apart."""
    from .. import analysis, engine, pipeline

    clock = StageClock()
    targets = [(analysis, "find_entities_batch", "ner"), (pipeline, "cluster_articles", "cluster"),
               (engine, "find_origins", "origins"), (engine, "build_event", "reconcile"),
               (engine, "build_brief", "brief")]
    # the analysis components' own functions, for the detail of "analysis_other"
    targets += [(analysis, name, f"analysis:{name}") for name in
                ("split_sentences", "find_numbers", "resolve_dates", "find_places", "find_claims", "infer_report_date")]
    with clock.patched(targets):
        start = time.perf_counter()
        articles = pipeline.prepare_batch(raws, pipeline.RunSummary())
        clock.seconds["clean"] = time.perf_counter() - start
        t = time.perf_counter()
        pipeline.analyse_in_chunks(articles, (lambda stage, done, total: progress(0)) if progress else None,
                                   pool=pool)
        analyse = time.perf_counter() - t
        t = time.perf_counter()
        events = pipeline.build_events(articles)
        build = time.perf_counter() - t
        total = time.perf_counter() - start
    seconds = dict(clock.seconds)
    seconds["analysis_other"] = analyse - seconds.get("ner", 0.0)
    seconds["events_other"] = build - sum(seconds.get(s, 0.0) for s in ("cluster", "origins", "reconcile", "brief"))
    seconds["total"] = total
    return seconds, (articles, events)


def ner_only(texts: list[str], n_process: int = 1) -> float:
    """Seconds for spaCy's NER alone over ``texts`` (the model already loaded; with
    ``n_process`` > 1 the workers' start and model load are part of the time)."""
    from ..analysis.entities import find_entities_batch

    t = time.perf_counter()
    for _ in find_entities_batch(texts, **({"n_process": n_process} if n_process > 1 else {})):
        pass
    return time.perf_counter() - t


# -- one very long article ---------------------------------------------------------------

_LONG_SENTENCES = (
    "Rescue crews in {town} said on {day} that {n} people had been killed when the {thing} collapsed.",
    "The regional governor, {name}, told reporters that at least {m} others were injured and {k} remained missing.",
    "Witnesses described hearing a loud crack shortly before {hour} o'clock, followed by a cloud of dust.",
    "According to the {agency}, the building had been inspected in {month} {year} and passed every check.",
    "Hospitals in {town} and nearby {other} admitted {m} patients, {k} of them in a serious condition.",
    "\"We are still searching the rubble,\" said {name}, who leads the volunteer brigade of the district.",
    "Officials said the toll could rise, and that an inquiry led by {agency} would report within {k} weeks.",
    "Residents of {other} gathered outside the town hall on {day} evening to demand answers.",
)
_TOWNS = ("Velmora", "Castrien", "Oldwick", "Maradan", "Tessaly Cross", "Brennholt", "Sarvona", "Quillmouth")
_NAMES = ("Irena Falk", "Tomas Velder", "Amara Osei-Lind", "Piet Haradan", "Lucia Montreve", "Dev Anselm")
_AGENCIES = ("Civil Protection Office", "Ministry of Works", "Provincial Safety Board", "Red Crescent")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "March", "May", "July", "September", "November")
_THINGS = ("footbridge", "grain silo", "market roof", "parking deck", "school annex")


def long_article(size_bytes: int) -> str:
    """A fictional single-line report of about ``size_bytes`` (varied names and figures)."""
    parts: list[str] = []
    length = 0
    i = 0
    while length < size_bytes:
        template = _LONG_SENTENCES[i % len(_LONG_SENTENCES)]
        sentence = template.format(
            town=_TOWNS[i % len(_TOWNS)], other=_TOWNS[(i * 3 + 1) % len(_TOWNS)], day=_DAYS[i % 7],
            n=3 + i % 41, m=5 + (i * 7) % 90, k=2 + i % 9, name=_NAMES[i % len(_NAMES)],
            agency=_AGENCIES[i % len(_AGENCIES)], month=_MONTHS[i % len(_MONTHS)], year=1990 + i % 30,
            hour=1 + i % 12, thing=_THINGS[i % len(_THINGS)])
        parts.append(sentence)
        length += len(sentence) + 1
        i += 1
    return " ".join(parts)


def warm_up() -> float:
    """Run one small fictional article through every stage, so one-time loads (the
    gazetteer, scikit-learn) are not charged to the first stage that needs them."""
    t = time.perf_counter()
    run_pipeline([RawArticle(path="warm-up", text=long_article(2_000), title="Warm-up", published="2024-06-01")])
    return time.perf_counter() - t


def probe_long(size_bytes: int, workers: int = 1) -> dict[str, float | None]:
    """Run one generated article of ``size_bytes`` through the pipeline (call in a fresh
    process); with ``workers`` > 1 analysed as ``newsfuse run --workers`` does (the pool
    entered before the clock; NER is then not timed apart, and ``peak_rss_worker_mb`` is
    the largest worker's peak)."""
    from ..analysis.entities import load_model
    from ..web.highlight import article_facts, highlight
    from ..workers import AnalysisPool

    load_model()
    warm_up()
    text = long_article(size_bytes)
    base_rss = current_rss_mb()  # model, gazetteer and imports loaded by the warm-up
    raw = RawArticle(path="generated", text=text, title="Footbridge collapse in Velmora kills several",
                     published="2024-06-03", source="Example Gazette")
    with AnalysisPool(workers) as pool:
        seconds, (articles, _) = run_pipeline([raw], pool=pool if pool.parallel else None)
    t = time.perf_counter()
    for article in articles:
        highlight(article.text, article_facts(article), [s.start for s in article.sentences])
    seconds["highlight"] = time.perf_counter() - t
    seconds["ner_reference"] = ner_only([a.text for a in articles])
    return {"kb": size_bytes / 1000, "workers": workers, **{f"s_{k}": v for k, v in seconds.items()},
            "rss_after_model_mb": base_rss, "peak_rss_mb": peak_rss_mb(),
            **({"peak_rss_worker_mb": peak_rss_mb(resource.RUSAGE_CHILDREN)} if workers > 1 else {})}


def probe_in_subprocess(size_bytes: int, timeout: float = 900) -> dict[str, float | None]:
    code = f"import json; from newsfuse.bench.speed import probe_long; print(json.dumps(probe_long({size_bytes})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "probe failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the task -------------------------------------------------------------------------------


def run(data: Path | None, *, limit: int | None = None, predictions: Path | None = None,
        progress: Callable[[int], None] | None = None, long_sizes_kb: tuple[int, ...] | None = None,
        engine: str = "local", workers: int | None = None) -> BenchReport:
    """The whole pipeline in one process; with ``engine="dask"``, the analysis stage on a
    local Dask cluster of ``workers`` processes instead (:mod:`newsfuse.bench.speed_dask`)."""
    from ..analysis.entities import load_model

    if engine == "dask":
        from . import speed_dask

        return speed_dask.run(data, limit=limit, workers=workers or 1, progress=progress)
    if workers is not None:
        from . import BenchUnavailable

        raise BenchUnavailable("`bench speed --workers N` measures a Dask cluster: add --engine dask")

    data = data or default_data()
    raws = read_corpus(data, limit)
    full = is_full_length(raws)
    t0 = time.perf_counter()
    load_model()
    t_model = time.perf_counter() - t0
    t_warm = warm_up()

    seconds, (articles, events) = run_pipeline(raws, progress)
    ner_s = ner_only([a.text for a in articles])
    cores = min(os.cpu_count() or 1, MAX_NER_PROCESSES)
    ner_multi_s = ner_only([a.text for a in articles], n_process=cores) if cores > 1 and articles else None
    total = seconds.pop("total")
    n = len(articles)
    metrics: dict[str, float | int | None] = {
        "articles": n,
        "events": len(events),
        "median_words": statistics.median(len(a.text.split()) for a in articles) if articles else None,
        "articles_per_s": n / total if total else None,
        "ner_only_articles_per_s": n / ner_s if ner_s else None,
        "ratio_to_ner_only": ner_s / total if total else None,
        f"ner_only_{cores}proc_articles_per_s": n / ner_multi_s if ner_multi_s else None,
        "ms_per_article": 1000 * total / n if n else None,
        "model_load_s": t_model,
        "warm_up_s": t_warm,
        "peak_rss_mb": peak_rss_mb(),
    }
    stages = ["clean", "ner", "analysis_other", "cluster", "origins", "reconcile", "brief", "events_other"]
    for stage in stages + sorted(s for s in seconds if s.startswith("analysis:")):
        metrics[f"share_{stage}"] = seconds.get(stage, 0.0) / total if total else None
        metrics[f"ms_per_article_{stage}"] = 1000 * seconds.get(stage, 0.0) / n if n else None
    notes = ["single process; spaCy model load and a warm-up article (gazetteer, imports) excluded from the "
             "per-article figures",
             "ratio_to_ner_only = (NER-only time) / (end-to-end time) on the same cleaned texts, same run",
             f"ner_only_{cores}proc: NER alone with nlp.pipe(n_process={cores}), workers' start-up included"]
    sizes = long_sizes_kb if long_sizes_kb is not None else (LONG_SIZES_KB if full else ())
    for kb in sizes:
        try:
            probe = probe_in_subprocess(kb * 1000)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            notes.append(f"{kb} KB article: {exc}")
            continue
        metrics[f"long{kb}kb_s"] = probe["s_total"]
        metrics[f"long{kb}kb_ratio_to_ner"] = (probe["s_total"] / probe["s_ner_reference"]
                                               if probe["s_ner_reference"] else None)
        metrics[f"long{kb}kb_peak_rss_mb"] = probe["peak_rss_mb"]
        metrics[f"long{kb}kb_rss_after_model_mb"] = probe["rss_after_model_mb"]
        metrics[f"long{kb}kb_highlight_s"] = probe["s_highlight"]
        slowest = max((k for k in probe if k.startswith("s_") and k not in ("s_total", "s_ner_reference")),
                      key=lambda k: probe[k] or 0.0)
        notes.append(f"{kb} KB article: slowest stage {slowest[2:]} ({probe[slowest]:.2f} s of {probe['s_total']:.2f} s)")
    if sizes:
        notes.append("longNNNkb: one generated single-line article in a fresh process; ratio = its time / NER alone on it")
    return BenchReport("speed", str(data), n, metrics, seconds=total, notes=notes)
