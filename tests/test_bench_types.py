"""``newsfuse bench types``: the PLOVER -> ACLED mapping, the typed set and its scoring."""

import json

from click.testing import CliRunner

from newsfuse.bench.types import acled_of, build_plover, run
from newsfuse.cli import main


def _record(rid, event, text, mode=None, trigger="", source="MIL"):
    return {"id": rid, "event": event, "mode": mode, "eventText": trigger, "text": text,
            "source": [{"actorText": "x", "sector": source}]}


def test_mapping_rows():
    assert acled_of(_record("1", "FIGHT", "", "heavy-weapons", "shelled")) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert acled_of(_record("2", "FIGHT", "", "heavy-weapons", "retaken village", "MIL")) == (
        "Battles", "Government regains territory")
    assert acled_of(_record("3", "FIGHT", "", "heavy-weapons", "captured town", "REB")) == (
        "Battles", "Non-state actor overtakes territory")
    assert acled_of(_record("4", "FIGHT", "", "firearms", "clashed")) == ("Battles", "Armed clash")
    assert acled_of(_record("5", "ASSAULT", "", "suicide-attack")) == ("Explosions/Remote violence", "Suicide bomb")
    assert acled_of(_record("6", "ASSAULT", "", "beat")) == ("Violence against civilians", "Attack")
    assert acled_of(_record("7", "PROTEST", "", "riot-spon")) == ("Riots", "Violent demonstration")
    assert acled_of(_record("8", "PROTEST", "", "demo-org")) == ("Protests", "Peaceful protest")
    assert acled_of(_record("9", "COERCE", "", "detain")) == ("Strategic developments", "Arrests")
    assert acled_of(_record("10", "COERCE", "", "curfew")) == ("other", None)
    assert acled_of(_record("11", "AGREE", "")) == ("other", None)


FICTIONAL = [  # written for this test, in PLOVER's record shape
    _record("F-1", "FIGHT", "Government troops clashed with rebels near Ostrava-Dol on Monday.", "firearms"),
    _record("F-2", "FIGHT", "Rebels shelled the town of Ruvik overnight, killing four people.", "heavy-weapons",
            "shelled", "REB"),
    _record("F-3", "AGREE", "Ministers of Alandia and Borduria agreed to cooperate on fisheries."),
    _record("F-4", "AGREE", "The two parliaments agreed to hold joint sessions next spring."),
    _record("F-5", "PROTEST", "Thousands of nurses demonstrated in the capital on Friday.", "demo-org", source="LAB"),
]


def test_build_splits_each_category_in_halves(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(FICTIONAL), encoding="utf-8")
    items = build_plover(path)
    halves = {i["id"]: i["half"] for i in items}
    assert halves == {"F-1": "first", "F-2": "second", "F-3": "first", "F-4": "second", "F-5": "first"}
    assert {i["id"]: i["gold"]["event_type"] for i in items}["F-2"] == "Explosions/Remote violence"


def test_run_scores_both_halves(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(FICTIONAL), encoding="utf-8")
    report = run(path)
    assert report.items == 5
    assert report.metrics["all_type_accuracy"] == 1.0
    assert report.metrics["first_coded_n"] == 2 and report.metrics["second_coded_n"] == 1
    built = tmp_path / "typed.jsonl"
    built.write_text("".join(json.dumps(i) + "\n" for i in build_plover(path)), encoding="utf-8")
    assert run(built).metrics == report.metrics


def test_cli_bench_types(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(FICTIONAL), encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "types", "--data", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["metrics"]["all_n"] == 5


def test_gva_share(tmp_path):
    incidents = [
        {"id": "g1", "docs": [{"title": "Man shot on Oak Street", "text": "A man was shot and wounded on Oak "
                               "Street on Tuesday night, police said. He was taken to hospital.",
                               "published": "2016-05-04", "source": "example.org"}]},
        {"id": "g2", "docs": [{"title": "Boy hurt when gun goes off", "text": "A boy was wounded when a "
                               "handgun accidentally went off at his home on Sunday, deputies said.",
                               "published": "2016-05-02", "source": "example.org"}]},
    ]
    path = tmp_path / "gva.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in incidents), encoding="utf-8")
    report = run(path)
    assert report.metrics["all_violence_against_civilians"] == 0.5
    assert report.metrics["share accident"] == 0.5
