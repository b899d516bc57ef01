"""``newsfuse bench events``: the end-to-end measure, news reports in, event records out.

Input: the GVA events file (one incident per line with its ``docs``; see
``shared/bench/README.md`` §7). Only each doc's id, title, text, published, source
and url reach the system: they go through :func:`newsfuse.pipeline.run` as one JSON
Lines stream on standard input (sorted by published, then id) into a temporary store,
exactly as ``newsfuse run -`` would take them.

Mapping docs back to events: the stream's line N is one doc, and the pipeline's own
read-and-clean step (:func:`newsfuse.pipeline.collect`, deterministic) is run again on
the same bytes to learn which content-hash article line N became. Docs with the same
prose share an article (the pipeline stores it once), so a doc skipped as a duplicate
still lands in the event of the article it duplicates. Stored articles keep the first
such doc's id as ``metadata["external_id"]``; it is checked against this mapping.
A doc the cleaner rejects has no article: its line says ``"event": null`` (its own
singleton under the protocol, not counted in ``missing``).

What an event predicts (:func:`event_values`): killed / injured = the event's ACLED-style
totals ``fatalities`` / ``injured`` (:mod:`newsfuse.totals`, 0 with no figure), the start of a
day-precise date, and the event's point (:func:`newsfuse.models.event_point`: the first
geocoded place where it happened, most specific first; never a place only mentioned). Scores: :func:`~newsfuse.bench.scoring.event_fusion_scores`.
"""

from __future__ import annotations

import io
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..models import Casualty, Event, Location, event_point
from .base import BenchReport, PredictionWriter, read_jsonl
from .scoring import event_fusion_scores

SYSTEM_FIELDS = ("id", "title", "text", "published", "source", "url")
INJURED = "wounded"  # the claims' category for injured people (analysis/claims_vocab.py)
MAX_NOTES = 10


# -- what one event predicts ------------------------------------------------------


def largest_figure(casualties: Sequence[Casualty], category: str) -> int:
    """The best figure of the largest row of ``category``, regional sub-totals left out
    (they count part of a toll already counted); 0 when the event has no such row."""
    figures = [c.best for c in casualties if c.category == category and c.region is None and c.best is not None]
    return int(round(max(figures))) if figures else 0


def main_point(locations: Sequence[Location]) -> tuple[float | None, float | None]:
    """Where the event happened (:func:`newsfuse.models.event_point`, as the exports say it)."""
    place = event_point(locations)
    return (place.lat, place.lon) if place else (None, None)


def event_values(event: Event) -> dict[str, Any]:
    """The values the benchmark reads off one event (the only place that decides them)."""
    lat, lon = main_point(event.locations)
    return {
        "killed": event.fatalities if event.fatalities is not None else largest_figure(event.casualties, "killed"),
        "injured": event.injured if event.injured is not None else largest_figure(event.casualties, INJURED),
        "date": event.date.start if event.date.precision == "day" else None,
        "lat": lat,
        "lon": lon,
    }


# -- running the pipeline ---------------------------------------------------------


def system_docs(incidents: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every doc with the fields the system may see, in stream order (published, then id)."""
    docs = [{k: d.get(k) for k in SYSTEM_FIELDS} for inc in incidents for d in inc["docs"]]
    return sorted(docs, key=lambda d: (d["published"] is None, d["published"] or "", d["id"]))


def stream_bytes(docs: Sequence[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode("utf-8")


@dataclass
class StageClock:
    """Times the pipeline's stages from its progress callback; passes analysis progress on."""

    forward: Callable[[int], None] | None = None
    started: dict[str, float] = field(default_factory=dict)
    _done: int = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.started.setdefault(stage, time.perf_counter())
        if self.forward and stage == "analyse" and done > self._done:
            self.forward(done - self._done)
            self._done = done


@dataclass
class Fused:
    """The pipeline's events and, for each doc id, its event id (None: cleaner rejected it)."""

    events: dict[str, Event]
    event_of: dict[str, str | None]
    seconds: float
    seconds_cluster: float | None
    summary: Any
    rejected: list[str]
    mapping_errors: int = 0


def fuse(docs: Sequence[dict[str, Any]], progress: Callable[[int], None] | None = None) -> Fused:
    """Run the real pipeline on ``docs`` (in stream order) and map every doc to its event."""
    from ..pipeline import collect, run
    from ..store import open_store

    payload = stream_bytes(docs)
    clock = StageClock(progress)
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-") as tmp:
        store = open_store(str(Path(tmp) / "events.db"))
        try:
            t0 = time.perf_counter()
            summary = run(["-"], store, progress=clock, stdin=io.BytesIO(payload))
            seconds = time.perf_counter() - t0
            events = store.list_events()
            stored_ids = {a.id: a.metadata.get("external_id") for a in store.iter_articles()}
        finally:
            store.close()
    cluster_start = clock.started.get("cluster")
    seconds_cluster = t0 + seconds - cluster_start if cluster_start else None

    articles, _ = collect(["-"], stdin=io.BytesIO(payload))  # the same read + clean, for line -> article
    article_of_line = {int(a.path.rsplit(":", 1)[1]): a.id for a in articles}
    event_of_article = {}
    for event in events:
        for article_id in event.article_ids:
            event_of_article.setdefault(article_id, event.id)
    event_of: dict[str, str | None] = {}
    rejected = []
    for line, doc in enumerate(docs, start=1):
        article_id = article_of_line.get(line)
        if article_id is None:
            rejected.append(doc["id"])
        event_of[doc["id"]] = event_of_article.get(article_id) if article_id else None
    # each stored article's external id is a doc that the mapping puts on that article
    doc_article = {docs[line - 1]["id"]: a for line, a in article_of_line.items()}
    errors = sum(1 for a, ext in stored_ids.items() if doc_article.get(ext) != a)
    errors += sum(1 for a in set(article_of_line.values()) if a not in event_of_article)
    return Fused({e.id: e for e in events}, event_of, seconds, seconds_cluster, summary, rejected, errors)


# -- prediction lines and the report ----------------------------------------------


def prediction_lines(incidents: Sequence[dict[str, Any]], fused: Fused) -> list[dict[str, Any]]:
    """One protocol line per gold doc, in gold-file order."""
    values = {eid: event_values(e) for eid, e in fused.events.items()}
    empty = {"killed": None, "injured": None, "date": None, "lat": None, "lon": None}
    lines = []
    for inc in incidents:
        for doc in inc["docs"]:
            event = fused.event_of.get(doc["id"])
            lines.append({"id": doc["id"], "event": event, **(values[event] if event else empty)})
    return lines


def baseline_lines(incidents: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trivial system: one event per doc, nobody killed or injured, no date or place."""
    return [{"id": d["id"], "event": d["id"], "killed": 0, "injured": 0, "date": None, "lat": None, "lon": None}
            for inc in incidents for d in inc["docs"]]


def span_days(days: Sequence[str | None]) -> int | None:
    known = sorted(d for d in days if d)
    return (date.fromisoformat(known[-1]) - date.fromisoformat(known[0])).days if known else None


def event_shape(incidents: Sequence[dict[str, Any]], lines: Sequence[dict[str, Any]]) -> dict[str, float | int | None]:
    """The largest event (reports, share of docs, publication-date span) and the widest span."""
    published = {d["id"]: d.get("published") for inc in incidents for d in inc["docs"]}
    members: dict[str, list[str]] = {}
    for line in lines:
        if line["event"] is not None:
            members.setdefault(line["event"], []).append(line["id"])
    if not members:
        return {"largest_event_reports": 0, "largest_event_share": 0.0, "largest_event_span_days": None,
                "widest_event_span_days": None}
    largest = max(members.values(), key=len)  # ties: first in gold-file order
    spans = [span_days([published[d] for d in docs]) for docs in members.values()]
    return {
        "largest_event_reports": len(largest),
        "largest_event_share": len(largest) / len(lines),
        "largest_event_span_days": span_days([published[d] for d in largest]),
        "widest_event_span_days": max((s for s in spans if s is not None), default=None),
    }


def largest_events(lines: Sequence[dict[str, Any]], n: int = 10) -> list[tuple[str, int]]:
    """(event id, reports) of the ``n`` largest predicted events."""
    return Counter(x["event"] for x in lines if x["event"] is not None).most_common(n)


def run(
    data: Path,
    *,
    limit: int | None = None,
    predictions: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> BenchReport:
    """Fuse the first ``limit`` incidents' docs and score the events (see module docstring)."""
    from ..analysis.entities import load_model
    from ..geo.gazetteer import get_gazetteer

    data = Path(data)
    incidents = list(read_jsonl(data, limit=limit))
    docs = system_docs(incidents)
    t0 = time.perf_counter()
    load_model()
    get_gazetteer()
    load_s = time.perf_counter() - t0

    fused = fuse(docs, progress)
    lines = prediction_lines(incidents, fused)
    with PredictionWriter(predictions) as writer:
        for line in lines:
            writer.write(line)

    n = len(docs)
    metrics: dict[str, float | int | None] = dict(event_fusion_scores(incidents, lines))
    metrics.update(event_shape(incidents, lines))
    metrics["docs_without_event"] = len(fused.rejected)
    metrics["duplicate_docs"] = fused.summary.duplicates_in_batch
    metrics.update({f"baseline_{k}": v for k, v in event_fusion_scores(incidents, baseline_lines(incidents)).items()
                    if k not in ("n_incidents", "n_docs", "missing")})
    cluster = fused.seconds_cluster
    metrics.update({
        "seconds_pipeline": fused.seconds,
        "ms_per_report": 1000 * fused.seconds / n if n else None,
        "seconds_cluster": cluster,
        "ms_per_report_cluster": 1000 * cluster / n if n and cluster is not None else None,
        "cluster_share": cluster / fused.seconds if cluster is not None and fused.seconds else None,
        "model_load_s": load_s,
    })

    notes = [
        "pipeline = newsfuse.pipeline.run on the docs as one JSONL stream (published, then id) into a temporary "
        "store; spaCy model and gazetteer loaded beforehand (model_load_s)",
        "cluster stage = from the pipeline's 'cluster' progress call to the end of the run: clustering, "
        "origins, reconciliation, briefs and the event write; ms_per_report_* divide by all docs",
        "docs rejected by the cleaner get a line with event null (own singleton; not in `missing`)",
        "event spans: days between the earliest and latest publication date of an event's docs",
    ]
    if fused.mapping_errors:
        notes.append(f"{fused.mapping_errors} stored article(s) disagree with the line -> article mapping")
    if fused.rejected:
        notes.append(f"{len(fused.rejected)} doc(s) rejected by the cleaner: " + ", ".join(fused.rejected[:MAX_NOTES])
                     + (" ..." if len(fused.rejected) > MAX_NOTES else ""))
    notes.append("largest events (id: reports): "
                 + ", ".join(f"{eid}: {size}" for eid, size in largest_events(lines, 5)))
    return BenchReport("events", str(data), len(incidents), metrics, seconds=fused.seconds, notes=notes)
