"""ACLED-style totals (totals.py): one fatalities and one injured number per event."""

from __future__ import annotations

from newsfuse.models import Article, Casualty, Claim
from newsfuse.totals import category_total, event_totals, later_deaths


def row(category, best, whose=None, side=None, region=None, ids=("c1",)):
    return Casualty(category=category, side=side, whose=whose, best=best, low=best, high=best, conflict=False,
                    claim_ids=list(ids), region=region)


def claim(cid, article_id, quote="Two people were killed.", category="killed", number=2):
    return Claim(id=cid, category=category, number=number, qualifier="exact", whose=None, side=None, claimant=None,
                 article_id=article_id, quote=quote, start=0, end=len(quote))


def test_parts_and_totals_are_never_added_twice():
    # a stated total beside its parts: the larger, not the sum of all rows
    rows = [row("killed", 5, "people"), row("killed", 2, "civilians"), row("killed", 3, "police officers")]
    assert category_total(rows, "killed")[0] == 5
    # two sides' own dead are parts of one toll
    rows = [row("killed", 23, "Kyrgyz soldiers", side="KG"), row("killed", 11, "Tajik soldiers", side="TJ")]
    assert category_total(rows, "killed")[:2] == (34, "sum of parts: Kyrgyz soldiers + Tajik soldiers")
    # a regional sub-total is a floor, never added to the national figure
    rows = [row("killed", 4, "people"), row("killed", 3, "people", region="Batken")]
    assert category_total(rows, "killed")[0] == 4
    assert category_total([row("killed", 3, "people", region="Batken")], "killed")[0] == 3


def test_the_attacker_adds_to_the_victims_unless_a_report_says_he_is_counted():
    rows = [row("killed", 2, "people", ids=("c1",)), row("killed", 1, "attackers", ids=("c2",))]
    assert category_total(rows, "killed")[0] == 3
    inclusive = [claim("c1", "a", "Three are dead in what police call a murder-suicide.", number=3)]
    rows = [row("killed", 3, "people", ids=("c1",)), row("killed", 1, "attackers", ids=("c2",))]
    assert category_total(rows, "killed", inclusive)[0] == 3


def test_injured_are_the_shot_who_did_not_die():
    totals = event_totals([row("shot", 4, "people"), row("killed", 1)])
    assert [(t.category, t.value) for t in totals] == [("fatalities", 1), ("injured", 3)]
    assert totals[1].basis == "shot (4) − fatalities (1)"
    assert [t.value for t in event_totals([])] == [0, 0]


def test_a_wounded_victim_who_dies_later_moves_to_the_dead():
    early = Article(id="a", path="a", source="s", title="", text="", published="2021-03-01")
    late = Article(id="b", path="b", source="s", title="", text="", published="2021-03-03")
    claims = [claim("a1", "a", category="wounded", number=1), claim("b1", "b", number=1)]
    totals = event_totals([row("wounded", 1, "people", ids=("a1",)), row("killed", 1, "people", ids=("b1",))])
    moved = later_deaths([early, late], claims, totals, lambda a: 1 if a.id == "b" else 0)
    assert [t.value for t in moved] == [1, 0]
    # the same figures from one day: nobody is known to have died since
    same_day = Article(id="b", path="b", source="s", title="", text="", published="2021-03-01")
    assert [t.value for t in later_deaths([early, same_day], claims, totals, lambda a: 0)] == [1, 1]


def test_the_attacker_adds_only_where_one_report_counts_him_apart():
    rows = [row("killed", 1, "people", ids=("a1",)), row("killed", 1, "attackers", ids=("b1",))]
    one_each = [claim("a1", "a", "One person was killed in a police shooting.", number=1),
                claim("b1", "b", "The suspect killed by officers was 17.", number=1)]
    assert category_total(rows, "killed", one_each)[0] == 1  # two reports, likely one man
    apart = [claim("a1", "a", "He killed a woman before killing himself.", number=1),
             claim("b1", "a", "He killed a woman before killing himself.", number=1)]
    assert category_total(rows, "killed", apart)[0] == 2


def test_a_sentence_that_counts_the_attacker_apart_is_not_an_inclusive_total():
    quote = "Police called it a murder-suicide: the farmer shot dead his two brothers and then himself."
    victims, shooter = claim("c1", "a", quote, number=2), claim("c2", "a", quote, number=1)
    shooter.whose = "attackers"
    rows = [row("killed", 2, "people", ids=("c1",)), row("killed", 1, "attackers", ids=("c2",))]
    assert category_total(rows, "killed", [victims, shooter])[:2] == (3, "everybody + attackers")
