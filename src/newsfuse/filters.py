"""The event filters, defined once: the CLI (``events``, ``export``), the web page and the
JSON API all turn what a user typed into an :class:`EventQuery` here, so a filter means
the same thing and is refused with the same words wherever it is used.
"""

from __future__ import annotations

import re
from datetime import date

from .store.search import SORTS, EventQuery

ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_PER_PAGE = 100
MAX_COUNT = 10_000_000  # above any report or death count: only a typo gets this far


class BadRequest(ValueError):
    """A request value a user can fix; the web shows it as a 400 with this message. For a
    filter, ``param`` names it (the query-string name) and ``rule`` says what it must be,
    so each caller can name it its own way (``date_from`` on the web, ``--since`` on the
    command line): see :func:`bad_filter`."""

    def __init__(self, message: str, param: str | None = None, rule: str | None = None):
        super().__init__(message)
        self.param = param
        self.rule = rule


def bad_filter(param: str, rule: str) -> BadRequest:
    return BadRequest(f"{param} {rule}", param, rule)


def parse_event_query(q: str | None = None, date_from: str | None = None, date_to: str | None = None,
                      event_type: str | None = None, country: str | None = None,
                      min_sources: str | None = None, sort: str | None = None,
                      page: str | None = None, per_page: str | None = None,
                      min_fatalities: str | None = None) -> EventQuery:
    """Turn query-string values (empty strings from HTML forms mean "no filter") into an EventQuery."""
    for name, value in (("date_from", _clean(date_from)), ("date_to", _clean(date_to))):
        if value:
            check_date(name, value)
    if _clean(date_from) and _clean(date_to) and _clean(date_from)[:len(_clean(date_to))] > _clean(date_to):
        raise bad_filter("date_from", f"{_clean(date_from)} is after the end date {_clean(date_to)}")
    if _clean(sort) and _clean(sort) not in SORTS:
        raise bad_filter("sort", f"must be one of {', '.join(SORTS)}")
    country_code = _clean(country)
    if country_code and not re.fullmatch(r"[A-Za-z]{2}", country_code):
        raise bad_filter("country", "must be a two-letter ISO code such as KG")
    return EventQuery(
        q=(_clean(q) or "")[:200],
        date_from=_clean(date_from),
        date_to=_clean(date_to),
        event_type=_clean(event_type),
        country=country_code.upper() if country_code else None,
        min_sources=_int("min_sources", min_sources, 1, MAX_COUNT),
        min_fatalities=_int("min_fatalities", min_fatalities, 0, MAX_COUNT),
        sort=_clean(sort),
        page=_int("page", page, 1, 100_000) or 1,
        per_page=_int("per_page", per_page, 1, MAX_PER_PAGE) or 20,
    )


def check_date(name: str, value: str) -> None:
    """A year, a month or a day in ISO form (``2024``, ``2024-05``, ``2024-05-14``) that exists."""
    match = ISO_DATE.match(value)
    if not match:
        raise bad_filter(name, f"must be an ISO date like 2024-05-14, not {value!r}")
    year, month, day = (int(x) if x else 1 for x in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        raise bad_filter(name, f"is not a date in the calendar: {value!r}") from None


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _int(name: str, value: str | int | None, low: int, high: int) -> int | None:
    if value is None or not str(value).strip():
        return None
    try:
        n = int(str(value).strip())
    except ValueError:
        raise bad_filter(name, f"must be a whole number, not {value!r}") from None
    if not low <= n <= high:
        raise bad_filter(name, f"must be between {low} and {high}")
    return n
