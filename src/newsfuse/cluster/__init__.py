"""Group reports into real-world incidents (see :mod:`.incidents` for the rules).

Reports are placed one at a time in the order of the day they put their incident on
(undated last, then by content id), so the same reports give the same events whatever
order they arrived in; a bounded repair pass then merges incidents that order kept
apart.
"""

from __future__ import annotations

from datetime import date

from ..models import Article
from .features import ReportKey, TermStats, report_key
from .incidents import ClusterConfig, Incident, IncidentClusterer, score, timing

__all__ = ["ClusterConfig", "Incident", "IncidentClusterer", "ReportKey", "TermStats", "cluster_articles", "report_key",
           "score", "timing"]


def arrival_order(keys: list[ReportKey], articles: list[Article]) -> list[int]:
    """Dated reports by incident day (else report day), undated after; ties by content id."""
    def sort_key(i: int):
        key = keys[i]
        day = key.incident_day or key.report_day
        return (day is None, day or date.min, key.report_day or date.min, articles[i].id, i)

    return sorted(range(len(articles)), key=sort_key)


def cluster_articles(articles: list[Article], config: ClusterConfig | None = None) -> list[list[Article]]:
    """Group articles into incidents (in memory, one batch); each group in arrival order."""
    if not articles:
        return []
    keys = [report_key(a) for a in articles]
    stats = TermStats.of(keys)
    for key in keys:
        stats.weigh(key)
    clusterer = IncidentClusterer(config)
    order = arrival_order(keys, articles)
    for position, i in enumerate(order):
        clusterer.add(position, keys[i])
    if clusterer.config.merge_pass:
        clusterer.repair(sorted(clusterer.touched))
    groups = sorted(clusterer.groups(), key=lambda g: g[0])
    return [[articles[order[n]] for n in g] for g in groups]
