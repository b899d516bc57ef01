"""``newsfuse bench summarize``: the fused brief against editor-written roundups.

Input (``shared/bench/README.md`` section 5): one cluster per line with ``docs``
(``{title, text, source}``) and a ``reference`` summary. Each cluster's docs go
through the real stages (cleaning, analysis) and :func:`newsfuse.brief.build_brief`
in the default, offline, extractive mode; the output scored is the headline
followed by the brief's sentences. The cluster is given, so clustering is not
run (``bench cluster`` scores that).

Metrics: ROUGE-1/2/L F1 (rouge-score, stemming, x100, mean over clusters); the
share of brief sentences with at least one citation; the share of output
bigrams (tokens ``[a-z0-9]+``, lower-cased) found among the docs' bigrams; the
faithfulness gate's drop rate. A lead baseline (each doc's first sentence, in
order, cut to the same word count) is scored beside it for context.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean

from ..models import RawArticle
from .base import BenchReport, PredictionWriter, read_jsonl

_TOKEN = re.compile(r"[a-z0-9]+")


def _bigrams(text: str) -> set[tuple[str, str]]:
    tokens = _TOKEN.findall(text.lower())
    return set(zip(tokens, tokens[1:]))


def supported_share(output: str, docs: list[str]) -> float | None:
    """Share of the output's bigrams that occur in the docs (None when it has none)."""
    out = _bigrams(output)
    if not out:
        return None
    source = set().union(*(_bigrams(d) for d in docs))
    return len(out & source) / len(out)


def lead_baseline(articles, words: int) -> str:
    leads = [a.sentences[0].text for a in articles if a.sentences]
    return " ".join(" ".join(leads).split()[:words])


def run(data: Path, *, limit: int | None = None, predictions: Path | None = None,
        progress: Callable[[int], None] | None = None) -> BenchReport:
    from rouge_score import rouge_scorer

    from ..analysis.entities import load_model
    from ..brief import build_brief
    from ..pipeline import RunSummary, analyse_in_chunks, prepare_batch

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    load_model()
    t0 = time.perf_counter()
    writer = PredictionWriter(predictions)
    scores: dict[str, list[float]] = {k: [] for k in ("rouge1", "rouge2", "rougeL", "lead_rouge2")}
    supported: list[float] = []
    sentences = cited = checked = dropped = empty = 0
    words: list[int] = []
    items = 0
    for items, obj in enumerate(read_jsonl(data, limit), start=1):
        raws = [RawArticle(path=f"{obj.get('id', items)}:{n}", text=d.get("text") or d.get("title") or "",
                           title=d.get("title") or None, source=d.get("source") or None)
                for n, d in enumerate(obj["docs"])]
        articles = prepare_batch(raws, RunSummary())
        analyse_in_chunks(articles)
        brief = build_brief(articles)
        parts = ([brief.headline.text] if brief.headline else []) + [s.text for s in brief.sentences]
        output = " ".join(parts)
        if not output:
            empty += 1
        docs = [(d.get("title") or "") + " " + (d.get("text") or "") for d in obj["docs"]]
        reference = obj["reference"]
        for key, value in scorer.score(reference, output).items():
            scores[key].append(value.fmeasure * 100)
        baseline = lead_baseline(articles, max(len(output.split()), 1))
        scores["lead_rouge2"].append(scorer.score(reference, baseline)["rouge2"].fmeasure * 100)
        share = supported_share(output, docs)
        if share is not None:
            supported.append(share * 100)
        sentences += len(brief.sentences) + bool(brief.headline)
        cited += sum(1 for s in brief.sentences if s.citations) + bool(brief.headline and brief.headline.citations)
        checked += brief.gate.checked
        dropped += brief.gate.dropped
        words.append(len(output.split()))
        writer.write({"id": obj.get("id"), "output": output, "reference": reference,
                      "citations": [s.citations for s in brief.sentences], "gate_dropped": brief.gate.dropped})
        if progress:
            progress(1)
    writer.close()
    metrics = {
        "rouge1": round(mean(scores["rouge1"]), 2) if items else None,
        "rouge2": round(mean(scores["rouge2"]), 2) if items else None,
        "rougeL": round(mean(scores["rougeL"]), 2) if items else None,
        "cited_sentences": round(cited / sentences, 4) if sentences else None,
        "supported_bigrams": round(mean(supported), 2) if supported else None,
        "gate_drop_rate": round(dropped / checked, 4) if checked else None,
        "mean_words": round(mean(words), 1) if words else None,
        "lead_rouge2": round(mean(scores["lead_rouge2"]), 2) if items else None,
    }
    notes = [f"{empty} clusters gave an empty brief"] if empty else []
    return BenchReport("summarize", str(data), items, metrics, time.perf_counter() - t0, notes)
