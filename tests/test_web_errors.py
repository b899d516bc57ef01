"""Requests that used to break the app: a 500 keeps the error shape and the security
headers without leaking internals; a deeply nested JSON body is a 400, not a
RecursionError; a chunked body is refused as soon as it passes the limit."""

from __future__ import annotations

import anyio
import pytest
from fastapi.testclient import TestClient

from newsfuse.store import open_store
from newsfuse.web import api, create_app
from newsfuse.web.app import SECURITY_HEADERS, get_store

TOKEN = {"Authorization": "Bearer s3cret"}


@pytest.fixture
def app(tmp_path):
    path = str(tmp_path / "empty.db")
    open_store(path).close()
    return create_app(path, token="s3cret")


@pytest.fixture
def client(app):
    return TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)


def test_a_500_has_the_error_shape_and_the_headers_and_no_internals(app, client):
    def broken():
        raise RuntimeError("secret internals at /srv/newsfuse/store.db")

    app.dependency_overrides[get_store] = broken
    response = client.get("/api/events")
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500, "message": response.json()["error"]["message"]}}
    assert "secret" not in response.text and "/srv" not in response.text
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name
    page = client.get("/")
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "secret" not in page.text and page.headers["x-frame-options"] == "DENY"


def test_deeply_nested_json_is_a_400(client):
    deep = b"[" * 100_000 + b"]" * 100_000
    for body in (deep, b'{"articles": ' + deep + b"}", b'{"text": "x", "meta": ' + b"[" * 50 + b"]" * 50 + b"}"):
        response = client.post("/api/articles", content=body, headers=TOKEN)
        assert response.status_code == 400, response.text[:200]
        assert "nests deeper" in response.json()["error"]["message"]


def test_a_chunked_body_is_refused_once_past_the_limit(app, monkeypatch):
    """Driven through ASGI directly, so the test sees how much of the body the app read."""
    monkeypatch.setattr(api, "MAX_POST_BYTES", 1000)
    chunks = [b"x" * 100] * 50  # 5,000 bytes, no Content-Length
    read = 0
    sent: list[dict] = []

    async def receive():
        nonlocal read
        read += 1
        return {"type": "http.request", "body": chunks[read - 1], "more_body": read < len(chunks)}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/articles", "raw_path": b"/api/articles", "root_path": "",
             "query_string": b"", "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
             "headers": [(b"host", b"127.0.0.1"), (b"authorization", b"Bearer s3cret"),
                         (b"transfer-encoding", b"chunked"), (b"content-type", b"application/json")]}
    anyio.run(app, scope, receive, send)
    assert sent[0]["status"] == 413
    assert read <= 11, f"read {read} of {len(chunks)} chunks before refusing"


def test_a_declared_length_over_the_limit_is_refused_unread(client, monkeypatch):
    monkeypatch.setattr(api, "MAX_POST_BYTES", 1000)
    response = client.post("/api/articles", content=b"[" + b" " * 2000 + b"]", headers=TOKEN)
    assert response.status_code == 413 and response.json()["error"]["status"] == 413


def test_a_store_gone_missing_is_a_503_without_its_path(tmp_path):
    path = tmp_path / "gone.db"
    open_store(str(path)).close()
    client = TestClient(create_app(str(path)), base_url="http://127.0.0.1", raise_server_exceptions=False)
    for extra in tmp_path.iterdir():
        extra.unlink()
    response = client.get("/api/events")
    assert response.status_code == 503 and response.json()["error"]["status"] == 503
    assert str(tmp_path) not in response.text
