"""Group articles into real-world events, streaming in time order.

Each article either joins the most similar open event or opens a new one.
Similarity is TF-IDF cosine between the article and the event's centroid, plus
a bonus for shared named entities; time constrains it: a dated article far
outside an event's date span needs much stronger evidence to join.

Candidate events come from an inverted index over each event's strongest terms,
so the cost per article does not grow with the number of events stored.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from .models import Article

ENTITY_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "EVENT"}


@dataclass
class ClusterConfig:
    """Thresholds; tuned on the development sets, never on the seeds."""

    threshold: float = 0.30  # minimum score to join an event
    entity_weight: float = 0.15  # weight of shared-entity Jaccard in the score
    window_days: int = 3  # an article this close to an event's dates joins normally
    far_threshold: float = 0.60  # score needed to join from outside the window
    index_terms: int = 15  # strongest terms per article put in the inverted index
    max_candidates: int = 50


@dataclass
class _Cluster:
    members: list[int] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_entities(article: Article) -> set[str]:
    return {e.text.lower() for e in article.entities if e.label in ENTITY_LABELS and len(e.text) > 1}


def document_text(title: str, text: str) -> str:
    """Titles carry the story's key words: count them twice."""
    return f"{title}\n{title}\n{text}"


class StreamingClusterer:
    """Assigns documents to clusters one at a time, in the order given."""

    def __init__(self, matrix: sparse.csr_matrix, config: ClusterConfig | None = None):
        self.matrix = matrix.tocsr()
        self.config = config or ClusterConfig()
        self.clusters: list[_Cluster] = []
        self._sums: list[sparse.csr_matrix] = []
        self._index: dict[int, set[int]] = defaultdict(set)

    def _top_terms(self, row: int) -> np.ndarray:
        vec = self.matrix.getrow(row)
        if vec.nnz == 0:
            return np.array([], dtype=int)
        order = np.argsort(-vec.data)[: self.config.index_terms]
        return vec.indices[order]

    def add(self, row: int, entities: set[str], when: date | None) -> int:
        """Put document ``row`` into a cluster and return the cluster's index."""
        cfg = self.config
        vec = self.matrix.getrow(row)
        terms = self._top_terms(row)
        hits: Counter[int] = Counter()
        for t in terms:
            hits.update(self._index.get(int(t), ()))
        best, best_score = -1, 0.0
        for cid, _ in hits.most_common(cfg.max_candidates):
            score = self._score(cid, vec, entities)
            needed = cfg.threshold if self._near(cid, when) else cfg.far_threshold
            if score >= needed and score > best_score:
                best, best_score = cid, score
        if best < 0:
            best = len(self.clusters)
            self.clusters.append(_Cluster())
            self._sums.append(vec.copy())
        else:
            self._sums[best] = self._sums[best] + vec
        cluster = self.clusters[best]
        cluster.members.append(row)
        cluster.entities.update(entities)
        if when:
            cluster.first = min(cluster.first or when, when)
            cluster.last = max(cluster.last or when, when)
        for t in terms:
            self._index[int(t)].add(best)
        return best

    def _score(self, cid: int, vec: sparse.csr_matrix, entities: set[str]) -> float:
        total = self._sums[cid]
        norm = float(np.sqrt(total.multiply(total).sum())) or 1.0
        cosine = float(vec.multiply(total).sum()) / norm
        cluster_entities = set(self.clusters[cid].entities)
        union = entities | cluster_entities
        jaccard = len(entities & cluster_entities) / len(union) if union else 0.0
        return cosine + self.config.entity_weight * jaccard

    def _near(self, cid: int, when: date | None) -> bool:
        cluster = self.clusters[cid]
        if when is None or cluster.first is None or cluster.last is None:
            return True
        gap = max((cluster.first - when).days, (when - cluster.last).days, 0)
        return gap <= self.config.window_days


def cluster_articles(articles: list[Article], config: ClusterConfig | None = None) -> list[list[Article]]:
    """Group articles into events; articles are taken in publication order."""
    if not articles:
        return []
    ordered = sorted(range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or "", i))
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1, token_pattern=r"(?u)\b[^\W\d_]{2,}\b")
    try:
        matrix = vectorizer.fit_transform([document_text(a.title, a.text) for a in articles])
    except ValueError:  # no usable words at all (e.g. only numbers)
        return [[a] for a in articles]
    clusterer = StreamingClusterer(matrix, config)
    for i in ordered:
        clusterer.add(i, article_entities(articles[i]), _parse_date(articles[i].published))
    return [[articles[i] for i in c.members] for c in clusterer.clusters]
