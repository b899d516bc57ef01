"""Articles are read in their own language: French and Spanish by their own readers, other
languages not at all (issue 16). Fixtures: tests/fixtures/multilingual (fictional)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from newsfuse.analysis import PIPELINE, analyse_articles, coverage
from newsfuse.analysis.languages import language_of, lexicon, supported_languages
from newsfuse.analysis.numbers_lang import find_numbers_lang
from newsfuse.models import Article, RawArticle
from newsfuse.pipeline import RunSummary, analyse_raw, prepare_batch

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"
PUBLISHED = "2026-03-04"


def _raw(lang: str) -> RawArticle:
    return RawArticle(path=str(FIXTURES / f"{lang}.txt"), text=(FIXTURES / f"{lang}.txt").read_text("utf-8"),
                      published=PUBLISHED)


@pytest.fixture(scope="module")
def analysed() -> dict[str, Article]:
    articles = prepare_batch([_raw(x) for x in ("en", "fr", "es", "ru", "ar")], RunSummary())
    analyse_articles(articles)
    return {a.language: a for a in articles}


def test_languages_are_detected(analysed):
    assert set(analysed) == {"en", "fr", "es", "ru", "ar"}


def test_french_and_spanish_have_word_lists():
    assert {"en", "fr", "es"} <= supported_languages()
    assert lexicon("fr").category("tuées") == "killed"
    assert lexicon("es").category("heridos") == "wounded"
    assert lexicon("ru").words == {}


@pytest.mark.parametrize("lang", ["ru", "ar"])
def test_unsupported_language_gives_nothing_junk(analysed, lang):
    article = analysed[lang]
    assert article.places == [] and article.entities == [] and article.claims == []
    assert article.actor_mentions == [] and article.numbers == [] and article.dates == []
    assert article.sentences  # structure is read in any language
    assert coverage(article) == f"partial (language {lang})"
    assert "analysis_errors" not in article.metadata


def test_english_is_analysed_fully(analysed):
    assert coverage(analysed["en"]) == "full"
    assert PIPELINE.skipped(analysed["en"]) == []


def test_unknown_language_is_read_as_english():
    article = Article(id="x", path="x", source="s", title="t", text="Two people died.", language=None)
    assert language_of(article) == "en" and coverage(article) == "full"


@pytest.mark.parametrize("lang, town", [("fr", "Séville"), ("es", "Sevilla")])
def test_places_resolve_to_the_same_town(analysed, lang, town):
    places = analysed[lang].places
    assert [p.text for p in places if p.geonameid == analysed["en"].places[0].geonameid] == [town]
    assert not any(p.text in {"Partager", "Compartir", "Publicité", "Publicidad", "Espagne", "España"}
                   for p in places)  # page junk: share bars, "Lire aussi"/"Lea también" link lines


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_figures_and_claimants(analysed, lang):
    body = [(c.category, c.number, c.qualifier) for c in analysed[lang].claims if c.field == "text"]
    assert body == [("killed", 4.0, "at_least"), ("wounded", 17.0, "exact"), ("wounded", 19.0, "exact")]
    claimants = [c.claimant for c in analysed[lang].claims if c.field == "text"]
    assert claimants[0] == claimants[1] and claimants[0] != claimants[2] and all(claimants)


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_dates_resolve_against_publication(analysed, lang):
    assert [d.value for d in analysed[lang].dates] == ["2026-03-03"]  # "mardi", "el martes"


def test_number_words_hedges_and_non_counts():
    found = find_numbers_lang("Au moins vingt-deux soldats, un homme de 45 ans, le 13 septembre 2022 à 22h05, "
                              "un mort, des dizaines de blessés.", "fr")
    assert [(m.value, m.qualifier) for m in found] == [(22.0, "at_least"), (1.0, "exact"), (None, "vague")]
    found = find_numbers_lang("Más de 1.200 vecinos, el 5 de mayo, una casa.", "es")
    assert [(m.value, m.qualifier) for m in found] == [(1200.0, "more_than")]


def test_one_event_across_three_languages_with_figures_per_claimant():
    summary = RunSummary()
    events, _ = analyse_raw([_raw(x) for x in ("en", "fr", "es", "ru", "ar")], summary)
    seville = [e for e in events if len(e.article_ids) > 1]
    assert len(seville) == 1 and len(seville[0].article_ids) == 3
    per_claimant: dict[str, set] = defaultdict(set)
    for c in seville[0].claims:
        if c.claimant and c.field == "text":
            per_claimant[c.claimant].add((c.category, c.number))
    fire = {("killed", 4.0), ("wounded", 17.0)}
    health = {("wounded", 19.0)}
    assert sorted(per_claimant.values(), key=len) == [health] * 3 + [fire] * 3
    assert summary.partial == {"fr": 1, "es": 1, "ru": 1, "ar": 1}


def test_run_summary_counts_partial_articles(tmp_path):
    from click.testing import CliRunner

    from newsfuse.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    for lang in ("en", "ru"):
        (folder / f"{lang}.txt").write_text((FIXTURES / f"{lang}.txt").read_text("utf-8"), "utf-8")
    result = CliRunner().invoke(main, ["run", str(folder), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "1 partially analysed (language ru 1)" in result.output


def test_brief_quotes_the_readers_language_first_and_never_mixes():
    events, articles = analyse_raw([_raw(x) for x in ("fr", "es", "en")], RunSummary())
    (event,) = [e for e in events if len(e.article_ids) == 3]
    by_id = {a.id: a for a in articles}
    english = next(a for a in articles if a.language == "en")
    assert event.title == english.title and event.brief_headline.text == english.title
    assert event.brief and all(s.citations[0] == english.id for s in event.brief)
    for sentence in event.brief:  # each sentence is its own report's words, at its offsets
        src = sentence.source
        assert src["article_id"] == english.id
        assert by_id[src["article_id"]].text[src["start"]:src["end"]] == sentence.text


def test_the_readers_language_is_chosen_per_store_and_kept(tmp_path):
    """`run --lang fr` makes briefs quote the French report first; later runs keep it."""
    import json

    from click.testing import CliRunner

    from newsfuse.cli import main

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": (FIXTURES / f"{x}.txt").read_text("utf-8"), "published": PUBLISHED,
                                        "source": f"Fictional {x}"}) + "\n" for x in ("en", "fr", "es")), "utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(feed), "--db", db, "--lang", "fr"]).exit_code == 0

    def brief_languages() -> list[str]:
        (event,) = [e for e in json.loads(runner.invoke(main, ["events", "--db", db, "--json"]).stdout)
                    if len(e["articles"]) == 3]
        language = {a["id"]: a["language"] for a in event["articles"]}
        return [language[s["source"]["article_id"]] for s in event["brief"]]

    assert brief_languages() and set(brief_languages()) == {"fr"}
    assert runner.invoke(main, ["run", str(feed), "--db", db]).exit_code == 0  # no --lang: the store's choice
    assert set(brief_languages()) == {"fr"}
    assert runner.invoke(main, ["run", str(feed), "--db", db, "--lang", "en"]).exit_code == 0  # rebuilt for English
    assert set(brief_languages()) == {"en"}
