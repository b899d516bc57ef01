"""Readers and bad input: every problem is one clear line, the rest still processed."""

from __future__ import annotations

import io
import json

from newsfuse.ingest import IngestIssue, iter_inputs

GOOD = "Harbour fire destroys warehouses\n\nA fire destroyed four warehouses at the harbour on Sunday, the fire brigade said.\n"


def _split(items):
    articles = [x for x in items if not isinstance(x, IngestIssue)]
    issues = [x for x in items if isinstance(x, IngestIssue)]
    return articles, issues


def test_folder_is_read_recursively_and_hidden_files_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "sub" / "b.txt").write_text(GOOD.replace("four", "five"))
    (tmp_path / ".hidden.txt").write_text(GOOD)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    articles, issues = _split(list(iter_inputs([str(tmp_path)])))
    assert sorted(a.path.rsplit("/", 1)[-1] for a in articles) == ["a.txt", "b.txt"]
    assert issues == []


def test_missing_path_is_an_issue(tmp_path):
    articles, issues = _split(list(iter_inputs([str(tmp_path / "nope")])))
    assert not articles and "no such file" in issues[0].message


def test_empty_binary_and_oversized_files(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>word </p>" * (21 * 1024 * 1024 // 12) + b"</body></html>")
    (tmp_path / "ok.txt").write_text(GOOD)
    articles, issues = _split(list(iter_inputs([str(tmp_path)])))
    assert [a.path.rsplit("/", 1)[-1] for a in articles] == ["ok.txt"]
    messages = {i.path.rsplit("/", 1)[-1]: i.message for i in issues}
    assert "empty" in messages["empty.txt"]
    assert "binary" in messages["bin.txt"]
    assert "MB" in messages["big.html"] and "limit" in messages["big.html"]


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "latin.txt").write_bytes(GOOD.encode("utf-8").replace(b"four", b"f\xf6ur"))
    articles, issues = _split(list(iter_inputs([str(tmp_path / "latin.txt")])))
    assert len(articles) == 1 and not issues
    assert "invalid UTF-8" in articles[0].metadata["warning"]
    assert "\ufffd" in articles[0].text


def test_jsonl_fields_unknown_fields_and_bad_lines(tmp_path):
    good = {"id": "x1", "url": "https://example.org/a", "title": "Quay collapse", "text": GOOD,
            "published": "2024-02-03T10:00:00Z", "source": "Harbour News", "language": "en", "desk": "metro"}
    lines = [json.dumps(good), "{not json", json.dumps({"title": "no body"}), "", json.dumps([1, 2])]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, issues = _split(list(iter_inputs([str(tmp_path / "feed.jsonl")])))
    assert len(articles) == 1
    a = articles[0]
    assert (a.path, a.url, a.title, a.published, a.source, a.language, a.external_id) == (
        f"{tmp_path}/feed.jsonl:1", "https://example.org/a", "Quay collapse", "2024-02-03", "Harbour News", "en", "x1")
    assert a.metadata["desk"] == "metro"
    where = sorted(i.path.rsplit(":", 1)[-1] for i in issues)
    assert where == ["2", "3", "5"]
    assert any("not valid JSON" in i.message for i in issues)


def test_jsonl_unparseable_published_is_null_not_invented(tmp_path):
    obj = {"title": "T", "text": GOOD, "published": "sometime soon"}
    (tmp_path / "f.jsonl").write_text(json.dumps(obj) + "\n")
    (article,) = list(iter_inputs([str(tmp_path / "f.jsonl")]))
    assert article.published is None
    assert article.metadata["published_raw"] == "sometime soon"


def test_json_list_file(tmp_path):
    items = [{"title": "A", "text": GOOD}, {"title": "B", "html": "<html><body><article><p>" + GOOD + "</p></article></body></html>"}]
    (tmp_path / "list.json").write_text(json.dumps(items))
    articles, issues = _split(list(iter_inputs([str(tmp_path / "list.json")])))
    assert [a.title for a in articles] == ["A", "B"] and not issues


def test_stdin_jsonl():
    stream = io.BytesIO((json.dumps({"title": "A", "text": GOOD}) + "\n").encode())
    (article,) = list(iter_inputs(["-"], stdin=stream))
    assert article.path == "<stdin>:1"


def test_unsupported_file_named_explicitly(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    _, issues = _split(list(iter_inputs([str(path)])))
    assert "unsupported file type" in issues[0].message
