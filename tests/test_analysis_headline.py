"""Figures in headlines (analysis/headline.py). Headlines written for these tests."""

from __future__ import annotations

from newsfuse.analysis.claims import find_claims
from newsfuse.analysis.headline import headline_claims, plain_sentence
from newsfuse.models import Article


def _claims(title: str, text: str = "Police are investigating.") -> list[tuple[str, float | None, str | None]]:
    article = Article(id="h1", path="h1.txt", source="example.com", title=title, text=text, published="2021-04-03")
    claims = headline_claims(article, find_claims)
    for c in claims:
        assert c.field == "title" and article.title[c.start:c.end] == c.quote and c.article_id == "h1"
    return [(c.category, c.number, c.whose) for c in claims]


def test_headlinese_drops_articles_and_copulas():
    assert plain_sentence("Teen fatally shot outside Marlow store")[0] == "A Teen fatally shot outside Marlow store"
    text, chars = plain_sentence("Girl, 12, wounded by stray bullet in Fenwick")
    assert "12" not in text and len(chars) == len(text)  # the age apposition is dropped, offsets kept per character
    assert _claims("Teen fatally shot outside Marlow store") == [("killed", 1, "people")]
    assert _claims("Girl, 12, wounded by stray bullet in Fenwick") == [("wounded", 1, "people")]


def test_headline_tolls_and_their_parts():
    assert _claims("2 dead, 3 hurt in Elm Street shooting") == [("killed", 2, None), ("wounded", 3, None)]
    assert _claims("1 killed, 3 people shot near Larch Park - Channel 9") == [("killed", 1, None),
                                                                            ("shot", 3, "people")]
    assert _claims("Grandfather, 3 grandchildren dead after Dover Creek blaze") == [("killed", 4, "people")]


def test_a_title_the_text_repeats_is_read_once_and_roundups_are_background():
    assert _claims("2 dead in Elm Street shooting", "2 dead in Elm Street shooting. Police said ...") == []
    article = Article(id="h2", path="h2.txt", source="x", title="9 dead, 20 wounded in weekend shootings across the city",
                      text="Police gave no details.", published="2021-04-05")
    assert {c.scope for c in headline_claims(article, find_claims)} == {"background"}


def test_headline_people_with_several_modifiers_occupations_and_the_present():
    assert [c[:2] for c in _claims("Harlow county teen dies after hunting mishap")] == [("killed", 1)]
    assert [c[:2] for c in _claims("Retired Fenwick columnist found fatally shot in garage")] == [("killed", 1)]
    assert [c[:2] for c in _claims("Marlow firefighter wounded outside fire station")] == [("wounded", 1)]
    assert [c[:2] for c in _claims("Two Ashvale teens die in lake boating accident")] == [("killed", 2)]
