"""The day one report puts its incident on, read from its date mentions.

Each date mention is resolved against the publication date and has a role
(:func:`newsfuse.analysis.dates.date_role`). The report's incident day is, in this order:

0. a date in a sentence of the lead saying the incident happened ("was shot late Saturday"),
   the earliest of them (later ones are updates), within the week before the report or, stated
   in full, up to a year before (a follow-up: "charged in the March 7 shooting");
1. a date in such a sentence further down, in the week before the report (the first);
2. a full date of the incident further down, up to a year before (a follow-up);
3. a date of the lead that no word ties to what happened then, in the week before;
4. such a date further down;
5. a bare weekday six days back (ambiguous: last week's, or the day after a publication
   stamp that lags the report's local day);
6. the day of what came after ("was arrested Monday", "in stable condition Friday"), nearer
   the incident than the report's own date;
7. else the report's own date (its publication date, or the date its dateline stamps it
   with), marked ``basis="publication"``; ``"text"`` for an undated report whose own date
   was inferred from what its words say happened.

Report stamps ("Posted: ...", a tweet's time) never count. The lead is the first
``LEAD_SENTENCES`` sentences, as the clusterer reads it (``cluster.features.lead_end``);
the clusterer can read this module without an import circle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..models import Article, DateMention
from .undated import STAMP_EVIDENCE, report_date

LEAD_SENTENCES = 3
LEAD_CHARS_UNSPLIT = 600  # the lead of a report with no sentences
RECENT_DAYS = 7  # a weekday or "yesterday" reaches a week back at most
FOLLOW_UP_DAYS = 366  # a follow-up names its incident's date up to a year on
_EXPLICIT = re.compile(r"\d")  # "March 7", "3/7", "2016-03-07": a date stated in full, not a weekday
_BARE_WEEKDAY_AMBIGUOUS_DAYS = 6
TIERS = ("the lead's incident sentence", "an incident sentence", "a follow-up's date of the incident",
         "the lead", "the text", "an ambiguous weekday", "what came after it")

Found = tuple[date, DateMention]


@dataclass(frozen=True)
class ReportDay:
    """The day one report gives for its incident and what it rests on."""

    day: date | None
    basis: str  # text, publication, unknown
    evidence: str = ""
    rank: int = len(TIERS)  # which of TIERS found it (0: the lead's incident sentence); own date after them


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _lead_end(article: Article) -> int:
    if not article.sentences:
        return min(len(article.text), LEAD_CHARS_UNSPLIT)
    return article.sentences[min(LEAD_SENTENCES, len(article.sentences)) - 1].end


def _earliest(found: list[Found]) -> Found:
    return min(found, key=lambda x: (x[0], x[1].start))


def _first(found: list[Found]) -> Found:
    return min(found, key=lambda x: x[1].start)


def report_incident_day(article: Article) -> ReportDay:
    """The day this report puts its incident on (see the module docstring)."""
    when = report_date(article)
    written = _parse(when.value) if when.precision == "day" else None
    lead = _lead_end(article)
    recent: list[Found] = []
    older: list[Found] = []
    doubtful: list[Found] = []
    after: list[Found] = []
    for m in article.dates:
        day = _parse(m.value) if m.precision == "day" else None
        if day is None or m.role == "stamp":
            continue
        back = (written - day).days if written else 0
        is_doubtful = back == _BARE_WEEKDAY_AMBIGUOUS_DAYS and not _EXPLICIT.search(m.text)
        if m.role == "aftermath":
            if 0 <= back <= RECENT_DAYS and not is_doubtful:  # "expected in court Monday": tomorrow, not last week
                after.append((day, m))
        elif 0 <= back <= RECENT_DAYS:
            (doubtful if is_doubtful else recent).append((day, m))
        elif 0 < back <= FOLLOW_UP_DAYS and m.role == "incident" and _EXPLICIT.search(m.text):
            older.append((day, m))
    tiers = [
        ([x for x in recent + older if x[1].role == "incident" and x[1].start < lead], _earliest),
        ([x for x in recent if x[1].role == "incident"], _first),
        (older, _first),
        ([x for x in recent if x[1].start < lead], _earliest),
        (recent, _first),
        (doubtful, _first),
        (after, _earliest),
    ]
    for rank, (found, pick) in enumerate(tiers):
        if found:
            day, m = pick(found)
            return ReportDay(day, "text", f"{TIERS[rank]}: {m.text!r}", rank)
    if written is None:
        return ReportDay(None, "unknown", when.evidence)
    own = article.published or when.evidence == STAMP_EVIDENCE  # when it was written, not what happened
    return ReportDay(written, "publication" if own else "text", when.evidence)
