"""Safe reading of one input file: size limit, empty and binary detection, decoding,
and scrubbing of strings no UTF-8 consumer can hold."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Metadata nested deeper than this (an unknown JSON field of lists in lists...) is dropped:
#: copying, storing and exporting it recurse once per level.
MAX_NESTING = 32
DROPPED_NESTING = f"(dropped: nested deeper than {MAX_NESTING} levels)"


def read_file_bytes(path: Path, max_bytes: int | None) -> tuple[bytes, str | None]:
    """Return the file's bytes, or an explanation of why it cannot be used."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return b"", (
                f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit for one article; skipped"
            )
        data = path.read_bytes()
    except OSError as exc:
        return b"", f"cannot read: {exc.strerror or exc}"
    if not data.strip():
        return b"", "empty file; skipped"
    if looks_binary(data):
        return b"", "binary file, not text or HTML; skipped"
    return data, None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean it is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode UTF-8 (with or without BOM); on failure, replace bad bytes and say where."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        note = f"invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD"
        return data.decode("utf-8", errors="replace"), note


def scrub(value: Any, depth: int = 0) -> Any:
    """``value`` with every string made encodable and every number storable, recursively
    through dicts (keys too), lists and tuples: the policy of :func:`decode_text` for
    values that are already decoded.

    JSON escapes ("\\udc00") and file names with undecodable bytes give Python strings with
    lone surrogates, which UTF-8 (SQLite, JSON export, the terminal) cannot encode: each
    becomes U+FFFD; a high and low surrogate written as two escapes become their character.
    NaN and infinities (which strict JSON cannot write) become None; an integer past 64 bits
    (which SQLite's json_extract reads as infinity) becomes its digits as text.
    """
    if isinstance(value, str):
        if _SURROGATE.search(value) is None:
            return value
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return value if -2**63 <= value < 2**63 else str(value)
    if isinstance(value, (dict, list, tuple)) and depth >= MAX_NESTING:
        return DROPPED_NESTING
    if isinstance(value, dict):
        return {scrub(k, depth + 1): scrub(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(scrub(v, depth + 1) for v in value)
    return value
