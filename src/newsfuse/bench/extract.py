"""``newsfuse bench extract``: HTML article extraction against a gold JSONL.

Input: one JSON object per line with ``id``, ``url``, ``html_file`` (a gzip of
the page bytes, relative to the JSONL's folder), ``gold_text``, ``gold_title``
and ``gold_date`` (``YYYY-MM-DD``, ``YYYY-MM`` or null); see
``shared/bench/README.md`` section 2.

Each page goes through the real pipeline stage: :func:`newsfuse.ingest.html.read_html`
then the cleaner (``newsfuse.clean.clean_text(text, from_html=True)``), and
the cleaned text is scored.

Metrics: macro word precision / recall / F1 over all pages (a failed page
scores 0), title exact match over pages with a gold title, date accuracy over
pages with a gold date (the prediction's prefix of the gold's length must be
equal), the share of pages given a date, and the number of failed pages.
"""

from __future__ import annotations

import gzip
import time
from pathlib import Path
from typing import Any, Callable

from newsfuse.bench.base import BenchReport, PredictionWriter, read_jsonl
from newsfuse.bench.metrics import date_matches, mean, normalise_title, word_prf
from newsfuse.ingest.html import read_html

try:  # the cleaner is written in parallel; score the raw text until it lands
    from newsfuse.clean import clean_text as _clean_text
except ImportError:  # pragma: no cover - depends on the checkout
    _clean_text = None

MAX_NOTES = 20


def clean(text: str) -> str:
    """Run the pipeline's text cleaner on extracted text (identity if it is missing)."""
    if _clean_text is None:
        return text
    cleaned_text, _removed = _clean_text(text, from_html=True)
    return cleaned_text


def extract_page(html: bytes, path: str, url: str | None = None) -> dict[str, Any]:
    """The pipeline's view of one page: ``{text, title, date}`` (text cleaned)."""
    raw = read_html(html, path, url=url)
    return {"text": clean(raw.text or ""), "title": raw.title, "date": raw.published}


def score_page(item: dict[str, Any], pred: dict[str, Any] | None) -> dict[str, Any]:
    """Per-page scores; ``pred`` None means the page failed."""
    text = pred["text"] if pred else ""
    p, r, f = word_prf(text, item.get("gold_text") or "") if pred else (0.0, 0.0, 0.0)
    gold_title = item.get("gold_title")
    gold_date = item.get("gold_date")
    return {
        "p": p,
        "r": r,
        "f": f,
        "title_ok": (normalise_title(pred["title"] if pred else None) == normalise_title(gold_title))
        if gold_title is not None
        else None,
        "date_ok": date_matches(pred["date"] if pred else None, gold_date) if gold_date else None,
        "dated": bool(pred and pred.get("date")),
    }


def summarise(scores: list[dict[str, Any]], failed: int) -> dict[str, float | int | None]:
    """Macro metrics over per-page scores from :func:`score_page`."""
    titles = [s["title_ok"] for s in scores if s["title_ok"] is not None]
    dates = [s["date_ok"] for s in scores if s["date_ok"] is not None]
    return {
        "precision": mean([s["p"] for s in scores]),
        "recall": mean([s["r"] for s in scores]),
        "f1": mean([s["f"] for s in scores]),
        "title_accuracy": mean([float(t) for t in titles]),
        "title_pages": len(titles),
        "date_accuracy": mean([float(d) for d in dates]),
        "date_pages": len(dates),
        "dated_share": mean([float(s["dated"]) for s in scores]),
        "failed": failed,
    }


def run(
    data: Path,
    *,
    limit: int | None = None,
    predictions: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> BenchReport:
    """Score HTML extraction (read_html + clean_text) on the pages listed in ``data``.

    ``progress`` is called with ``1`` after each page. With ``predictions``,
    one JSON line ``{id, text, title, date}`` is written per page (nulls for a
    failed page). A page that cannot be read or extracted is counted in
    ``failed``, scores 0 and gets a note; the run goes on.
    """
    data = Path(data)
    folder = data.parent
    start = time.perf_counter()
    scores: list[dict[str, Any]] = []
    notes: list[str] = []
    failed = 0
    if _clean_text is None:
        notes.append("newsfuse.clean not importable: scored the raw extracted text")

    with PredictionWriter(predictions) as writer:
        for n, item in enumerate(read_jsonl(data, limit=limit), start=1):
            page_id = str(item.get("id", f"line-{n}"))
            pred: dict[str, Any] | None = None
            try:
                html = gzip.decompress((folder / item["html_file"]).read_bytes())
                pred = extract_page(html, f"{data}:{n}", url=item.get("url"))
            except Exception as err:  # one broken page never stops the run
                failed += 1
                if failed <= MAX_NOTES:
                    notes.append(f"{page_id}: failed ({type(err).__name__}: {err})")
            scores.append(score_page(item, pred))
            writer.write(
                {
                    "id": page_id,
                    "text": pred["text"] if pred else None,
                    "title": pred["title"] if pred else None,
                    "date": pred["date"] if pred else None,
                }
            )
            if progress is not None:
                progress(1)

    if failed > MAX_NOTES:
        notes.append(f"... and {failed - MAX_NOTES} more failed pages")
    return BenchReport(
        task="extract",
        data=str(data),
        items=len(scores),
        metrics=summarise(scores, failed),
        seconds=time.perf_counter() - start,
        notes=notes,
    )
