"""Properties of reconciliation over arbitrary claims (Hypothesis; profiles in tests/conftest.py).

What must hold for any set of claims: a row's ``best`` is a figure some claim stated
(its number, or the floor of vague words), never an average, so it is a whole number
for counted people; an event total is a whole number, and what its basis says it is:
one cited claim's figure, a sum of cited figures, or the shot minus the dead.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from newsfuse.casualties import reconcile
from newsfuse.models import Article, Claim
from newsfuse.totals import category_total, event_totals

CATEGORIES = ["killed", "wounded", "shot", "captured"]
WHOSE = [None, "people", "attackers", "civilians", "police officers", "Kyrgyz soldiers"]
SIDES = [None, "KG", "TJ"]
QUALIFIERS = ["exact", "at_least", "about", "more_than", "vague", "range"]
CLAIMANTS = [None, "police", "the ministry", "a witness", "Colonel Arkan"]


@st.composite
def claims_of(draw, article_id: str) -> list[Claim]:
    out = []
    for i in range(draw(st.integers(0, 6))):
        qualifier = draw(st.sampled_from(QUALIFIERS))
        number = draw(st.integers(0, 100_000))
        low, high = (number, number + draw(st.integers(0, 50))) if qualifier == "range" else (None, None)
        if qualifier == "vague":
            number, low = None, draw(st.integers(2, 30))
        out.append(Claim(
            id=f"{article_id}-c{i + 1}", category=draw(st.sampled_from(CATEGORIES)), number=number,
            qualifier=qualifier, whose=draw(st.sampled_from(WHOSE)), side=draw(st.sampled_from(SIDES)),
            claimant=draw(st.sampled_from(CLAIMANTS)), article_id=article_id, quote="q", start=0, end=1,
            low=low, high=high, scope=draw(st.sampled_from(["event", "event", "background"])),
            regional=draw(st.sampled_from([None, None, "Batken Region"])),
            claimant_side=draw(st.sampled_from(SIDES))))
    return out


@st.composite
def articles(draw) -> list[Article]:
    out = []
    for k in range(draw(st.integers(1, 4))):
        aid = f"a{k}"
        article = Article(id=aid, path=aid, source=draw(st.sampled_from(["one.example", "two.example"])), title="",
                          text="", published=draw(st.sampled_from([None, "2022-09-13", "2022-09-14"])))
        article.claims = draw(claims_of(aid))
        out.append(article)
    return out


def _stated(claim: Claim) -> float | None:
    return claim.number if claim.number is not None else claim.low


@given(articles(), st.sampled_from(["best", "conservative"]))
def test_every_best_is_a_stated_figure(reports, rule):
    claims = {c.id: c for a in reports for c in a.claims}
    for row in reconcile(reports, rule):
        assert row.best == int(row.best), row  # counted people: never 18.5
        assert row.best in {_stated(claims[i]) for i in row.claim_ids}, row


@given(articles())
def test_every_total_is_what_its_basis_says(reports):
    claims = {c.id: c for a in reports for c in a.claims}
    rows = reconcile(reports)
    fatalities, injured = event_totals(rows, list(claims.values()))
    for total, category in ((fatalities, "killed"), (injured, "wounded")):
        assert isinstance(total.value, int) and total.value >= 0
        cited = set(total.claim_ids)
        if total.basis.startswith(("stated total", "largest regional")):
            assert total.value in {_stated(claims[i]) for i in cited}
        elif total.basis.startswith(("sum of parts", "everybody + attackers")):
            used = [r for r in rows if r.category == category and r.claim_ids and set(r.claim_ids) <= cited]
            assert total.value == round(sum(r.best for r in used))
        elif total.basis.startswith("shot ("):
            shot, dead = (int(x) for x in total.basis.replace("shot (", "").replace(") − fatalities (", " ")
                          .rstrip(")").split())
            assert total is injured and dead == fatalities.value and total.value == shot - dead > 0
            assert shot == category_total(rows, "shot", list(claims.values()))[0]
        else:
            assert total.basis == "no figure reported" and total.value == 0 and not cited
