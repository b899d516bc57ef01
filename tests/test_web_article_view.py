"""The article page's labelled fields: no raw metadata keys, no local folders."""

from __future__ import annotations

from newsfuse.models import Article
from newsfuse.web.article_view import article_fields, file_name, language_name


def _article(**kw) -> Article:
    base = dict(id="a1", path="/home/someone/private/feeds/harbour-news.txt", source="harbour-news",
                title="Quay fire", text="Four people were hurt in a fire on the quay.", language="en")
    return Article(**{**base, **kw})


def test_file_name_drops_every_folder():
    assert file_name("/home/someone/private/x.txt") == "x.txt"
    assert file_name("C:\\Users\\someone\\x.html") == "x.html"
    assert file_name("feeds/wire.jsonl:3") == "wire.jsonl:3"


def test_language_is_named():
    assert language_name("en") == "English (en)" and language_name("xx") == "xx" and language_name(None) == "unknown"


def test_fields_are_labelled_and_the_path_is_never_shown():
    fields = article_fields(_article(metadata={"format": "text", "source_from_path": True, "extractor": "x",
                                               "section_name": "Harbour", "flagged": True}))
    labels = [f["label"] for f in fields]
    assert labels[:2] == ["Outlet", "Published"] and "Language" in labels and "Words" in labels
    by_label = {f["label"]: f for f in fields}
    assert by_label["Words"]["text"] == "10"
    assert "names no outlet" in by_label["Outlet"]["note"]
    assert by_label["Read from"]["text"] == "plain text · harbour-news.txt"
    assert by_label["Section name"]["text"] == "Harbour"
    text = repr(fields)
    assert "/home/someone" not in text and "source_from_path" not in text and "extractor" not in text
    assert "flagged" not in text.lower()  # a bare flag says nothing to a reader


def test_only_web_addresses_are_links():
    linked = {f["label"]: f for f in article_fields(_article(url="https://example.org/quay-fire"))}
    assert linked["URL"]["href"] == "https://example.org/quay-fire"
    unsafe = {f["label"]: f for f in article_fields(_article(url="javascript:alert(1)"))}
    assert "href" not in unsafe["URL"] and unsafe["URL"]["note"]


def test_a_language_read_in_part_says_so():
    english = Article(id="a", path="p", source="s", title="t", text="Two people died.", language="en")
    russian = Article(id="b", path="p", source="s", title="t", text="Пять человек пострадали.", language="ru")
    assert not [f for f in article_fields(english) if f["label"] == "Analysis"]
    (field,) = [f for f in article_fields(russian) if f["label"] == "Analysis"]
    assert field["text"] == "partial (language ru)" and "none guessed" in field["note"]
