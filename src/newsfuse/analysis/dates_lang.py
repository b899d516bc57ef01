"""Dates in French and Spanish text, resolved against the publication date.

The spans are the forms news in both languages uses: a day and a month, maybe a weekday
before and a year after ("mardi 13 septembre 2022", "el martes 13 de septiembre"), a month
and year, a weekday alone ("lundi", "el lunes": the last such day up to the report's), and
yesterday or today ("hier", "ayer"). ``dateparser`` reads the day-and-month forms in the
article's language; a weekday alone and relative words are counted from the publication
date (without one they stay unresolved, as in English).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

from ..models import DateMention
from .languages import lexicon

AHEAD_DAYS = 7  # a day-and-month later than this after publication is last year's


@lru_cache(maxsize=None)
def _span_re(lang: str) -> re.Pattern[str]:
    lex = lexicon(lang)
    month = lex.pattern("month").pattern
    weekday = lex.pattern("weekday").pattern
    relative = lex.pattern("relative").pattern
    day_month = rf"(?:{weekday}\s+)?\d{{1,2}}(?:er|º|°)?\s+(?:de\s+)?{month}(?:\s+(?:de\s+)?\d{{4}})?"
    month_year = rf"{month}\s+(?:de\s+)?\d{{4}}"
    return re.compile(rf"{day_month}|{month_year}|{weekday}|{relative}", re.I)


def find_dates_lang(text: str, published: str | None, lang: str) -> list[DateMention]:
    """Every date expression of ``text`` with its resolved ISO date and precision."""
    pub = _parse(published)
    lex = lexicon(lang)
    out = []
    for m in _span_re(lang).finditer(text):
        low = re.sub(r"\s+", " ", m.group().lower())
        value, precision = None, "unknown"
        if low in lex.of("relative"):
            if pub:
                value, precision = (pub + dt.timedelta(days=int(lex.of("relative")[low]))).isoformat(), "day"
        elif low in lex.of("weekday"):
            if pub:
                back = (pub.weekday() - int(lex.of("weekday")[low])) % 7
                value, precision = (pub - dt.timedelta(days=back)).isoformat(), "day"
        else:
            value, precision = _dateparse(m.group(), pub, lang)
        out.append(DateMention(m.start(), m.end(), m.group(), value, precision))
    return out


def _dateparse(s: str, pub: dt.date | None, lang: str) -> tuple[str | None, str]:
    has_day = bool(re.search(r"\d{1,2}(?:er|º|°)?\s+(?:de\s+)?[^\W\d_]", s))
    settings = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
    if pub:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(s, languages=[lang], settings=settings)
    if parsed is None:
        return None, "unknown"
    day = parsed.date()
    if pub and not re.search(r"\d{4}", s) and (day - pub).days > AHEAD_DAYS:
        day = day.replace(year=day.year - 1)
    return (day.isoformat(), "day") if has_day else (day.replace(day=1).isoformat()[:7] + "-01", "month")


def _parse(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
