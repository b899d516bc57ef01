"""Resolve the date expressions in a report to ISO dates, honestly.

An event's date is read from the report's own words ("on Tuesday", "13
September 2022", "yesterday"), nearly always relative to when the report was
published. Three rules keep the answer honest:

* Relative expressions are anchored to the publication date and nothing else
  (or, when none is given, to the full date the report stamps itself with near
  its top: a dateline's "(Jan. 22, 2013)", "Posted: ..."). Without either they
  keep ``value=None, precision="unknown"``: anchoring to today's date would
  silently invent a date.
* Absolute dates resolve without a publication date ("13 September 2022",
  "2022-09-13", "in 2020"). A day and month without a year ("September 13",
  "13/9") need the publication date to pick the year (the latest such day on
  or before publication); without one the mention is kept with value None.
* Durations and ages are not dates ("six weeks", "a 40-minute battle", "for
  decades", "two years", "12 years old"): they are skipped, as is any span with
  no date word in it.

Precision is one of day, month, year, unknown (``value`` is the first day of
the month or year for month/year precision). A weekday is the latest such day
on or before publication: "on Tuesday" in a Wednesday report is the day
before, "on Wednesday" is the publication day itself (reports say "on
Wednesday" for their own day's news); "last Tuesday" is strictly before;
"next Tuesday" strictly after. "Overnight" and "last night" name the night
that ends on the publication morning: "overnight" -> the publication date
(most such attacks are after midnight), "last night" -> the day before.
Week-level expressions ("last week", "the weekend") have no precision of their
own in the schema: they carry the week's Monday (the weekend's Saturday) with
precision "unknown". Expressions relative to the story's own timeline ("the
previous day", "a day later") are kept with value None.

Each mention also gets a role (:func:`date_role`): ``stamp`` for the report's own time
("Posted: ...", a dateline's "(Jan. 22, 2013)"), ``incident`` or ``aftermath`` by the
nearest word of what happened then ("was shot Friday" / "was arrested Monday"), or "".

Ambiguous all-numeric dates ("5/6/2022") keep value None, and without a year
("5/6", "1/3") they are skipped as likely fractions or scores; day-first is
assumed only when the first number cannot be a month ("13/9"). A bare month
name is only found after a date preposition ("in May", not "Johnson and May").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from ..models import DateMention

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)day"
_WD_PREFIX = rf"(?:{_WD},?\s+(?:the\s+)?)?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUMWORD = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"fifteen|twenty|thirty|forty|fifty|sixty|several|a\s+few|a\s+couple\s+of|\d+)")
_COUNTED = r"(?:people|persons|men|women|children|soldiers|troops|civilians|residents|others)"

# Regex finds for find_date_spans: (pattern, capture group holding the span).
_FINDERS = [(re.compile(p), g) for p, g in [
    (rf"\b{_WD_PREFIX}{_MONTH}\s+\d{{1,2}}{_ORD}(?:,?\s+{_YEAR})?(?!\d)", 0),     # Sept. 13, 2022
    (rf"\b{_WD_PREFIX}\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", 0),  # 13 September
    (rf"\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s]+)?{_MONTH}\s+(?:of\s+)?{_YEAR}\b", 0),  # September 2022
    (r"\b\d{4}-\d{2}-\d{2}\b", 0),
    (r"(?<![\d/])\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?(?![\d/])", 0),              # 13/9, 13/09/2022
    (rf"\b(?i:in|since|during|until|till|by|from|before|after|through|throughout|between"
     rf"|of|early|late|mid-?)\s+((?:(?:early|late|mid)[-\s]+)?{_FULL_MONTH})\b", 1),
    (rf"\b(?i:in|since|during|until|till|by|from|before|after|throughout)\s+"
     rf"({_YEAR})\b(?![-–]?\d|,\d|\s+{_COUNTED})", 1),                            # in 2020
    (rf"\b(?:[Ee]arly|[Ll]ate|[Mm]id)[-\s]+{_YEAR}\b", 0),
    (rf"(?i:\b(?:(?:the\s+)?(?:early|small|wee)\s+hours\s+of\s+|overnight\s+(?:on\s+|into\s+|to\s+)?"
     rf"|last\s+|this\s+(?:past\s+)?|next\s+|late\s+|early\s+)?)\b{_WD}"
     r"(?:\s+(?:night|morning|afternoon|evening))?\b", 0),                        # early hours of Tuesday
    (r"(?i)\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight|last\s+night|"
     r"this\s+(?:morning|afternoon|evening)|overnight|earlier\s+today|"
     r"(?:last|this|next|(?:earlier|later)\s+this)\s+(?:week|month|year)|(?:last|this|next|the)\s+weekend|"
     rf"{_NUMWORD}\s+(?:days?|weeks?|months?|years?)\s+ago)\b", 0),
]]

_AGE = re.compile(r"\b(?:years?|months?)[-\s]+old\b|\baged\b", re.I)
_DECADE = re.compile(r"\b(?:19|20)?\d0['’]?s\b|\b(?:decade|century)\b", re.I)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?"
_DURATION = re.compile(rf"(?i)(?:\b{_NUMWORD}|\d+|\bmany|\bdozens\s+of|\bcouple\s+of)[-\s]+{_UNIT}\b"
                       rf"|^(?:for\s+|over\s+|in\s+|recent\s+|the\s+coming\s+|the\s+past\s+)?{_UNIT}$")
_NARRATIVE = re.compile(r"(?i)\b(?:the\s+(?:previous|following|next|same)\s+(?:day|night|morning|week)"
                        r"|the\s+day\s+(?:before|after)|that\s+(?:day|night|morning)"
                        r"|an?\s+(?:day|week|month|year)\s+(?:earlier|later|before)"
                        r"|(?:days|weeks|months|years)\s+(?:earlier|later))\b")
_REL_DAY = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
            "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0,
            "overnight": 0, "tomorrow": 1}
_SETTINGS_BASE = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                  "PREFER_DAY_OF_MONTH": "first"}


def infer_year_for_weekday(day: int, month: int, weekday: int, years: range) -> list[int]:
    """Years in ``years`` in which ``day``/``month`` falls on ``weekday`` (Monday=0).

    An undated report saying "Tuesday, September 13" fits only a few years;
    intersected with other evidence this can date the report."""
    out = []
    for y in years:
        try:
            if dt.date(y, month, day).weekday() == weekday:
                out.append(y)
        except ValueError:  # 29 February in a common year
            continue
    return out


def find_date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of explicit and relative date expressions, found by
    regex (used when no NER spans are supplied); overlaps keep the longer."""
    found = []
    for pattern, group in _FINDERS:
        for m in pattern.finditer(text):
            if m.group(group):
                found.append(m.span(group))
    return _dedupe(found)


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest first, each span kept unless it overlaps one kept before (a bisection into
    the kept ones, which never overlap: a log of dates and times stays fast)."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(set(spans), key=lambda p: (p[0] - p[1], p[0])):
        k = bisect_right(ends, s)  # the first kept span ending after s
        if k < len(starts) and starts[k] < e:
            continue
        starts.insert(k, s)
        ends.insert(k, e)
    return list(zip(starts, ends))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "\"'“‘(,;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\"'”’),;:."):
        if text[e - 1] == "." and re.search(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$",
                                            text[s:e]):
            break
        e -= 1
    return s, e


def resolve_dates(text: str, spans: list[tuple[int, int]], published: str | None) -> list[DateMention]:
    """Date mentions for the candidate ``spans`` (e.g. spaCy DATE/TIME
    entities) plus this module's own regex finds, resolved against
    ``published`` (ISO date or datetime string, or None).

    Spans that are not dates (durations, ages, no date word) are dropped;
    of overlapping resolvable spans the longer is kept."""
    pub = _parse_published(published) or own_date(text, spans)
    resolved: dict[tuple[int, int], tuple[str | None, str]] = {}
    for s, e in [*spans, *find_date_spans(text)]:
        s, e = _trim(text, max(0, s), min(len(text), e))
        if e > s and (s, e) not in resolved:
            try:
                r = _resolve(text[s:e], pub)
            except (OverflowError, ValueError):  # "tomorrow" after 9999-12-31: no such date
                r = (None, "unknown")
            if r is not None:
                resolved[(s, e)] = r
    out = []
    for s, e in _dedupe(list(resolved)):
        value, precision = resolved[(s, e)]
        out.append(DateMention(s, e, text[s:e], value, precision if value else "unknown", date_role(text, s, e)))
    return out


# What a date in a report dates. A report's own time is stamped next to "Posted:", a clock time,
# a tweet's handle or a dateline's parentheses; of the words that say what happened on a date,
# the one nearest to it tells: "was shot Friday" dates the incident, "was arrested Monday" or
# "in stable condition Friday after being shot" what came after it.
_STAMP_BEFORE = re.compile(r"(?:\b(?i:posted|updated|published|modified|created|date)\b[^\n]{0,12}"
                           r"|\(@\w+\)\s*|\b[A-Z]{2,}[^\n]{0,20}\(\s*)$")
_STAMP_AFTER = re.compile(r"(?i)(?:\)\s*[-—–:|]|[,\s@\-–—|at]{0,6}\d{1,2}:\d\d)")
_INCIDENT_CUES = (r"shot|shoot(?:ing|ings|out)|gunfire|gunshots?|fired|opened\s+fire|rang\s+out|kill(?:ed|ing)|"
                  r"wound(?:ed|ing)|injur(?:ed|ing)|hurt|struck|stabb(?:ed|ing)|murder(?:ed)?|slain|"
                  r"happened|occurred|took\s+place|erupted|broke\s+out|attack(?:ed)?|robb(?:ed|ery)|"
                  r"crash(?:ed)?|explo(?:ded|sion)|blasts?|clash(?:ed|es)|fighting|shell(?:ed|ing)|"
                  r"bomb(?:ed|ing)|raid(?:ed)?|homicide|found|responded|dispatched|called\s+to|"
                  # not only violence: disasters, accidents and protests are incidents too
                  r"flood(?:s|ed|ing)?|fire|blaze|storm|earthquake|quake|landslide|collaps(?:ed|e)|"
                  r"evacuat(?:ed|ion)|derailed|protest(?:s|ed|ers)?|demonstrat(?:ion|ions|ors|ed)|"
                  r"riot(?:s|ed|ing)?|rall(?:y|ied)|marched")
_AFTERMATH_CUES = (r"arrest(?:ed|s)?|charge[ds]?|booked|arraign(?:ed|ment)|court|judge|sentenc(?:ed|ing)|"
                   r"convicted|pleaded|plea|trial|hearing|bond|bail|indicted|jury|identified|named|"
                   r"announced|confirmed|statement|conference|vigil|funeral|memorial|hospital(?:ized)?|"
                   r"condition|recovering|remain(?:s|ed)|custody|surrendered|turned\s+(?:him|her)self\s+in|"
                   r"warrant|investigat(?:ing|ion)|released|update[ds]?")
_SAYING = r"said|says|told"  # dates the saying only before the date: "said Friday", not "on Friday, police said"
_CUE = re.compile(rf"(?i)\b(?:(?P<incident>{_INCIDENT_CUES})|(?P<aftermath>{_AFTERMATH_CUES})|(?P<saying>{_SAYING}))\b")
# A sentence ends at . ? ! or a line break, but not after "p.m.", "St." or an initial.
_SENTENCE_END = re.compile(r"(?<!\b[ap]\.m)(?<!\b(?:St|Dr|Mr|Ms|No|Jr|Sr|Lt|Ft|Mt))(?<!\b(?:Ave|Mrs|Sgt))"
                           r"(?<!\b[A-Z])[.?!](?=\s)|\n")
_CLAUSE_CHARS = 150
STAMP_CHARS = 400  # a report's own stamp or dateline is near its top


def date_role(text: str, start: int, end: int) -> str:
    """"stamp" for the report's own timestamp, "incident" or "aftermath" by the nearest word of
    the sentence saying what happened then, "" when no such word is near."""
    line_start = text.rfind("\n", 0, start) + 1
    if re.search(_YEAR, text[start:end]) and (_STAMP_BEFORE.search(text, max(line_start, start - 40), start)
                                              or _STAMP_AFTER.match(text, end, end + 12)
                                              or re.search(r"\d:\d\d", text[start:end])):
        return "stamp"
    lo = max(0, start - _CLAUSE_CHARS)
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end, end + _CLAUSE_CHARS)
    hi = m.start() if m else min(len(text), end + _CLAUSE_CHARS)
    best: tuple[int, str] | None = None
    for m in _CUE.finditer(text, lo, hi):
        if start <= m.start() < end or (m.group("saying") and m.start() >= end):
            continue
        gap = start - m.end() if m.end() <= start else m.start() - end
        kind = "incident" if m.group("incident") else "aftermath"
        if best is None or gap < best[0] or (gap == best[0] and kind == "incident"):
            best = (gap, kind)
    return best[1] if best else ""


def own_date(text: str, spans: list[tuple[int, int]] | tuple[()] = ()) -> dt.date | None:
    """The full date a report stamps itself with near its top: a dateline's "(Jan. 22, 2013)",
    "Posted: ...". Wire copy and press releases carry their date there, not in metadata."""
    head = [(s, e) for s, e in spans if e <= STAMP_CHARS] + find_date_spans(text[:STAMP_CHARS])
    for s, e in sorted(head):
        s, e = _trim(text, max(0, s), min(len(text), e))
        if e > s and date_role(text, s, e) == "stamp":
            try:
                value, precision = _resolve(text[s:e], None) or (None, "unknown")
            except (OverflowError, ValueError):
                continue
            if value and precision == "day":
                return dt.date.fromisoformat(value)
    return None


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparse(s: str, base: dt.date | None) -> dt.date | None:
    """dateparser with the settings this module promises (base = publication)."""
    import dateparser  # slow first import: only pay for it when needed

    settings = dict(_SETTINGS_BASE)
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    r = dateparser.parse(s, languages=["en"], settings=settings)
    return r.date() if r else None


def _month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return _MONTHS.get(w) or _MONTH_ABBR.get(w)


def _iso(d: dt.date | None, precision: str) -> tuple[str | None, str]:
    if d is None:
        return None, "unknown"
    if precision == "month":
        d = d.replace(day=1)
    elif precision == "year":
        d = d.replace(month=1, day=1)
    return d.isoformat(), precision


def _resolve(s: str, pub: dt.date | None) -> tuple[str | None, str] | None:
    """(ISO value or None, precision) for one span's text, or None to skip it."""
    s = " ".join(s.split())
    low = s.lower()
    if _AGE.search(s) or (_DECADE.search(s) and not re.search(rf"\b{_YEAR}\b", s)):
        return None
    if _NARRATIVE.search(s):
        return None, "unknown"
    has_anchor = re.search(rf"{_MONTH}|{_WD}|\b{_YEAR}\b|\bago\b|/", s)
    if _DURATION.search(s) and not has_anchor:
        return None
    if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", s):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?", s):
        return _numeric(int(m[1]), int(m[2]), m[3], pub)
    explicit = (re.search(rf"\b({_MONTH})\s+(\d{{1,2}}){_ORD}\b(?:,?\s+({_YEAR}))?", s)
                or re.search(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?\b", s))
    if explicit:
        a, b, year = explicit.groups()
        month, day = (_month_of(a), int(b)) if not a[0].isdigit() else (_month_of(b), int(a))
        if month is None:
            return None
        if year:
            return _safe_date(int(year), month, day)
        if pub is None:
            return None, "unknown"
        return _iso(_dateparse(f"{day} {list(_MONTHS)[month - 1]}", pub), "day")
    if m := re.search(rf"\b({_MONTH})\s+(?:of\s+)?({_YEAR})\b", s):
        month = _month_of(m[1])
        return _iso(dt.date(int(m[2]), month, 1), "month") if month else None
    if m := re.search(rf"(?i)\b(last\s+|next\s+)?({_WD})\b", s):
        if pub is None:
            return None, "unknown"
        wd = _weekday(m[2])
        back = (pub.weekday() - wd) % 7
        if m[1] and m[1].lower().startswith("last"):
            back = back or 7
        elif m[1]:
            return _iso(pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7), "day")
        return _iso(pub - dt.timedelta(days=back), "day")
    rel = _relative(low, pub)
    if rel is not None:
        return rel
    if m := re.search(rf"\b({_FULL_MONTH})\b", s):
        if pub is None:
            return None, "unknown"
        q = "next " if re.search(r"(?i)\bnext\b", s) else ""
        return _iso(_dateparse(q + m[1], pub), "month")
    if m := re.search(rf"\b({_YEAR})\b", s):
        return _iso(dt.date(int(m[1]), 1, 1), "year")
    return None


def _weekday(word: str) -> int:
    w = word.lower()
    return next(i for name, i in _WEEKDAYS.items() if w[:3] == name[:3])


def _safe_date(y: int, m: int, d: int) -> tuple[str | None, str] | None:
    try:
        return dt.date(y, m, d).isoformat(), "day"
    except ValueError:
        return None


def _numeric(a: int, b: int, year: str | None, pub: dt.date | None) -> tuple[str | None, str] | None:
    """All-numeric d/m(/y): day-first only when the first part cannot be a month."""
    if (a, b) == (24, 7) or not (1 <= a <= 31 and 1 <= b <= 31):
        return None
    if a > 12 and b <= 12:
        day, month = a, b
    elif b > 12 and a <= 12:
        day, month = b, a
    elif a <= 12 and b <= 12:
        return (None, "unknown") if year else None  # 5/6: which is the month? (or a fraction)
    else:
        return None
    if year:
        y = int(year) + (2000 if len(year) == 2 else 0)
        return _safe_date(y, month, day)
    if pub is None:
        return None, "unknown"
    for y in (pub.year, pub.year - 1):
        try:
            if dt.date(y, month, day) <= pub:
                return dt.date(y, month, day).isoformat(), "day"
        except ValueError:
            continue
    return None


def _relative(low: str, pub: dt.date | None) -> tuple[str | None, str] | None:
    """yesterday, last week, the weekend, earlier this month, three days ago..."""
    for phrase, days in _REL_DAY.items():
        if re.search(rf"\b{phrase}\b", low):
            return _iso(pub + dt.timedelta(days=days), "day") if pub else (None, "unknown")
    m = re.search(r"\b(last|this|next|the|earlier this|later this)\s+(week|weekend|month|year)\b", low)
    if m:
        if pub is None:
            return None, "unknown"
        shift = {"last": -1, "next": 1}.get(m[1], 0)
        if m[2] == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
            return monday.isoformat(), "unknown"
        if m[2] == "weekend":
            back = (pub.weekday() - 5) % 7  # latest Saturday on or before publication
            sat = pub - dt.timedelta(days=back) + dt.timedelta(weeks=max(shift, 0))
            return sat.isoformat(), "unknown"
        if m[2] == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
            return dt.date(y, mo + 1, 1).isoformat(), "month"
        return dt.date(pub.year + shift, 1, 1).isoformat(), "year"
    m = re.search(r"\b(days?|weeks?|months?|years?)\s+ago\b", low)
    if m:
        if pub is None:
            return None, "unknown"
        precision = {"d": "day", "w": "unknown", "m": "month", "y": "year"}[m[1][0]]
        return _iso(_dateparse(low[:m.end()], pub), precision)
    return None
