"""Infer when an undated report was written, from its own words.

Plain-text files carry no publication date, but reports date themselves:

* a weekday with a day and month ("Tuesday, September 13") fits only some
  years; among the years the text allows (not before the latest year it
  mentions, at most ``HORIZON`` years after), one fit gives the date;
* "two years after the 2020 war", "since they fought two years ago" beside a
  "2020 war", "last year's war" beside "the 2021 war": a relative year offset
  next to an explicit year naming the same thing gives the report's year.

Each inference keeps its evidence (the words it came from) and a precision.
When nothing fits, the answer is "unknown" — never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from ..models import Article, InferredDate
from .dates import infer_year_for_weekday, own_date

HORIZON = 8  # a report is at most this many years after the latest year it mentions
STAMP_EVIDENCE = "the report's own dateline or stamp"

_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTHS = "january february march april may june july august september october november december".split()
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY_DATE = [
    re.compile(rf"{_WD}\s*[,(]?\s*(?:the\s+)?{_MON}\s+{_DAY}\b", re.I),  # Tuesday (September 13th)
    re.compile(rf"{_WD}\s*[,(]?\s*(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}\b", re.I),  # Tuesday, 13 September
    re.compile(rf"{_WD}\s*\(\s*(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})\s*\)", re.I),  # Tuesday (13/9)
]
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10}
_OFFSET = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+(?:ago|earlier|after|since)\b"
    r"|\b(?P<last>last|previous)\s+year(?:['’]s)?\b",
    re.I,
)
_STOP = {"the", "and", "for", "was", "are", "has", "had", "its", "but", "not", "who", "two", "one", "that", "with", "from", "their", "this", "have", "been", "were", "which", "since",
         "over", "after", "years", "year", "ago", "last", "said", "also", "into", "between", "when"}


def _sentences_of(article: Article) -> list[str]:
    return [s.text for s in article.sentences] or article.text.split("\n")


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}


def _year_bounds(text: str) -> tuple[int, int] | None:
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return None
    latest = max(years)
    return latest, latest + HORIZON


def from_weekday(text: str) -> InferredDate | None:
    bounds = _year_bounds(text)
    if bounds is None:
        return None
    for pattern in _WEEKDAY_DATE:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            weekday = _WEEKDAYS.index(groups["wd"].lower())
            if groups.get("mon"):
                month, day = _MONTHS.index(groups["mon"].lower()) + 1, int(groups["day"])
            else:
                day, month = int(groups["d2"]), int(groups["m2"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            years = infer_year_for_weekday(day, month, weekday, range(bounds[0], bounds[1] + 1))
            if len(years) == 1:
                iso = dt.date(years[0], month, day).isoformat()
                return InferredDate(iso, "day", f"{m.group(0)!r} falls on a {groups['wd']} only in {years[0]}"
                                    f" between {bounds[0]} and {bounds[1]}")
    return None


def from_split_weekday(text: str) -> InferredDate | None:
    """The report's most-named weekday plus a lone day-month elsewhere in it ("on Tuesday" ...
    "died on September 13"): weaker than both together, so only when the pair fits one year."""
    bounds = _year_bounds(text)
    named = re.findall(_WD, text)
    dates = {(m.group("mon"), m.group("day")) for m in re.finditer(rf"{_MON}\s+{_DAY}\b", text)}
    if bounds is None or not named or len(dates) != 1:
        return None
    lowered = [w.lower() for w in named]
    weekday = max(dict.fromkeys(lowered), key=lowered.count)  # a tie goes to the first named, every run
    mon, day = next(iter(dates))
    month = _MONTHS.index(mon.lower()) + 1
    years = infer_year_for_weekday(int(day), month, _WEEKDAYS.index(weekday), range(bounds[0], bounds[1] + 1))
    if len(years) != 1:
        return None
    return InferredDate(dt.date(years[0], month, int(day)).isoformat(), "day",
                        f"{weekday.title()} (the weekday named most) and {mon} {day} fit together only in {years[0]}")


def from_year_offset(sentences: list[str]) -> InferredDate | None:
    """A relative year ("two years ago") next to an explicit year naming the same thing."""
    votes: dict[int, str] = {}
    dated = [(s, [int(y) for y in _YEAR.findall(s)]) for s in sentences]
    for sentence in sentences:
        for m in _OFFSET.finditer(sentence):
            n = 1 if m.group("last") else _NUM.get(m.group("n").lower(), None) or int(m.group("n"))
            words = _stems(sentence.replace(m.group(0), " "))
            best = None
            for other, years in dated:
                if not years:
                    continue
                shared = words & _stems(other)
                if len(shared) >= 2 and (best is None or len(shared) > best[0]):
                    best = (len(shared), max(years), other)
            if best:
                year = best[1] + n
                votes.setdefault(year, f"{m.group(0)!r} beside {best[1]} ({best[2][:80]!r})")
    if len(votes) == 1:
        year, evidence = next(iter(votes.items()))
        return InferredDate(f"{year}-01-01", "year", evidence)
    return None


def from_stamp(article: Article) -> InferredDate | None:
    """The full date the report stamps itself with near its top (a dateline's "(Jan. 22, 2013)")."""
    day = own_date(article.text)
    return InferredDate(day.isoformat(), "day", STAMP_EVIDENCE) if day else None


def infer_report_date(article: Article) -> InferredDate:
    """The report's date: its publication date when known, else what its text implies."""
    if article.published:
        return InferredDate(article.published[:10], "day", "publication date")
    return (
        from_stamp(article)
        or from_weekday(article.text)
        or from_split_weekday(article.text)
        or from_year_offset(_sentences_of(article))
        or InferredDate(None, "unknown", "no date in metadata or text")
    )


def report_date(article: Article) -> InferredDate:
    """The report's date as analysis stored it (computed now for articles stored before that)."""
    if article.report_date is None:
        article.report_date = infer_report_date(article)
    return article.report_date
