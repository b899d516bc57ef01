"""Group articles into real-world events, streaming in time order.

Each article either joins the most similar open event or opens a new one.
Similarity is TF-IDF cosine between the article and the event's centroid, plus
a bonus for shared named entities; time constrains it: a dated article far
outside an event's date span needs much stronger evidence to join.

Candidate events come from an inverted index over each event's strongest terms,
so the cost per article does not grow with the number of events stored.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from .analysis.undated import report_date
from .models import Article

ENTITY_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "EVENT"}


@dataclass
class ClusterConfig:
    """Thresholds; tuned on the development sets, never on the seeds."""

    threshold: float = 0.10  # minimum score to join an event whose dates agree with the report's
    undated_threshold: float = 0.35  # ... when the report's or the event's date is unknown
    entity_weight: float = 0.15  # weight of shared-entity Jaccard in the score
    window_days: int = 1  # an article this close to an event's dates joins normally
    far_threshold: float = 0.60  # score needed to join from outside the window
    index_terms: int = 40  # strongest terms per article put in the inverted index
    max_candidates: int = 50
    figure_penalty: float = 0.10  # lead figures disjoint from the event's: a look-alike
    merge_boost: float = 0.10  # added to the thresholds in the batch merge pass
    merge_pass: bool = True  # after streaming, merge events that arrived in the wrong order


@dataclass
class _Cluster:
    members: list[int] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    figures: set[float] = field(default_factory=set)
    first: date | None = None
    last: date | None = None
    years: set[int] = field(default_factory=set)


@dataclass
class DocInfo:
    """What the clusterer knows of one document besides its words."""

    entities: set[str] = field(default_factory=set)
    figures: set[float] = field(default_factory=set)  # numbers in the headline and lead
    day: date | None = None  # known to the day
    year: int | None = None  # known to the year only


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_entities(article: Article) -> set[str]:
    return {e.text.lower() for e in article.entities if e.label in ENTITY_LABELS and len(e.text) > 1}


LEAD_SENTENCES = 2


def lead_figures(article: Article) -> set[float]:
    """Counts stated in the headline's report lead: what a look-alike event changes."""
    if not article.sentences:
        return set()
    end = article.sentences[min(LEAD_SENTENCES, len(article.sentences)) - 1].end
    return {n.value for n in article.numbers if n.start < end and n.value is not None and 2 <= n.value < 1_000_000}


def doc_info(article: Article) -> DocInfo:
    when = report_date(article)
    day = _parse_date(when.value) if when.precision == "day" else None
    year = int(when.value[:4]) if when.value and when.precision == "year" else None
    return DocInfo(article_entities(article), lead_figures(article), day, year)


def document_text(title: str, text: str) -> str:
    """Titles carry the story's key words: count them twice."""
    return f"{title}\n{title}\n{text}"


def join_score(cosine: float, doc: DocInfo, other: DocInfo, config: ClusterConfig) -> float:
    """How strongly a report belongs with an event (or another report).

    Text cosine, plus shared named entities; minus a penalty when the lead
    figures are disjoint and time cannot tell a rising toll from a look-alike.
    """
    union = doc.entities | other.entities
    jaccard = len(doc.entities & other.entities) / len(union) if union else 0.0
    score = cosine + config.entity_weight * jaccard
    both_dated = doc.day is not None and other.day is not None
    if not both_dated and doc.figures and other.figures and not doc.figures & other.figures:
        score -= config.figure_penalty
    return score


def make_vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1, token_pattern=r"(?u)\b[^\W\d_]{2,}\b")


class StreamingClusterer:
    """Assigns documents to clusters one at a time, in the order given."""

    def __init__(self, matrix: sparse.csr_matrix, config: ClusterConfig | None = None):
        self.matrix = matrix.tocsr()
        self.config = config or ClusterConfig()
        self.clusters: list[_Cluster] = []
        self._sums: list[dict[int, float]] = []  # per cluster: term -> summed weight
        self._sq_norms: list[float] = []
        self._index: dict[int, set[int]] = defaultdict(set)
        self._entity_index: dict[str, set[int]] = defaultdict(set)
        self._arrival: dict[int, int] = {}  # row -> position in the stream

    def _row(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = self.matrix.indptr[row], self.matrix.indptr[row + 1]
        return self.matrix.indices[start:end], self.matrix.data[start:end]

    def _top_terms(self, row: int) -> np.ndarray:
        indices, data = self._row(row)
        order = np.argsort(-data)[: self.config.index_terms]
        return indices[order]

    def add(self, row: int, doc: DocInfo) -> int:
        """Put document ``row`` into a cluster and return the cluster's index."""
        cfg = self.config
        entities = doc.entities
        self._arrival[row] = len(self._arrival)
        vec = dict(zip(*(x.tolist() for x in self._row(row))))
        terms = self._top_terms(row)
        hits: Counter[int] = Counter()
        for t in terms:
            hits.update(self._index.get(int(t), ()))
        for e in entities:
            hits.update(self._entity_index.get(e, ()))
        best, best_score = -1, 0.0
        for cid, _ in hits.most_common(cfg.max_candidates):
            score = self._score(cid, vec, doc)
            near = self._near(cid, doc)
            if near is None:
                needed = cfg.undated_threshold
            else:
                needed = cfg.threshold if near else cfg.far_threshold
            if score >= needed and score > best_score:
                best, best_score = cid, score
        if best < 0:
            best = len(self.clusters)
            self.clusters.append(_Cluster())
            self._sums.append({})
            self._sq_norms.append(0.0)
        total, sq = self._sums[best], self._sq_norms[best]
        for t, w in vec.items():
            old = total.get(t, 0.0)
            total[t] = old + w
            sq += (old + w) ** 2 - old * old
        self._sq_norms[best] = sq
        cluster = self.clusters[best]
        cluster.members.append(row)
        cluster.entities.update(entities)
        cluster.figures |= doc.figures
        if doc.day:
            cluster.first = min(cluster.first or doc.day, doc.day)
            cluster.last = max(cluster.last or doc.day, doc.day)
            cluster.years.add(doc.day.year)
        elif doc.year:
            cluster.years.add(doc.year)
        for t in terms:
            self._index[int(t)].add(best)
        for e in entities:
            self._entity_index[e].add(best)
        return best

    def _score(self, cid: int, vec: dict[int, float], doc: DocInfo) -> float:
        total = self._sums[cid]
        norm = math.sqrt(self._sq_norms[cid]) or 1.0
        cosine = sum(w * total.get(t, 0.0) for t, w in vec.items()) / norm
        return join_score(cosine, doc, self._as_doc(cid), self.config)

    def merge_pass(self) -> None:
        """Merge pairs of events that streaming kept apart only because of arrival order.

        Every pair of events sharing an indexed term or entity is scored like a
        report against an event (centroid cosine, shared entities, figures, time);
        pairs over the bar merge, best first (union-find, one round).
        """
        cfg = self.config
        n = len(self.clusters)
        norms = [math.sqrt(x) or 1.0 for x in self._sq_norms]
        pairs: list[tuple[float, int, int]] = []
        for a in range(n):
            total = self._sums[a]
            top = sorted(total, key=total.__getitem__, reverse=True)[: cfg.index_terms]
            hits: Counter[int] = Counter()
            for t in top:
                hits.update(self._index.get(int(t), ()))
            for e in self.clusters[a].entities:
                hits.update(self._entity_index.get(e, ()))
            unit = {t: w / norms[a] for t, w in total.items()}
            info = self._as_doc(a)
            for b, _ in hits.most_common(cfg.max_candidates):
                if b <= a:
                    continue
                score = self._score(b, unit, info)
                near = self._near(b, info)
                needed = cfg.undated_threshold if near is None else (cfg.threshold if near else cfg.far_threshold)
                if score >= needed + cfg.merge_boost:
                    pairs.append((score, a, b))
        parent = list(range(n))

        def root(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        span = {c: (self.clusters[c].first, self.clusters[c].last) for c in range(n)}
        for _, a, b in sorted(pairs, reverse=True):
            ra, rb = root(a), root(b)
            if ra == rb:
                continue
            (fa, la), (fb, lb) = span[ra], span[rb]
            if fa and fb and max((fa - lb).days, (fb - la).days) > cfg.window_days:
                continue  # an undated event must not bridge two dated ones far apart
            parent[rb] = ra
            days = [d for d in (fa, la, fb, lb) if d]
            span[ra] = (min(days), max(days)) if days else (None, None)
        groups: dict[int, list[int]] = defaultdict(list)
        for c in range(n):
            groups[root(c)].extend(self.clusters[c].members)
        merged = [_Cluster(members=sorted(m, key=self._arrival.__getitem__)) for m in groups.values()]
        self.clusters = sorted(merged, key=lambda c: self._arrival[c.members[0]])

    def _as_doc(self, cid: int) -> DocInfo:
        """An event seen as one report: its entities, figures and (middle) date."""
        c = self.clusters[cid]
        day = c.first + (c.last - c.first) / 2 if c.first and c.last else None
        year = min(c.years) if c.years and not day else None
        return DocInfo(set(c.entities), c.figures, day, year)

    def _near(self, cid: int, doc: DocInfo) -> bool | None:
        """Within the time window of the event? None when time is unknown on either side."""
        cluster = self.clusters[cid]
        if doc.day and cluster.first and cluster.last:
            gap = max((cluster.first - doc.day).days, (doc.day - cluster.last).days, 0)
            return gap <= self.config.window_days
        year = doc.day.year if doc.day else doc.year
        if year and cluster.years:
            return min(cluster.years) - 1 <= year <= max(cluster.years) if doc.day is None else year in cluster.years
        return None


def cluster_articles(articles: list[Article], config: ClusterConfig | None = None) -> list[list[Article]]:
    """Group articles into events; articles are taken in publication order."""
    if not articles:
        return []
    infos = [doc_info(a) for a in articles]
    ordered = sorted(range(len(articles)), key=lambda i: (infos[i].day is None, infos[i].day or date.min, i))
    try:
        matrix = make_vectorizer().fit_transform([document_text(a.title, a.text) for a in articles])
    except ValueError:  # no usable words at all (e.g. only numbers)
        return [[a] for a in articles]
    clusterer = StreamingClusterer(matrix, config)
    for i in ordered:
        clusterer.add(i, infos[i])
    if clusterer.config.merge_pass:
        clusterer.merge_pass()
    return [[articles[i] for i in c.members] for c in clusterer.clusters]
