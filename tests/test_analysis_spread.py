"""One long article analysed with its NER pieces and entity-dependent components sent
elsewhere gives the article one process gives; what does not need entities runs first."""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from newsfuse.analysis import PIPELINE, analyse_articles, entities, spread
from newsfuse.analysis.spread import analyse_spread
from newsfuse.bench.speed import long_article
from newsfuse.models import Article


def _article() -> Article:
    return Article(id="a1", path="p", source="The Fictional Courier", title="Footbridge collapse in Velmora",
                   text=long_article(6_000), published="2031-03-07")


@pytest.fixture(autouse=True)
def _small_pieces(monkeypatch):
    monkeypatch.setattr(entities, "CHUNK_CHARS", 1_000)  # a dozen pieces, so several tasks
    monkeypatch.setattr(spread, "PIECES_PER_TASK", 2)


def _one_process() -> dict:
    article = _article()
    analyse_articles([article])
    return article.to_dict()


def _done(function, *args) -> Future:
    """A worker that has already answered."""
    future: Future = Future()
    future.set_running_or_notify_cancel()
    future.set_result(function(*args))
    return future


def _never_started(function, *args) -> Future:
    """A task still queued: this process must take it."""
    return Future()


@pytest.mark.parametrize("submit", [_done, _never_started])
def test_pieces_read_elsewhere_or_here_give_what_one_process_gives(submit):
    article = _article()
    assert len(entities.text_pieces(article.text)) > 4
    analyse_spread(article, submit)
    assert article.entities and article.claims
    assert article.to_dict() == _one_process()


def test_what_does_not_need_entities_runs_before_they_are_awaited():
    article, seen = _article(), []

    class Running(Future):
        """A worker busy with the task; its answer is read when awaited."""

        def __init__(self, function, *args):
            super().__init__()
            self.set_running_or_notify_cancel()
            self.call = (function, args)

        def result(self, timeout=None):
            if not self.done():
                seen.append({name: bool(getattr(article, name)) for name in ("sentences", "numbers", "dates")})
                self.set_result(self.call[0](*self.call[1]))
            return super().result(timeout)

    analyse_spread(article, Running)
    assert seen[0] == {"sentences": True, "numbers": True, "dates": False}
    assert article.to_dict() == _one_process()


def test_a_failing_worker_leaves_its_field_as_it_was_and_notes_why():
    def failing(function, *args) -> Future:
        future: Future = Future()
        future.set_running_or_notify_cancel()
        future.set_exception(RuntimeError("worker died"))
        return future

    article = _article()
    analyse_spread(article, failing)
    errors = article.metadata["analysis_errors"]
    assert errors[0] == "entities: worker died"
    assert [e.split(":")[0] for e in errors] == ["entities"] + [c.name for c in PIPELINE.needing("entities")]
    assert article.sentences and article.numbers and not article.entities


@pytest.mark.parametrize("name", ["fr.txt", "ru.txt"])
def test_a_long_report_in_another_language_is_read_as_one_process_reads_it(name):
    """Spread over workers, a French report is read with the French resources and a Russian
    one (no resources) gets nothing, exactly as the registry's runner gives."""
    from .conftest import REPO

    text = (REPO / "tests" / "fixtures" / "multilingual" / name).read_text(encoding="utf-8")
    lang = name.split(".")[0]

    def article() -> Article:
        return Article(id="m1", path=name, source="Fictional", title="", text=(text + "\n\n") * 4,
                       published="2031-03-07", language=lang)

    alone = article()
    analyse_articles([alone])
    spread_out = article()
    analyse_spread(spread_out, _done)
    assert spread_out.to_dict() == alone.to_dict()
    if lang == "ru":
        assert not spread_out.entities and not spread_out.places and not spread_out.claims
