#!/usr/bin/env python
"""The shape of the events a real stream becomes: no gold, only what an analyst would
check first — the largest event's share of the reports, the widest event date range,
and the largest events' headlines to read.

Reads the Times of India month (``events_raw/slanglab_IndiaPoliceEvents/metadata.jsonl``:
doc_id, date, url, full_text) or any JSONL with ``text``/``published`` fields, feeds it
through the real pipeline into a temporary store and prints a summary.

Example:
    .venv/bin/python scripts/stream_shape.py ../shared/bench/events_raw/slanglab_IndiaPoliceEvents/metadata.jsonl
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from newsfuse.pipeline import run
from newsfuse.store import open_store


def stream_lines(path: Path, limit: int | None) -> bytes:
    """The file as the JSON Lines ``newsfuse run -`` takes (TOI fields mapped)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            obj = json.loads(line)
            text = obj.get("text") or obj.get("full_text") or ""
            item = {"id": str(obj.get("id") or obj.get("doc_id") or n), "text": text,
                    "published": obj.get("published") or obj.get("date"), "url": obj.get("url"),
                    "source": obj.get("source") or "timesofindia.indiatimes.com"}
            out.append(json.dumps(item, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode("utf-8")


def span_days(start: str | None, end: str | None) -> int:
    if not start or not end or len(start) < 10 or len(end) < 10:
        return 0
    return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args(argv)
    lines = stream_lines(args.data, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "stream.db"))
        t0 = time.perf_counter()
        summary = run(["-"], store, stdin=io.BytesIO(lines))
        seconds = time.perf_counter() - t0
        events = store.list_events()
        n_articles = store.count_articles()
        titles = {a.id: a.title for a in store.iter_articles()}
        store.close()
    sizes = sorted(events, key=lambda e: -len(e.article_ids))
    widest = max((span_days(e.date.start, e.date.end) for e in events), default=0)
    largest = len(sizes[0].article_ids) if sizes else 0
    print(json.dumps({"reports": summary.read, "articles": n_articles, "events": len(events),
                      "largest_event": largest, "largest_share": round(largest / max(1, n_articles), 4),
                      "widest_date_range_days": widest, "seconds": round(seconds, 1)}))
    for e in sizes[: args.top]:
        print(f"\n{e.id} {len(e.article_ids)} reports, {e.date.start}..{e.date.end}: {e.title[:90]}")
        for aid in e.article_ids[:8]:
            print(f"    {titles.get(aid, '')[:100]}")


if __name__ == "__main__":
    sys.exit(main())
