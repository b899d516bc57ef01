"""Small charts drawn on the server as inline SVG (no script, no CDN): the overview's
counts of events and fatalities over time, and the axis helpers the figure timelines
share. Every chart says what its axes are; sizes are in viewBox units, so CSS scales
a chart to the width it is given."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from ..wording import number_text

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKLY_AFTER_DAYS = 60  # a longer span is counted per week
MONTHLY_AFTER_DAYS = 3 * 366  # and a span of years per month, so each bar stays a few pixels wide


@dataclass
class Bin:
    """One bar: the events whose first day falls in [start, end)."""

    start: date
    end: date
    events: int = 0
    fatalities: int = 0


def parse_day(text: str | None) -> date | None:
    """An ISO day, or None for a missing or partial date ("2024-05")."""
    try:
        return date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


def nice_ticks(high: float, count: int = 4) -> list[float]:
    """Round values from 0 to at least ``high``, about ``count`` steps (1, 2 or 5 × 10ⁿ)."""
    if high <= 0:
        return [0, 1]
    raw = high / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if step < 1 and high >= 1:
        step = 1
    top = math.ceil(high / step - 1e-9) * step
    return [round(i * step, 6) for i in range(int(round(top / step)) + 1)]


def day_label(day: date, with_year: bool) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if with_year else "")


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def bins_over_time(days: list[tuple[str | None, int, int]]) -> tuple[str, list[Bin], int]:
    """``(unit, bins, left_out)``: per-day counts gathered into consecutive days, weeks
    (Monday first) or months, empty ones included so the axis is even; ``left_out``
    counts the events without a full date."""
    dated = [(d, n, dead) for text, n, dead in days if (d := parse_day(text))]
    left_out = sum(n for _, n, _ in days) - sum(n for _, n, _ in dated)
    if not dated:
        return "day", [], left_out
    first, last = min(d for d, _, _ in dated), max(d for d, _, _ in dated)
    span = (last - first).days
    if span > MONTHLY_AFTER_DAYS:
        unit, start, step = "month", month_start(first), next_month
    elif span > WEEKLY_AFTER_DAYS:
        unit, start, step = "week", first - timedelta(days=first.weekday()), lambda d: d + timedelta(days=7)
    else:
        unit, start, step = "day", first, lambda d: d + timedelta(days=1)
    bins = []
    while start <= last:
        bins.append(Bin(start, step(start)))
        start = bins[-1].end
    origin = bins[0].start
    for d, n, dead in dated:
        if unit == "month":
            b = bins[(d.year - origin.year) * 12 + d.month - origin.month]
        else:
            b = bins[(d - origin).days // (7 if unit == "week" else 1)]
        b.events += n
        b.fatalities += dead
    return unit, bins, left_out


def _bin_label(b: Bin, unit: str, with_year: bool) -> str:
    if unit == "month":
        return f"{MONTHS[b.start.month - 1]}" + (f" {b.start.year}" if with_year else "")
    return day_label(b.start, with_year)


def _bin_title(b: Bin, unit: str) -> str:
    if unit == "day":
        when = b.start.isoformat()
    elif unit == "week":
        when = f"week of {b.start.isoformat()}"
    else:
        when = f"{MONTHS[b.start.month - 1]} {b.start.year}"
    return (f"{when}: {b.events} event{'' if b.events == 1 else 's'}, "
            f"{number_text(b.fatalities)} killed")


def counts_chart_svg(days: list[tuple[str | None, int, int]], width: int = 560) -> Markup | None:
    """Two bar panels over one date axis: events, then fatalities, per day, week or month
    (chosen by the span). None when no matching event has a full date."""
    unit, bins, _ = bins_over_time(days)
    if not bins:
        return None
    left, right, panel, gap = 46, 10, 84, 34
    plot_w = width - left - right
    tops = (24, 24 + panel + gap)
    height = tops[1] + panel + 44
    slot = plot_w / len(bins)
    bar_w = max(slot - max(min(slot * 0.2, 3), 0.5), 0.8)
    per = {"day": "per day", "week": "per week (weeks start on Monday)", "month": "per month"}[unit]
    parts = [f'<svg class="chart counts" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" aria-label="Events and fatalities {per}" xmlns="http://www.w3.org/2000/svg">']
    for top, key, label in ((tops[0], "events", f"Events {per}"), (tops[1], "fatalities", f"Killed {per}")):
        values = [getattr(b, key) for b in bins]
        ticks = nice_ticks(max(values))
        scale = panel / ticks[-1]
        parts.append(f'<text class="panel-title" x="{left}" y="{top - 9}">{escape(label)}</text>')
        for t in ticks:
            y = top + panel - t * scale
            parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}"/>'
                         f'<text class="tick y" x="{left - 5}" y="{y + 4:.1f}">{number_text(t)}</text>')
        for i, (b, v) in enumerate(zip(bins, values)):
            if v:
                h = max(v * scale, 1)
                parts.append(f'<rect class="bar {key}" x="{left + i * slot + (slot - bar_w) / 2:.1f}" '
                             f'y="{top + panel - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}">'
                             f'<title>{escape(_bin_title(b, unit))}</title></rect>')
        parts.append(f'<line class="axis" x1="{left}" y1="{top + panel}" x2="{width - right}" y2="{top + panel}"/>')
    axis_y = tops[1] + panel
    every = max(1, math.ceil(len(bins) / 5))
    last_year = None
    for i in range(0, len(bins), every):
        b = bins[i]
        x = left + i * slot + slot / 2
        label = _bin_label(b, unit, with_year=b.start.year != last_year)
        last_year = b.start.year
        parts.append(f'<line class="axis" x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 4}"/>'
                     f'<text class="tick x" x="{x:.1f}" y="{axis_y + 17}">{escape(label)}</text>')
    axis_title = {"day": "first day of the event", "week": "week of the event's first day",
                  "month": "month of the event's first day"}[unit]
    parts.append(f'<text class="axis-title" x="{left + plot_w / 2:.0f}" y="{height - 6}">{axis_title}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
