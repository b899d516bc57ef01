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
    assert [(i.path, i.count) for i in issues] == [(str(tmp_path), 1)]  # the .docx, counted


def test_a_folders_unsupported_files_are_one_issue_counting_them(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(GOOD)
    for name in ("one.pdf", "sub/two.pdf", "notes.docx", "data"):
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    (tmp_path / "README.md").write_text("# Reports\n")  # the folder's own notes: not counted
    (tmp_path / "a.meta.json").write_text('{"source": "Harbour News"}')  # a sidecar, not unsupported
    articles, issues = _split(list(iter_inputs([str(tmp_path)])))
    assert len(articles) == 1 and articles[0].source == "Harbour News"
    (issue,) = issues
    assert issue.path == str(tmp_path) and issue.count == 4
    assert issue.message.startswith("4 files of unsupported types (.pdf, (no suffix), .docx); newsfuse reads .htm")


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
    """A UTF-8 file with a damaged byte keeps its other accents: the byte alone is replaced."""
    damaged = GOOD.replace("harbour", "Café Marée harbour").encode("utf-8").replace(b"four", b"f\xf6ur")
    (tmp_path / "latin.txt").write_bytes(damaged)
    articles, issues = _split(list(iter_inputs([str(tmp_path / "latin.txt")])))
    assert len(articles) == 1 and not issues
    assert "invalid UTF-8" in articles[0].metadata["warning"]
    assert "\ufffd" in articles[0].text and "Café Marée" in articles[0].text


CP1252 = ("Storm floods caf\u00e9s on the quay\n\n"
          "A storm flooded four caf\u00e9s on the quay on Sunday \u2013 \u201cthe worst in years\u201d, "
          "the harbour\u2019s master said. Cr\u00e8me and p\u00e2t\u00e9 stocks were lost.\n")


def test_a_legacy_encoded_text_file_is_read_in_its_detected_encoding(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(CP1252.encode("cp1252"))
    (article,) = list(iter_inputs([str(path)]))
    assert article.text == CP1252 and "\ufffd" not in article.text
    warning = article.metadata["warning"]
    assert warning.startswith("not valid UTF-8; read as ") and "charset-normalizer" in warning
    detected = warning.removeprefix("not valid UTF-8; read as ").split(" ")[0]
    assert path.read_bytes().decode(detected) == CP1252  # the encoding named is one that reads it right


def test_a_legacy_encoded_page_without_a_charset_says_its_encoding_was_guessed(tmp_path):
    path = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in CP1252.split("\n") if line)
    path.write_bytes(f"<html><body><article>{body}</article></body></html>".encode("cp1252"))
    (article,) = list(iter_inputs([str(path)]))
    assert "caf\u00e9s" in article.text and "no charset declared; read as" in article.metadata["warning"]
    declared = tmp_path / "declared.html"
    declared.write_bytes(b'<meta charset="windows-1252">' + path.read_bytes())
    (article,) = list(iter_inputs([str(declared)]))
    assert "caf\u00e9s" in article.text and "warning" not in article.metadata


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
