"""Markdown export (``export --format md``, ``show ID --md``) never lets article text become markup.

Rendered with markdown-it-py (CommonMark, raw HTML allowed, as most renderers do),
a title, quote, claimant or place taken from a report must come out as the same
text, never as an HTML tag, a link or a heading. Examples first, then a property
over arbitrary text in every field.
"""

from __future__ import annotations

import re

from hypothesis import example, given, strategies as st
from markdown_it import MarkdownIt

from newsfuse.render.export import event_markdown, md_text, to_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    "x\n\n<iframe src=//evil.example>",
    "x\n[1]: javascript:alert(1)\n[y][1]",
    "# not a heading",
    "1. not a list",
    "> not a quote",
    "**bold** _em_ `code` ~~gone~~ | a | b |",
]


def _record(text: str) -> dict:
    """An event record (the export contract) with ``text`` in every field that comes from reports."""
    claim = {"id": "c1", "category": "killed", "number": None, "qualifier": "vague", "low": 3.0, "high": None,
             "whose": text, "side": "KG", "claimant": text, "article_id": "a1", "quote": text}
    return {
        "id": "ev-1a2b3c4d5e6f", "title": text, "event_type": "battle",
        "date": {"start": "2024-05-14", "end": "2024-05-15", "precision": "day"},
        "locations": [{"name": text}], "actors": [{"name": text}],
        "articles": [{"id": "a1", "source": text, "title": text, "url": text, "published": text}],
        "claims": [claim],
        "casualties": [{"category": "killed", "whose": text, "side": text, "region": text, "best": 3,
                        "low": 3, "high": 5, "conflict": True, "provisional": False, "claim_ids": ["c1"]}],
        "brief": [{"text": text, "citations": ["a1"]}],
        "brief_headline": {"text": text, "citations": ["a1"]},
        "figures": [{"text": text, "citations": ["a1"]}],
    }


_MD = MarkdownIt()  # CommonMark: raw HTML passes through, so escaping is all that protects


def _html(text: str) -> str:
    return _MD.render(to_markdown([_record(text)]))


def _tags(html: str) -> set[str]:
    return {t.lower() for t in re.findall(r"<\s*/?\s*([A-Za-z][\w-]*)", html)}


# What the export itself writes; anything else came from the data.
ALLOWED_TAGS = {"h1", "h2", "p", "em", "strong", "code", "ul", "li", "hr", "section", "ol", "sup", "a"}


def test_html_in_titles_quotes_and_names_is_shown_not_run():
    for text in HOSTILE:
        html = _html(text)
        assert "<script" not in html and "<svg" not in html and "<img" not in html and "<iframe" not in html
        assert _tags(html) <= ALLOWED_TAGS - {"a"}, (text, html)
        assert "javascript:" not in re.sub(r"<[^>]*>", "", html) or "href" not in html


def test_a_script_tag_reads_as_its_text():
    html = _html("<script>alert(1)</script>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_ordinary_text_still_reads_normally():
    title = "Kyrgyzstan says at least 23 soldiers killed as border fighting flares (update 2)"
    md = event_markdown(_record(title))
    assert f"## {title}" in md  # no escapes where nothing needs them
    html = _MD.render(md)
    assert f"<h2>{title}</h2>" in html
    assert "Kyrgyzstan says at least 23 soldiers" in html


def test_md_text_is_one_inert_line():
    assert md_text("a\nb\r\nc") == "a b c"
    assert md_text("AT&T <b>") == "AT&amp;T &lt;b&gt;"
    assert md_text("# x") == "\\# x" and md_text("12. x") == "12\\. x" and md_text("- x") == "\\- x"
    assert md_text("snake_case *x* [y]") == "snake\\_case \\*x\\* \\[y\\]"


@given(st.text(max_size=80))
@example("<scr<script>ipt>")
@example("`<b>`")
@example("&lt;script&gt;")
@example("\\<svg>")
def test_no_text_makes_markup(text):
    """Whatever a report says, the rendered export holds no tag the export did not write itself,
    and the text is still there to read."""
    html = _html(text)
    assert _tags(html) <= ALLOWED_TAGS - {"a"}
    plain = " ".join(text.split())
    if plain and re.fullmatch(r"[A-Za-z0-9 ,.;:'\"?()-]+", plain) and not re.match(r"\d+[.)]|[-+]", plain):
        assert plain.replace("\"", "&quot;") in html
