"""The overview's bar chart and the axis helpers: bins per day, week or month, labelled axes."""

from __future__ import annotations

import re

from newsfuse.web.charts import bins_over_time, counts_chart_svg, nice_ticks, parse_day


def test_nice_ticks_start_at_zero_and_cover_the_highest_value():
    assert nice_ticks(1) == [0, 1]
    assert nice_ticks(41) == [0, 20, 40, 60]
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(12_000)[-1] >= 12_000


def test_partial_and_bad_dates_are_not_days():
    assert parse_day("2024-05-14").day == 14
    assert parse_day("2024-05") is None and parse_day("2024-02-30") is None and parse_day(None) is None


def test_a_short_span_is_counted_per_day_with_empty_days_kept():
    unit, bins, left_out = bins_over_time([("2024-05-01", 2, 5), ("2024-05-04", 1, 0), (None, 3, 9)])
    assert unit == "day" and left_out == 3
    assert [(b.start.isoformat(), b.events, b.fatalities) for b in bins] == [
        ("2024-05-01", 2, 5), ("2024-05-02", 0, 0), ("2024-05-03", 0, 0), ("2024-05-04", 1, 0)]


def test_a_span_over_sixty_days_is_counted_per_week_from_monday():
    unit, bins, _ = bins_over_time([("2024-01-03", 1, 2), ("2024-01-05", 1, 1), ("2024-04-10", 1, 7)])
    assert unit == "week"
    assert bins[0].start.isoformat() == "2024-01-01" and bins[0].start.weekday() == 0
    assert (bins[0].events, bins[0].fatalities) == (2, 3)
    assert sum(b.events for b in bins) == 3 and bins[-1].fatalities == 7


def test_years_are_counted_per_month():
    unit, bins, _ = bins_over_time([("2019-01-31", 1, 1), ("2024-02-01", 1, 1)])
    assert unit == "month" and bins[0].start.isoformat() == "2019-01-01" and len(bins) == 62


def test_the_chart_has_a_bar_per_non_empty_bin_and_labelled_axes():
    svg = str(counts_chart_svg([("2024-05-01", 2, 5), ("2024-05-04", 1, 0)]))
    assert svg.count('class="bar events"') == 2 and svg.count('class="bar fatalities"') == 1
    assert "Events per day" in svg and "Killed per day" in svg and "first day of the event" in svg
    assert re.search(r'class="tick x"[^>]*>1 May 2024<', svg)  # the first date carries its year
    assert "2024-05-01: 2 events, 5 killed" in svg  # each bar says what it counts


def test_no_dated_event_means_no_chart():
    assert counts_chart_svg([(None, 4, 1), ("2024-05", 1, 0)]) is None
