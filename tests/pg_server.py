"""A PostgreSQL server for the tests that run on both backends.

The server is the one ``NEWSFUSE_TEST_PG`` names (``.ci/run`` starts a throw-away cluster
and exports its URL), or, when it is unset, a throw-away cluster started here with
``scripts/pg_cluster.sh`` and stopped at the end of the session. ``NEWSFUSE_TEST_PG=off``
skips the PostgreSQL half. Each store a test asks for is a new database, copied from a
template that is migrated once (``CREATE DATABASE ... TEMPLATE``: fast, and every test
starts from an empty store of its own)."""

from __future__ import annotations

import itertools
import os
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]


def with_database(url: str, name: str) -> str:
    """``url`` pointing at the database ``name`` instead."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


class PgServer:
    """Makes and drops the tests' databases on one server (``admin``: a URL of a role allowed
    to create databases)."""

    def __init__(self, admin: str):
        import psycopg

        self.admin = admin
        self.prefix = f"nf_test_{os.getpid()}"
        self.made: list[str] = []
        self._numbers = itertools.count()
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {self.prefix}_template")
            conn.execute(f"CREATE DATABASE {self.prefix}_template")
        self.made.append(f"{self.prefix}_template")
        from newsfuse.store import open_store

        open_store(with_database(admin, f"{self.prefix}_template")).close()  # migrated once

    def new_database(self, migrated: bool = True) -> str:
        """The URL of a new database holding an empty, migrated store (or nothing at all)."""
        import psycopg

        name = f"{self.prefix}_{next(self._numbers)}"
        template = f"{self.prefix}_template" if migrated else "template0"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        self.made.append(name)
        return with_database(self.admin, name)

    def drop(self, url: str) -> None:
        import psycopg

        name = urlsplit(url).path.lstrip("/")
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if name in self.made:
            self.made.remove(name)

    def drop_all(self) -> None:
        for name in reversed(list(self.made)):
            self.drop(with_database(self.admin, name))


def start() -> tuple[PgServer | None, str, callable]:
    """``(server, why not, stop)``: a server for the tests, or None and the reason to skip."""
    wanted = os.environ.get("NEWSFUSE_TEST_PG", "")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg is not installed (pip install 'newsfuse[postgres]')", lambda: None
    if wanted.lower() in ("off", "0", "no"):
        return None, "NEWSFUSE_TEST_PG=off", lambda: None
    if wanted:
        try:
            server = PgServer(wanted)
        except Exception as exc:  # a server named but unusable is reported, not hidden
            return None, f"the server in NEWSFUSE_TEST_PG cannot be used: {exc}", lambda: None
        return server, "", server.drop_all
    folder = tempfile.mkdtemp(prefix="newsfuse-pg-")
    script = str(REPO / "scripts" / "pg_cluster.sh")
    started = subprocess.run(["bash", script, "start", folder], capture_output=True, text=True, timeout=180)
    stop = lambda: subprocess.run(["bash", script, "stop", folder], capture_output=True, timeout=120)  # noqa: E731
    if started.returncode != 0:
        stop()
        reason = (started.stderr.strip().splitlines() or ["?"])[-1]
        return None, f"no PostgreSQL server could be started ({reason}); set NEWSFUSE_TEST_PG to use one", lambda: None
    try:
        server = PgServer(started.stdout.strip())
    except Exception as exc:
        stop()
        return None, f"the throw-away PostgreSQL cluster cannot be used: {exc}", lambda: None
    return server, "", stop
