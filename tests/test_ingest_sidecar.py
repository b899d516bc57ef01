"""NAME.meta.json beside NAME.txt or NAME.html gives the report's date, outlet, address, title."""

from __future__ import annotations

import json

import pytest

from newsfuse.ingest import IngestIssue, iter_inputs

TEXT = "A fire destroyed four warehouses at the harbour on Sunday, the fire brigade said.\n"
PAGE = f"<html><head><title>Page title</title></head><body><article><p>{TEXT}</p></article></body></html>"


def _read(*paths):
    items = list(iter_inputs([str(p) for p in paths]))
    return [x for x in items if not isinstance(x, IngestIssue)], [x for x in items if isinstance(x, IngestIssue)]


def test_a_text_report_takes_its_date_outlet_address_and_title_from_its_sidecar(tmp_path):
    (tmp_path / "fire.txt").write_text(TEXT)
    meta = {"published": "3 February 2024", "source": "Harbour News", "url": "https://harbour.example.org/fire",
            "title": "Harbour fire destroys warehouses"}
    (tmp_path / "fire.meta.json").write_text(json.dumps(meta))
    (article,), issues = _read(tmp_path / "fire.txt")
    assert not issues and "warning" not in article.metadata
    assert (article.published, article.source, article.url, article.title) == (
        "2024-02-03", "Harbour News", "https://harbour.example.org/fire", "Harbour fire destroys warehouses")
    assert article.metadata["sidecar"] == "fire.meta.json"


def test_the_sidecar_wins_over_what_the_page_says(tmp_path):
    (tmp_path / "fire.html").write_text(PAGE)
    (tmp_path / "fire.meta.json").write_text(json.dumps({"title": "Given title", "source": "Harbour News"}))
    (article,), _ = _read(tmp_path / "fire.html")
    assert (article.title, article.source) == ("Given title", "Harbour News")


@pytest.mark.parametrize("content, says", [
    ("{not json", "sidecar fire.meta.json not used: not valid JSON (Expecting property name"),
    ('["2024-02-03"]', "sidecar fire.meta.json not used: expected a JSON object with published, source, url, title; got a list"),
    (b"\xff\xfe{}", "sidecar fire.meta.json not used: not UTF-8"),
])
def test_an_unusable_sidecar_is_a_warning_and_the_report_is_still_read(tmp_path, content, says):
    (tmp_path / "fire.txt").write_text(TEXT)
    side = tmp_path / "fire.meta.json"
    side.write_bytes(content if isinstance(content, bytes) else content.encode())
    (article,), issues = _read(tmp_path / "fire.txt")
    assert not issues and article.text == TEXT and article.published is None
    assert article.metadata["warning"].startswith(says)


def test_bad_fields_are_named_and_the_good_ones_used(tmp_path):
    (tmp_path / "fire.txt").write_text(TEXT)
    meta = {"published": "someday", "source": "Harbour News", "url": 7, "pubished": "2024-02-03"}
    (tmp_path / "fire.meta.json").write_text(json.dumps(meta))
    (article,), _ = _read(tmp_path / "fire.txt")
    assert article.source == "Harbour News" and article.published is None and article.url is None
    warning = article.metadata["warning"]
    assert "unknown fields 'pubished' ignored" in warning
    assert "published 'someday' is not a date" in warning and "url should be a non-empty string, not a number" in warning


def test_sidecars_are_never_read_as_articles_and_an_orphan_is_named(tmp_path):
    (tmp_path / "fire.txt").write_text(TEXT)
    (tmp_path / "fire.meta.json").write_text('{"source": "Harbour News"}')
    (tmp_path / "lost.meta.json").write_text('{"source": "Nobody"}')
    articles, issues = _read(tmp_path)
    assert [a.source for a in articles] == ["Harbour News"]
    assert [(i.path.rsplit("/", 1)[-1], i.message) for i in issues] == [
        ("lost.meta.json", "a metadata sidecar with no NAME.txt or NAME.html beside it; skipped")]
    articles, issues = _read(tmp_path / "fire.txt", tmp_path / "fire.meta.json")  # as `run dir/*` names them
    assert len(articles) == 1 and not issues


def test_a_jsonl_file_has_no_sidecar(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": TEXT}) + "\n")
    (tmp_path / "feed.meta.json").write_text('{"source": "Harbour News"}')
    (article,), issues = _read(tmp_path / "feed.jsonl")
    assert article.source is None and not issues
