"""Pick the brief's sentences from the reports themselves (extractive, cited).

Why extractive: with no offline model that can be trusted to paraphrase, a
sentence copied from a report is the only prose guaranteed to say no more than
its source. The choice follows the multi-document summarisation staples:

* **support** — a sentence whose content other reports also carry is central to
  the event (cross-document agreement, the idea behind LexRank/centroid methods);
* **position** — news puts the gist first (lead bias);
* **facts** — a sentence that states a figure, a date or a place helps a reader more;
* **redundancy** — maximal marginal relevance (MMR) keeps the next sentence only
  if it adds something beyond those already chosen.

Sentences of reports in the reader's language (English unless asked otherwise) are chosen
first; another language's sentences only when none of the reader's qualifies. A sentence
is always quoted in the words of its own report: a translation is never mixed into it.

Sentences of reports marked ``derived_from`` another (copies, rewrites) are used
only when no independent report exists. Dangling openings ("He said", "The
ministry added") are resolved only by copying a name from the same article (see
:mod:`newsfuse.brief.references`); otherwise the sentence is not a candidate.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from ..models import Article, BriefSentence, Span
from .references import resolve_opening
from .tfidf import tfidf

LENGTHS = {"short": (3, 45), "standard": (4, 75), "long": (8, 160)}  # (max sentences, word budget)
MIN_WORDS, MAX_WORDS = 7, 55
MMR_LAMBDA = 0.7
MAX_OVERLAP = 0.5  # a sentence this similar (cosine) to a chosen one repeats it: never chosen
_JUNK = re.compile(r"https?://|www\.|@\w|\b(?:click|subscribe|newsletter|sign up|read more|cookies?)\b", re.I)
_QUOTES = "\"“”"


@dataclass
class Candidate:
    """A sentence that could go into the brief, with the article it is cited to."""

    text: str
    article: Article
    index: int  # sentence number within its article
    n_sentences: int
    span: Span
    facts: int = 0
    score: float = 0.0
    vector: Any = None  # its TF-IDF row, set by :func:`features` and reused by :func:`mmr`


def _usable(text: str) -> bool:
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or text.rstrip().endswith("?") or _JUNK.search(text):
        return False
    if sum(text.count(q) for q in _QUOTES) % 2:  # half a quotation: a fragment out of context
        return False
    return text[0].isupper() or text[0] in _QUOTES


class _Positions:
    """Where an article's facts start, sorted once, so each sentence asks by bisection
    instead of scanning every fact of the article (quadratic on a long article)."""

    def __init__(self, article: Article):
        self.claims = sorted(c.start for c in article.claims)
        self.event_places = sorted(p.start for p in article.places if p.role == "event")
        self.dates = sorted(d.start for d in article.dates)
        self.numbers = sorted(n.start for n in article.numbers)
        text_claims = sorted((c for c in article.claims if c.field == "text"), key=lambda c: c.start)
        self.text_claim_starts = [c.start for c in text_claims]
        self.text_claim_scope = [c.scope for c in text_claims]

    @staticmethod
    def _any_in(starts: list[int], span: Span) -> bool:
        i = bisect.bisect_left(starts, span.start)
        return i < len(starts) and starts[i] < span.end

    def facts(self, span: Span) -> int:
        return sum(self._any_in(starts, span) for starts in (self.claims, self.event_places, self.dates, self.numbers))

    def text_claim_scopes(self, span: Span) -> set[str]:
        i = bisect.bisect_left(self.text_claim_starts, span.start)
        j = bisect.bisect_left(self.text_claim_starts, span.end, lo=i)
        return set(self.text_claim_scope[i:j])


def _facts(article: Article, span: Span, positions: _Positions | None = None) -> int:
    """How many kinds of fact (claim, event place, date, number) start inside ``span``."""
    return (positions or _Positions(article)).facts(span)


def _only_background(article: Article, span: Span, positions: _Positions | None = None) -> bool:
    return (positions or _Positions(article)).text_claim_scopes(span) == {"background"}


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


MAX_SENTENCES = 400  # of one report: news tells its story first; beyond this (~10,000 words) are transcripts and annexes


def candidates(articles: list[Article]) -> list[Candidate]:
    """Usable sentences of the independent reports (all reports if none is independent),
    from the first :data:`MAX_SENTENCES` of each (so a very long report costs no more)."""
    pool = [a for a in articles if not a.derived_from] or list(articles)
    found: list[Candidate] = []
    seen: set[str] = {_key(a.title) for a in articles}  # a headline left in the text is not a sentence
    for article in pool:
        positions = _Positions(article)
        for i, span in enumerate(article.sentences[:MAX_SENTENCES]):
            if _only_background(article, span, positions):
                continue  # an earlier war's toll is not this event's story
            text = " ".join(span.text.split())
            text = resolve_opening(text, article, span)
            if text is None or not _usable(text):
                continue
            key = _key(text)
            if key in seen:  # the same sentence in two reports: keep the first
                continue
            seen.add(key)
            found.append(Candidate(text, article, i, len(article.sentences), span, _facts(article, span, positions)))
    return found


def _vectors(texts: list[str]):
    """TF-IDF rows (scikit-learn's arithmetic, without its import: ``brief/tfidf.py``), or None
    when there is nothing but stop words."""
    return tfidf(texts)


FEATURES = ("support", "own_doc", "title_support", "own_title", "lead", "first", "relative_position",
            "length", "quotation", "facts", "bias")


def features(cands: list[Candidate], articles: list[Article]):
    """One row of :data:`FEATURES` per candidate (a numpy array), or None for empty text.

    *support* and *title_support* are TF-IDF cosines to the **other** independent
    reports and their titles (what several sources say is the story); *own_doc* and
    *own_title* to the sentence's own report; then lead position, length, whether it
    quotes someone, and how many kinds of fact it states.
    """
    import numpy as np

    texts = [c.text for c in cands] + [a.title + " " + a.text for a in articles] + [a.title for a in articles]
    matrix = _vectors(texts)
    if matrix is None:
        return None
    n, d = len(cands), len(articles)
    sents, docs, titles = matrix[:n], matrix[n:n + d], matrix[n + d:]
    for c, k in zip(cands, range(n)):
        c.vector = sents[k]
    doc_sim, title_sim = (sents @ docs.T).toarray(), (sents @ titles.T).toarray()
    index = {id(a): j for j, a in enumerate(articles)}
    rows = []
    for k, c in enumerate(cands):
        own = index[id(c.article)]
        peers = [j for j in range(d) if j != own and not articles[j].derived_from]
        rows.append([
            doc_sim[k, peers].mean() if peers else doc_sim[k, own], doc_sim[k, own],
            title_sim[k, peers].mean() if peers else 0.0, title_sim[k, own],
            1.0 / (1.0 + c.index), float(c.index == 0), c.index / max(c.n_sentences, 1),
            len(c.text.split()) / 30, float(any(q in c.text for q in _QUOTES)), c.facts / 4, 1.0,
        ])
    return np.array(rows, dtype=float)


@functools.lru_cache(maxsize=1)
def _weights() -> list[float]:
    """Feature weights fitted on the development set (scripts/fit_brief_weights.py)."""
    import json
    from importlib import resources

    data = json.loads(resources.files("newsfuse").joinpath("data/brief_weights.json").read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError("data/brief_weights.json does not match brief.select.FEATURES; refit it")
    return data["weights"]


def score(cands: list[Candidate], articles: list[Article]) -> None:
    """Set each candidate's ``score``: a linear model of :func:`features`, fitted to
    predict how much of an editor's roundup a sentence states (ROUGE-2 precision)."""
    rows = features(cands, articles)
    if rows is None:
        return
    for c, value in zip(cands, rows @ _weights()):
        c.score = float(value)


def mmr(cands: list[Candidate], max_sentences: int, budget: int) -> list[Candidate]:
    """Greedy maximal marginal relevance under a sentence count and a word budget."""
    matrix = None  # no vocabulary at all: rank by score alone
    if all(c.vector is not None for c in cands):
        import scipy.sparse

        matrix = scipy.sparse.vstack([c.vector for c in cands])
    chosen: list[int] = []
    words = 0
    remaining = set(range(len(cands)))
    # cosine to each chosen sentence, one column per choice: the full n x n matrix
    # would be quadratic in memory on a long article (same values, same order of sums)
    similar_to: dict[int, Any] = {}

    def redundancy(k: int) -> float:
        return max((similar_to[j][k] for j in chosen), default=0.0) if matrix is not None else 0.0

    while remaining and len(chosen) < max_sentences:
        remaining = {k for k in remaining if redundancy(k) <= MAX_OVERLAP}
        if not remaining:
            break
        best = max(remaining, key=lambda k: MMR_LAMBDA * cands[k].score - (1 - MMR_LAMBDA) * redundancy(k))
        remaining.discard(best)
        n = len(cands[best].text.split())
        if chosen and words + n > budget * 1.15:
            continue  # too long for what is left; a shorter one may still fit
        chosen.append(best)
        if matrix is not None:
            similar_to[best] = (matrix @ matrix[best].T).toarray().ravel()
        words += n
        if words >= budget:
            break
    return [cands[k] for k in chosen]


def order(chosen: list[Candidate]) -> list[Candidate]:
    """Leads before details, earlier reports first: the order a reader expects."""
    return sorted(chosen, key=lambda c: (c.index > 0, c.article.published or "9999", c.index / max(c.n_sentences, 1)))


def in_reader_language(articles: list[Article], reader: str) -> list[Article]:
    """The reports in the reader's language (an unknown language counts as English)."""
    return [a for a in articles if (a.language or "en").split("-")[0].lower() == reader]


def select_sentences(articles: list[Article], length: str = "standard", reader: str = "en") -> list[BriefSentence]:
    """The extractive brief: ordered, non-redundant, each sentence cited to its article.

    A sentence that several reports state almost word for word cites all of them. Sentences
    of the ``reader``'s language come first (see the module docstring).
    """
    max_sentences, budget = LENGTHS[length]
    cands = candidates(articles)
    if not cands:
        return []
    score(cands, articles)
    own = {id(a) for a in in_reader_language(articles, reader)}
    cands = [c for c in cands if id(c.article) in own] or cands
    chosen = order(mmr(cands, max_sentences, budget))
    texts = {a.id: _key(a.text) for a in articles}  # normalised once, searched for every chosen sentence
    return [BriefSentence(c.text, _citations(c, texts), {"article_id": c.article.id, "start": c.span.start,
                                                         "end": c.span.end}) for c in chosen]


def _citations(c: Candidate, texts: dict[str, str]) -> list[str]:
    """The candidate's article, plus any other report that contains the same sentence."""
    key = _key(c.text)
    return [c.article.id] + [i for i, text in texts.items() if i != c.article.id and key and key in text]


def headline(articles: list[Article], reader: str = "en") -> BriefSentence | None:
    """The title of an independent report that best matches all the reports, in the reader's
    language when one of them is."""
    titled = in_reader_language(articles, reader) or articles
    pool = [a for a in titled if not a.derived_from and len(a.title.split()) >= 4] or \
           [a for a in titled if len(a.title.split()) >= 4]
    if not pool:
        return None
    if len(pool) == 1:
        return BriefSentence(pool[0].title, [pool[0].id])
    matrix = _vectors([a.title for a in pool] + [a.title + " " + a.text for a in articles])
    if matrix is None:
        return BriefSentence(pool[0].title, [pool[0].id])
    titles, docs = matrix[: len(pool)], matrix[len(pool):]
    sim = (titles @ docs.T).toarray()
    position = {id(a): j for j, a in enumerate(articles)}
    best = max(range(len(pool)), key=lambda k: sim[k].sum() - sim[k, position[id(pool[k])]])
    return BriefSentence(pool[best].title, [pool[best].id])
