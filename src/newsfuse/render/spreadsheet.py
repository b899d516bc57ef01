"""Tables as CSV that spreadsheet programs open cleanly, and that pandas and R read back.

* UTF-8 with a byte-order mark: Excel reads the file as UTF-8 only when it starts with one
  (without it "Kırgızstan" arrives as mojibake); ``pandas.read_csv(..., encoding="utf-8-sig")``
  and R's ``readr`` drop it.
* RFC 4180: CRLF line ends, a cell quoted when it holds a comma, a quote or a line break,
  quotes doubled. Line breaks inside a cell are kept, inside its quotes.
* Numbers as numbers: counts and codes unquoted, without a trailing ".0"; an unknown value is
  an empty cell, never "None" or "nan".
* Text from the reports never runs as a formula: a cell that starts with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return gets a leading apostrophe (OWASP's advice against CSV
  injection); spreadsheets hide it and show the text as written.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any, kind: str) -> str:
    """What one cell holds, as text."""
    if value is None:
        return ""
    if kind in ("int", "float") and isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(columns: list[tuple[str, str]], rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Write a header and ``rows`` (each a dict by column name) to ``stream``, opened as text
    with ``newline=""`` (the line ends are written here). Returns how many rows were written."""
    stream.write(BOM)
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([name for name, _ in columns])
    count = 0
    for row in rows:
        writer.writerow([cell(row.get(name), kind) for name, kind in columns])
        count += 1
    return count
