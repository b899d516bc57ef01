"""The one client for an OpenAI-compatible chat endpoint, shared by the optional brief
rewrite (:mod:`newsfuse.brief.rewrite`) and the optional translation
(:mod:`newsfuse.translate`).

Both are off by default and never required: newsfuse works fully offline. The endpoint
is configured through the environment:

* ``NEWSFUSE_LLM_BASE_URL`` — e.g. ``http://127.0.0.1:8080/v1`` (``/chat/completions`` is appended),
* ``NEWSFUSE_LLM_MODEL`` — the model name the server expects,
* ``NEWSFUSE_LLM_API_KEY`` — sent as a bearer token when set.

Plain ``urllib`` (no client library): one POST, one JSON answer. Every failure — the
network, an HTTP error, an answer without a message — is one :class:`LLMError`, so a
caller has one thing to catch and keep its offline result.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass

BASE_URL_VAR = "NEWSFUSE_LLM_BASE_URL"


@dataclass
class LLMConfig:
    """Where the endpoint is and which model it runs."""

    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 60.0

    @classmethod
    def from_env(cls) -> LLMConfig | None:
        """The configured endpoint, or None when ``NEWSFUSE_LLM_BASE_URL`` is unset."""
        base = os.environ.get(BASE_URL_VAR, "").strip()
        if not base:
            return None
        return cls(base.rstrip("/"), os.environ.get("NEWSFUSE_LLM_MODEL", "default"),
                   os.environ.get("NEWSFUSE_LLM_API_KEY") or None)


class LLMError(Exception):
    """The endpoint could not be reached or gave no usable answer."""


def chat(config: LLMConfig, system: str, user: str) -> str:
    """The assistant's answer to one system + user message (temperature 0)."""
    body = json.dumps({"model": config.model, "temperature": 0,
                       "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}]})
    headers = {"Content-Type": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    request = urllib.request.Request(f"{config.base_url}/chat/completions", body.encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=config.timeout) as response:
            reply = json.loads(response.read().decode("utf-8"))
        content = reply["choices"][0]["message"]["content"]
    except (urllib.error.URLError, OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise LLMError(f"endpoint error: {exc}") from exc
    if not isinstance(content, str):
        raise LLMError(f"endpoint error: the answer has no text ({type(content).__name__})")
    return content
