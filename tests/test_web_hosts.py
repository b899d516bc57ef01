"""Which Host headers the app answers (DNS rebinding): the loopback names by default,
the listening address and the names `newsfuse serve` is given; the rest get a 400."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsfuse import cli
from newsfuse.store import open_store
from newsfuse.web import create_app
from newsfuse.web.app import allowed_host_names


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("hosts") / "empty.db")
    open_store(path).close()
    return path


def test_only_loopback_names_by_default(empty_db):
    client = TestClient(create_app(empty_db))
    for host in ("127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"):
        assert client.get("/api/events", headers={"host": host}).status_code == 200, host
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "testserver", "0.0.0.0"):
        response = client.get("/api/events", headers={"host": host})
        assert response.status_code == 400, host
        assert response.json()["error"]["status"] == 400 and "host" in response.json()["error"]["message"]
        assert "script-src 'self'" in response.headers["content-security-policy"]
    page = client.get("/", headers={"host": "evil.example"})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert page.headers["x-frame-options"] == "DENY"


def test_allowed_hosts_are_configurable(empty_db):
    client = TestClient(create_app(empty_db, allowed_hosts=["news.example", "*.lan"]))
    assert client.get("/api/events", headers={"host": "news.example:8000"}).status_code == 200
    assert client.get("/api/events", headers={"host": "box.lan"}).status_code == 200
    assert client.get("/api/events", headers={"host": "other.example"}).status_code == 400
    anything = TestClient(create_app(empty_db, allowed_hosts=["*"]))
    assert anything.get("/api/events", headers={"host": "whatever.example"}).status_code == 200


def test_allowed_host_names():
    loopback = ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_host_names("127.0.0.1") == loopback
    assert allowed_host_names("0.0.0.0") == allowed_host_names("::") == loopback
    assert allowed_host_names("192.168.1.5") == loopback + ["192.168.1.5"]
    assert allowed_host_names("fe80::1") == loopback + ["[fe80::1]"]
    assert allowed_host_names("0.0.0.0", ["Box.LAN"], " a.example, ,b.example,box.lan") == \
        loopback + ["box.lan", "a.example", "b.example"]


@pytest.fixture
def served(monkeypatch):
    """`newsfuse serve` with uvicorn.run replaced: the app it would serve, and its output."""
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.delenv("NEWSFUSE_ALLOWED_HOSTS", raising=False)
    monkeypatch.delenv("NEWSFUSE_TOKEN", raising=False)

    def serve(*args: str, env: dict | None = None):
        result = CliRunner().invoke(cli.main, ["serve", *args], env=env)
        assert result.exit_code == 0, result.output
        return seen["app"], result.output

    return serve


def test_serve_adds_its_listening_host_and_the_named_ones(served, empty_db):
    app, output = served("--db", empty_db, "--host", "10.0.0.7", "--allowed-host", "newsbox.lan",
                         env={"NEWSFUSE_ALLOWED_HOSTS": "news.example"})
    assert app.state.allowed_hosts == ["127.0.0.1", "localhost", "[::1]", "10.0.0.7", "newsbox.lan", "news.example"]
    assert "warning" not in output
    client = TestClient(app)
    assert client.get("/api/events", headers={"host": "10.0.0.7:8000"}).status_code == 200
    assert client.get("/api/events", headers={"host": "elsewhere.example"}).status_code == 400


def test_serve_on_every_interface_warns(served, empty_db):
    app, output = served("--db", empty_db, "--host", "0.0.0.0")
    assert app.state.allowed_hosts == ["127.0.0.1", "localhost", "[::1]"]
    assert "--allowed-host '*'" in output and output.count("warning") == 1
    app, output = served("--db", empty_db, "--host", "0.0.0.0", "--allowed-host", "*")
    assert "any Host is answered" in output
    assert TestClient(app).get("/api/events", headers={"host": "x.example"}).status_code == 200
