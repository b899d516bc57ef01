"""The event's date from its reports: the day most of them give for the incident."""

from __future__ import annotations

from collections import Counter
from datetime import date

from .analysis.undated import report_date
from .cluster.features import incident_day
from .models import Article, EventDate, InferredDate

CORE_SPAN_DAYS = 1


def report_event_day(article: Article) -> InferredDate:
    """When the report says its news happened (:func:`newsfuse.cluster.features.incident_day`),
    else when it was written."""
    day = incident_day(article)
    return InferredDate(day.isoformat(), "day", "the lead's day") if day else report_date(article)


def event_date(articles: list[Article]) -> EventDate:
    """The day most reports give and the days next to it (a night's fighting spans two):
    a follow-up weeks later does not stretch the incident's date."""
    inferred = [report_event_day(a) for a in articles]
    days = [date.fromisoformat(d.value) for d in inferred if d.value and d.precision == "day"]
    if days:
        counts = Counter(days)
        top = max(counts.values())
        core = min(d for d, n in counts.items() if n == top)
        near = sorted(d for d in counts if abs((d - core).days) <= CORE_SPAN_DAYS)
        return EventDate(near[0].isoformat(), near[-1].isoformat(), "day")
    years = sorted(d.value[:4] for d in inferred if d.value and d.precision == "year")
    if years:
        return EventDate(years[0], years[-1], "year")
    return EventDate(None, None, "unknown")
