"""Shared fixtures: a fresh in-memory store, paths to the demo corpus and ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO = REPO / "demo"


@pytest.fixture
def fresh_store():
    from newsfuse.store import open_store

    store = open_store(":memory:")
    yield store
    store.close()


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: these tests read the shared seeds/benchmarks at run time")
    return SHARED


@pytest.fixture
def seeds(shared: Path) -> Path:
    path = shared / "seeds"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path
