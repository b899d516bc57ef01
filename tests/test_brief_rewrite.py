"""The optional rewrite, against a fake OpenAI-compatible server on loopback (never the internet)."""

from __future__ import annotations

import pytest

from newsfuse.brief.rewrite import RewriteConfig, parse, rewrite, RewriteFailed
from newsfuse.models import Article, BriefSentence

from .fake_llm import server  # noqa: F401 (a fixture)

TEXT = ("Floods killed 14 people in the Marenka valley on Monday, the emergency service said. "
        "Rescue teams evacuated 2,300 residents overnight.")
ARTICLES = {"a": Article(id="a", path="a.txt", source="North Gazette", title="Floods in Marenka", text=TEXT)}
SENTENCES = [BriefSentence("Floods killed 14 people in the Marenka valley on Monday, the emergency service said.", ["a"]),
             BriefSentence("Rescue teams evacuated 2,300 residents overnight.", ["a"])]


def _config(httpd) -> RewriteConfig:
    return RewriteConfig(f"http://127.0.0.1:{httpd.server_port}/v1", "fake-model", "secret", timeout=5)


def test_a_faithful_rewrite_is_used_with_the_cited_articles(server):
    server.answer = "Floods in the Marenka valley killed 14 people on Monday. [1]\nSome 2,300 residents were evacuated. [2]"
    brief, note = rewrite(SENTENCES, ARTICLES, _config(server))
    assert note is None and [s.text for s in brief][1] == "Some 2,300 residents were evacuated."
    assert all(s.citations == ["a"] and s.source is None for s in brief)
    request = server.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer secret"
    assert request["body"]["model"] == "fake-model" and "1. Floods killed 14" in request["body"]["messages"][1]["content"]


def test_a_rewrite_that_adds_a_figure_falls_back_to_the_extractive_brief(server):
    server.answer = "Floods killed 15 people in the Marenka valley. [1]\nResidents were evacuated. [2]"
    brief, note = rewrite(SENTENCES, ARTICLES, _config(server))
    assert brief == SENTENCES and "15" in note


def test_a_rewrite_that_adds_a_name_falls_back(server):
    server.answer = "Floods killed 14 people near Ostrava on Monday. [1]"
    assert rewrite(SENTENCES, ARTICLES, _config(server)) == (SENTENCES, "unsupported in rewrite: Ostrava")


def test_server_errors_and_silence_fall_back():
    brief, note = rewrite(SENTENCES, ARTICLES, RewriteConfig("http://127.0.0.1:9", "m", timeout=2))
    assert brief == SENTENCES and note.startswith("endpoint error")


def test_http_500_falls_back(server):
    brief, note = rewrite(SENTENCES, ARTICLES, _config(server))
    assert brief == SENTENCES and note.startswith("endpoint error")


@pytest.mark.parametrize("answer, message", [
    ("No numbers here.", "without sentence numbers"),
    ("Floods killed 14 people. [7]", "do not exist"),
    ("", "empty answer"),
])
def test_malformed_answers_are_refused(answer, message):
    with pytest.raises(RewriteFailed, match=message):
        parse(answer, SENTENCES)


def test_config_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSFUSE_LLM_BASE_URL", raising=False)
    assert RewriteConfig.from_env() is None
    monkeypatch.setenv("NEWSFUSE_LLM_BASE_URL", "http://127.0.0.1:8080/v1/")
    monkeypatch.setenv("NEWSFUSE_LLM_MODEL", "local")
    config = RewriteConfig.from_env()
    assert (config.base_url, config.model, config.api_key) == ("http://127.0.0.1:8080/v1", "local", None)


def test_run_rewrite_without_an_endpoint_is_a_usage_error(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from newsfuse.cli import main

    monkeypatch.delenv("NEWSFUSE_LLM_BASE_URL", raising=False)
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--rewrite", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "NEWSFUSE_LLM_BASE_URL" in result.output


def test_run_with_rewrite_stores_gated_rewrites_and_warns_on_fallback(server, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from newsfuse.cli import main
    from newsfuse.store import open_store

    from .conftest import DEMO

    monkeypatch.setenv("NEWSFUSE_LLM_BASE_URL", f"http://127.0.0.1:{server.server_port}/v1")
    db = str(tmp_path / "r.db")
    server.answer = "echo"
    result = CliRunner().invoke(main, ["run", str(DEMO), "--db", db, "--rewrite", "-q"])
    assert result.exit_code == 0, result.output
    store = open_store(db)
    events = store.list_events()
    assert events and all(s.source is None and s.citations for e in events for s in e.brief)
    store.close()
    server.answer = "Everyone agrees that 999 people were hurt. [1]"
    result = CliRunner().invoke(main, ["run", str(DEMO), "--db", db, "--rewrite", "--length", "short"])
    assert result.exit_code == 0 and "brief rewrite not used" in result.output and "999" in result.output
    store = open_store(db)
    assert all(s.source is not None for e in store.list_events() for s in e.brief)  # extractive kept
    store.close()
