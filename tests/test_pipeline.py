"""The whole pipeline on the bundled demo corpus (written by us, fictional events)."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from newsfuse.geo import get_gazetteer
from newsfuse.pipeline import run
from newsfuse.render.record import event_record, schema

from .conftest import DEMO


@pytest.fixture(scope="module")
def demo_store(backend, new_location):
    from newsfuse.store import open_store

    store = open_store(":memory:" if backend == "sqlite" else new_location())
    summary = run([str(DEMO)], store)
    yield store, summary
    store.close()


def test_demo_corpus_is_read_completely(demo_store):
    store, summary = demo_store
    assert summary.read == 12 and summary.added == 12 and not summary.issues
    assert store.count_articles() == 12


def test_rerun_adds_nothing(demo_store):
    store, _ = demo_store
    before = [e.to_dict() for e in store.list_events()]
    again = run([str(DEMO)], store)
    assert again.added == 0 and again.already_stored == 12
    assert [e.to_dict() for e in store.list_events()] == before


def test_events_are_neither_one_per_file_nor_all_in_one(demo_store):
    store, _ = demo_store
    events = store.list_events()
    assert 2 < len(events) < 12
    assert max(len(e.article_ids) for e in events) >= 3
    assert sum(len(e.article_ids) for e in events) == 12


def test_the_demo_gives_its_three_events(demo_store):
    """demo/README.md: A (border clash, May 2024: five reports, the Tajik-side translation
    included), B (Murcia protest: four), C (the look-alike of May 2023: three)."""
    store, _ = demo_store
    by_name = {a.id: Path(a.path).name.split(":")[0] for a in store.iter_articles()}
    groups = sorted(sorted(by_name[i] for i in e.article_ids) for e in store.list_events())
    assert groups == [
        ["asia-bulletin-isfara.txt", "dailybuzz-border-fighting.txt", "ledger-border-clash.txt",
         "wire-2024-05-15.html", "wire-feed.jsonl"],
        ["courier-murcia-protest.txt", "iberia-herald-2024-03-22.html", "metro-desk-water-protest.txt",
         "wire-feed.jsonl"],
        ["fergana-post-guards-returned.txt", "sentinel-vorukh-shootout.txt", "wire-feed.jsonl"],
    ]


def test_look_alike_year_earlier_event_kept_apart(demo_store):
    store, _ = demo_store
    by_article = {aid: e.id for e in store.list_events() for aid in e.article_ids}
    titles = {a.id: a.published for a in store.iter_articles()}
    dated_2023 = {by_article[i] for i, p in titles.items() if p and p.startswith("2023")}
    dated_2024_05 = {by_article[i] for i, p in titles.items() if p and p.startswith("2024-05")}
    assert dated_2023 and dated_2024_05 and not dated_2023 & dated_2024_05


def test_records_follow_the_schema_and_spans_point_at_text(demo_store):
    store, _ = demo_store
    articles = {a.id: a for a in store.iter_articles()}
    for event in store.list_events():
        record = event_record(event, articles)
        jsonschema.validate(record, schema())
        for loc in record["locations"]:
            for span in loc["spans"]:
                article = articles[span["article_id"]]
                if span.get("field") == "title":  # a headline's town (analysis/place_titles.py): offsets into the title
                    named = article.title[span["start"]:span["end"]]
                    assert any((p.lat, p.lon) == (loc["lat"], loc["lon"]) for p in get_gazetteer().lookup(named)), named
                    continue
                mention = next(m for m in article.places if (m.start, m.end) == (span["start"], span["end"]))
                assert article.text[span["start"]:span["end"]] == mention.text
        for sentence in record["brief"]:
            source = sentence["source"]
            assert source["article_id"] in sentence["citations"]
            copied = articles[source["article_id"]].text[source["start"]:source["end"]].split()
            words = sentence["text"].split()
            # Copied word for word; only an opening reference may be replaced by a name from the same article.
            assert words == copied or any(words[len(words) - len(copied) + k:] == copied[k:]
                                          and len(words) - len(copied) < 6 for k in (1, 2, 3)), sentence
        if record["brief_headline"]:
            assert record["brief_headline"]["text"] in {articles[c].title for c in record["brief_headline"]["citations"]}


def test_analysis_spans_are_exact(demo_store):
    store, _ = demo_store
    for article in store.iter_articles():
        assert article.sentences and article.entities
        for span in article.sentences + article.entities + article.numbers + article.dates + article.places:
            assert article.text[span.start:span.end] == span.text
        for claim in article.claims:  # a headline's claim quotes the title, with offsets into it
            assert claim.field in ("text", "title")
            source = article.title if claim.field == "title" else article.text
            assert source[claim.start:claim.end] == claim.quote


def test_one_bad_article_never_sinks_the_batch(tmp_path, fresh_store):
    (tmp_path / "good.txt").write_text("Quay collapses in storm\n\nPart of the old quay collapsed during a storm on Friday night, the port authority said.\n")
    (tmp_path / "junk.txt").write_text("Leave a comment\nShare\n")
    (tmp_path / "broken.jsonl").write_text("{oops\n")
    summary = run([str(tmp_path)], fresh_store)
    assert summary.added == 1
    assert {i.path.rsplit("/", 1)[-1] for i in summary.issues} == {"junk.txt", "broken.jsonl:1"}


def test_one_line_text_keeps_its_body():
    from newsfuse.models import RawArticle
    from newsfuse.pipeline import RunSummary, prepare_batch

    (article,) = prepare_batch([RawArticle(path="x.txt", text="Storm closes mountain pass for second day")], RunSummary())
    assert article.text == "Storm closes mountain pass for second day"
    assert article.title == article.text


def test_actor_roles_in_the_demo_border_clash(demo_store):
    store, _ = demo_store
    event = next(e for e in store.list_events() if e.date.start == "2024-05-14")
    roles = {a.country: a.role for a in event.actors if a.country}
    assert roles.get("KG") == "participant" and roles.get("TJ") == "participant"


def test_records_carry_totals_that_cite_their_claims(demo_store):
    store, _ = demo_store
    articles = {a.id: a for a in store.iter_articles()}
    for event in store.list_events():
        record = event_record(event, articles)
        claim_ids = {c["id"] for c in record["claims"]}
        assert isinstance(record["fatalities"], int) and isinstance(record["injured"], int)
        assert [t["category"] for t in record["totals"]] == ["fatalities", "injured"]
        assert [t["value"] for t in record["totals"]] == [record["fatalities"], record["injured"]]
        for total in record["totals"]:
            assert set(total["claim_ids"]) <= claim_ids and (total["claim_ids"] or total["value"] == 0)
