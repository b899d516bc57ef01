"""Extractive selection: copied sentences, cited, non-redundant, standing on their own."""

from __future__ import annotations

import re

import pytest

from newsfuse.analysis import analyse_articles
from newsfuse.brief import build_brief
from newsfuse.brief.select import LENGTHS, headline, select_sentences
from newsfuse.models import RawArticle
from newsfuse.pipeline import RunSummary, prepare_batch

# Fictional reports of one fictional event, written for these tests.
REPORTS = [
    ("North Gazette", "Floods kill 14 in Marenka valley as river bursts its banks",
     "Floods killed 14 people in the Marenka valley on Monday after the Vessa river burst its banks, "
     "the regional emergency service said. Rescue teams evacuated 2,300 residents from low-lying villages "
     "overnight. Governor Ilona Drask said the toll could rise as teams reached cut-off hamlets. "
     "She said the army had sent two helicopters to the area. However, the weather was expected to improve. "
     "Floods in the same valley killed 40 people in 2019, the worst disaster in its history."),
    ("Valley Times", "Marenka valley flood toll reaches 14, thousands evacuated",
     "The Vessa river burst its banks in the Marenka valley on Monday, killing 14 people, the regional "
     "emergency service said. More than 2,300 residents were evacuated from villages along the river. "
     "The ministry said schools in the valley would stay closed until Friday. "
     "Local farmers said their harvest had been destroyed by the water."),
    ("Capital Wire", "Deadly floods hit Marenka valley",
     "Fourteen people died when the Vessa river flooded the Marenka valley on Monday, officials said. "
     "The interior ministry of Ruritania said 2,300 people had been moved to shelters in Tarnow. "
     "The ministry said it would pay compensation to families who lost their homes."),
]


@pytest.fixture(scope="module")
def articles():
    raws = [RawArticle(path=f"r{n}.txt", title=t, text=f"{t}\n\n{body}", source=s, published="2031-04-07")
            for n, (s, t, body) in enumerate(REPORTS)]
    found = prepare_batch(raws, RunSummary())
    analyse_articles(found)
    return found


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_every_sentence_is_cited_and_copied_from_what_it_cites(articles):
    by_id = {a.id: a for a in articles}
    brief = select_sentences(articles)
    assert 1 <= len(brief) <= LENGTHS["standard"][0]
    for s in brief:
        assert s.citations
        cited = [_squash(by_id[c].text) for c in s.citations]
        # The sentence is in the first cited article, word for word, except a resolved opening.
        assert any(_squash(s.text)[12:] in text for text in cited), s.text


def test_near_repeats_are_not_chosen_twice(articles):
    texts = [s.text.lower() for s in select_sentences(articles, "long")]
    about_the_toll = [t for t in texts if re.search(r"\b(14|fourteen)\b", t)]
    assert len(about_the_toll) <= 2


def test_lengths_are_ordered(articles):
    counts = [len(select_sentences(articles, n)) for n in ("short", "standard", "long")]
    assert counts[0] <= counts[1] <= counts[2] and counts[0] >= 2


def test_dangling_openings_are_resolved_from_the_same_article_or_left_out(articles):
    texts = [s.text for s in select_sentences(articles, "long")]
    assert not any(t.startswith(("She ", "However", "He ")) for t in texts)
    resolved = [t for t in texts if "helicopters" in t]
    assert all(t.startswith("Ilona Drask said") for t in resolved)


def test_definite_body_resolved_with_the_name_the_article_gives(articles):
    texts = [s.text for s in select_sentences(articles, "long")]
    compensation = [t for t in texts if "compensation" in t]
    assert all(t.startswith("The interior ministry of Ruritania said") or t.startswith("The ministry")
               for t in compensation)


def test_copies_and_rewrites_give_no_sentences_when_an_original_exists(articles):
    copy = articles[1]
    copy.derived_from = articles[0].id
    try:
        assert all(copy.id not in s.citations[:1] for s in select_sentences(articles, "long"))
    finally:
        copy.derived_from = None


def test_headline_is_an_independent_reports_title(articles):
    head = headline(articles)
    assert head.text in {a.title for a in articles} and len(head.citations) == 1


def test_build_brief_gates_everything_it_returns(articles):
    brief = build_brief(articles, length="long")
    assert brief.sentences and brief.headline is not None
    assert brief.gate.dropped == 0 and brief.gate.checked == len(brief.sentences) + 1


def test_unknown_length_is_a_clear_error(articles):
    with pytest.raises(ValueError, match="unknown brief length"):
        build_brief(articles, length="epic")


def test_no_articles_no_brief():
    brief = build_brief([])
    assert brief.sentences == [] and brief.headline is None and brief.figures == []


def test_sentences_that_only_give_earlier_tolls_are_left_out(articles):
    assert all("2019" not in s.text for s in select_sentences(articles, "long"))


# -- positions found by bisection and MMR by columns equal the full scans ---------------

from newsfuse.brief import select as select_module  # noqa: E402
from newsfuse.models import Span  # noqa: E402


def _scan_facts(article, span):
    inside = lambda x: span.start <= x.start < span.end  # noqa: E731
    return (any(inside(c) for c in article.claims) + any(inside(p) and p.role == "event" for p in article.places)
            + any(inside(d) for d in article.dates) + any(inside(n) for n in article.numbers))


def _scan_scopes(article, span):
    return {c.scope for c in article.claims if c.field == "text" and span.start <= c.start < span.end}


def test_fact_positions_equal_scanning_every_fact(articles):
    for article in articles:
        positions = select_module._Positions(article)
        spans = list(article.sentences) + [Span(a, a + w, "") for a in range(0, len(article.text), 17)
                                           for w in (0, 5, 60)]
        for span in spans:
            assert positions.facts(span) == _scan_facts(article, span)
            assert positions.text_claim_scopes(span) == _scan_scopes(article, span)
        assert any(positions.facts(s) for s in article.sentences)


def _dense_mmr(cands, max_sentences, budget):
    """The former MMR over the full similarity matrix, kept here as the specification."""
    import scipy.sparse

    matrix = scipy.sparse.vstack([c.vector for c in cands])
    sim = (matrix @ matrix.T).toarray()
    chosen, words, remaining = [], 0, set(range(len(cands)))
    while remaining and len(chosen) < max_sentences:
        def redundancy(k):
            return max((sim[k, j] for j in chosen), default=0.0)
        remaining = {k for k in remaining if redundancy(k) <= select_module.MAX_OVERLAP}
        if not remaining:
            break
        best = max(remaining, key=lambda k: select_module.MMR_LAMBDA * cands[k].score
                   - (1 - select_module.MMR_LAMBDA) * redundancy(k))
        remaining.discard(best)
        n = len(cands[best].text.split())
        if chosen and words + n > budget * 1.15:
            continue
        chosen.append(best)
        words += n
        if words >= budget:
            break
    return [cands[k] for k in chosen]


def test_mmr_by_columns_equals_the_full_matrix(articles):
    for pool in (articles, articles[:2], articles[1:]):
        cands = select_module.candidates(pool)
        select_module.score(cands, pool)
        for max_sentences, budget in list(LENGTHS.values()) + [(20, 1000), (2, 10)]:
            chosen = select_module.mmr(cands, max_sentences, budget)
            assert chosen and [id(c) for c in chosen] == [id(c) for c in _dense_mmr(cands, max_sentences, budget)]


def test_a_very_long_report_offers_only_its_first_sentences():
    from newsfuse.brief import select
    from newsfuse.models import Article, Span

    text = " ".join(f"The Velmora council met for the {i}th time about the footbridge." for i in range(1, 601))
    spans, start = [], 0
    for sentence in re.findall(r"[^.]+\.", text):
        begin = text.index(sentence.strip(), start)
        spans.append(Span(begin, begin + len(sentence.strip()), sentence.strip(), "sentence"))
        start = begin + len(sentence.strip())
    article = Article(id="long", path="p", source="S", title="Velmora council", text=text, sentences=spans)
    found = select.candidates([article])
    assert 0 < len(found) <= select.MAX_SENTENCES < len(spans)
    assert max(c.index for c in found) < select.MAX_SENTENCES
