"""The faithfulness gate: a brief sentence may state only what its cited sources state.

Every number, date word and name in a sentence must occur in at least one of
the articles it cites; a sentence that fails is dropped, never shown. This is
what lets an abstractive rewrite (:mod:`newsfuse.brief.rewrite`) be offered at
all, and it guards extractive sentences whose openings were resolved.

What counts as a fact (deliberately simple, so a reader can predict it):

* numbers — digits ("49", "1,200", "3.5") and number words ("forty-nine",
  "a dozen"); a figure is supported when the sources state the same value in
  either form;
* dates — month and weekday names and four-digit years;
* names — runs of capitalised words not at the very start of the sentence
  (plus the first word when the next is capitalised too), e.g. "Defence
  Ministry", "Kalbajar".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis.numbers import find_numbers

_MONTHS = ("January February March April May June July August September October November December "
           "Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()
_DATE_WORD = re.compile(r"\b(?:%s)\b|\b(?:1[89]|20)\d\d\b" % "|".join(_MONTHS))
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|de|al|el|the|and)?\s*[A-Z][\w'’.-]*)*")
_FUNCTION = {"The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "As", "After", "Before", "But",
             "And", "Or", "If", "When", "While", "This", "That", "These", "Those", "It", "He", "She", "They",
             "We", "I", "Its", "His", "Her", "Their", "Our", "There", "According", "Meanwhile", "However"}


@dataclass
class GateResult:
    """Why a sentence passed or failed, for the bench and for debugging."""

    passed: bool
    unsupported: list[str] = field(default_factory=list)


@dataclass
class GateStats:
    checked: int = 0
    dropped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def add(self, result: GateResult) -> None:
        self.checked += 1
        if not result.passed:
            self.dropped += 1
            for fact in result.unsupported:
                kind = "number" if any(ch.isdigit() for ch in fact) or fact.islower() else "name/date"
                self.reasons[kind] = self.reasons.get(kind, 0) + 1


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _values(text: str) -> set[float]:
    out: set[float] = set()
    for n in find_numbers(text):
        for v in (n.value, n.low, n.high):
            if v is not None:
                out.add(float(v))
    return out


def facts(sentence: str) -> tuple[list[tuple[str, set[float]]], list[str]]:
    """The sentence's numbers (with their values) and its date words and names."""
    numbers = []
    for n in find_numbers(sentence):
        values = {float(v) for v in (n.value, n.low, n.high) if v is not None}
        if values:
            numbers.append((n.text, values))
    words = [m.group(0) for m in _DATE_WORD.finditer(sentence)]
    for m in _NAME.finditer(sentence):
        name = m.group(0).rstrip(".")
        first_word = m.start() == 0 or sentence[: m.start()].strip() in {"", "\"", "“", "'"}
        if first_word:
            parts = name.split()
            if len(parts) == 1 or parts[0] in _FUNCTION:
                name = " ".join(parts[1:]) if parts[0] in _FUNCTION else ""
        if name and name not in _FUNCTION:
            words.append(name)
    return numbers, words


class Source:
    """One cited text, normalised once, with the values of its numbers found on first need.

    A brief checks many sentences against the same few reports; reading a report's
    numbers once (instead of once per checked sentence) keeps a long article's brief
    linear in its length."""

    def __init__(self, text: str):
        self.text = _norm(text)
        self._values: set[float] | None = None

    @property
    def values(self) -> set[float]:
        if self._values is None:
            self._values = _values(self.text)
        return self._values


def check(sentence: str, sources: list[str | Source], numbers_only: bool = False) -> GateResult:
    """Does every fact of ``sentence`` occur in at least one of ``sources``?

    ``numbers_only`` is for the figure lines, whose labels (a side's demonym, an
    outlet's name) come from the record rather than the text, but whose numbers
    must all be the sources' own."""
    cited = [s if isinstance(s, Source) else Source(s) for s in sources]
    texts = [s.text for s in cited]
    if any(_norm(sentence) in t for t in texts):
        return GateResult(True)  # copied word for word: it states nothing its source does not
    numbers, words = facts(_norm(sentence))
    if numbers_only:
        words = []
    source_values: set[float] | None = None
    missing: list[str] = []
    for text, values in numbers:
        if any(text in t for t in texts):
            continue
        if source_values is None:
            source_values = set().union(*(s.values for s in cited)) if cited else set()
        if not values & source_values:
            missing.append(text)
    for word in words:
        if not any(word in t for t in texts):
            missing.append(word)
    return GateResult(not missing, missing)
