"""The web app in-process (FastAPI's test client): JSON API, pages, errors, security, over
each backend."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from newsfuse.render.record import schema
from newsfuse.web import create_app

from .conftest import DEMO

LOCAL = "http://127.0.0.1"  # a Host the app answers by default (TestClient's own is "testserver")

# Written for these tests: an article whose every field tries to run script.
HOSTILE = {
    "id": "hostile-1",
    "title": "Port strike <script>window.__xss='title'</script> ends <img src=x onerror=\"window.__xss='img'\">",
    "url": "javascript:window.__xss='url'",
    "source": "<b onmouseover=\"window.__xss='source'\">Quay Wire</b>",
    "published": "2024-06-02",
    "text": (
        "Police in Valencia said on Sunday that 12 dockworkers were arrested after a strike at the port "
        "<script>window.__xss='text'</script> turned violent.\n\n"
        "Union leaders said <img src=x onerror=\"window.__xss='img2'\"> more than 30 members had been detained, "
        "and that <a href=\"javascript:window.__xss='link'\">three officers</a> were hurt.\n\n"
        "The port authority said the terminals at Valencia would reopen on Monday."
    ),
}


def build_db(location: str | Path, *inputs: str) -> str:
    """A store built by the real pipeline from ``inputs``."""
    from newsfuse.pipeline import run
    from newsfuse.store import open_store

    location = str(location)
    store = open_store(location)
    summary = run(list(inputs), store)
    store.close()
    assert summary.added, summary.issues
    return location


def write_hostile(folder: Path) -> str:
    path = folder / "hostile.jsonl"
    path.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def demo_db(new_location) -> str:
    return build_db(new_location("demo.db"), str(DEMO))


@pytest.fixture(scope="module")
def client(demo_db) -> TestClient:
    return TestClient(create_app(demo_db), base_url=LOCAL)


@pytest.fixture(scope="module")
def records(client) -> list[dict]:
    return client.get("/api/export?format=json").json()


def kyrgyz_2024(records: list[dict]) -> dict:
    return next(r for r in records if r["date"]["start"] == "2024-05-14")


# --- JSON API ---------------------------------------------------------------------------------

def test_events_listing_pages_and_summaries(client):
    body = client.get("/api/events").json()
    assert body["total"] == 3 and body["page"] == 1 and body["sort"] == "date"  # the demo's three events
    first = body["events"][0]
    assert set(first) >= {"id", "title", "date", "places", "figures", "n_articles", "independent_sources", "url"}
    dated = [e["date"]["start"] for e in body["events"] if e["date"]["start"]]
    assert dated == sorted(dated, reverse=True)
    page2 = client.get("/api/events?per_page=1&page=2").json()
    assert page2["pages"] == 3 and [e["id"] for e in page2["events"]] == [body["events"][1]["id"]]


def test_events_filters(client):
    ids = lambda url: {e["id"] for e in client.get(url).json()["events"]}  # noqa: E731
    everything = ids("/api/events")
    spain = ids("/api/events?country=es")
    assert len(spain) == 1 and spain < everything
    assert ids("/api/events?q=tractors") == spain
    assert ids("/api/events?q=irrigation protest&country=KG") == set()
    assert len(ids("/api/events?date_from=2024-01-01&date_to=2024-04-30")) == 1
    assert ids("/api/events?date_from=2024-05-01") <= everything - spain
    assert all(e["n_articles"] >= 4 for e in client.get("/api/events?min_sources=4").json()["events"])
    types = {e["event_type"] for e in client.get("/api/events?event_type=battles").json()["events"]}
    assert types == {"Battles"}
    titles = [e["title"] for e in client.get("/api/events?sort=title").json()["events"]]
    assert titles == sorted(titles, key=str.lower)
    hits = client.get("/api/events?q=Kyrgyz").json()
    assert hits["sort"] == "relevance" and hits["total"] >= 2


def test_min_fatalities_filter(client):
    listed = lambda url: client.get(url).json()["events"]  # noqa: E731
    deadly = listed("/api/events?min_fatalities=5")
    assert [e["date"]["start"] for e in deadly] == ["2024-05-14"]  # 41 dead; the 2023 shootout's total is 4
    assert len(listed("/api/events?min_fatalities=1")) == 2 and len(listed("/api/events?min_fatalities=0")) == 3
    bad = client.get("/api/events?min_fatalities=lots")
    assert bad.status_code == 400 and bad.json()["error"]["message"].startswith("min_fatalities must be")


def test_filtered_acled_and_claims_exports(client):
    acled = client.get("/api/export?format=acled&country=KG&min_fatalities=1")
    assert acled.headers["content-type"].startswith("text/csv") and acled.content.startswith(b"\xef\xbb\xbf")
    assert 'filename="events-acled.csv"' in acled.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(acled.content.decode("utf-8-sig"), newline="")))
    assert sorted(r["fatalities"] for r in rows) == ["4", "41"] and {r["iso"] for r in rows} <= {"417", "762"}
    claims = client.get("/api/export?format=claims&event_type=protests").content.decode("utf-8-sig")
    events = {r["event"] for r in csv.DictReader(io.StringIO(claims, newline=""))}
    assert len(events) == 1
    assert client.get("/api/export?format=acled&date_from=soon").status_code == 400


def test_query_syntax_is_never_passed_to_fts(client):
    for q in ['"unbalanced', "a AND (b", "NEAR(", "*", "title:x"]:
        assert client.get("/api/events", params={"q": q}).status_code == 200


def test_errors_have_one_shape(client):
    for url, status in [("/api/events?date_from=May", 400), ("/api/events?sort=random", 400),
                        ("/api/events?page=0", 400), ("/api/events/ev-000000000000", 404),
                        ("/api/articles/nope", 404), ("/api/export?format=xml", 422), ("/api/search", 422),
                        ("/api/no-such-route", 404)]:
        response = client.get(url)
        assert response.status_code == status, url
        error = response.json()["error"]
        assert error["status"] == status and error["message"], url


def test_event_record_is_the_contract(client, records):
    record = kyrgyz_2024(records)
    got = client.get(f"/api/events/{record['id']}").json()
    assert got == record
    jsonschema.validate(got, schema())
    assert client.get(f"/api/events/{record['id'][:9]}").json()["id"] == record["id"]  # unique prefix


def test_article_record_with_facts(client, records):
    aid = kyrgyz_2024(records)["articles"][0]["id"]
    article = client.get(f"/api/articles/{aid}").json()
    assert article["id"] == aid and article["text"] and isinstance(article["removed"], list)
    assert kyrgyz_2024(records)["id"] in article["events"]
    for claim in article["facts"]["claims"]:  # a headline's claim quotes the title
        source = article["title"] if claim["field"] == "title" else article["text"]
        assert source[claim["start"]:claim["end"]] == claim["quote"]
    assert article["facts"]["places"] and article["facts"]["numbers"]


def test_search_finds_events_and_articles(client):
    body = client.get("/api/search?q=toll").json()
    assert body["articles"] and all("\x02" not in a["snippet"] for a in body["articles"])
    assert any("toll" in a["snippet"].lower() for a in body["articles"])
    assert body["total_events"] >= 1


def test_exports(client):
    as_json = client.get("/api/export?format=json")
    assert as_json.headers["content-type"].startswith("application/json") and len(as_json.json()) == 3
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=csv").text)))
    assert len(rows) == 3 and "casualties" in rows[0]
    geo = client.get("/api/export?format=geojson").json()
    assert geo["type"] == "FeatureCollection" and geo["features"]


def test_openapi_and_its_readable_page(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/search",
            "/api/export", "/api/articles"} <= set(paths)
    assert not any(p.startswith("/static") or p in ("/", "/events/{event_id}") for p in paths)
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/events" in page.text and "cdn" not in page.text.lower()


# --- writes -------------------------------------------------------------------------------------

def test_writes_disabled_without_a_token(client):
    response = client.post("/api/articles", json=HOSTILE)
    assert response.status_code == 403 and "NEWSFUSE_TOKEN" in response.json()["error"]["message"]


def test_post_articles_needs_the_token(new_location):
    db = new_location("w.db")
    app_client = TestClient(create_app(db, token="s3cret"), base_url=LOCAL)
    article = {"title": "Ferry runs aground", "source": "Harbour Times", "published": "2024-07-01",
               "text": "A ferry ran aground off Split on Monday and 40 passengers were taken ashore, "
                       "the coastguard said. Nobody was hurt."}
    assert app_client.post("/api/articles", json=article).status_code == 401
    assert app_client.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert app_client.post("/api/articles", content=b"{not json", headers={"Authorization": "Bearer s3cret"}).status_code == 400
    response = app_client.post("/api/articles", json=[article, {"title": "empty"}],
                               headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["added"] == 1 and body["events"] == 1 and body["issues"][0]["item"] == "item 2"
    again = app_client.post("/api/articles", json={"articles": [article]}, headers={"Authorization": "Bearer s3cret"})
    assert again.status_code == 200 and again.json()["already_stored"] == 1
    assert app_client.get("/api/search?q=ferry").json()["articles"][0]["title"] == "Ferry runs aground"


# --- pages --------------------------------------------------------------------------------------

def test_events_page_lists_filters_and_pages(client):
    html = client.get("/").text
    assert html.count('class="event-row"') == 3
    filtered = client.get("/?country=ES").text
    assert filtered.count('class="event-row"') == 1 and "Murcia" in filtered
    paged = client.get("/?per_page=2&page=2").text
    assert paged.count('class="event-row"') == 1 and 'rel="prev"' in paged
    searched = client.get("/?q=toll").text
    assert "Matching articles" in searched and "<mark>" in searched
    assert client.get("/?date_from=yesterday").status_code == 400


def test_event_page_shows_brief_figures_map_timeline(client, records):
    record = kyrgyz_2024(records)
    html = client.get(f"/events/{record['id']}").text
    located = [x for x in record["locations"] if x["lat"] is not None and x["lon"] is not None]
    assert html.count('<g class="marker') == len(located)
    assert len(re.findall(r'<li class="tl-claim\b', html)) == len(record["claims"])
    assert html.count('<tbody class="casualty') == len(record["casualties"])
    assert 'class="flag">disputed' in html and "provisional" in html
    assert re.search(r'class="cite" href="/articles/[0-9a-f]+\?hl=\d+-\d+#s-\d+"', html)
    assert "copies or rewrites" in html  # the content-farm rewrite sits under its origin
    assert "<path class=\"land" in html  # country outlines from the installed package


def test_article_page_highlights_and_boilerplate(client, records):
    record = kyrgyz_2024(records)
    claim = record["claims"][0]
    html = client.get(f"/articles/{claim['article_id']}?hl={claim['start']}-{claim['end']}").text
    assert f'id="claim-{claim["id"]}"' in html
    assert 'class="hl k-' in html and "k-cited" in html and "k-place" in html
    assert '<details class="removed">' in html
    assert client.get(f"/articles/{claim['article_id']}?hl=5-999999").status_code == 200  # out of range: ignored


def test_overview_maps_and_counts_the_filtered_events(client, records):
    located = [r for r in records if any(x["role"] == "event" and x["lat"] is not None for x in r["locations"])]
    html = client.get("/overview").text
    assert len(re.findall(r'<a href="/events/ev-[0-9a-f]+"><circle class="event-mark', html)) == len(located) > 0
    assert 'class="bar events"' in html and 'class="bar fatalities"' in html
    assert html.count('class="event-row"') == 3 and "map-capped" not in html
    spain = client.get("/overview?country=ES").text
    assert spain.count('class="event-row"') == 1 and "Murcia" in spain
    assert len(re.findall(r'<a href="/events/ev-[0-9a-f]+"><circle class="event-mark', spain)) == 1
    assert client.get("/overview?date_to=soon").status_code == 400
    assert 'href="/overview?country=ES"' in client.get("/?country=ES").text  # the list links its overview


def test_overview_says_when_the_map_is_capped(client, monkeypatch):
    from newsfuse.web import pages

    monkeypatch.setattr(pages, "MAP_LIMIT", 1)
    html = client.get("/overview").text
    assert len(re.findall(r'<a href="/events/ev-[0-9a-f]+"><circle class="event-mark', html)) == 1
    assert "map shows only the 1 with the most fatalities" in html


def test_article_page_has_labelled_fields_and_no_local_path(client, records):
    article = kyrgyz_2024(records)["articles"][0]
    html = client.get(f"/articles/{article['id']}").text
    for label in ("Outlet", "Published", "Language", "Words", "Read from"):
        assert f"<dt>{label}</dt>" in html, label
    stored = client.get(f"/api/articles/{article['id']}").json()["path"]
    assert "/" in stored and stored not in html and stored.rsplit("/", 1)[-1] in html
    assert "source_from_path" not in html and "<dt>format</dt>" not in html


def test_missing_pages_are_html_404(client):
    response = client.get("/events/ev-ffffffffffff")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


# --- security -----------------------------------------------------------------------------------

def test_security_headers_everywhere(client):
    for url in ("/", "/api/events", "/static/app.css", "/nope"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"], url
        assert headers["x-content-type-options"] == "nosniff"


def test_no_request_path_reaches_the_filesystem(client):
    for url in ("/static/app.js", "/static/..%2fapp.py", "/static/%2e%2e/__init__.py", "/static/templates",
                "/static/../../pyproject.toml"):
        response = client.get(url)
        assert response.status_code == (200 if url.endswith("app.js") else 404), url


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory, new_location) -> TestClient:
    folder = tmp_path_factory.mktemp("hostile")
    return TestClient(create_app(build_db(new_location("h.db"), write_hostile(folder))), base_url=LOCAL)


def test_article_strings_render_inert(hostile_client):
    event = hostile_client.get("/api/events").json()["events"][0]
    article_id = hostile_client.get(f"/api/events/{event['id']}").json()["articles"][0]["id"]
    stored = hostile_client.get(f"/api/articles/{article_id}").json()
    assert "<script>" in stored["title"] and "<script>" in stored["text"]  # kept as data, verbatim
    for url in ("/", "/overview", f"/events/{event['id']}", f"/articles/{article_id}", "/?q=dockworkers"):
        html = hostile_client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html and "<b onmouseover" not in html, url
        assert not re.search(r'href="\s*javascript:', html, re.IGNORECASE), url
        assert "&lt;script&gt;" in html, url
    scripts = re.findall(r"<script[^>]*>", hostile_client.get(f"/articles/{article_id}").text)
    assert scripts == ['<script src="/static/app.js" defer>']
