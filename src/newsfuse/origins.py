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

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from .models import Article, Span

if TYPE_CHECKING:  # datasketch pulls in scipy (0.5 s): imported when a pair is compared
    from datasketch import MinHash

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
    from datasketch import MinHash

    words = _tokens(article.text)
    m = MinHash(num_perm=num_perm)
    m.update_batch([" ".join(words[i : i + 5]).encode("utf-8") for i in range(max(len(words) - 4, 1))])
    return m


def _sentence_features(article: Article, sentence: Span, numbers: tuple[list[int], list] | None = None) -> set[str]:
    """Content words plus facts: numbers count double because rewrites keep them.

    ``numbers`` are the article's number starts and numbers, sorted by start (found
    by bisection); the default reads them all."""
    words = {w for w in _tokens(sentence.text) if w not in _STOP and len(w) > 2}
    if numbers is None:
        inside = [n for n in article.numbers if sentence.start <= n.start < sentence.end]
    else:
        starts, ordered = numbers
        inside = ordered[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]
    return words | {f"#{n.value:g}" for n in inside if n.value is not None}


def _similarity(a: set[str], b: set[str]) -> float:
    """Overlap weighted toward the shorter sentence (rewrites drop words, keep facts)."""
    if not a or not b:
        return 0.0
    shared = a & b
    facts = sum(1 for x in shared if x.startswith("#"))
    return (len(shared) + facts) / (min(len(a), len(b)) + facts + 0.5 * abs(len(a) - len(b)) ** 0.5)


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for v in values:
        i = bisect.bisect_left(tails, v)
        if i == len(tails):
            tails.append(v)
        else:
            tails[i] = v
    return len(tails)


@dataclass
class ReportProfile:
    """What origin detection reads of one report, computed once per report.

    ``sentences`` are the features of every sentence (as an original), ``aligned``
    those of its sentences of five words or more (as a later report), ``postings``
    maps a feature to the sentences that have it (bit i set for sentence i: an inverted
    index whose union is one integer OR), so a sentence is scored only
    against the sentences it shares something with (a sentence sharing nothing
    scores 0 and can never align)."""

    hashes: MinHash
    sentences: list[set[str]]
    aligned: list[set[str]]
    vocabulary: set[str]
    postings: dict[str, int] = field(default_factory=dict)  # feature -> bit set of sentence numbers
    features: set[str] = field(default_factory=set)  # the keys of ``postings``


def profile(article: Article) -> ReportProfile:
    ordered = sorted(article.numbers, key=lambda n: n.start)
    numbers = ([n.start for n in ordered], ordered)
    sentences = [_sentence_features(article, s, numbers) for s in article.sentences]
    aligned = [f for f, s in zip(sentences, article.sentences) if len(s.text.split()) >= 5]
    postings: dict[str, int] = {}
    for i, feats in enumerate(sentences):
        for feat in feats:
            postings[feat] = postings.get(feat, 0) | (1 << i)
    vocabulary = {w for w in _tokens(article.text) if w not in _STOP}
    return ReportProfile(minhash(article), sentences, aligned, vocabulary, postings, set(postings))


def _best_matches(src: ReportProfile, dst: list[set[str]], config: OriginConfig,
                  give_up_below: float | None = None) -> list[int] | None:
    """For each ``dst`` sentence, the ``src`` sentence it aligns to (if any), in order.

    Same choice as scoring every pair: the best score, the first sentence on a tie;
    sentences sharing no feature score 0, below any threshold. With ``give_up_below``,
    None as soon as that share of ``dst`` can no longer align."""
    matched: list[int] = []
    for t, feats in enumerate(dst):
        if give_up_below is not None and (len(matched) + len(dst) - t) / len(dst) < give_up_below:
            return None
        if config.sentence_match > 0:
            near = 0
            for feat in feats & src.features:
                near |= src.postings[feat]
        else:  # a threshold of 0 lets a sentence sharing nothing align: score them all
            near = (1 << len(src.sentences)) - 1
        best, best_score = None, 0.0
        while near:  # the sentences sharing a feature, in order
            low = near & -near
            near ^= low
            i = low.bit_length() - 1
            score = _similarity(feats, src.sentences[i])
            if best is None or score > best_score:
                best, best_score = i, score
        if best is not None and best_score >= config.sentence_match:
            matched.append(best)
    return matched


def _alignment_of(src: ReportProfile, dst: ReportProfile, config: OriginConfig,
                  give_up_below: float | None = None) -> tuple[float, float]:
    if len(dst.aligned) < config.min_sentences or not src.sentences:
        return 0.0, 0.0
    matched = _best_matches(src, dst.aligned, config, give_up_below)
    if not matched:
        return 0.0, 0.0
    return len(matched) / len(dst.aligned), _longest_increasing(matched) / len(matched)


def alignment(original: Article, later: Article, config: OriginConfig) -> tuple[float, float]:
    """(share of ``later``'s sentences that align to ``original``, share in order)."""
    return _alignment_of(profile(original), profile(later), config)


def _typicality(vocab: list[set[str]]) -> list[float]:
    """Share of each report's words that the event's other reports also use.

    Among undated reports the more typical one is taken as the original: a
    rewrite swaps in synonyms ("troops killed" -> "troopers slain") that no
    independent report uses. A word is shared when at least two reports use it.
    """
    counts = Counter(w for words in vocab for w in words)
    return [sum(1 for w in words if counts[w] >= 2) / len(words) if words else 0.0 for words in vocab]


def find_origins(articles: list[Article], config: OriginConfig | None = None,
                 profiles: dict[str, ReportProfile] | None = None) -> dict[str, str]:
    """Map article id -> id of the earlier report it copies or rewrites.

    ``articles`` are the reports of one event; the earlier of two (by date;
    undated: the more typical of the event) is taken as the original.
    ``profiles`` (article id -> :class:`ReportProfile`) may be kept by the caller
    to reuse them when the event is rebuilt; missing ones are added to it.
    """
    if len(articles) < 2:
        return {}  # a report alone copies no other
    config = config or OriginConfig()
    profiles = {} if profiles is None else profiles
    for a in articles:
        if a.id not in profiles:
            profiles[a.id] = profile(a)
    typical = _typicality([profiles[a.id].vocabulary for a in articles])
    ordered = sorted(range(len(articles)), key=lambda i: (
        articles[i].published is None, articles[i].published or "", -typical[i], i))
    origins: dict[str, str] = {}
    for k, j in enumerate(ordered):
        later = articles[j]
        best, best_score = None, 0.0
        for i in ordered[:k]:
            original = articles[i]
            if original.id in origins and origins[original.id] == later.id:
                continue
            copy = profiles[original.id].hashes.jaccard(profiles[later.id].hashes)
            if copy >= config.copy_jaccard:
                score = 1.0 + copy
            else:
                aligned, ordered_share = _alignment_of(profiles[original.id], profiles[later.id], config,
                                                       give_up_below=config.aligned_share)
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
