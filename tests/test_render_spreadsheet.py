"""render/spreadsheet: CSV that spreadsheet programs, pandas and the csv module all read as written."""

from __future__ import annotations

import csv
import io

from newsfuse.render.spreadsheet import cell, write_csv

COLUMNS = [("name", "text"), ("count", "int"), ("lat", "float"), ("note", "text")]


def _written(rows) -> str:
    out = io.StringIO(newline="")
    write_csv(COLUMNS, rows, out)
    return out.getvalue()


def test_bom_crlf_and_rfc4180_quoting():
    text = _written([{"name": 'The "Quay", Valencia', "count": 3, "lat": 39.5, "note": "line one\nline two"}])
    assert text.startswith("\ufeffname,count,lat,note\r\n")
    assert text.endswith('\r\n') and text.count("\r\n") == 2  # the header, the row; the cell's own break is kept
    assert '"The ""Quay"", Valencia",3,39.5,"line one\nline two"\r\n' in text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[1] == ['The "Quay", Valencia', "3", "39.5", "line one\nline two"]


def test_numbers_are_numbers_and_unknowns_are_empty():
    assert (cell(23.0, "float"), cell(2.5, "float"), cell(41, "int"), cell(-1.13004, "float")) == \
        ("23", "2.5", "41", "-1.13004")
    assert cell(None, "int") == "" and cell(None, "text") == ""
    assert _written([{"name": "x"}]).endswith("x,,,\r\n")


def test_text_never_runs_as_a_formula():
    for risky in ("=HYPERLINK(\"http://x\")", "+1 call", "-5 dead", "@SUM(A1)", "\tindent"):
        assert cell(risky, "text") == "'" + risky
    assert cell("Batken", "text") == "Batken" and cell(-5, "int") == "-5"  # numbers are no formulas
