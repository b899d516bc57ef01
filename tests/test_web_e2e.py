"""The web app in a real headless Chromium (Debian's /usr/bin/chromium via Playwright):
an analyst's path through the demo corpus, and an article that tries to run script.

Screenshots go to tests/artifacts/ (git-ignored); the event page is also written to
docs/img/event-page.png for the README only when NEWSFUSE_UPDATE_README_SHOT=1.
Skipped when Chromium or Playwright is absent
(``.ci/run`` installs Chromium with apt-get where it can).
"""

from __future__ import annotations

import os
import re

import socket
import threading
import time
from pathlib import Path

import pytest

from .conftest import DEMO, REPO
from .test_web_api import build_db, write_hostile

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "tests" / "artifacts"
README_SHOT = REPO / "docs" / "img" / "event-page.png"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does) to run the browser tests",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn serving one app on a free loopback port, in a background thread."""

    def __init__(self, db: str, token: str | None = None):
        import uvicorn

        from newsfuse.web import create_app

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    with Server(build_db(tmp_path_factory.mktemp("e2e") / "demo.db", str(DEMO))) as server:
        yield server


def watched_page(browser, base: str):
    """A page that records script errors, console errors (CSP reports land there) and any
    request leaving the test server: the app must work offline."""
    page = browser.new_page(viewport={"width": 1400, "height": 1250})
    page.problems = []
    page.on("pageerror", lambda exc: page.problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(f"console: {msg.text}"))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))

    def only_local(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            page.problems.append(f"external request: {route.request.url}")
            route.abort()

    page.route("**/*", only_local)
    return page


def test_analyst_path_through_the_demo(browser, demo_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = demo_server.url
    page = watched_page(browser, base)

    page.goto(base + "/")
    rows = page.locator("tr.event-row")
    assert rows.count() == 3  # the demo's three events
    page.screenshot(path=str(ARTIFACTS / "events.png"), full_page=True)

    page.fill("form.filters input[name=q]", "Kyrgyz")
    page.select_option("form.filters select[name=country]", "KG")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*q=Kyrgyz*")
    assert 1 <= rows.count() < 3
    assert "Murcia" not in page.locator("table.events").inner_text()
    page.screenshot(path=str(ARTIFACTS / "events-filtered.png"), full_page=True)

    page.locator("tr.event-row a.event-link", has_text="at least 23 soldiers").click()
    page.wait_for_url("**/events/ev-*")
    event_id = page.url.rsplit("/", 1)[-1]
    record = page.request.get(f"{base}/api/events/{event_id}").json()
    located = [x for x in record["locations"] if x["lat"] is not None and x["lon"] is not None]
    assert located and page.locator("svg.map g.marker").count() == len(located)
    assert page.locator("svg.map path.land").count() > 0
    assert page.locator("#timeline li.tl-claim").count() == len(record["claims"])
    assert page.locator("table.casualties tbody.casualty").count() == len(record["casualties"])
    assert page.locator("tbody.casualty.conflict").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    page.screenshot(path=str(ARTIFACTS / "event-first-screen.png"))  # the first screenful: brief, map, casualties
    if os.environ.get("NEWSFUSE_UPDATE_README_SHOT"):  # a test run never dirties the repo unless asked
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(README_SHOT))

    # A brief sentence copied from a report links to that sentence, marked in the report.
    cite = page.locator("#brief a.cite[href*='hl=']").first
    href = cite.get_attribute("href")
    cite.click()
    page.wait_for_url(f"**{href.split('#')[0]}*")
    assert page.locator(".article-text .hl").count() > 10
    assert page.locator(".article-text .hl.k-cited").first.is_visible()
    page.locator(".article-text .hl.k-claim").first.click()  # the small script shows what was extracted
    details = page.locator("#fact-details")
    assert details.is_visible() and "claimed by" in details.inner_text()
    assert page.locator("details.removed").count() == 1
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    assert page.problems == []


def test_article_text_cannot_run_script(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e-hostile")
    with Server(build_db(folder / "h.db", write_hostile(folder))) as server:
        page = watched_page(browser, server.url)
        page.goto(server.url + "/")
        page.locator("tr.event-row a.event-link").first.click()
        page.wait_for_url("**/events/ev-*")
        assert "<script>" in page.locator("h1").inner_text()  # shown as text, not run
        urls = [server.url + "/", page.url]
        page.locator("a.article-link").first.click()
        page.wait_for_url("**/articles/*")
        urls.append(page.url)
        for url in urls + [server.url + "/?q=dockworkers"]:
            page.goto(url)
            for mark in page.locator(".hl").all()[:20]:
                mark.hover()
                mark.click()
            assert page.evaluate("window.__xss") is None, url
            assert page.locator("img[src=x], a[href^='javascript:']").count() == 0, url
        page.goto(urls[2])
        page.screenshot(path=str(ARTIFACTS / "hostile-article.png"), full_page=True)
        assert page.problems == []


def test_an_event_is_corrected_from_its_page_with_the_token(browser, tmp_path):
    from playwright.sync_api import expect
    with Server(build_db(tmp_path / "demo.db", str(DEMO)), token="s3cret") as server:
        page = watched_page(browser, server.url)
        page.goto(server.url + "/")
        page.locator("tr.event-row a.event-link", has_text="Murcia").click()
        page.wait_for_url("**/events/ev-*")
        page.click("#correct summary")
        page.select_option("#edit-form select[name=action]", "type")
        page.fill("#edit-form input[name=value]", "Riots")
        page.fill("#edit-form input[name=reason]", "stones thrown, no organised march")
        page.fill("#edit-form input[name=token]", "wrong")
        page.click("#edit-form button[type=submit]")
        # a locator assertion waits without evaluating a string in the page: the page's CSP
        # (script-src 'self') refuses eval, which wait_for_function needs when it has to poll
        expect(page.locator("#edit-status")).to_have_text(re.compile(r"^Not saved"))
        page.fill("#edit-form input[name=token]", "s3cret")
        page.click("#edit-form button[type=submit]")
        page.wait_for_selector("#edits")
        assert "type set to Riots: stones thrown, no organised march" in page.locator("#edits").inner_text()
        assert "Riots" in page.locator("p.meta").inner_text()
        assert [p for p in page.problems if "401" not in p] == []  # the refused try logs its 401, nothing else
