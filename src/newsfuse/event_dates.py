"""The event's date from its reports: the day the reports' own words give for the incident.

Each report's *incident day* is read from its date mentions (resolved against its
publication date, each with a role, :func:`newsfuse.analysis.dates.date_role`):

1. a date in a sentence saying the incident happened ("was shot late Saturday") in the
   week before the report, the earliest of them (later ones are updates);
2. else such a date stated in full further back ("was killed on March 7"): a follow-up,
   weeks later, names the day of the incident it follows;
3. else a date near no word that says what happened then, in the report's lead;
4. else the publication date, marked as such (``basis="publication"``).

Report stamps ("Posted: ...", a tweet's time) never count, and neither do dates of what came
after ("was arrested Monday", "in stable condition Friday"). A bare weekday six days back is
ambiguous (last week's, or the day after a publication stamp that lags the report's local
day) and is taken only when nothing else is.

The event's day is the day most reports give from their text, the earliest of a tie. When
some reports' leads tell the incident with its day, only they vote: a report that names
the day only in passing (a follow-up, a round-up) does not outvote them. The publication
dates only vote when no report's text dates the incident.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .analysis.undated import report_date
from .cluster.features import LEAD_SENTENCES, lead_end
from .models import Article, DateMention, EventDate, InferredDate

CORE_SPAN_DAYS = 1
RECENT_DAYS = 7  # a weekday or "yesterday" reaches a week back at most
FOLLOW_UP_DAYS = 366  # a follow-up names its incident's date up to a year on
_EXPLICIT = re.compile(r"\d")  # "March 7", "3/7", "2016-03-07": a date stated in full, not a weekday
_BARE_WEEKDAY_AMBIGUOUS_DAYS = 6
_TIERS = ("the lead's incident sentence", "an incident sentence", "a follow-up's date of the incident",
          "the lead", "the text", "an ambiguous weekday")


@dataclass(frozen=True)
class ReportDay:
    """The day one report gives for its incident and what it rests on."""

    day: date | None
    basis: str  # text, publication, unknown
    evidence: str = ""
    rank: int = len(_TIERS)  # which of _TIERS found it (0: the lead's incident sentence); publication after them


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _ambiguous_weekday(m: DateMention, day: date, written: date | None) -> bool:
    return (written is not None and (written - day).days == _BARE_WEEKDAY_AMBIGUOUS_DAYS
            and not _EXPLICIT.search(m.text))


def _earliest(found: list[tuple[date, DateMention]]) -> tuple[date, DateMention]:
    return min(found, key=lambda x: (x[0], x[1].start))


def _first(found: list[tuple[date, DateMention]]) -> tuple[date, DateMention]:
    return min(found, key=lambda x: x[1].start)


def report_incident_day(article: Article) -> ReportDay:
    """The day this report puts its incident on (see the module docstring)."""
    when = report_date(article)
    written = _parse(when.value) if when.precision == "day" else None
    lead = lead_end(article, LEAD_SENTENCES)
    recent: list[tuple[date, DateMention]] = []
    older: list[tuple[date, DateMention]] = []
    doubtful: list[tuple[date, DateMention]] = []
    for m in article.dates:
        day = _parse(m.value) if m.precision == "day" else None
        if day is None or m.role in ("stamp", "aftermath"):
            continue
        if written is None or 0 <= (written - day).days <= RECENT_DAYS:
            if _ambiguous_weekday(m, day, written):
                doubtful.append((day, m))
            else:
                recent.append((day, m))
        elif (0 < (written - day).days <= FOLLOW_UP_DAYS and m.role == "incident"
              and _EXPLICIT.search(m.text)):
            older.append((day, m))
    incident = [x for x in recent + older if x[1].role == "incident"]
    in_lead = [x for x in incident if x[1].start < lead]
    tiers = [
        (in_lead, _earliest),
        ([x for x in recent if x[1].role == "incident"], _first),
        (older, _first),
        ([x for x in recent if x[1].start < lead], _earliest),
        (recent, _first),
        (doubtful, _first),
    ]
    for rank, (found, pick) in enumerate(tiers):
        if found:
            day, m = pick(found)
            return ReportDay(day, "text", f"{_TIERS[rank]}: {m.text!r}", rank)
    if written is None:
        return ReportDay(None, "unknown", when.evidence)
    # an undated report's own date inferred from its words ("Tuesday (13/9)") is still text
    return ReportDay(written, "publication" if article.published else "text", when.evidence)


def report_event_day(article: Article) -> InferredDate:
    """When the report says its news happened, else when it was written."""
    got = report_incident_day(article)
    if got.day is not None:
        return InferredDate(got.day.isoformat(), "day", got.evidence)
    return report_date(article)


def event_date(articles: list[Article]) -> EventDate:
    """The day most reports give and the days next to it (a night's fighting spans two):
    a follow-up weeks later does not stretch the incident's date. Reports whose lead tells the
    incident with its day outvote the others; text beats publication."""
    found = [report_incident_day(a) for a in articles]
    for basis in ("text", "publication"):
        dated = [f for f in found if f.basis == basis and f.day is not None]
        lead_told = [f.day for f in dated if f.rank == 0]
        days = lead_told or [f.day for f in dated]
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
