"""Streaming runs: inputs read in batches give what one batch gives, and template lines are
learned into the store, so an article's stored text does not depend on its batch."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse import engine, pipeline
from newsfuse.store import open_store

from .conftest import DEMO

MASTHEAD = "Tide tables and ferry times"
STORIES = [
    ("Ferry pier closed after crane collapse in Port Alder",
     "A crane collapsed onto the ferry pier in Port Alder on Tuesday, injuring two dock workers, the harbour "
     "authority said.\n\nThe pier will stay closed until engineers have inspected it, officials said."),
    ("Port Alder council approves new fish market",
     "The Port Alder council voted on Wednesday to build a covered fish market beside the old customs house."
     "\n\nTraders said the vote ended ten years of argument over the site."),
    ("Storm floods Port Alder seafront",
     "Heavy rain flooded the seafront road in Port Alder on Thursday night and closed three shops, the fire "
     "service said.\n\nNobody was hurt, officials said."),
]


def _story(i: int) -> dict:
    title, body = STORIES[i]
    first, rest = body.split("\n\n", 1)
    return {"title": title, "text": f"{first}\n\n{MASTHEAD}\n\n{rest}",
            "source": "Harbour Gazette", "published": f"2031-04-0{i + 1}"}


def _write(path: Path, stories: list[int]) -> str:
    path.write_text("".join(json.dumps(_story(i)) + "\n" for i in stories), encoding="utf-8")
    return str(path)


def _texts(db: Path) -> dict[str, str]:
    store = open_store(str(db), readonly=True)
    try:
        return {a.title: a.text for a in store.iter_articles()}
    finally:
        store.close()


def _run(db: Path, path: str) -> pipeline.RunSummary:
    store = open_store(str(db))
    try:
        return pipeline.run([path], store)
    finally:
        store.close()


def test_a_template_line_learned_later_leaves_the_articles_stored_before(tmp_path):
    one = tmp_path / "one.db"
    _run(one, _write(tmp_path / "all.jsonl", [0, 1, 2]))
    assert all(MASTHEAD not in text for text in _texts(one).values())

    many = tmp_path / "many.db"
    _run(many, _write(tmp_path / "first.jsonl", [0]))
    assert MASTHEAD in _texts(many)[STORIES[0][0]]  # one article: nothing says the line is template yet
    _run(many, _write(tmp_path / "second.jsonl", [1]))
    _run(many, _write(tmp_path / "third.jsonl", [2]))
    assert _texts(many) == _texts(one)
    store = open_store(str(many), readonly=True)
    first = next(a for a in store.iter_articles() if a.title == STORIES[0][0])
    assert any(r.line == MASTHEAD and r.reason == "repeated across articles" for r in first.removed)
    placed = [a for e in store.list_events() for a in e.article_ids]
    assert sorted(placed) == sorted(a.id for a in store.iter_articles())  # analysed again, placed once
    assert store.count_pending() == 0
    store.close()


def test_small_batches_give_the_events_of_one_batch(tmp_path, monkeypatch):
    whole = tmp_path / "whole.db"
    _run(whole, str(DEMO))
    monkeypatch.setattr(pipeline, "READ_BATCH", 3)
    monkeypatch.setattr(engine, "CLUSTER_CHUNK", 5)
    batched = tmp_path / "batched.db"
    summary = _run(batched, str(DEMO))
    assert summary.read == 12 and summary.added == 12

    def events(db: Path) -> set[frozenset[str]]:
        store = open_store(str(db), readonly=True)
        try:
            return {frozenset(e.article_ids) for e in store.list_events()}
        finally:
            store.close()

    assert events(batched) == events(whole)
    assert _texts(batched) == _texts(whole)
