"""The faithfulness gate: a brief sentence may state only what its cited sources state."""

from __future__ import annotations

from newsfuse.brief.gate import GateStats, check, facts

SOURCE = ("The Ruritanian defence ministry said on Tuesday that forty-nine of its soldiers were killed "
          "near Zelvara, and that 1,200 people had fled in March 2031.")


def test_a_sentence_copied_from_the_source_passes():
    assert check("The Ruritanian defence ministry said forty-nine of its soldiers were killed.", [SOURCE]).passed


def test_a_number_passes_in_either_form():
    assert check("Ruritanian officials said 49 soldiers were killed near Zelvara.", [SOURCE]).passed
    assert check("About 1,200 people fled.", [SOURCE]).passed


def test_an_added_number_fails_and_is_named():
    result = check("The ministry said 50 soldiers were killed near Zelvara.", [SOURCE])
    assert not result.passed and result.unsupported == ["50"]


def test_an_added_name_or_date_fails():
    assert check("Soldiers were killed near Ostrava.", [SOURCE]).unsupported == ["Ostrava"]
    assert "Friday" in check("Soldiers were killed on Friday.", [SOURCE]).unsupported
    assert "2030" in check("People fled in 2030.", [SOURCE]).unsupported


def test_the_capitalised_first_word_is_not_taken_for_a_name():
    assert check("Soldiers were killed.", [SOURCE]).passed
    numbers, words = facts("According to Zelvara officials, 3 died.")
    assert words == ["Zelvara"] and numbers[0][1] == {3.0}


def test_any_cited_source_may_support_a_fact():
    other = "Aid groups in Marenka counted 300 families without shelter."
    assert check("Forty-nine soldiers were killed and 300 families lost shelter in Marenka.", [SOURCE, other]).passed
    assert not check("Forty-nine soldiers died in Marenka.", [SOURCE]).passed


def test_numbers_only_ignores_labels_but_not_figures():
    assert check("Killed (Ostravan troops): 49 according to Daily Courier.", [SOURCE], numbers_only=True).passed
    assert not check("Killed (Ostravan troops): 51.", [SOURCE], numbers_only=True).passed


def test_stats_count_drops_by_kind():
    stats = GateStats()
    stats.add(check("Soldiers were killed near Ostrava.", [SOURCE]))
    stats.add(check("Forty-nine soldiers were killed.", [SOURCE]))
    assert (stats.checked, stats.dropped) == (2, 1) and stats.reasons == {"name/date": 1}


# -- each cited report is read once per brief -------------------------------------------

from newsfuse.brief import gate as gate_module  # noqa: E402
from newsfuse.brief.gate import Source  # noqa: E402


def test_a_prepared_source_gives_the_same_verdict_as_its_text():
    sentences = ["Ruritanian officials said 49 soldiers were killed near Zelvara.", "About 1,200 people fled.",
                 "The ministry said 50 soldiers were killed near Zelvara.", "Soldiers were killed on Friday.",
                 "Some 1200 fled in March 2031, the defence ministry said."]
    for sentence in sentences:
        for numbers_only in (False, True):
            assert check(sentence, [Source(SOURCE)], numbers_only) == check(sentence, [SOURCE], numbers_only)
            assert check(sentence, [Source(SOURCE), "Other text."], numbers_only) == \
                check(sentence, [SOURCE, "Other text."], numbers_only)


def test_a_source_reads_its_numbers_once_however_many_sentences_are_checked(monkeypatch):
    calls = []
    original = gate_module._values
    monkeypatch.setattr(gate_module, "_values", lambda text: calls.append(text) or original(text))
    source = Source(SOURCE)
    for n in (50, 51, 52, 49):
        check(f"The ministry said {n} soldiers were killed.", [source])
    assert len(calls) == 1
    assert source.values >= {49.0, 1200.0}
