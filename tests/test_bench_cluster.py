"""``newsfuse bench cluster`` and ``bench pairs`` end to end on tiny fictional files.

All texts here are written for these tests (invented places and people).
"""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from click.testing import CliRunner

from newsfuse.bench import TASKS, run_task
from newsfuse.bench.cluster import analysed_articles, cluster_labels, labels_for, to_raw
from newsfuse.bench.pairs import pair_score
from newsfuse.cli import main
from newsfuse.cluster import ClusterConfig

STORIES = {
    "flood": [
        ("Floods cut off Velmora valley after river bursts its banks",
         "Heavy rain made the Orlin river burst its banks on Tuesday, flooding the Velmora valley. "
         "Rescue teams evacuated three villages and the regional governor Ilse Marven declared an emergency."),
        ("Velmora valley villages evacuated as Orlin river floods",
         "Rescue teams evacuated villages in the Velmora valley on Tuesday after the Orlin river burst its banks. "
         "Governor Ilse Marven declared an emergency as flooding spread across the valley."),
    ],
    "election": [
        ("Tarsk mayor wins second term in close election",
         "Mayor Dorian Kell of Tarsk won a second term on Sunday, beating challenger Mina Oduya by a narrow "
         "margin. Turnout in the Tarsk mayoral election reached a record high, election officials said."),
        ("Kell re-elected Tarsk mayor, narrowly beating Oduya",
         "Dorian Kell was re-elected mayor of Tarsk in Sunday's election, narrowly beating Mina Oduya. "
         "Election officials reported record turnout in the mayoral vote."),
    ],
    "bridge": [
        ("Brenhaven opens new suspension bridge over the Sallow strait",
         "The new Sallow strait suspension bridge opened to traffic in Brenhaven on Friday after six years of "
         "construction. Engineers said the bridge cuts the ferry crossing time from an hour to ten minutes."),
        ("Sallow strait bridge opens to traffic in Brenhaven",
         "Traffic began crossing the Sallow strait on Friday as the Brenhaven suspension bridge opened. "
         "The bridge replaces an hour-long ferry crossing, engineers said, after six years of construction."),
    ],
}


def write_cluster_file(path, extra=()):
    rows = []
    for label, docs in STORIES.items():
        for k, (title, text) in enumerate(docs):
            rows.append({"id": f"{label}-{k}", "title": title, "text": text, "date": "2031-03-0" + str(4 + k),
                         "source": f"Outlet {k}", "lang": "en", "label": label})
    rows = rows[::2] + rows[1::2]  # interleave the stories
    rows.extend(extra)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


@pytest.fixture
def cluster_file(tmp_path):
    path = tmp_path / "tiny_cluster.jsonl"
    write_cluster_file(path)
    return path


def test_tasks_are_registered():
    assert TASKS["cluster"] == "newsfuse.bench.cluster"
    assert TASKS["pairs"] == "newsfuse.bench.pairs"


def test_to_raw_never_passes_id_or_label():
    obj = {"id": "ID-SECRET", "title": "T", "text": "", "date": None, "source": None, "lang": "en", "label": "GOLD-SECRET"}
    raw = to_raw(obj, 5, "f.jsonl")
    values = [getattr(raw, f.name) for f in fields(raw)]
    assert not any("SECRET" in str(v) for v in values)
    assert raw.path == "f.jsonl:5"
    assert raw.text == "T"  # empty text falls back to the title
    assert raw.language == "en"


def test_cluster_run_end_to_end(cluster_file, tmp_path):
    preds = tmp_path / "pred.jsonl"
    report = run_task("cluster", cluster_file, predictions=preds)
    m = report.metrics
    assert report.task == "cluster" and report.items == 6
    for key in ("b3_precision", "b3_recall", "b3_f1", "pairwise_precision", "pairwise_recall", "pairwise_f1", "ami"):
        assert -1.0 <= m[key] <= 1.0, key
    assert m["clusters_gold"] == 3
    assert 1 <= m["clusters_predicted"] <= 6
    assert m["seconds_per_doc"] > 0
    assert m["cleaning_failed"] == 0
    # three clearly different stories are never merged
    assert m["b3_precision"] == pytest.approx(1.0)
    lines = [json.loads(x) for x in preds.read_text().splitlines()]
    assert [x["id"] for x in lines] == [json.loads(x)["id"] for x in cluster_file.read_text().splitlines()]
    assert all(isinstance(x["label"], int) for x in lines)


def test_item_rejected_by_cleaner_is_a_singleton(tmp_path):
    path = tmp_path / "with_empty.jsonl"
    empty = {"id": "empty", "title": "", "text": "", "date": None, "source": None, "lang": "en", "label": "flood"}
    write_cluster_file(path, extra=[empty])
    report = run_task("cluster", path)
    assert report.items == 7
    assert report.metrics["cleaning_failed"] == 1
    assert any("singleton" in note for note in report.notes)


def test_positions_not_ids_map_clusters_back(tmp_path):
    # two identical texts get the same article id; each position must still get a label
    rows = write_cluster_file(tmp_path / "x.jsonl")
    items = rows + [dict(rows[0], id="copy")]
    analysed = analysed_articles(items)
    assert analysed.articles[0].id == analysed.articles[-1].id
    labels = labels_for(analysed.articles)
    assert len(labels) == len(items) and all(x >= 0 for x in labels)
    assert labels[0] == labels[-1]
    # a config that joins nothing gives all singletons; cluster_labels accepts a config
    assert len(set(labels_for(analysed.articles, ClusterConfig(threshold=99, far_threshold=99)))) == len(items)
    assert len(cluster_labels(rows, ClusterConfig())) == len(rows)


def test_cli_bench_cluster_json(cluster_file):
    result = CliRunner().invoke(main, ["bench", "cluster", "--data", str(cluster_file), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["task"] == "cluster" and report["items"] == 6
    assert "b3_f1" in report["metrics"]


def write_pairs_file(path):
    flood, election, bridge = (STORIES[k] for k in ("flood", "election", "bridge"))
    rows = [
        {"id": "p1", "lang1": "en", "lang2": "en", "text1": flood[0][1], "text2": flood[1][1], "overall": 1.0},
        {"id": "p2", "lang1": "en", "lang2": "en", "text1": election[0][1], "text2": bridge[1][1], "overall": 4.0},
        {"id": "p3", "lang1": "en", "lang2": "de", "text1": bridge[0][1], "text2": bridge[1][1], "overall": 1.5},
        {"id": "p4", "lang1": "en", "lang2": "en", "text1": flood[0][1], "text2": election[1][1], "overall": 3.667},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def test_pairs_run_end_to_end(tmp_path):
    path = tmp_path / "tiny_pairs.jsonl"
    write_pairs_file(path)
    preds = tmp_path / "scores.jsonl"
    report = run_task("pairs", path, predictions=preds)
    m = report.metrics
    assert report.items == 4 and m["pairs"] == 4 and m["crosslingual_pairs"] == 1
    # same-story pairs share far more words than different-story ones
    assert m["pearson_neg_score_vs_overall"] > 0.5
    assert m["accuracy_at_best_threshold"] == pytest.approx(1.0)
    assert 0.0 <= m["same_story_accuracy"] <= 1.0
    scores = {x["id"]: x["score"] for x in map(json.loads, preds.read_text().splitlines())}
    assert scores["p1"] > scores["p2"] and scores["p3"] > scores["p4"]


def test_pair_score_is_symmetric_and_identical_texts_score_highest(tmp_path):
    rows = write_cluster_file(tmp_path / "x.jsonl")
    arts = analysed_articles(rows).articles
    a, b, c = arts[0], arts[3], arts[1]  # flood-0, flood-1, election-0
    assert pair_score(a, b) == pytest.approx(pair_score(b, a))
    assert pair_score(a, a) >= pair_score(a, b) > pair_score(a, c)
    from newsfuse.cluster import report_key

    key, config = report_key(a), ClusterConfig()
    same_people = config.name_bonus * bool(key.names) + config.age_bonus * bool(key.ages)
    assert pair_score(a, a) == pytest.approx(1.0 + config.entity_weight * (1.0 if a.entities else 0.0) + same_people)


def test_pair_score_applies_the_clusterers_lead_figure_penalty():
    from newsfuse.models import Article, NumberMention, Span

    def art(n: int) -> Article:
        text = f"A ferry carrying {n} people sank off Quellport on Monday."
        start = text.index(str(n))
        return Article(id=str(n), path="x", source="s", title="Ferry sinks off Quellport", text=text,
                       sentences=[Span(0, len(text), text)],
                       numbers=[NumberMention(start, start + len(str(n)), str(n), float(n))])

    cfg = ClusterConfig()
    same = pair_score(art(40), art(40), config=cfg)
    other = pair_score(art(40), art(75), config=cfg)
    assert same - other == pytest.approx(cfg.figure_penalty + cfg.figure_bonus, abs=1e-6)  # same words otherwise
