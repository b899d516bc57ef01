"""The web app's building blocks on small hand-made inputs: highlighting, the SVG map,
filter parsing and the FTS/LIKE search paths."""

from __future__ import annotations

import re

import pytest

from newsfuse.models import Article, Claim, Event, EventDate, NumberMention, PlaceMention, Span
from newsfuse.store.search import EventQuery, match_expression
from newsfuse.web.highlight import Fact, article_facts, highlight, parse_span
from newsfuse.web.mapsvg import map_svg
from newsfuse.web.queries import BadRequest, headline_figures, parse_event_query

TEXT = "Flood <b>waters</b> cut Ruse & Vidin; at least 7 people died.\n\nMore rain is due."


def _article() -> Article:
    start = TEXT.index("at least 7")
    claim_end = TEXT.index(".\n") + 1
    return Article(
        id="a1", path="a1.txt", source="River <i>Post</i>", title="Floods", text=TEXT,
        sentences=[Span(0, claim_end, TEXT[:claim_end]), Span(claim_end + 2, len(TEXT), TEXT[claim_end + 2:])],
        numbers=[NumberMention(start, start + 10, "at least 7", 7, "at_least", 7)],
        places=[PlaceMention(TEXT.index("Ruse"), TEXT.index("Ruse") + 4, "Ruse", "Ruse", "BG", None, 43.85, 25.97,
                             "town", role="event")],
        claims=[Claim("a1-c1", "killed", 7, "at_least", "people", None, None, "a1", TEXT[:claim_end], 0, claim_end)],
    )


def test_highlight_escapes_every_piece_and_keeps_the_text():
    article = _article()
    html = str(highlight(article.text, article_facts(article), [s.start for s in article.sentences]))
    assert "<b>" not in html and "&lt;b&gt;waters&lt;/b&gt;" in html and "&amp; Vidin" in html
    assert 'id="claim-a1-c1"' in html and 'id="s-0"' in html
    visible = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert visible == TEXT  # marking adds tags only, never changes or drops a character
    ruse = re.search(r'<span class="hl ([^"]+)"[^>]*>Ruse</span>', html)
    assert ruse and set(ruse.group(1).split()) == {"k-claim", "k-place"}  # nested facts: one span, both kinds


def test_highlight_attributes_cannot_break_out():
    fact = Fact("f1", "entity", 0, 5, "x", 'he said "><script>alert(1)</script>')
    html = str(highlight("hello world", [fact]))
    assert "<script>" not in html and "&#34;&gt;&lt;script&gt;" in html


def test_facts_out_of_range_are_dropped():
    article = _article()
    article.numbers.append(NumberMention(5, 10_000, "x", 1))
    assert all(f.end <= len(article.text) for f in article_facts(article))


@pytest.mark.parametrize("value,expected", [("0-5", (0, 5)), ("5-5", None), ("3-999", None), ("a-b", None),
                                            ("-1-4", None), (None, None), ("7", None)])
def test_parse_span(value, expected):
    assert parse_span(value, 100) == expected


def test_map_has_one_marker_per_located_place_and_escapes_names():
    locations = [
        {"name": "Ruse", "lat": 43.85, "lon": 25.97, "precision": "town", "role": "event", "country": "BG"},
        {"name": "Vidin <svg onload=x>", "lat": 43.99, "lon": 22.88, "precision": "town", "role": "event", "country": "BG"},
        {"name": "Lima", "lat": -12.05, "lon": -77.04, "precision": "town", "role": "mentioned", "country": "PE"},
        {"name": "Nowhere", "lat": None, "lon": None, "precision": "unknown", "role": "event", "country": None},
    ]
    svg = str(map_svg(locations))
    assert svg.count('<g class="marker') == 3
    assert svg.count('<g class="marker offmap') == 1  # Lima is far away: pinned to the edge
    assert "<svg onload" not in svg and "&lt;svg onload=x&gt;" in svg
    assert 'class="land' in svg and "Bulgaria" in svg


def test_map_without_coordinates_is_none():
    assert map_svg([{"name": "X", "lat": None, "lon": None}]) is None


def test_filters_parse_and_reject_clearly():
    q = parse_event_query(q=" border ", date_from="2024-05-01", country="kg", min_sources="2", page="3", sort="")
    assert (q.q, q.date_from, q.country, q.min_sources, q.page, q.sort) == ("border", "2024-05-01", "KG", 2, 3, None)
    assert q.effective_sort == "relevance" and EventQuery().effective_sort == "date"
    for bad in ({"date_to": "yesterday"}, {"country": "Kyrgyzstan"}, {"per_page": "1000"}, {"sort": "x"},
                {"min_sources": "two"}):
        with pytest.raises(BadRequest):
            parse_event_query(**bad)


def test_match_expression_keeps_only_words():
    assert match_expression('"Kyrgyz" AND (border*') == '"Kyrgyz"* "AND"* "border"*'
    assert match_expression("") == ""


def test_headline_figures_deadliest_national_rows_first():
    rows = [{"category": "wounded", "best": 50, "low": 50, "high": 50, "side": None, "whose": "people"},
            {"category": "killed", "best": 3, "low": 3, "high": 9, "side": "KG", "whose": "troops", "conflict": True},
            {"category": "killed", "best": 2, "low": 2, "high": 2, "side": None, "whose": "x", "region": "Batken"}]
    figures = headline_figures(rows)
    assert [f["text"] for f in figures] == ["3 (3–9) killed · troops", "50 wounded · people"]


@pytest.mark.parametrize("fts", [True, False])
def test_search_paths_agree(fresh_store, fts):
    a = Article(id="a1", path="a", source="S", title="Dam gates opened", text="Engineers opened the Vidin dam.")
    b = Article(id="b1", path="b", source="S", title="Harvest", text="Farmers near Lorca began the harvest.")
    fresh_store.add_articles([a, b])
    fresh_store.replace_events([Event("ev-1", "Dam gates opened", None, EventDate("2024-01-02", "2024-01-02", "day"), ["a1"]),
                                Event("ev-2", "Harvest", None, EventDate(), ["b1"])])
    fresh_store.fts = fresh_store.fts and fts
    assert [e.id for e in fresh_store.query_events(EventQuery(q="vidin")).events] == ["ev-1"]
    assert [e.id for e in fresh_store.query_events(EventQuery(q="lorc harv")).events] == ["ev-2"]
    assert fresh_store.query_events(EventQuery(q="vidin lorca")).total == 0
    hits = fresh_store.search_articles("farmers")
    assert [h["id"] for h in hits] == ["b1"] and "\x02" in hits[0]["snippet"]


def test_a_brief_citation_marks_the_span_the_sentence_was_copied_from():
    from newsfuse.web.event_view import cited_line

    text = "Governor Ilona Drask spoke. She said two helicopters had been sent."
    article = Article(id="a1", path="a.txt", source="S", title="t", text=text)
    resolved = {"text": "Ilona Drask said two helicopters had been sent.", "citations": ["a1"],
                "source": {"article_id": "a1", "start": 28, "end": len(text)}}
    [cite] = cited_line(resolved, {"a1": 1}, {"a1": article})["cites"]
    assert cite["href"].startswith(f"/articles/a1?hl=28-{len(text)}")  # found though its opening was replaced
