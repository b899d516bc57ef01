"""The optional translation, against a fake OpenAI-compatible server on loopback that
"translates" fictional sentences written for these tests from a small table."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from newsfuse.analysis import analyse_articles, coverage
from newsfuse.llm import LLMConfig
from newsfuse.models import Article, TranslatedSentence, Translation
from newsfuse.render.record import schema
from newsfuse import translate as tr

from .fake_llm import server  # noqa: F401 (a fixture)

DE_TITLE = "Angriff auf Grenzposten bei Batken"
DE_1 = ("Bei einem Angriff auf einen Grenzposten nahe Batken wurden am Dienstag 3 Soldaten getötet, "
        "teilte das Verteidigungsministerium mit.")
DE_2 = "Weitere 12 Menschen wurden verletzt."
DE_3 = "Die Ermittlungen dauern an."
DE_TEXT = f"{DE_1}\n{DE_2} {DE_3}"
RU_TITLE = "Обстрел села Ланка"
RU_1 = "При обстреле села Ланка погибли 5 мирных жителей, сообщили местные власти."
RU_2 = "Ещё 8 человек получили ранения."
RU_TEXT = f"{RU_1} {RU_2}"
EN_TEXT = ("Heavy rain flooded the old market of Tarnow on Monday, the city council said. "
           "Traders moved their stalls to the square while the water receded.")
ENGLISH = {
    DE_TITLE: "Attack on border post near Batken",
    DE_1: "3 soldiers were killed in an attack on a border post near Batken on Tuesday, the defence ministry said.",
    DE_2: "Another 12 people were wounded.",
    DE_3: "The investigation is continuing.",
    RU_TITLE: "Shelling of the village of Lanka",
    RU_1: "5 civilians were killed in the shelling of the village of Lanka, local authorities said.",
    RU_2: "Another 8 people were injured.",
}
REPORTS = [
    {"id": "de-1", "title": DE_TITLE, "text": DE_TEXT, "language": "de", "published": "2024-05-07",
     "source": "Nordkurier"},
    {"id": "ru-1", "title": RU_TITLE, "text": RU_TEXT, "language": "ru", "published": "2024-05-09",
     "source": "Vostochnye Vesti"},
    {"id": "en-1", "title": "Floods in Tarnow market", "text": EN_TEXT, "language": "en",
     "published": "2024-05-06", "source": "Riverside Post"},
]


def translator(body: dict) -> str:
    """A faithful model: each numbered line answered with its English line from the table."""
    lines = body["messages"][1]["content"].splitlines()
    return "\n".join(f"{n}. {ENGLISH.get(text, text)}" for n, text in (line.split(". ", 1) for line in lines))


def dropping_a_line(body: dict) -> str:
    """A model that merges two sentences: one line short."""
    return "\n".join(translator(body).splitlines()[:-1])


def _config(httpd) -> LLMConfig:
    return LLMConfig(f"http://127.0.0.1:{httpd.server_port}/v1", "fake-model", timeout=5)


def _german() -> Article:
    return Article(id="de1", path="de1.txt", source="Nordkurier", title=DE_TITLE, text=DE_TEXT,
                   language="de", published="2024-05-07")


# --- the answer's format --------------------------------------------------------------------

def test_an_answer_gives_one_line_per_sentence_by_number():
    assert tr.parse("2. Second.\n\n1. First.", 2) == ["First.", "Second."]
    assert tr.parse("```\n1) One.\n```", 1) == ["One."]


@pytest.mark.parametrize("answer, message", [
    ("1. One.", "1 lines for 2 sentences"),
    ("1. One.\n1. Again.", "two lines numbered 1"),
    ("1. One.\n2. Two.\n3. Three.", "numbered 3"),
    ("One.\nTwo.", "without its sentence number"),
    ("1. One.\n2.", "line 2 is empty"),
])
def test_an_answer_without_exactly_one_line_per_sentence_fails(answer, message):
    with pytest.raises(tr.TranslationFailed, match=message):
        tr.parse(answer, 2)


# --- one report -------------------------------------------------------------------------------

def test_a_report_is_translated_sentence_by_sentence_beside_its_original(server):
    server.answer = translator
    article = _german()
    translation = tr.translate_article(article, _config(server))
    assert translation.ok and (translation.to, translation.model) == ("en", "fake-model")
    assert translation.title == ENGLISH[DE_TITLE]
    assert [(DE_TEXT[s.start:s.end], s.text) for s in translation.sentences] == [
        (DE_1, ENGLISH[DE_1]), (DE_2, ENGLISH[DE_2]), (DE_3, ENGLISH[DE_3])]
    assert article.text == DE_TEXT and article.translation is None  # returned, the original untouched
    system, user = (m["content"] for m in server.requests[0]["body"]["messages"])
    assert "German" in system and user.splitlines() == [f"1. {DE_TITLE}", f"2. {DE_1}", f"3. {DE_2}", f"4. {DE_3}"]


def test_long_reports_go_in_batches_and_one_bad_batch_fails_the_report(server, monkeypatch):
    monkeypatch.setattr(tr, "BATCH_SENTENCES", 2)
    server.answer = translator
    assert tr.translate_article(_german(), _config(server)).ok and len(server.requests) == 2
    calls = []

    def second_batch_short(body):
        calls.append(body)
        return translator(body) if len(calls) == 1 else dropping_a_line(body)

    server.answer = second_batch_short
    failed = tr.translate_article(_german(), _config(server))
    assert not failed.ok and failed.sentences == [] and failed.error.startswith("batch 2 (sentences 3-4): 1 lines")


def test_an_unreachable_endpoint_is_a_recorded_failure_not_an_exception():
    failed = tr.translate_article(_german(), LLMConfig("http://127.0.0.1:9", "m", timeout=2))
    assert not failed.ok and "endpoint error" in failed.error and tr.needs_translation(
        Article(id="x", path="x", source="s", title="t", text="Text.", language="de", translation=failed))


def test_only_reports_not_in_english_need_a_translation():
    english = Article(id="e", path="e", source="s", title="t", text=EN_TEXT, language="en")
    done = Translation("en", "m", [TranslatedSentence(0, 5, "x")])
    assert tr.needs_translation(_german()) and not tr.needs_translation(english)
    assert not tr.needs_translation(Article(id="d", path="d", source="s", title="t", text=DE_TEXT, language="de",
                                            translation=done))


def test_a_translation_follows_its_sentences_when_the_cleaner_shortens_the_text():
    old = "Werbung hier\n" + DE_TEXT
    t = Translation("en", "m", [TranslatedSentence(13, 13 + len(DE_1), "one"),
                                TranslatedSentence(0, 12, "advert")])
    moved = tr.relocated(t, old, DE_TEXT)
    assert [(DE_TEXT[s.start:s.end], s.text) for s in moved.sentences] == [(DE_1, "one")]


# --- facts read through the translation --------------------------------------------------------

def _translated_german(server) -> Article:
    server.answer = translator
    article = _german()
    article.translation = tr.translate_article(article, _config(server))
    analyse_articles([article])
    return article


def test_facts_read_in_the_translation_keep_offsets_into_the_original_sentence(server):
    article = _translated_german(server)
    assert coverage(article) == "translated (language de)"
    killed = next(c for c in article.claims if c.category == "killed")
    assert (killed.number, killed.whose, killed.via) == (3, "soldiers", "translation")
    assert DE_TEXT[killed.start:killed.end] == DE_1 == killed.quote  # the report's own words
    assert killed.translated == ENGLISH[DE_1]
    wounded = next(c for c in article.claims if c.category == "wounded")
    assert DE_TEXT[wounded.start:wounded.end] == DE_2 and wounded.number == 12
    place = next(p for p in article.places if p.name == "Batken")
    assert (place.country, place.via, DE_TEXT[place.start:place.end]) == ("KG", "translation", DE_1)
    date = next(d for d in article.dates if d.text == "Tuesday")
    assert date.value == "2024-05-07" and (date.start, date.end) == (killed.start, killed.end)
    assert all(x.via == "translation" for field in ("entities", "numbers", "places", "actor_mentions")
               for x in getattr(article, field))
    assert article.actions and all(s.via == "translation" for s in article.actions)
    assert all(0 <= x.start < x.end <= len(DE_TEXT) for x in article.numbers + article.entities)


def test_without_a_translation_the_same_report_is_read_in_part():
    article = _german()
    analyse_articles([article])
    assert coverage(article) == "partial (language de)" and article.claims == [] and article.places == []


def test_a_french_report_keeps_its_own_reading_and_gains_only_what_english_alone_reads(server):
    text = "Trois soldats ont été tués lundi près de Batken, selon le ministère."
    ENGLISH[text] = "Three soldiers were killed on Monday near Batken, according to the ministry."
    server.answer = translator
    article = Article(id="fr1", path="fr1.txt", source="Le Courrier", title="", text=text, language="fr",
                      published="2024-05-06")
    article.translation = tr.translate_article(article, _config(server))
    analyse_articles([article])
    assert article.claims and all(c.via is None and c.translated is None for c in article.claims)
    assert article.actions and all(s.via == "translation" for s in article.actions)
    assert coverage(article) == "translated (language fr)"


def test_the_translation_is_stored_in_the_article_record_on_each_backend(fresh_store, server):
    article = _translated_german(server)
    fresh_store.add_articles([article])
    back = fresh_store.get_article(article.id)
    assert back.translation == article.translation and back.text == DE_TEXT
    assert back.claims == article.claims and coverage(back) == "translated (language de)"


# --- newsfuse run --translate --------------------------------------------------------------------

def _inputs(tmp_path, reports=REPORTS) -> str:
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
    return str(path)


def _run(*args: str):
    from click.testing import CliRunner

    from newsfuse.cli import main

    return CliRunner().invoke(main, ["run", *args])


def _stored(db: str):
    from newsfuse.render.record import all_records
    from newsfuse.store import open_store

    store = open_store(db)
    try:
        articles = {a.language: a for a in store.iter_articles()}
        return articles, all_records(store)
    finally:
        store.close()


@pytest.fixture
def endpoint(server, monkeypatch):
    monkeypatch.setenv("NEWSFUSE_LLM_BASE_URL", f"http://127.0.0.1:{server.server_port}/v1")
    monkeypatch.setenv("NEWSFUSE_LLM_MODEL", "fake-model")
    server.answer = translator
    return server


def test_translation_is_off_by_default(endpoint, tmp_path):
    db = str(tmp_path / "off.db")
    result = _run(_inputs(tmp_path), "--db", db)
    assert result.exit_code == 0, result.output
    assert endpoint.requests == [] and not re.search(r"\d+ translated", result.output)
    assert "2 partially analysed (language de 1, ru 1)" in result.output
    articles, _ = _stored(db)
    assert articles["de"].translation is None and articles["de"].claims == []


def test_run_translate_without_an_endpoint_is_a_usage_error(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSFUSE_LLM_BASE_URL", raising=False)
    result = _run(_inputs(tmp_path), "--translate", "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2 and "--translate needs NEWSFUSE_LLM_BASE_URL" in result.output
    assert not (tmp_path / "x.db").exists()


def test_run_translate_stores_translations_and_cites_the_originals(endpoint, tmp_path):
    db = str(tmp_path / "tr.db")
    result = _run(_inputs(tmp_path), "--db", db, "-q")
    assert result.exit_code == 0, result.output
    result = _run(_inputs(tmp_path, REPORTS[:2] + [dict(REPORTS[2], id="en-2", text=EN_TEXT + " More.")]),
                  "--db", db, "--translate")
    assert result.exit_code == 0, result.output
    assert "2 translated" in result.output and "partially" not in result.output
    assert len(endpoint.requests) == 2  # one per report (each fits one batch); never the English one
    articles, records = _stored(db)
    german = articles["de"]
    assert german.text == DE_TEXT and german.translation.model == "fake-model"
    assert [s.text for s in german.translation.sentences] == [ENGLISH[DE_1], ENGLISH[DE_2], ENGLISH[DE_3]]
    summaries = {a["language"]: a for r in records for a in r["articles"]}
    assert summaries["de"]["analysis"] == "translated (language de)"
    assert summaries["ru"]["translation"] == {"to": "en", "model": "fake-model", "sentences": 2, "error": None}
    assert summaries["en"]["translation"] is None and summaries["en"]["analysis"] == "full"
    for record in records:
        jsonschema.validate(record, schema())
    assert any(s.get("via") == "translation" for r in records for loc in r["locations"] for s in loc["spans"])
    claims = [c for r in records for c in r["claims"] if c["via"] == "translation"]
    by_number = {c["number"]: c for c in claims}
    assert {3, 12, 5, 8} <= set(by_number)
    assert by_number[5]["quote"] == RU_1 and RU_TEXT[by_number[5]["start"]:by_number[5]["end"]] == RU_1
    assert by_number[5]["translated"] == ENGLISH[RU_1]
    for record in records:  # the brief quotes reports' own words, never the translation
        assert not any(t in s["text"] for s in record["brief"] for t in ENGLISH.values())


def test_a_broken_endpoint_leaves_the_report_partial_and_the_run_completes(endpoint, tmp_path):
    db = str(tmp_path / "broken.db")
    endpoint.answer = dropping_a_line
    result = _run(_inputs(tmp_path), "--db", db, "--translate")
    assert result.exit_code == 0, result.output
    assert "3 read, 3 new" in result.output and "2 not translated" in result.output
    assert "2 partially analysed (language de 1, ru 1)" in result.output
    assert "not translated, analysed in part: batch 1 (sentences 1-4): 3 lines for 4 sentences" in result.output
    articles, records = _stored(db)
    assert articles["de"].translation.error.startswith("batch 1") and articles["de"].claims == []
    assert articles["en"].claims is not None and len(records) >= 2
    endpoint.answer = None  # HTTP 500 now: still a warning, and the failed ones are asked again
    result = _run(_inputs(tmp_path), "--db", db, "--translate")
    assert result.exit_code == 0 and "2 not translated" in result.output and "endpoint error" in result.output
    assert "Traceback" not in result.output
    articles, _ = _stored(db)  # the newest reason is the one kept with the report
    assert "endpoint error: HTTP Error 500" in articles["de"].translation.error


def test_a_translated_run_again_translates_nothing_and_keeps_every_id(endpoint, tmp_path):
    db = str(tmp_path / "again.db")
    assert _run(_inputs(tmp_path), "--db", db, "--translate").exit_code == 0
    asked = len(endpoint.requests)
    first_articles, first_records = _stored(db)
    result = _run(_inputs(tmp_path), "--db", db, "--translate")
    assert result.exit_code == 0 and "3 already stored" in result.output and not re.search(r"\d+ translated", result.output)
    assert len(endpoint.requests) == asked
    articles, records = _stored(db)
    assert {k: a.id for k, a in articles.items()} == {k: a.id for k, a in first_articles.items()}
    assert articles["de"].translation == first_articles["de"].translation
    assert [(r["id"], [c["id"] for c in r["claims"]]) for r in records] == \
        [(r["id"], [c["id"] for c in r["claims"]]) for r in first_records]


def test_the_article_page_shows_the_machine_translation_beside_the_original(endpoint, tmp_path):
    from fastapi.testclient import TestClient

    from newsfuse.web import create_app

    db = str(tmp_path / "web.db")
    assert _run(_inputs(tmp_path), "--db", db, "--translate").exit_code == 0
    articles, _ = _stored(db)
    html = TestClient(create_app(db), base_url="http://127.0.0.1").get(f"/articles/{articles['de'].id}").text
    assert "machine translation (model fake-model)" in html and "translated (language de)" in html
    assert ENGLISH[DE_2] in html and DE_2 in html
    assert "read in the machine translation" in html


def test_the_library_translates_when_asked(server, monkeypatch):
    import newsfuse

    server.answer = translator
    monkeypatch.delenv("NEWSFUSE_LLM_BASE_URL", raising=False)
    with pytest.raises(ValueError, match="NEWSFUSE_LLM_BASE_URL"):
        newsfuse.extract_events(REPORTS[:1], translate=True)
    assert server.requests == []
    result = newsfuse.extract_events(REPORTS[:1], translate=_config(server))
    (article,) = result.articles.values()
    assert article.translation.ok and any(c.via == "translation" and c.number == 3 for c in article.claims)
    assert all(a.translation is None for a in newsfuse.extract_events(REPORTS[:1]).articles.values())
