"""Analysis in worker processes gives what one process gives, in the same order."""

from __future__ import annotations

import sys

import pytest

from newsfuse import workers
from newsfuse.analysis import spread
from newsfuse.bench.speed import long_article
from newsfuse.models import Article
from newsfuse.pipeline import collect
from newsfuse.workers import AnalysisPool, default_workers

from .conftest import DEMO

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker processes are used on Linux only")


def _demo_analysed(n: int) -> list:
    articles, _ = collect([str(DEMO)])
    with AnalysisPool(n) as pool:
        assert pool.parallel == (n > 1)
        pool.analyse(articles)
    return articles


def test_two_workers_annotate_the_demo_as_one_process_does():
    inline, forked = _demo_analysed(1), _demo_analysed(2)
    assert [a.id for a in forked] == [a.id for a in inline]
    assert [a.to_dict() for a in forked] == [a.to_dict() for a in inline]
    assert all(a.entities and a.sentences for a in forked)


def test_long_articles_spread_their_ner_over_the_workers_and_read_the_same(monkeypatch):
    inline = _demo_analysed(1)
    monkeypatch.setattr(workers, "LONG_CHARS", 800)  # most demo reports count as long here
    assert sum(len(a.text) > 800 for a in inline) >= 3
    assert [a.to_dict() for a in _demo_analysed(2)] == [a.to_dict() for a in inline]


def test_a_long_article_read_by_the_workers_and_here_at_once_reads_as_in_one_process(monkeypatch):
    monkeypatch.setattr(workers, "LONG_CHARS", 20_000)
    monkeypatch.setattr(spread, "PIECES_PER_TASK", 1)  # one task per piece: workers and this process share them
    text = long_article(40_000)  # fictional, one line: four NER pieces

    def analysed(n: int) -> dict:
        article = Article(id="long", path="p", source="Example Gazette", title="Footbridge collapse in Velmora",
                          text=text, published="2031-03-07")
        with AnalysisPool(n) as pool:
            pool.analyse([article])
        return article.to_dict()

    inline = analysed(1)
    assert len(inline["entities"]) > 100 and inline["claims"]
    assert analysed(2) == inline


def test_the_default_is_one_worker_per_core_up_to_four():
    assert 1 <= default_workers() <= 4
