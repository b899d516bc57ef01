"""Metadata for a plain-text or HTML report from a sidecar file beside it.

A text file has no place for its date or outlet, and an HTML page may state them wrongly:
``NAME.meta.json`` beside ``NAME.txt`` (or ``.text``, ``.html``, ``.htm``) gives them as
one JSON object with any of ``published``, ``source``, ``url``, ``title``. What the sidecar
gives wins over what the reader found. A sidecar that cannot be used is one warning on the
report's line, and the report is read without it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..models import RawArticle
from .dates import normalise_published
from .files import add_warning

SUFFIX = ".meta.json"
FIELDS = ("published", "source", "url", "title")
DESCRIBES = (".txt", ".text", ".html", ".htm")  # the reports a sidecar can sit beside
MAX_BYTES = 1024 * 1024


def sidecar_of(path: Path) -> Path:
    """Where the sidecar of ``path`` would be: ``NAME.txt`` -> ``NAME.meta.json``."""
    return path.with_name(path.stem + SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIX) and len(path.name) > len(SUFFIX)


def described(sidecar: Path) -> Path | None:
    """The report a sidecar describes, or None when there is none beside it."""
    stem = sidecar.name[: -len(SUFFIX)]
    return next((p for ext in DESCRIBES if (p := sidecar.with_name(stem + ext)).is_file()), None)


def apply_sidecar(raw: RawArticle, path: Path) -> RawArticle:
    """``raw`` (read from ``path``) with its sidecar's fields, if it has one; in place."""
    sidecar = sidecar_of(path)
    if not sidecar.is_file():
        return raw
    try:
        values, problems = read_sidecar(sidecar)
    except ValueError as exc:
        add_warning(raw.metadata, f"sidecar {sidecar.name} not used: {exc}")
        return raw
    if "published" in values:
        raw.published = values["published"]
    raw.source = values.get("source", raw.source)
    raw.url = values.get("url", raw.url)
    raw.title = values.get("title", raw.title)
    raw.metadata["sidecar"] = sidecar.name
    for problem in problems:
        add_warning(raw.metadata, f"sidecar {sidecar.name}: {problem}")
    return raw


def read_sidecar(sidecar: Path) -> tuple[dict[str, str], list[str]]:
    """The usable fields of a sidecar, and what was wrong with the rest; ValueError when
    none of it can be used (unreadable, not JSON, not an object)."""
    try:
        if sidecar.stat().st_size > MAX_BYTES:
            raise ValueError(f"over {MAX_BYTES // 1024} KB, too big for a sidecar")
        data = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise ValueError(f"cannot read it ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply to read") from exc
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object with {', '.join(FIELDS)}; got {_kind(data)}")
    values: dict[str, str] = {}
    problems = []
    unknown = sorted(str(k) for k in data if k not in FIELDS)
    if unknown:
        problems.append(f"unknown fields {', '.join(map(repr, unknown))} ignored (a sidecar gives {', '.join(FIELDS)})")
    for name in FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{name} should be a non-empty string, not {_kind(value)}; ignored")
        elif name == "published":
            date, unreadable = normalise_published(value)
            if unreadable or date is None:
                problems.append(f"published {value!r} is not a date; ignored")
            else:
                values[name] = date
        else:
            values[name] = value.strip()
    return values, problems


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "an empty string", bool: "true/false",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)
