"""Shared fixtures: fresh stores on each backend (SQLite, PostgreSQL), paths to the demo
corpus and ../shared.

Tests that take ``fresh_store``, ``new_location`` or ``backend`` run twice, once per backend,
with the same assertions; the PostgreSQL run skips (saying why) when no server can be
started (see tests/pg_server.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO = REPO / "demo"


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server of this session (started once), or a skip with the reason."""
    from .pg_server import start

    server, why_not, stop = start()
    if server is None:
        pytest.skip(f"PostgreSQL backend not tested: {why_not}")
    yield server
    stop()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    if request.param == "postgresql":
        request.getfixturevalue("pg_server")
    return request.param


@pytest.fixture(scope="session")
def new_location(backend, request, tmp_path_factory):
    """A function giving the location of a new, empty store on the backend at each call: a
    file in a fresh folder, or a new PostgreSQL database (dropped at the end of the session)."""
    if backend == "sqlite":
        return lambda name="store.db": str(tmp_path_factory.mktemp("store") / name)
    server = request.getfixturevalue("pg_server")
    return lambda name=None: server.new_database()


@pytest.fixture
def fresh_store(backend, new_location):
    """An empty store on each backend (SQLite in memory)."""
    from newsfuse.store import open_store

    store = open_store(":memory:" if backend == "sqlite" else new_location())
    yield store
    store.close()


@pytest.fixture
def sqlite_store():
    """An empty SQLite store in memory, for tests of SQLite's own tables."""
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


# Hypothesis (tests/test_fuzz*.py): a small fixed budget by default, so the suite stays
# quick and deterministic; `make fuzz` (NEWSFUSE_FUZZ=1) runs the same properties at length,
# keeping what it found in the user's cache (never in the repository).
def _hypothesis_profiles() -> None:
    import os

    try:
        from hypothesis import HealthCheck, settings
        from hypothesis.database import DirectoryBasedExampleDatabase
    except ImportError:  # the test extra is not installed: the fuzz tests will say so
        return

    slow = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
    cache = Path(os.environ.get("NEWSFUSE_CACHE_DIR") or Path.home() / ".cache" / "newsfuse") / "hypothesis"
    try:  # Hypothesis keeps caches in ./.hypothesis otherwise
        from hypothesis.configuration import set_hypothesis_home_dir

        set_hypothesis_home_dir(cache)
    except ImportError:
        pass
    settings.register_profile("ci", max_examples=30, deadline=None, derandomize=True, database=None,
                              suppress_health_check=slow)
    settings.register_profile("fuzz", max_examples=12_000, deadline=None, suppress_health_check=slow,
                              database=DirectoryBasedExampleDatabase(str(cache / "examples")))
    settings.load_profile("fuzz" if os.environ.get("NEWSFUSE_FUZZ") == "1" else "ci")


_hypothesis_profiles()


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory) -> str:
    """The demo corpus analysed into a store file, built once per test session; tests only read it."""
    from newsfuse.pipeline import run
    from newsfuse.store import open_store

    path = str(tmp_path_factory.mktemp("demo") / "demo.db")
    store = open_store(path)
    try:
        assert run([str(DEMO)], store).added == 12
    finally:
        store.close()
    return path
