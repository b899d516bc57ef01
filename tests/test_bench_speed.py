"""``bench speed``: corpora of three shapes, stage timing by wrapping, the long-article probe."""

from __future__ import annotations

import json
import os
import sys
import types

import pytest

from newsfuse.bench import speed

# Fictional reports, written for this test.
BODY = ("Rescue crews in Velmora said on Monday that the footbridge over the Tesk river collapsed at dawn, "
        "killing three people. The regional governor, Irena Falk, said 12 others were injured. ")


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_read_corpus_takes_text_lines_events_docs_and_docs_with_side_metadata(tmp_path):
    plain = _write(tmp_path / "plain.jsonl", [{"title": "Bridge falls", "text": BODY, "date": "2031-05-05"},
                                              {"title": "No body", "text": ""}])
    assert [r.title for r in speed.read_corpus(plain)] == ["Bridge falls"]
    events = _write(tmp_path / "events.jsonl", [{"id": "e1", "killed": 3, "docs": [
        {"id": "d1", "title": "A", "text": BODY, "published": "2031-05-05", "source": "Gazette"},
        {"id": "d2", "title": "B", "text": BODY + "More.", "published": None, "source": None}]}])
    raws = speed.read_corpus(events)
    assert len(raws) == 2 and raws[0].published == "2031-05-05" and "killed" not in raws[0].metadata
    folder = tmp_path / "ipe"
    folder.mkdir()
    docs = _write(folder / "docs.jsonl", [{"doc_id": 7, "doc_text": BODY}])
    _write(folder / "metadata.jsonl", [{"doc_id": 7, "date": "2031-05-06", "url": "http://example.org/7"}])
    (raw,) = speed.read_corpus(docs)
    assert raw.published == "2031-05-06" and raw.text == BODY
    assert len(speed.read_corpus(events, limit=1)) == 1


def test_full_length_is_told_by_the_median_length():
    short = [types.SimpleNamespace(text="word " * 90)] * 3
    long = [types.SimpleNamespace(text="word " * 300)] * 3
    assert not speed.is_full_length(short) and speed.is_full_length(long) and not speed.is_full_length([])


def test_stage_clock_times_calls_and_generators_and_restores_the_functions():
    module = types.SimpleNamespace(plain=lambda x: x + 1, gen=lambda n: iter(range(n)))
    originals = (module.plain, module.gen)
    clock = speed.StageClock()
    with clock.patched([(module, "plain", "a"), (module, "gen", "b"), (module, "missing", "c")]):
        assert module.plain(1) == 2 and list(module.gen(3)) == [0, 1, 2]
    assert (module.plain, module.gen) == originals
    assert set(clock.seconds) == {"a", "b"}


def test_long_article_is_one_line_of_the_asked_size():
    text = speed.long_article(20_000)
    assert 20_000 <= len(text) < 20_200 and "\n" not in text and "Velmora" in text


def test_run_reports_throughput_stage_shares_and_the_ner_reference(tmp_path):
    rows = [{"title": f"Footbridge falls in town {n}", "text": BODY * 2, "date": "2031-05-05",
             "source": f"Outlet {n}"} for n in range(4)]
    report = speed.run(_write(tmp_path / "c.jsonl", rows), long_sizes_kb=())
    m = report.metrics
    assert m["articles"] == 4 and m["articles_per_s"] > 0 and m["ner_only_articles_per_s"] > 0
    shares = [m[f"share_{s}"] for s in ("clean", "ner", "analysis_other", "cluster", "origins", "reconcile",
                                        "brief", "events_other")]
    assert all(s is not None and s >= -0.01 for s in shares) and 0.9 < sum(shares) < 1.1
    assert m["share_ner"] > 0 and m["share_brief"] > 0
    multi = [k for k in m if k.startswith("ner_only_") and k.endswith("proc_articles_per_s")]
    assert multi == [] if (os.cpu_count() or 1) == 1 else m[multi[0]] > 0


def test_probe_long_times_every_stage_and_the_page():
    probe = speed.probe_long(3_000)
    assert probe["s_total"] > 0 and probe["s_ner_reference"] > 0 and probe["s_highlight"] >= 0
    assert probe["peak_rss_mb"] > 0 and probe["kb"] == 3.0


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2, reason="workers fork on Linux")
def test_probe_long_with_workers_reads_the_article_as_a_run_with_workers_does(monkeypatch):
    from newsfuse import workers

    monkeypatch.setattr(workers, "LONG_CHARS", 2_000)  # so the article is spread over the workers
    probe = speed.probe_long(3_000, workers=2)
    assert probe["workers"] == 2 and probe["s_total"] > 0 and probe["peak_rss_worker_mb"] > 0
