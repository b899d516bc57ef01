"""newsfuse.filters: one parser for the CLI's, the page's and the API's event filters."""

from __future__ import annotations

import pytest

from newsfuse.filters import BadRequest, parse_event_query
from newsfuse.web import queries


def test_every_filter_is_parsed():
    q = parse_event_query(q=" border ", date_from="2024-05", date_to="2024-05-31", event_type=" Battles ",
                          country="kg", min_sources="3", min_fatalities="0", sort="title", page="2", per_page="50")
    assert (q.q, q.date_from, q.date_to, q.event_type, q.country) == ("border", "2024-05", "2024-05-31", "Battles", "KG")
    assert (q.min_sources, q.min_fatalities, q.sort, q.page, q.per_page) == (3, 0, "title", 2, 50)


def test_empty_values_mean_no_filter():
    q = parse_event_query(q="", date_from=" ", min_fatalities="", min_sources=None)
    assert (q.q, q.date_from, q.min_fatalities, q.min_sources, q.page, q.per_page) == ("", None, None, None, 1, 20)


@pytest.mark.parametrize("bad, param", [
    ({"date_from": "yesterday"}, "date_from"),
    ({"date_to": "2024-02-30"}, "date_to"),  # the shape of a date, but no such day
    ({"date_from": "2024-13"}, "date_from"),
    ({"date_from": "2024-06-01", "date_to": "2024-05"}, "date_from"),  # starts after it ends
    ({"country": "Kyrgyzstan"}, "country"),
    ({"min_fatalities": "many"}, "min_fatalities"),
    ({"min_fatalities": "-1"}, "min_fatalities"),
    ({"min_sources": "0"}, "min_sources"),
    ({"per_page": "1000"}, "per_page"),
    ({"sort": "x"}, "sort"),
])
def test_a_bad_value_names_its_parameter(bad, param):
    with pytest.raises(BadRequest) as caught:
        parse_event_query(**bad)
    assert caught.value.param == param
    assert str(caught.value) == f"{param} {caught.value.rule}"


def test_a_range_within_one_month_is_not_backwards():
    q = parse_event_query(date_from="2024-05", date_to="2024-05-10")  # May overlaps May 1-10
    assert (q.date_from, q.date_to) == ("2024-05", "2024-05-10")


def test_the_web_uses_the_same_parser():
    assert queries.parse_event_query is parse_event_query and queries.BadRequest is BadRequest


def test_paging_links_keep_min_fatalities_even_zero():
    assert queries.query_params(parse_event_query(min_fatalities="0"))["min_fatalities"] == "0"
    assert "min_fatalities" not in queries.query_params(parse_event_query())
