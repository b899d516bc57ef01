"""Fit the brief's sentence-scoring weights on the summarize dev file.

    .venv/bin/python scripts/fit_brief_weights.py --data ../shared/bench/summarize/neus_val.jsonl

Each candidate sentence's target is its ROUGE-2 precision against the cluster's
reference roundup: how much of what it says an editor also said. Weights are a
least-squares fit over :data:`newsfuse.brief.select.FEATURES`. The script first
reports two-fold cross-validated ROUGE-2 of the whole brief (fit on one half,
score the other), then fits on all clusters and writes
``src/newsfuse/data/brief_weights.json``. Analysis is cached (scripts/tune_brief.py).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from statistics import mean

import numpy as np

from newsfuse.brief import select
from tune_brief import load

OUT = Path(__file__).resolve().parents[1] / "src/newsfuse/data/brief_weights.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    args = parser.parse_args()
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    rows = []
    for articles, reference in load(args.data):
        cands = select.candidates(articles)
        x = select.features(cands, articles) if cands else None
        y = None if x is None else np.array([scorer.score(reference, c.text)["rouge2"].precision for c in cands])
        rows.append((articles, reference, x, y))

    def fit(part):
        xs = np.vstack([r[2] for r in part if r[2] is not None])
        ys = np.concatenate([r[3] for r in part if r[2] is not None])
        return np.linalg.lstsq(xs, ys, rcond=None)[0]

    def brief_rouge2(part, weights):
        select._weights = lambda: weights  # noqa: SLF001 (score with the weights under test)
        scores = []
        for articles, reference, _, _ in part:
            head = select.headline(articles)
            out = " ".join(([head.text] if head else []) + [s.text for s in select.select_sentences(articles)])
            scores.append(scorer.score(reference, out)["rouge2"].fmeasure * 100)
        return mean(scores)

    half = len(rows) // 2
    a, b = rows[:half], rows[half:]
    cv = (brief_rouge2(b, fit(a)) * len(b) + brief_rouge2(a, fit(b)) * len(a)) / len(rows)
    weights = fit(rows)
    OUT.write_text(json.dumps({
        "features": list(select.FEATURES),
        "weights": [round(float(w), 4) for w in weights],
        "target": "ROUGE-2 precision of the sentence against the reference roundup",
        "fitted_on": args.data.name,
        "two_fold_rouge2": round(cv, 2),
    }, indent=2) + "\n", encoding="utf-8")
    print(f"two-fold ROUGE-2 {cv:.2f}; wrote {OUT}")


if __name__ == "__main__":
    main()
