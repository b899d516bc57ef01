"""Reconciliation rules on hand-made claims (fictional figures)."""

import pytest

from newsfuse.casualties import reconcile
from newsfuse.models import Article, Claim


def claim(cid, article, number, *, category="killed", side=None, whose=None, claimant=None, claimant_side=None,
          scope="event", regional=None, qualifier="exact", provisional=False, low=None, high=None):
    return Claim(id=cid, category=category, number=number, qualifier=qualifier, whose=whose, side=side,
                 claimant=claimant, article_id=article, quote="q", start=0, end=1, low=low, high=high,
                 scope=scope, provisional=provisional, regional=regional, claimant_side=claimant_side)


def article(aid, claims, published=None, source="Outlet", derived_from=None):
    a = Article(id=aid, path=aid, source=source, title="t", text="q", published=published, derived_from=derived_from)
    a.claims = claims
    return a


def test_different_sides_are_not_a_conflict():
    rows = reconcile([article("a", [
        claim("a1", "a", 23, side="KG", claimant="Kyrgyzstan", claimant_side="KG", qualifier="at_least", low=23),
        claim("a2", "a", 11, side="TJ", claimant="Tajikistan", claimant_side="TJ"),
    ])])
    by_side = {r.side: r for r in rows}
    assert by_side["KG"].best == 23 and not by_side["KG"].conflict
    assert by_side["TJ"].best == 11 and not by_side["TJ"].conflict


def test_same_quantity_reported_differently_is_a_conflict_and_own_admission_is_best():
    rows = reconcile([
        article("a", [claim("a1", "a", 11, side="TJ", claimant="Tajik defence ministry", claimant_side="TJ")]),
        article("b", [claim("b1", "b", 30, side="TJ", claimant="Kyrgyz officials", claimant_side="KG",
                            qualifier="more_than", low=30)]),
    ])
    (row,) = rows
    assert row.conflict and row.best == 11 and (row.low, row.high) == (11, 30)
    assert reconcile([article("a", row and [])]) == []


def test_later_figure_from_same_claimant_supersedes():
    rows = reconcile([
        article("day1", [claim("d1", "day1", 23, side="KG", claimant="the defence ministry")], published="2024-05-14"),
        article("day2", [claim("d2", "day2", 27, side="KG", claimant="Defence ministry", provisional=True)],
                published="2024-05-15"),
    ])
    (row,) = rows
    assert row.best == 27 and row.claim_ids == ["d2"] and row.superseded_ids == ["d1"]
    assert not row.conflict and row.provisional


def test_regional_subtotal_is_its_own_row():
    rows = reconcile([article("a", [
        claim("n", "a", 23, side="KG", claimant="Kyrgyzstan"),
        claim("r", "a", 3, side="KG", claimant="the governor", regional="Batken Region"),
    ])])
    national = next(r for r in rows if r.region is None)
    regional = next(r for r in rows if r.region == "Batken Region")
    assert national.best == 23 and not national.conflict and regional.best == 3


def test_background_and_derived_reports_are_ignored():
    rows = reconcile([
        article("a", [claim("a1", "a", 6500, scope="background", whose="people")]),
        article("b", [claim("b1", "b", 12, whose="people")], derived_from="a"),
    ])
    assert rows == []


def test_conservative_rule_takes_the_lowest():
    claims = [claim("a1", "a", 40, whose="troops on both sides"), claim("a2", "a", 100, whose="troops on both sides",
                                                                     claimant="officials")]
    assert reconcile([article("a", claims)], rule="conservative")[0].best == 40
    # the default takes a figure somebody stated (the officials' 100), never the median 70 of the two
    assert reconcile([article("a", claims)])[0].best == 100
    with pytest.raises(ValueError):
        reconcile([article("a", claims)], rule="median")


def test_hedged_figures_that_can_both_be_true_are_no_conflict():
    row, = reconcile([article("a", [claim("c1", "a", 23, side="KG", claimant="Colonel Ivanov", qualifier="at_least")]),
                      article("b", [claim("c2", "b", 27, side="KG", claimant="Kyrgyzstan", claimant_side="KG")])])
    assert not row.conflict and (row.low, row.high) == (23, 27)


@pytest.mark.parametrize("first, second, conflict", [
    ((11, "exact"), (30, "more_than"), True),
    ((50, "about"), (45, "exact"), False),
    ((50, "about"), (30, "exact"), True),
    ((40, "at_most"), (45, "exact"), True),
    ((40, "at_most"), (35, "at_least"), False),
])
def test_conflict_is_decided_by_what_the_words_allow(first, second, conflict):
    (n1, q1), (n2, q2) = first, second
    row, = reconcile([article("a", [claim("c1", "a", n1, side="TJ", claimant="A", qualifier=q1)]),
                      article("b", [claim("c2", "b", n2, side="TJ", claimant="B", qualifier=q2)])])
    assert row.conflict is conflict


def test_a_figure_that_says_nothing_of_whose_joins_the_one_group_with_that_figure():
    rows = reconcile([
        article("a", [claim("c1", "a", 3, whose="civilians", claimant="the governor")]),
        article("b", [claim("c2", "b", 3, claimant="a doctor"), claim("c3", "b", 5, whose="people", claimant="police"),
                      claim("c4", "b", 2, whose="soldiers", claimant="the army")]),
    ])
    by_who = {r.whose: r for r in rows}
    assert set(by_who["civilians"].claim_ids) == {"c1", "c2"}
    assert ["c3"] in [r.claim_ids for r in rows]  # 5 matches no described group: stays on its own


def test_a_claimant_introduced_in_another_report_speaks_for_that_side():
    a = article("a", [claim("c1", "a", 23, side="KG", claimant="Colonel Ivan Orlov", qualifier="at_least")],
                published="2031-05-01")
    b = article("b", [claim("c2", "b", 27, side="KG", claimant="Kyrgyzstan", claimant_side="KG")], published="2031-05-02")
    b.text = "\"We hold our positions,\" Colonel Ivan Orlov, a spokesman for the Kyrgyz defence ministry, said."
    row, = reconcile([a, b])
    assert row.claim_ids == ["c2"] and row.superseded_ids == ["c1"]  # one voice, revised from 23 to 27
    a.text = "a ministry spokesman, Ivan Orlov, said"  # no country anywhere: stays its own voice
    b.text = "q"
    row, = reconcile([a, b])
    assert set(row.claim_ids) == {"c1", "c2"}
