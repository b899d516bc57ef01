"""What every benchmark task returns, so the CLI can print any of them the same way."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator


@dataclass
class BenchReport:
    """Metrics of one ``newsfuse bench TASK`` run.

    ``metrics`` maps a metric name to its value (floats in [0, 1] are shown as
    such; the task decides). ``notes`` are short human remarks (e.g. skipped items).
    """

    task: str
    data: str
    items: int
    metrics: dict[str, float | int | None]
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "data": self.data,
            "items": self.items,
            "seconds": round(self.seconds, 3),
            "metrics": self.metrics,
            "notes": self.notes,
        }


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield the objects of a benchmark JSONL file, at most ``limit`` of them."""
    with open(path, encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            yield json.loads(line)
            n += 1


class PredictionWriter:
    """Writes one JSON line per benchmark item when ``--predictions`` is given."""

    def __init__(self, path: Path | None):
        self._fh = open(path, "w", encoding="utf-8") if path else None

    def write(self, obj: dict[str, Any]) -> None:
        if self._fh:
            self._fh.write(json.dumps(obj, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self._fh:
            self._fh.close()

    def __enter__(self) -> "PredictionWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
