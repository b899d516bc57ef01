"""The extract benchmark on a tiny self-written fixture (and, if present, the shared dev set)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfuse.bench.base import BenchReport
from newsfuse.bench.extract import run

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WCXB_DEV = SHARED / "bench" / "extract" / "wcxb_dev_articles.jsonl"

PARAS = [
    "The regional ferry service between Orlen and the island of Saskel resumed on Monday "
    "after a three-day suspension caused by strong winds across the strait.",
    "The operator said 14 crossings had been cancelled and that passengers holding tickets "
    "for those days could travel on any sailing until the end of the month.",
    "Local businesses on the island said the suspension had hit deliveries of fresh food, "
    "and the harbour office promised a review of its storm procedures.",
]


def page(title: str, paras: list[str], date: str | None) -> str:
    date_meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<html><head><title>{title} | Strait Herald</title>{date_meta}"
        '<meta property="og:site_name" content="Strait Herald"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About us</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer><p>Strait Herald, all rights reserved.</p></footer></body></html>"
    )


@pytest.fixture
def fixture_jsonl(tmp_path: Path) -> Path:
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    items = []

    (html_dir / "p1.html.gz").write_bytes(
        gzip.compress(page("Ferry to Saskel resumes", PARAS, "2022-11-07T09:00:00Z").encode())
    )
    items.append(
        {
            "id": "p1",
            "url": "https://herald.example.net/news/ferry-resumes",
            "html_file": "html/p1.html.gz",
            "gold_text": "\n\n".join(PARAS),
            "gold_title": "Ferry to Saskel resumes",
            "gold_date": "2022-11-07",
        }
    )
    # second page: no date on the page, gold date only to month precision, no gold title
    (html_dir / "p2.html.gz").write_bytes(gzip.compress(page("Storm procedures reviewed", PARAS[1:], None).encode()))
    items.append(
        {
            "id": "p2",
            "url": None,
            "html_file": "html/p2.html.gz",
            "gold_text": "\n\n".join(PARAS[1:]),
            "gold_title": None,
            "gold_date": "2022-11",
        }
    )
    # third page: not gzip at all -> must fail alone, not stop the run
    (html_dir / "p3.html.gz").write_bytes(b"this is not gzip data")
    items.append(
        {
            "id": "p3",
            "url": None,
            "html_file": "html/p3.html.gz",
            "gold_text": "Some gold words here.",
            "gold_title": "Broken",
            "gold_date": None,
        }
    )
    # fourth page: missing file
    items.append(
        {
            "id": "p4",
            "url": None,
            "html_file": "html/missing.html.gz",
            "gold_text": "More gold words.",
            "gold_title": None,
            "gold_date": None,
        }
    )
    path = tmp_path / "bench.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in items) + "\n\n", encoding="utf-8")
    return path


def test_run_scores_pages_and_survives_broken_ones(fixture_jsonl: Path, tmp_path: Path) -> None:
    ticks: list[int] = []
    preds_path = tmp_path / "preds.jsonl"
    report = run(fixture_jsonl, predictions=preds_path, progress=ticks.append)

    assert isinstance(report, BenchReport)
    assert report.task == "extract"
    assert report.items == 4
    assert ticks == [1, 1, 1, 1]
    m = report.metrics
    assert m["failed"] == 2
    assert any("p3" in note for note in report.notes)
    assert any("p4" in note for note in report.notes)
    # two good pages near 1, two failed pages at 0 -> macro F1 near 0.5
    assert 0.45 <= m["f1"] <= 0.5
    assert 0.45 <= m["precision"] <= 0.5
    assert 0.45 <= m["recall"] <= 0.5
    # titles: p1 right, p3 failed -> 1 of 2 pages with a gold title
    assert m["title_pages"] == 2
    assert m["title_accuracy"] == 0.5
    # dates: p1 right (day), p2 has none on the page -> 1 of 2
    assert m["date_pages"] == 2
    assert m["date_accuracy"] == 0.5
    assert m["dated_share"] == 0.25
    assert report.to_dict()["metrics"] == m

    lines = [json.loads(line) for line in preds_path.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["p1", "p2", "p3", "p4"]
    assert set(lines[0]) == {"id", "text", "title", "date"}
    assert lines[0]["title"] == "Ferry to Saskel resumes"
    assert lines[0]["date"] == "2022-11-07"
    assert PARAS[0] in lines[0]["text"]
    assert "Home" not in lines[0]["text"]
    assert lines[1]["date"] is None
    assert lines[2] == {"id": "p3", "text": None, "title": None, "date": None}


def test_run_limit(fixture_jsonl: Path) -> None:
    report = run(fixture_jsonl, limit=1)
    assert report.items == 1
    assert report.metrics["failed"] == 0
    assert report.metrics["f1"] > 0.95
    assert report.metrics["title_accuracy"] == 1.0
    assert report.metrics["date_accuracy"] == 1.0


def test_wcxb_dev_sample() -> None:
    if not WCXB_DEV.is_file():
        pytest.skip(f"{WCXB_DEV} is absent: the shared WCXB dev set is read at run time only")
    report = run(WCXB_DEV, limit=20)
    assert report.items == 20
    assert report.metrics["failed"] == 0
    assert report.metrics["f1"] > 0.85
