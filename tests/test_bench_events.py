"""``newsfuse bench events``: the protocol scorer on hand-made data, what an event predicts,
docs mapped back to events, and a cross-check with the reference scorer in ../shared.

Every text here is written for these tests (invented towns and people).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsfuse.bench import NEEDS_DATA, TASKS
from newsfuse.bench.events import baseline_lines, event_values, fuse, largest_figure, main_point
from newsfuse.bench.scoring import event_fusion_scores
from newsfuse.cli import main
from newsfuse.models import Casualty, Event, EventDate, Location

GVA = "bench/events/gva_dev.jsonl"
PROTOCOL_KEYS = {"b3_p", "b3_r", "b3_f1", "n_pred_events", "n_incidents", "killed_acc", "injured_acc",
                 "date_acc", "loc_acc25", "n_docs", "missing"}


def incident(iid, docs, *, date="2031-05-02", killed=1, injured=0, lat=10.0, lon=20.0):
    return {"id": iid, "date": date, "killed": killed, "injured": injured, "lat": lat, "lon": lon,
            "docs": [{"id": d} for d in docs]}


GOLD = [
    incident("g1", ["a1", "a2", "a3"], killed=2, injured=1),
    incident("g2", ["b1", "b2"], date="2031-05-09", killed=0, injured=3, lat=-5.0, lon=30.0),
    incident("g3", ["c1"], date="2031-06-01", killed=0, injured=0, lat=None, lon=None),
]


def line(doc, event, killed=None, injured=None, date=None, lat=None, lon=None):
    return {"id": doc, "event": event, "killed": killed, "injured": injured, "date": date, "lat": lat, "lon": lon}


def perfect_lines(gold=GOLD):
    return [line(d["id"], inc["id"], inc["killed"], inc["injured"], inc["date"], inc["lat"], inc["lon"])
            for inc in gold for d in inc["docs"]]


def test_perfect_predictions_score_one():
    scores = event_fusion_scores(GOLD, perfect_lines())
    assert set(scores) == PROTOCOL_KEYS
    assert scores == {"b3_p": 1.0, "b3_r": 1.0, "b3_f1": 1.0, "n_pred_events": 3, "n_incidents": 3,
                      "killed_acc": 1.0, "injured_acc": 1.0, "date_acc": 1.0, "loc_acc25": 1.0,
                      "n_docs": 6, "missing": 0}


def test_one_event_per_doc_baseline_follows_the_readme_formula():
    scores = event_fusion_scores(GOLD, baseline_lines(GOLD))
    # recall of a doc is 1 / |its incident|: summed over docs that is the number of incidents
    assert scores["b3_p"] == 1.0 and scores["b3_r"] == pytest.approx(3 / 6)
    assert scores["b3_f1"] == pytest.approx(2 * 0.5 / 1.5)
    assert scores["n_pred_events"] == 6
    assert scores["killed_acc"] == pytest.approx(2 / 3)  # g2 and g3 have nobody killed
    assert scores["injured_acc"] == pytest.approx(1 / 3)  # only g3 has nobody injured
    assert scores["date_acc"] == 0.0 and scores["loc_acc25"] == 0.0


def test_the_event_holding_most_docs_speaks_for_the_incident_and_ties_go_to_the_earliest_doc():
    lines = perfect_lines()
    lines[0] = line("a1", "x", 9, 9)  # a1 alone in x; a2, a3 in g1 -> g1's event wins
    assert event_fusion_scores(GOLD, lines)["killed_acc"] == 1.0
    # b1 in y (wrong values), b2 in g2: one doc each; b1 comes first in the gold file -> y
    lines = perfect_lines()
    lines[3] = line("b1", "y", 5, 5, "2031-01-01", 50.0, 50.0)
    scores = event_fusion_scores(GOLD, lines)
    assert scores["killed_acc"] == scores["injured_acc"] == scores["date_acc"] == pytest.approx(2 / 3)
    assert scores["loc_acc25"] == pytest.approx(1 / 2)


def test_event_values_are_the_most_common_over_its_lines_ties_first_seen():
    gold = [incident("g1", ["a1", "a2", "a3"], killed=2)]
    votes = [line("a1", "e", 2), line("a2", "e", 3), line("a3", "e", 2)]
    assert event_fusion_scores(gold, votes)["killed_acc"] == 1.0
    tie = [line("a1", "e", 3), line("a2", "e", 2), line("a3", "f", 2)]  # e: 3 and 2 once each -> 3
    assert event_fusion_scores(gold, tie)["killed_acc"] == 0.0
    # the mode runs over all lines of the event, also those of other incidents
    gold2 = gold + [incident("g2", ["b1", "b2"], killed=7)]
    shared = [line("a1", "e", 2), line("a2", "e", 2), line("a3", "e", 2), line("b1", "e", 7), line("b2", "e", 7)]
    scores = event_fusion_scores(gold2, shared)
    assert scores["killed_acc"] == pytest.approx(1 / 2) and scores["b3_p"] < 1.0


def test_missing_docs_are_singletons_and_an_unpredicted_incident_scores_zero():
    lines = [x for x in perfect_lines() if x["id"] not in ("a3", "c1")]
    scores = event_fusion_scores(GOLD, lines)
    assert scores["missing"] == 2 and scores["n_docs"] == 6 and scores["n_pred_events"] == 2
    assert scores["b3_p"] == 1.0
    assert scores["b3_r"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1 + 1) / 6)
    assert scores["killed_acc"] == pytest.approx(2 / 3)  # c1's incident had no prediction at all
    assert scores["loc_acc25"] == 1.0  # g3 has no gold coordinates: not counted either way


def test_null_event_is_its_own_singleton_but_not_missing():
    lines = perfect_lines()
    lines[1] = line("a2", None, 2, 1, "2031-05-02", 10.0, 20.0)
    lines[2] = line("a3", None, 2, 1, "2031-05-02", 10.0, 20.0)
    scores = event_fusion_scores(GOLD, lines)
    assert scores["missing"] == 0 and scores["n_pred_events"] == 5
    assert scores["b3_r"] == pytest.approx((1 / 3 * 3 + 1 + 1 + 1) / 6)


def test_null_values_count_as_wrong():
    gold = [incident("g1", ["a1"], killed=0, injured=0)]
    scores = event_fusion_scores(gold, [line("a1", "e")])
    assert scores["killed_acc"] == scores["injured_acc"] == scores["date_acc"] == scores["loc_acc25"] == 0.0
    # numbers written as integral floats or digit strings are read as ints, as the reference does
    assert event_fusion_scores(gold, [line("a1", "e", 0.0, "0")])["killed_acc"] == 1.0


def test_location_is_right_within_25_km_over_incidents_with_coordinates_only():
    gold = [incident("g1", ["a1"], lat=0.0, lon=0.0), incident("g2", ["b1"], lat=0.0, lon=0.0),
            incident("g3", ["c1"], lat=None, lon=None)]
    km_per_degree = 6371.0088 * 3.141592653589793 / 180
    lines = [line("a1", "e1", lat=0.0, lon=24.9 / km_per_degree), line("b1", "e2", lat=0.0, lon=25.1 / km_per_degree),
             line("c1", "e3", lat=0.0, lon=0.0)]
    assert event_fusion_scores(gold, lines)["loc_acc25"] == pytest.approx(1 / 2)
    assert event_fusion_scores(gold[2:], lines)["loc_acc25"] is None


def test_unknown_ids_are_ignored_and_a_repeated_id_keeps_its_first_line():
    lines = perfect_lines() + [line("zz", "q", 1), line("a1", "other", 99)]
    assert event_fusion_scores(GOLD, lines) == event_fusion_scores(GOLD, perfect_lines())
    with pytest.raises(ValueError):
        event_fusion_scores(GOLD + [incident("g4", ["a1"])], [])


def test_hand_made_cases_agree_with_the_reference_scorer(shared, tmp_path):
    reference = shared / "bench" / "score_events.py"
    if not reference.exists():
        pytest.skip(f"{reference} is absent")
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(x) + "\n" for x in GOLD), encoding="utf-8")
    tie = perfect_lines()
    tie[3] = line("b1", "y", 5, 5, "2031-01-01", 50.0, 50.0)
    tie[1] = line("a2", None, 2)
    for lines in (perfect_lines(), baseline_lines(GOLD), tie, tie[:4]):
        pred_path = tmp_path / "pred.jsonl"
        pred_path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
        assert rounded(event_fusion_scores(GOLD, lines)) == score_with_reference(reference, gold_path, pred_path)


# -- what an event predicts ------------------------------------------------------


def row(category, best, region=None):
    return Casualty(category=category, side=None, whose=None, best=best, low=best, high=best, conflict=False,
                    region=region)


def test_event_values_take_the_largest_national_row_the_day_and_the_main_place():
    event = Event(
        id="ev-1", title="t", event_type=None, date=EventDate("2031-05-02", "2031-05-03", "day"), article_ids=[],
        casualties=[row("killed", 2), row("killed", 3), row("killed", 9, region="North Quarter"),
                    row("wounded", 1.5), row("captured", 4)],
        locations=[Location("Brenmoor County", precision="district"),  # no coordinates
                   Location("Ostvale", lat=41.5, lon=-81.6, precision="town", role="event"),
                   Location("Ashford", lat=40.0, lon=-80.0, precision="town")],
    )
    assert event_values(event) == {"killed": 3, "injured": 2, "date": "2031-05-02", "lat": 41.5, "lon": -81.6}
    event.casualties, event.locations = [], []
    event.date = EventDate("2031", "2031", "year")
    assert event_values(event) == {"killed": 0, "injured": 0, "date": None, "lat": None, "lon": None}
    assert largest_figure([row("killed", 5, region="Upper Ward")], "killed") == 0
    assert main_point([]) == (None, None)


# -- docs mapped back to events ----------------------------------------------------

HARBOUR = ("Two men were shot outside a bakery on Quillon Street in Ostvale late on Friday, police said. "
           "One of the men, a 34-year-old, died at Ostvale General Hospital. The other was treated for a "
           "wound to the leg. Detective Mara Lindqvist said officers were searching for a grey sedan.")
MILL = ("A teenager was wounded by gunfire near the old textile mill in Brenmoor on Sunday afternoon. "
        "Brenmoor police chief Anton Rusk said the 16-year-old was expected to survive. "
        "Nobody has been arrested and the police asked witnesses to come forward.")


def doc(did, title, text, published):
    return {"id": did, "title": title, "text": text, "published": published, "source": "ostvale-ledger.example",
            "url": f"http://ostvale-ledger.example/{did}"}


def test_every_doc_maps_to_the_event_of_its_article_duplicates_and_rejects_included():
    docs = [
        doc("d1", "Two shot outside Ostvale bakery, one dies", HARBOUR, "2031-05-03"),
        doc("d2", "Two shot outside Ostvale bakery, one dies", HARBOUR, "2031-05-03"),  # same prose: one article
        doc("d3", "Brenmoor teen wounded near textile mill", MILL, "2031-05-09"),
        doc("d4", "Share this", "Share\nTweet\nEmail", "2031-05-09"),  # nothing but boilerplate
    ]
    fused = fuse(docs)
    assert fused.event_of["d1"] is not None and fused.event_of["d1"] == fused.event_of["d2"]
    assert fused.event_of["d3"] not in (None, fused.event_of["d1"])
    assert fused.event_of["d4"] is None and fused.rejected == ["d4"]
    assert fused.summary.duplicates_in_batch == 1 and fused.mapping_errors == 0
    assert fused.seconds_cluster is not None and 0 < fused.seconds_cluster <= fused.seconds


def test_events_is_a_task_that_needs_data():
    assert TASKS["events"] == "newsfuse.bench.events" and "events" in NEEDS_DATA
    result = CliRunner().invoke(main, ["bench", "events"])
    assert result.exit_code == 2 and "needs --data" in result.output


# -- against the reference scorer, on the real file ----------------------------------


def rounded(scores):
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()}


def score_with_reference(script, gold_path, pred_path):
    done = subprocess.run([sys.executable, str(script), "--data", str(gold_path), "--pred", str(pred_path)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_a_limited_run_scores_as_the_reference_scorer_does(shared, tmp_path):
    data, reference = shared / GVA, shared / "bench" / "score_events.py"
    if not data.exists() or not reference.exists():
        pytest.skip(f"{data} or {reference} is absent")
    limit = 40
    pred_path, gold_path = tmp_path / "pred.jsonl", tmp_path / "gold.jsonl"
    result = CliRunner().invoke(main, ["bench", "events", "--data", str(data), "--limit", str(limit),
                                       "--predictions", str(pred_path), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)["metrics"]
    with open(data, encoding="utf-8") as fh:  # the same incidents, written at run time only
        gold_path.write_text("".join(next(fh) for _ in range(limit)), encoding="utf-8")
    expected = score_with_reference(reference, gold_path, pred_path)
    assert rounded({k: metrics[k] for k in PROTOCOL_KEYS}) == expected
    lines = [json.loads(x) for x in pred_path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == expected["n_docs"] and all(set(x) == {"id", "event", "killed", "injured", "date", "lat", "lon"}
                                                    for x in lines)
    assert metrics["ms_per_report_cluster"] > 0 and 0 < metrics["baseline_b3_r"] < 1
