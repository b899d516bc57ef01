"""Properties of the text-facing functions, over arbitrary and news-shaped text (Hypothesis).

The default profile (tests/conftest.py) runs a small fixed budget so the suite stays
quick and deterministic; ``make fuzz`` runs the same properties at length. The
strategies here are shared by tests/test_fuzz_*.py.

What must hold for any input: nothing raises but the documented ValueError; every
span is a view of the text (``text[start:end] == span.text``); every number is
finite; ids are stable; results are JSON with ``allow_nan=False``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import unicodedata
from collections import Counter

from hypothesis import example, given, strategies as st

from newsfuse.analysis.claims import MAX_COUNT, claims_with_mentions, find_claims
from newsfuse.analysis.dates import find_date_spans, resolve_dates
from newsfuse.analysis.numbers import MAX_QUANTITY, find_numbers, parse_number_words
from newsfuse.analysis.sentences import split_sentences
from newsfuse.clean import clean_text, repeated_lines
from newsfuse.models import Article, RawArticle, Span
from newsfuse.prepare import prepare_article

# Words and marks that reach the rules: numbers and their hedges, casualty words, claimants,
# dates, places, quotes, odd characters (surrogates, NUL, ligatures, a dotted I that grows
# when lower-cased), markup, whitespace a scraper leaves.
TOKENS = [
    "49", "1,200", "6 500", "1.2k", "3bn", "0", "007", "2020", "1994", "9" * 30, "4" * 320, "½",
    "forty-nine", "a dozen", "half a dozen", "two and a half million", "one", "no one", "a hundred",
    "at least", "more than", "nearly", "up to", "as many as", "between", "and", "or", "or more", "to",
    "-odd", "+", "-", "–", "—", "%", "per cent", "$", "€", "dozens of", "several", "scores of",
    "hundreds", "a few", "some", "killed", "wounded", "dead", "death toll", "died", "detained",
    "captured", "arrested", "missing", "displaced", "injured", "lives", "taken into custody",
    "soldiers", "civilians", "insurgents", "people", "a Taliban leader", "another militant",
    "both men", "him", "the insurgent", "Mullah Sangari", "its", "their", "said", "says",
    "according to", "the ministry", "Police", "officials", "Kyrgyzstan", "Tajik", "Its defence ministry",
    "the United States", "U.S.", "raised its death toll to", "not the final number", "may rise",
    "in Batken Region", "in their area", "governor of Isfara", "since 2015", "last year",
    "13 September 2022", "Sept. 13", "yesterday", "on Tuesday", "last week", "next Tuesday",
    "2022-09-13", "13/9", "5/6/2022", "in 2020", "5pm", "22:05", "three days ago", "the previous day",
    "Resolution 2334", "F-16", "COVID-19", "1990s", "No. 10",
    ",", ".", ";", ":", "!", "?", "“", "”", "\"", "'", "’", "(", ")", "[", "]",
    "\n", "\n\n", "\t", "\u00a0", "\u202f", "\u2028", "\ufeff", "\x00", "\udc00", "\ud83d", "é", "ß",
    "İ", "ﬁ", "Ⅻ", "٣", "🚚", "<p>", "</div>", "&amp;", "<script>", "Read also:", "Share", "Comments (3)",
    "© 2024 The Varnek Herald", "By Ivo Marsh", "Subscribe to our newsletter",
]
_SEPARATORS = [" ", " ", " ", " ", "", "\n", ". ", ", ", "  "]

NEWSY = st.lists(
    st.tuples(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), st.sampled_from(_SEPARATORS)),
    max_size=60,
).map(lambda parts: "".join(a + b for a, b in parts))
TEXT = st.one_of(NEWSY, st.text(max_size=200), NEWSY.map(lambda t: t.replace("\udc00", "").replace("\ud83d", "")))
PUBLISHED = st.one_of(
    st.none(), st.sampled_from(["2022-09-14", "2024-05-14", "0001-01-01", "9999-12-31", "2024-02-30",
                                "2024-05-14T23:59:59Z", "yesterday", ""]),
    st.dates().map(dt.date.isoformat), st.text(max_size=12),
)
LABELS = ["GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "DATE", "TIME", "CARDINAL"]


def _finite(*values) -> bool:
    return all(v is None or (isinstance(v, (int, float)) and math.isfinite(v)) for v in values)


def _json(value) -> str:
    return json.dumps(value, allow_nan=False, ensure_ascii=False)


# -- cleaning and preparing --------------------------------------------------------------------

@given(TEXT, st.booleans())
@example("Share\nComments (3)\n\nA fire destroyed four warehouses at the harbour on Sunday, officials said.", False)
def test_clean_text_keeps_or_removes_every_line(text, from_html):
    cleaned, removed = clean_text(text, from_html=from_html, repeated=repeated_lines([(None, text)] * 3))
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    given_lines = Counter(ln.strip() for ln in lines if ln.strip())
    kept = Counter(ln for ln in cleaned.split("\n") if ln)
    assert kept + Counter(r.line for r in removed) == given_lines
    assert all(r.reason for r in removed)


@given(TEXT, st.one_of(st.none(), TEXT), st.booleans())
def test_prepare_article_gives_a_stable_article_or_a_value_error(text, title, from_html):
    raw = RawArticle(path="fuzz.txt", text=text, title=title, metadata={"format": "html"} if from_html else {})
    try:
        article = prepare_article(raw)
    except ValueError:
        return  # documented: nothing but boilerplate left
    assert article.text.strip() and article.title
    assert prepare_article(raw).id == article.id  # content ids are stable
    _json(article.to_dict()).encode("utf-8")  # storable: no lone surrogates, no NaN


# -- numbers -----------------------------------------------------------------------------------

_QUALIFIERS = {"exact", "at_least", "at_most", "about", "more_than", "fewer_than", "range", "vague"}


@given(TEXT)
@example("Officials said " + "9" * 400 + " people were killed.")
@example("between 5 and " + "9" * 30 + " trucks; 4" + "0" * 20 + " ants; " + "1 000 " * 200)
def test_find_numbers_spans_are_views_and_values_finite(text):
    mentions = find_numbers(text)
    last_end = 0
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.start >= last_end and m.end > m.start
        last_end = m.end
        assert m.qualifier in _QUALIFIERS and _finite(m.value, m.low, m.high)
        assert all(v is None or 0 <= v <= MAX_QUANTITY for v in (m.value, m.low, m.high))
        assert (m.value is None) == (m.qualifier == "vague")
        if m.low is not None and m.high is not None:
            assert m.low <= m.high
    _json([dataclasses.asdict(m) for m in mentions])


@given(st.one_of(TEXT, st.lists(st.sampled_from(
    "a an half and one two twelve twenty forty-nine hundred dozen thousand million billion trillion k bn "
    "1 12 1.5 6,500 99999999999999999999".split()), max_size=8).map(" ".join)))
def test_parse_number_words_is_none_or_a_finite_quantity(phrase):
    value = parse_number_words(phrase)
    assert value is None or (math.isfinite(value) and 0 <= value <= MAX_QUANTITY)


# -- dates -------------------------------------------------------------------------------------

_SPANS = st.lists(st.tuples(st.integers(-5, 300), st.integers(-5, 300)), max_size=6)


@given(TEXT, _SPANS, PUBLISHED)
@example("The convoy is due tomorrow, not next Tuesday.", [(0, 40)], "9999-12-31")
@example("It fell yesterday, last week and on Sunday.", [], "0001-01-01")
def test_resolve_dates_spans_are_views_and_values_dates(text, spans, published):
    found = resolve_dates(text, spans, published)
    last_end = -1
    for d in found:
        assert text[d.start:d.end] == d.text and d.start >= last_end and d.end > d.start
        last_end = d.end
        assert d.precision in {"day", "month", "year", "unknown"}
        if d.value is not None:
            dt.date.fromisoformat(d.value)
    for s, e in find_date_spans(text):
        assert 0 <= s < e <= len(text)
    _json([dataclasses.asdict(d) for d in found])


# -- claims over an analysed article -----------------------------------------------------------

_CATEGORIES = {"killed", "wounded", "captured", "arrested", "missing", "displaced"}


@st.composite
def analysed_articles(draw) -> Article:
    """An Article as the analysis leaves it (sentences, numbers, random entities), without spaCy."""
    text = draw(TEXT)
    entities = []
    for _ in range(draw(st.integers(0, 5))):
        if not text:
            break
        s = draw(st.integers(0, len(text) - 1))
        e = draw(st.integers(s + 1, min(len(text), s + 30)))
        entities.append(Span(s, e, text[s:e], draw(st.sampled_from(LABELS))))
    entities.sort(key=lambda x: x.start)
    return Article(id="fz1", path="fuzz", source="fuzz", title="t", text=text, published=draw(PUBLISHED),
                   sentences=split_sentences(text), entities=entities, numbers=find_numbers(text))


def _claims_view(claims) -> list[str]:
    return [_json(dataclasses.asdict(c)) for c in claims]


@given(analysed_articles())
@example(Article(id="fz1", path="p", source="s", title="t", published="2024-05-14", text=(
    "The ministry said 20,000,000,000 people were killed and " + "9" * 400 + " were wounded. Its defence "
    "ministry said another 3 soldiers were killed in their area, according to the governor of Isfara.")))
@example(Article(id="fz1", path="p", source="s", title="t", text="according to  "))  # found by make fuzz
def test_find_claims_quotes_are_views_and_figures_finite(article):
    if not article.sentences:
        article.sentences = split_sentences(article.text)
        article.numbers = find_numbers(article.text)
    claims = find_claims(article)
    text = article.text
    for n, c in enumerate(claims):
        assert text[c.start:c.end] == c.quote and c.article_id == article.id
        assert c.category in _CATEGORIES and c.scope in {"event", "background"}
        assert _finite(c.number, c.low, c.high)
        assert all(v is None or v <= MAX_COUNT for v in (c.number, c.low, c.high))
    assert len({c.id for c in claims}) == len(claims)
    assert _claims_view(find_claims(article)) == _claims_view(claims)  # stable: same input, same claims
    for claim, mention in claims_with_mentions(article):
        assert text[mention.start:mention.end] == mention.text


@given(analysed_articles())
def test_every_analysis_component_runs_on_any_article(article):
    """The components after spaCy's entities (numbers, dates, places, claims, report date) raise
    nothing: a raise is caught per article in analyse_articles and loses that field silently."""
    from newsfuse.analysis import COMPONENTS

    for _, component in COMPONENTS:
        component(article)
    for span in [*article.numbers, *article.dates, *article.places]:
        assert article.text[span.start:span.end] == span.text
    _json([dataclasses.asdict(x) for x in [*article.claims, *article.dates, *article.places]])


def test_the_fuzz_profile_is_chosen_by_the_environment():
    import os

    from hypothesis import settings

    if os.environ.get("NEWSFUSE_FUZZ") == "1":
        assert settings.default.max_examples >= 10_000
    else:  # the suite's budget: small, fixed, the same inputs on every run
        assert settings.default.max_examples <= 50 and settings.default.derandomize
