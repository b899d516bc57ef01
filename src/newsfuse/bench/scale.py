"""Scale: what adding one report costs as a store grows (``newsfuse bench scale``).

Stores of 1,000, 10,000, ... reports (up to ``--limit``, default 10,000) are built from
analysed copies of a development set's reports: each copy is shifted by a whole number of
periods (every date of the report moves together, so copies are other incidents on other
days) and gets its own id. Analysis runs once, on the originals; the copies go through the
store and the incremental engine like any report. At each size, ``PROBES`` new copies are
added one at a time (store + place in events), and the report gives the latency p50/p99, the
process's peak RSS, the store's size on disk and its bytes per report.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from .base import BenchReport, read_jsonl

BASE_REPORTS = 1000  # analysed once; copies make the rest
PROBES = 50
ADD_CHUNK = 1000  # copies stored (and placed) per step while a store grows


def _docs(data: Path, limit: int) -> list[dict]:
    """Articles of an events file (incidents with ``docs``) or of a plain article JSONL."""
    out = []
    for item in read_jsonl(data):
        for doc in item.get("docs", [item]):
            out.append({k: doc.get(k) for k in ("title", "text", "published", "source", "url")})
            if len(out) >= limit:
                return out
    return out


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def shifted_copy(article, n: int, days: int):
    """Copy ``n`` of an analysed article: a new id, every date moved by ``days``."""
    twin = copy.deepcopy(article)
    twin.id = hashlib.sha256(f"{article.id}:{n}".encode()).hexdigest()[:16]
    twin.published = _shift(twin.published, days)
    for mention in twin.dates:
        mention.value = _shift(mention.value, days)
    if twin.report_date is not None:
        twin.report_date.value = _shift(twin.report_date.value, days)
    for claim in twin.claims:
        claim.article_id = twin.id
        claim.id = claim.id.replace(article.id, twin.id)
    return twin


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _size(store, db: str) -> int:
    """The store's bytes on disk: the SQLite file and its WAL, or the PostgreSQL database."""
    if hasattr(store, "size_bytes"):
        return store.size_bytes()
    return os.path.getsize(db) + sum(os.path.getsize(db + s) for s in ("-wal",) if os.path.exists(db + s))


def run(data: Path | None, *, limit: int | None = None, predictions: Path | None = None,
        progress: Callable[[int], None] | None = None, db: str | None = None) -> BenchReport:
    """``db``: an empty store to grow (a ``postgresql://`` database, say) instead of a
    temporary SQLite file."""
    from ..engine import Options, place_pending
    from ..pipeline import analyse_in_chunks, prepare_batch, RunSummary
    from ..models import RawArticle
    from ..store import open_store

    if data is None:
        raise ValueError("bench scale needs --data (an events or articles JSONL)")
    largest = limit or 10_000
    sizes = [s for s in (1_000, 10_000, 100_000, 1_000_000) if s <= largest] or [largest]
    t0 = time.perf_counter()
    raws = [RawArticle(path=f"{data}:{i + 1}", **d) for i, d in enumerate(_docs(data, BASE_REPORTS))]
    base = prepare_batch(raws, RunSummary())
    analyse_in_chunks(base)
    dated = [date.fromisoformat(a.published[:10]) for a in base if a.published]
    period = ((max(dated) - min(dated)).days if dated else 0) + 60  # copies never share a day
    metrics: dict[str, float | int | None] = {"base_reports": len(base), "analyse_s": round(time.perf_counter() - t0, 1)}
    notes = [f"copies shifted by multiples of {period} days; {PROBES} probes per size"]
    options = Options()
    made = 0
    with tempfile.TemporaryDirectory(prefix="newsfuse-scale-") as tmp:
        db = db or str(Path(tmp) / "scale.db")
        store = open_store(db)
        if store.count_articles():
            store.close()
            raise ValueError(f"bench scale grows an empty store; {db} already holds articles")
        notes.append(f"store: {'PostgreSQL' if hasattr(store, 'size_bytes') else 'SQLite'}")
        try:
            for size in sizes:
                start = time.perf_counter()
                while store.count_articles() < size:
                    want = min(ADD_CHUNK, size - store.count_articles())
                    batch = [shifted_copy(base[(made + i) % len(base)], made + i,
                                          ((made + i) // len(base)) * period) for i in range(want)]
                    made += want
                    store.add_articles(batch)
                    place_pending(store, options)
                    if progress:
                        progress(store.count_articles())
                build_s = time.perf_counter() - start
                latencies = []
                for p in range(PROBES):
                    twin = shifted_copy(base[p % len(base)], 10_000_000 + size + p, (made // len(base) + 1) * period)
                    t = time.perf_counter()
                    store.add_articles([twin])
                    place_pending(store, options)
                    latencies.append(time.perf_counter() - t)
                latencies.sort()
                disk = _size(store, db)
                n = store.count_articles()
                metrics.update({
                    f"{size}_add_p50_ms": round(statistics.median(latencies) * 1000, 1),
                    f"{size}_add_p99_ms": round(latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] * 1000, 1),
                    f"{size}_build_reports_per_s": round((size - (sizes[sizes.index(size) - 1] if sizes.index(size) else 0))
                                                         / build_s, 1) if build_s else None,
                    f"{size}_peak_rss_mb": round(_rss_mb()),
                    f"{size}_db_mb": round(disk / 1e6, 1),
                    f"{size}_bytes_per_report": round(disk / n),
                    f"{size}_events": store.count_events(),
                })
        finally:
            store.close()
    per = metrics.get(f"{sizes[-1]}_bytes_per_report")
    if per:
        notes.append(f"projected store size at 1M reports: {per * 1e6 / 1e9:.1f} GB")
    return BenchReport("scale", str(data), made, metrics, time.perf_counter() - t0, notes)


if __name__ == "__main__":  # pragma: no cover - a convenience for profiling
    import sys

    print(json.dumps(run(Path(sys.argv[1]), limit=int(sys.argv[2])).to_dict(), indent=2))
