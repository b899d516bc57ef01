"""``newsfuse bench types``: ACLED event type and sub-type against a typed set.

Two kinds of ``--data``:

* **PLOVER**: the gold-standard records ``PLOVER_GSR_CAMEO.txt`` of
  ``../shared/bench/events_raw/openeventdata_PLOVER/`` (or a JSONL built from them with
  ``python -m newsfuse.bench.types build DIR OUT``). Each record's PLOVER event, mode,
  trigger words and source sector give its ACLED type by the table
  ``data/plover_acled.tsv`` (docs/event-types.md); the sentence alone is given to the
  system. The set is split per PLOVER category into a first half (development) and a
  second half, scored separately so that a rule fitting one half shows.
* **GVA incidents** (``../shared/bench/events/gva_dev.jsonl``): every incident is a
  shooting, typed "Violence against civilians" unless both sides fired (Battles) or it was
  an accident; the gold gives no type, so the task reports the share of each type.

Only the reports' text is read (cleaning and sentence splitting, no model), so it is fast.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..event_type import classify
from ..models import Article, RawArticle
from .base import BenchReport, PredictionWriter, read_jsonl

PLOVER_FILE = "PLOVER_GSR_CAMEO.txt"
ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


@dataclass(frozen=True)
class MappingRow:
    event: str
    mode: str  # regex on the PLOVER mode, "*" any
    trigger: str  # regex on the coded trigger words (eventText), "*" any
    source: str  # regex on the source actors' sectors, "*" any
    acled_type: str
    sub_type: str | None


@lru_cache(maxsize=1)
def mapping() -> list[MappingRow]:
    """The PLOVER -> ACLED table, first matching row wins."""
    rows = []
    text = resources.files("newsfuse.data").joinpath("plover_acled.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            event, mode, trigger, source, acled, sub = (c.strip() for c in line.split("\t"))
            rows.append(MappingRow(event, mode, trigger, source, acled, None if sub == "-" else sub))
    return rows


def _matches(pattern: str, value: str) -> bool:
    return pattern == "*" or re.search(rf"^(?:{pattern})$" if pattern.isalpha() else pattern, value, re.I) is not None


def acled_of(record: dict[str, Any]) -> tuple[str, str | None]:
    """ACLED (type, sub-type) of one PLOVER record by the mapping table."""
    sectors = " ".join(str(a.get("sector") or "") for a in record.get("source") or [] if isinstance(a, dict))
    for row in mapping():
        if (row.event in ("*", record.get("event")) and _matches(row.mode, str(record.get("mode") or ""))
                and _matches(row.trigger, str(record.get("eventText") or ""))
                and _matches(row.source, sectors)):
            return row.acled_type, row.sub_type
    return "other", None


def build_plover(path: Path) -> list[dict[str, Any]]:
    """The typed set: one item per PLOVER sentence, halves split per PLOVER category."""
    path = Path(path)
    if path.is_dir():
        path = path / PLOVER_FILE
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    by_event: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_event.setdefault(r["event"], []).append(r)
    items = []
    for event, group in by_event.items():
        first = (len(group) + 1) // 2
        for n, r in enumerate(group):
            acled, sub = acled_of(r)
            items.append({"id": r["id"], "text": r["text"], "half": "first" if n < first else "second",
                          "plover": {"event": event, "mode": r.get("mode"), "context": r.get("context")},
                          "gold": {"event_type": acled, "sub_event_type": sub}})
    return items


def _articles(raws: list[RawArticle]) -> dict[str, Article]:
    """Cleaned articles by path (a text the cleaner rejects is left out)."""
    from ..pipeline import RunSummary, prepare_batch

    return {a.path: a for a in prepare_batch(raws, RunSummary())}


def _load(data: Path, limit: int | None) -> tuple[str, list[dict[str, Any]]]:
    head = data.read_text(encoding="utf-8")[:200].lstrip()
    if head.startswith("["):
        return "plover", build_plover(data)[:limit]
    items = list(read_jsonl(data, limit=limit))
    return ("gva" if items and "docs" in items[0] else "plover"), items


def run(data: Path, *, limit: int | None = None, predictions: Path | None = None,
        progress: Callable[[int], None] | None = None) -> BenchReport:
    data = Path(data)
    t0 = time.perf_counter()
    kind, items = _load(data, limit)
    if kind == "gva":
        raws = [[RawArticle(path=f"gva:{n}:{i}", text=d.get("text") or "", title=d.get("title"),
                            published=d.get("published"), source=d.get("source"))
                 for i, d in enumerate(obj["docs"])] for n, obj in enumerate(items)]
    else:
        raws = [[RawArticle(path=f"plover:{n}", text=obj["text"])] for n, obj in enumerate(items)]
    cleaned = _articles([r for group in raws for r in group])
    preds: list[tuple[str | None, str | None]] = []
    for group in raws:
        preds.append(classify([cleaned[r.path] for r in group if r.path in cleaned]))
        if progress:
            progress(1)
    with PredictionWriter(predictions) as writer:
        for obj, (t, s) in zip(items, preds):
            writer.write({"id": obj.get("id"), "event_type": t, "sub_event_type": s, "half": obj.get("half")})
    seconds = time.perf_counter() - t0
    metrics = (_gva_metrics if kind == "gva" else _plover_metrics)(items, preds)
    notes = (["GVA incidents are all shootings: the share typed Violence against civilians is the measure; "
              "halves are the incidents in file order"] if kind == "gva" else
             ["gold from PLOVER codes by data/plover_acled.tsv (docs/event-types.md); "
              "first/second: halves of each PLOVER category; coded = gold type is an ACLED type"])
    return BenchReport("types", str(data), len(items), metrics, seconds=seconds, notes=notes)


def _plover_metrics(items: list[dict[str, Any]], preds: list[tuple[str | None, str | None]]) -> dict[str, Any]:
    metrics: dict[str, Any] = {}
    for half in ("all", "first", "second"):
        pairs = [(o["gold"], p) for o, p in zip(items, preds) if half == "all" or o.get("half") == half]
        coded = [(g, p) for g, p in pairs if g["event_type"] in ACLED_TYPES]
        other = [(g, p) for g, p in pairs if g["event_type"] not in ACLED_TYPES]
        metrics[f"{half}_n"] = len(pairs)
        metrics[f"{half}_type_accuracy"] = _share(pairs, lambda g, p: g["event_type"] == p[0])
        metrics[f"{half}_subtype_accuracy"] = _share(pairs, lambda g, p: (g["event_type"], g["sub_event_type"]) == p)
        metrics[f"{half}_coded_n"] = len(coded)
        metrics[f"{half}_coded_type_accuracy"] = _share(coded, lambda g, p: g["event_type"] == p[0])
        metrics[f"{half}_coded_subtype_accuracy"] = _share(
            coded, lambda g, p: (g["event_type"], g["sub_event_type"]) == p)
        metrics[f"{half}_uncoded_accuracy"] = _share(other, lambda g, p: g["event_type"] == p[0])
    return metrics


def _gva_metrics(items: list[dict[str, Any]], preds: list[tuple[str | None, str | None]]) -> dict[str, Any]:
    metrics: dict[str, Any] = {}
    half = (len(items) + 1) // 2
    for name, part in (("all", preds), ("first", preds[:half]), ("second", preds[half:])):
        types = Counter(t for t, _ in part)
        metrics[f"{name}_n"] = len(part)
        metrics[f"{name}_violence_against_civilians"] = types["Violence against civilians"] / len(part) if part else None
        if name == "all":
            for t, c in types.most_common():
                metrics[f"share {t}"] = c / len(part)
    return metrics


def _share(pairs: list, ok: Callable[[Any, Any], bool]) -> float | None:
    return sum(ok(g, p) for g, p in pairs) / len(pairs) if pairs else None


def main(argv: list[str]) -> int:
    """``python -m newsfuse.bench.types build PLOVER_DIR OUT.jsonl``: write the typed set
    (outside the repository: its sentences are PLOVER's)."""
    if len(argv) != 3 or argv[0] != "build":
        print(main.__doc__, file=sys.stderr)
        return 2
    items = build_plover(Path(argv[1]))
    with open(argv[2], "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} items -> {argv[2]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
