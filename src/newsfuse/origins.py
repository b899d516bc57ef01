"""Which reports are independent, and which copy, rewrite or translate another.

A syndicated copy shares long word sequences with its original; a content-farm
rewrite or a machine translation back into English changes the words but keeps
the original's *sentence order and facts*. So two signals decide:

* **shingle overlap** (MinHash over word 5-grams, via datasketch) for copies;
* **sentence alignment**: each sentence of the later report is matched to the
  most similar sentence of the earlier one by shared facts (numbers, names) and
  content words; if most of its sentences align, and in the same order (longest
  increasing run), the later report is a rewrite.

A report is marked ``derived_from`` the earlier report it follows; an event's
``independent_sources`` counts reports with no such origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from datasketch import MinHash

from .models import Article, Span

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by",
    "from", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "that",
    "this", "it", "its", "their", "his", "her", "they", "he", "she", "we", "not", "said",
    "says", "also", "which", "who", "after", "while", "than", "there", "would", "will",
}


@dataclass
class OriginConfig:
    copy_jaccard: float = 0.5  # MinHash Jaccard of 5-gram shingles: a copy
    sentence_match: float = 0.45  # weighted overlap for two sentences to align
    aligned_share: float = 0.75  # share of the later report's sentences that align
    order_share: float = 0.8  # share of aligned sentences in the original's order
    min_sentences: int = 3


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def minhash(article: Article, num_perm: int = 64) -> MinHash:
    words = _tokens(article.text)
    m = MinHash(num_perm=num_perm)
    for i in range(max(len(words) - 4, 1)):
        m.update(" ".join(words[i : i + 5]).encode("utf-8"))
    return m


def _sentence_features(article: Article, sentence: Span) -> set[str]:
    """Content words plus facts: numbers count double because rewrites keep them."""
    words = {w for w in _tokens(sentence.text) if w not in _STOP and len(w) > 2}
    numbers = {f"#{n.value:g}" for n in article.numbers if sentence.start <= n.start < sentence.end and n.value is not None}
    return words | numbers


def _similarity(a: set[str], b: set[str]) -> float:
    """Overlap weighted toward the shorter sentence (rewrites drop words, keep facts)."""
    if not a or not b:
        return 0.0
    shared = a & b
    facts = sum(1 for x in shared if x.startswith("#"))
    return (len(shared) + facts) / (min(len(a), len(b)) + facts + 0.5 * abs(len(a) - len(b)) ** 0.5)


def _longest_increasing(values: list[int]) -> int:
    import bisect

    tails: list[int] = []
    for v in values:
        i = bisect.bisect_left(tails, v)
        if i == len(tails):
            tails.append(v)
        else:
            tails[i] = v
    return len(tails)


def alignment(original: Article, later: Article, config: OriginConfig) -> tuple[float, float]:
    """(share of ``later``'s sentences that align to ``original``, share in order)."""
    src = [_sentence_features(original, s) for s in original.sentences]
    dst = [_sentence_features(later, s) for s in later.sentences if len(s.text.split()) >= 5]
    if len(dst) < config.min_sentences or not src:
        return 0.0, 0.0
    matched: list[int] = []
    for feats in dst:
        scores = [_similarity(feats, s) for s in src]
        best = max(range(len(src)), key=scores.__getitem__)
        if scores[best] >= config.sentence_match:
            matched.append(best)
    if not matched:
        return 0.0, 0.0
    return len(matched) / len(dst), _longest_increasing(matched) / len(matched)


def _typicality(articles: list[Article]) -> list[float]:
    """Share of each report's words that the event's other reports also use.

    Among undated reports the more typical one is taken as the original: a
    rewrite swaps in synonyms ("troops killed" -> "troopers slain") that no
    independent report uses.
    """
    vocab = [{w for w in _tokens(a.text) if w not in _STOP} for a in articles]
    out = []
    for i, words in enumerate(vocab):
        others = set().union(*(v for j, v in enumerate(vocab) if j != i)) if len(vocab) > 1 else set()
        out.append(len(words & others) / len(words) if words else 0.0)
    return out


def find_origins(articles: list[Article], config: OriginConfig | None = None) -> dict[str, str]:
    """Map article id -> id of the earlier report it copies or rewrites.

    ``articles`` are the reports of one event; the earlier of two (by date;
    undated: the more typical of the event) is taken as the original.
    """
    config = config or OriginConfig()
    typical = _typicality(articles)
    ordered = sorted(range(len(articles)), key=lambda i: (
        articles[i].published is None, articles[i].published or "", -typical[i], i))
    hashes = {articles[i].id: minhash(articles[i]) for i in ordered}
    origins: dict[str, str] = {}
    for k, j in enumerate(ordered):
        later = articles[j]
        best, best_score = None, 0.0
        for i in ordered[:k]:
            original = articles[i]
            if original.id in origins and origins[original.id] == later.id:
                continue
            copy = hashes[original.id].jaccard(hashes[later.id])
            if copy >= config.copy_jaccard:
                score = 1.0 + copy
            else:
                aligned, ordered_share = alignment(original, later, config)
                if aligned < config.aligned_share or ordered_share < config.order_share:
                    continue
                score = aligned * ordered_share
            if score > best_score:
                best, best_score = original.id, score
        if best:
            origins[later.id] = best
    return origins


def independent_sources(articles: list[Article]) -> int:
    return sum(1 for a in articles if not a.derived_from)
