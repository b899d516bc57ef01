"""Safe reading of one input file: size limit, empty and binary detection, decoding."""

from __future__ import annotations

from pathlib import Path


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
