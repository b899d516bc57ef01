"""The "Figures and disputes" lines, written from reconciled casualty rows."""

from __future__ import annotations

from newsfuse.brief.figures import figure_lines
from newsfuse.wording import figure_words
from newsfuse.models import Article, Casualty, Claim, Event, EventDate


def _claim(cid, number, claimant, article, qualifier="exact", **kw):
    return Claim(id=cid, category=kw.pop("category", "killed"), number=number, qualifier=qualifier,
                 whose=kw.pop("whose", "Ruritanian soldiers"), side=kw.pop("side", "RU"), claimant=claimant,
                 article_id=article, quote=kw.pop("quote", ""), start=0, end=0, **kw)


ARTICLES = {i: Article(id=i, path=f"{i}.txt", source=f"Outlet {i.upper()}", title="t", text="")
            for i in ("a", "b", "c")}


def _event(casualties, claims):
    return Event(id="ev-000000000000", title="t", event_type=None, date=EventDate(), article_ids=list(ARTICLES),
                 claims=claims, casualties=casualties)


def test_each_claimant_is_named_with_its_hedge_and_cited():
    claims = [_claim("c1", 12, "the Ruritanian defence ministry", "a", "at_least", provisional=True),
              _claim("c2", 30, None, "b")]
    row = Casualty("killed", "RU", "Ruritanian soldiers", 12, 12, 30, True, ["c1", "c2"], provisional=True)
    [line] = figure_lines(_event([row], claims), ARTICLES)
    assert line.text.startswith("Killed (Ruritanian soldiers): at least 12 according to the Ruritanian defence "
                                "ministry; 30 according to Outlet B (its own figure).")
    assert "The sources disagree." in line.text and "provisional" in line.text
    assert line.citations == ["a", "b"] and line.conflict and line.provisional


def test_agreeing_claimants_read_as_one_voice_and_no_dispute():
    claims = [_claim("c1", 4, "The governor of Zelva", "a", regional="Zelva"), _claim("c2", 4, "police", "c")]
    row = Casualty("wounded", None, "civilians", 4, 4, 4, False, ["c1", "c2"], region="Zelva")
    [line] = figure_lines(_event([row], claims), ARTICLES)
    assert line.text == "Wounded (civilians in Zelva): 4 according to the governor of Zelva and police."
    assert line.region == "Zelva" and not line.conflict


def test_superseded_figures_are_said_as_earlier_reports():
    claims = [_claim("c1", 50, "Ostrava", "b", side="OS"), _claim("c0", 1, "Ostrava", "a", side="OS")]
    row = Casualty("killed", "OS", "Ostravan soldiers", 50, 50, 50, False, ["c1"], superseded_ids=["c0"])
    [line] = figure_lines(_event([row], claims), ARTICLES)
    assert "Earlier reports gave 1 (Ostrava)." in line.text and line.citations == ["b", "a"]


def test_figure_words_keep_ranges_and_vague_words():
    assert figure_words(_claim("r", 3, None, "a", "range", low=3, high=5)) == "3–5"
    assert figure_words({"qualifier": "about", "number": 100, "low": None, "high": None}) == "about 100"  # a record's dict
    assert figure_words(_claim("v", None, None, "a", "vague", low=24, quote="dozens")) == "dozens"
    assert figure_words(_claim("m", 40, None, "a", "more_than")) == "more than 40"
