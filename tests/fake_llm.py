"""A fake OpenAI-compatible server on loopback (never the internet), shared by the tests of
the brief rewrite and of the translation.

``server.answer`` is what every chat completion answers: a string; ``"echo"`` (a faithful
rewrite: each numbered sentence said again, citing it); a function of the request's body
giving the answer; or None for an HTTP 500. ``server.requests`` records what was asked."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest


class FakeLLM(BaseHTTPRequestHandler):
    """Answers every chat completion with ``server.answer``; records what it was asked."""

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        if self.server.answer is None:
            self.send_response(500)
            self.end_headers()
            return
        answer = self.server.answer
        if callable(answer):
            answer = answer(body)
        elif answer == "echo":  # a faithful model: says each sentence again, citing it
            numbered = body["messages"][1]["content"].splitlines()
            answer = "\n".join(f"{line.split('. ', 1)[1]} [{line.split('. ', 1)[0]}]" for line in numbered)
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": answer}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = HTTPServer(("127.0.0.1", 0), FakeLLM)
    httpd.requests, httpd.answer = [], None
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
