"""Tables as Parquet files (pyarrow, the optional ``newsfuse[parquet]`` extra): the same
columns as the CSV, typed (text as strings, counts and codes as 64-bit integers, coordinates
and figures as doubles, unknown values as nulls), written in row groups as the events are
read, so a big store is never held in memory."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

ROW_GROUP = 5000
INSTALL_HINT = "pip install 'newsfuse[parquet]'"


class ParquetUnavailable(Exception):
    """pyarrow is not installed."""


def require_pyarrow() -> None:
    """Raise ParquetUnavailable (with the install line) unless pyarrow can be imported."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ParquetUnavailable(f"writing Parquet needs pyarrow: {INSTALL_HINT}") from None


def write_parquet(columns: list[tuple[str, str]], rows: Iterable[dict[str, Any]], path: str) -> int:
    """Write ``rows`` (dicts by column name) to a Parquet file at ``path``; returns the row count."""
    require_pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([pa.field(name, types[kind]) for name, kind in columns])
    convert = {"text": lambda v: None if v is None else str(v),
               "int": lambda v: None if v is None else int(v),
               "float": lambda v: None if v is None else float(v)}
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            data = {name: [convert[kind](row.get(name)) for row in batch] for name, kind in columns}
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            batch.clear()

        for row in rows:
            batch.append(row)
            count += 1
            if len(batch) >= ROW_GROUP:
                flush()
        if batch or not count:
            flush()  # an empty table still gets its schema
    return count
