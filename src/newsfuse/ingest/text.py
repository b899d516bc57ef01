"""Plain-text articles: no metadata but the words; the title is found by cleaning."""

from __future__ import annotations

from ..models import RawArticle
from .files import decode_text


def read_text(data: bytes, path: str) -> RawArticle:
    text, note = decode_text(data, detect=True)
    if not text.strip():
        raise ValueError("no text after decoding; skipped")
    meta = {"format": "text"}
    if note:
        meta["warning"] = note
    return RawArticle(path=path, text=text, metadata=meta)
