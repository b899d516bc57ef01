"""Safe reading of one input file: size limit, empty and binary detection, decoding (in
a detected legacy encoding for files that are not UTF-8), and scrubbing of strings no
UTF-8 consumer can hold."""

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


def decode_text(data: bytes, detect: bool = False) -> tuple[str, str | None]:
    """Decode UTF-8 (with or without BOM), else say why not in the returned note.

    With ``detect`` (a whole file, not one JSON line), bytes that read as a legacy encoding
    rather than as UTF-8 with a few bad bytes are decoded in the encoding charset-normalizer
    detects (:func:`legacy_decode`). Otherwise bad bytes become U+FFFD and the note says where.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        found = legacy_decode(data) if detect else None
        if found is not None:
            return found[0], f"not valid UTF-8; read as {found[1]} (detected by charset-normalizer)"
        note = f"invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD"
        return data.decode("utf-8", errors="replace"), note


def add_warning(metadata: dict[str, Any], note: str) -> None:
    """Add ``note`` to the article's one-line warning (a reader may have several things to say)."""
    metadata["warning"] = f"{metadata['warning']}; {note}" if metadata.get("warning") else note


def legacy_decode(data: bytes) -> tuple[str, str] | None:
    """``data`` decoded in the encoding it was most likely written in, and that encoding's
    name; None when it reads as UTF-8 with a few damaged bytes (more characters decode as
    UTF-8 than fail: a stray byte in a UTF-8 file must not turn its every accent into
    mojibake) or when no encoding fits."""
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    good = sum(1 for ch in as_utf8 if ord(ch) > 127) - bad
    if good >= bad:
        return None
    encoding = detect_encoding(data)
    if encoding is None:
        return None
    return data.decode(encoding, errors="replace"), encoding


def detect_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for bytes that are not UTF-8 (None: none fits,
    or the library is missing). It reads a sample of a big file: decode with
    ``errors="replace"``."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    sample = data if len(data) <= 200_000 else data[:100_000] + data[-100_000:]
    matches = from_bytes(sample)
    best = matches.best()
    if best is None or not best.encoding or best.encoding.lower().replace("-", "_") in {"utf_8", "utf_8_sig"}:
        return None
    # Encodings that read the bytes equally well come in no useful order (a French text
    # came back as cp1250, turning "è" into "č"): among them, Windows-1252 wins, the most
    # used legacy encoding and the one browsers assume.
    tied = {name for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)
            for name in m.could_be_from_charset}
    for encoding in (["cp1252"] if "cp1252" in tied else []):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            pass
    return best.encoding


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
