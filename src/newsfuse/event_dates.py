"""The event's date from its reports: the day the reports' own words give for the incident.

Each report's incident day is read by :func:`newsfuse.analysis.incident_day.report_incident_day`
(the lead's sentence that tells the incident first; never a report's own stamp or the day of
what came after; the publication date only when the words give no day).

The event's day is the day most reports give from their text, the earliest of a tie. When
some reports' leads tell the incident with its day, only they vote; else the reports with
any sentence telling it: a report that names a day only in passing (a plea, a round-up)
does not outvote them. The publication dates only vote when no report's text dates the
incident.
"""

from __future__ import annotations

from collections import Counter

from .analysis.incident_day import ReportDay, report_incident_day
from .analysis.undated import report_date
from .models import Article, EventDate, InferredDate

__all__ = ["ReportDay", "event_date", "report_event_day", "report_incident_day"]

CORE_SPAN_DAYS = 1
TOLD_RANK = 2  # ranks 0-2 of incident_day.TIERS: a sentence telling the incident dates it


def report_event_day(article: Article) -> InferredDate:
    """When the report says its news happened, else when it was written."""
    got = report_incident_day(article)
    if got.day is not None:
        return InferredDate(got.day.isoformat(), "day", got.evidence)
    return report_date(article)


def event_date(articles: list[Article]) -> EventDate:
    """The day most reports give and the days next to it (a night's fighting spans two):
    a follow-up weeks later does not stretch the incident's date. Reports whose lead tells the
    incident with its day outvote the others, then reports with any sentence telling it; text
    beats publication."""
    found = [report_incident_day(a) for a in articles]
    for basis in ("text", "publication"):
        dated = [f for f in found if f.basis == basis and f.day is not None]
        lead_told = [f.day for f in dated if f.rank == 0]
        told = [f.day for f in dated if f.rank <= TOLD_RANK]  # a sentence that tells the incident
        days = lead_told or told or [f.day for f in dated]
        if days:
            counts = Counter(days)
            top = max(counts.values())
            core = min(d for d, n in counts.items() if n == top)
            near = sorted(d for d in counts if abs((d - core).days) <= CORE_SPAN_DAYS)
            return EventDate(near[0].isoformat(), near[-1].isoformat(), "day", basis)
    inferred = [report_date(a) for a in articles]
    years = sorted(d.value[:4] for d in inferred if d.value and d.precision == "year")
    if years:
        return EventDate(years[0], years[-1], "year", "text")
    return EventDate(None, None, "unknown", "unknown")
