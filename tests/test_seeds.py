"""The five seed reports, checked as a user would: junk gone, every real line kept.

The seed text never enters the repository: we refer to lines by number, with the
kind of boilerplate each one is, and read the files at run time.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.ingest import iter_inputs
from newsfuse.pipeline import RunSummary, prepare_batch

# file prefix -> {line number (1-based): kind of boilerplate}
BOILERPLATE = {
    "000": {17: "comment prompt"},
    "001": {1: "navigation crumb", 30: "read-also header", 31: "related link", 32: "related link",
            33: "related link", 34: "related link", 35: "related link", 38: "comment prompt",
            39: "comment prompt"},
    "002": {3: "byline", 16: "read-also link", 20: "read-also link", 30: "read-also link",
            34: "read-also link", 39: "related header", 41: "comment prompt"},
    "003": {45: "mobile-version link"},
    "004": {19: "reader prompt", 21: "vote counter", 22: "vote buttons", 24: "author byline",
            26: "author bio", 29: "comment prompt", 31: "related link", 33: "related link",
            35: "related link"},
}
TITLE_LINE = {"000": 1, "001": 3, "002": 1, "003": 1, "004": 1}


def _articles(seeds: Path):
    raws = [x for x in iter_inputs([str(seeds)])]
    return prepare_batch(raws, RunSummary())


def test_seed_boilerplate_removed_and_sentences_kept(seeds: Path):
    articles = {Path(a.path).name[:3]: a for a in _articles(seeds)}
    assert sorted(articles) == sorted(BOILERPLATE)
    for prefix, article in articles.items():
        path = next(seeds.glob(f"{prefix}_*.txt"))
        lines = path.read_text(encoding="utf-8").split("\n")
        kept = set(article.text.split("\n"))
        for number, line in enumerate(lines, start=1):
            if not line.strip() or number == TITLE_LINE[prefix]:
                continue
            if number in BOILERPLATE[prefix]:
                assert line.strip() not in kept, f"{path.name}:{number} ({BOILERPLATE[prefix][number]}) survived"
            else:
                assert line.strip() in kept, f"{path.name}:{number} is real text and was removed"
        removed = {r.line for r in article.removed}
        assert removed == {lines[n - 1].strip() for n in BOILERPLATE[prefix]}
        assert all(r.reason for r in article.removed)


def test_seed_titles_and_sources(seeds: Path):
    for article in _articles(seeds):
        prefix = Path(article.path).name[:3]
        path = Path(article.path)
        title_line = path.read_text(encoding="utf-8").split("\n")[TITLE_LINE[prefix] - 1].strip()
        assert title_line.startswith(article.title)
        assert "|" not in article.title
        assert article.published is None  # plain text states no publication date
        assert article.language == "en"


def test_seeds_make_two_events_the_earlier_clash_alone(seeds: Path):
    from newsfuse.pipeline import run
    from newsfuse.store import open_store

    store = open_store(":memory:")
    run([str(seeds)], store)
    by_file = {Path(a.path).name[:3]: a.id for a in store.iter_articles()}
    groups = sorted(sorted(k for k, v in by_file.items() if v in e.article_ids) for e in store.list_events())
    assert groups == [["000", "001", "002", "003"], ["004"]]
    september = next(e for e in store.list_events() if by_file["001"] in e.article_ids)
    assert (september.date.start, september.date.precision) == ("2022-09-13", "day")
    store.close()
