"""The library entry point ``newsfuse.extract_events`` (texts, dicts, RawArticles, paths)."""

from __future__ import annotations

import importlib
import pkgutil
import warnings
from pathlib import Path

import jsonschema
import pytest

import newsfuse
from newsfuse import Result, extract_events
from newsfuse.models import RawArticle
from newsfuse.render.record import schema

from .conftest import DEMO

# Written for these tests: fictional events in real towns.
FIRE = ("A fire at a fruit warehouse in Lorca killed three workers on Thursday, firefighters said. "
        "The blaze started in a cold store and spread to the packing hall before dawn.")
FIRE_AGAIN = ("Three workers were killed when fire swept through a fruit warehouse in Lorca on Thursday, "
              "the fire service said. Crews fought the blaze for six hours.")


@pytest.fixture(scope="module")
def demo() -> Result:
    return extract_events(DEMO)


def test_a_single_string_is_the_text_of_one_report():
    result = extract_events(FIRE)  # once one event per character
    assert len(result.articles) == 1 and len(result.events) == 1
    assert result.events[0].fatalities == 3


def test_dicts_give_their_jsonl_fields():
    item = {"title": "Warehouse fire kills three in Lorca", "text": FIRE, "published": "2024-05-03",
            "source": "Murcia Daily", "url": "https://murcia-daily.example.org/fire", "desk": "regional"}
    result = extract_events([item])
    (article,) = result.articles.values()
    assert (article.title, article.published, article.source, article.url) == (
        item["title"], "2024-05-03", "Murcia Daily", item["url"])
    assert article.metadata["desk"] == "regional"


def test_a_dict_without_text_is_an_issue_and_the_rest_is_analysed():
    with pytest.warns(UserWarning, match="1 inputs skipped"):
        result = extract_events([{"title": "Nothing else"}, FIRE, {"text": FIRE_AGAIN, "source": "Wire"}])
    assert [(i.path, i.message) for i in result.issues] == [("<item 0>", 'no "text" or "html" field with content; skipped')]
    assert len(result.articles) == 2 and len(result.events) == 1


def test_raw_articles_and_generators_are_taken(tmp_path):
    raws = (RawArticle(path=f"r{i}.txt", text=t, published="2024-05-03") for i, t in enumerate([FIRE, FIRE_AGAIN]))
    result = extract_events(raws)
    assert [len(e.article_ids) for e in result.events] == [2]


def test_paths_are_read_as_files_and_folders(tmp_path, demo):
    report = tmp_path / "fire.txt"
    report.write_text(f"Warehouse fire kills three in Lorca\n\n{FIRE}\n", encoding="utf-8")
    (one,) = extract_events(report).articles.values()
    assert one.path == str(report) and one.title == "Warehouse fire kills three in Lorca"
    assert len(demo.articles) == 12 and len(demo.events) == 3 and not demo.issues


def test_a_missing_path_is_an_issue():
    with pytest.warns(UserWarning):
        result = extract_events([Path("/nonexistent/reports")])
    assert [i.message for i in result.issues] == ["no such file or folder"] and result.events == []


def test_every_article_an_event_cites_is_in_the_result(demo):
    for event in demo.events:
        assert set(event.article_ids) <= set(demo.articles)
        cited = {c.article_id for c in event.claims} | {c for s in event.brief for c in s.citations}
        cited |= {s["article_id"] for loc in event.locations for s in loc.spans}
        assert cited <= set(demo.articles)
    claim = demo.events[0].claims[0]
    article = demo.articles[claim.article_id]
    text = article.title if claim.field == "title" else article.text
    assert claim.quote == text[claim.start:claim.end]


def test_records_follow_the_event_record_schema(demo):
    records = demo.records()
    assert [r["id"] for r in records] == [e.id for e in demo.events]
    for record, event in zip(records, demo.events):
        jsonschema.validate(record, schema())
        assert [a["id"] for a in record["articles"]] == event.article_ids  # every member, none missing


def test_reprs_fit_on_a_line(demo):
    long = RawArticle(path="big.txt", text="word " * 200_000, title="T" * 500)
    shown = [repr(demo), repr(long), *map(repr, demo.events), *map(repr, demo.articles.values())]
    assert max(map(len, shown)) <= 200
    event = demo.events[0]
    assert event.id in repr(event) and f"reports={len(event.article_ids)}" in repr(event)
    assert repr(demo) == "Result(events=3, articles=12, issues=0, warnings=0)"


@pytest.mark.parametrize("items", [42, b"bytes of a report", [FIRE, 3.5], [None]])
def test_items_of_another_type_raise_a_type_error(items):
    with pytest.raises(TypeError, match="takes a str .the text of one report."):
        extract_events(items)


def test_unknown_options_raise_a_value_error():
    with pytest.raises(ValueError, match="unknown fatality_rule 'most'"):
        extract_events(FIRE, fatality_rule="most")
    with pytest.raises(ValueError, match="unknown length 'huge'"):
        extract_events(FIRE, length="huge")


def test_a_string_naming_a_file_is_text_but_says_how_to_pass_the_path(tmp_path):
    report = tmp_path / "fire.txt"
    report.write_text(FIRE, encoding="utf-8")
    with pytest.warns(UserWarning, match=r"pass pathlib.Path\("):
        extract_events([str(report), FIRE])


def test_analyse_is_a_deprecated_alias_that_no_import_replaces():
    """A subpackage once shadowed ``newsfuse.analyse`` after the pipeline was imported
    ('module' object is not callable on the second call)."""
    for module in pkgutil.walk_packages(newsfuse.__path__, "newsfuse."):
        importlib.import_module(module.name)
    with pytest.deprecated_call():
        first = newsfuse.analyse([FIRE])
    with pytest.deprecated_call():
        second = newsfuse.analyse(FIRE)
    assert callable(newsfuse.analyse) and callable(newsfuse.extract_events)
    assert len(first) == len(second) == 1


def test_no_module_shares_a_public_name():
    modules = {m.name for m in pkgutil.iter_modules(newsfuse.__path__)}
    assert not modules & set(newsfuse.__all__)


def test_nothing_is_warned_for_clean_inputs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        extract_events([FIRE, FIRE_AGAIN])
