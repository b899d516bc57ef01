"""Properties of the readers (Hypothesis): any page or line gives an article or one issue.

read_html raises only its documented ValueError; the JSONL reader never raises and
names each bad line; what ``iter_inputs`` hands on is storable (encodable strings,
finite numbers, JSON with ``allow_nan=False``). Budgets: see tests/conftest.py.
"""

from __future__ import annotations

import io
import json
import re

from hypothesis import example, given, strategies as st

from newsfuse.ingest import IngestIssue, iter_inputs
from newsfuse.ingest.html import read_html
from newsfuse.ingest.jsonl import KNOWN_FIELDS, iter_jsonl_articles
from newsfuse.models import RawArticle
from tests.test_fuzz import NEWSY, PUBLISHED, TEXT

_TAGS = ["div", "p", "span", "h1", "h2", "article", "section", "table", "tr", "td", "ul", "li", "a", "b",
         "script", "style", "title", "svg", "noscript", "template", "br", "img", "time", "header", "footer",
         "nav", "main", "figure", "blockquote", "x-card", "html", "head", "body"]
_ATTRS = st.sampled_from(["", ' class="story"', " id=main", ' lang="en-GB"', ' href="javascript:alert(1)"',
                          ' datetime="2024-05-14"', ' data-x="a>b"', " onload=alert(1)", ' title="x', " /"])
_FRAGMENTS = st.one_of(
    NEWSY,
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(_TAGS), _ATTRS),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from([
        "<!DOCTYPE html>", "<!-- comment -->", "<!--", "<![CDATA[x]]>", "&amp;", "&#0;", "&#xD800;", "&nbsp;",
        "<", ">", "</", "<?xml version='1.0'?>", '<meta charset="koi8-r">', '<meta charset="nonsense">',
        '<meta property="article:published_time" content="2024-05-14T08:00:00Z">',
        '<meta property="og:title" content="Ferry runs aground">', '<link rel="canonical" href="//x">',
        '<script type="application/ld+json">{"datePublished": "2024-05-14", "headline": 1}</script>',
    ]),
)


def _page(fragments: list[str], depth: int) -> str:
    body = "".join(fragments)
    return "<div>" * depth + body + "</div>" * depth if depth else body


HTML = st.builds(_page, st.lists(_FRAGMENTS, max_size=40), st.sampled_from([0, 0, 0, 0, 3, 255, 300, 1200]))
PAGES = st.one_of(
    HTML,
    HTML.map(lambda h: h.encode("utf-8", "surrogatepass")),
    HTML.map(lambda h: h.encode("cp1252", "ignore")),
    st.binary(max_size=300),
)


def _iso_or_none(value: str | None) -> bool:
    return value is None or bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


@given(PAGES, st.one_of(st.none(), st.sampled_from(["https://example.org/2024/05/14/ferry", "not a url", ""])))
@example("<p>" + "The ferry ran aground near Ostrel on Tuesday, the harbour authority said. " * 3 + "</p>", None)
@example("<div>" * 5000 + "<p>The ferry ran aground near Ostrel on Tuesday, officials said.</p>", None)
def test_read_html_gives_text_or_a_value_error(page, url):
    try:
        raw = read_html(page, "fuzz.html", url=url)
    except ValueError:
        return  # documented: no text in the page
    assert isinstance(raw, RawArticle) and raw.text.strip()
    assert _iso_or_none(raw.published)
    assert raw.language is None or re.fullmatch(r"[a-z]{2,3}", raw.language)


_JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=8,
)


@st.composite
def _objects(draw) -> dict:
    obj = {}
    for key in draw(st.lists(st.sampled_from([*sorted(KNOWN_FIELDS), "byline", "tags", "text"]), max_size=8)):
        if key in ("text", "title") and draw(st.booleans()):
            obj[key] = draw(NEWSY)
        elif key == "html" and draw(st.booleans()):
            obj[key] = draw(HTML)
        elif key == "published" and draw(st.booleans()):
            obj[key] = draw(PUBLISHED)
        else:
            obj[key] = draw(_JSON_VALUES)
    return obj


LINES = st.lists(st.one_of(
    _objects().map(lambda o: json.dumps(o).encode("ascii")),  # ascii: surrogates as "\udc00" escapes
    _objects().map(lambda o: json.dumps(o, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    _JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.sampled_from([b"", b"{", b"[]", b"null", b'{"text": NaN}', b'{"text": "x", "n": 1e999}',
                     b'{"text": "x", "n": ' + b"7" * 5000 + b"}", b'{"a": ' + b"[" * 3000 + b"]" * 3000 + b"}",
                     b"\xff\xfe{}", b"\xef\xbb\xbf" + b'{"text": "with a BOM"}']),
    st.binary(max_size=60),
), max_size=6).map(lambda lines: b"\n".join(lines) + b"\n")


@given(LINES)
def test_jsonl_reader_yields_articles_or_named_issues(data):
    n_lines = data.count(b"\n")
    for item in iter_jsonl_articles(io.BytesIO(data), "fuzz.jsonl"):
        if isinstance(item, tuple):
            where, message = item
            assert where.startswith("fuzz.jsonl:") and 1 <= int(where.split(":")[1]) <= n_lines and message
        else:
            assert isinstance(item, RawArticle)


@given(LINES)
def test_what_the_readers_hand_on_is_storable(data):
    for item in iter_inputs(["-"], stdin=io.BytesIO(data)):
        if isinstance(item, IngestIssue):
            str(item).encode("utf-8")
            continue
        record = {k: v for k, v in vars(item).items()}
        json.dumps(record, ensure_ascii=False, allow_nan=False).encode("utf-8")
