"""Per-claimant figure timelines: claimants are series, not steps; one claim reads as a value."""

from __future__ import annotations

import re
from datetime import date

from newsfuse.web.figure_timeline import claimant_name, figure_timeline, report_days, series_of


def _claim(n: int, number: float, claimant: str | None, published: str | None, outlet: str = "Lakeside Post",
           figure: str | None = None) -> dict:
    return {"id": f"c{n}", "number": number, "low": None, "claimant": claimant, "outlet": outlet,
            "published": published, "figure": figure or f"{number:g}", "ref": n, "href": f"/articles/a{n}#claim-c{n}"}


def _row(current: list[dict], earlier: list[dict] = ()) -> dict:
    return {"category": "killed", "who": "villagers", "current": current, "earlier": list(earlier)}


def test_an_outlet_on_its_own_account_is_named_as_such():
    assert claimant_name(_claim(1, 3, None, None, outlet="Hill Gazette")) == "Hill Gazette (own report)"
    assert claimant_name(_claim(1, 3, "the regional governor", None)) == "the regional governor"


def test_each_claimant_is_its_own_series_in_date_order():
    claims = [_claim(1, 12, "the ministry", "2024-03-02"), _claim(2, 4, "the rebels", "2024-03-01"),
              _claim(3, 5, "the ministry", "2024-03-01"), _claim(4, 5, "the ministry", "2024-03-01")]
    series = series_of(claims)
    assert [s.claimant for s in series] == ["the rebels", "the ministry"]
    ministry = series[1]
    assert [(p.day.isoformat(), p.value) for p in ministry.points] == [("2024-03-01", 5), ("2024-03-02", 12)]
    assert ministry.points[0].refs == "[3][4]"  # two reports of one day and figure: one point
    assert series[0].colour != series[1].colour


def test_the_chart_shows_every_dated_point_with_its_value_and_a_date_axis():
    current = [_claim(1, 12, "the ministry", "2024-03-02"), _claim(2, 4, "the rebels", "2024-03-01")]
    earlier = [_claim(3, 5, "the ministry", "2024-03-01"), _claim(5, 7, "the mayor", None, figure="about 7")]
    view = figure_timeline(_row(current, earlier), report_days(current + earlier))
    svg = str(view["chart"])
    assert svg.count('<circle class="point') == 3  # the undated claim is listed, not placed
    assert view["undated"] == 1 and view["single"] is None
    assert svg.count('<polyline class="series-line') == 1  # only the ministry has two dated points
    assert re.search(r'class="value series-\d"[^>]*>12<', svg) and re.search(r'>4<', svg)
    assert "1 Mar 2024" in svg and "2 Mar" in svg and "date of the report" in svg and ">killed<" in svg


def test_one_claim_reads_as_a_value_not_a_chart():
    view = figure_timeline(_row([_claim(1, 9, "the police", "2024-03-01")]), (date(2024, 3, 1), date(2024, 3, 1)))
    assert view["chart"] is None and view["single"].text == "9"


def test_undated_claims_only_make_no_chart():
    view = figure_timeline(_row([_claim(1, 9, "the police", None), _claim(2, 11, "a medic", None)]), None)
    assert view["chart"] is None and view["single"] is None and len(view["series"]) == 2
