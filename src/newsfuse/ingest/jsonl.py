"""JSON Lines (and JSON) articles with the fields id, url, title, text or html,
published, source, language; anything else is kept as metadata.

Numbers are read so that no line can stop a run: an integer too long for Python
to convert (over 4,300 digits) reads as null; NaN, Infinity and floats that
overflow are made null, and integers past 64 bits text, where every reader goes
(:func:`newsfuse.ingest.files.scrub`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..models import RawArticle
from .dates import normalise_published
from .files import decode_text
from .html import read_html

KNOWN_FIELDS = {"id", "url", "title", "text", "html", "published", "source", "language"}
Issue = tuple[str, str]  # (where, message)


def article_from_object(obj: Any, where: str) -> RawArticle:
    """Build a RawArticle from one JSON object, or raise ValueError saying what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise ValueError('no "text" or "html" field with content')
    extra = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    published, published_note = normalise_published(obj.get("published"))
    if published_note:
        extra["published_raw"] = obj.get("published")
    if isinstance(text, str) and text.strip():
        raw = RawArticle(path=where, text=text)
    else:
        raw = read_html(html, where, url=_str(obj.get("url")))
    raw.external_id = _str(obj.get("id"))
    raw.url = _str(obj.get("url")) or raw.url
    raw.title = _str(obj.get("title")) or raw.title
    raw.published = published or raw.published
    raw.source = _str(obj.get("source")) or raw.source
    raw.language = _str(obj.get("language")) or raw.language
    raw.metadata = {**raw.metadata, **extra, "input": "jsonl"}
    return raw


def _int(digits: str) -> int | None:
    """An integer literal, or None past Python's limit for converting digits (which raises)."""
    return int(digits) if len(digits) <= 4300 else None


def _loads(text: str) -> Any:
    return json.loads(text, parse_int=_int)


def _str(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def iter_jsonl_articles(stream: Iterable[bytes], name: str) -> Iterator[RawArticle | Issue]:
    """One article per line; a bad line becomes an issue naming ``name:LINE``."""
    for number, line in enumerate(stream, start=1):
        where = f"{name}:{number}"
        text, note = decode_text(line)
        if not text.strip():
            continue
        if note:
            yield (where, note)
        try:
            obj = _loads(text)
        except json.JSONDecodeError as exc:
            yield (where, f"not valid JSON ({exc.msg} at column {exc.colno}); line skipped")
            continue
        except RecursionError:
            yield (where, "JSON nested too deeply to read; line skipped")
            continue
        try:
            yield article_from_object(obj, where)
        except ValueError as exc:
            yield (where, f"{exc}; line skipped")


def iter_json_articles(data: bytes, name: str) -> Iterator[RawArticle | Issue]:
    """A JSON file holding one article object or a list of them."""
    text, note = decode_text(data)
    if note:
        yield (name, note)
    try:
        obj = _loads(text)
    except RecursionError:
        yield (name, "JSON nested too deeply to read; skipped")
        return
    except json.JSONDecodeError as exc:
        if "\n{" in text or text.lstrip().startswith("{") and text.count("\n") > 1:
            lines = (ln.encode("utf-8") for ln in text.splitlines())
            yield from iter_jsonl_articles(lines, name)  # JSON Lines saved as .json
            return
        yield (name, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); skipped")
        return
    items = obj if isinstance(obj, list) else [obj]
    for index, item in enumerate(items):
        where = f"{name}[{index}]" if isinstance(obj, list) else name
        try:
            yield article_from_object(item, where)
        except ValueError as exc:
            yield (where, f"{exc}; skipped")
