"""Publication dates given by metadata, normalised to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise_published(value: Any) -> tuple[str | None, bool]:
    """Return (ISO date or None, whether the given value could not be understood).

    Only what the source states is used: no value means None, never today.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, False
    text = str(value).strip()
    match = _ISO.match(text)
    if match:
        try:
            return datetime(*map(int, match.groups())).date().isoformat(), False
        except ValueError:
            return None, True
    try:
        from dateutil import parser as dateutil_parser

        parsed = dateutil_parser.parse(text, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None, True
    if parsed.year == 1:
        return None, True
    return parsed.date().isoformat(), False
