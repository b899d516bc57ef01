"""Counting conventions of the claims bench, on fictional releases."""

from __future__ import annotations


from newsfuse.bench.claims import predict, release_minimum
from newsfuse.analysis.claims import claims_with_mentions
from tests.test_analysis_claims import _article


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


def test_definite_companions_add_or_restate():
    # the leader was counted on his own: "the leader and one other suspect" adds one
    text = ("A joint force captured a smuggling ring leader in Velmora district. "
            "After questioning, the force detained the leader and one other suspect.")
    assert _mins(text) == (0, 2)
    # the lead already counted the group including the leader: the body restates it
    text = ("A joint force detained three suspects in Velmora district, including a smuggling ring leader. "
            "After questioning, the leader and two additional suspects were detained.")
    assert _mins(text) == (0, 3)


def test_anaphora_not_counted_twice():
    text = ("The patrol killed one armed smuggler near Tarvik. The smuggler fired at the patrol, "
            "which returned fire, killing him.")
    assert _mins(text) == (1, 0)
    text = "The patrol detained two ring leaders and several couriers. Both men were detained at a checkpoint."
    assert _mins(text) == (0, 5)


def test_definite_numeral_restates_or_refines():
    text = "The patrol detained two smugglers near Tarvik. The two suspects were detained after questioning."
    assert _mins(text) == (0, 2)
    text = "The patrol detained several smugglers near Tarvik. The five suspects were detained after questioning."
    assert _mins(text) == (0, 5)


def test_named_and_partitive_people_after_a_figure():
    text = ("The patrol killed two armed smugglers near Tarvik. Officials later confirmed that Orvel Danik, "
            "a ring leader, was killed in the clash. He was one of the smugglers killed.")
    assert _mins(text) == (2, 0)


def test_including_the_restates_a_sum():
    text = ("The patrol detained a ring leader and another courier near Tarvik. "
            "The compound was searched and two couriers were detained, including the ring leader.")
    assert _mins(text) == (0, 2)
