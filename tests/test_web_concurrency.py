"""The web app under concurrent requests: a real uvicorn server on a loopback port with
several clients at once, reads while another connection holds the write lock, and one
store connection per worker thread (not one per request)."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from newsfuse.web import app as web_app
from newsfuse.web import create_app

from .conftest import DEMO
from .test_web_api import build_db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    return build_db(tmp_path_factory.mktemp("concurrency") / "demo.db", str(DEMO))


@pytest.fixture(scope="module")
def server(demo_db):
    """uvicorn serving the demo store in a background thread; yields its base URL."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_concurrent_clients_all_get_answers(server):
    event_url = httpx.get(server + "/api/events").json()["events"][0]["url"]

    def client(n: int) -> Counter:
        seen: Counter = Counter()
        with httpx.Client(base_url=server, timeout=30) as http:
            for i in range(25):
                url = "/api/events" if (i + n) % 2 else event_url
                try:
                    seen[http.get(url).status_code] += 1
                except httpx.HTTPError as exc:
                    seen[type(exc).__name__] += 1
        return seen

    with ThreadPoolExecutor(8) as pool:
        statuses = sum(pool.map(client, range(8)), Counter())
    assert statuses == Counter({200: 200})


def test_reads_go_on_while_a_writer_holds_the_lock(demo_db):
    client = TestClient(create_app(demo_db), base_url="http://127.0.0.1")
    event_url = client.get("/api/events").json()["events"][0]["url"]
    writer = sqlite3.connect(demo_db, isolation_level=None, timeout=1)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE settings SET value = value WHERE key = 'fatality_rule'")
        started = time.monotonic()
        for url in ("/api/events", "/", event_url, "/api/search?q=border", "/api/export?format=csv"):
            response = client.get(url)
            assert response.status_code == 200, (url, response.text[:300])
        assert time.monotonic() - started < 10  # nothing waited for the lock (busy timeout is 30 s)
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_one_store_connection_per_thread_not_per_request(demo_db, monkeypatch):
    opened: list[threading.Thread] = []
    real_open = web_app.open_store

    def counting_open(*args, **kwargs):
        opened.append(threading.current_thread())
        return real_open(*args, **kwargs)

    with TestClient(create_app(demo_db), base_url="http://127.0.0.1") as client:  # one event loop throughout
        monkeypatch.setattr(web_app, "open_store", counting_open)
        for _ in range(30):
            assert client.get("/api/events").status_code == 200
    assert opened and len(opened) == len(set(opened)) < 30, "a thread opened the store more than once"


def test_a_kept_connection_sees_what_a_writer_commits(demo_db, tmp_path):
    copy = str(tmp_path / "copy.db")
    with sqlite3.connect(demo_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with TestClient(create_app(copy), base_url="http://127.0.0.1") as client:
        before = client.get("/api/events").json()
        writer = sqlite3.connect(copy, isolation_level=None)
        writer.execute("DELETE FROM event_articles WHERE event_id = ?", (before["events"][0]["id"],))
        writer.execute("DELETE FROM events WHERE id = ?", (before["events"][0]["id"],))
        writer.close()
        after = client.get("/api/events").json()
        assert after["total"] == before["total"] - 1
        assert client.get(before["events"][0]["url"]).status_code == 404
