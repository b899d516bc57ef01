"""Counting conventions of the claims bench, on fictional releases."""

from __future__ import annotations


from newsfuse.bench.claims import predict, release_minimum
from newsfuse.analyse.claims import claims_with_mentions
from tests.test_analyse_claims import _article


def _mins(text: str) -> tuple[int, int]:
    p = predict(_article(text))
    return p["killed_min"], p["captured_min"]


def test_vague_words_and_lists():
    assert _mins("A joint patrol detained several suspected insurgents in Zorbia district.") == (0, 3)
    assert _mins("A joint patrol detained numerous suspected insurgents.") == (0, 4)
    assert _mins("The force captured a bandit leader and two associates.") == (0, 3)


def test_restatement_not_double_counted():
    text = ("The force detained several suspected insurgents in Zorbia. "
            "After questioning, the force detained three suspected insurgents.")
    assert _mins(text) == (0, 3)


def test_killed_counts_enemy_only():
    text = "The commander is linked to a bomb that killed four soldiers. The patrol killed two insurgents."
    assert _mins(text) == (2, 0)


def test_more_than_counts_n_plus_one():
    assert _mins("The force detained more than 10 suspects.") == (0, 11)


def test_release_minimum_empty():
    a = _article("Nothing happened today.")
    assert release_minimum(a.text, claims_with_mentions(a), {"killed"}) == 0
