"""POST /api/articles: a slow article must not hold the writer while it is analysed."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient

from newsfuse import pipeline
from newsfuse.web import create_app

AUTH = {"Authorization": "Bearer s3cret"}
# Written for this test (fictional).
SLOW = {"title": "Bridge inspection", "source": "Valley Post", "published": "2024-08-01",
        "text": "SLOWMARK Inspectors closed the old river bridge at Tarrow on Tuesday after cracks were found, "
                "the county said. Nobody was hurt."}
QUICK = {"title": "Ferry runs aground", "source": "Harbour Times", "published": "2024-07-01",
         "text": "A ferry ran aground off Split on Monday and 40 passengers were taken ashore, "
                 "the coastguard said. Nobody was hurt."}


def test_a_slow_article_does_not_block_other_writers(tmp_path, monkeypatch):
    release = threading.Event()
    analysing = threading.Event()
    real = pipeline.analyse_articles

    def analyse(articles, *args, **kwargs):
        if any("SLOWMARK" in a.text for a in articles):
            analysing.set()
            release.wait(60)
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_articles", analyse)
    client = TestClient(create_app(str(tmp_path / "w.db"), token="s3cret"), base_url="http://127.0.0.1")
    slow_result: dict = {}
    slow = threading.Thread(target=lambda: slow_result.update(
        response=client.post("/api/articles", json=SLOW, headers=AUTH)))
    slow.start()
    try:
        assert analysing.wait(60)
        quick_result: dict = {}
        quick = threading.Thread(target=lambda: quick_result.update(
            response=client.post("/api/articles", json=QUICK, headers=AUTH)))
        quick.start()
        quick.join(60)
        assert not quick.is_alive(), "a second writer waited for the slow article's analysis"
        assert quick_result["response"].status_code == 201
    finally:
        release.set()
        slow.join(60)
    assert slow_result["response"].status_code == 201
    assert client.get("/api/events").json()["total"] == 2
