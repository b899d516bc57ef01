"""Metric helpers for the extract benchmark (WCXB bag-of-words metric)."""

from __future__ import annotations

import pytest

from newsfuse.bench.metrics import date_matches, mean, normalise_title, word_prf, words


def test_words_are_lowercased_word_tokens() -> None:
    assert words("The Quay's 12 boats -- damaged!") == ["the", "quay", "s", "12", "boats", "damaged"]
    assert words("") == []
    assert words(None) == []


def test_identical_texts_score_one() -> None:
    assert word_prf("Boats were damaged.", "boats WERE damaged") == (1.0, 1.0, 1.0)


def test_both_empty_is_perfect() -> None:
    assert word_prf("", "") == (1.0, 1.0, 1.0)
    assert word_prf("  -- ", "...") == (1.0, 1.0, 1.0)  # no tokens on either side


@pytest.mark.parametrize("pred, gold", [("", "some gold words"), ("some predicted words", ""), (None, "gold")])
def test_one_empty_is_zero(pred: str | None, gold: str) -> None:
    assert word_prf(pred, gold) == (0.0, 0.0, 0.0)


def test_no_overlap_is_zero() -> None:
    assert word_prf("alpha beta", "gamma delta") == (0.0, 0.0, 0.0)


def test_multiset_counts() -> None:
    # pred has "the" three times, gold twice: only two count as matched
    p, r, f = word_prf("the the the quay", "the the quay wall")
    assert p == pytest.approx(3 / 4)
    assert r == pytest.approx(3 / 4)
    assert f == pytest.approx(3 / 4)


def test_precision_and_recall_differ() -> None:
    p, r, f = word_prf("sea wall", "the sea wall was damaged")
    assert p == 1.0
    assert r == pytest.approx(2 / 5)
    assert f == pytest.approx(2 * 1.0 * 0.4 / 1.4)


def test_order_does_not_matter() -> None:
    assert word_prf("wall sea the", "the sea wall") == (1.0, 1.0, 1.0)


def test_normalise_title() -> None:
    assert normalise_title("  Storm  floods\n Valemont\tharbour ") == "Storm floods Valemont harbour"
    assert normalise_title(None) == ""
    assert normalise_title("") == ""
    # only whitespace is normalised: case and punctuation still count
    assert normalise_title("Storm Floods") != normalise_title("storm floods")


def test_date_matches_to_gold_precision() -> None:
    assert date_matches("2023-05-04", "2023-05-04")
    assert date_matches("2023-05-04", "2023-05")
    assert not date_matches("2023-06-04", "2023-05")
    assert not date_matches("2023-05-05", "2023-05-04")
    assert not date_matches(None, "2023-05-04")
    assert not date_matches("", "2023-05")


def test_mean() -> None:
    assert mean([]) is None
    assert mean([1.0, 0.0]) == 0.5
