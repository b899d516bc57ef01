"""Records as the JSON text every backend stores (one spelling, so a store copied from one
backend to another holds the same bytes)."""

from __future__ import annotations

import json
import math
from typing import Any


def record_json(record: dict) -> str:
    """A record as strict JSON: a NaN or infinity would break SQLite's json_extract (and
    PostgreSQL's json type) and every reader after it, so one that slipped past the parsers
    is stored as null."""
    try:
        return json.dumps(record, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(finite(record), ensure_ascii=False, allow_nan=False)


def finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value
