"""Hostile input through the whole run: what a scraper or a broken feed can hand over
must reach the store and come out as valid JSON, never stop the run.

Articles are fictional; each line goes through ``newsfuse.pipeline.run`` into a real
SQLite store, like ``newsfuse run -`` would.
"""

from __future__ import annotations

import io
import json

import pytest

from newsfuse.pipeline import run
from newsfuse.render.record import all_records
from newsfuse.store import open_store

BODY = ("Police in the river town of Varnek said two people were killed on Monday when a delivery truck "
        "struck a market stall. The driver was detained, a police spokesman said. Traders said the "
        "market would reopen on Wednesday.")
BASE = {"title": "Truck kills two at Varnek market", "source": "Varnek Herald",
        "url": "https://example.org/varnek-market", "published": "2024-03-04"}


def _run(tmp_path, *objects):
    lines = b"".join(json.dumps(o).encode("ascii") + b"\n" for o in objects)
    store = open_store(str(tmp_path / "x.db"))
    try:
        summary = run(["-"], store, stdin=io.BytesIO(lines))
        records = all_records(store)
        articles = list(store.iter_articles())
    finally:
        store.close()
    for record in records:
        json.dumps(record, allow_nan=False)  # what `export --format json` and json_extract need
    return summary, records, articles


def test_a_400_digit_number_reaches_the_store_as_valid_json(tmp_path):
    text = BODY + f" A receipt numbered {'7' * 400} was found, and {'9' * 400} people were killed."
    summary, records, articles = _run(tmp_path, {**BASE, "text": text})
    assert summary.added == 1 and not summary.issues and records
    (article,) = articles
    assert not article.metadata.get("analysis_errors")
    json.dumps(article.to_dict(), allow_nan=False)
    assert all(len(n.text) < 400 for n in article.numbers)
    # the body's two dead and the headline's ("Truck kills two"); the 400-digit figure is nobody's count
    assert [(c.field, c.category, c.number) for c in article.claims if c.category == "killed"] \
        == [("text", "killed", 2), ("title", "killed", 2)]


SURROGATE = "\udc00"


@pytest.mark.parametrize("field", ["title", "source", "url", "published", "text", "byline", "tags"])
def test_a_lone_surrogate_in_any_field_is_replaced_not_fatal(tmp_path, field):
    """json.loads turns "\\udc00" into a lone surrogate, which UTF-8 (and so SQLite) cannot hold."""
    obj = {**BASE, "text": BODY}
    if field == "tags":  # an unknown field holding a list and a dict, surrogates in keys too
        obj["tags"] = ["market", {"kind" + SURROGATE: ["a" + SURROGATE, 3]}]
    else:
        obj[field] = (obj.get(field) or "Ivo Marsh") + SURROGATE
    assert "\\udc00" in json.dumps(obj)  # the JSON text carries the escape, as a broken feed would
    summary, records, articles = _run(tmp_path, obj)
    assert summary.added == 1 and not summary.issues and records
    (article,) = articles
    blob = json.dumps(article.to_dict(), ensure_ascii=False)
    blob.encode("utf-8")  # nothing left that UTF-8 cannot encode
    if field in ("title", "source", "byline"):
        assert "\ufffd" in blob
    if field == "tags":
        assert article.metadata["tags"] == ["market", {"kind\ufffd": ["a\ufffd", 3]}]


def test_a_surrogate_pair_split_over_two_escapes_is_one_character(tmp_path):
    obj = {**BASE, "text": BODY, "title": "Varnek market \ud83d\ude9a crash"}
    line = json.dumps(obj)
    assert "\\ud83d\\ude9a" in line
    summary, _, (article,) = _run(tmp_path, obj)
    assert article.title == "Varnek market \U0001F69A crash"


def test_json_nested_too_deeply_for_the_parser_is_one_skipped_line(tmp_path):
    deep = '{"text": "x", "extra": ' + "[" * 5000 + "]" * 5000 + "}"
    good = json.dumps({**BASE, "text": BODY})
    store = open_store(str(tmp_path / "x.db"))
    try:
        summary = run(["-"], store, stdin=io.BytesIO(f"{deep}\n{good}\n".encode()))
    finally:
        store.close()
    assert summary.added == 1
    assert [i.path for i in summary.issues] == ["<stdin>:1"] and "nested" in summary.issues[0].message


def test_deep_but_parsable_metadata_is_cut_not_fatal(tmp_path):
    from newsfuse.ingest.files import DROPPED_NESTING, MAX_NESTING

    obj = {**BASE, "text": BODY, "thread": json.loads("[" * 900 + "]" * 900)}
    summary, records, (article,) = _run(tmp_path, obj)
    assert summary.added == 1 and records
    value, depth = article.metadata["thread"], 1
    while isinstance(value, list):
        value, depth = value[0], depth + 1
    assert value == DROPPED_NESTING and depth == MAX_NESTING


def test_numbers_json_consumers_cannot_hold_are_made_safe(tmp_path):
    """Python's json reads NaN, Infinity and 1e999 (inf) and integers of any length (but raises past
    4,300 digits); SQLite's json_extract turns integers past 64 bits into inf."""
    line = ('{"title": "Truck kills two at Varnek market", "text": ' + json.dumps(BODY) + ', "score": NaN, '
            '"low": -Infinity, "big": 1e999, "fine": 2.5, "views": 12, "ref": 123456789012345678901234567890, '
            '"huge": ' + "7" * 5000 + "}")
    store = open_store(str(tmp_path / "x.db"))
    try:
        summary = run(["-"], store, stdin=io.BytesIO(line.encode() + b"\n"))
        (article,) = list(store.iter_articles())
        records = all_records(store)
    finally:
        store.close()
    assert summary.added == 1 and not summary.issues
    meta = article.metadata
    assert (meta["score"], meta["low"], meta["big"], meta["fine"], meta["views"], meta["huge"]) == (
        None, None, None, 2.5, 12, None)
    assert meta["ref"] == "123456789012345678901234567890"
    json.dumps(article.to_dict(), allow_nan=False)
    for record in records:
        json.dumps(record, allow_nan=False)
