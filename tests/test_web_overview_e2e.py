"""The overview, an event page and an article page in a real headless Chromium, at a
desktop size and a phone's: the map has a circle per located event, the chart has
bars, a circle opens its event, and at 390 px no page scrolls sideways.

Screenshots go to a temporary folder (or NEWSFUSE_E2E_SHOTS when set, to look at them).
Skipped like test_web_e2e: without /usr/bin/chromium or Playwright.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .test_web_e2e import browser, demo_server, watched_page  # noqa: F401 (fixtures; the same skip rules)

SIZES = ((1400, 900), (390, 844))


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("NEWSFUSE_E2E_SHOTS") or tmp_path_factory.mktemp("overview-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _located(record: dict) -> bool:
    return any(x["role"] == "event" and x["lat"] is not None and x["lon"] is not None for x in record["locations"])


@pytest.mark.parametrize("width,height", SIZES)
def test_overview_event_and_article_fit_the_screen(browser, demo_server, shots, width, height):  # noqa: F811
    base = demo_server.url
    page = watched_page(browser, base)
    page.set_viewport_size({"width": width, "height": height})
    records = page.request.get(f"{base}/api/export?format=json").json()
    located = [r for r in records if _located(r)]
    assert located, "the demo has events with a located place"

    page.goto(base + "/overview")
    marks = page.locator("svg.overview-map a circle.event-mark")
    assert marks.count() == len(located)
    assert page.locator("svg.chart.counts rect.bar").count() > 0
    for chart in ("svg.overview-map", "svg.chart.counts"):
        box = page.locator(chart).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, chart
    assert page.locator("table.events tr.event-row").count() == len(records)
    page.screenshot(path=str(shots / f"overview-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "overview"

    deadliest = max(located, key=lambda r: r.get("fatalities") or 0)
    circle = page.locator(f"svg.overview-map a[href='/events/{deadliest['id']}'] circle")
    box = circle.bounding_box()
    circle.click(position={"x": box["width"] / 2, "y": 2})  # its rim: smaller circles are drawn over its middle
    page.wait_for_url(f"**/events/{deadliest['id']}")
    assert page.locator("svg.figure-timeline").count() > 0
    assert page.locator("svg.figure-timeline circle.point").count() > 0
    page.screenshot(path=str(shots / f"event-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "event page"

    page.locator("a.article-link").first.click()
    page.wait_for_url("**/articles/*")
    labels = page.locator("dl.metadata dt").all_inner_texts()
    assert labels[:2] == ["Outlet", "Published"] and "Words" in labels
    page.screenshot(path=str(shots / f"article-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "article page"
    assert page.problems == []
