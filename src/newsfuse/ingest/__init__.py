"""Readers turn paths into RawArticle records, one module per format.

``iter_inputs`` walks files, folders (recursively) and ``-`` (JSONL on stdin) and
yields either a :class:`RawArticle` or an :class:`IngestIssue` — a problem with one
input that the caller reports and moves past. Adding a format (RSS/Atom, WARC)
means adding one module and one entry in ``READERS``. A text or HTML report takes
its date, outlet, address and title from a ``NAME.meta.json`` sidecar beside it
(:mod:`newsfuse.ingest.sidecar`); in a folder, files of other types are counted
and named in one issue, not one each.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from collections import Counter
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import IO

from ..models import RawArticle
from .files import read_file_bytes, scrub
from .html import read_html
from .jsonl import iter_json_articles, iter_jsonl_articles
from .sidecar import apply_sidecar, described, is_sidecar
from .text import read_text


@dataclass
class IngestIssue:
    """A problem with one input (file or line): reported, never fatal to the batch."""

    path: str
    message: str
    count: int = 1  # inputs it stands for (a folder's files of unsupported types are one issue)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


Item = RawArticle | IngestIssue
MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # one page or text file; JSONL files may be any size


def _read_single(path: Path, parse: Callable[[bytes, str], RawArticle]) -> Iterator[Item]:
    data, issue = read_file_bytes(path, MAX_ARTICLE_BYTES)
    if issue:
        yield IngestIssue(str(path), issue)
        return
    try:
        raw = parse(data, str(path))
    except ValueError as exc:
        yield IngestIssue(str(path), str(exc))
        return
    yield apply_sidecar(raw, path)


def _text_reader(path: Path) -> Iterator[Item]:
    yield from _read_single(path, read_text)


def _html_reader(path: Path) -> Iterator[Item]:
    yield from _read_single(path, read_html)


def _jsonl_reader(path: Path) -> Iterator[Item]:
    try:
        with open(path, "rb") as fh:
            yield from _wrap(iter_jsonl_articles(fh, str(path)))
    except OSError as exc:
        yield IngestIssue(str(path), f"cannot read: {exc.strerror or exc}")


def _json_reader(path: Path) -> Iterator[Item]:
    data, issue = read_file_bytes(path, None)
    if issue:
        yield IngestIssue(str(path), issue)
        return
    yield from _wrap(iter_json_articles(data, str(path)))


def _wrap(items: Iterable[RawArticle | tuple[str, str]]) -> Iterator[Item]:
    for item in items:
        yield IngestIssue(*item) if isinstance(item, tuple) else item


READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    ".txt": _text_reader,
    ".text": _text_reader,
    ".html": _html_reader,
    ".htm": _html_reader,
    ".jsonl": _jsonl_reader,
    ".ndjson": _jsonl_reader,
    ".json": _json_reader,
}


#: A folder's own notes (README.md, LICENSE) describe it: not reports, not worth a warning.
FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "notice"})


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def iter_inputs(paths: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Yield every article (or issue) found under ``paths``, in a stable order.

    Every reader's output passes here, so this is where strings are made storable
    (:func:`~newsfuse.ingest.files.scrub`: lone surrogates from JSON escapes or file
    names become U+FFFD, in every field and all through the metadata)."""
    for item in _iter_inputs(paths, stdin):
        if isinstance(item, IngestIssue):
            yield replace(item, path=scrub(item.path), message=scrub(item.message))
        else:
            yield scrub_article(item)


def scrub_article(raw: RawArticle) -> RawArticle:
    """``raw`` with every string field and the metadata scrubbed (in place; returned)."""
    for f in fields(raw):
        setattr(raw, f.name, scrub(getattr(raw, f.name)))
    return raw


def _iter_inputs(paths: Iterable[str], stdin: IO[bytes] | None) -> Iterator[Item]:
    for spec in paths:
        if spec == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _wrap(iter_jsonl_articles(stream, "<stdin>"))
            continue
        path = Path(spec).expanduser()
        if not path.exists():
            yield IngestIssue(spec, "no such file or folder")
        elif path.is_dir():
            yield from _iter_folder(path, spec)
        elif is_sidecar(path):
            yield from _orphan_sidecar(path, spec)  # `newsfuse run reports/*` names sidecars too
        elif supported(path):
            yield from READERS[path.suffix.lower()](path)
        else:
            known = ", ".join(sorted(READERS))
            yield IngestIssue(spec, f"unsupported file type {path.suffix or '(none)'!r}; newsfuse reads {known}")


def _iter_folder(folder: Path, spec: str) -> Iterator[Item]:
    """Every supported file under ``folder`` (sidecars are read with their reports), then
    one issue counting the files of other types (a README.md or LICENSE left aside)."""
    unsupported: Counter[str] = Counter()
    for file in sorted(p for p in folder.rglob("*") if p.is_file() and not _hidden(p, folder)):
        if is_sidecar(file):
            yield from _orphan_sidecar(file, str(file))
        elif supported(file):
            yield from READERS[file.suffix.lower()](file)
        elif file.stem.lower() not in FOLDER_NOTES:
            unsupported[file.suffix.lower() or "(no suffix)"] += 1
    if unsupported:
        n = sum(unsupported.values())
        kinds = ", ".join(kind for kind, _ in sorted(unsupported.items(), key=lambda kv: (-kv[1], kv[0])))
        files = f"{n} files of unsupported types" if n > 1 else "1 file of an unsupported type"
        yield IngestIssue(spec, f"{files} ({kinds}); newsfuse reads {', '.join(sorted(READERS))}", count=n)


def _orphan_sidecar(path: Path, spec: str) -> Iterator[Item]:
    """A sidecar is read with its report; one with no report beside it is named."""
    if described(path) is None:
        yield IngestIssue(spec, "a metadata sidecar with no NAME.txt or NAME.html beside it; skipped")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
