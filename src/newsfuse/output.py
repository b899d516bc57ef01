"""Writing an export to a file the user named (``newsfuse export --out FILE``).

A file that cannot be written is named in one line before anything is read from the store
(no such folder, a folder given as the file, a read-only file or folder). The export is
written beside the file under a temporary name and moved over it only once complete, so an
export that stops half-way (a full disk, Ctrl-C) leaves any earlier file as it was and no
half-written one behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO


class OutputError(Exception):
    """The output file cannot be written; the message says why, in one line."""


def output_problem(path: str) -> str | None:
    """Why ``path`` cannot be written as a file, or None when it can (as far as one can tell
    before trying)."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    if target.is_dir():
        return "it is a folder; name a file in it"
    if not folder.exists():
        return f"no such folder {folder}"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if target.exists():
        if not os.access(target, os.W_OK):
            return "the file is read-only"
    elif not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is read-only"
    return None


@contextmanager
def output_file(path: str, binary: bool = False) -> Iterator[IO[str] | str]:
    """A text stream (UTF-8, line ends as written) to fill, or with ``binary`` the path of a
    temporary file for a writer that opens files itself (Parquet); on success it becomes
    ``path``. Raises OutputError for any problem with the file."""
    problem = output_problem(path)
    if problem:
        raise OutputError(f"cannot write {path}: {problem}")
    target = Path(os.path.realpath(path))
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):  # /dev/null, a pipe: written in place
        with _reporting(path):
            if binary:
                yield str(target)
            else:
                with open(target, "w", encoding="utf-8", newline="") as stream:
                    yield stream
        return
    with _reporting(path):
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with _reporting(path):
            if binary:
                os.close(fd)
                yield temporary
            else:
                with open(fd, "w", encoding="utf-8", newline="") as stream:
                    yield stream
            os.chmod(temporary, _mode_for(target))
            os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


@contextmanager
def _reporting(path: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _mode_for(target: Path) -> int:
    """The file keeps its permissions; a new one gets what the user's umask gives."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
