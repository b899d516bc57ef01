"""render/tables: the events, ACLED and claims tables on the demo store, and what pandas reads back."""

from __future__ import annotations

import io

import pytest

from newsfuse.render.export import export
from newsfuse.render.record import iter_records
from newsfuse.render.tables import TABLES
from newsfuse.store import open_store

from .test_render_acled import ACLED_ORDER

EXPORTED_AT = 1_716_000_000
CLAIM_ORDER = ["event", "article", "outlet", "claimant", "category", "number", "qualifier", "whose", "side",
               "scope", "quote", "start", "end"]
EVENT_ORDER = ["id", "title", "event_type", "date_start", "date_end", "date_precision", "n_articles", "sources",
               "places", "actors", "casualties", "brief"]


@pytest.fixture(scope="module")
def demo(built_demo):
    store = open_store(built_demo, readonly=True)
    records = list(iter_records(store))
    yield store, records
    store.close()


def _rows(fmt, records):
    return [row for r in records for row in TABLES[fmt].rows(r, EXPORTED_AT)]


def _by_date(rows, key, day):
    return next(row for row in rows if row[key] == day)


def test_column_contracts():
    assert TABLES["acled"].names == ACLED_ORDER
    assert TABLES["claims"].names == CLAIM_ORDER
    assert TABLES["csv"].names == EVENT_ORDER


def test_acled_rows_of_the_demo(demo):
    _, records = demo
    rows = _rows("acled", records)
    assert len(rows) == len(records) == 3  # one row per event
    border = _by_date(rows, "event_date", "2024-05-14")  # two days of fighting on the Kyrgyz-Tajik border
    assert (border["event_type"], border["sub_event_type"], border["disorder_type"]) == \
        ("Battles", "Armed clash", "Political violence")
    assert (border["actor1"], border["actor2"], border["interaction"]) == \
        ("Military Forces of Kyrgyzstan", "Military Forces of Tajikistan", 11)
    assert (border["time_precision"], border["year"]) == (2, 2024)  # 14-15 May
    assert (border["country"], border["iso"], border["region"]) == ("Kyrgyzstan", 417, "Caucasus and Central Asia")
    assert (border["location"], border["geo_precision"]) == ("Batken", 1)
    record = next(r for r in records if r["id"] == border["event_id_cnty"])
    assert border["fatalities"] == record["fatalities"] == 41  # the documented total, not a claim's figure
    assert border["source"].split("; ") == sorted({a["source"] for a in record["articles"]})
    assert border["notes"].startswith(record["brief"][0]["text"])
    protest = _by_date(rows, "event_date", "2024-03-21")
    assert (protest["event_type"], protest["disorder_type"], protest["country"], protest["fatalities"]) == \
        ("Protests", "Demonstrations", "Spain", 0)
    assert all(row["timestamp"] == EXPORTED_AT for row in rows)


def test_claims_rows_point_at_their_words(demo):
    store, records = demo
    rows = _rows("claims", records)
    assert len(rows) == sum(len(r["claims"]) for r in records)
    outlets = {a["id"]: a["source"] for r in records for a in r["articles"]}
    for row in rows:
        article = store.get_article(row["article"])
        assert row["outlet"] == outlets[row["article"]]
        if row["start"] is None:  # a headline's figure: its words are in the title
            assert row["quote"] in article.title
        else:
            assert article.text[row["start"]:row["end"]] == row["quote"]
    assert {row["scope"] for row in rows} == {"event", "background"}


def _csv_frame(fmt, records):
    pandas = pytest.importorskip("pandas", reason="pandas reads the CSV back (the test extra)")
    data = export(records, fmt, exported_at=EXPORTED_AT).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    return pandas.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, na_values=[""])


def test_pandas_reads_the_acled_csv_back(demo):
    _, records = demo
    frame = _csv_frame("acled", records)
    assert list(frame.columns) == ACLED_ORDER and len(frame) == 3
    assert str(frame["fatalities"].dtype) == "int64" and str(frame["iso"].dtype) == "int64"
    assert str(frame["latitude"].dtype) == "float64"
    for row, got in zip(_rows("acled", records), frame.to_dict("records")):
        for name, value in row.items():
            assert (value is None and got[name] != got[name]) or got[name] == value, name  # NaN for empty


def test_pandas_reads_the_claims_csv_back(demo):
    _, records = demo
    frame = _csv_frame("claims", records)
    rows = _rows("claims", records)
    assert list(frame.columns) == CLAIM_ORDER and len(frame) == len(rows)
    assert frame["quote"].tolist() == [row["quote"] for row in rows]  # commas, quotes, line breaks intact
    located = frame.dropna(subset=["start"])
    assert located["start"].tolist() == [row["start"] for row in rows if row["start"] is not None]


def test_every_column_is_documented():
    from .conftest import REPO

    doc = (REPO / "docs" / "export.md").read_text(encoding="utf-8")
    for table in TABLES.values():
        missing = [name for name in table.names if f"`{name}`" not in doc]
        assert not missing, f"docs/export.md does not describe {table.name} columns {missing}"
