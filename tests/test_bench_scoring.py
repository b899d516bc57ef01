"""Clustering and pair metrics on hand-made label lists with hand-computed values."""

from __future__ import annotations

import pytest

from newsfuse.bench.scoring import (
    accuracy_at,
    ami,
    bcubed,
    best_threshold,
    cluster_metrics,
    contingency,
    pairwise,
    pearson,
)

GOLD = ["a", "a", "a", "b", "b", "c"]


def approx(*values):
    return pytest.approx(values)


def test_perfect_clustering_scores_one_whatever_the_label_names():
    pred = [7, 7, 7, 3, 3, 9]
    assert bcubed(pred, GOLD) == approx(1.0, 1.0, 1.0)
    assert pairwise(pred, GOLD) == approx(1.0, 1.0, 1.0)
    assert ami(pred, GOLD) == pytest.approx(1.0)


def test_all_in_one_cluster():
    pred = [0] * 6
    # precision per doc: 3/6 for the a's, 2/6 for the b's, 1/6 for c -> (9 + 4 + 1) / 36
    p, r, f = bcubed(pred, GOLD)
    assert p == pytest.approx(14 / 36)
    assert r == pytest.approx(1.0)
    assert f == pytest.approx(2 * (14 / 36) / (14 / 36 + 1))
    # 15 predicted pairs, 3 + 1 gold pairs, all found
    assert pairwise(pred, GOLD) == approx(4 / 15, 1.0, 2 * (4 / 15) / (4 / 15 + 1))
    assert ami(pred, GOLD) == pytest.approx(0.0, abs=1e-9)


def test_all_singletons():
    pred = list(range(6))
    p, r, f = bcubed(pred, GOLD)
    assert p == pytest.approx(1.0)
    assert r == pytest.approx((3 * (1 / 3) + 2 * (1 / 2) + 1) / 6)  # = 0.5
    assert f == pytest.approx(2 * 0.5 / 1.5)
    # no predicted pairs: precision is vacuously 1, nothing recalled
    assert pairwise(pred, GOLD) == approx(1.0, 0.0, 0.0)


def test_all_singletons_against_all_singleton_gold_is_perfect():
    assert pairwise([1, 2, 3], ["x", "y", "z"]) == approx(1.0, 1.0, 1.0)
    assert bcubed([1, 2, 3], ["x", "y", "z"]) == approx(1.0, 1.0, 1.0)


def test_small_known_case():
    # gold {0,1,2} {3,4} {5}; predicted {0,1} {2,3,4} {5}
    pred = [1, 1, 2, 2, 2, 3]
    # B3 precision: docs 0,1: 2/2; docs 2: 1/3; docs 3,4: 2/3; doc 5: 1 -> (2 + 1/3 + 4/3 + 1) / 6
    # B3 recall:    docs 0,1: 2/3; doc 2: 1/3; docs 3,4: 2/2; doc 5: 1 -> (4/3 + 1/3 + 2 + 1) / 6
    p_exp = (2 + 1 / 3 + 4 / 3 + 1) / 6
    r_exp = (4 / 3 + 1 / 3 + 2 + 1) / 6
    p, r, f = bcubed(pred, GOLD)
    assert (p, r) == approx(p_exp, r_exp)
    assert f == pytest.approx(2 * p_exp * r_exp / (p_exp + r_exp))
    # pairs: predicted {01, 23, 24, 34} = 4; gold {01, 02, 12, 34} = 4; common {01, 34} = 2
    assert pairwise(pred, GOLD) == approx(0.5, 0.5, 0.5)
    assert 0.0 < ami(pred, GOLD) < 1.0


def test_contingency_counts_cells():
    c = contingency([1, 1, 2, 2, 2, 3], GOLD)
    assert c.n == 6
    assert sorted(c.cells.tolist()) == [1, 1, 2, 2]  # {0,1}a {2}a {3,4}b {5}c
    assert sorted(c.pred_cluster_sizes.tolist()) == [1, 2, 3]
    assert sorted(c.gold_cluster_sizes.tolist()) == [1, 2, 3]


def test_cluster_metrics_counts_clusters_and_rejects_length_mismatch():
    m = cluster_metrics([1, 1, 2, 2, 2, 3], GOLD)
    assert m["clusters_predicted"] == 3 and m["clusters_gold"] == 3
    assert m["b3_f1"] == pytest.approx(bcubed([1, 1, 2, 2, 2, 3], GOLD)[2])
    with pytest.raises(ValueError):
        bcubed([1, 2], GOLD)


def test_large_input_is_fast_and_matches_formula():
    n = 20_000
    gold = [i // 4 for i in range(n)]  # 5,000 clusters of 4
    pred = [i // 2 for i in range(n)]  # split each in two halves
    assert bcubed(pred, gold) == approx(1.0, 0.5, 2 / 3)
    # each gold cluster: 6 pairs, 2 of them kept; predicted pairs are all right
    assert pairwise(pred, gold) == approx(1.0, 1 / 3, 0.5)


def test_pearson():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert pearson([1], [1]) is None


def test_accuracy_and_best_threshold():
    scores = [0.9, 0.8, 0.4, 0.3, 0.1]
    same = [True, False, True, False, False]
    assert accuracy_at(scores, same, 0.5) == pytest.approx(3 / 5)
    # cuts: none same -> 3/5; top1 -> 4/5; top2 -> 3/5; top3 -> 4/5; top4 -> 3/5; all -> 2/5
    # ties go to the lowest threshold: top 3, threshold 0.4
    assert best_threshold(scores, same) == approx(0.4, 4 / 5)
    assert accuracy_at(scores, same, 0.4) == pytest.approx(4 / 5)


def test_best_threshold_respects_tied_scores_and_all_negative():
    # equal scores cannot be split by a threshold
    t, acc = best_threshold([0.5, 0.5, 0.2], [True, False, False])
    assert acc == pytest.approx(2 / 3)
    assert accuracy_at([0.5, 0.5, 0.2], [True, False, False], t) == pytest.approx(acc)
    t, acc = best_threshold([0.3, 0.2], [False, False])
    assert acc == 1.0 and t > 0.3
    assert best_threshold([], []) == (None, None)
