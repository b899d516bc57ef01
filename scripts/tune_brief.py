"""Score brief-selection variants on the summarize bench, analysing the docs once.

    .venv/bin/python scripts/tune_brief.py --data ../shared/bench/summarize/neus_val.jsonl \
        --set budget=60,75,90 --set lam=0.6,0.7

Development aid only (not part of the package): analysed clusters are cached in
/tmp/newsfuse_brief_cache.pkl. ``--set`` names: max_sentences, budget, lam (MMR λ),
min_words, max_words, max_overlap. Sentence-score weights are fitted, not set:
see scripts/fit_brief_weights.py.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
from pathlib import Path
from statistics import mean

from newsfuse.brief import select
from newsfuse.models import RawArticle
from newsfuse.pipeline import RunSummary, analyse_in_chunks, prepare_batch

CACHE = Path("/tmp/newsfuse_brief_cache.pkl")


def load(data: Path):
    if CACHE.exists():
        cached = pickle.loads(CACHE.read_bytes())
        if cached["data"] == str(data):
            return cached["clusters"]
    clusters = []
    for line in data.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        raws = [RawArticle(path=f"{obj['id']}:{n}", text=d.get("text") or d.get("title") or "",
                           title=d.get("title") or None) for n, d in enumerate(obj["docs"])]
        articles = prepare_batch(raws, RunSummary())
        analyse_in_chunks(articles)
        clusters.append((articles, obj["reference"]))
    CACHE.write_bytes(pickle.dumps({"data": str(data), "clusters": clusters}))
    return clusters


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--half", choices=["a", "b", "all"], default="all")
    args = parser.parse_args()
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    clusters = load(args.data)
    if args.half != "all":
        clusters = clusters[: len(clusters) // 2] if args.half == "a" else clusters[len(clusters) // 2:]
    grid = {k: [float(x) for x in v.split(",")] for k, v in (s.split("=") for s in args.set)}
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)) if keys else [()]:
        params = dict(zip(keys, values))
        for k, v in params.items():
            setattr(select, {"lam": "MMR_LAMBDA"}.get(k, k.upper()), v)
        if "budget" in params or "max_sentences" in params:
            select.LENGTHS["standard"] = (int(params.get("max_sentences", select.LENGTHS["standard"][0])),
                                          int(params.get("budget", select.LENGTHS["standard"][1])))
        r = {"rouge1": [], "rouge2": [], "rougeL": []}
        words = []
        for articles, reference in clusters:
            head = select.headline(articles)
            out = " ".join(([head.text] if head else []) + [s.text for s in select.select_sentences(articles)])
            words.append(len(out.split()))
            for k, v in scorer.score(reference, out).items():
                r[k].append(v.fmeasure * 100)
        print(params, {k: round(mean(v), 2) for k, v in r.items()}, "words", round(mean(words), 1), flush=True)


if __name__ == "__main__":
    main()
