"""render/parquet: the same tables as Parquet, typed, and one clear line without pyarrow."""

from __future__ import annotations

import sys

import pytest

from newsfuse.render.export import write_table_parquet
from newsfuse.render.parquet import INSTALL_HINT, ParquetUnavailable, require_pyarrow, write_parquet
from newsfuse.render.tables import TABLES

from .test_render_acled import _record


def test_acled_table_round_trip(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional newsfuse[parquet] extra")
    records = [_record(), _record(id="ev-ba9876543210", fatalities=None, locations=[], brief=[])]
    path = tmp_path / "events.parquet"
    assert write_table_parquet(records, "acled", str(path), exported_at=1_700_000_000) == 2
    table = pq.read_table(path)
    assert table.column_names == TABLES["acled"].names
    types = {f.name: str(f.type) for f in table.schema}
    assert (types["fatalities"], types["latitude"], types["notes"]) == ("int64", "double", "string")
    got = table.to_pylist()
    expected = [row for r in records for row in TABLES["acled"].rows(r, 1_700_000_000)]
    assert got == expected  # unknown values are nulls, not empty strings or NaN


def test_many_rows_are_written_in_groups(tmp_path, monkeypatch):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional newsfuse[parquet] extra")
    monkeypatch.setattr("newsfuse.render.parquet.ROW_GROUP", 4)
    rows = ({"n": i, "text": f"row {i}"} for i in range(10))
    path = tmp_path / "rows.parquet"
    assert write_parquet([("n", "int"), ("text", "text")], rows, str(path)) == 10
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert pq.read_table(path).column("n").to_pylist() == list(range(10))


def test_an_empty_table_keeps_its_columns(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional newsfuse[parquet] extra")
    path = tmp_path / "none.parquet"
    assert write_table_parquet([], "claims", str(path)) == 0
    assert pq.read_table(path).column_names == TABLES["claims"].names


def test_without_pyarrow_one_line_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    with pytest.raises(ParquetUnavailable) as caught:
        require_pyarrow()
    assert INSTALL_HINT in str(caught.value) and "\n" not in str(caught.value)
