"""Numbers and claims scale linearly with the numbers of an article.

Each test times the same analysis on N and 4N numbers, in the same process, and
asks for a ratio well under the 16 of a quadratic (a fixed wall-clock limit
would depend on the machine). The clock is the process's CPU time, so other work on
the machine (a CI neighbour, a benchmark) does not move the ratio. Inputs are fictional: score lists, tables and
casualty lists as a scraper may hand them over, in one giant sentence or
spread over many.
"""

from __future__ import annotations

import gc
import time

import pytest

from newsfuse.analysis.claims import find_claims
from newsfuse.analysis.numbers import find_numbers
from newsfuse.analysis.sentences import split_sentences
from newsfuse.models import Article

RATIO = 8  # linear: about 4; quadratic: 16; the loops fixed here were worse


def _score_list(n: int) -> str:
    return "Scores: " + ", ".join(str(i % 1500 + 1) for i in range(n)) + "."


def _casualty_list(n: int) -> str:
    return "Officials in Dravik said the floods killed " + ", ".join(
        str(i % 900 + 2) for i in range(n)) + " people in the valley towns."


def _claims_in_one_sentence(n: int) -> str:
    return "The Varnek border guard said " + " and ".join(
        f"{i % 800 + 2} soldiers were killed in post {i}" for i in range(n)) + "."


def _column(n: int) -> str:
    """A table column flattened by a scraper: one number a line, so one sentence each."""
    return "Harvest weights of the Ostrel cooperative\n" + "\n".join(str(i % 1800 + 1) for i in range(n))


def _dates_and_times(n: int) -> str:
    return "Log: " + ", ".join(f"{i % 12 + 10}:{i % 50 + 10} {i % 40 + 3} reports" for i in range(n)) + "."


def _seconds(text: str) -> tuple[float, float, int]:
    """Best of two: seconds for find_numbers and for find_claims over one article, and the numbers found."""
    article = Article(id="a", path="p", source="s", title="t", text=text, published="2024-05-14")
    article.sentences = split_sentences(text)
    numbers = claims = float("inf")
    gc.collect()
    for _ in range(2):
        t0 = time.process_time()
        article.numbers = find_numbers(text)
        t1 = time.process_time()
        article.claims = find_claims(article)
        numbers, claims = min(numbers, t1 - t0), min(claims, time.process_time() - t1)
    return numbers, claims, len(article.numbers)


@pytest.mark.parametrize("make, n", [
    (_score_list, 1500), (_casualty_list, 500), (_claims_in_one_sentence, 150),
    (_column, 2000), (_dates_and_times, 300),
])
def test_numbers_and_claims_scale_linearly(make, n):
    *small, n_small = _seconds(make(n))
    *large, n_large = _seconds(make(4 * n))
    assert n_large >= 3.5 * n_small > 0  # the input really has 4x the numbers
    for part, a, b in zip(("numbers", "claims"), small, large):
        assert b / max(a, 2e-3) < RATIO, f"{make.__name__}, {part}: {a:.3f}s for {n_small} numbers, " \
                                         f"{b:.3f}s for {n_large}"


def test_a_long_word_after_a_number_is_read_quickly():
    """The noun phrase after a number is read word by word: a 60-letter word used to take minutes."""
    text = "Officials said 5 " + "Donaudampfschifffahrtsgesellschaftskapitaenswitwenrentenkasse" + " members left."
    t0 = time.process_time()
    _seconds(text)
    assert time.process_time() - t0 < 2


def test_dates_scale_linearly():
    """Overlapping date spans were deduplicated against every span kept so far."""
    from newsfuse.analysis.dates import resolve_dates

    def seconds(n: int) -> tuple[float, int]:
        text = "Ferry log: " + ", ".join(f"{i % 28 + 1} March {2000 + i % 20}" for i in range(n)) + "."
        best, found = float("inf"), 0
        for _ in range(3):
            t0 = time.process_time()
            found = len(resolve_dates(text, [], "2024-05-14"))
            best = min(best, time.process_time() - t0)
        return best, found

    (small, n_small), (large, n_large) = seconds(1000), seconds(4000)
    assert n_large >= 3.5 * n_small > 0
    assert large / max(small, 1e-4) < RATIO, f"{small:.3f}s for {n_small} dates, {large:.3f}s for {n_large}"


def _places_seconds(n: int) -> float:
    """Best of three: seconds for find_places over one sentence naming ``n`` places (fictional wards)."""
    from newsfuse.analysis import analyse_articles
    from newsfuse.analysis.places import find_places

    filler = "cases by the count the county health office publishes every week for its wards"
    text = "Officials said " + ", ".join(f"Ward {i} of Springfield near Boston had {i} {filler}" for i in range(n)) + "."
    article = Article(id="p", path="p", source="s", title="t", text=text, published="2024-05-14")
    analyse_articles([article])  # sentences and entities (spaCy is linear)
    best = float("inf")
    gc.collect()
    for _ in range(3):
        t0 = time.process_time()
        find_places(article)
        best = min(best, time.process_time() - t0)
    return best


def test_places_scale_linearly_with_the_names_of_one_sentence():
    """Each place's role once searched its whole sentence (2,000 places: 92 s, now 3 s)."""
    small, large = _places_seconds(200), _places_seconds(800)
    assert large / small < RATIO, f"200 places: {small:.2f} s, 800 places: {large:.2f} s"
